namespace SocialWork.Reporting;

/// <summary>People served in a cell: distinct people with a key, and the records that name no one.</summary>
/// <param name="People">The distinct people (人) among the cell's records that name one — not summable across cells.</param>
/// <param name="RecordsWithoutPerson">The cell's records that name no person: counted in person-times, not in <paramref name="People"/>.</param>
public readonly record struct PeopleCount(long People, long RecordsWithoutPerson);
