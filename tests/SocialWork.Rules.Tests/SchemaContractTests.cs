using System.Text;
using System.Text.Json.Nodes;

namespace SocialWork.Rules.Tests;

/// <summary>
/// Every JSON schema under <c>docs/</c> is held to the reader it documents: each value a schema's <c>enum</c> lists is
/// read, each other value the code knows (any enum member, any value another schema lists) is refused, and each
/// <c>default</c> is what the reader applies when the property is left out. A schema that falls behind the code fails
/// here rather than misleading a user.
/// </summary>
public sealed class SchemaContractTests
{
    private static readonly string Docs = FindDocs();

    /// <summary>Per schema: documents that hold every enum and default the schema describes, and the reader.</summary>
    private static readonly Dictionary<string, (string[] Examples, Func<string, object> Read)> Documents = new()
    {
        ["pay-policy"] = (
            ["""{"id":"p","effectiveFrom":"2021-01-01","eligibleEmployment":["communityFullTime"],"steps":{"assistant":1,"intermediate":2,"senior":3},"requiresMatchingPost":true,"stacking":"highestOnly","timing":"nextMonth","ladder":{"preset":"three-posts-eighteen-levels"}}"""],
            json => PayPolicyJson.Parse(json)),
        ["coverage-plan"] = (
            [
                """{"scope":"130602","start":"2021-05-18","preset":"cover-standardize-improve","standard":["six-haves"],"extraCriteria":[{"id":"x","metric":"staff","comparison":"atLeast","threshold":1,"label":{"zh-CN":"条件"},"forImproved":false}]}""",
                """{"scope":"130602","start":"2021-05-18","phases":[{"id":"one","label":{"zh-CN":"一"},"months":12,"targets":[{"metric":"townshipStationCoverage","required":1}]}]}""",
            ],
            json => CoveragePlanJson.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)))),
        ["network"] = (
            ["""{"divisions":[{"code":"130602","name":"区"}],"facilities":[{"id":"C","tier":"countyCenter","division":"130602","openedOn":"2021-01-01"}]}"""],
            json => NetworkJson.LoadNetwork(new MemoryStream(Encoding.UTF8.GetBytes(json)))),
        ["workers"] = (
            ["""{"workers":[{"id":"W","employment":"communityFullTime","qualifications":[{"level":"assistant","obtainedOn":"2021-01-01"}],"appointments":[{"post":"assistant","from":"2021-02-01"}]}]}"""],
            json => NetworkJson.LoadWorkers(new MemoryStream(Encoding.UTF8.GetBytes(json)))),
    };

    public static TheoryData<string> Schemas => [.. Documents.Keys];

    /// <summary>Every value the code could mean: each public enum member (camelCase) and each value any schema lists.</summary>
    private static readonly string[] Candidates = [.. new[] { typeof(DivisionCode).Assembly, typeof(PayStepPolicy).Assembly }
        .SelectMany(a => a.GetExportedTypes()).Where(t => t.IsEnum)
        .SelectMany(t => Enum.GetNames(t)).Select(n => char.ToLowerInvariant(n[0]) + n[1..])
        .Concat(Directory.GetFiles(Docs, "*.schema.json").SelectMany(f => Sites(JsonNode.Parse(File.ReadAllText(f))!, [], "enum").SelectMany(s => s.Value!.AsArray().Select(v => v!.GetValue<string>()))))
        .Distinct(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Every_listed_value_is_read_and_every_other_known_value_is_refused(string schema)
    {
        var (examples, read) = Documents[schema];
        foreach (var (path, values) in Sites(Schema(schema), [], "enum"))
        {
            var allowed = values!.AsArray().Select(v => v!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
            var example = examples.FirstOrDefault(e => Has(JsonNode.Parse(e)!, path)) ?? throw new InvalidOperationException($"{schema}: no example holds {Show(path)}; add one so its enum is checked.");
            foreach (var value in Candidates)
            {
                // Refused as a value of this property: a problem names its path. (A listed value may still break a rule
                // between properties — a station's tier at a county's division — which names another path.)
                var error = Record.Exception(() => read(Set(example, path, JsonValue.Create(value))));
                var refused = error is DocumentException document ? document.Problems.Any(p => p.Path.StartsWith(Show(path), StringComparison.Ordinal)) : error is not null;
                Assert.True(allowed.Contains(value) != refused,
                    allowed.Contains(value) ? $"{schema}: {Show(path)} = '{value}' is in the schema but the reader refuses it: {error?.Message}" : $"{schema}: the reader accepts {Show(path)} = '{value}', which the schema does not list.");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Every_default_is_what_the_reader_applies_when_the_property_is_left_out(string schema)
    {
        var (examples, read) = Documents[schema];
        foreach (var (path, value) in Sites(Schema(schema), [], "default"))
        {
            var example = examples.FirstOrDefault(e => Has(JsonNode.Parse(e)!, path)) ?? throw new InvalidOperationException($"{schema}: no example holds {Show(path)}; add one so its default is checked.");
            var leftOut = read(Remove(example, path));
            var given = read(Set(example, path, value!.DeepClone()));
            Assert.True(Equals(leftOut, given), $"{schema}: leaving {Show(path)} out does not read as its schema default {value.ToJsonString()}.");
        }
    }

    [Fact]
    public void Every_schema_with_an_enum_or_a_default_is_checked()
    {
        var unchecked_ = Directory.GetFiles(Docs, "*.schema.json")
            .Select(f => (Name: Path.GetFileName(f)[..^".schema.json".Length], Schema: JsonNode.Parse(File.ReadAllText(f))!))
            .Where(s => !Documents.ContainsKey(s.Name) && (Sites(s.Schema, [], "enum").Any() || Sites(s.Schema, [], "default").Any()))
            .Select(s => s.Name);
        Assert.Empty(unchecked_);
    }

    /// <summary>The document paths (property names, 0 for an array's items) where the schema sets <paramref name="keyword"/>, and its value.</summary>
    private static IEnumerable<(object[] Path, JsonNode? Value)> Sites(JsonNode schema, object[] at, string keyword)
    {
        if (schema is not JsonObject node)
        {
            yield break;
        }
        if (at.Length > 0 && node[keyword] is { } found)
        {
            yield return (at, found);
        }
        if (node["items"] is JsonObject items)
        {
            foreach (var site in Sites(items, [.. at, 0], keyword))
            {
                yield return site;
            }
        }
        if (node["properties"] is JsonObject properties)
        {
            foreach (var (name, property) in properties)
            {
                foreach (var site in Sites(property!, [.. at, name], keyword))
                {
                    yield return site;
                }
            }
        }
    }

    private static JsonNode Schema(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(Docs, $"{name}.schema.json")))!;

    private static bool Has(JsonNode document, object[] path)
    {
        JsonNode? node = document;
        foreach (var step in path)
        {
            node = step is int i ? node is JsonArray { Count: > 0 } array ? array[i] : null : node is JsonObject o ? o[(string)step] : null;
            if (node is null)
            {
                return false;
            }
        }
        return true;
    }

    private static string Set(string document, object[] path, JsonNode? value)
    {
        var root = JsonNode.Parse(document)!;
        var parent = Walk(root, path[..^1]);
        if (path[^1] is int i)
        {
            parent.AsArray()[i] = value;
        }
        else
        {
            parent.AsObject()[(string)path[^1]] = value;
        }
        return root.ToJsonString();
    }

    private static string Remove(string document, object[] path)
    {
        var root = JsonNode.Parse(document)!;
        var parent = Walk(root, path[..^1]);
        if (path[^1] is string name)
        {
            parent.AsObject().Remove(name);
        }
        return root.ToJsonString();
    }

    private static JsonNode Walk(JsonNode node, object[] path) => path.Aggregate(node, (n, step) => step is int i ? n.AsArray()[i]! : n.AsObject()[(string)step]!);

    private static string Show(object[] path) => "$" + string.Concat(path.Select(p => p is int ? "[0]" : "." + p));

    private static string FindDocs()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "docs")) && File.Exists(Path.Combine(dir.FullName, "SocialWork.slnx")))
            {
                return Path.Combine(dir.FullName, "docs");
            }
        }
        throw new InvalidOperationException("The repository's docs folder was not found above " + AppContext.BaseDirectory);
    }
}
