using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using MiniExcelLibs;
using SocialWork.Reporting;
using SocialWork.Reporting.Excel;

namespace SocialWork.Benchmarks;

/// <summary>
/// How <c>SocialWork.Reporting.Excel</c> writes and reads workbooks, chosen by measurement: the Open XML SDK's SAX-style
/// <see cref="OpenXmlWriter"/>/<see cref="OpenXmlReader"/>, MiniExcel, and our own writer
/// (<see cref="ExcelRecordWriter"/>: SpreadsheetML streamed into a zip) and importer (<see cref="ExcelRecordImporter"/>:
/// the SDK's reader plus every import check), on a sheet of records in the CSV contract's twelve columns.
/// <c>-- excel-memory openxml|miniexcel|ours write|read N FILE</c> runs one side in its own process and prints its peak
/// working set, to see whether memory stays flat as rows grow.
/// </summary>
[MemoryDiagnoser]
public class ExcelLibraryChoice
{
    private static readonly string[] Header = ["id", "date", "division", "item", "method", "person_times", "households", "amount", "target_group", "parties", "programme", "person"];

    private string? openXmlFile;
    private string? miniExcelFile;
    private string? ourFile;
    private string? outputFile;
    private RecordBatch? batch;

    [Params(100_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        openXmlFile = Path.Combine(Path.GetTempPath(), $"excel-choice-openxml-{N}.xlsx");
        miniExcelFile = Path.Combine(Path.GetTempPath(), $"excel-choice-miniexcel-{N}.xlsx");
        using (var stream = File.Create(openXmlFile))
        {
            WriteOpenXml(stream, N);
        }
        using (var stream = File.Create(miniExcelFile))
        {
            WriteMiniExcel(stream, N);
        }
        batch = Batch(N);
        ourFile = Path.Combine(Path.GetTempPath(), $"excel-choice-ours-{N}.xlsx");
        using (var stream = File.Create(ourFile))
        {
            ExcelRecordWriter.Write(batch, stream);
        }
        outputFile = Path.Combine(Path.GetTempPath(), $"excel-choice-output-{N}.xlsx");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        File.Delete(openXmlFile!);
        File.Delete(miniExcelFile!);
        File.Delete(ourFile!);
        File.Delete(outputFile!);
    }

    [Benchmark(Baseline = true)]
    public long OpenXmlWrite()
    {
        using var stream = File.Create(outputFile!);
        WriteOpenXml(stream, N);
        return stream.Length;
    }

    [Benchmark]
    public long MiniExcelWrite()
    {
        using var stream = File.Create(outputFile!);
        WriteMiniExcel(stream, N);
        return stream.Length;
    }

    [Benchmark]
    public long OurWrite()
    {
        using var stream = File.Create(outputFile!);
        ExcelRecordWriter.Write(batch!, stream);
        return stream.Length;
    }

    [Benchmark]
    public long OpenXmlRead()
    {
        using var stream = File.OpenRead(openXmlFile!);
        return ReadOpenXml(stream);
    }

    [Benchmark]
    public long MiniExcelRead()
    {
        using var stream = File.OpenRead(miniExcelFile!);
        return ReadMiniExcel(stream);
    }

    /// <summary>Reading and checking every record (the SDK's reader under our importer), over our own file.</summary>
    [Benchmark]
    public long OurImport() => new ExcelRecordImporter().ImportFile(ourFile!).Accepted;

    /// <summary>The records of <see cref="Value"/> as a batch, for our writer.</summary>
    internal static RecordBatch Batch(int n)
    {
        var builder = new RecordBatchBuilder(n);
        for (var i = 0; i < n; i++)
        {
            builder.Append(
                DivisionCode.Parse(Value(i, 2)), NodaTime.LocalDate.FromDateTime(DateTime.Parse(Value(i, 1), System.Globalization.CultureInfo.InvariantCulture)), ServiceCode.Parse(Value(i, 3)),
                ServiceMethod.Visit, 3, 1, Money.FromFen(1250), i % 3 == 0 ? TargetGroup.Elderly : null, programmeId: i % 5 == 0 ? "bee" : null, id: Value(i, 0));
        }
        return builder.Build();
    }

    /// <summary>The text of record <paramref name="i"/>'s column <paramref name="c"/>.</summary>
    private static string Value(int i, int c) => c switch
    {
        0 => $"G1-{i + 1}",
        1 => $"2023-{(i % 12) + 1:D2}-{(i % 28) + 1:D2}",
        2 => $"1306020{(i % 9) + 1:D2}{(i % 40) + 1:D3}",
        3 => "EL.01",
        4 => "visit",
        5 => "3",
        6 => "1",
        7 => "12.50",
        8 => i % 3 == 0 ? "elderly" : string.Empty,
        9 => string.Empty,
        10 => i % 5 == 0 ? "bee" : string.Empty,
        _ => string.Empty,
    };

    internal static void WriteOpenXml(Stream stream, int n)
    {
        // The SDK cannot write into a write-only package (System.IO.Packaging's streaming mode): its package holds each
        // part in memory until it closes.
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        var sheet = workbook.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(sheet))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            WriteRow(writer, Header);
            var values = new string[Header.Length];
            for (var i = 0; i < n; i++)
            {
                for (var c = 0; c < values.Length; c++)
                {
                    values[c] = Value(i, c);
                }
                WriteRow(writer, values);
            }
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        using (var writer = OpenXmlWriter.Create(workbook))
        {
            writer.WriteStartElement(new Workbook());
            writer.WriteStartElement(new Sheets());
            writer.WriteElement(new Sheet { Name = "records", SheetId = 1, Id = workbook.GetIdOfPart(sheet) });
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        static void WriteRow(OpenXmlWriter writer, string[] values)
        {
            writer.WriteStartElement(new Row());
            foreach (var value in values)
            {
                writer.WriteStartElement(new Cell(), [new OpenXmlAttribute("t", string.Empty, "inlineStr")]);
                writer.WriteStartElement(new InlineString());
                writer.WriteElement(new Text(value));
                writer.WriteEndElement();
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
        }
    }

    internal static void WriteMiniExcel(Stream stream, int n)
    {
        stream.SaveAs(Rows(n));

        static IEnumerable<Dictionary<string, object>> Rows(int n)
        {
            for (var i = 0; i < n; i++)
            {
                var row = new Dictionary<string, object>(Header.Length);
                for (var c = 0; c < Header.Length; c++)
                {
                    row[Header[c]] = Value(i, c);
                }
                yield return row;
            }
        }
    }

    internal static long ReadOpenXml(Stream stream)
    {
        using var document = SpreadsheetDocument.Open(stream, false);
        var sheet = document.WorkbookPart!.WorksheetParts.First();
        using var reader = OpenXmlReader.Create(sheet);
        var length = 0L;
        while (reader.Read())
        {
            if (reader.ElementType == typeof(Text) || reader.ElementType == typeof(CellValue))
            {
                length += reader.GetText().Length;
            }
        }
        return length;
    }

    internal static long ReadMiniExcel(Stream stream)
    {
        var length = 0L;
        foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: true))
        {
            foreach (var value in row.Values)
            {
                length += value?.ToString()?.Length ?? 0;
            }
        }
        return length;
    }

