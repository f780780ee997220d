using SocialWork.Rules;
using SocialWork.Samples.Tests;

namespace SocialWork.Samples.Console.Tests;

/// <summary>
/// In zh mode a person reads Chinese: every command's output, its rejected rows and its errors hold no English word.
/// What may stay ASCII is what is not a word: ids (S01, W020, bee-warm, demo-xam-shape), codes (130602005014, EL.01,
/// CARE, visit), column ids of the CSV contract, dates, periods, numbers and file paths.
/// </summary>
public sealed partial class ChineseOutputTests : CliTestBase
{
    /// <summary>
    /// What zh help and argument errors may hold in ASCII besides <see cref="EnglishWordScan"/>'s codes: the command's
    /// own names (in-process, the usage line names the test host: SocialWork.Samples.Console.Tests), the values options
    /// take, the names of products and formats, the CSV columns of a rejects file, and the date pattern yyyy-MM-dd.
    /// </summary>
    private static readonly string[] CommandLineNames = ["SocialWork", "Samples", "Console", "Tests", "socialwork", "report", "convert", "coverage", "pay", "series", "posts", "generate", "snapshot", "diff",
        "csv", "json", "table", "xlsx", "ids", "labels", "month", "none", "zh", "en", "null", "true", "Excel", "DuckDB", "Spark",
        "code", "name", "line", "column", "reason", "raw", "yyyy", "dd"];

    public static TheoryData<string> HelpCommands => ["", "report", "convert", "coverage", "pay", "series", "posts", "generate", "snapshot", "diff"];

    [Theory]
    [MemberData(nameof(HelpCommands))]
    public void Zh_help_is_chinese_but_for_names_codes_and_values(string command)
    {
        var (code, output, error) = Zh([.. command.Length == 0 ? Array.Empty<string>() : [command], "--help"]);

        Assert.Equal(0, code);
        Assert.Contains("说明：", output, StringComparison.Ordinal);
        Assert.Empty(EnglishWordScan.Find(CommandLineSyntax().Replace(output + error, " "), CommandLineNames));
    }

    public static TheoryData<string> ArgumentErrors => ["missing", "unknown", "choice", "number", "date", "rejects", "order"];

    [Theory]
    [MemberData(nameof(ArgumentErrors))]
    public void A_zh_argument_error_is_chinese_and_exit_1_without_a_stack_trace(string kind)
    {
        var records = File("r.csv", "id,date,division,item,method,person_times,households,amount\n");
        var (code, output, error) = kind switch
        {
            "missing" => Zh("report"),
            "unknown" => Zh("report", "--records", records, "--bogus"),
            "choice" => Zh("report", "--records", records, "--level", "street"),
            "number" => Zh("report", "--records", records, "--suppress-below", "five"),
            "date" => Zh("report", "--records", records, "--from", "2023-13-01"),
            "rejects" => Zh("report", "--records", records, "--rejects", Path.Combine(Dir, "rejects.csv")),
            _ => Zh("series", "--network", records, "--plan", records, "--from", "2023-01-01", "--to", "soon"),
        };

        Assert.Equal(1, code);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.Empty(EnglishWordScan.Find(CommandLineSyntax().Replace(output + error, " "), CommandLineNames));
    }

    /// <summary>Option names (--records), value lists and help names (&lt;FILE&gt;), defaults ([默认：township]) and quoted JSON examples.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"--[\w-]+|<[^>\n]*>|\[[^\]\n]*\]|""[^""\n]*""|\{[^}\n]*\}")]
    private static partial System.Text.RegularExpressions.Regex CommandLineSyntax();

    private static (int Code, string Out, string Err) Zh(params string[] args) => Run(["--lang", "zh", .. args]);

    public static TheoryData<string> Commands => ["demo", "report-table", "report-csv", "report-by-programme", "report-rejects", "report-bad-row", "report-missing-file", "coverage", "pay", "series", "posts", "convert", "report-dataset", "generate", "coverage-bad-plan", "coverage-malformed-network", "pay-bad-workers", "pay-bad-policy"];

