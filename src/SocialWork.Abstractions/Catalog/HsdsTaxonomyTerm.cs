using System.Text.Json.Serialization;

namespace SocialWork;

/// <summary>
/// One Open Referral HSDS 3.0 <c>taxonomy_term</c> record (schema <c>schema/taxonomy_term.json</c> of
/// openreferral/specification, release 3.0). Each catalog code yields one record per language (<c>zh-CN</c> and, when
/// the label has one, <c>en</c>).
/// </summary>
/// <param name="Id">The record id: <c>{catalogId}:{code}:{language}</c>.</param>
/// <param name="Code">The catalog code.</param>
/// <param name="Name">The label in <paramref name="Language"/>.</param>
/// <param name="Description">The description (HSDS requires one; the name stands in when the catalog has none).</param>
/// <param name="ParentId">The id of the parent term in the same language (the domain of an item, the parent of a sub-item); omitted for top-level terms, as HSDS asks.</param>
/// <param name="TaxonomyId">The id of the taxonomy the term belongs to: <c>{catalogId}:domains</c> (domains and items), <c>:serviceTypes</c>, <c>:methods</c> or <c>:targetGroups</c>.</param>
/// <param name="Taxonomy">The taxonomy itself (HSDS <c>taxonomy</c> object: id, name, description), if given.</param>
/// <param name="Language">The language tag.</param>
public sealed record HsdsTaxonomyTerm(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("language")] string Language,
    [property: JsonPropertyName("parent_id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ParentId = null,
    [property: JsonPropertyName("taxonomy_id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TaxonomyId = null,
    [property: JsonPropertyName("taxonomy"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] HsdsTaxonomyDetail? Taxonomy = null);
