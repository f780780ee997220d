using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using nietras.SeparatedValues;
using NodaTime;
using SocialWork.Reporting;
using SocialWork.Reporting.Excel;
using Spectre.Console;

namespace SocialWork.Samples.Cli;

/// <summary><c>socialwork report</c>: indicators from a records CSV, by division level, period and dimension.</summary>
internal static class ReportCommand
{
    internal static Command Create(Func<ParseResult, CliOutput> output, CliText t)
    {
        var records = SocialWorkCli.FileOption("--records", t.T("服务记录：CSV文件（id,date,division,item,method,person_times,households,amount[,facility,target_group,parties,programme]）、Excel工作簿（.xlsx：首个工作表，表头相同）、Parquet文件或socialwork convert写出的数据集目录。", "Records: a CSV file (id,date,division,item,method,person_times,households,amount[,facility,target_group,parties,programme]), an Excel workbook (.xlsx: its first sheet, the same header), a Parquet file or a dataset folder written by 'socialwork convert'."));
        var divisions = SocialWorkCli.FileOption("--divisions", t.T("区划CSV（code,name），提供名称；不提供时只按代码推出层级。", "Divisions CSV (code,name) for names; without it the hierarchy comes from the codes alone."), required: false);
        var level = new Option<string>("--level") { Description = t.T("各行的区划层级。", "Division level of the rows."), DefaultValueFactory = _ => "township" };
        level.AcceptOnlyFromAmong("province", "prefecture", "county", "township", "village");
        var period = new Option<string>("--period") { Description = t.T("各行的统计期间。", "Period of the rows."), DefaultValueFactory = _ => "quarter" };
        period.AcceptOnlyFromAmong("month", "quarter", "year");
        var by = new Option<string>("--by") { Description = t.T("各行的第三个维度。", "Third dimension of the rows."), DefaultValueFactory = _ => "none" };
        by.AcceptOnlyFromAmong("none", "domain", "method", "item", "targetGroup", "programme", "serviceType", "party");
        var from = SocialWorkCli.DateOption("--from", t.T("纳入记录的起始日期。", "First day of records to include."), required: false, t);
        var to = SocialWorkCli.DateOption("--to", t.T("纳入记录的截止日期。", "Last day of records to include."), required: false, t);
        var format = new Option<string>("--format") { Description = t.T("输出格式：table、json、csv或xlsx（Excel工作簿，须用--out）。", "Output format: table, json, csv, or xlsx (an Excel workbook: needs --out)."), DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "csv", "xlsx");
        var skipInvalid = new Option<bool>("--skip-invalid") { Description = t.T("保留有效行、跳过无效行（默认：任一无效行即以退出码2失败）。", "Keep the valid rows and skip invalid ones (default: any invalid row fails the report with exit code 2).") };
        var rejects = SocialWorkCli.FileOption("--rejects", t.T("与--skip-invalid同用：把被拒绝的行写入此CSV文件（file,line,column,reason,raw）。", "With --skip-invalid: write the rejected rows here as CSV (file,line,column,reason,raw)."), required: false);
        var outFile = SocialWorkCli.FileOption("--out", t.T("把报表写入此文件而非标准输出（仅在成功时写入）。", "Write the report to this file instead of standard output (written only on success)."), required: false);
        var csvHeaders = new Option<string>("--csv-headers") { Description = t.T("与--format csv同用：表头用约定的列标识（ids，默认，供程序读取）或--lang语言的列名（labels，供人阅读）。", "With --format csv: the header row holds the contract's column ids (ids, the default, for programs) or the columns' labels in the --lang language (labels, for people)."), DefaultValueFactory = _ => "ids" };
        csvHeaders.AcceptOnlyFromAmong("ids", "labels");
        var timings = new Option<bool>("--timings") { Description = t.T("在标准错误输出导入和汇总的耗时。", "Print how long import and aggregation took to standard error.") };
        var suppressBelow = new Option<int>("--suppress-below") { Description = t.T("发布用的小数抑制：隐藏服务人数（记录都未记服务对象时按记录数）为1到K-1的行，并隐藏为防止由合计反推所需的最小其他行；表中显示为*并加脚注，JSON中为null并带\"suppressed\": true。0（默认）不隐藏。", "Small-cell suppression for publishing: hide rows with 1 to K-1 people (or records, when no record names a person), and the smallest others needed so that none can be worked out from the total; shown as * with a footnote, JSON null with \"suppressed\": true. 0 (the default) hides nothing."), HelpName = "K" };
        suppressBelow.Validators.Add(result =>
        {
            if (SocialWorkCli.NumberGiven(result) < 0)
            {
                result.AddError(t.T("--suppress-below须为0（不抑制）或正的人数。", "--suppress-below must be 0 (off) or a positive number of people."));
            }
        });
        var command = new Command("report", t.T("由服务记录生成指标报表（记录数、服务人次、户数、链接资源金额、各服务方式记录数）。", "Indicator report (records, person-times, households, amount, records per method) from a records CSV."))
        {
            records, divisions, level, period, by, from, to, format, csvHeaders, skipInvalid, rejects, outFile, timings, suppressBelow,
        };
        SocialWorkCli.RejectsNeedSkipInvalid(command, rejects, skipInvalid, t);
        command.SetAction(parse => SocialWorkCli.Guarded(output(parse), o => Run(o, new Arguments(
            parse.GetValue(records)!,
            parse.GetValue(divisions),
            Enum.Parse<DivisionLevel>(parse.GetValue(level)!, ignoreCase: true),
            Enum.Parse<PeriodKind>(parse.GetValue(period)!, ignoreCase: true),
            Enum.Parse<CubeDimension>(parse.GetValue(by)!, ignoreCase: true),
            parse.GetResult(from) is null ? null : parse.GetValue(from),
            parse.GetResult(to) is null ? null : parse.GetValue(to),
            parse.GetValue(format)!,
            parse.GetValue(csvHeaders) == "labels" ? ReportCsvHeaders.Labels : ReportCsvHeaders.Ids,
            parse.GetValue(skipInvalid),
            parse.GetValue(rejects),
            parse.GetValue(outFile),
            parse.GetValue(timings),
            new ReportOptions { SuppressBelow = parse.GetValue(suppressBelow) }))));
        return command;
    }

