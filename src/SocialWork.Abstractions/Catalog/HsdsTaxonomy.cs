using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;

namespace SocialWork;

/// <summary>
/// Exports a catalog as HSDS 3 <c>taxonomy_term</c> records so directory systems can take our codes, and imports such
/// records back. The round trip keeps codes, labels, descriptions and the domain/item hierarchy; item links to service
/// types and target groups and retirement dates have no place in <c>taxonomy_term</c> and are not carried.
/// </summary>
public static class HsdsTaxonomy
{
    private const string Chinese = "zh-CN";
    private const string English = "en";

    /// <summary>Exports the catalog's terms.</summary>
    /// <param name="catalog">The catalog.</param>
    /// <returns>The records, domains and items first, then types, methods and target groups.</returns>
    public static IReadOnlyList<HsdsTaxonomyTerm> Export(ServiceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var terms = new List<HsdsTaxonomyTerm>();
        var details = new Dictionary<string, HsdsTaxonomyDetail>(StringComparer.Ordinal)
        {
            ["domains"] = Detail("domains", "服务领域与服务事项 service domains and items"),
            ["serviceTypes"] = Detail("serviceTypes", "服务类型 service types"),
            ["methods"] = Detail("methods", "服务方式 service methods"),
            ["targetGroups"] = Detail("targetGroups", "服务对象 target groups"),
        };
        foreach (var domain in catalog.Domains)
        {
            Add(domain.Code, domain.Label, domain.Description, null, "domains");
        }
        foreach (var item in catalog.Items)
        {
            var parent = item.Code.Depth > 1 ? item.Code.Parent : item.Domain;
            Add(item.Code.Value, item.Label, item.Description, parent.Value, "domains");
        }
        foreach (var (entries, taxonomy) in new[] { (catalog.ServiceTypes, "serviceTypes"), (catalog.Methods, "methods"), (catalog.TargetGroups, "targetGroups") })
        {
            foreach (var entry in entries)
            {
                Add(entry.Code, entry.Label, entry.Description, null, taxonomy);
            }
        }
        return terms;

        void Add(string code, LocalizedText label, string? description, string? parent, string taxonomy)
        {
            foreach (var (language, name) in new[] { (Chinese, label.Chinese), (English, label.English) })
            {
                if (name is null)
                {
                    continue;
                }
                terms.Add(new HsdsTaxonomyTerm(
                    $"{catalog.Id}:{code}:{language}",
                    code,
                    name,
                    description ?? name,
                    language,
                    parent is null ? null : $"{catalog.Id}:{parent}:{language}",
                    details[taxonomy].Id,
                    details[taxonomy]));
            }
        }

        HsdsTaxonomyDetail Detail(string taxonomy, string name) => new(
            $"{catalog.Id}:{taxonomy}",
            $"{catalog.Id} {name}",
            $"服务事项清单 {catalog.Id}（{(catalog.EffectiveFrom is { } from ? $"自{from:yyyy-MM-dd}起施行" : "施行日期未定")}）: {name}");
    }

