namespace SocialWork.Rules;

/// <summary>The outcome of checking one record, with the version used and the findings that explain it.</summary>
/// <param name="RecordId">The record.</param>
/// <param name="Outcome">The outcome.</param>
/// <param name="CatalogId">The catalog version used, if one was in force.</param>
/// <param name="Findings">At least one finding.</param>
public sealed record CatalogCheckResult(string RecordId, CatalogCheckOutcome Outcome, string? CatalogId, IReadOnlyList<Finding> Findings)
{
    /// <summary>Gets the findings; compared by content.</summary>
    public IReadOnlyList<Finding> Findings { get; init => field = ValueList.From(value); } = ValueList.From(Findings);

    /// <summary>Gets a value indicating whether the record passed.</summary>
    public bool IsValid => Outcome == CatalogCheckOutcome.Valid;
}
