using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace SocialWork.Rules.Tests;

public static class PayArbitraries
{
    private static readonly LocalDate Origin = new(2019, 1, 1);

    public static Gen<LocalDate> Dates { get; } = Gen.Choose(0, 365 * 7).Select(d => Origin.PlusDays(d));

    public static Gen<QualificationLevel> Levels { get; } = Gen.Elements(QualificationLevel.Assistant, QualificationLevel.Intermediate, QualificationLevel.Senior);

    public static Gen<Worker> Workers { get; } =
        from employment in Gen.Elements(Enum.GetValues<Employment>())
        from quals in (from level in Levels from obtained in Dates select new Qualification(level, obtained)).ListOf()
        from appts in (from post in Levels from start in Dates from length in Gen.Choose(-1, 900) select new PostAppointment(post, start, length < 0 ? null : start.PlusDays(length))).ListOf()
        from baseLevel in Gen.Choose(1, 12)
        select new Worker("W", employment, [.. quals.Take(3)], [.. appts.Take(3)], baseLevel: baseLevel, postCategory: "general");

    public static Arbitrary<Worker> WorkerArbitrary() => Workers.ToArbitrary();

    public static Arbitrary<LocalDate> DateArbitrary() => Dates.ToArbitrary();
}

[Properties(Arbitrary = [typeof(PayArbitraries)], MaxTest = 300)]
public class PayStepProperties
{
    private static readonly PayStepPolicy Policy = PayStepPolicy.XingAnLeague("p", new LocalDate(2019, 1, 1)) with { EligibleEmployment = Enum.GetValues<Employment>() };

    [Property]
    public bool Highest_only_uplift_never_exceeds_the_steps_of_the_lower_of_qualification_and_post(Worker worker, LocalDate date)
    {
        var a = PayStepEvaluator.Assess(worker, date, Policy);
        var cap = (QualificationLevel)Math.Min((int)a.Qualification, (int)a.Post);
        return cap == QualificationLevel.None ? a.UpliftSteps == 0 : a.UpliftSteps <= Policy.Steps[cap];
    }

    [Property]
    public bool Uplift_is_monotone_in_qualification_level(Worker worker, LocalDate date)
    {
        var raised = new Worker(worker.Id, worker.Employment,
            [.. worker.Qualifications.Select(q => new Qualification(q.Level == QualificationLevel.Senior ? q.Level : q.Level + 1, q.ObtainedOn))],
            worker.Appointments, worker.FacilityId, worker.BaseLevel, worker.PostCategory);
        return PayStepEvaluator.Assess(raised, date, Policy).UpliftSteps >= PayStepEvaluator.Assess(worker, date, Policy).UpliftSteps;
    }

    [Property]
    public bool Under_next_month_the_step_changes_only_on_month_boundaries(Worker worker)
    {
        var spans = new PayStepEvaluator(Policy).AssessRange(worker, new LocalDate(2019, 1, 1), new LocalDate(2026, 12, 31));
        return spans.Skip(1).All(s => s.From.Day == 1)
               && spans.SkipLast(1).All(s => s.To.PlusDays(1).Day == 1)
               && spans.Zip(spans.Skip(1)).All(p => p.First.To.PlusDays(1) == p.Second.From);
    }

    [Property]
    public bool Range_agrees_with_single_day_assessment_on_month_starts(Worker worker, LocalDate date)
    {
        var first = date.With(DateAdjusters.StartOfMonth);
        var span = new PayStepEvaluator(Policy).AssessRange(worker, first, first).Single();
        return span.UpliftSteps == PayStepEvaluator.Assess(worker, first, Policy).UpliftSteps;
    }

    [Property]
    public void Every_assessment_states_its_uplift_in_both_languages(Worker worker, LocalDate date)
    {
        foreach (var policy in new[] { Policy, Policy with { Stacking = Stacking.Cumulative } })
        {
            var a = PayStepEvaluator.Assess(worker, date, policy);
            var (zh, en) = a.UpliftSteps == 0
                ? ("不提升", "no uplift")
                : ($"{a.UpliftSteps}级", $"{a.UpliftSteps} step{(a.UpliftSteps == 1 ? "" : "s")}");
            Assert.Contains(a.Findings, f => f.Chinese.Contains(zh, StringComparison.Ordinal) && f.English.Contains(en, StringComparison.Ordinal));
        }
    }

    [Property]
    public bool Cumulative_is_never_below_highest_only(Worker worker, LocalDate date)
        => PayStepEvaluator.Assess(worker, date, Policy with { Stacking = Stacking.Cumulative }).UpliftSteps
           >= PayStepEvaluator.Assess(worker, date, Policy).UpliftSteps;
}
