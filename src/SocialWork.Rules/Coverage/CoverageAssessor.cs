using System.Globalization;
using NodaTime;

namespace SocialWork.Rules;

/// <summary>
/// Assesses coverage plans. A target is <see cref="TargetStatus.Met"/> when actual ≥ required; otherwise, before its due
/// date it is <see cref="TargetStatus.OnTrack"/> when actual ≥ required × the elapsed fraction of its phase and
/// <see cref="TargetStatus.Behind"/> when below; from its due date on it is <see cref="TargetStatus.Missed"/>.
/// </summary>
public sealed class CoverageAssessor
{
    /// <summary>Creates an assessor.</summary>
    /// <param name="standard">The station standard that grades stations (default: <see cref="StationStandard.SixHaves"/>).</param>
    public CoverageAssessor(StationStandard? standard = null) => Standard = standard ?? StationStandard.SixHaves;

    /// <summary>Gets the station standard.</summary>
    public StationStandard Standard { get; }

    /// <summary>Assesses <paramref name="plan"/> on <paramref name="date"/>.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="network">The network.</param>
    /// <param name="date">The day.</param>
    /// <returns>The assessment.</returns>
    public CoverageAssessment Assess(CoveragePlan plan, ServiceNetwork network, LocalDate date)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(network);
        var directory = network.Directory;
        var scope = plan.Scope;
        var counties = Within(directory, scope, DivisionLevel.County);
        var townships = Within(directory, scope, DivisionLevel.Township);
        var villages = Within(directory, scope, DivisionLevel.Village);

        var operating = network.Facilities.Where(f => scope.Contains(f.Division) && f.IsOperatingOn(date)).ToList();
        HashSet<DivisionCode> Served(FacilityTier tier) => [.. operating.Where(f => f.Tier == tier).Select(f => f.Division)];
        var centres = Served(FacilityTier.CountyCenter);
        var stationDivisions = Served(FacilityTier.TownshipStation);
        var rooms = Served(FacilityTier.CommunityRoom);
        var points = Served(FacilityTier.VolunteerPoint);

        var stations = operating.Where(f => f.Tier == FacilityTier.TownshipStation).OrderBy(f => f.Id, StringComparer.Ordinal).ToList();
        var workersByFacility = network.Workers.Where(w => w.FacilityId is not null).ToLookup(w => w.FacilityId!, StringComparer.Ordinal);
        var grades = stations.Select(s => Standard.Grade(Profile(network, workersByFacility[s.Id], s, date))).ToList();
        var staff = operating.SelectMany(f => workersByFacility[f.Id]).ToList();
        var stationIds = stations.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var residents = staff.Count(w => w.Employment == Employment.StationResident && stationIds.Contains(w.FacilityId!));

