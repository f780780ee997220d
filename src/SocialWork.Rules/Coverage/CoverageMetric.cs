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
