using NodaTime;

namespace SocialWork.Rules;

/// <summary>What a coverage target measures.</summary>
public enum CoverageMetric
{
    /// <summary>Share of counties in scope with an operating county centre (1 = yes for a single county).</summary>
    CountyCenter,

    /// <summary>Share of townships/streets in scope with an operating station.</summary>
    TownshipStationCoverage,

    /// <summary>Share of operating stations graded Standard or better.</summary>
    StandardShare,

    /// <summary>Share of operating stations graded Improved.</summary>
    ImprovedShare,

    /// <summary>Share of villages/communities in scope with an operating social-work room.</summary>
    CommunityRoomCoverage,

    /// <summary>Share of villages/communities in scope with an operating volunteer service point (湖南's full-coverage aim).</summary>
    VolunteerPointCoverage,

    /// <summary>Station-resident social workers per operating station (a count, not a share).</summary>
    ResidentWorkersPerStation,

    /// <summary>Share of workers at operating facilities in scope who hold a qualification on the day.</summary>
    CertifiedShare,
}

/// <summary>Target statuses.</summary>
public enum TargetStatus
{
    /// <summary>Actual ≥ required.</summary>
    Met,

    /// <summary>Not yet due, and actual ≥ required × the elapsed fraction of its phase.</summary>
    OnTrack,

    /// <summary>Not yet due, and below that pace.</summary>
    Behind,

    /// <summary>Due, and below required.</summary>
    Missed,
}

/// <summary>A target of a phase: a metric and the value required by the phase's last day.</summary>
/// <param name="Metric">The metric.</param>
/// <param name="Required">The value required (a share in [0,1] for share metrics).</param>
public sealed record CoverageTarget(CoverageMetric Metric, double Required)
{
    /// <summary>Gets the target id: the metric's camelCase name, for example <c>townshipStationCoverage</c>.</summary>
    public string Id => CoverageMetrics.ToId(Metric);
}

/// <summary>A named phase of a plan with its length in months and the targets due at its end.</summary>
/// <param name="Id">The phase id, for example <c>cover</c>.</param>
/// <param name="Label">The label, for example 一年覆盖.</param>
/// <param name="Months">The length in months.</param>
/// <param name="Targets">The targets due on the phase's last day.</param>
public sealed record CoveragePhase(string Id, LocalizedText Label, int Months, IReadOnlyList<CoverageTarget> Targets)
{
    /// <summary>Gets the targets; compared by content.</summary>
    public IReadOnlyList<CoverageTarget> Targets { get; init => field = ValueList.From(value); } = ValueList.From(Targets);
}

/// <summary>Where a phase sits in time.</summary>
/// <param name="Phase">The phase.</param>
/// <param name="Start">Its first day.</param>
/// <param name="End">Its last day (the due date of its targets).</param>
public sealed record PhaseWindow(CoveragePhase Phase, LocalDate Start, LocalDate End);

/// <summary>
/// A coverage plan for a scope (usually a county): a start date and consecutive named phases with targets, such as
/// 竞秀区's "一年覆盖、两年规范、三年提升". Before the start the phase is <c>notStarted</c>; after the last phase it is
/// <c>sustain</c>.
/// </summary>
public sealed record CoveragePlan
{
    /// <summary>The phase id before the plan starts.</summary>
    public const string NotStarted = "notStarted";

    /// <summary>The phase id after the last phase.</summary>
    public const string Sustain = "sustain";

