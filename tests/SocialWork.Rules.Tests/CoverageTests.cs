using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace SocialWork.Rules.Tests;

public class CoverageTests
{
    internal static readonly DivisionCode County = DivisionCode.Parse("130602");
    internal static readonly LocalDate Start = new(2021, 5, 18);

    internal static DivisionDirectory Jingxiu()
    {
        var divisions = new List<Division> { new(County, "竞秀区") };
        for (var t = 1; t <= 10; t++)
        {
            divisions.Add(new Division(DivisionCode.FromSegments(13, 6, 2, t), $"镇街{t}"));
            for (var v = 1; v <= (t <= 6 ? 8 : 7); v++)
            {
                divisions.Add(new Division(DivisionCode.FromSegments(13, 6, 2, t, v), $"社区{t}-{v}"));
            }
        }
        return new DivisionDirectory(divisions, 2023);
    }

    internal static Facility Station(int township, LocalDate opened, LocalDate? closed = null)
        => new($"S{township:D2}", $"镇街{township}社工站", FacilityTier.TownshipStation, DivisionCode.FromSegments(13, 6, 2, township), opened, closed);

    private static ServiceNetwork Network(IEnumerable<Facility> facilities) => new(
        Jingxiu(),
        [new Facility("C", "竞秀区社工服务中心", FacilityTier.CountyCenter, County, Start), .. facilities]);

    private static readonly CoveragePlan Plan = CoveragePlan.CoverStandardizeImprove(County, Start);

    [Fact]
    public void Nine_stations_a_month_before_the_end_of_year_one_is_behind_and_names_the_missing_township()
    {
        var network = Network(Enumerable.Range(1, 9).Select(t => Station(t, Start)));
        var assessment = new CoverageAssessor().Assess(Plan, network, new LocalDate(2022, 4, 17));
        var target = assessment.Targets.Single(t => t.Id == "townshipStationCoverage");
        Assert.Equal("cover", assessment.PhaseId);
        Assert.Equal(TargetStatus.Behind, target.Status);
        Assert.Equal(0.9, target.Actual, 6);
        Assert.Equal(new LocalDate(2022, 5, 17), target.Due);
        Assert.Equal([DivisionCode.Parse("130602010000")], assessment.Gaps.TownshipsWithoutStation);
        Assert.Contains("镇街10(130602010000)", target.Finding.Chinese, StringComparison.Ordinal);
    }

    [Fact]
    public void All_ten_stations_by_the_due_date_is_met()
    {
        var network = Network(Enumerable.Range(1, 10).Select(t => Station(t, t == 10 ? new LocalDate(2022, 5, 17) : Start)));
        var assessment = new CoverageAssessor().Assess(Plan, network, new LocalDate(2022, 5, 17));
        Assert.Equal(TargetStatus.Met, assessment.Targets.Single(t => t.Id == "townshipStationCoverage").Status);
        Assert.Equal(TargetStatus.Met, assessment.Targets.Single(t => t.Id == "countyCenter").Status);
        Assert.Empty(assessment.Gaps.TownshipsWithoutStation);
    }

    [Fact]
    public void Closing_a_station_after_the_due_date_makes_the_target_missed_and_names_the_township()
    {
        var network = Network(Enumerable.Range(1, 10).Select(t => Station(t, Start, t == 4 ? new LocalDate(2022, 9, 1) : null)));
        var assessor = new CoverageAssessor();
        Assert.Equal(TargetStatus.Met, assessor.Assess(Plan, network, new LocalDate(2022, 6, 1)).Targets.Single(t => t.Id == "townshipStationCoverage").Status);
        var later = assessor.Assess(Plan, network, new LocalDate(2022, 10, 1));
        Assert.Equal("standardize", later.PhaseId);
        Assert.Equal(TargetStatus.Missed, later.Targets.Single(t => t.Id == "townshipStationCoverage").Status);
        Assert.Equal([DivisionCode.Parse("130602004000")], later.Gaps.TownshipsWithoutStation);
    }

