namespace SocialWork.Rules;

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
