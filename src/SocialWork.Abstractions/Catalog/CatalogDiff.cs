namespace SocialWork;

/// <summary>The changes between two versions of a catalog.</summary>
/// <param name="Added">Codes of items in the newer version only.</param>
/// <param name="Retired">Codes of items that the newer version retires (or drops) but the older one offered.</param>
/// <param name="Relabelled">Codes (of any kind) whose label differs.</param>
public sealed record CatalogDiff(IReadOnlyList<string> Added, IReadOnlyList<string> Retired, IReadOnlyList<string> Relabelled)
{
    /// <summary>Gets the added; compared by content.</summary>
    public IReadOnlyList<string> Added { get; init => field = ValueList.From(value); } = ValueList.From(Added);

    /// <summary>Gets the retired; compared by content.</summary>
    public IReadOnlyList<string> Retired { get; init => field = ValueList.From(value); } = ValueList.From(Retired);

    /// <summary>Gets the relabelled; compared by content.</summary>
    public IReadOnlyList<string> Relabelled { get; init => field = ValueList.From(value); } = ValueList.From(Relabelled);

    /// <summary>Gets a value indicating whether the versions differ in none of the ways above.</summary>
    public bool IsEmpty => Added.Count == 0 && Retired.Count == 0 && Relabelled.Count == 0;
}
