namespace SocialWork.Rules;

/// <summary>The gaps of a <see cref="CoverageDocument"/>.</summary>
public sealed class CoverageGapsDocument
{
    /// <summary>Gets the townships without an operating station.</summary>
    public IReadOnlyList<string> TownshipsWithoutStation { get; init; } = [];

    /// <summary>Gets the villages without an operating room.</summary>
    public IReadOnlyList<string> VillagesWithoutRoom { get; init; } = [];

    /// <summary>Gets the stations below standard.</summary>
    public IReadOnlyList<string> StationsBelowStandard { get; init; } = [];

    /// <summary>Gets the villages/communities in scope without an operating volunteer service point, as 12-digit codes, sorted.</summary>
    public IReadOnlyList<string> VillagesWithoutVolunteerPoint { get; init; } = [];
}
