using System.Text.Json.Serialization;

namespace SocialWork;

/// <summary>An HSDS 3.0 <c>taxonomy</c> record (schema <c>schema/taxonomy.json</c>): the vocabulary a term comes from.</summary>
/// <param name="Id">The taxonomy id, for example <c>jingxiu-2024:domains</c>.</param>
/// <param name="Name">The taxonomy's name.</param>
/// <param name="Description">What the taxonomy is.</param>
public sealed record HsdsTaxonomyDetail(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("description")] string Description);