    [Theory]
    [MemberData(nameof(Commands))]
    public void A_zh_run_prints_no_english_word(string command)
    {
        var demo = DemoData.Create();
        var records = File("records.csv", "id,date,division,facility,item,method,person_times,households,amount,target_group,parties,programme\n"
            + "R1,2023-01-05,130602005014,S05,EL.01,visit,3,1,12.50,elderly,community|volunteer,bee-age\n"
            + "R2,2023-04-05,130602100200,S06,CH,group,9,0,,,,venture-07\n");
        var bad = File("bad.csv", "id,date,division,facility,item,method,person_times,households,amount\n"
            + "R1,2023-13-05,130602005014,,EL,visit,3,1,\nR2,2023-01-05,1306020,,EL,visit,3,1,\nR3,2023-01-05,130602005014,,EL.x,visit,3,1,\n"
            + "R4,2023-01-05,130602005014,,EL,dance,3,1,\nR5,2023-01-05,130602005014,,EL,visit,three,1,\nR6,2023-01-05,130602005014,,EL,visit,3,1,-1\n"
            + "R7,2023-01-05,130602005014,,EL,visit,3,1,,poor\nR1,2023-01-05,130602005014,,EL,visit,3,1,\n");
        var network = File("network.json", NetworkJson.SerializeNetwork(demo.Network(demo.Records(2_000), DemoData.AsOf)));
        var plan = File("plan.json", CoveragePlanJson.Serialize(new CoveragePlanDocument(demo.Plan, demo.Standard)));
        var workers = File("workers.json", NetworkJson.SerializeWorkers(demo.Workers));
        var policy = File("policy.json", PayPolicyJson.Serialize(demo.PayPolicy));
        var (code, output, error) = command switch
        {
            "demo" => Zh(),
            "report-table" => Zh("report", "--records", records, "--by", "targetGroup"),
            "report-csv" => Zh("report", "--records", records, "--by", "domain", "--format", "csv", "--csv-headers", "labels"),
            "report-by-programme" => Zh("report", "--records", records, "--by", "programme"),
            "report-rejects" => Zh("report", "--records", bad, "--skip-invalid"),
            "report-bad-row" => Zh("report", "--records", bad),
            "report-missing-file" => Zh("report", "--records", Path.Combine(Dir, "none.csv")),
            "coverage" => Zh("coverage", "--network", network, "--plan", plan, "--as-of", "2023-12-31"),
            "pay" => Zh("pay", "--workers", workers, "--policy", policy, "--as-of", "2023-12-31"),
            "convert" => Zh("convert", "--records", records, "--out", Path.Combine(Dir, "dataset")),
            "report-dataset" => Zh("report", "--records", Dataset(records), "--by", "programme"),
            "posts" => Zh("posts", "--institutions", File("institutions.json", """{"institutions":[{"id":"I1","name":"某福利院","sector":"民政","division":"130602","posts":[{"id":"P1","from":"2022-03-01"}]}]}"""), "--as-of", "2023-12-31"),
            "series" => Zh("series", "--network", network, "--plan", plan, "--workers", workers, "--from", "2021-05-18", "--to", "2022-05-17"),
            "coverage-bad-plan" => Zh("coverage", "--network", network, "--plan", File("bad-plan.json", """{"scope":"1306","start":"2021-13-01","preset":"fast","phaseMonths":{"cover":0},"thresholds":{"standardShare":2,"colour":1},"standard":["gold"],"extra":1}"""), "--as-of", "2023-12-31"),
            "coverage-malformed-network" => Zh("coverage", "--network", File("bad-network.json", """{"divisions":[{"code":"130602","name":"竞秀区"}],"facilities":[{"id":"S1","tier":"tower","division":"130602001","openedOn":"2021-01-01","profile":{"rooms":"three"}}],"""), "--plan", plan, "--as-of", "2023-12-31"),
            "pay-bad-workers" => Zh("pay", "--workers", File("bad-workers.json", """{"workers":[{"id":"W1","employment":"boss","qualifications":[{"level":"expert","obtainedOn":"2020-02-30"}]},null,{"id":"W1","employment":"partTime","baseLevel":"x"}]}"""), "--policy", policy, "--as-of", "2023-12-31"),
            "pay-bad-policy" => Zh("pay", "--workers", workers, "--policy", File("bad-policy.json", """{"id":"p","effectiveFrom":"2021-01-01","effectiveTo":"2020-01-01","steps":{"senior":99},"eligibleEmployment":[],"ladder":{"preset":"tall"},"name":{"zh-CN":""}}"""), "--as-of", "2023-12-31"),
            _ => Zh("generate", "--records", "10", "--out", Path.Combine(Dir, "generated.csv")),
        };

        Assert.True(code is 0 or 2, $"exit {code}: {error}");
        Assert.Empty(EnglishWordScan.Find(output + error, demo.Programmes.Programmes.Select(p => p.Id)));
    }

    private string Dataset(string records)
    {
        var folder = Path.Combine(Dir, "converted");
        Assert.Equal(0, Zh("convert", "--records", records, "--out", folder).Code);
        return folder;
    }

    [Fact]
    public void The_scan_finds_english_words_and_passes_ids_and_codes()
    {
        Assert.Equal(["is", "not", "valid"], EnglishWordScan.Find("R1 S01 W020 bee-warm 2023-Q4 EL.01 CARE visit 130602005014 is not valid"));
        Assert.Empty(EnglishWordScan.Find("第2行 date：'2023-13-05'不是有效日期 /tmp/x.csv demo-xam-shape"));
    }
}
