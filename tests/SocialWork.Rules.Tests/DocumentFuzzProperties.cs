using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace SocialWork.Rules.Tests;

/// <summary>A valid document with random parts replaced: nulls, wrong types, huge numbers, extreme dates, NaN, odd text.</summary>
public sealed record MutatedDocument(string Kind, string Json)
{
    public override string ToString() => $"{Kind}: {Json}";
}

public static class DocumentFuzzArbitraries
{
    internal static readonly Dictionary<string, string> Bases = new()
    {
        ["policy"] = """{"id":"p","effectiveFrom":"2021-01-01","effectiveTo":null,"eligibleEmployment":["communityFullTime"],"steps":{"assistant":1,"intermediate":2,"senior":3},"requiresMatchingPost":true,"stacking":"highestOnly","timing":"nextMonth","ladder":{"preset":"three-posts-eighteen-levels","monthlyPay":{"1":3000,"2":3100}}}""",
        ["workers"] = """{"workers":[{"id":"W1","employment":"communityFullTime","baseLevel":3,"postCategory":"general","qualifications":[{"level":"intermediate","obtainedOn":"2022-06-15"}],"appointments":[{"post":"intermediate","from":"2022-09-01","to":null}]},{"id":"W2","employment":"partTime","qualifications":[],"appointments":[]}]}""",
        ["network"] = """{"divisions":[{"code":"130602","name":"竞秀区"},{"code":"130602001","name":"先锋街道"},{"code":"130602001001","name":"社区"}],"facilities":[{"id":"C","tier":"countyCenter","division":"130602","openedOn":"2021-05-18"},{"id":"S1","tier":"townshipStation","division":"130602001","openedOn":"2021-05-18","closedOn":null,"profile":{"hasSite":true,"residentSocialWorkers":2}},{"id":"R1","tier":"communityRoom","division":"130602001001","openedOn":"2022-01-01"}]}""",
        ["plan"] = """{"scope":"130602","start":"2021-05-18","preset":"cover-standardize-improve","phaseMonths":{"cover":12},"thresholds":{"improvedShare":0.5,"communityRoomCoverage":0.8},"standard":["six-haves","fujian-2021"],"extraCriteria":[{"id":"x","metric":"certifiedStaff","comparison":"atLeast","threshold":1,"forImproved":true,"label":{"zh-CN":"甲","en":"a"}}]}""",
        ["phases"] = """{"scope":"130602","start":"2021-05-18","phases":[{"id":"one","label":{"zh-CN":"一期"},"months":6,"targets":[{"metric":"townshipStationCoverage","required":1}]},{"id":"two","label":{"zh-CN":"二期"},"months":12,"targets":[{"metric":"residentWorkersPerStation","required":2}]}]}""",
        ["catalog"] = """{"id":"c","extends":"default","jurisdiction":"130602","effectiveFrom":"2024-01-01","items":[{"code":"EL.01","label":{"zh-CN":"探访","en":"visits"},"serviceTypes":["CARE"],"targetGroups":["elderly"]}],"relabel":[{"code":"CG","label":{"zh-CN":"治理"}}],"retire":[{"code":"EL.01","on":"2025-07-01"}]}""",
    };

    private static readonly string[] Replacements =
    [
        "null", "0", "-1", "1", "2147483647", "-2147483648", "9223372036854775807", "1e308", "-1e308", "0.5", "\"NaN\"", "\"Infinity\"", "\"-Infinity\"",
        "\"\"", "\" \"", "\"x\"", "\"0001-01-01\"", "\"9999-12-31\"", "\"9999-12-01\"", "\"2021-02-30\"", "\"999999\"", "\"130602\"", "\"441900003\"",
        "true", "[]", "[null]", "{}", "[1,2]", "{\"a\":null}", "\"2147483647\"", "\"1e400\"", "\"senior\"", "\"communityFullTime\"",
    ];

    /// <summary>Replaces the value at one random place of the document (any depth) with a hostile one, several times.</summary>
    private static Gen<string> Mutate(string json) =>
        from count in Gen.Choose(1, 4)
        from picks in Gen.Choose(0, int.MaxValue).ArrayOf(count)
        from values in Gen.Elements(Replacements).ArrayOf(count)
        select Apply(json, picks, values);

    private static string Apply(string json, int[] picks, string[] values)
    {
        var root = JsonNode.Parse(json)!;
        for (var i = 0; i < picks.Length; i++)
        {
            var places = Places(root).ToList();
            var (parent, key, index) = places[picks[i] % places.Count];
            var value = JsonNode.Parse(values[i]);
            if (parent is JsonObject o)
            {
                o[key!] = value;
            }
            else if (parent is JsonArray a)
            {
                a[index] = value;
            }
        }
        return root.ToJsonString();
    }

    private static IEnumerable<(JsonNode Parent, string? Key, int Index)> Places(JsonNode node)
    {
        if (node is JsonObject o)
        {
            foreach (var (key, child) in o.ToList())
            {
                yield return (o, key, -1);
                if (child is not null)
                {
                    foreach (var place in Places(child))
                    {
                        yield return place;
                    }
                }
            }
        }
        else if (node is JsonArray a)
        {
            for (var i = 0; i < a.Count; i++)
            {
                yield return (a, null, i);
                if (a[i] is { } child)
                {
                    foreach (var place in Places(child))
                    {
                        yield return place;
                    }
                }
            }
        }
    }

    public static Arbitrary<MutatedDocument> Documents() => (
        from kind in Gen.Elements(Bases.Keys.ToArray())
        from json in Mutate(Bases[kind])
        select new MutatedDocument(kind, json)).ToArbitrary();
}

