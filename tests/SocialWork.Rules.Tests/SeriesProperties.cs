using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace SocialWork.Rules.Tests;

/// <summary>Random county networks (three townships of four villages) whose facilities open and close and whose workers gain qualifications and hold posts at random.</summary>
public static class SeriesArbitraries
{
    public static readonly DivisionCode County = DivisionCode.Parse("130602");

    private static readonly DivisionCode[] Townships = [.. Enumerable.Range(1, 3).Select(t => DivisionCode.FromSegments(13, 6, 2, t))];

    private static readonly DivisionCode[] Villages = [.. Townships.SelectMany(t => Enumerable.Range(1, 4).Select(v => DivisionCode.FromSegments(13, 6, 2, t.TownshipSegment, v)))];

    private static readonly LocalDate Origin = new(2021, 1, 1);

    private static Gen<LocalDate> Dates { get; } = Gen.Choose(0, 365 * 3).Select(d => Origin.PlusDays(d));

    private static Gen<(FacilityTier Tier, DivisionCode Division, LocalDate Opened, LocalDate? Closed)> Facilities { get; } =
        from tier in Gen.Elements(Enum.GetValues<FacilityTier>())
        from division in tier switch
        {
            FacilityTier.CountyCenter => Gen.Constant(County),
            FacilityTier.TownshipStation => Gen.Elements(Townships),
            _ => Gen.Elements(Villages),
        }
        from opened in Dates
        from length in Gen.Choose(-400, 600).Where(l => l != 0)
        select (tier, division, opened, length < 0 ? (LocalDate?)null : opened.PlusDays(length));

    public static Arbitrary<ServiceNetwork> Networks() => (
        from facilities in Facilities.ListOf()
        from workers in (
            from employment in Gen.Elements(Enum.GetValues<Employment>())
            from facility in Gen.Choose(0, 1_000)
            from level in PayArbitraries.Levels
            from obtained in Dates
            from post in PayArbitraries.Levels
            from postFrom in Dates
            from postDays in Gen.Choose(0, 500)
            from started in Gen.Elements<LocalDate?>(null, null, Origin.PlusDays(100), Origin.PlusDays(400))
            from stayed in Gen.Choose(-1, 900)
            select (employment, facility, new Qualification(level, obtained), new PostAppointment(post, postFrom, postFrom.PlusDays(postDays)),
                    started, stayed < 1 ? (LocalDate?)null : (started ?? Origin).PlusDays(stayed))).ListOf()
        let list = facilities.Select((f, i) => new Facility($"F{i}", "设施", f.Tier, f.Division, f.Opened, f.Closed)).ToList()
        select new ServiceNetwork(
            new DivisionDirectory([new(County, "区"), .. Townships.Select(t => new Division(t, "镇")), .. Villages.Select(v => new Division(v, "村"))], 2023),
            list,
            [.. workers.Select((w, i) => new Worker($"W{i}", w.employment, [w.Item3], [w.Item4], facilityId: list.Count == 0 ? null : list[w.facility % list.Count].Id, startedOn: w.started, leftOn: w.Item6))])).ToArbitrary();

    /// <summary>The last day of a series: a period end as often as any other day (the loop's end condition differs there).</summary>
    public static Arbitrary<LocalDate> Ends() => Gen.OneOf(
        Dates,
        from kind in Gen.Elements(Enum.GetValues<PeriodKind>())
        from date in Dates
        select ReportingPeriod.Containing(date, kind).End).ToArbitrary();

    public static Arbitrary<PeriodKind> Kinds() => Gen.Elements(Enum.GetValues<PeriodKind>()).ToArbitrary();
}

[Properties(Arbitrary = [typeof(SeriesArbitraries)], MaxTest = 150)]
public class SeriesProperties
{
    private static readonly CoveragePlan Plan = CoveragePlan.CoverStandardizeImprove(SeriesArbitraries.County, new LocalDate(2021, 3, 1));