        double Share(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
        var actuals = new Dictionary<CoverageMetric, double>
        {
            [CoverageMetric.CountyCenter] = Share(counties.Count(centres.Contains), counties.Count),
            [CoverageMetric.TownshipStationCoverage] = Share(townships.Count(stationDivisions.Contains), townships.Count),
            [CoverageMetric.StandardShare] = Share(grades.Count(g => g.Grade >= StationGrade.Standard), grades.Count),
            [CoverageMetric.ImprovedShare] = Share(grades.Count(g => g.Grade == StationGrade.Improved), grades.Count),
            [CoverageMetric.CommunityRoomCoverage] = Share(villages.Count(rooms.Contains), villages.Count),
            [CoverageMetric.VolunteerPointCoverage] = Share(villages.Count(points.Contains), villages.Count),
            [CoverageMetric.ResidentWorkersPerStation] = stations.Count == 0 ? 0 : (double)residents / stations.Count,
            [CoverageMetric.CertifiedShare] = Share(staff.Count(w => w.IsCertifiedOn(date)), staff.Count),
        };

        var gaps = new CoverageGaps(
            [.. counties.Where(c => !centres.Contains(c))],
            [.. townships.Where(t => !stationDivisions.Contains(t))],
            [.. villages.Where(v => !rooms.Contains(v))],
            [.. villages.Where(v => !points.Contains(v))],
            [.. grades.Where(g => g.Grade == StationGrade.Unmet).Select(g => g.FacilityId)],
            [.. grades.Where(g => g.Grade != StationGrade.Improved).Select(g => g.FacilityId)]);

        var targets = new List<TargetAssessment>();
        foreach (var window in plan.Windows)
        {
            foreach (var target in window.Phase.Targets)
            {
                targets.Add(target.Metric == CoverageMetric.ImprovedShare && !Standard.Criteria.Any(c => c.ForImproved)
                    ? NotAssessable(target, window, Standard)
                    : AssessTarget(target, window, actuals[target.Metric], date, gaps, directory));
            }
        }
        targets.Sort((a, b) => a.Due != b.Due ? a.Due.CompareTo(b.Due) : string.CompareOrdinal(a.Id, b.Id));

        var phaseId = plan.PhaseIdOn(date);
        var window0 = plan.WindowOn(date);
        var findings = new List<Finding>
        {
            window0 is null
                ? Finding.Info("coverage.phase", phaseId == CoveragePlan.NotStarted ? $"计划自{plan.Start:yyyy-MM-dd}开始，尚未启动" : $"计划各阶段已于{plan.End:yyyy-MM-dd}结束，进入巩固期", phaseId == CoveragePlan.NotStarted ? $"the plan starts on {plan.Start:yyyy-MM-dd}: not started" : $"every phase ended by {plan.End:yyyy-MM-dd}: sustaining", ("phase", phaseId))
                : Finding.Info("coverage.phase", $"当前处于“{window0.Phase.Label.Chinese}”阶段（{window0.Start:yyyy-MM-dd}至{window0.End:yyyy-MM-dd}）", $"in phase '{window0.Phase.Label.English ?? window0.Phase.Id}' ({window0.Start:yyyy-MM-dd} to {window0.End:yyyy-MM-dd})", ("phase", phaseId)),
        };
        findings.AddRange(targets.Select(t => t.Finding));
        return new CoverageAssessment(date, scope, phaseId, targets, gaps, grades, findings);
    }