    [Fact]
    public void Phases_are_named_by_date_with_not_started_and_sustain_outside()
    {
        Assert.Equal("notStarted", Plan.PhaseIdOn(Start.PlusDays(-1)));
        Assert.Equal("cover", Plan.PhaseIdOn(Start));
        Assert.Equal("standardize", Plan.PhaseIdOn(new LocalDate(2022, 5, 18)));
        Assert.Equal("improve", Plan.PhaseIdOn(new LocalDate(2024, 5, 17)));
        Assert.Equal("sustain", Plan.PhaseIdOn(new LocalDate(2024, 5, 18)));
        var jinhua = CoveragePlan.PilotRolloutFull(County, new LocalDate(2020, 1, 1));
        Assert.Equal(["pilot", "rollout", "full"], jinhua.Phases.Select(p => p.Id));
        Assert.Equal("rollout", jinhua.PhaseIdOn(new LocalDate(2021, 6, 1)));
    }

    [Fact]
    public void Station_grades_drive_the_standard_and_improved_shares()
    {
        var standard = StationStandard.Combine("demo", new LocalizedText("演示标准"), StationStandard.SixHaves, StationStandard.Fujian2021) with
        {
            Criteria = [.. StationStandard.SixHaves.Criteria, .. StationStandard.Fujian2021.Criteria, new("demo.records", StationMetric.RecentRecords, Comparison.AtLeast, 30, new LocalizedText("近90天服务记录不少于30条"), ForImproved: true)],
        };
        var full = new StationProfile("S01") { HasSite = true, HasEquipment = true, HasStaff = true, HasServiceFunctions = true, HasWorkflows = true, HasRules = true, ResidentSocialWorkers = 2, RecentRecords = 40 };
        var standardOnly = full with { FacilityId = "S02", RecentRecords = 10 };
        var unmet = full with { FacilityId = "S03", ResidentSocialWorkers = 1 };
        var network = new ServiceNetwork(Jingxiu(), [Station(1, Start), Station(2, Start), Station(3, Start)], profiles: [full, standardOnly, unmet]);
        var plan = CoveragePlan.CoverStandardizeImprove(County, Start, new CoverageThresholds { ImprovedShare = 0.5 });
        var assessment = new CoverageAssessor(standard).Assess(plan, network, new LocalDate(2023, 1, 1));
        Assert.Equal(["Improved", "Standard", "Unmet"], assessment.StationGrades.Select(g => g.Grade.ToString()));
        Assert.Equal(2.0 / 3, assessment.Targets.Single(t => t.Id == "standardShare").Actual, 6);
        Assert.Equal(1.0 / 3, assessment.Targets.Single(t => t.Id == "improvedShare").Actual, 6);
        Assert.Equal(["S03"], assessment.Gaps.StationsBelowStandard);
        Assert.Contains(assessment.StationGrades[2].Findings, f => f.Code == "station.criterionUnmet" && f.Facts["criterion"] == "fujian-2021.workers");
    }

    [Fact]
    public void Presets_carry_only_the_targets_the_slogan_implies_unless_the_plan_sets_more()
    {
        Assert.Equal(["countyCenter", "townshipStationCoverage", "standardShare"], Plan.Phases.SelectMany(p => p.Targets).Select(t => t.Id));
        Assert.All(Plan.Phases.SelectMany(p => p.Targets), t => Assert.Equal(1, t.Required));
        Assert.All(Plan.Phases.SelectMany(p => p.Targets), t => Assert.Null(t.Source));
        var own = CoveragePlan.CoverStandardizeImprove(County, Start, new CoverageThresholds { CommunityRoomCoverage = 0.8 });
        Assert.Equal(CoveragePlan.PlanParameter, own.Phases[2].Targets.Single().Source);
    }

    [Fact]
    public void An_improved_share_under_a_standard_without_improvement_criteria_is_not_assessable_never_missed()
    {
        var plan = CoveragePlan.CoverStandardizeImprove(County, Start, new CoverageThresholds { ImprovedShare = 0.5 });
        var full = new StationProfile("S01") { HasSite = true, HasEquipment = true, HasStaff = true, HasServiceFunctions = true, HasWorkflows = true, HasRules = true };
        var network = new ServiceNetwork(Jingxiu(), [Station(1, Start)], profiles: [full]);

        var assessment = new CoverageAssessor(StationStandard.SixHaves).Assess(plan, network, new LocalDate(2024, 5, 17));

        var improved = assessment.Targets.Single(t => t.Id == "improvedShare");
        Assert.Equal(TargetStatus.NotAssessable, improved.Status);
        Assert.Contains("没有规定提升条件", improved.Finding.Chinese, StringComparison.Ordinal);
        Assert.Equal(TargetStatus.Met, assessment.Targets.Single(t => t.Id == "standardShare").Status);
    }