    internal sealed record Arguments(string Records, string? Divisions, DivisionLevel Level, PeriodKind Period, CubeDimension By, LocalDate? From, LocalDate? To, string Format, ReportCsvHeaders CsvHeaders, bool SkipInvalid, string? Rejects, string? Out, bool Timings, ReportOptions Publish);

    internal static int Run(CliOutput output, Arguments a)
    {
        var directory = a.Divisions is null ? null : LoadDivisions(a.Divisions);
        // The sample knows the demo district's catalog and programmes: they name keys, give item types, roll sub-plans up.
        var catalog = DemoData.LoadCatalog();
        var programmes = DemoData.Create().Programmes;
        var query = new CubeQuery(a.Level, a.Period, a.By) { From = a.From, To = a.To, Catalog = catalog, Programmes = programmes };
        if (StoredRecords.IsParquet(a.Records))
        {
            var watch = Stopwatch.StartNew();
            var (stored, count) = StoredRecords.Query(a.Records, query);
            if (a.Timings)
            {
                output.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"timings: query {watch.Elapsed.TotalSeconds:F3} s ({count} records)"));
            }
            Write(output, a, ReportDocument.From(stored, new ReportInput(checked((int)count), checked((int)count), 0), directory, a.Publish), new ReportLabels(output.Culture, catalog, directory, programmes));
            return SocialWorkCli.Success;
        }
        var clock = Stopwatch.StartNew();
        var (cube, import) = ImportCube(output, a, query);
        var importTime = clock.Elapsed;
        clock.Restart();
        var document = ReportDocument.From(cube, new ReportInput(import.Read, import.Accepted, import.Rejected.Count), directory, a.Publish);
        if (a.Timings)
        {
            output.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"timings: import and aggregate {importTime.TotalSeconds:F3} s ({import.Read} rows), document {clock.Elapsed.TotalSeconds:F3} s"));
        }
        var labels = new ReportLabels(output.Culture, catalog, directory, programmes);
        if (a.Rejects is not null)
        {
            SocialWorkCli.WriteAtomically(a.Rejects, stream => WriteRejects(stream, import.Rejected, output.Culture));
        }
        else if (import.Rejected.Count > 0)
        {
            output.Error.WriteLine(output.T($"已跳过{import.Rejected.Count}行无效记录：", $"skipped {import.Rejected.Count} invalid rows:"));
            foreach (var row in import.Rejected.Take(10))
            {
                output.Error.WriteLine($"  {row.Describe(output.Culture)}");
            }
        }
        Write(output, a, document, labels);
        return SocialWorkCli.Success;
    }

    /// <summary>
    /// Builds the cube of a records CSV without holding its records (<see cref="CsvRecordImporter.ImportCube"/>), with a
    /// progress bar on a terminal for a large file; or of an Excel workbook's first sheet (<c>.xlsx</c>).
    /// </summary>
    private static CubeImportResult ImportCube(CliOutput output, Arguments a, CubeQuery query)
    {
        var options = new RecordImportOptions { Mode = a.SkipInvalid ? ImportMode.Lenient : ImportMode.Strict, KeepIds = false };
        if (a.Records.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            using var stream = SocialWorkCli.OpenInput(a.Records, "records");
            var import = new ExcelRecordImporter(options).Import(stream, Path.GetFileName(a.Records));
            return new CubeImportResult(Cube.Build(import.Batch, query), new RecordImportSummary(import.Read, import.Rejected));
        }
        return WithProgress(output, a.Records, options, (importer, o) => importer.ImportCube(a.Records, query, o));
    }

    /// <summary>Imports a records CSV, with a progress bar on a terminal for a large file.</summary>
    internal static ImportResult Import(CliOutput output, string path, RecordImportOptions options)
        => WithProgress(output, path, options, (importer, o) => importer.ImportFile(path, o));

    /// <summary>Runs an import, with a progress bar on a terminal when the file is large.</summary>
    internal static T WithProgress<T>(CliOutput output, string path, RecordImportOptions options, Func<CsvRecordImporter, RecordImportOptions, T> import)
    {
        long length;
        using (var stream = SocialWorkCli.OpenInput(path, "records"))
        {
            length = stream.Length;
        }
        var importer = new CsvRecordImporter();
        var interactive = ReferenceEquals(output.Error, Console.Error) && !Console.IsErrorRedirected;
        if (!interactive || length < 40_000_000)
        {
            return import(importer, options);
        }

        // A large file is read in slices on all cores, so progress counts rows against an estimate from the first lines.
        var rows = EstimateRows(path, length);
        T result = default!;
        CliOutput.Console(Console.Error).Progress().Start(context =>
        {
            var task = context.AddTask(output.T("导入记录", "Importing records"), maxValue: rows);
            result = import(importer, options with { Progress = read => task.Value = Math.Min(read, rows) });
            task.Value = rows;
        });
        return result;
    }

    private static long EstimateRows(string path, long length)
    {
        Span<byte> start = stackalloc byte[65_536];
        using var stream = File.OpenRead(path);
        var read = stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        return Math.Max(1, length * Math.Max(1, start[..read].Count((byte)'\n')) / Math.Max(1, read));
    }

    private static void Write(CliOutput output, Arguments a, ReportDocument document, ReportLabels labels)
    {
        // A workbook is a zip: it goes to a file, never to a terminal.
        if (a.Format == "xlsx")
        {
            if (a.Out is null)
            {
                throw new CliProblem("--format xlsx 写出Excel工作簿：请用--out指定文件（如report.xlsx）。", "--format xlsx writes an Excel workbook: name the file with --out (report.xlsx, for example).");
            }
            if (document.Rows.Count > ExcelReportWriter.MaxSheetRows - 2)
            {
                throw new CliProblem(
                    $"报表有{document.Rows.Count}行，超过Excel工作表的{ExcelReportWriter.MaxSheetRows - 2}行：请选更粗的层级、期间或维度，或用--format csv。",
                    $"the report has {document.Rows.Count} rows, more than an Excel sheet's {ExcelReportWriter.MaxSheetRows - 2}: choose a coarser level, period or dimension, or --format csv.");
            }
            SocialWorkCli.WriteAtomically(a.Out, stream => ExcelReportWriter.Write(document, stream, labels));
            return;
        }
        // JSON goes to the file or the terminal's stream as it is written, never built up as one string first.
        if (a.Format == "json" && (a.Out is not null || ReferenceEquals(output.Output, System.Console.Out)))
        {
            void Json(Stream stream)
            {
                ReportWriter.WriteJson(document, stream);
                stream.Write("\n"u8);
                stream.Flush();
            }
            if (a.Out is not null)
            {
                SocialWorkCli.WriteAtomically(a.Out, Json);
            }
            else
            {
                System.Console.Out.Flush();
                using var stdout = System.Console.OpenStandardOutput();
                Json(stdout);
            }
            return;
        }
        if (a.Out is not null)
        {
            SocialWorkCli.WriteAtomically(a.Out, stream =>
            {
                using var writer = new StreamWriter(stream, new UTF8Encoding(false));
                WriteTo(output.With(writer), a, document, labels);
            });
        }
        else
        {
            WriteTo(output, a, document, labels);
        }
    }

    private static void WriteTo(CliOutput output, Arguments a, ReportDocument document, ReportLabels labels)
    {
        switch (a.Format)
        {
            case "json":
                output.Output.Write(ReportWriter.ToJson(document));
                output.Output.WriteLine();
                break;
            case "csv":
                ReportWriter.WriteCsv(document, output.Output, labels, a.CsvHeaders);
                break;
            default:
                Tables.Report(output, document, labels);
                break;
        }
        output.Output.Flush();
    }

    internal static void WriteRejects(Stream stream, IReadOnlyList<RejectedRow> rejected, CultureInfo culture)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false));
        ReportWriter.WriteRejectedCsv(rejected, writer, culture);
    }

    /// <summary>Reads a divisions CSV (<c>code,name</c>); every bad row is named by file and line.</summary>
    internal static DivisionDirectory LoadDivisions(string path)
    {
        using var stream = SocialWorkCli.OpenInput(path, "divisions");
        var name = Path.GetFileName(path);
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true, DisableColCountCheck = true }).From(stream);
        if (!reader.Header.TryIndexOf("code", out var codeColumn) || !reader.Header.TryIndexOf("name", out var nameColumn))
        {
            throw new CliProblem($"{name}：第1行：表头必须包含code,name两列。", $"{name}: line 1: the header must have the columns code,name.");
        }
        var divisions = new List<Division>();
        foreach (var row in reader)
        {
            if (row.ColCount <= Math.Max(codeColumn, nameColumn))
            {
                throw new CliProblem($"{name}：第{row.LineNumberFrom}行：该行有{row.ColCount}列，应为code,name两列。", $"{name}: line {row.LineNumberFrom}: the row has {row.ColCount} columns; expected code,name.");
            }
            var code = row[codeColumn].Span;
            if (DivisionCode.GetParseError(code, out var parsed) is { } error)
            {
                throw new CliProblem($"{name}：第{row.LineNumberFrom}行：code：'{code}'不是有效的区划代码（应为6、9或12位数字）。", $"{name}: line {row.LineNumberFrom}: column 'code': division code '{code}' {error}.");
            }
            var text = row[nameColumn].ToString();
            if (string.IsNullOrWhiteSpace(text))
            {
                throw new CliProblem($"{name}：第{row.LineNumberFrom}行：name：为空。", $"{name}: line {row.LineNumberFrom}: column 'name': is empty.");
            }
            divisions.Add(new Division(parsed, text));
        }
        var unique = divisions.GroupBy(d => d.Code).Select(g => g.First()).ToList();
        if (unique.Count < divisions.Count)
        {
            var duplicate = divisions.GroupBy(d => d.Code).First(g => g.Count() > 1).Key;
            throw new CliProblem($"{name}：code：区划代码{duplicate}出现不止一次。", $"{name}: column 'code': division code {duplicate} appears more than once.");
        }
        return new DivisionDirectory(Complete(unique), 2023);
    }

    /// <summary>Names are for display only, so missing ancestors are filled with their codes rather than rejected.</summary>
    private static List<Division> Complete(List<Division> divisions)
    {
        var codes = divisions.Select(d => d.Code).ToHashSet();
        var top = divisions.Count == 0 ? DivisionLevel.Province : divisions.Min(d => d.Level);
        var added = new List<Division>();
        foreach (var division in divisions)
        {
            for (var c = division.Code; c.Level > top && c.HasParent;)
            {
                c = c.Parent;
                if (codes.Add(c))
                {
                    added.Add(new Division(c, c.ToString()));
                }
            }
        }
        return [.. divisions, .. added];
    }
}
