using NodaTime;
using System.Text.Json;
using SocialWork.Rules;

namespace SocialWork.Samples.Console.Tests;

/// <summary>Stocks are read on one day and add up over the hierarchy; the series agrees with the one-day assessment.</summary>
public sealed class SeriesTests : CliTestBase
{
    private static readonly DemoData Demo = DemoData.Create();

    private static ServiceNetwork Network() => Demo.Network(Demo.Records(2_000), DemoData.AsOf);

    [Fact]
    public void Every_period_end_agrees_with_the_one_day_assessment_and_the_county_is_the_sum_of_its_townships()
    {
        var network = Network();
        var rows = NetworkSeries.Build(network, Demo.Plan, DemoData.PlanStart, new LocalDate(2024, 5, 17), PeriodKind.Quarter, Demo.Standard);

        foreach (var county in rows.Where(r => r.Division == DemoData.County))
        {
            var townships = rows.Where(r => r.AsOf == county.AsOf && r.Division != DemoData.County).ToList();
            Assert.Equal(10, townships.Count);
            Assert.Equal(county.Facilities.TownshipStation, townships.Sum(t => t.Facilities.TownshipStation));
            Assert.Equal(county.Facilities.CommunityRoom, townships.Sum(t => t.Facilities.CommunityRoom));
            Assert.Equal(county.Facilities.VolunteerPoint, townships.Sum(t => t.Facilities.VolunteerPoint));
            Assert.Equal(county.VillagesWithRoom, townships.Sum(t => t.VillagesWithRoom));
            Assert.Equal(county.TownshipsWithStation, townships.Sum(t => t.TownshipsWithStation));
            Assert.Equal(county.Certified.Intermediate, townships.Sum(t => t.Certified.Intermediate));
            Assert.Equal(county.PostsHeld, new PerLevel<int>(townships.Sum(t => t.PostsHeld.Assistant), townships.Sum(t => t.PostsHeld.Intermediate), townships.Sum(t => t.PostsHeld.Senior)));
            Assert.Equal(county.Workers, townships.Sum(t => t.Workers) + WorkersAboveTownships(network));   // the county centre's workers count in the county only
            Assert.Equal(county.ByEmployment.StationResident + county.ByEmployment.CommunityFullTime + county.ByEmployment.PartTime + county.ByEmployment.Volunteer, county.Workers);
            Assert.All(townships, t => Assert.Empty(t.Targets));

            var oneDay = new CoverageAssessor(Demo.Standard).Assess(Demo.Plan, network, county.AsOf);
            Assert.Equal(oneDay.Targets, county.Targets);
            Assert.Equal(county.TownshipsWithStation / 10.0, county.Targets.Single(t => t.Metric == CoverageMetric.TownshipStationCoverage).Actual, 9);
            Assert.Equal(county.VillagesWithRoom / 153.0, county.Targets.Single(t => t.Metric == CoverageMetric.CommunityRoomCoverage).Actual, 9);
        }
        Assert.Equal(new LocalDate(2021, 6, 30), rows[0].AsOf);
        Assert.Equal(new LocalDate(2024, 5, 17), rows.Where(r => r.Division == DemoData.County).Last().AsOf);
    }

