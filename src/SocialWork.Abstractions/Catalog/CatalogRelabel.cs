namespace SocialWork;

/// <summary>How a derived catalog changes a label of its base: the code and its new label.</summary>
/// <param name="Code">The code of a domain, service type, method, target group or item of the base.</param>
/// <param name="Label">The new label.</param>
public sealed record CatalogRelabel(string Code, LocalizedText Label);