    [Fact]
    public void Missing_facts_fail_a_criterion_with_a_finding()
    {
        var result = StationStandard.SixHaves.Grade(new StationProfile("S") { HasSite = true });
        Assert.Equal(StationGrade.Unmet, result.Grade);
        Assert.Equal(5, result.Findings.Count);
        Assert.Contains("未填报", result.Findings[0].Chinese, StringComparison.Ordinal);
    }

    [Fact]
    public void Staff_counts_come_from_the_workers_when_the_profile_has_none()
    {
        var workers = new[]
        {
            new Worker("A", Employment.StationResident, [new Qualification(QualificationLevel.Assistant, new LocalDate(2020, 1, 1))], facilityId: "S01"),
            new Worker("B", Employment.StationResident, facilityId: "S01"),
            new Worker("C", Employment.PartTime, facilityId: "S01"),
        };
        var profile = new StationProfile("S01").WithStaffFrom(workers, new LocalDate(2022, 1, 1));
        Assert.Equal((3, 2, 1, 1), (profile.Staff!.Value, profile.ResidentSocialWorkers!.Value, profile.PartTimeSocialWorkers!.Value, profile.CertifiedStaff!.Value));
        Assert.Equal(StationGrade.Standard, StationStandard.Fujian2021.Grade(profile).Grade);
    }

    [Fact]
    public void Monthly_series_runs_from_the_start_to_the_end_of_the_last_phase()
    {
        var series = new CoverageAssessor().AssessMonthly(Plan, Network([]));
        Assert.Equal(37, series.Count);
        Assert.Equal(new LocalDate(2021, 5, 31), series[0].AsOf);
        Assert.Equal(new LocalDate(2024, 5, 31), series[^1].AsOf);
    }

    [Fact]
    public void Province_sized_directory_is_assessed_quickly()
    {
        var divisions = new List<Division> { new(DivisionCode.Parse("130000"), "省") };
        var facilities = new List<Facility>();
        for (var c = 1; c <= 100; c++)
        {
            var county = DivisionCode.FromSegments(13, 1 + (c / 20), 1 + (c % 20));
            if (!divisions.Any(d => d.Code == county.Parent))
            {
                divisions.Add(new Division(county.Parent, "市"));
            }
            divisions.Add(new Division(county, "县"));
            facilities.Add(new Facility($"C{c}", "中心", FacilityTier.CountyCenter, county, Start));
            for (var t = 1; t <= 20; t++)
            {
                var township = DivisionCode.FromSegments(13, 1 + (c / 20), 1 + (c % 20), t);
                divisions.Add(new Division(township, "镇"));
                facilities.Add(new Facility($"S{c}-{t}", "站", FacilityTier.TownshipStation, township, Start));
                for (var v = 1; v <= 15; v++)
                {
                    var village = DivisionCode.FromSegments(13, 1 + (c / 20), 1 + (c % 20), t, v);
                    divisions.Add(new Division(village, "村"));
                    facilities.Add(new Facility($"R{c}-{t}-{v}", "室", FacilityTier.CommunityRoom, village, Start));
                }
            }
        }
        var network = new ServiceNetwork(new DivisionDirectory(divisions, 2023), facilities);
        var plan = CoveragePlan.CoverStandardizeImprove(DivisionCode.Parse("130000"), Start);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var assessment = new CoverageAssessor().Assess(plan, network, new LocalDate(2022, 1, 1));
        watch.Stop();
        Assert.Equal(1.0, assessment.Targets.Single(t => t.Id == "townshipStationCoverage").Actual);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
    }
}

public static class CoverageArbitraries
{
    public static Arbitrary<bool[]> Openings() => Gen.Elements(true, false).ArrayOf(10).ToArbitrary();

    public static Arbitrary<LocalDate> Dates() => Gen.Choose(-100, 365 * 4).Select(d => CoverageTests.Start.PlusDays(d)).ToArbitrary();
}

[Properties(Arbitrary = [typeof(CoverageArbitraries)])]
public class CoverageProperties
{
    private static readonly CoveragePlan Plan = CoveragePlan.CoverStandardizeImprove(CoverageTests.County, CoverageTests.Start);

