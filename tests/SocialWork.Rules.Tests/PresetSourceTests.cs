using System.Globalization;

namespace SocialWork.Rules.Tests;

/// <summary>
/// Every number a built-in preset or default carries, listed with the public source that sets it (the terms of
/// shared/domain-sources.md). A preset that gains a number nobody sourced fails here until the number and its source
/// are added to this table — or the number becomes a parameter the user sets.
/// </summary>
public class PresetSourceTests
{
    private static readonly Dictionary<string, string> Sourced = new()
    {
        ["CoverageThresholds.TownshipStationCoverage=1"] = "R-C1 一年覆盖 (保定市竞秀区, seed; Fujian 2021); R-A1 a station in every township by 2025",
        ["CoverageThresholds.CountyCenter=1"] = "R-A3 the three tiers, the county centre first; R-C1 covered in year one",
        ["CoverageThresholds.StandardShare=1"] = "R-C1 两年规范: every station up to standard in year two",
        ["cover-standardize-improve.months=12/12/12"] = "R-C1 一年、两年、三年",
        ["pilot-rollout-full.months=12/12/12"] = "R-C2 一年试点、两年铺开、三年全覆盖 (金华)",
        ["six-haves.site=1"] = "六有, 《\"十四五\"民政事业发展规划》 as cited",
        ["six-haves.equipment=1"] = "六有",
        ["six-haves.staff=1"] = "六有",
        ["six-haves.functions=1"] = "六有",
        ["six-haves.workflows=1"] = "六有",
        ["six-haves.rules=1"] = "六有",
        ["fujian-2021.workers=2"] = "《福建省乡镇(街道)社会工作服务站购买服务项目实施方案(试行)》 2021",
        ["guangdong-2017.workers=3"] = "粤民函〔2017〕43号",
        ["xingan.steps=1/2/3"] = "《兴安盟社区专职工作者管理办法(试行)》, seed: 分别提升1—3级",
        ["hohhot.steps=1/2/3"] = "Hohhot, educity.cn (就高不叠加)",
        ["gansu.monthlyFen=20000/30000/50000"] = "R-E4 Gansu 200/300/500 yuan a month",
        ["changning.amountFen=150000/300000/500000"] = "Shanghai Changning 1,500/3,000/5,000 yuan",
        ["three-posts-eighteen-levels=head 7-18, deputy 4-15, general 1-12"] = "三岗十八级, jiusongjiankang.com; educity.cn",
        ["PayStepPolicy.Steps=1/2/3"] = "R-E2 分别提升1—3级",
        ["PayStepPolicy.EligibleEmployment=CommunityFullTime"] = "R-E2 社区专职工作者",
        ["PayStepPolicy.RequiresMatchingPost=True"] = "R-E2 并聘任在相应岗位 (joint conditions)",
        ["PayStepPolicy.Stacking=HighestOnly"] = "R-E3 Hohhot 就高原则，不叠加 (R-E2 is silent)",
        ["PayStepPolicy.Timing=SameMonth"] = "R-E4 全椒 from the month of registration (the one start rule the sources give; R-E2 is silent)",
        ["AllowancePolicy.Timing=SameMonth"] = "R-E4 全椒 from the month of registration",
        ["AllowancePolicy.RequiresMatchingPost=False"] = "R-E4 paid on registration, no post named",
        ["BonusPolicy.OncePerLevel=True"] = "R-E5 一次性奖励 (one-off)",
    };