    [Property]
    public bool Every_row_is_the_one_day_count_on_its_last_day_and_the_scope_carries_the_one_day_targets(ServiceNetwork network, PeriodKind kind, LocalDate end)
    {
        var from = new LocalDate(2021, 2, 10);
        var to = LocalDate.Max(end, from);
        var rows = NetworkSeries.Build(network, Plan, from, to, kind);
        var assessor = new CoverageAssessor();
        var periods = ReportingPeriod.Containing(to, kind).Ordinal - ReportingPeriod.Containing(from, kind).Ordinal + 1;
        var scopeRows = rows.Where(r => r.Division == Plan.Scope).ToList();
        return scopeRows.Count == periods
               && scopeRows[^1].AsOf == to
               && scopeRows.Select(r => r.AsOf).Distinct().Count() == periods
               && rows.All(r =>
        {
            var operating = network.Facilities.Where(f => r.Division.Contains(f.Division) && f.IsOperatingOn(r.AsOf)).ToList();
            // Who works there on the day: employed, at a facility inside the division that is operating.
            var open = operating.Select(f => f.Id).ToHashSet();
            var workers = network.Workers.Where(w => w.FacilityId is { } id && open.Contains(id) && w.IsEmployedOn(r.AsOf)).ToList();
            return r.Facilities == new FacilityCounts(
                       operating.Count(f => f.Tier == FacilityTier.CountyCenter),
                       operating.Count(f => f.Tier == FacilityTier.TownshipStation),
                       operating.Count(f => f.Tier == FacilityTier.CommunityRoom),
                       operating.Count(f => f.Tier == FacilityTier.VolunteerPoint))
                   && r.TownshipsWithStation == operating.Where(f => f.Tier == FacilityTier.TownshipStation).Select(f => f.Division).Distinct().Count()
                   && r.VillagesWithRoom == operating.Where(f => f.Tier == FacilityTier.CommunityRoom).Select(f => f.Division).Distinct().Count()
                   && r.Workers == workers.Count
                   && r.Certified == new PerLevel<int>(workers.Count(w => w.QualificationOn(r.AsOf) == QualificationLevel.Assistant), workers.Count(w => w.QualificationOn(r.AsOf) == QualificationLevel.Intermediate), workers.Count(w => w.QualificationOn(r.AsOf) == QualificationLevel.Senior))
                   && r.PostsHeld == new PerLevel<int>(workers.Count(w => w.PostOn(r.AsOf) == QualificationLevel.Assistant), workers.Count(w => w.PostOn(r.AsOf) == QualificationLevel.Intermediate), workers.Count(w => w.PostOn(r.AsOf) == QualificationLevel.Senior))
                   && (r.Division == Plan.Scope ? r.Targets.SequenceEqual(assessor.Assess(Plan, network, r.AsOf).Targets) : r.Targets.Count == 0);
        });
    }

    [Property]
    public bool The_scope_is_the_sum_of_its_townships_plus_what_sits_above_them_and_shares_come_from_the_sums(ServiceNetwork network, PeriodKind kind, LocalDate end)
    {
        var rows = NetworkSeries.Build(network, Plan, new LocalDate(2021, 2, 10), LocalDate.Max(end, new LocalDate(2021, 2, 10)), kind);
        return rows.Where(r => r.Division == Plan.Scope).All(scope =>
        {
            var townships = rows.Where(r => r.AsOf == scope.AsOf && r.Division != Plan.Scope).ToList();
            var stationShare = scope.Targets.Single(t => t.Metric == CoverageMetric.TownshipStationCoverage).Actual;
            return townships.Count == 3
                   && scope.Facilities.TownshipStation == townships.Sum(t => t.Facilities.TownshipStation)
                   && scope.Facilities.CommunityRoom == townships.Sum(t => t.Facilities.CommunityRoom)
                   && scope.TownshipsWithStation == townships.Sum(t => t.TownshipsWithStation)
                   && scope.VillagesWithRoom == townships.Sum(t => t.VillagesWithRoom)
                   && scope.Workers >= townships.Sum(t => t.Workers)
                   && Math.Abs(stationShare - (scope.TownshipsWithStation / 3.0)) < 1e-12;
        });
    }

    [Fact]
    public void A_worker_who_left_or_whose_facility_closed_is_not_counted_after()
    {
        var directory = new DivisionDirectory([new(SeriesArbitraries.County, "区"), new(DivisionCode.Parse("130602001"), "街道")], 2023);
        var station = new Facility("S1", "站", FacilityTier.TownshipStation, DivisionCode.Parse("130602001"), new LocalDate(2021, 3, 1), closedOn: new LocalDate(2022, 7, 1));
        var network = new ServiceNetwork(directory, [station],
        [
            new Worker("W1", Employment.StationResident, facilityId: "S1", startedOn: new LocalDate(2021, 3, 1), leftOn: new LocalDate(2021, 10, 1)),
            new Worker("W2", Employment.StationResident, facilityId: "S1", startedOn: new LocalDate(2021, 9, 1)),
        ]);

        var rows = NetworkSeries.Build(network, Plan, new LocalDate(2021, 3, 1), new LocalDate(2022, 12, 31), PeriodKind.Quarter).Where(r => r.Division == Plan.Scope).ToList();

        Assert.Equal([1, 1, 2, 1, 1, 1, 0, 0], rows.Select(r => r.Workers));   // W2 from Q3 2021; W1 gone by Q4 2021; the station closed in July 2022
    }
}