    /// <summary>Imports terms exported by <see cref="Export"/> (or shaped like them) as a catalog.</summary>
    /// <param name="terms">The records.</param>
    /// <param name="id">The id of the catalog to build.</param>
    /// <param name="effectiveFrom">The first day it is in force.</param>
    /// <returns>The catalog.</returns>
    /// <exception cref="CatalogException">The terms do not form a valid catalog; paths index the terms array.</exception>
    public static ServiceCatalog Import(IReadOnlyList<HsdsTaxonomyTerm> terms, string id, LocalDate? effectiveFrom = null)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var problems = new List<DocumentProblem>();
        var byTaxonomy = new Dictionary<string, Dictionary<string, (string? Zh, string? En, string? Description, int Index)>>(StringComparer.Ordinal);
        for (var i = 0; i < terms.Count; i++)
        {
            var term = terms[i];
            var taxonomyId = term.TaxonomyId ?? term.Taxonomy?.Id ?? string.Empty;
            var colon = taxonomyId.LastIndexOf(':');
            var taxonomy = colon < 0 ? taxonomyId : taxonomyId[(colon + 1)..];
            if (taxonomy is not ("domains" or "serviceTypes" or "methods" or "targetGroups"))
            {
                problems.Add(new($"$[{i}].taxonomy_id", $"taxonomy '{taxonomyId}' is not one of *:domains, *:serviceTypes, *:methods, *:targetGroups"));
                continue;
            }
            if (string.IsNullOrWhiteSpace(term.Name) || string.IsNullOrWhiteSpace(term.Code))
            {
                problems.Add(new($"$[{i}].{(string.IsNullOrWhiteSpace(term.Code) ? "code" : "name")}", "is empty"));
                continue;
            }
            if (term.Language is not (Chinese or English))
            {
                problems.Add(new($"$[{i}].language", $"language '{term.Language}' is not zh-CN or en"));
                continue;
            }
            if (!byTaxonomy.TryGetValue(taxonomy, out var codes))
            {
                byTaxonomy[taxonomy] = codes = new(StringComparer.Ordinal);
            }
            codes.TryGetValue(term.Code, out var entry);
            var description = term.Description == term.Name ? entry.Description : term.Description;
            codes[term.Code] = term.Language == Chinese
                ? (term.Name, entry.En, description, entry.Zh is null && entry.En is null ? i : entry.Index)
                : (entry.Zh, term.Name, description, entry.Zh is null && entry.En is null ? i : entry.Index);
        }
        List<CatalogEntry> Entries(string taxonomy, Func<string, bool> include) => [.. (byTaxonomy.GetValueOrDefault(taxonomy) ?? [])
            .Where(kv => include(kv.Key))
            .OrderBy(kv => kv.Value.Index)
            .Select(kv => kv.Value.Zh is null
                ? Missing(kv.Key, kv.Value.Index)
                : new CatalogEntry(kv.Key, new LocalizedText(kv.Value.Zh, kv.Value.En), kv.Value.Description))
            .OfType<CatalogEntry>()];
        CatalogEntry? Missing(string code, int index)
        {
            problems.Add(new($"$[{index}].language", $"code '{code}' has no zh-CN term"));
            return null;
        }
        var domains = Entries("domains", c => !c.Contains('.', StringComparison.Ordinal));
        var items = Entries("domains", c => c.Contains('.', StringComparison.Ordinal))
            .Select(e => ServiceCode.TryParse(e.Code, out var code)
                ? new ServiceItem(code, e.Label, e.Description, [], [])
                : new ServiceItem(default, e.Label, e.Description, [], []))
            .ToList();
        if (problems.Count > 0)
        {
            throw new CatalogException(problems, id);
        }
        return new ServiceCatalog(id, effectiveFrom, domains, Entries("serviceTypes", _ => true), Entries("methods", _ => true), Entries("targetGroups", _ => true), items);
    }

    /// <summary>Writes terms as a JSON array.</summary>
    /// <param name="terms">The terms.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(IReadOnlyList<HsdsTaxonomyTerm> terms)
        => JsonSerializer.Serialize(terms, HsdsJsonContext.Default.IReadOnlyListHsdsTaxonomyTerm);

    /// <summary>Reads terms from a JSON array.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The terms.</returns>
    /// <exception cref="JsonException">The JSON is malformed, or a term is null or lacks a required property; the message starts with the JSON path.</exception>
    public static IReadOnlyList<HsdsTaxonomyTerm> Deserialize(string json)
    {
        var terms = Json.SocialWorkJson.Deserialize(json, HsdsJsonContext.Default.IReadOnlyListHsdsTaxonomyTerm);
        for (var i = 0; i < terms.Count; i++)
        {
            if (terms[i] is null)
            {
                throw new JsonException($"$[{i}]: is null; expected a taxonomy_term object.", $"$[{i}]", null, null);
            }
        }
        return terms;
    }
}

[JsonSourceGenerationOptions(
    AllowDuplicateProperties = false, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow, RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true)]

[JsonSerializable(typeof(IReadOnlyList<HsdsTaxonomyTerm>))]
internal sealed partial class HsdsJsonContext : JsonSerializerContext;