    /// <summary><c>excel-memory openxml|miniexcel|ours write|read N FILE</c>: one side in this process, its peak working set printed.</summary>
    public static int RunMemory(string[] args)
    {
        if (args is not [var library, var side, var count, var file])
        {
            Console.Error.WriteLine("usage: excel-memory openxml|miniexcel|ours write|read N FILE");
            return 1;
        }
        var n = int.Parse(count, System.Globalization.CultureInfo.InvariantCulture);
        var clock = Stopwatch.StartNew();
        var held = string.Empty;
        long result;
        if (side == "write")
        {
            using var stream = File.Create(file);
            switch (library)
            {
                case "openxml":
                    WriteOpenXml(stream, n);
                    break;
                case "miniexcel":
                    WriteMiniExcel(stream, n);
                    break;
                default:
                    var records = Batch(n);
                    GC.Collect();
                    held = $", the records alone {GC.GetTotalMemory(forceFullCollection: true) / (1024 * 1024)} MB";
                    clock.Restart();
                    ExcelRecordWriter.Write(records, stream);
                    break;
            }
            result = stream.Length;
        }
        else
        {
            using var stream = File.OpenRead(file);
            result = library switch
            {
                "openxml" => ReadOpenXml(stream),
                "miniexcel" => ReadMiniExcel(stream),
                _ => new ExcelRecordImporter().Import(stream, file).Accepted,
            };
        }
        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"{library} {side} {n:N0} rows: {clock.Elapsed.TotalSeconds:F2} s, peak working set {process.PeakWorkingSet64 / (1024 * 1024)} MB{held} ({result:N0})");
        return 0;
    }
}
