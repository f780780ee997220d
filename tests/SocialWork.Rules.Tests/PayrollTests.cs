namespace SocialWork.Rules.Tests;

/// <summary>A roster's uplifts month by month over a year, and their cost, under a pay table the integrator supplies.</summary>
public class PayrollTests
{
    // Monthly basic pay per ladder level, in fen: a test parameter, not an amount from any policy.
    private static readonly Dictionary<int, long> PayTable = new() { [5] = 300_000, [6] = 320_000, [7] = 345_000, [8] = 372_000 };

    private static readonly PayStepPolicy Policy = PayStepPolicy.XingAnLeague("xam", new LocalDate(2021, 1, 1)) with
    {
        Timing = UpliftTiming.NextMonth,
        Ladder = PayLadder.ThreePostsEighteenLevels(PayTable),
    };

    private static readonly DivisionCode Xianfeng = DivisionCode.Parse("130602001");
    private static readonly DivisionCode Hancun = DivisionCode.Parse("130602203");

    /// <summary>Assistant from March, intermediate from July, the post ends on 20 October: 0,0,1,1,1,1,2,2,2,2,0,0.</summary>
    private static readonly Worker Rising = new(
        "W1",
        Employment.CommunityFullTime,
        [new Qualification(QualificationLevel.Assistant, new LocalDate(2023, 2, 10)), new Qualification(QualificationLevel.Intermediate, new LocalDate(2023, 6, 15))],
        [new PostAppointment(QualificationLevel.Assistant, new LocalDate(2023, 2, 1), new LocalDate(2023, 6, 14)), new PostAppointment(QualificationLevel.Intermediate, new LocalDate(2023, 6, 15), new LocalDate(2023, 10, 20))],
        baseLevel: 5,
        postCategory: "general");

    /// <summary>Matched senior all year, but no base level: the steps are known, the cost is not.</summary>
    private static readonly Worker Unlevelled = new(
        "W2",
        Employment.CommunityFullTime,
        [new Qualification(QualificationLevel.Senior, new LocalDate(2020, 1, 1))],
        [new PostAppointment(QualificationLevel.Senior, new LocalDate(2020, 1, 1))]);

    private static Payroll Year() => new PayStepEvaluator(Policy).AssessPayroll(
        [Unlevelled, Rising],
        new YearMonth(2023, 1),
        new YearMonth(2023, 12),
        w => w.Id == "W1" ? Xianfeng : Hancun);

    [Fact]
    public void Uplift_starts_changes_and_stops_within_the_year_and_costs_the_pay_table_difference()
    {
        var w1 = Year().Months.Where(m => m.WorkerId == "W1").ToList();

        Assert.Equal([0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 0, 0], w1.Select(m => m.UpliftSteps));
        Assert.Equal([5, 5, 6, 6, 6, 6, 7, 7, 7, 7, 5, 5], w1.Select(m => m.EffectiveLevel!.Value));
        Assert.Equal([0L, 0, 20_000, 20_000, 20_000, 20_000, 45_000, 45_000, 45_000, 45_000, 0, 0], w1.Select(m => m.ExtraPay!.Value.Fen));
        Assert.All(w1, m => Assert.Equal(m.Month.OnDayOfMonth(1), m.SettledOn));   // next-month timing: the first day decides
    }

    [Fact]
    public void Every_start_change_and_stop_has_a_finding_that_says_why()
    {
        var changes = Year().Changes.Where(c => c.WorkerId == "W1").ToList();

        Assert.Equal([new YearMonth(2023, 3), new YearMonth(2023, 7), new YearMonth(2023, 11)], changes.Select(c => c.Month));
        Assert.Equal(["payroll.started", "payroll.changed", "payroll.stopped"], changes.Select(c => c.Finding.Code));
        Assert.Equal([(0, 1), (1, 2), (2, 0)], changes.Select(c => (c.StepsBefore, c.StepsAfter)));
        Assert.Equal(["pay.matched", "pay.matched", "pay.noAppointment"], changes.Select(c => c.Finding.Facts["reason"]));
        Assert.Equal("自2023-11起不再提升（此前2级）：持有中级资格但未聘任在社会工作专业岗位，不提升", changes[2].Finding.Chinese);
    }

    [Fact]
    public void An_uplift_running_in_the_first_month_is_a_start_and_without_a_base_level_its_cost_is_unknown()
    {
        var payroll = Year();
        var w2 = payroll.Changes.Single(c => c.WorkerId == "W2");

        Assert.Equal((new YearMonth(2023, 1), "payroll.started", 3), (w2.Month, w2.Finding.Code, w2.StepsAfter));
        Assert.All(payroll.Months.Where(m => m.WorkerId == "W2"), m => Assert.Null(m.ExtraPay));
        var march = payroll.CostByMonth()[2];
        Assert.Equal((2, 20_000L, 1), (march.WorkersWithUplift, march.ExtraPay.Fen, march.WorkersWithoutPayTable));
    }

    [Fact]
    public void Costs_by_month_and_by_division_add_up_to_the_total_in_exact_money()
    {
        var payroll = Year();

        Assert.Equal(Money.FromYuan(2_600m), payroll.TotalExtraPay);   // 4 × 200 + 4 × 450 yuan
        Assert.Equal(payroll.TotalExtraPay.Fen, payroll.CostByMonth().Sum(c => c.ExtraPay.Fen));
        var byTownship = payroll.CostByDivision(DivisionLevel.Township);
        Assert.Equal(24, byTownship.Count);
        Assert.Equal(payroll.TotalExtraPay.Fen, byTownship.Where(c => c.Division == Xianfeng).Sum(c => c.ExtraPay.Fen));
        Assert.Equal(0, byTownship.Where(c => c.Division == Hancun).Sum(c => c.ExtraPay.Fen));
        Assert.Equal(payroll.CostByMonth(), payroll.CostByMonth(DivisionCode.Parse("130602")));
        Assert.All(payroll.CostByMonth(Hancun), c => Assert.Equal(0, c.ExtraPay.Fen));
    }

    [Fact]
    public void A_range_that_ends_before_it_starts_is_refused()
        => Assert.Throws<ArgumentException>(() => new PayStepEvaluator(Policy).AssessPayroll([Rising], new YearMonth(2023, 5), new YearMonth(2023, 4)));
}
