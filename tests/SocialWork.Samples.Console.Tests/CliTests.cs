using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SocialWork.Samples.Console.Tests;

public sealed class CliTests : CliTestBase
{
    [Fact]
    public void Demo_prints_coverage_pay_roster_and_indicators()
    {
        var (code, output, error) = Run("--lang", "en");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        Assert.Contains("Coverage 130602 · 2023-12-31 · phase: improve", output, StringComparison.Ordinal);
        Assert.Contains("townshipStationCoverage", output, StringComparison.Ordinal);
        Assert.Contains("Pay-step uplift", output, StringComparison.Ordinal);
        Assert.Contains("holds senior but appointed to an intermediate post: uplift 2 steps", output, StringComparison.Ordinal);
        Assert.Contains("韩村北路街道", output, StringComparison.Ordinal);
        Assert.Contains("2023-Q4", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_speaks_chinese_with_lang_zh()
    {
        var (code, output, _) = Run("--lang", "zh");
        Assert.Equal(0, code);
        Assert.Contains("阶段：三年提升", output, StringComparison.Ordinal);
        Assert.Contains("乡镇（街道）社工站覆盖率", output, StringComparison.Ordinal);
        Assert.DoesNotContain("townshipStationCoverage", output, StringComparison.Ordinal);
        Assert.Contains("│ 蜜蜂计划 │ 品牌计划 │ 4个子计划：暖阳、乐龄、雏鹰、乐居 │", output, StringComparison.Ordinal);
        Assert.Contains("│ 公益创投 │ 公益创投 │ 65个项目", output, StringComparison.Ordinal);
        Assert.DoesNotContain("countyCenter", output, StringComparison.Ordinal);
        Assert.Contains("持有高级资格但聘任在中级岗位，按中级提升2级", output, StringComparison.Ordinal);
        Assert.Contains("服务人次", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_venture_round_shows_projects_activities_and_distinct_people_near_the_seed()
    {
        var signIns = DemoData.Create().VentureSignIns();
        var people = Enumerable.Range(0, signIns.Count).Select(i => signIns.PersonAt(i)!.Value).Distinct().Count();
        var activities = Enumerable.Range(0, signIns.Count).Select(i => (signIns.ProgrammeIndices[i], signIns.DayNumbers[i])).Distinct().Count();
        Assert.InRange(people, 30_000, 39_999);
        Assert.InRange(activities, 600, 699);

        var (code, output, _) = Run("--lang", "zh");
        Assert.Equal(0, code);
        var lines = output.Split('\n');
        var table = Array.FindIndex(lines, l => l.Contains("公益创投（示例签到记录", StringComparison.Ordinal));
        var total = lines.Skip(table).First(l => l.Contains("合计", StringComparison.Ordinal));
        var cells = total.Split('│', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
        Assert.Equal(["合计", "65", N(activities), N(signIns.Count), N(people)], cells);
        Assert.Contains("服务群众三万余人", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_json_matches_totals_computed_independently()
    {
        var csv = Path.Combine(Dir, "records.csv");
        Assert.Equal(0, Run("generate", "--records", "5000", "--out", csv, "--seed", "3").Code);
        var lines = System.IO.File.ReadAllLines(csv);
        var header = lines[0].Split(',');
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        int Col(string name) => Array.IndexOf(header, name);
        var expected = new Dictionary<(string Township, string Quarter), (long Records, long People, long Households, decimal Amount, long Visits, long Groups)>();
        foreach (var r in rows)
        {
            var township = r[Col("division")][..9] + "000";
            var date = DateTime.ParseExact(r[Col("date")], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var key = (township, $"{date.Year}-Q{((date.Month - 1) / 3) + 1}");
            var e = expected.GetValueOrDefault(key);
            var method = r[Col("method")];
            expected[key] = (
                e.Records + 1,
                e.People + long.Parse(r[Col("person_times")], CultureInfo.InvariantCulture),
                e.Households + long.Parse(r[Col("households")], CultureInfo.InvariantCulture),
                e.Amount + (r[Col("amount")].Length == 0 ? 0 : decimal.Parse(r[Col("amount")], CultureInfo.InvariantCulture)),
                e.Visits + (method == "visit" ? 1 : 0),
                e.Groups + (method == "group" ? 1 : 0));
        }

        var (code, output, error) = Run("report", "--records", csv, "--level", "township", "--period", "quarter", "--format", "json");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("township", root.GetProperty("level").GetString());
        Assert.Equal("quarter", root.GetProperty("period").GetString());
        Assert.Equal("none", root.GetProperty("by").GetString());
        var actualRows = root.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(expected.Count, actualRows.Count);
        foreach (var row in actualRows)
        {
            var key = (row.GetProperty("division").GetString()!, row.GetProperty("period").GetString()!);
            var e = expected[key];
            Assert.Equal(string.Empty, row.GetProperty("key").GetString());
            Assert.Equal(e.Records, row.GetProperty("records").GetInt64());
            Assert.Equal(e.People, row.GetProperty("personTimes").GetInt64());
            Assert.Equal(e.Households, row.GetProperty("households").GetInt64());
            Assert.Equal(e.Amount, row.GetProperty("amount").GetDecimal());
            Assert.Equal(e.Visits, row.GetProperty("visits").GetInt64());
            Assert.Equal(e.Groups, row.GetProperty("groups").GetInt64());
        }
        var keys = actualRows.Select(r => (r.GetProperty("division").GetString()!, r.GetProperty("period").GetString()!)).ToList();
        Assert.Equal(keys.OrderBy(k => k.Item1, StringComparer.Ordinal).ThenBy(k => k.Item2, StringComparer.Ordinal), keys);
        Assert.Equal(rows.Count, root.GetProperty("total").GetProperty("records").GetInt64());
        Assert.Equal(rows.Count, root.GetProperty("input").GetProperty("read").GetInt32());
        Assert.Equal(0, root.GetProperty("input").GetProperty("rejected").GetInt32());
        Assert.Matches(@"""amount"": \d+\.\d{2}[,\r\n]", output);
    }

    [Fact]
    public void Report_by_domain_with_divisions_and_csv_output()
    {
        var csv = File("r.csv", "id,date,division,facility,item,method,person_times,households,amount\nR1,2024-01-05,130602005001,S05,EL.01,visit,3,1,12.50\nR2,2024-04-05,130602005001,S05,CH.01,group,9,0,\n");
        var divisions = File("d.csv", "code,name\n130602,竞秀区\n130602005,韩北街道\n130602005001,田野社区\n");
        var (code, output, _) = Run("report", "--records", csv, "--divisions", divisions, "--level", "county", "--period", "year", "--by", "domain", "--format", "csv", "--lang", "zh");
        Assert.Equal(0, code);
        Assert.Equal(
            "division,name,period,key,key_label,records,person_times,households,amount,visits,files,casework,groups,activities,trainings,others\n"
            + "130602000000,竞秀区,2024,CH,儿童关爱,1,9,0,0.00,0,0,0,1,0,0,0\n"
            + "130602000000,竞秀区,2024,EL,老年服务,1,3,1,12.50,1,0,0,0,0,0,0\n",
            output);
    }

    [Fact]
    public void Report_by_service_type_groups_items_under_their_primary_type()
    {
        var csv = File("t.csv", "id,date,division,facility,item,method,person_times,households,amount\nR1,2024-01-05,130602005001,S05,EL.01,visit,3,1,\nR2,2024-04-05,130602005001,S05,SA.01,visit,9,2,\nR3,2024-04-05,130602005001,S05,SA,visit,1,1,\n");
        var (code, output, error) = Run("report", "--records", csv, "--level", "county", "--period", "year", "--by", "serviceType", "--format", "csv", "--lang", "zh");
        Assert.True(code == 0, error);
        Assert.Contains(",2024,,,1,1,1,", output, StringComparison.Ordinal);
        Assert.Contains(",2024,CARE,照料护理,1,3,1,", output, StringComparison.Ordinal);
        Assert.Contains(",2024,LINK,资源链接,1,9,2,", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_rows_exit_2_naming_file_line_and_field_without_touching_the_output()
    {
        var csv = File("bad.csv", "id,date,division,facility,item,method,person_times,households,amount\nR1,2024-01-05,130602005001,,EL,visit,3,1,\nR2,2024-01-05,130602005001,,EL,visit,three,1,\n");
        var outFile = File("report.json", "previous content");
        var rejects = Path.Combine(Dir, "rejects.csv");
        var (code, output, error) = Run("report", "--records", csv, "--format", "json", "--out", outFile);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("bad.csv: line 3: column 'person_times'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.Equal("previous content", System.IO.File.ReadAllText(outFile));
        Assert.False(System.IO.File.Exists(rejects));
        Assert.Empty(Directory.GetFiles(Dir, "*.tmp"));
    }

    [Fact]
    public void Skip_invalid_writes_the_rejects_and_counts_them()
    {
        var csv = File("some-bad.csv", ImportRows);
        var rejects = Path.Combine(Dir, "rejects.csv");
        var (code, output, _) = Run("report", "--records", csv, "--format", "json", "--skip-invalid", "--rejects", rejects);
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var input = json.RootElement.GetProperty("input");
        Assert.Equal((3, 1, 2), (input.GetProperty("read").GetInt32(), input.GetProperty("accepted").GetInt32(), input.GetProperty("rejected").GetInt32()));
        var lines = System.IO.File.ReadAllLines(rejects);
        Assert.Equal("file,line,column,reason,raw", lines[0]);
        Assert.StartsWith("some-bad.csv,3,date,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("some-bad.csv,4,amount,", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_outputs_neutralise_formula_cells_from_divisions_and_rejected_rows()
    {
        var csv = File("records.csv", "id,date,division,facility,item,method,person_times,households,amount\nR1,2024-01-05,130602005001,,EL,visit,3,1,\n=cmd|' /C calc'!A0,x,,,,,,,\n");
        var divisions = File("divisions.csv", "code,name\n130602005,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\n");
        var report = Path.Combine(Dir, "report.csv");
        var rejects = Path.Combine(Dir, "rejects.csv");
        var (code, _, error) = Run("report", "--records", csv, "--divisions", divisions, "--format", "csv", "--out", report, "--skip-invalid", "--rejects", rejects);
        Assert.True(code == 0, error);
        var reportLines = System.IO.File.ReadAllLines(report);
        Assert.Contains(reportLines, l => l.StartsWith("130602005000,\"'=HYPERLINK(", StringComparison.Ordinal));
        Assert.DoesNotContain(reportLines.SelectMany(l => l.Split(',')), cell => cell.Length > 0 && cell.TrimStart('"')[0] is '=' or '@');
        var rejectLines = System.IO.File.ReadAllLines(rejects);
        Assert.EndsWith(",\"'=cmd|' /C calc'!A0,x,,,,,,,\"", rejectLines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Out_into_a_missing_directory_names_the_target_not_a_temporary_file()
    {
        var csv = File("records.csv", ImportRows.Split('\n')[0] + "\n" + ImportRows.Split('\n')[1] + "\n");
        var target = Path.Combine(Dir, "missing", "x.json");
        var (code, _, error) = Run("report", "--records", csv, "--format", "json", "--out", target);
        Assert.Equal(2, code);
        Assert.Contains($"cannot write '{target}': the directory", error, StringComparison.Ordinal);
        Assert.DoesNotContain(".tmp", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Out_into_a_named_pipe_writes_into_it_and_leaves_it_a_pipe()
    {
        // Like /dev/null: a target that cannot be replaced by a file is written into, not renamed over.
        var csv = File("records.csv", ImportRows.Split('\n')[0] + "\n" + ImportRows.Split('\n')[1] + "\n");
        var pipe = Path.Combine(Dir, "report.pipe");
        Assert.Equal(string.Empty, Shell("mkfifo", pipe));
        var reader = Task.Run(() => System.IO.File.ReadAllText(pipe), TestContext.Current.CancellationToken);

        var (code, _, error) = Run("report", "--records", csv, "--format", "json", "--out", pipe);

        Assert.True(code == 0, error);
        Assert.Contains("\"records\": 1", await reader.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal("fifo", Shell("stat", "-c", "%F", pipe).Trim());
        Assert.Empty(Directory.GetFiles(Dir, ".report.pipe.*.tmp"));

        static string Shell(string command, params string[] args)
        {
            using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(command, args) { RedirectStandardOutput = true })!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return output;
        }
    }

    [Fact]
    public void Out_never_writes_through_a_planted_link_at_a_temporary_name()
    {
        var csv = File("records.csv", ImportRows.Split('\n')[0] + "\n" + ImportRows.Split('\n')[1] + "\n");
        var victim = File("victim.txt", "precious");
        var target = Path.Combine(Dir, "report.json");
        for (var pid = Environment.ProcessId - 2; pid <= Environment.ProcessId + 2; pid++)
        {
            System.IO.File.CreateSymbolicLink(Path.Combine(Dir, $".report.json.{pid}.tmp"), victim);
        }

        var (code, _, error) = Run("report", "--records", csv, "--format", "json", "--out", target);

        Assert.True(code == 0, error);
        Assert.Equal("precious", System.IO.File.ReadAllText(victim));
        Assert.Contains("\"records\": 1", System.IO.File.ReadAllText(target), StringComparison.Ordinal);
        Assert.Equal(5, Directory.GetFiles(Dir, ".report.json.*.tmp").Length);
    }

    [Fact]
    public void A_fifty_megabyte_row_exits_2_naming_its_line_or_is_skipped_with_skip_invalid()
    {
        var csv = Path.Combine(Dir, "long.csv");
        using (var writer = new StreamWriter(csv, false, new UTF8Encoding(false)))
        {
            writer.Write("id,date,division,facility,item,method,person_times,households,amount\nR1,2024-01-05,130602005001,,EL,visit,3,1,\nR2,2024-01-05,130602005001,");
            writer.Write(new string('x', 50 << 20));
            writer.Write(",EL,visit,3,1,\nR3,2024-01-05,130602005001,,EL,visit,3,1,\n");
        }

        var (strict, _, strictError) = Run("report", "--records", csv, "--format", "json");
        Assert.Equal(2, strict);
        Assert.Contains("long.csv: line 3: column '(row)': the row is longer than 4194304 characters", strictError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", strictError, StringComparison.Ordinal);

        var rejects = Path.Combine(Dir, "rejects.csv");
        var (lenient, output, lenientError) = Run("report", "--records", csv, "--format", "json", "--skip-invalid", "--rejects", rejects);
        Assert.True(lenient == 0, lenientError);
        Assert.Contains("\"rejected\": 1", output, StringComparison.Ordinal);
        Assert.True(new FileInfo(rejects).Length < 2_000);
    }

    [Fact]
    public void Amounts_whose_sum_does_not_fit_exit_2_with_a_message()
    {
        var csv = File("big.csv", "id,date,division,facility,item,method,person_times,households,amount\nR1,2024-01-05,130602001001,,EL,visit,1,1,92233720368547758.07\nR2,2024-01-05,130602001001,,EL,visit,1,1,92233720368547758.07\n");
        var (code, _, error) = Run("report", "--records", csv, "--format", "json");
        Assert.Equal(2, code);
        Assert.Contains("92,233,720,368,547,758.07 yuan", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Records_ten_thousand_years_apart_report_at_village_month_item()
    {
        var csv = File("span.csv", "id,date,division,facility,item,method,person_times,households,amount\nR1,0001-01-01,130602001001,,EL.01,visit,1,1,\nR2,9999-12-31,130602001002,,EL.02,visit,1,1,\nR3,2024-01-05,130602001003,,EL.03,visit,1,1,\n");
        var (code, output, error) = Run("report", "--records", csv, "--level", "village", "--period", "month", "--by", "item", "--format", "json");
        Assert.True(code == 0, error);
        Assert.Contains("\"9999-12\"", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--townships", "10", "--villages", "2147483647")]
    [InlineData("--months", "2000000000")]
    [InlineData("--townships", "2147483647")]
    public void Generate_rejects_sizes_it_cannot_make_with_exit_1(params string[] extra)
    {
        var (code, _, error) = Run(["generate", "--records", "10", "--out", Path.Combine(Dir, "g.csv"), .. extra]);
        Assert.Equal(1, code);
        Assert.Contains("must be", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_says_what_it_wrote_and_gives_ids_no_other_run_or_the_demo_has()
    {
        var first = Run("generate", "--records", "10", "--out", Path.Combine(Dir, "a.csv"), "--lang", "en");
        var second = Run("generate", "--records", "10", "--out", Path.Combine(Dir, "b.csv"), "--lang", "en");
        var named = Run("generate", "--records", "3", "--out", Path.Combine(Dir, "c.csv"), "--id-prefix", "county7-", "--lang", "zh");

        Assert.Equal(0, first.Code);
        Assert.Matches(@"^wrote 10 records \(ids G\d{8}-1 to G\d{8}-10\) to .*a\.csv: 24 months from 2022-01, 153 villages\.$", first.Out.Trim());
        string FirstId(string name) => System.IO.File.ReadLines(Path.Combine(Dir, name)).Skip(1).First().Split(',')[0];
        Assert.NotEqual(FirstId("a.csv")[..10], FirstId("b.csv")[..10]);
        Assert.DoesNotMatch(@"^R\d", FirstId("a.csv"));
        Assert.Equal("county7-1", FirstId("c.csv"));
        Assert.Contains("已写入3条记录（编号county7-1至county7-3）", named.Out, StringComparison.Ordinal);
        Assert.Equal(1, Run("generate", "--records", "3", "--out", Path.Combine(Dir, "d.csv"), "--id-prefix", "a,b").Code);
    }

    [Fact]
    public void Pay_on_the_last_day_of_the_calendar_answers()
    {
        var workers = File("workers.json", """{"workers":[{"id":"W1","employment":"communityFullTime","qualifications":[{"level":"senior","obtainedOn":"9999-12-01"}],"appointments":[{"post":"senior","from":"9999-12-01"}]}]}""");
        var policy = File("policy.json", """{"id":"p","effectiveFrom":"2021-01-01","timing":"nextMonth"}""");
        var (code, output, error) = Run("pay", "--workers", workers, "--policy", policy, "--as-of", "9999-12-31", "--format", "json");
        Assert.True(code == 0, error);
        Assert.Contains("\"upliftSteps\": 0", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_on_the_shipped_xingan_sample_prints_the_seven_seed_figures()
    {
        var data = Path.Combine(RepositoryRoot(), "samples", "data", "xingan");
        var (code, output, error) = Run("report", "--records", Path.Combine(data, "records.csv"), "--divisions", Path.Combine(data, "divisions.csv"), "--level", "prefecture", "--period", "year", "--format", "json");
        Assert.True(code == 0, error);
        var total = JsonDocument.Parse(output).RootElement.GetProperty("total");
        Assert.Equal(1493, total.GetProperty("households").GetInt64());                 // 走访入户1493户
        Assert.Equal(231, total.GetProperty("files").GetInt64());                       // 建立档案231个
        Assert.Equal(43, total.GetProperty("groups").GetInt64());                       // 小组活动43次
        Assert.Equal(20, total.GetProperty("casework").GetInt64());                     // 个案服务20个
        Assert.Equal(57, total.GetProperty("activities").GetInt64());                   // 主题活动57场
        Assert.Equal(17000.00m, total.GetProperty("amount").GetDecimal());              // 1.7万元
        Assert.InRange(total.GetProperty("personTimes").GetInt64(), 13_600, 13_699);    // 1.36万余人次
        Assert.Equal(500, total.GetProperty("people").GetInt64());                      // the sample's own: 500 people named (synthetic)
        var table = Run("report", "--records", Path.Combine(data, "records.csv"), "--divisions", Path.Combine(data, "divisions.csv"), "--level", "prefecture", "--period", "year", "--lang", "zh").Out;
        Assert.Contains("兴安盟", table, StringComparison.Ordinal);
    }

    [Fact]
    public void Posts_on_the_shipped_xingan_sample_reproduce_21_institutions_and_17_posts()
    {
        var data = Path.Combine(RepositoryRoot(), "samples", "data", "xingan");
        var (code, output, error) = Run("posts", "--institutions", Path.Combine(data, "institutions.json"), "--sector", "民政", "--as-of", "2022-12-31", "--format", "json");
        Assert.True(code == 0, error);
        var total = JsonDocument.Parse(output).RootElement.GetProperty("total");
        Assert.Equal(21, total.GetProperty("institutions").GetInt32());   // 民政系统21个事业单位
        Assert.Equal(17, total.GetProperty("posts").GetInt32());          // 共设置社会工作岗位17个
        var table = Run("posts", "--institutions", Path.Combine(data, "institutions.json"), "--divisions", Path.Combine(data, "divisions.csv"), "--as-of", "2022-12-31", "--lang", "zh").Out;
        Assert.Contains("21个事业单位中共设置社会工作岗位17个", table, StringComparison.Ordinal);
    }

    [Fact]
    public void Posts_count_only_between_their_establishment_and_abolition()
    {
        var institutions = File("institutions.json", """{"institutions":[{"id":"I1","name":"某福利院","sector":"民政","division":"152201","posts":[{"id":"P1","from":"2022-03-01"},{"id":"P2","from":"2022-01-01","to":"2022-02-28"}]},{"id":"I2","name":"某救助站","sector":"民政","division":"152201"}]}""");
        var total = (string day) => JsonDocument.Parse(Run("posts", "--institutions", institutions, "--as-of", day, "--format", "json").Out).RootElement.GetProperty("total");
        Assert.Equal(1, total("2022-01-15").GetProperty("posts").GetInt32());
        Assert.Equal(1, total("2022-02-28").GetProperty("posts").GetInt32());
        Assert.Equal(1, total("2022-03-01").GetProperty("posts").GetInt32());
        Assert.Equal(1, total("2022-03-01").GetProperty("institutionsWithPosts").GetInt32());
        Assert.Equal(2, total("2021-12-31").GetProperty("institutions").GetInt32());
        Assert.Equal(0, total("2021-12-31").GetProperty("institutionsWithPosts").GetInt32());
    }

    private static string RepositoryRoot()
    {
        var root = AppContext.BaseDirectory;
        while (!System.IO.File.Exists(Path.Combine(root, "SocialWork.slnx")))
        {
            root = Path.GetDirectoryName(root)!;
        }
        return root;
    }

    private const string ImportRows = "id,date,division,facility,item,method,person_times,households,amount\nR1,2024-01-05,130602005001,,EL,visit,3,1,\nR2,2024-13-05,130602005001,,EL,visit,3,1,\nR3,2024-01-05,130602005001,,EL,visit,3,1,1.001\n";

    [Theory]
    [InlineData("report", "--records", "x.csv", "--level", "street")]
    [InlineData("report")]
    [InlineData("report", "--records", "x.csv", "--rejects", "r.csv")]
    [InlineData("pay", "--workers", "w.json", "--policy", "p.json", "--as-of", "2024-02-30")]
    [InlineData("coverage", "--network", "n.json", "--plan", "p.json")]
    [InlineData("frobnicate")]
    [InlineData("report", "--records", "x.csv", "--format", "xml")]
    public void Wrong_command_lines_exit_1(params string[] args) => Assert.Equal(1, Run(args).Code);

    [Fact]
    public void Missing_input_file_exits_2_naming_it()
    {
        var (code, _, error) = Run("report", "--records", Path.Combine(Dir, "nope.csv"));
        Assert.Equal(2, code);
        Assert.Contains("nope.csv", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_exits_0() => Assert.Equal(0, Run("report", "--help").Code);

    private const string Workers = """
        {"workers":[
          {"id":"W2","employment":"communityFullTime","baseLevel":11,"postCategory":"general",
           "qualifications":[{"level":"senior","obtainedOn":"2022-06-15"}],"appointments":[{"post":"intermediate","from":"2022-09-01","to":null}]},
          {"id":"W1","employment":"communityFullTime","qualifications":[{"level":"assistant","obtainedOn":"2024-06-15"}]}
        ]}
        """;

    [Fact]
    public void Pay_json_follows_the_contract()
    {
        var workers = File("workers.json", Workers);
        var policy = File("policy.json", """{"id":"xam","effectiveFrom":"2021-01-01","ladder":{"preset":"three-posts-eighteen-levels"}}""");
        var (code, output, error) = Run("pay", "--workers", workers, "--policy", policy, "--as-of", "2025-01-01", "--format", "json", "--lang", "en");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(["asOf", "policy", "workers"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2025-01-01", root.GetProperty("asOf").GetString());
        Assert.Equal("xam", root.GetProperty("policy").GetString());
        var w = root.GetProperty("workers").EnumerateArray().ToList();
        Assert.Equal(["W1", "W2"], w.Select(x => x.GetProperty("id").GetString()));
        Assert.Equal(["id", "qualification", "post", "upliftSteps", "baseLevel", "effectiveLevel", "findings"], w[1].EnumerateObject().Select(p => p.Name));
        Assert.Equal("senior", w[1].GetProperty("qualification").GetString());
        Assert.Equal("intermediate", w[1].GetProperty("post").GetString());
        Assert.Equal(2, w[1].GetProperty("upliftSteps").GetInt32());
        Assert.Equal(12, w[1].GetProperty("effectiveLevel").GetInt32());
        Assert.Equal("pay.postLower", w[1].GetProperty("findings")[0].GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.Null, w[0].GetProperty("baseLevel").ValueKind);
        Assert.Equal("none", w[0].GetProperty("post").GetString());
        Assert.Equal(0, w[0].GetProperty("upliftSteps").GetInt32());
    }

    [Fact]
    public void Policy_not_in_force_gives_zero_with_a_finding()
    {
        var workers = File("workers.json", Workers);
        var policy = File("policy.json", """{"id":"later","effectiveFrom":"2030-01-01"}""");
        var (code, output, _) = Run("pay", "--workers", workers, "--policy", policy, "--as-of", "2025-01-01", "--format", "json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        foreach (var w in json.RootElement.GetProperty("workers").EnumerateArray())
        {
            Assert.Equal(0, w.GetProperty("upliftSteps").GetInt32());
            Assert.Equal("pay.policyNotInForce", w.GetProperty("findings")[0].GetProperty("code").GetString());
        }
    }

    [Fact]
    public void Bad_workers_file_exits_2_naming_file_line_and_field()
    {
        var workers = File("workers.json", "{\"workers\":[\n  {\"id\":\"W1\",\n   \"employment\":\"boss\"}\n]}");
        var policy = File("policy.json", """{"id":"xam","effectiveFrom":"2021-01-01"}""");
        var (code, output, error) = Run("pay", "--workers", workers, "--policy", policy, "--as-of", "2025-01-01", "--format", "json");
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("workers.json", error, StringComparison.Ordinal);
        Assert.Contains("$.workers[0].employment (line 3)", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_policy_json_exits_2_with_its_line()
    {
        var workers = File("workers.json", Workers);
        var policy = File("policy.json", "{\"id\":\"xam\",\n\"effectiveFrom\":2021}");
        var (code, _, error) = Run("pay", "--workers", workers, "--policy", policy, "--as-of", "2025-01-01");
        Assert.Equal(2, code);
        Assert.Contains("policy.json", error, StringComparison.Ordinal);
        Assert.Contains("$.effectiveFrom (line 2)", error, StringComparison.Ordinal);
    }

    private const string Network = """
        {"divisions":[{"code":"130602","name":"竞秀区"},{"code":"130602001","name":"A街道"},{"code":"130602002","name":"B街道"},
                      {"code":"130602001001","name":"A1社区"},{"code":"130602002001","name":"B1社区"}],
         "facilities":[
           {"id":"C","tier":"countyCenter","division":"130602","openedOn":"2021-05-18"},
           {"id":"S1","tier":"townshipStation","division":"130602001","openedOn":"2021-06-01","closedOn":null,
            "profile":{"hasSite":true,"hasEquipment":true,"hasStaff":true,"hasServiceFunctions":true,"hasWorkflows":true,"hasRules":true}},
           {"id":"R1","tier":"communityRoom","division":"130602001001","openedOn":"2021-06-01"}]}
        """;

    [Fact]
    public void Coverage_json_follows_the_contract()
    {
        var network = File("network.json", Network);
        var plan = File("plan.json", """{"scope":"130602","start":"2021-05-18","preset":"cover-standardize-improve"}""");
        var (code, output, error) = Run("coverage", "--network", network, "--plan", plan, "--as-of", "2022-04-17", "--format", "json");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(["asOf", "scope", "phase", "targets", "gaps"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("130602000000", root.GetProperty("scope").GetString());
        Assert.Equal("cover", root.GetProperty("phase").GetString());
        var coverage = root.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("id").GetString() == "townshipStationCoverage");
        Assert.Equal(["id", "phase", "required", "actual", "due", "status"], coverage.EnumerateObject().Select(p => p.Name));
        Assert.Equal(0.5, coverage.GetProperty("actual").GetDouble());
        Assert.Equal("2022-05-17", coverage.GetProperty("due").GetString());
        Assert.Equal("behind", coverage.GetProperty("status").GetString());
        var gaps = root.GetProperty("gaps");
        Assert.Equal(["townshipsWithoutStation", "villagesWithoutRoom", "stationsBelowStandard", "villagesWithoutVolunteerPoint"], gaps.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["130602002000"], gaps.GetProperty("townshipsWithoutStation").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["130602002001"], gaps.GetProperty("villagesWithoutRoom").EnumerateArray().Select(e => e.GetString()));
        Assert.Empty(gaps.GetProperty("stationsBelowStandard").EnumerateArray());
    }

    [Fact]
    public void Coverage_table_and_bad_network_file()
    {
        var network = File("network.json", Network.Replace("\"130602002001\"", "\"13060200201\"", StringComparison.Ordinal));
        var plan = File("plan.json", """{"scope":"130602","start":"2021-05-18"}""");
        var (code, _, error) = Run("coverage", "--network", network, "--plan", plan, "--as-of", "2022-04-17");
        Assert.Equal(2, code);
        Assert.Contains("network.json", error, StringComparison.Ordinal);
        Assert.Contains("$.divisions[4].code (line 2)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_writes_the_requested_rows()
    {
        var csv = Path.Combine(Dir, "g.csv");
        Assert.Equal(0, Run("generate", "--records", "1234", "--out", csv).Code);
        Assert.Equal(1235, System.IO.File.ReadLines(csv).Count());
    }
}