/// <summary>
/// Every document reader fed mutated documents: it reads a valid value or throws <see cref="DocumentException"/> whose
/// every problem names a JSON path — never another exception. And what it reads can be evaluated on any day, the last
/// day of the calendar included, without an exception.
/// </summary>
public class DocumentFuzzProperties
{
    private static readonly LocalDate[] Days = [new(1, 1, 1), new(2021, 5, 18), new(2024, 6, 1), new(9999, 12, 1), new(9999, 12, 31)];

    private static Stream Utf8(string json) => new MemoryStream(Encoding.UTF8.GetBytes(json));

    [Property(Arbitrary = [typeof(DocumentFuzzArbitraries)], MaxTest = 3000, Replay = "20241203,1111111111111111111")]
    public void Documents_read_or_fail_with_json_paths_and_what_is_read_evaluates_on_any_day(MutatedDocument document)
    {
        try
        {
            Evaluate(document);
        }
        catch (DocumentException ex)
        {
            Assert.NotEmpty(ex.Problems);
            Assert.All(ex.Problems, p => Assert.StartsWith("$", p.Path, StringComparison.Ordinal));
        }
    }

    private static void Evaluate(MutatedDocument document)
    {
        var bases = DocumentFuzzArbitraries.Bases;
        switch (document.Kind)
        {
            case "policy":
            case "workers":
                var policy = PayPolicyJson.Parse(document.Kind == "policy" ? document.Json : bases["policy"]);
                var workers = NetworkJson.LoadWorkers(Utf8(document.Kind == "workers" ? document.Json : bases["workers"]));
                var evaluator = new PayStepEvaluator(policy);
                foreach (var day in Days)
                {
                    _ = evaluator.AssessRoster(workers, day);
                }
                _ = PayPolicyJson.Parse(PayPolicyJson.Serialize(policy));
                break;
            case "network":
            case "plan":
            case "phases":
                var network = NetworkJson.LoadNetwork(Utf8(document.Kind == "network" ? document.Json : bases["network"]));
                var plan = CoveragePlanJson.Load(Utf8(document.Kind is "plan" or "phases" ? document.Json : bases["plan"]));
                var assessor = new CoverageAssessor(plan.Standard);
                foreach (var day in Days)
                {
                    _ = assessor.Assess(plan.Plan, network, day);
                }
                _ = CoveragePlanJson.Load(Utf8(CoveragePlanJson.Serialize(plan)));
                break;
            default:
                var catalog = ServiceCatalogJson.Parse(document.Json);
                _ = ServiceCatalogJson.Parse(ServiceCatalogJson.Serialize(catalog));
                break;
        }
    }
}

/// <summary>The inputs that crashed the console with a stack trace, each now a documented error or a plain answer.</summary>
public class DocumentCrashTests
{
    private static Stream Utf8(string json) => new MemoryStream(Encoding.UTF8.GetBytes(json));

    [Theory]
    [InlineData("workers", """{"workers":[null]}""", "$.workers[0]")]
    [InlineData("network", """{"divisions":[{"code":"130602","name":"竞秀区"}],"facilities":[null]}""", "$.facilities[0]")]
    [InlineData("network", """{"divisions":[null],"facilities":[]}""", "$.divisions[0]")]
    [InlineData("plan", """{"scope":"130602","start":"2021-05-18","phases":[{"id":"a","label":{"zh-CN":"甲"},"months":6,"targets":[null]}]}""", "$.phases[0].targets[0]")]
    [InlineData("plan", """{"scope":"130602","start":"2021-05-18","extraCriteria":[null]}""", "$.extraCriteria[0]")]
    [InlineData("workers", """{"workers":[{"id":"W1","employment":"communityFullTime","baseLevel":2147483647}]}""", "$.workers[0]")]
    [InlineData("policy", """{"id":"p","effectiveFrom":"2021-01-01","steps":{"assistant":2147483647}}""", "$.steps.assistant")]
    [InlineData("plan", """{"scope":"130602","start":"2021-05-18","phaseMonths":{"cover":2147483647}}""", "$.phaseMonths")]
    [InlineData("plan", """{"scope":"130602","start":"9999-12-01"}""", "$.start")]
    [InlineData("plan", """{"scope":"130602","start":"2021-05-18","thresholds":{"improvedShare":"NaN"}}""", "$.thresholds.improvedShare")]
    public void Hostile_documents_are_document_errors_with_a_path(string kind, string json, string path)
    {
        var error = Assert.Throws<DocumentException>(() => Read(kind, json));
        Assert.Contains(error.Problems, p => p.Path.StartsWith(path, StringComparison.Ordinal));
    }

    [Fact]
    public void A_qualification_in_the_last_month_of_the_calendar_gives_no_uplift_and_no_crash()
    {
        var workers = NetworkJson.LoadWorkers(Utf8("""{"workers":[{"id":"W1","employment":"communityFullTime","qualifications":[{"level":"senior","obtainedOn":"9999-12-01"}],"appointments":[{"post":"senior","from":"9999-12-01"}]}]}"""));
        var assessment = new PayStepEvaluator(PayPolicyJson.Parse("""{"id":"p","effectiveFrom":"2021-01-01","timing":"nextMonth"}""")).Assess(workers[0], new LocalDate(9999, 12, 31));
        Assert.Equal(0, assessment.UpliftSteps);
    }

    private static object Read(string kind, string json) => kind switch
    {
        "workers" => NetworkJson.LoadWorkers(Utf8(json)),
        "network" => NetworkJson.LoadNetwork(Utf8(json)),
        "policy" => PayPolicyJson.Parse(json),
        _ => CoveragePlanJson.Load(Utf8(json)),
    };
}