    /// <summary>Creates a plan and validates it.</summary>
    /// <param name="scope">The division the plan covers.</param>
    /// <param name="start">The first day of the first phase.</param>
    /// <param name="phases">The phases, in order.</param>
    /// <exception cref="ArgumentException">No phases, a phase of no months, a repeated phase id, or a share target outside [0,1].</exception>
    public CoveragePlan(DivisionCode scope, LocalDate start, IReadOnlyList<CoveragePhase> phases)
    {
        ArgumentNullException.ThrowIfNull(phases);
        if (phases.Count == 0)
        {
            throw new ArgumentException("A coverage plan needs at least one phase.", nameof(phases));
        }
        var ids = new HashSet<string>(StringComparer.Ordinal) { NotStarted, Sustain };
        var windows = new List<PhaseWindow>();
        var from = start;
        foreach (var phase in phases)
        {
            if (phase.Months < 1)
            {
                throw new ArgumentException($"Phase '{phase.Id}' must last at least one month; was {phase.Months}.", nameof(phases));
            }
            if (!ids.Add(phase.Id))
            {
                throw new ArgumentException($"Phase id '{phase.Id}' is repeated or reserved.", nameof(phases));
            }
            foreach (var target in phase.Targets)
            {
                if (!double.IsFinite(target.Required) || target.Required < 0)
                {
                    throw new ArgumentException($"Phase '{phase.Id}': target {target.Id} requires {target.Required}, which is not a finite number of at least 0.", nameof(phases));
                }
                if (CoverageMetrics.IsShare(target.Metric) && target.Required > 1)
                {
                    throw new ArgumentException($"Phase '{phase.Id}': target {target.Id} requires {target.Required}, outside [0,1].", nameof(phases));
                }
            }
            var monthsLeft = ((9999 - from.Year) * 12) + (12 - from.Month);
            if (phase.Months > monthsLeft)
            {
                throw new ArgumentException($"Phase '{phase.Id}' starts on {from:yyyy-MM-dd} and lasts {phase.Months} months, past 9999-12-31, the end of the calendar.", nameof(phases));
            }
            var next = from.PlusMonths(phase.Months);
            windows.Add(new PhaseWindow(phase, from, next.PlusDays(-1)));
            from = next;
        }
        Scope = scope;
        Start = start;
        Phases = ValueList.From(phases);
        Windows = ValueList.From(windows);
    }

    /// <summary>Gets the plan's id, if any.</summary>
    public string? Id { get; init; }

    /// <summary>Gets where the plan's shape comes from.</summary>
    public string? Source { get; init; }

    /// <summary>Gets the scope.</summary>
    public DivisionCode Scope { get; }

    /// <summary>Gets the first day.</summary>
    public LocalDate Start { get; }

    /// <summary>Gets the phases.</summary>
    public IReadOnlyList<CoveragePhase> Phases { get; }

    /// <summary>Gets each phase's first and last day; the windows tile [Start, End] without gaps.</summary>
    public IReadOnlyList<PhaseWindow> Windows { get; }

    /// <summary>Gets the last day of the last phase.</summary>
    public LocalDate End => Windows[^1].End;

    /// <summary>Gets the phase id in force on <paramref name="date"/>: a phase id, <see cref="NotStarted"/> or <see cref="Sustain"/>.</summary>
    /// <param name="date">The day.</param>
    /// <returns>The phase id.</returns>
    public string PhaseIdOn(LocalDate date) => date < Start ? NotStarted : WindowOn(date)?.Phase.Id ?? Sustain;

    /// <summary>Gets the window of the phase in force on <paramref name="date"/>, or <see langword="null"/> before the start and after the end.</summary>
    /// <param name="date">The day.</param>
    /// <returns>The window.</returns>
    public PhaseWindow? WindowOn(LocalDate date) => Windows.FirstOrDefault(w => w.Start <= date && date <= w.End);
}

/// <summary>The default thresholds of the built-in plan presets; every one is a parameter.</summary>
public sealed record CoverageThresholds
{
    /// <summary>Gets the share of townships with a station due at the end of year one (default 1: full coverage, as "覆盖" and the 2025 national aim say).</summary>
    public double TownshipStationCoverage { get; init; } = 1;

    /// <summary>Gets the county-centre requirement (default 1: the county has an operating centre).</summary>
    public double CountyCenter { get; init; } = 1;

