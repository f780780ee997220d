using System.Globalization;

namespace SocialWork.Rules.Tests;

public class PayStepTests
{
    private static readonly LocalDate AsOf = new(2025, 3, 15);
    private static readonly PayStepPolicy Policy = PayStepPolicy.XingAnLeague("xam", new LocalDate(2021, 1, 1)) with { Timing = UpliftTiming.NextMonth };

    internal static Worker W(
        Employment employment = Employment.CommunityFullTime,
        QualificationLevel[]? quals = null,
        QualificationLevel post = QualificationLevel.None,
        LocalDate? qualifiedOn = null,
        LocalDate? postFrom = null,
        LocalDate? postTo = null,
        int? baseLevel = 3,
        string category = "general")
    {
        var on = qualifiedOn ?? new LocalDate(2023, 6, 15);
        return new Worker(
            "W",
            employment,
            [.. (quals ?? []).Select(l => new Qualification(l, on))],
            post == QualificationLevel.None ? [] : [new PostAppointment(post, postFrom ?? new LocalDate(2023, 9, 1), postTo)],
            baseLevel: baseLevel,
            postCategory: category);
    }

    public static TheoryData<string, Worker, int, string> Cases => new()
    {
        { "no qualification", W(), 0, "pay.noQualification" },
        { "qualification without appointment", W(quals: [QualificationLevel.Intermediate]), 0, "pay.noAppointment" },
        { "appointment without qualification", W(post: QualificationLevel.Intermediate), 0, "pay.noQualification" },
        { "assistant matched", W(quals: [QualificationLevel.Assistant], post: QualificationLevel.Assistant), 1, "pay.matched" },
        { "intermediate matched", W(quals: [QualificationLevel.Intermediate], post: QualificationLevel.Intermediate), 2, "pay.matched" },
        { "senior matched", W(quals: [QualificationLevel.Senior], post: QualificationLevel.Senior), 3, "pay.matched" },
        { "senior on intermediate post", W(quals: [QualificationLevel.Senior], post: QualificationLevel.Intermediate), 2, "pay.postLower" },
        { "assistant on senior post", W(quals: [QualificationLevel.Assistant], post: QualificationLevel.Senior), 1, "pay.qualificationLower" },
        { "appointment ended", W(quals: [QualificationLevel.Senior], post: QualificationLevel.Senior, postTo: new LocalDate(2024, 12, 31)), 0, "pay.noAppointment" },
        { "ineligible employment", W(Employment.StationResident, [QualificationLevel.Senior], QualificationLevel.Senior), 0, "pay.ineligibleEmployment" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Uplift_follows_qualification_and_post(string name, Worker worker, int steps, string findingCode)
    {
        var assessment = PayStepEvaluator.Assess(worker, AsOf, Policy);
        Assert.True(steps == assessment.UpliftSteps, name);
        Assert.Equal(findingCode, assessment.Findings[0].Code);
    }

    [Fact]
    public void Uplift_is_zero_without_matching_appointment()
        => Assert.Equal(0, PayStepEvaluator.Assess(W(quals: [QualificationLevel.Senior]), AsOf, Policy).UpliftSteps);

    [Fact]
    public void Senior_on_intermediate_post_explains_in_both_languages()
    {
        var finding = PayStepEvaluator.Assess(W(quals: [QualificationLevel.Intermediate], post: QualificationLevel.Assistant), AsOf, Policy).Findings[0];
        Assert.Equal("持有中级资格但聘任在初级岗位，按初级提升1级", finding.Chinese);
        Assert.Equal("holds intermediate but appointed to an assistant post: uplift 1 step", finding.English);
        Assert.Equal(finding.Chinese, finding.Message(CultureInfo.GetCultureInfo("zh-CN")));
    }

    [Fact]
    public void Qualification_obtained_mid_month_counts_from_next_month_or_the_same_day()
    {
        var worker = W(quals: [QualificationLevel.Intermediate], post: QualificationLevel.Intermediate, qualifiedOn: new LocalDate(2025, 3, 10), postFrom: new LocalDate(2024, 1, 1));
        var nextMonth = PayStepEvaluator.Assess(worker, new LocalDate(2025, 3, 20), Policy);
        Assert.Equal(0, nextMonth.UpliftSteps);
        Assert.Equal("pay.pending", nextMonth.Findings[0].Code);
        Assert.Equal("2025-04-01", nextMonth.Findings[0].Facts["startsOn"]);
        Assert.Equal(2, PayStepEvaluator.Assess(worker, new LocalDate(2025, 4, 1), Policy).UpliftSteps);
        var sameDay = Policy with { Timing = UpliftTiming.SameDay };
        Assert.Equal(0, PayStepEvaluator.Assess(worker, new LocalDate(2025, 3, 9), sameDay).UpliftSteps);
        Assert.Equal(2, PayStepEvaluator.Assess(worker, new LocalDate(2025, 3, 10), sameDay).UpliftSteps);
    }

    [Fact]
    public void Uplift_counts_for_the_whole_month_the_conditions_first_hold_by_default()
    {
        var worker = W(quals: [QualificationLevel.Intermediate], post: QualificationLevel.Intermediate, qualifiedOn: new LocalDate(2025, 3, 10), postFrom: new LocalDate(2024, 1, 1));
        var policy = PayStepPolicy.XingAnLeague("xam", new LocalDate(2021, 1, 1));
        Assert.Equal(UpliftTiming.SameMonth, policy.Timing);

        var spans = new PayStepEvaluator(policy).AssessRange(worker, new LocalDate(2025, 2, 1), new LocalDate(2025, 4, 30));

        Assert.Equal([(new LocalDate(2025, 2, 1), new LocalDate(2025, 2, 28), 0), (new LocalDate(2025, 3, 1), new LocalDate(2025, 4, 30), 2)], spans.Select(s => (s.From, s.To, s.UpliftSteps)));
    }

    [Fact]
    public void Promotion_keeps_the_lower_uplift_until_the_higher_starts()
    {
        var worker = new Worker("W", Employment.CommunityFullTime,
            [new(QualificationLevel.Assistant, new LocalDate(2020, 1, 1)), new(QualificationLevel.Intermediate, new LocalDate(2025, 3, 5))],
            [new(QualificationLevel.Intermediate, new LocalDate(2020, 1, 1))]);
        var assessment = PayStepEvaluator.Assess(worker, new LocalDate(2025, 3, 20), Policy);
        Assert.Equal(1, assessment.UpliftSteps);
        Assert.Contains(assessment.Findings, f => f.Code == "pay.higherPending");
    }

    [Fact]
    public void Policy_not_yet_in_force_gives_zero_and_says_so()
    {
        var later = Policy with { EffectiveFrom = new LocalDate(2026, 1, 1) };
        var assessment = PayStepEvaluator.Assess(W(quals: [QualificationLevel.Senior], post: QualificationLevel.Senior), AsOf, later);
        Assert.Equal(0, assessment.UpliftSteps);
        Assert.Equal("pay.policyNotInForce", assessment.Findings.Single().Code);
        Assert.Contains("not in force", assessment.Findings[0].English, StringComparison.Ordinal);
    }

    [Fact]
    public void Ladder_caps_the_effective_level_and_says_so()
    {
        var policy = Policy with { Ladder = PayLadder.ThreePostsEighteenLevels(new Dictionary<int, long> { [12] = 450_000 }) };
        var assessment = PayStepEvaluator.Assess(W(quals: [QualificationLevel.Senior], post: QualificationLevel.Senior, baseLevel: 11), AsOf, policy);
        Assert.Equal(3, assessment.UpliftSteps);
        Assert.Equal(12, assessment.EffectiveLevel);
        Assert.True(assessment.Capped);
        Assert.Contains(assessment.Findings, f => f.Code == "pay.capped");
        Assert.Equal(Money.Parse("4500"), assessment.MonthlyBasicPay);
    }

    [Fact]
    public void A_worker_without_a_post_category_is_told_which_categories_the_ladder_has()
    {
        var policy = Policy with { Ladder = PayLadder.ThreePostsEighteenLevels() };
        var worker = new Worker("W9", Employment.CommunityFullTime, baseLevel: 3);

        var assessment = PayStepEvaluator.Assess(worker, AsOf, policy);

        var finding = Assert.Single(assessment.Findings, f => f.Code == "pay.noCategory");
        Assert.Contains("no post category", finding.English, StringComparison.Ordinal);
        Assert.Contains("head", finding.English, StringComparison.Ordinal);
        Assert.StartsWith("未填岗位类别", finding.Chinese, StringComparison.Ordinal);
        Assert.DoesNotContain(assessment.Findings, f => f.Code == "pay.unknownCategory");
    }

    [Fact]
    public void Effective_level_is_base_plus_uplift_without_a_ladder()
    {
        var assessment = PayStepEvaluator.Assess(W(quals: [QualificationLevel.Senior], post: QualificationLevel.Senior, baseLevel: 11), AsOf, Policy);
        Assert.Equal(14, assessment.EffectiveLevel);
        Assert.False(assessment.Capped);
    }

    [Fact]
    public void Cumulative_stacking_adds_the_levels_held_where_highest_only_takes_the_top()
    {
        var worker = new Worker("W", Employment.CommunityFullTime,
            [new(QualificationLevel.Assistant, new LocalDate(2020, 1, 1)), new(QualificationLevel.Intermediate, new LocalDate(2022, 1, 1))],
            [new(QualificationLevel.Intermediate, new LocalDate(2022, 2, 1))]);
        Assert.Equal(2, PayStepEvaluator.Assess(worker, AsOf, Policy).UpliftSteps);
        var cumulative = PayStepEvaluator.Assess(worker, AsOf, Policy with { Stacking = Stacking.Cumulative });
        Assert.Equal(3, cumulative.UpliftSteps);
        Assert.Contains(cumulative.Findings, f => f.Code == "pay.cumulative");
    }

    [Fact]
    public void Assess_range_reports_back_pay_spans_on_month_boundaries()
    {
        var worker = W(quals: [QualificationLevel.Intermediate], post: QualificationLevel.Intermediate, qualifiedOn: new LocalDate(2024, 6, 15), postFrom: new LocalDate(2024, 1, 1), postTo: new LocalDate(2024, 10, 20));
        var spans = new PayStepEvaluator(Policy).AssessRange(worker, new LocalDate(2024, 5, 1), new LocalDate(2024, 12, 31));
        Assert.Equal(
            [(new LocalDate(2024, 5, 1), new LocalDate(2024, 6, 30), 0), (new LocalDate(2024, 7, 1), new LocalDate(2024, 10, 31), 2), (new LocalDate(2024, 11, 1), new LocalDate(2024, 12, 31), 0)],
            spans.Select(s => (s.From, s.To, s.UpliftSteps)));
    }

    [Fact]
    public void Allowance_is_paid_from_the_month_of_registration_as_in_quanjiao()
    {
        var evaluator = new IncentiveEvaluator(new PolicySet<AllowancePolicy>([AllowancePolicy.Gansu("gs", new LocalDate(2020, 1, 1), [Employment.CommunityFullTime, Employment.StationResident, Employment.PartTime])]));
        var worker = W(Employment.StationResident, [QualificationLevel.Intermediate], qualifiedOn: new LocalDate(2025, 3, 10));
        Assert.Equal(Money.Zero, evaluator.AssessAllowance(worker, new LocalDate(2025, 3, 9)).MonthlyAmount);
        var march = evaluator.AssessAllowance(worker, new LocalDate(2025, 3, 10));
        Assert.Equal(Money.Parse("300"), march.MonthlyAmount);
        Assert.Equal("allowance.paid", march.Findings.Single().Code);
    }

    [Fact]
    public void Bonus_is_paid_once_per_level_obtained_while_in_force()
    {
        var evaluator = new IncentiveEvaluator(bonuses: new PolicySet<BonusPolicy>([BonusPolicy.Changning("cn", new LocalDate(2022, 1, 1), [Employment.CommunityFullTime, Employment.StationResident, Employment.PartTime])]));
        var worker = new Worker("W", Employment.CommunityFullTime,
        [
            new(QualificationLevel.Assistant, new LocalDate(2021, 6, 1)),
            new(QualificationLevel.Intermediate, new LocalDate(2023, 6, 1)),
            new(QualificationLevel.Intermediate, new LocalDate(2024, 6, 1)),
        ]);
        var result = evaluator.AssessBonuses(worker, new LocalDate(2025, 1, 1));
        Assert.Equal(Money.Parse("3000"), result.Total);
        Assert.Equal(["bonus.noPolicy", "bonus.awarded", "bonus.alreadyRewarded"], result.Findings.Select(f => f.Code));
    }

    [Fact]
    public void Overlapping_versions_are_rejected_when_the_set_is_built()
    {
        var ex = Assert.Throws<ArgumentException>(() => new PolicySet<PayStepPolicy>([Policy, Policy with { Id = "xam-2", EffectiveFrom = new LocalDate(2024, 1, 1) }]));
        Assert.Contains("'xam' ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'xam-2'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Policy_set_picks_the_version_in_force_and_the_most_specific_jurisdiction()
    {
        var v1 = Policy with { Id = "v1", EffectiveTo = new LocalDate(2023, 12, 31) };
        var v2 = Policy with { Id = "v2", EffectiveFrom = new LocalDate(2024, 1, 1), Steps = new PerLevel<int>(1, 2, 4) };
        var local = Policy with { Id = "local", Jurisdiction = DivisionCode.Parse("152201") };
        var set = new PolicySet<PayStepPolicy>([v2, v1, local]);
        Assert.Equal("v1", set.InForceOn(new LocalDate(2023, 6, 1), DivisionCode.Parse("152202"))!.Id);
        Assert.Equal("v2", set.InForceOn(new LocalDate(2024, 6, 1), DivisionCode.Parse("152202"))!.Id);
        Assert.Equal("local", set.InForceOn(new LocalDate(2024, 6, 1), DivisionCode.Parse("152201001"))!.Id);
        Assert.Null(set.InForceOn(new LocalDate(2020, 6, 1)));
    }
}

public class PayPolicyChoiceTests
{
    private static readonly Worker Senior = new("W1", Employment.CommunityFullTime,
        [new Qualification(QualificationLevel.Senior, new LocalDate(2022, 1, 1))],
        [new PostAppointment(QualificationLevel.Senior, new LocalDate(2022, 1, 1))]);

    private static PayStepPolicy Policy(string id, string county) => new(id, new LocalDate(2020, 1, 1)) { Jurisdiction = DivisionCode.Parse(county) };

    [Fact]
    public void A_policy_of_another_jurisdiction_is_said_to_be_in_force_but_not_to_apply()
    {
        var evaluator = new PayStepEvaluator(new PolicySet<PayStepPolicy>([Policy("baoding", "130602")]));

        var assessment = evaluator.Assess(Senior, new LocalDate(2024, 6, 1), DivisionCode.Parse("441900003"));

        var finding = Assert.Single(assessment.Findings);
        Assert.Equal("pay.policyNotApplicable", finding.Code);
        Assert.Equal(0, assessment.UpliftSteps);
        Assert.Contains("is in force on 2024-06-01 but applies to 130602000000, which does not include 441900003000", finding.English, StringComparison.Ordinal);
        Assert.DoesNotContain("not in force", finding.English, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_county_policies_without_a_jurisdiction_are_an_ambiguity_not_a_silent_choice()
    {
        var evaluator = new PayStepEvaluator(new PolicySet<PayStepPolicy>([Policy("jingxiu", "130602"), Policy("lianchi", "130606")]));

        var assessment = evaluator.Assess(Senior, new LocalDate(2024, 6, 1));

        var finding = Assert.Single(assessment.Findings);
        Assert.Equal(("pay.ambiguousPolicy", FindingSeverity.Error), (finding.Code, finding.Severity));
        Assert.Equal(0, assessment.UpliftSteps);
        Assert.Equal(3, evaluator.Assess(Senior, new LocalDate(2024, 6, 1), DivisionCode.Parse("130602001")).UpliftSteps);
    }
}

public class PayFindingWordingTests
{
    [Fact]
    public void A_pending_intermediate_uplift_is_not_paired_with_the_assistant_step()
    {
        var worker = new Worker("W1", Employment.CommunityFullTime,
            [new Qualification(QualificationLevel.Assistant, new LocalDate(2021, 1, 5)), new Qualification(QualificationLevel.Intermediate, new LocalDate(2022, 3, 10))],
            [new PostAppointment(QualificationLevel.Intermediate, new LocalDate(2021, 1, 5))]);
        var policy = PayStepPolicy.XingAnLeague("xam", new LocalDate(2021, 1, 1)) with { Timing = UpliftTiming.NextMonth };

        var assessment = PayStepEvaluator.Assess(worker, new LocalDate(2022, 3, 31), policy);

        Assert.Equal(1, assessment.UpliftSteps);
        Assert.DoesNotContain(assessment.Findings, f => f.Chinese == "持有中级资格并聘任在相应岗位，提升1级");
        var matched = Assert.Single(assessment.Findings, f => f.Code == "pay.matched");
        Assert.Equal("持有中级资格并聘任在相应岗位，中级提升尚未开始，目前按初级提升1级", matched.Chinese);
        Assert.Contains(assessment.Findings, f => f.Code == "pay.higherPending" && f.Chinese.Contains("2022-04-01", StringComparison.Ordinal));
    }
}
