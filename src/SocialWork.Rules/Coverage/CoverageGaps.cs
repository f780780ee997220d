namespace SocialWork.Rules;

/// <summary>What is missing: divisions without facilities and stations below standard. Codes and ids are sorted.</summary>
/// <param name="CountiesWithoutCenter">Counties in scope without an operating centre.</param>
/// <param name="TownshipsWithoutStation">Townships in scope without an operating station.</param>
/// <param name="VillagesWithoutRoom">Villages/communities in scope without an operating room.</param>
/// <param name="VillagesWithoutVolunteerPoint">Villages/communities in scope without an operating volunteer point.</param>
/// <param name="StationsBelowStandard">Operating stations graded Unmet.</param>
/// <param name="StationsNotImproved">Operating stations not graded Improved.</param>
public sealed record CoverageGaps(
    IReadOnlyList<DivisionCode> CountiesWithoutCenter,
    IReadOnlyList<DivisionCode> TownshipsWithoutStation,
    IReadOnlyList<DivisionCode> VillagesWithoutRoom,
    IReadOnlyList<DivisionCode> VillagesWithoutVolunteerPoint,
    IReadOnlyList<string> StationsBelowStandard,
    IReadOnlyList<string> StationsNotImproved)
{
    /// <summary>Gets the counties without center; compared by content.</summary>
    public IReadOnlyList<DivisionCode> CountiesWithoutCenter { get; init => field = ValueList.From(value); } = ValueList.From(CountiesWithoutCenter);

    /// <summary>Gets the townships without station; compared by content.</summary>
    public IReadOnlyList<DivisionCode> TownshipsWithoutStation { get; init => field = ValueList.From(value); } = ValueList.From(TownshipsWithoutStation);

    /// <summary>Gets the villages without room; compared by content.</summary>
    public IReadOnlyList<DivisionCode> VillagesWithoutRoom { get; init => field = ValueList.From(value); } = ValueList.From(VillagesWithoutRoom);

    /// <summary>Gets the villages without volunteer point; compared by content.</summary>
    public IReadOnlyList<DivisionCode> VillagesWithoutVolunteerPoint { get; init => field = ValueList.From(value); } = ValueList.From(VillagesWithoutVolunteerPoint);

    /// <summary>Gets the stations below standard; compared by content.</summary>
    public IReadOnlyList<string> StationsBelowStandard { get; init => field = ValueList.From(value); } = ValueList.From(StationsBelowStandard);

    /// <summary>Gets the stations not improved; compared by content.</summary>
    public IReadOnlyList<string> StationsNotImproved { get; init => field = ValueList.From(value); } = ValueList.From(StationsNotImproved);
}
