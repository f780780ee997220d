using FsCheck;
using FsCheck.Fluent;

namespace SocialWork.Abstractions.Tests;

/// <summary>Generators for the vocabulary types.</summary>
public static class Arbitraries
{
    public static Gen<DivisionCode> DivisionCodes { get; } =
        from level in Gen.Choose(1, 5)
        from province in Gen.Choose(11, 82)
        from prefecture in Gen.Choose(1, 99)
        from county in Gen.Choose(1, 99)
        from township in Gen.Choose(1, 999)
        from village in Gen.Choose(1, 999)
        from countyless in Gen.Elements(false, false, false, true)
        select DivisionCode.FromSegments(
            province,
            level >= 2 ? prefecture : 0,
            level >= 3 && !(countyless && level >= 4) ? county : 0,
            level >= 4 ? township : 0,
            level >= 5 ? village : 0);

    public static Gen<LocalDate> Dates { get; } =
        Gen.Choose(0, 365 * 30).Select(d => new LocalDate(2000, 1, 1).PlusDays(d));

    public static Gen<Money> Amounts { get; } =
        Gen.Choose(int.MinValue, int.MaxValue).Two().Select(t => Money.FromFen(((long)t.Item1 << 20) ^ t.Item2));

    public static Gen<ReportingPeriod> Periods { get; } =
        from kind in Gen.Elements(PeriodKind.Month, PeriodKind.Quarter, PeriodKind.Year)
        from date in Dates
        select ReportingPeriod.Containing(date, kind);

    public static Gen<ServiceCode> ServiceCodes { get; } =
        from domain in Gen.Elements("SA", "EL", "CH", "AF", "CG", "ZZTOP")
        from depth in Gen.Choose(0, 3)
        from segments in Gen.Choose(1, 9999).ArrayOf(depth)
        select ServiceCode.Parse(domain + string.Concat(segments.Select(s => "." + s.ToString(s < 100 ? "D2" : "D4", System.Globalization.CultureInfo.InvariantCulture))));

    public static Gen<ServiceRecord> Records { get; } =
        from id in Gen.Choose(1, 1_000_000)
        from date in Dates
        from division in DivisionCodes
        from code in ServiceCodes
        from method in Gen.Elements(Enum.GetValues<ServiceMethod>())
        from personTimes in Gen.Choose(0, 500)
        from households in Gen.Choose(0, 50)
        from fen in Gen.Choose(0, int.MaxValue)
        from parties in Gen.Choose(0, 31)
        from hasGroup in Gen.Elements(true, false)
        from targetGroup in Gen.Elements(Enum.GetValues<TargetGroup>())
        select new ServiceRecord($"R{id}", date, division, code, method, personTimes, households, Money.FromFen(fen), hasGroup ? "F1" : null, (LinkageParties)parties, hasGroup ? targetGroup : null, hasGroup ? "P1" : null);

    public static Arbitrary<DivisionCode> DivisionCodeArbitrary() => DivisionCodes.ToArbitrary();

    public static Arbitrary<LocalDate> LocalDateArbitrary() => Dates.ToArbitrary();

    public static Arbitrary<Money> MoneyArbitrary() => Amounts.ToArbitrary();

    public static Arbitrary<ReportingPeriod> PeriodArbitrary() => Periods.ToArbitrary();

    public static Arbitrary<ServiceCode> ServiceCodeArbitrary() => ServiceCodes.ToArbitrary();

    public static Arbitrary<ServiceRecord> ServiceRecordArbitrary() => Records.ToArbitrary();
}
