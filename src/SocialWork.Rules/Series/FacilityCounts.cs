namespace SocialWork.Rules;

/// <summary>Facilities operating on a day, by tier.</summary>
/// <param name="CountyCenter">County centres (区县社工服务中心).</param>
/// <param name="TownshipStation">Township stations (乡镇（街道）社工站).</param>
/// <param name="CommunityRoom">Community rooms (村（社区）社工室).</param>
/// <param name="VolunteerPoint">Volunteer points (志愿服务站点).</param>
public sealed record FacilityCounts(int CountyCenter, int TownshipStation, int CommunityRoom, int VolunteerPoint);