    /// <summary>Gets the share of stations meeting the standard (default 1). No public source sets this number.</summary>
    public double StandardShare { get; init; } = 1;

    /// <summary>Gets the share of stations graded Improved (default 0.5). No public source sets this number.</summary>
    public double ImprovedShare { get; init; } = 0.5;

    /// <summary>Gets the share of villages/communities with a room (default 0.8). No public source sets this number.</summary>
    public double CommunityRoomCoverage { get; init; } = 0.8;
}

/// <summary>Built-in plan shapes. Phase words come from the sources named; thresholds are <see cref="CoverageThresholds"/> parameters.</summary>
public static class CoveragePlans
{
    /// <summary>The preset name of <see cref="CoverStandardizeImprove"/>.</summary>
    public const string CoverStandardizeImprovePreset = "cover-standardize-improve";

    /// <summary>The preset name of <see cref="PilotRolloutFull"/>.</summary>
    public const string PilotRolloutFullPreset = "pilot-rollout-full";

    /// <summary>
    /// "一年覆盖、两年规范、三年提升" (保定市竞秀区, seed; also Fujian): Cover — county centre and township-station coverage;
    /// Standardize — share of stations meeting the standard; Improve — share graded Improved and village-room coverage.
    /// What "规范" and "提升" measure is this library's reading (no source defines them numerically).
    /// </summary>
    /// <param name="scope">The scope, for example 130602.</param>
    /// <param name="start">The start date (竞秀区 launched its 蜜蜂计划 on 18 May; the plan's own start is yours to give).</param>
    /// <param name="thresholds">Thresholds; the defaults of <see cref="CoverageThresholds"/> when omitted.</param>
    /// <param name="months">Phase lengths in months (cover, standardize, improve); 12 each by default.</param>
    /// <returns>The plan.</returns>
    public static CoveragePlan CoverStandardizeImprove(DivisionCode scope, LocalDate start, CoverageThresholds? thresholds = null, (int Cover, int Standardize, int Improve)? months = null)
    {
        var t = thresholds ?? new CoverageThresholds();
        var m = months ?? (12, 12, 12);
        return new CoveragePlan(scope, start,
        [
            new("cover", new LocalizedText("一年覆盖", "Year one: cover"), m.Cover, [new(CoverageMetric.CountyCenter, t.CountyCenter), new(CoverageMetric.TownshipStationCoverage, t.TownshipStationCoverage)]),
            new("standardize", new LocalizedText("两年规范", "Year two: standardize"), m.Standardize, [new(CoverageMetric.StandardShare, t.StandardShare)]),
            new("improve", new LocalizedText("三年提升", "Year three: improve"), m.Improve, [new(CoverageMetric.ImprovedShare, t.ImprovedShare), new(CoverageMetric.CommunityRoomCoverage, t.CommunityRoomCoverage)]),
        ])
        {
            Id = CoverStandardizeImprovePreset,
            Source = "“一年覆盖、两年规范、三年提升”: 保定市竞秀区民政局 (seed, 中国社会报) and Fujian (2021); thresholds are parameters.",
        };
    }

