using System.Text;
using System.Text.RegularExpressions;
using NodaTime;
using SocialWork.Rules;

namespace SocialWork.Samples.Console.Tests;

/// <summary>
/// The ready-made documents in <c>samples/data/jingxiu/</c> — the demo's network, plan, workers and pay policy, so that
/// <c>coverage</c>, <c>pay</c> and <c>series</c> can be tried at once — are the demo's own (set
/// <c>SOCIALWORK_WRITE_SAMPLES=1</c> to write them again after the demo changes), and every command line the README shows
/// with them runs as written.
/// </summary>
public sealed partial class SampleDocumentTests
{
    private static readonly string Root = FindRoot();

    private static string Folder => Path.Combine(Root, "samples", "data", "jingxiu");

    private static Dictionary<string, string> Expected()
    {
        var demo = DemoData.Create();
        return new()
        {
            ["network.json"] = Readable(NetworkJson.SerializeNetwork(demo.Network(demo.Records(), new LocalDate(2023, 12, 31)))),
            ["plan.json"] = Readable(CoveragePlanJson.Serialize(new CoveragePlanDocument(demo.Plan, demo.Standard))),
            ["workers.json"] = Readable(NetworkJson.SerializeWorkers(demo.Workers)),
            ["pay-policy.json"] = Readable(PayPolicyJson.Serialize(demo.PayPolicy)),
        };
    }

    /// <summary>The same JSON with Chinese as Chinese (not <c>\u</c> escapes), for people reading the files.</summary>
    private static string Readable(string json)
        => System.Text.Json.Nodes.JsonNode.Parse(json)!.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    [Fact]
    public void The_jingxiu_documents_are_the_demos_own()
    {
        var expected = Expected();
        if (Environment.GetEnvironmentVariable("SOCIALWORK_WRITE_SAMPLES") == "1")
        {
            foreach (var (name, json) in expected)
            {
                File.WriteAllText(Path.Combine(Folder, name), json + "\n", new UTF8Encoding(false));
            }
        }
        foreach (var (name, json) in expected)
        {
            Assert.True(File.Exists(Path.Combine(Folder, name)), $"samples/data/jingxiu/{name} is missing; run the tests with SOCIALWORK_WRITE_SAMPLES=1");
            Assert.Equal(json + "\n", File.ReadAllText(Path.Combine(Folder, name)).ReplaceLineEndings("\n"));
        }
    }

    public static TheoryData<string> ReadmeCommands() => [.. Commands()];

    private static IEnumerable<string> Commands()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        return CommandLine().Matches(readme).Select(m => m.Groups[1].Value.Trim()).Where(line => line.Contains("samples/data/", StringComparison.Ordinal)).Distinct();
    }

    [Theory]
    [MemberData(nameof(ReadmeCommands))]
    public void A_readme_command_line_runs_as_written(string line)
    {
        var args = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(a => a.StartsWith("samples/", StringComparison.Ordinal) ? Path.Combine(Root, a) : a).ToArray();
        var output = new StringWriter();
        var error = new StringWriter();

        var code = SocialWork.Samples.Cli.SocialWorkCli.Run(args, output, error);

        Assert.True(code == 0, $"'{line}' exited {code}: {error}");
        Assert.NotEmpty(output.ToString());
    }

    [Fact]
    public void The_readme_shows_coverage_pay_and_series_on_the_ready_made_documents()
    {
        var commands = Commands().ToList();
        Assert.Contains(commands, c => c.StartsWith("coverage ", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.StartsWith("pay ", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.StartsWith("series ", StringComparison.Ordinal));
    }

    /// <summary>A <c>socialwork …</c> line of a README code block, without the command's name and any trailing comment.</summary>
    [GeneratedRegex(@"^socialwork ([^#\n]+?)\s*(?:#.*)?$", RegexOptions.Multiline)]
    private static partial Regex CommandLine();

    private static string FindRoot()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "SocialWork.slnx")))
        {
            root = Path.GetDirectoryName(root)!;
        }
        return root;
    }
}
