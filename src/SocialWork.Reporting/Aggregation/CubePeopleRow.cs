namespace SocialWork.Reporting;

/// <summary>
/// A cell's people, computed elsewhere (for example by a store's SQL): the distinct people its records name and how many
/// of its records name no one — what <see cref="Cube.FromRowsAndPeople"/> takes beside the cells' indicators.
/// </summary>
/// <param name="Division">The cell's division.</param>
/// <param name="Period">The cell's period.</param>
/// <param name="Key">The cell's key (empty for <see cref="CubeDimension.None"/>).</param>
/// <param name="People">The distinct people the cell's records name (a repeat is counted once).</param>
/// <param name="RecordsWithoutPerson">The cell's records that name no one.</param>
public sealed record CubePeopleRow(DivisionCode Division, ReportingPeriod Period, string Key, IReadOnlyList<PersonKey> People, long RecordsWithoutPerson);