    /// <summary>
    /// "一年试点、两年铺开、三年全覆盖" (金华, from 2020, secondary): Pilot and Roll-out carry township-station coverage
    /// targets only when you give them (no source states them); Full coverage requires every township to have a station
    /// and the county a centre.
    /// </summary>
    /// <param name="scope">The scope.</param>
    /// <param name="start">The start date.</param>
    /// <param name="pilotCoverage">Township-station coverage due at the end of the pilot year, if any.</param>
    /// <param name="rolloutCoverage">Township-station coverage due at the end of the roll-out year, if any.</param>
    /// <param name="thresholds">Thresholds for the full-coverage year (township coverage and county centre).</param>
    /// <param name="months">Phase lengths in months; 12 each by default.</param>
    /// <returns>The plan.</returns>
    public static CoveragePlan PilotRolloutFull(DivisionCode scope, LocalDate start, double? pilotCoverage = null, double? rolloutCoverage = null, CoverageThresholds? thresholds = null, (int Pilot, int Rollout, int Full)? months = null)
    {
        var t = thresholds ?? new CoverageThresholds();
        var m = months ?? (12, 12, 12);
        return new CoveragePlan(scope, start,
        [
            new("pilot", new LocalizedText("一年试点", "Year one: pilot"), m.Pilot, pilotCoverage is { } p ? [new(CoverageMetric.TownshipStationCoverage, p)] : []),
            new("rollout", new LocalizedText("两年铺开", "Year two: roll out"), m.Rollout, rolloutCoverage is { } r ? [new(CoverageMetric.TownshipStationCoverage, r)] : []),
            new("full", new LocalizedText("三年全覆盖", "Year three: full coverage"), m.Full, [new(CoverageMetric.CountyCenter, t.CountyCenter), new(CoverageMetric.TownshipStationCoverage, t.TownshipStationCoverage)]),
        ])
        {
            Id = PilotRolloutFullPreset,
            Source = "“一年试点、两年铺开、三年全覆盖”: 金华 (from 2020; all 146 stations built by end 2022) [secondary]; pilot and roll-out targets are parameters.",
        };
    }
}

/// <summary>Names and kinds of <see cref="CoverageMetric"/> values.</summary>
public static class CoverageMetrics
{
    /// <summary>Gets the camelCase id of a metric, for example <c>townshipStationCoverage</c>.</summary>
    /// <param name="metric">The metric.</param>
    /// <returns>The id.</returns>
    public static string ToId(CoverageMetric metric) => DocumentReader.CamelCase(metric.ToString());

    /// <summary>Parses a metric id.</summary>
    /// <param name="id">The id.</param>
    /// <param name="metric">The metric when recognised.</param>
    /// <returns><see langword="true"/> when recognised.</returns>
    public static bool TryParse(string id, out CoverageMetric metric)
    {
        foreach (var m in Enum.GetValues<CoverageMetric>())
        {
            if (string.Equals(ToId(m), id, StringComparison.Ordinal))
            {
                metric = m;
                return true;
            }
        }
        metric = default;
        return false;
    }

    /// <summary>Gets the metric's label in zh-CN and English, for tables and findings (ids stay ids in JSON).</summary>
    /// <param name="metric">The metric.</param>
    /// <returns>For example 乡镇（街道）社工站覆盖率 / township station coverage.</returns>
    public static LocalizedText GetLabel(CoverageMetric metric) => metric switch
    {
        CoverageMetric.CountyCenter => new("区县社工服务中心", "county centre"),
        CoverageMetric.TownshipStationCoverage => new("乡镇（街道）社工站覆盖率", "township station coverage"),
        CoverageMetric.StandardShare => new("社工站达标率", "stations up to standard"),
        CoverageMetric.ImprovedShare => new("社工站提升率", "stations improved"),
        CoverageMetric.CommunityRoomCoverage => new("村（社区）社工室覆盖率", "village room coverage"),
        CoverageMetric.VolunteerPointCoverage => new("村（社区）志愿服务站点覆盖率", "volunteer point coverage"),
        CoverageMetric.ResidentWorkersPerStation => new("每站驻站社工人数", "resident workers per station"),
        CoverageMetric.CertifiedShare => new("持证社工占比", "certified share"),
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown coverage metric."),
    };

    /// <summary>Gets a value indicating whether the metric is a share in [0,1].</summary>
    /// <param name="metric">The metric.</param>
    /// <returns><see langword="false"/> only for <see cref="CoverageMetric.ResidentWorkersPerStation"/>.</returns>
    public static bool IsShare(CoverageMetric metric) => metric != CoverageMetric.ResidentWorkersPerStation;
}
