using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace SocialWork.Rules.Tests;

public static class WorkerArbitraries
{
    private static readonly Gen<LocalDate> Dates = Gen.Choose(0, 3000).Select(d => new LocalDate(2018, 1, 1).PlusDays(d));

    private static readonly Gen<QualificationLevel> Levels = Gen.Elements(QualificationLevel.Assistant, QualificationLevel.Intermediate, QualificationLevel.Senior);

    public static Arbitrary<WorkerData> Workers() => (
        from id in Gen.Choose(1, 999)
        from employment in Gen.Elements(Enum.GetValues<Employment>())
        from qualifications in Gen.Zip(Levels, Dates).ListOf()
        from appointments in Gen.Zip(Levels, Dates).ListOf()
        from baseLevel in Gen.Choose(1, 12)
        select new WorkerData($"W{id}", employment, [.. qualifications], [.. appointments], baseLevel)).ToArbitrary();
}

/// <summary>The data a worker is built from; each call of <see cref="Build"/> makes new lists of it.</summary>
public sealed record WorkerData(string Id, Employment Employment, (QualificationLevel, LocalDate)[] Qualifications, (QualificationLevel, LocalDate)[] Appointments, int BaseLevel)
{
    public Worker Build() => new(
        Id,
        Employment,
        Qualifications.Select(q => new Qualification(q.Item1, q.Item2)).ToList(),
        Appointments.Select(a => new PostAppointment(a.Item1, a.Item2)).ToList(),
        baseLevel: BaseLevel);
}

/// <summary>Records with lists and maps compare by content: equal inputs give equal values and equal hash codes.</summary>
[Properties(Arbitrary = [typeof(WorkerArbitraries)], MaxTest = 300)]
public class ValueEqualityProperties
{
    private static void SameValue<T>(T a, T b)
    {
        Assert.Equal(a, b);
        Assert.Equal(a!.GetHashCode(), b!.GetHashCode());
    }

    [Property]
    public void Workers_built_from_the_same_data_are_equal(WorkerData data) => SameValue(data.Build(), data.Build());

    [Property]
    public void Assessments_of_equal_workers_are_equal_findings_included(WorkerData data)
    {
        var policy = PayStepPolicy.XingAnLeague("xam", new LocalDate(2018, 1, 1));
        var day = new LocalDate(2024, 6, 1);
        SameValue(PayStepEvaluator.Assess(data.Build(), day, policy), PayStepEvaluator.Assess(data.Build(), day, policy));
    }

    [Fact]
    public void Findings_with_the_same_facts_in_any_order_are_equal()
        => SameValue(
            new Finding("x", FindingSeverity.Info, "甲", "a", new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" }),
            new Finding("x", FindingSeverity.Info, "甲", "a", new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" }));

    [Fact]
    public void Plans_standards_and_policies_read_twice_are_equal()
    {
        const string Plan = """{"scope":"130602","start":"2021-05-18","preset":"cover-standardize-improve","standard":["six-haves","fujian-2021"]}""";
        SameValue(CoveragePlanJson.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Plan))), CoveragePlanJson.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Plan))));
        SameValue(PayLadder.ThreePostsEighteenLevels(new Dictionary<int, long> { [1] = 300_000 }), PayLadder.ThreePostsEighteenLevels(new Dictionary<int, long> { [1] = 300_000 }));
        SameValue(PayPolicyJson.Parse("""{"id":"p","effectiveFrom":"2021-01-01"}"""), PayPolicyJson.Parse("""{"id":"p","effectiveFrom":"2021-01-01"}"""));
    }

    [Fact]
    public void A_policy_id_cannot_be_made_blank_with_with()
    {
        var policy = PayPolicyJson.Parse("""{"id":"p","effectiveFrom":"2021-01-01"}""");
        Assert.Throws<ArgumentException>(() => policy with { Id = " " });
    }
}
