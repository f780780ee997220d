using NodaTime;

namespace SocialWork.Rules;

/// <summary>
/// How a network, its workforce and a coverage plan's targets develop period by period: for the plan's scope and each of
/// its townships, the stocks on each period's last day (<see cref="NetworkStock"/>). A stock is read on one day and
/// summed over the hierarchy, never over time; the targets' shares are the one-day assessment's, recomputed from counts.
/// </summary>
public static class NetworkSeries
{
    /// <summary>Builds the series.</summary>
    /// <param name="network">The network (its directory, facilities and workers).</param>
    /// <param name="plan">The plan: its scope chooses the rows, its targets are assessed on each row's day.</param>
    /// <param name="from">The first day: the first period is the one that contains it.</param>
    /// <param name="to">The last day: the last period is the one that contains it, read on this day.</param>
    /// <param name="kind">Months, quarters or years.</param>
    /// <param name="standard">The station standard for the targets (six haves when omitted).</param>
    /// <returns>A row for the scope and one for each township in it, for every period, sorted by division then period.</returns>
    /// <exception cref="ArgumentException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    public static IReadOnlyList<NetworkStock> Build(ServiceNetwork network, CoveragePlan plan, LocalDate from, LocalDate to, PeriodKind kind, StationStandard? standard = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(plan);
        if (to < from)
        {
            throw new ArgumentException($"The series ends on {to:yyyy-MM-dd}, before it starts on {from:yyyy-MM-dd}.", nameof(to));
        }
        var scope = plan.Scope;
        DivisionCode[] divisions = scope.Level >= DivisionLevel.Township
            ? [scope]
            : [scope, .. network.Directory.Where(d => d.Code.Level == DivisionLevel.Township && scope.IsAncestorOf(d.Code)).Select(d => d.Code).Order()];
        var facilityById = network.Facilities.ToDictionary(f => f.Id, StringComparer.Ordinal);
        var assessor = new CoverageAssessor(standard);
        var rows = new List<NetworkStock>();
        for (var period = ReportingPeriod.Containing(from, kind); ; period = period.Next())
        {
            var asOf = LocalDate.Min(period.End, to);
            var targets = assessor.Assess(plan, network, asOf).Targets;
            foreach (var division in divisions)
            {
                rows.Add(Read(network, facilityById, division, period, asOf) with { Targets = division == scope ? targets : [] });
            }
            if (period.End >= to)
            {
                break;
            }
        }
        return [.. rows.OrderBy(r => r.Division).ThenBy(r => r.AsOf)];
    }

    /// <summary>Reads the stocks of one division on one day.</summary>
    internal static NetworkStock Read(ServiceNetwork network, IReadOnlyDictionary<string, Facility> facilityById, DivisionCode division, ReportingPeriod period, LocalDate asOf)
    {
        var operating = network.Facilities.Where(f => division.Contains(f.Division) && f.IsOperatingOn(asOf)).ToList();
        int Count(FacilityTier tier) => operating.Count(f => f.Tier == tier);
        var workers = network.Workers.Where(w => w.FacilityId is { } id && facilityById.TryGetValue(id, out var f) && division.Contains(f.Division)).ToList();
        int Holding(QualificationLevel level) => workers.Count(w => w.QualificationOn(asOf) == level);
        return new NetworkStock(
            division,
            period,
            asOf,
            new FacilityCounts(Count(FacilityTier.CountyCenter), Count(FacilityTier.TownshipStation), Count(FacilityTier.CommunityRoom), Count(FacilityTier.VolunteerPoint)),
            operating.Where(f => f.Tier == FacilityTier.TownshipStation).Select(f => f.Division).Distinct().Count(),
            operating.Where(f => f.Tier == FacilityTier.CommunityRoom).Select(f => f.Division).Distinct().Count(),
            workers.Count,
            new PerLevel<int>(Holding(QualificationLevel.Assistant), Holding(QualificationLevel.Intermediate), Holding(QualificationLevel.Senior)));
    }
}
