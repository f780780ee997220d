using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Json.Schema;

namespace SocialWork.Abstractions.Tests;

/// <summary>The HSDS export checked against Open Referral's HSDS 3.0 schema (Fixtures/hsds-3.0-taxonomy-terms.schema.json names its source).</summary>
public class HsdsSchemaTests
{
    private static readonly string SchemaText = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "hsds-3.0-taxonomy-terms.schema.json"));

    private static string Export() => HsdsTaxonomy.Serialize(HsdsTaxonomy.Export(ServiceCatalog.Default));

    [Fact]
    public void The_export_is_valid_hsds_3_taxonomy_terms()
    {
        var schema = JsonSchema.FromText(SchemaText);
        using var document = JsonDocument.Parse(Export());

        var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, string.Join("; ", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Fact]
    public void The_export_writes_only_properties_the_schema_defines_and_no_null()
    {
        var schema = JsonNode.Parse(SchemaText)!["$defs"]!;
        var termProperties = schema["taxonomy_term"]!["properties"]!.AsObject().Select(p => p.Key).ToHashSet();
        var taxonomyProperties = schema["taxonomy"]!["properties"]!.AsObject().Select(p => p.Key).ToHashSet();
        var terms = JsonNode.Parse(Export())!.AsArray();

        Assert.NotEmpty(terms);
        foreach (var term in terms.Select(t => t!.AsObject()))
        {
            Assert.All(term, p => Assert.Contains(p.Key, termProperties));
            Assert.All(term, p => Assert.NotNull(p.Value));
            Assert.All(term["taxonomy"]!.AsObject(), p => Assert.Contains(p.Key, taxonomyProperties));
            Assert.Equal(term["taxonomy_id"]!.GetValue<string>(), term["taxonomy"]!["id"]!.GetValue<string>());
        }
        Assert.Contains(terms, t => t!["parent_id"] is null);
    }

    [Fact]
    public void A_term_given_only_a_taxonomy_object_imports()
    {
        var terms = HsdsTaxonomy.Export(ServiceCatalog.Default).Select(t => t with { TaxonomyId = null }).ToList();
        var back = HsdsTaxonomy.Import(HsdsTaxonomy.Deserialize(HsdsTaxonomy.Serialize(terms)), "default");
        Assert.Equal(ServiceCatalog.Default.Domains, back.Domains);
    }
}

/// <summary>HSDS terms from elsewhere, broken at random: read, or a <see cref="JsonException"/> that starts with the JSON path.</summary>
public class HsdsFuzzProperties
{
    private static readonly string[] Values = ["null", "1", "\"\"", "[]", "{}", "\"x:y\"", "\"zh-CN\"", "\"fr\"", "\"EL.01\"", "[null]", "{\"id\":null}"];

    public static Arbitrary<string> Documents()
    {
        var baseJson = HsdsTaxonomy.Serialize(HsdsTaxonomy.Export(ServiceCatalog.Default));
        return (from index in Gen.Choose(0, baseJson.Length - 1)
                from value in Gen.Elements(Values)
                from cut in Gen.Choose(0, 20)
                let colon = baseJson.IndexOf(':', index)
                let end = colon < 0 ? -1 : baseJson.IndexOfAny([',', '}'], colon)
                select colon < 0 || end < 0 ? baseJson[..(baseJson.Length * cut / 20)] : baseJson[..(colon + 1)] + value + baseJson[end..]).ToArbitrary();
    }

    [FsCheck.Xunit.Property(Arbitrary = [typeof(HsdsFuzzProperties)], MaxTest = 1000, Replay = "20241203,1111111111111111111")]
    public void Broken_terms_are_read_or_rejected_with_a_path(string json)
    {
        try
        {
            var terms = HsdsTaxonomy.Deserialize(json);
            try
            {
                _ = HsdsTaxonomy.Import(terms, "fuzz");
            }
            catch (CatalogException ex)
            {
                Assert.All(ex.Problems, p => Assert.StartsWith("$", p.Path, StringComparison.Ordinal));
            }
        }
        catch (JsonException ex)
        {
            Assert.StartsWith("$", ex.Message, StringComparison.Ordinal);
        }
    }
}