    [Fact]
    public void A_facility_closed_and_a_post_ended_mid_month_are_not_counted_at_its_end()
    {
        var directory = new DivisionDirectory([new(DivisionCode.Parse("130602"), "竞秀区"), new(DivisionCode.Parse("130602001"), "先锋街道"), new(DivisionCode.Parse("130602001002"), "天翔社区")], 2023);
        var network = new ServiceNetwork(
            directory,
            [
                new("S1", "先锋街道社工站", FacilityTier.TownshipStation, DivisionCode.Parse("130602001"), new LocalDate(2021, 1, 1)),
                new("R1", "天翔社区社工室", FacilityTier.CommunityRoom, DivisionCode.Parse("130602001002"), new LocalDate(2021, 1, 1), closedOn: new LocalDate(2021, 5, 15)),
            ],
            [new Worker("W1", Employment.StationResident, [new Qualification(QualificationLevel.Assistant, new LocalDate(2021, 2, 10))], [new PostAppointment(QualificationLevel.Assistant, new LocalDate(2021, 3, 1), new LocalDate(2021, 5, 20))], facilityId: "S1")]);
        var plan = CoveragePlan.CoverStandardizeImprove(DivisionCode.Parse("130602"), new LocalDate(2021, 1, 1));

        var rows = NetworkSeries.Build(network, plan, new LocalDate(2021, 1, 1), new LocalDate(2021, 6, 30), PeriodKind.Month, StationStandard.SixHaves)
            .Where(r => r.Division == DivisionCode.Parse("130602")).ToList();

        Assert.Equal([1, 1, 1, 1, 0, 0], rows.Select(r => r.Facilities.CommunityRoom));
        Assert.Equal([0, 1, 1, 1, 1, 1], rows.Select(r => r.Certified.Assistant));
        Assert.Equal([0, 0, 1, 1, 0, 0], rows.Select(r => r.PostsHeld.Assistant));    // the post ends on 20 May
        Assert.Equal([0.0, 1, 1, 1, 1, 1], rows.Select(r => r.CertifiedShare!.Value));
        Assert.All(rows, r => Assert.Equal(1, r.ByEmployment[Employment.StationResident]));
    }

    [Fact]
    public void The_series_command_writes_the_contracts_json()
    {
        var network = File("network.json", NetworkJson.SerializeNetwork(Network()));
        var plan = File("plan.json", CoveragePlanJson.Serialize(new CoveragePlanDocument(Demo.Plan, Demo.Standard)));

        var (code, output, error) = Run("series", "--network", network, "--plan", plan, "--from", "2021-05-18", "--to", "2022-02-10", "--period", "quarter", "--format", "json");

        Assert.True(code == 0, error);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(["scope", "period", "rows"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("130602000000", root.GetProperty("scope").GetString());
        Assert.Equal("quarter", root.GetProperty("period").GetString());
        var rows = root.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(11 * 4, rows.Count);
        var first = rows[0];
        Assert.Equal(["division", "period", "asOf", "facilities", "townshipsWithStation", "villagesWithRoom", "workers", "certified", "targets"], first.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["countyCenter", "townshipStation", "communityRoom", "volunteerPoint"], first.GetProperty("facilities").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["assistant", "intermediate", "senior"], first.GetProperty("certified").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["id", "required", "actual", "status"], first.GetProperty("targets")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(("130602000000", "2021-Q2", "2021-06-30"), (first.GetProperty("division").GetString(), first.GetProperty("period").GetString(), first.GetProperty("asOf").GetString()));
        Assert.Equal("2022-02-10", rows[3].GetProperty("asOf").GetString());
        Assert.False(rows[4].TryGetProperty("targets", out _));
        var keys = rows.Select(r => (r.GetProperty("division").GetString()!, r.GetProperty("asOf").GetString()!)).ToList();
        Assert.Equal(keys.OrderBy(k => k.Item1, StringComparer.Ordinal).ThenBy(k => k.Item2, StringComparer.Ordinal), keys);
    }

    [Fact]
    public void Workers_without_a_facility_are_named_rather_than_counted_silently_as_nothing()
    {
        var network = File("network.json", NetworkJson.SerializeNetwork(Network()));
        var plan = File("plan.json", CoveragePlanJson.Serialize(new CoveragePlanDocument(Demo.Plan, Demo.Standard)));
        var workers = File("workers.json", """{"workers":[{"id":"W-nowhere","employment":"partTime"},{"id":"W-gone","employment":"partTime","facilityId":"NO-SUCH"}]}""");

        var (code, _, error) = Run("series", "--network", network, "--plan", plan, "--workers", workers, "--from", "2021-05-18", "--to", "2021-06-30", "--period", "quarter", "--format", "json", "--lang", "en");

        Assert.Equal(0, code);
        Assert.Contains("note: 2 workers have no facility in the network and are not counted in any period: W-nowhere, W-gone", error, StringComparison.Ordinal);
    }

    private static int WorkersAboveTownships(ServiceNetwork network)
    {
        var county = network.Facilities.Where(f => f.Division.Level < DivisionLevel.Township).Select(f => f.Id).ToHashSet();
        return network.Workers.Count(w => w.FacilityId is { } id && county.Contains(id));
    }
}
