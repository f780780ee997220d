using FsCheck;
using FsCheck.Fluent;

namespace SocialWork.Reporting.Tests;

/// <summary>Random records, indicators and queries for the reporting properties (shared with the store tests).</summary>
public static class ReportingArbitraries
{
    public static Gen<Indicators> IndicatorGen { get; } =
        from parts in Gen.Choose(0, 1_000_000).ArrayOf(10)
        select new Indicators(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5], parts[6], parts[7], parts[8], parts[9] * 1000L);

    /// <summary>Eight people, keyed as a bureau would key them (valid resident ID numbers, a test secret), so records repeat people.</summary>
    public static PersonKey[] PersonPool { get; } = [.. Enumerable.Range(0, 8).Select(i =>
    {
        var first17 = $"13060219{80 + i}0101{i:D3}";
        return PersonKey.Pseudonymize(first17 + ResidentIdNumber.CheckCharacter(first17), "socialwork-test-secret-32-bytes!"u8);
    })];

    public static Gen<ServiceRecord> RecordGen { get; } =
        from county in Gen.Choose(0, 3)
        from township in Gen.Choose(0, 4)
        from village in Gen.Choose(0, 3)
        from day in Gen.Choose(0, 800)
        from code in Gen.Elements("SA", "EL.01", "EL.02", "CH.01", "CG")
        from method in Gen.Elements(Enum.GetValues<ServiceMethod>())
        from personTimes in Gen.Choose(0, 300)
        from households in Gen.Choose(0, 20)
        from fen in Gen.Choose(0, 1_000_000)
        from groupNumber in Gen.Choose(0, 5)
        from programme in Gen.Elements("", "bee", "venture")
        from parties in Gen.Choose(0, 31)
        from person in Gen.Choose(-3, PersonPool.Length - 1)
        select new ServiceRecord(
            "R",
            new LocalDate(2023, 1, 1).PlusDays(day),
            DivisionCode.FromSegments(13, 6, county, township, township == 0 ? 0 : village), // county 0: a prefecture without counties, or a record coded at the prefecture
            ServiceCode.Parse(code),
            method,
            personTimes,
            households,
            Money.FromFen(fen),
            parties: (LinkageParties)parties,
            targetGroup: groupNumber == 0 ? null : (TargetGroup)(groupNumber - 1),
            programmeId: programme,
            person: person < 0 ? null : PersonPool[person]);

    public static Gen<CubeQuery> QueryGen { get; } =
        from level in Gen.Elements(DivisionLevel.Province, DivisionLevel.Prefecture, DivisionLevel.County, DivisionLevel.Township, DivisionLevel.Village)
        from kind in Gen.Elements(Enum.GetValues<PeriodKind>())
        from dimension in Gen.Elements(Enum.GetValues<CubeDimension>())
        from parallelism in Gen.Choose(1, 3)
        select new CubeQuery(level, kind, dimension) { Parallelism = parallelism, Catalog = TypedCatalog };

    public static Arbitrary<Indicators> IndicatorsArbitrary() => IndicatorGen.ToArbitrary();

    /// <summary>Random records with distinct ids (R0, R1, …), as a store needs them.</summary>
    public static Arbitrary<ServiceRecord[]> RecordsArbitrary() => RecordGen.ArrayOf().Select(records => records.Select(WithId).ToArray()).ToArbitrary();

    private static ServiceRecord WithId(ServiceRecord r, int index)
        => new($"R{index}", r.Date, r.Division, r.Code, r.Method, r.PersonTimes, r.Households, r.Amount, r.FacilityId, r.Parties, r.TargetGroup, r.ProgrammeId, r.Person);

    /// <summary>Links EL.01 to one type and EL.02 to two, so reports by service type have typed and untyped records.</summary>
    private static readonly ServiceCatalog TypedCatalog = ServiceCatalogJson.Parse("""
        {"id":"typed","extends":"default","items":[
          {"code":"EL.01","label":{"zh-CN":"独居老人探访"},"serviceTypes":["CARE"]},
          {"code":"EL.02","label":{"zh-CN":"老年人文体活动"},"serviceTypes":["INTG","CAPA"]}]}
        """);

    public static Arbitrary<CubeQuery> QueryArbitrary() => QueryGen.ToArbitrary();
}
