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
