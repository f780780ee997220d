namespace SocialWork;

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
