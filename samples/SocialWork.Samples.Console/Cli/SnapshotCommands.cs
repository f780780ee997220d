using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using NodaTime;
using SocialWork.Reporting;
using SocialWork.Reporting.Excel;
using Spectre.Console;

namespace SocialWork.Samples.Cli;

/// <summary>
/// <c>socialwork snapshot</c>: the report of a division's subtree for a period, fixed with its record ids and digests
/// (<see cref="ReportSnapshot"/>); <c>socialwork diff</c>: what changed between two snapshots (<see cref="ReportDiff"/>).
/// </summary>
internal static class SnapshotCommands
{
    internal static Command CreateSnapshot(Func<ParseResult, CliOutput> output, CliText t)
    {
        var records = SocialWorkCli.FileOption("--records", t.T("服务记录：CSV文件或Excel工作簿（.xlsx），须带记录编号。", "Records: a CSV file or an Excel workbook (.xlsx), with record ids."));
        var division = new Option<string>("--division") { Description = t.T("报表所属区划（6、9或12位代码）。", "The division whose report it is (a code of 6, 9 or 12 digits)."), Required = true, HelpName = "CODE" };
        var period = new Option<string>("--period") { Description = t.T("期间：2023、2023-Q1或2023-03。", "The period: 2023, 2023-Q1 or 2023-03."), Required = true, HelpName = "PERIOD" };
        var by = new Option<string>("--by") { Description = t.T("各行的第三个维度。", "Third dimension of the rows."), DefaultValueFactory = _ => "none" };
        by.AcceptOnlyFromAmong("none", "domain", "method", "item", "targetGroup", "programme", "party");
        var outFile = SocialWorkCli.FileOption("--out", t.T("快照JSON文件（仅在成功时写入）。", "The snapshot JSON file (written only on success)."));
        var command = new Command("snapshot", t.T("生成报表快照：某区划某期间的报表、所计记录的编号及其SHA-256摘要，供上报和比对。", "A report snapshot: a division's report for a period with the ids of the records it counts and their SHA-256 digests, for submission and comparison."))
        {
            records, division, period, by, outFile,
        };
        command.SetAction(parse => SocialWorkCli.Guarded(output(parse), o => RunSnapshot(
            o, parse.GetValue(records)!, parse.GetValue(division)!, parse.GetValue(period)!, Enum.Parse<CubeDimension>(parse.GetValue(by)!, ignoreCase: true), parse.GetValue(outFile)!)));
        return command;
    }

    internal static Command CreateDiff(Func<ParseResult, CliOutput> output, CliText t)
    {
        var older = new Argument<string>("older") { Description = t.T("较早的快照JSON。", "The earlier snapshot JSON.") };
        var newer = new Argument<string>("newer") { Description = t.T("较晚的快照JSON。", "The later snapshot JSON.") };
        var format = new Option<string>("--format") { Description = t.T("输出格式。", "Output format."), DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "csv");
        var command = new Command("diff", t.T("比较同一报表的两个快照：变化的单元格和指标、新增和移出的记录。", "Compare two snapshots of the same report: the cells and indicators that changed, the records added and removed."))
        {
            older, newer, format,
        };
        command.SetAction(parse => SocialWorkCli.Guarded(output(parse), o => RunDiff(o, parse.GetValue(older)!, parse.GetValue(newer)!, parse.GetValue(format)!)));
        return command;
    }