    /// <summary>Assesses the plan at the end of every month from its start to the end of its last phase, for charts.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="network">The network.</param>
    /// <returns>One assessment per month end, in order.</returns>
    public IReadOnlyList<CoverageAssessment> AssessMonthly(CoveragePlan plan, ServiceNetwork network)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var result = new List<CoverageAssessment>();
        for (var month = plan.Start.With(DateAdjusters.EndOfMonth); month <= plan.End.With(DateAdjusters.EndOfMonth); month = month.PlusDays(1).With(DateAdjusters.EndOfMonth))
        {
            result.Add(Assess(plan, network, month));
        }
        return result;
    }

    private static StationProfile Profile(ServiceNetwork network, IEnumerable<Worker> stationWorkers, Facility station, LocalDate date)
    {
        var profile = network.Profiles.TryGetValue(station.Id, out var given) ? given : new StationProfile(station.Id);
        return profile.Staff is null && network.Workers.Count > 0 ? profile.WithStaffFrom(stationWorkers, date) : profile;
    }

    private static List<DivisionCode> Within(DivisionDirectory directory, DivisionCode scope, DivisionLevel level)
    {
        if (scope.Level == level)
        {
            return directory.Contains(scope) ? [scope] : [];
        }
        return scope.Level > level ? [] : [.. directory.GetDescendants(scope, level).Select(d => d.Code)];
    }

    /// <summary>A share of Improved stations under a standard that defines no improvement criteria: no station can be Improved, so the target is not assessable — never missed.</summary>
    private static TargetAssessment NotAssessable(CoverageTarget target, PhaseWindow window, StationStandard standard)
    {
        var label = CoverageMetricExtensions.GetLabel(target.Metric);
        var finding = new Finding(
            $"coverage.{target.Id}",
            FindingSeverity.Warning,
            $"{label.Chinese}：站点标准“{standard.Name.Chinese}”没有规定提升条件，无法评估；请在标准中加入提升条件",
            $"{label.English}: the station standard '{standard.Name.English ?? standard.Id}' defines no improvement criteria, so no station can be graded improved and the target cannot be assessed; add improvement criteria to the standard",
            new Dictionary<string, string> { ["standard"] = standard.Id, ["due"] = window.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        return new TargetAssessment(target.Id, target.Metric, window.Phase.Id, target.Required, 0, window.End, TargetStatus.NotAssessable, finding) { Source = target.Source };
    }

    private static TargetAssessment AssessTarget(CoverageTarget target, PhaseWindow window, double actual, LocalDate date, CoverageGaps gaps, DivisionDirectory directory)
    {
        var due = window.End;
        var totalDays = NodaTime.Period.DaysBetween(window.Start, due) + 1;
        var elapsed = Math.Clamp((double)(NodaTime.Period.DaysBetween(window.Start, date) + 1) / totalDays, 0, 1);
        var pace = target.Required * elapsed;
        var status = actual >= target.Required ? TargetStatus.Met
            : date >= due ? TargetStatus.Missed
            : actual >= pace ? TargetStatus.OnTrack
            : TargetStatus.Behind;
        string F(double v) => CoverageMetricExtensions.IsShare(target.Metric) ? v.ToString("0.##%", CultureInfo.InvariantCulture) : v.ToString("0.##", CultureInfo.InvariantCulture);
        var missing = target.Metric switch
        {
            CoverageMetric.TownshipStationCoverage => Names(gaps.TownshipsWithoutStation, directory),
            CoverageMetric.CountyCenter => Names(gaps.CountiesWithoutCenter, directory),
            CoverageMetric.CommunityRoomCoverage => Names(gaps.VillagesWithoutRoom, directory),
            CoverageMetric.VolunteerPointCoverage => Names(gaps.VillagesWithoutVolunteerPoint, directory),
            CoverageMetric.StandardShare => string.Join("、", gaps.StationsBelowStandard),
            CoverageMetric.ImprovedShare => string.Join("、", gaps.StationsNotImproved),
            _ => string.Empty,
        };
        var (zh, en) = status switch
        {
            TargetStatus.Met => ("已达成", "met"),
            TargetStatus.OnTrack => ("进度正常", "on track"),
            TargetStatus.Behind => ("进度滞后", "behind"),
            TargetStatus.NotAssessable => ("无法评估", "not assessable"),
            _ => ("未达成", "missed"),
        };
        var label = CoverageMetricExtensions.GetLabel(target.Metric);
        var gapZh = status == TargetStatus.Met || missing.Length == 0 ? string.Empty : $"；缺口：{missing}";
        var gapEn = status == TargetStatus.Met || missing.Length == 0 ? string.Empty : $"; gaps: {missing}";
        var finding = new Finding(
            $"coverage.{target.Id}",
            status is TargetStatus.Met or TargetStatus.OnTrack ? FindingSeverity.Info : status == TargetStatus.Behind ? FindingSeverity.Warning : FindingSeverity.Error,
            $"{label.Chinese}：要求{F(target.Required)}（{due:yyyy-MM-dd}前），实际{F(actual)}，{zh}{gapZh}",
            $"{label.English}: {F(target.Required)} required by {due:yyyy-MM-dd}, actual {F(actual)}: {en}{gapEn}",
            new Dictionary<string, string>
            {
                ["required"] = target.Required.ToString(CultureInfo.InvariantCulture),
                ["actual"] = actual.ToString(CultureInfo.InvariantCulture),
                ["due"] = due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["pace"] = pace.ToString(CultureInfo.InvariantCulture),
            });
        return new TargetAssessment(target.Id, target.Metric, window.Phase.Id, target.Required, actual, due, status, finding) { Source = target.Source };
    }

    private static string Names(IReadOnlyList<DivisionCode> codes, DivisionDirectory directory)
        => string.Join("、", codes.Take(20).Select(c => directory.TryGet(c, out var d) ? $"{d.Name}({c})" : c.ToString())) + (codes.Count > 20 ? $" …(+{codes.Count - 20})" : string.Empty);
}
