namespace SocialWork;

/// <summary>The tiers of the social-work service system (区、镇街、村居三级), plus village volunteer service points.</summary>
public enum FacilityTier
{
    /// <summary>County/district social-work service centre (区县社工服务中心); sits at a county-level division.</summary>
    CountyCenter,

    /// <summary>Township/street social-work station (乡镇(街道)社工站); sits at a township-level division.</summary>
    TownshipStation,

    /// <summary>Village/community social-work room (村(社区)社工室); sits at a village-level division.</summary>
    CommunityRoom,

    /// <summary>Village/community volunteer service point (村(社区)志愿服务站点); sits at a village-level division.</summary>
    VolunteerPoint,
}

/// <summary>Facts about <see cref="FacilityTier"/> values.</summary>
public static class FacilityTierExtensions
{
    /// <summary>Gets the division level a facility of this tier must sit at.</summary>
    /// <param name="tier">The tier.</param>
    /// <returns>County for a centre, Township for a station, Village for a room or volunteer point.</returns>
    public static DivisionLevel RequiredLevel(this FacilityTier tier) => tier switch
    {
        FacilityTier.CountyCenter => DivisionLevel.County,
        FacilityTier.TownshipStation => DivisionLevel.Township,
        FacilityTier.CommunityRoom or FacilityTier.VolunteerPoint => DivisionLevel.Village,
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, $"Undefined facility tier {tier}."),
    };
}