    internal static int RunSnapshot(CliOutput output, string recordsPath, string divisionText, string periodText, CubeDimension by, string outPath)
    {
        if (DivisionCode.GetParseError(divisionText, out var division) is { } divisionError)
        {
            throw new CliProblem($"--division：'{divisionText}'不是有效的区划代码。", $"--division: '{divisionText}' {divisionError}.");
        }
        if (!ReportingPeriod.TryParse(periodText, out var period))
        {
            throw new CliProblem($"--period：'{periodText}'不是期间（2023、2023-Q1或2023-03）。", $"--period: '{periodText}' is not a period (2023, 2023-Q1 or 2023-03).");
        }
        var options = new RecordImportOptions { KeepIds = true };
        ImportResult import;
        using (var stream = SocialWorkCli.OpenInput(recordsPath, "records"))
        {
            import = recordsPath.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)
                ? new ExcelRecordImporter(options).Import(stream, Path.GetFileName(recordsPath))
                : new CsvRecordImporter(options).Import(stream, Path.GetFileName(recordsPath));
        }
        if (import.Batch.Count > 0 && !import.Batch.HasIds)
        {
            throw new CliProblem("快照须列出所计记录的编号：记录文件须有id列。", "a snapshot names the records it counts: the records file needs an id column.");
        }
        var snapshot = ReportSnapshot.Make(import.Batch, division, period, by, SystemClock.Instance.GetCurrentInstant(), withdrawn: null);
        SocialWorkCli.WriteAtomically(outPath, stream => stream.Write(Encoding.UTF8.GetBytes(ReportSnapshotJson.Serialize(snapshot))));
        output.Line(output.T(
            $"已写入{division}的{period}报表快照（{snapshot.Records}条记录）到{outPath}：{snapshot.Id}",
            $"wrote the snapshot of {division} {period} ({snapshot.Records} records) to {outPath}: {snapshot.Id}"));
        return SocialWorkCli.Success;
    }

    internal static int RunDiff(CliOutput output, string olderPath, string newerPath, string format)
    {
        var older = Load(olderPath);
        var newer = Load(newerPath);
        if (older.Division != newer.Division || older.Period != newer.Period || older.By != newer.By)
        {
            throw new CliProblem(
                $"两个快照不是同一报表：{older.Division} {older.Period}与{newer.Division} {newer.Period}。",
                $"the snapshots are not of the same report: {older.Division} {older.Period} and {newer.Division} {newer.Period}.");
        }
        var diff = ReportDiff.Between(older, newer);
        switch (format)
        {
            case "json":
                output.Line(ReportDiffJson.Serialize(diff));
                break;
            case "csv":
                WriteCsv(output.Output, diff);
                break;
            default:
                WriteTable(output, older, newer, diff);
                break;
        }
        return SocialWorkCli.Success;
    }

    private static ReportSnapshot Load(string path)
    {
        using var stream = SocialWorkCli.OpenInput(path, "snapshot");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        try
        {
            return ReportSnapshotJson.Parse(reader.ReadToEnd());
        }
        catch (JsonException ex)
        {
            throw new CliProblem($"{Path.GetFileName(path)}不是有效的快照：{ex.Message}", $"{Path.GetFileName(path)} is not a valid snapshot: {ex.Message}", ex);
        }
    }

    /// <summary>CSV: <c>change,division,period,key,indicator,old,new,id</c> — a row per changed value (<c>cell</c>) and per record added or withdrawn.</summary>
    private static void WriteCsv(TextWriter writer, ReportDiff diff)
    {
        writer.Write("change,division,period,key,indicator,old,new,id\n");
        foreach (var c in diff.Cells)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"cell,{c.Division},{c.Period},{CsvText.Field(c.Key)},{c.Indicator},{c.Old},{c.New},\n"));
        }
        foreach (var id in diff.RecordsAdded)
        {
            writer.Write($"added,,,,,,,{CsvText.Field(id)}\n");
        }
        foreach (var id in diff.RecordsWithdrawn)
        {
            writer.Write($"withdrawn,,,,,,,{CsvText.Field(id)}\n");
        }
        writer.Flush();
    }

    private static void WriteTable(CliOutput output, ReportSnapshot older, ReportSnapshot newer, ReportDiff diff)
    {
        output.Render(new Rule(output.T($"{older.Division} {older.Period} 快照比对", $"{older.Division} {older.Period}: snapshots compared")).LeftJustified());
        if (diff.IsEmpty)
        {
            output.Line(output.T("两个快照相同。", "The snapshots are the same."));
            return;
        }
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn(output.T("区划", "Division"));
        table.AddColumn(output.T("期间", "Period"));
        table.AddColumn(output.T("分组", "Key"));
        table.AddColumn(output.T("指标", "Indicator"));
        table.AddColumn(new TableColumn(output.T("原值", "Old")).RightAligned());
        table.AddColumn(new TableColumn(output.T("新值", "New")).RightAligned());
        var labels = new ReportLabels(output.Culture);
        foreach (var c in diff.Cells)
        {
            table.AddRow(
                c.Division.ToString("S", null), c.Period.ToString(), Markup.Escape(c.Key), Markup.Escape(labels.Column(c.Indicator)),
                c.Old?.ToString(CultureInfo.InvariantCulture) ?? "—", c.New?.ToString(CultureInfo.InvariantCulture) ?? "—");
        }
        output.Render(table);
        output.Line(output.T($"新增记录{diff.RecordsAdded.Count}条：{string.Join("、", diff.RecordsAdded.Take(12))}", $"{diff.RecordsAdded.Count} records added: {string.Join(", ", diff.RecordsAdded.Take(12))}"));
        output.Line(output.T($"移出或作废记录{diff.RecordsWithdrawn.Count}条：{string.Join("、", diff.RecordsWithdrawn.Take(12))}", $"{diff.RecordsWithdrawn.Count} records withdrawn or moved out: {string.Join(", ", diff.RecordsWithdrawn.Take(12))}"));
        output.Line(output.T($"原快照{older.Records}条记录，新快照{newer.Records}条记录（快照编号见JSON）。", $"older {older.Id[..12]} ({older.Records} records), newer {newer.Id[..12]} ({newer.Records} records)."));
    }
}