    private static CoverageAssessment Assess(bool[] open, LocalDate date) => new CoverageAssessor().Assess(
        Plan,
        new ServiceNetwork(CoverageTests.Jingxiu(), [.. Enumerable.Range(1, 10).Where(t => open[t - 1]).Select(t => CoverageTests.Station(t, CoverageTests.Start))]),
        date);

    [Property]
    public bool Coverage_ratio_lies_in_zero_one(bool[] open, LocalDate date)
        => Assess(open, date).Targets.All(t => t.Actual is >= 0 and <= 1);

    [Property]
    public bool Opening_a_station_never_lowers_a_coverage_metric(bool[] open, LocalDate date)
    {
        var before = Assess(open, date);
        var more = (bool[])open.Clone();
        var closed = Array.IndexOf(more, false);
        if (closed < 0)
        {
            return true;
        }
        more[closed] = true;
        var after = Assess(more, date);
        return before.Targets.Zip(after.Targets).All(p => p.Second.Actual >= p.First.Actual);
    }

    [Property]
    public bool Coverage_is_the_share_of_open_stations(bool[] open, LocalDate date)
    {
        var expected = date >= CoverageTests.Start ? open.Count(o => o) / 10.0 : 0;
        return Math.Abs(Assess(open, date).Targets.Single(t => t.Id == "townshipStationCoverage").Actual - expected) < 1e-9;
    }

    [Property]
    public bool After_the_due_date_a_target_is_met_or_missed(bool[] open, LocalDate date)
        => Assess(open, date).Targets.Where(t => date >= t.Due).All(t => t.Status is TargetStatus.Met or TargetStatus.Missed);

    [Property]
    public bool The_phase_on_a_date_is_unique_and_phases_tile_the_plan(LocalDate date)
    {
        var containing = Plan.Windows.Count(w => w.Start <= date && date <= w.End);
        var tiles = Plan.Windows.Zip(Plan.Windows.Skip(1)).All(p => p.First.End.PlusDays(1) == p.Second.Start) && Plan.Windows[0].Start == Plan.Start;
        var expected = date < Plan.Start ? "notStarted" : date > Plan.End ? "sustain" : Plan.Windows.Single(w => w.Start <= date && date <= w.End).Phase.Id;
        return tiles && containing <= 1 && (containing == 1) == (date >= Plan.Start && date <= Plan.End) && Plan.PhaseIdOn(date) == expected;
    }
}

public class VolunteerGapDocumentTests
{
    [Fact]
    public void The_coverage_document_lists_villages_without_a_volunteer_point()
    {
        var network = new ServiceNetwork(CoverageTests.Jingxiu(), []);
        var assessment = new CoverageAssessor().Assess(CoveragePlan.CoverStandardizeImprove(CoverageTests.County, CoverageTests.Start), network, new LocalDate(2022, 1, 1));
        var json = ResultDocumentJson.Serialize(CoverageDocument.From(assessment));
        Assert.NotEmpty(assessment.Gaps.VillagesWithoutVolunteerPoint);
        Assert.Contains("\"villagesWithoutVolunteerPoint\": [", json, StringComparison.Ordinal);
        Assert.Contains(assessment.Gaps.VillagesWithoutVolunteerPoint[0].ToString(), json, StringComparison.Ordinal);
    }

    [Fact]
    public void Recent_records_count_the_window_the_caller_chooses()
    {
        var day = new LocalDate(2024, 3, 31);
        ServiceRecord At(LocalDate date) => new("r" + date.ToString("yyyyMMdd", null), date, DivisionCode.Parse("130602005"), ServiceCode.Parse("EL.01"), ServiceMethod.Visit, 1, facilityId: "S01");
        var records = new[] { At(day), At(day.PlusDays(-29)), At(day.PlusDays(-30)), At(day.PlusDays(-89)), At(day.PlusDays(1)) };

        Assert.Equal(2, new StationProfile("S01").WithRecordsFrom(records, day, 30).RecentRecords);
        Assert.Equal(4, new StationProfile("S01").WithRecordsFrom(records, day, 90).RecentRecords);
        Assert.Throws<ArgumentOutOfRangeException>(() => new StationProfile("S01").WithRecordsFrom(records, day, 0));
    }
}
