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
        var assessor = new CoverageAssessor(standard);
        var reader = new StockReader(network, divisions);
        var rows = new List<NetworkStock>();
        for (var period = ReportingPeriod.Containing(from, kind); ; period = period.Next())
        {
            var asOf = LocalDate.Min(period.End, to);
            var targets = assessor.Assess(plan, network, asOf).Targets;
            var stocks = reader.Read(period, asOf);
            rows.Add(stocks[0] with { Targets = targets });
            rows.AddRange(stocks.Skip(1));
            if (period.End >= to)
            {
                break;
            }
        }
        return [.. rows.OrderBy(r => r.Division).ThenBy(r => r.AsOf)];
    }

    /// <summary>
    /// Reads the stocks of the scope (row 0) and its townships on one day in one pass over the facilities and one over the
    /// workers: each is counted in the scope when the scope contains it, and in its township's row.
    /// </summary>
    private sealed class StockReader
    {
        private readonly DivisionCode[] divisions;
        private readonly (Facility Facility, int Township)[] facilities;
        private readonly (Worker Worker, Facility Facility, int Township)[] workers;

        public StockReader(ServiceNetwork network, DivisionCode[] divisions)
        {
            this.divisions = divisions;
            var scope = divisions[0];
            var townships = new Dictionary<DivisionCode, int>();
            for (var i = 1; i < divisions.Length; i++)
            {
                townships[divisions[i]] = i;
            }
            int TownshipOf(DivisionCode code) => code.Level >= DivisionLevel.Township && townships.TryGetValue(code.AncestorAt(DivisionLevel.Township), out var row) ? row : -1;
            facilities = [.. network.Facilities.Where(f => scope.Contains(f.Division)).Select(f => (f, TownshipOf(f.Division)))];
            var facilityById = network.Facilities.ToDictionary(f => f.Id, StringComparer.Ordinal);
            workers = [.. network.Workers
                .Select(w => (Worker: w, Facility: w.FacilityId is { } id && facilityById.TryGetValue(id, out var f) ? f : null))
                .Where(x => x.Facility is not null && scope.Contains(x.Facility.Division))
                .Select(x => (x.Worker, x.Facility!, TownshipOf(x.Facility!.Division)))];
        }

        public NetworkStock[] Read(ReportingPeriod period, LocalDate asOf)
        {
            var counts = new int[divisions.Length, Columns];
            void Add(int township, int column)
            {
                counts[0, column]++;
                if (township > 0)
                {
                    counts[township, column]++;
                }
            }
            var stations = new Dictionary<DivisionCode, int>();
            var rooms = new Dictionary<DivisionCode, int>();
            foreach (var (facility, township) in facilities)
            {
                if (!facility.IsOperatingOn(asOf))
                {
                    continue;
                }
                Add(township, (int)facility.Tier);
                if (facility.Tier == FacilityTier.TownshipStation)
                {
                    stations.TryAdd(facility.Division, township);
                }
                else if (facility.Tier == FacilityTier.CommunityRoom)
                {
                    rooms.TryAdd(facility.Division, township);
                }
            }
            foreach (var township in stations.Values)
            {
                Add(township, TownshipsWithStation);
            }
            foreach (var township in rooms.Values)
            {
                Add(township, VillagesWithRoom);
            }
            foreach (var (worker, facility, township) in workers)
            {
                // A stock counts who works there on the day: employed, at a facility that is operating.
                if (!worker.IsEmployedOn(asOf) || !facility.IsOperatingOn(asOf))
                {
                    continue;
                }
                Add(township, Workers);
                Add(township, Employed + (int)worker.Employment);
                if (worker.QualificationOn(asOf) is var held and not QualificationLevel.None)
                {
                    Add(township, Certified + (int)held - 1);
                }
                if (worker.PostOn(asOf) is var post and not QualificationLevel.None)
                {
                    Add(township, Posts + (int)post - 1);
                }
            }
            var stocks = new NetworkStock[divisions.Length];
            for (var i = 0; i < stocks.Length; i++)
            {
                stocks[i] = new NetworkStock(
                    divisions[i],
                    period,
                    asOf,
                    new FacilityCounts(counts[i, (int)FacilityTier.CountyCenter], counts[i, (int)FacilityTier.TownshipStation], counts[i, (int)FacilityTier.CommunityRoom], counts[i, (int)FacilityTier.VolunteerPoint]),
                    counts[i, TownshipsWithStation],
                    counts[i, VillagesWithRoom],
                    counts[i, Workers],
                    new PerLevel<int>(counts[i, Certified], counts[i, Certified + 1], counts[i, Certified + 2]),
                    new PerLevel<int>(counts[i, Posts], counts[i, Posts + 1], counts[i, Posts + 2]),
                    new EmploymentCounts(counts[i, Employed], counts[i, Employed + 1], counts[i, Employed + 2], counts[i, Employed + 3]));
            }
            return stocks;
        }

        // Columns of the count table: the four tiers (by their values) first.
        private const int TownshipsWithStation = 4;
        private const int VillagesWithRoom = 5;
        private const int Workers = 6;
        private const int Certified = 7;
        private const int Posts = 10;
        private const int Employed = 13;
        private const int Columns = 17;
    }
}