    [Fact]
    public void Every_number_a_preset_carries_has_a_named_source()
    {
        var day = new LocalDate(2021, 1, 1);
        var scope = DivisionCode.Parse("130602");
        var actual = new List<string>();
        foreach (var property in typeof(CoverageThresholds).GetProperties())
        {
            if (property.GetValue(new CoverageThresholds()) is double value)
            {
                actual.Add($"CoverageThresholds.{property.Name}={value.ToString(CultureInfo.InvariantCulture)}");
            }
        }
        foreach (var plan in new[] { CoveragePlan.CoverStandardizeImprove(scope, day), CoveragePlan.PilotRolloutFull(scope, day) })
        {
            actual.Add($"{plan.Id}.months={string.Join('/', plan.Phases.Select(p => p.Months))}");
            Assert.All(plan.Phases.SelectMany(p => p.Targets), t => Assert.True(actual.Contains($"CoverageThresholds.{t.Metric}={t.Required.ToString(CultureInfo.InvariantCulture)}"), $"{plan.Id}: {t.Id} = {t.Required} has no source"));
        }
        foreach (var criterion in new[] { StationStandard.SixHaves, StationStandard.Fujian2021, StationStandard.Guangdong2017 }.SelectMany(s => s.Criteria))
        {
            actual.Add($"{criterion.Id}={criterion.Threshold.ToString(CultureInfo.InvariantCulture)}");
        }
        actual.Add($"xingan.steps={Steps(PayStepPolicy.XingAnLeague("x", day).Steps)}");
        actual.Add($"hohhot.steps={Steps(PayStepPolicy.Hohhot("h", day, PayLadder.ThreePostsEighteenLevels()).Steps)}");
        actual.Add($"gansu.monthlyFen={Steps(AllowancePolicy.Gansu("g", day, [Employment.CommunityFullTime]).MonthlyFen)}");
        actual.Add($"changning.amountFen={Steps(BonusPolicy.Changning("c", day, [Employment.CommunityFullTime]).AmountFen)}");
        var policy = new PayStepPolicy("p", day);
        actual.Add($"PayStepPolicy.Steps={Steps(policy.Steps)}");
        actual.Add($"PayStepPolicy.EligibleEmployment={string.Join('/', policy.EligibleEmployment)}");
        actual.Add($"PayStepPolicy.RequiresMatchingPost={policy.RequiresMatchingPost}");
        actual.Add($"PayStepPolicy.Stacking={policy.Stacking}");
        actual.Add($"PayStepPolicy.Timing={policy.Timing}");
        var allowance = new AllowancePolicy("a", day, new PerLevel<long>(1, 2, 3), [Employment.PartTime]);
        actual.Add($"AllowancePolicy.Timing={allowance.Timing}");
        actual.Add($"AllowancePolicy.RequiresMatchingPost={allowance.RequiresMatchingPost}");
        actual.Add($"BonusPolicy.OncePerLevel={new BonusPolicy("b", day, new PerLevel<long>(1, 2, 3), [Employment.PartTime]).OncePerLevel}");
        var ladder = PayLadder.ThreePostsEighteenLevels();
        actual.Add($"{ladder.Id}={string.Join(", ", ladder.Categories.Select(c => $"{c.Category} {c.MinLevel}-{c.MaxLevel}"))}");

        Assert.Equal(Sourced.Keys.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
        Assert.All(Sourced.Values, source => Assert.False(string.IsNullOrWhiteSpace(source)));
    }

    [Fact]
    public void Presets_name_their_source_in_the_value_itself()
    {
        var day = new LocalDate(2021, 1, 1);
        Assert.All(new string?[]
        {
            CoveragePlan.CoverStandardizeImprove(DivisionCode.Parse("130602"), day).Source,
            CoveragePlan.PilotRolloutFull(DivisionCode.Parse("130602"), day).Source,
            StationStandard.SixHaves.Source, StationStandard.Fujian2021.Source, StationStandard.Guangdong2017.Source,
            PayStepPolicy.XingAnLeague("x", day).Source, AllowancePolicy.Gansu("g", day, [Employment.CommunityFullTime]).Source, BonusPolicy.Changning("c", day, [Employment.CommunityFullTime]).Source,
        }, source => Assert.False(string.IsNullOrWhiteSpace(source)));
    }

    private static string Steps<T>(PerLevel<T> values) => $"{values.Assistant}/{values.Intermediate}/{values.Senior}";
}
