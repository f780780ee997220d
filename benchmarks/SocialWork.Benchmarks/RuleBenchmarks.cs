using BenchmarkDotNet.Attributes;
using NodaTime;
using SocialWork.Rules;

namespace SocialWork.Benchmarks;

/// <summary>Checking 1 million records against a catalog: <c>Classify</c> allocates nothing per record; <c>Check</c> explains each one.</summary>
[MemoryDiagnoser]
public class CatalogCheckBenchmarks
{
    private ServiceRecord[] records = [];
    private CatalogChecker checker = new(ServiceCatalog.Default);

    [Params(1_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var extension = ServiceCatalog.Default.Extend("bench", null);
        foreach (var code in BenchData.Codes.Take(25))
        {
            extension = extension.WithItem(new ServiceItem(code, new LocalizedText(code.Value), null, [], []));
        }
        checker = new CatalogChecker(extension.ApplyTo(ServiceCatalog.Default));
        var list = new List<ServiceRecord>(N);
        var n = 0;
        BenchData.Generate(N, (village, date, code, method, people, households, fen) => list.Add(new ServiceRecord($"R{n++}", date, village, code, method, people, households, Money.FromFen(fen))));
        records = [.. list];
    }

    [Benchmark(Baseline = true)]
    public int CheckWithFindings()
    {
        var valid = 0;
        foreach (var record in records)
        {
            valid += checker.Check(record).IsValid ? 1 : 0;
        }
        return valid;
    }

    [Benchmark]
    public int Classify()
    {
        var valid = 0;
        foreach (var record in records)
        {
            valid += checker.Classify(record) == CatalogCheckOutcome.Valid ? 1 : 0;
        }
        return valid;
    }
}

/// <summary>Assessing 100,000 workers for one day under the 兴安盟-shaped policy.</summary>
[MemoryDiagnoser]
public class PayRosterBenchmarks
{
    private Worker[] workers = [];
    private readonly PayStepEvaluator evaluator = new(PayStepPolicy.XingAnLeague("bench", new LocalDate(2020, 1, 1)) with { Ladder = PayLadder.ThreePostsEighteenLevels() });

    [Params(100_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        var levels = new[] { QualificationLevel.Assistant, QualificationLevel.Intermediate, QualificationLevel.Senior };
        workers = [.. Enumerable.Range(0, N).Select(i => new Worker(
            $"W{i}",
            Employment.CommunityFullTime,
            [new Qualification(levels[random.Next(3)], new LocalDate(2018, 1, 1).PlusDays(random.Next(2500)))],
            random.Next(4) == 0 ? [] : [new PostAppointment(levels[random.Next(3)], new LocalDate(2018, 1, 1).PlusDays(random.Next(2500)))],
            baseLevel: 1 + random.Next(12),
            postCategory: "general"))];
    }

    /// <summary>The floor: look up each worker's qualification and post on the day, nothing else.</summary>
    [Benchmark(Baseline = true)]
    public int LookupOnly()
    {
        var date = new LocalDate(2025, 6, 30);
        var sum = 0;
        foreach (var w in workers)
        {
            sum += (int)w.QualificationOn(date) + (int)w.PostOn(date);
        }
        return sum;
    }

    [Benchmark]
    public int AssessRoster() => evaluator.AssessRoster(workers, new LocalDate(2025, 6, 30)).Sum(a => a.UpliftSteps);
}

/// <summary>Assessing a coverage plan for a province-sized network (2,000 townships, 30,000 villages).</summary>
[MemoryDiagnoser]
public class CoverageBenchmarks
{
    private ServiceNetwork network = null!;
    private CoveragePlan plan = null!;

    [GlobalSetup]
    public void Setup()
    {
        network = ProvinceNetwork.Create(townshipsPerCounty: 20, villagesPerTownship: 15, workersPerTownship: 0);
        plan = CoveragePlan.CoverStandardizeImprove(ProvinceNetwork.Province, ProvinceNetwork.Start);
    }

    /// <summary>The floor: count the operating facilities, nothing else.</summary>
    [Benchmark(Baseline = true)]
    public int CountOperating() => network.Facilities.Count(f => f.IsOperatingOn(new LocalDate(2023, 6, 30)));

