namespace SocialWork.Rules;

/// <summary>
/// The thresholds of the built-in plan presets. Only what the slogan itself implies has a default — "一年覆盖" (every
/// township covered and the county's centre open in year one) and "两年规范" (every station up to standard in year two),
/// sources R-C1 and R-A1 of the domain sources (保定市竞秀区, seed; Fujian 2021; the Ministry's 2025 aim of a station in
/// every township). No public source sets a number for "三年提升" or for village rooms, so those targets exist only when
/// you give them.
/// </summary>
public sealed record CoverageThresholds
{
    /// <summary>Gets the share of townships with a station due at the end of the cover phase (default 1: "一年覆盖", R-C1; the national aim, R-A1).</summary>
    public double TownshipStationCoverage { get; init; } = 1;

    /// <summary>Gets the county-centre requirement (default 1: the county's centre is the first tier of 区、镇街、村居三级, R-A3, and is covered in year one, R-C1).</summary>
    public double CountyCenter { get; init; } = 1;

    /// <summary>Gets the share of stations meeting the standard due at the end of the standardize phase (default 1: "两年规范", R-C1).</summary>
    public double StandardShare { get; init; } = 1;

    /// <summary>Gets the share of stations graded Improved due at the end of the improve phase, if you set one; no source sets it, so there is no default and no target without it.</summary>
    public double? ImprovedShare { get; init; }

    /// <summary>Gets the share of villages/communities with a room due at the end of the improve phase, if you set one; no source sets it, so there is no default and no target without it.</summary>
    public double? CommunityRoomCoverage { get; init; }
}
