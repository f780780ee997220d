using NodaTime;

namespace SocialWork.Rules;

// The presets: built-in plan shapes. Phase words come from the sources named; thresholds are CoverageThresholds parameters.
public sealed partial record CoveragePlan
{
    /// <summary>The preset name of <see cref="CoverStandardizeImprove"/>.</summary>
    public const string CoverStandardizeImprovePreset = "cover-standardize-improve";

    /// <summary>The preset name of <see cref="PilotRolloutFull"/>.</summary>
    public const string PilotRolloutFullPreset = "pilot-rollout-full";

    /// <summary>
    /// "一年覆盖、两年规范、三年提升" (保定市竞秀区, seed; also Fujian): Cover — county centre and township-station coverage;
    /// Standardize — share of stations meeting the standard; Improve — share graded Improved and village-room coverage,
    /// each only when <paramref name="thresholds"/> sets it. What "规范" and "提升" measure is this library's reading.
    /// </summary>
    /// <param name="scope">The scope, for example 130602.</param>
    /// <param name="start">The start date (竞秀区 launched its 蜜蜂计划 on 18 May; the plan's own start is yours to give).</param>
    /// <param name="thresholds">Thresholds; the sourced defaults of <see cref="CoverageThresholds"/> when omitted (no improve-phase target then).</param>
    /// <param name="months">Phase lengths in months (cover, standardize, improve); 12 each by default ("一年…两年…三年").</param>
    /// <returns>The plan.</returns>
    public static CoveragePlan CoverStandardizeImprove(DivisionCode scope, LocalDate start, CoverageThresholds? thresholds = null, (int Cover, int Standardize, int Improve)? months = null)
    {
        var t = thresholds ?? new CoverageThresholds();
        var m = months ?? (12, 12, 12);
        var sourced = new CoverageThresholds();
        return new CoveragePlan(scope, start,
        [
            new("cover", new LocalizedText("一年覆盖", "Year one: cover"), m.Cover, [Target(CoverageMetric.CountyCenter, t.CountyCenter, sourced.CountyCenter), Target(CoverageMetric.TownshipStationCoverage, t.TownshipStationCoverage, sourced.TownshipStationCoverage)]),
            new("standardize", new LocalizedText("两年规范", "Year two: standardize"), m.Standardize, [Target(CoverageMetric.StandardShare, t.StandardShare, sourced.StandardShare)]),
            new("improve", new LocalizedText("三年提升", "Year three: improve"), m.Improve,
            [
                .. t.ImprovedShare is { } improved ? [Target(CoverageMetric.ImprovedShare, improved, null)] : Array.Empty<CoverageTarget>(),
                .. t.CommunityRoomCoverage is { } rooms ? [Target(CoverageMetric.CommunityRoomCoverage, rooms, null)] : Array.Empty<CoverageTarget>(),
            ]),
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
        var sourced = new CoverageThresholds();
        return new CoveragePlan(scope, start,
        [
            new("pilot", new LocalizedText("一年试点", "Year one: pilot"), m.Pilot, pilotCoverage is { } p ? [Target(CoverageMetric.TownshipStationCoverage, p, null)] : []),
            new("rollout", new LocalizedText("两年铺开", "Year two: roll out"), m.Rollout, rolloutCoverage is { } r ? [Target(CoverageMetric.TownshipStationCoverage, r, null)] : []),
            new("full", new LocalizedText("三年全覆盖", "Year three: full coverage"), m.Full, [Target(CoverageMetric.CountyCenter, t.CountyCenter, sourced.CountyCenter), Target(CoverageMetric.TownshipStationCoverage, t.TownshipStationCoverage, sourced.TownshipStationCoverage)]),
        ])
        {
            Id = PilotRolloutFullPreset,
            Source = "“一年试点、两年铺开、三年全覆盖”: 金华 (from 2020; all 146 stations built by end 2022) [secondary]; pilot and roll-out targets are parameters.",
        };
    }

    /// <summary>Marks a target whose value is not the preset's sourced default as the plan's own (<see cref="CoverageTarget.Source"/>).</summary>
    private static CoverageTarget Target(CoverageMetric metric, double required, double? sourcedDefault)
        => required == sourcedDefault ? new(metric, required) : new(metric, required) { Source = PlanParameter };

    /// <summary>The <see cref="CoverageTarget.Source"/> of a target value that the plan's author set (no public source sets it).</summary>
    public const string PlanParameter = "plan parameter";
}