    [Benchmark]
    public int Assess() => new CoverageAssessor().Assess(plan, network, new LocalDate(2023, 6, 30)).Gaps.TownshipsWithoutStation.Count;
}

/// <summary>
/// A province's network, workforce and plan over 12 quarters (the scale of design section 6: 100 counties, 1,500
/// townships, 19,500 villages, 60,000 workers): the series against 12 one-day assessments of the plan, which it contains.
/// </summary>
[MemoryDiagnoser]
public class SeriesBenchmarks
{
    private ServiceNetwork network = null!;
    private CoveragePlan plan = null!;

    [GlobalSetup]
    public void Setup()
    {
        network = ProvinceNetwork.Create(townshipsPerCounty: 15, villagesPerTownship: 13, workersPerTownship: 40);
        plan = CoveragePlan.CoverStandardizeImprove(ProvinceNetwork.Province, ProvinceNetwork.Start);
    }

    /// <summary>The plan assessed on the 12 quarter ends, nothing else.</summary>
    [Benchmark(Baseline = true)]
    public int AssessTwelveQuarterEnds()
    {
        var assessor = new CoverageAssessor();
        var met = 0;
        for (var quarter = ReportingPeriod.Containing(ProvinceNetwork.Start, PeriodKind.Quarter); quarter.End <= ProvinceNetwork.Start.PlusMonths(36); quarter = quarter.Next())
        {
            met += assessor.Assess(plan, network, quarter.End).Targets.Count(t => t.Status == TargetStatus.Met);
        }
        return met;
    }

    /// <summary>The series: the province and its 1,500 townships at every quarter end, with the plan's targets.</summary>
    [Benchmark]
    public int Series() => NetworkSeries.Build(network, plan, ProvinceNetwork.Start, ProvinceNetwork.Start.PlusMonths(36).PlusDays(-1), PeriodKind.Quarter).Count;
}

/// <summary>A made-up province (code 13): 100 counties in 5 prefectures, their townships, villages, facilities and workers.</summary>
internal static class ProvinceNetwork
{
    public static readonly DivisionCode Province = DivisionCode.Parse("130000");

    public static readonly LocalDate Start = new(2021, 5, 18);

    public static ServiceNetwork Create(int townshipsPerCounty, int villagesPerTownship, int workersPerTownship)
    {
        var divisions = new List<Division> { new(Province, "省") };
        var facilities = new List<Facility>();
        var workers = new List<Worker>();
        for (var c = 0; c < 100; c++)
        {
            var county = DivisionCode.FromSegments(13, 1 + (c / 20), 1 + (c % 20));
            if (c % 20 == 0)
            {
                divisions.Add(new Division(county.Parent, "市"));
            }
            divisions.Add(new Division(county, "县"));
            facilities.Add(new Facility($"C{c}", "中心", FacilityTier.CountyCenter, county, Start));
            for (var t = 1; t <= townshipsPerCounty; t++)
            {
                var township = DivisionCode.FromSegments(13, 1 + (c / 20), 1 + (c % 20), t);
                divisions.Add(new Division(township, "镇"));
                var station = $"S{c}-{t}";
                if (t % 7 != 0)
                {
                    facilities.Add(new Facility(station, "站", FacilityTier.TownshipStation, township, Start.PlusDays(t * 10)));
                }
                for (var v = 1; v <= villagesPerTownship; v++)
                {
                    var village = DivisionCode.FromSegments(13, 1 + (c / 20), 1 + (c % 20), t, v);
                    divisions.Add(new Division(village, "村"));
                    if (v % 4 != 0)
                    {
                        facilities.Add(new Facility($"R{c}-{t}-{v}", "室", FacilityTier.CommunityRoom, village, Start.PlusDays(v * 30)));
                    }
                }
                for (var w = 0; w < workersPerTownship; w++)
                {
                    var level = (QualificationLevel)(w % 4);
                    var obtained = Start.PlusDays(((c * 31) + (t * 17) + (w * 13)) % 1_000);
                    workers.Add(new Worker(
                        $"W{c}-{t}-{w}",
                        (Employment)(w % 3),
                        level == QualificationLevel.None ? [] : [new Qualification(level, obtained)],
                        level == QualificationLevel.None ? [] : [new PostAppointment(level, obtained.PlusDays(30))],
                        facilityId: t % 7 != 0 ? station : $"C{c}"));
                }
            }
        }
        return new ServiceNetwork(new DivisionDirectory(divisions, 2023), facilities, workers);
    }
}
