namespace SocialWork;

/// <summary>An entry of one of the catalog's flat vocabularies: a service domain, a service type, a method or a target group.</summary>
/// <param name="Code">The stable code, for example <c>EL</c>, <c>CARE</c>, <c>visit</c> or <c>elderly</c>.</param>
/// <param name="Label">The label.</param>
/// <param name="Description">An optional description.</param>
public sealed record CatalogEntry(string Code, LocalizedText Label, string? Description = null);
