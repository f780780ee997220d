using System.Text.Json;
using SocialWork.Reporting;
using SocialWork.Reporting.Excel;

namespace SocialWork.Samples.Console.Tests;

/// <summary><c>report --format xlsx --out</c> and <c>report --records x.xlsx</c>.</summary>
public sealed class ExcelCommandTests : CliTestBase
{
    private static string Xingan => Path.Combine(FindRoot(), "samples", "data", "xingan");

    [Fact]
    public void A_report_from_a_workbook_equals_the_report_from_the_same_records_as_csv()
    {
        var csv = Path.Combine(Xingan, "records.csv");
        var xlsx = Path.Combine(Dir, "records.xlsx");
        ExcelRecordWriter.WriteFile(new CsvRecordImporter().ImportFile(csv).Batch, xlsx);

        var fromCsv = Run("report", "--records", csv, "--level", "township", "--period", "month", "--by", "item", "--format", "json");
        var fromXlsx = Run("report", "--records", xlsx, "--level", "township", "--period", "month", "--by", "item", "--format", "json");

        Assert.True(fromXlsx.Code == 0, fromXlsx.Err);
        Assert.Equal(fromCsv.Out, fromXlsx.Out);
        Assert.Equal(1493, JsonDocument.Parse(fromXlsx.Out).RootElement.GetProperty("total").GetProperty("households").GetInt64());
    }

    [Fact]
    public void Format_xlsx_writes_a_workbook_that_reads_back_with_the_totals()
    {
        var out_ = Path.Combine(Dir, "report.xlsx");
        var (code, _, error) = Run("report", "--records", Path.Combine(Xingan, "records.csv"), "--level", "prefecture", "--period", "year", "--format", "xlsx", "--out", out_, "--lang", "zh");

        Assert.True(code == 0, error);
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(out_, false);
        var names = document.WorkbookPart!.Workbook!.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(["报表", "说明"], names);
    }

    [Fact]
    public void Format_xlsx_without_an_out_file_is_refused_and_writes_nothing_to_the_terminal()
    {
        var (code, output, error) = Run("--lang", "zh", "report", "--records", Path.Combine(Xingan, "records.csv"), "--format", "xlsx");

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains("--out", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_named_xlsx_that_is_not_a_workbook_is_exit_2_naming_it_without_a_stack_trace()
    {
        var text = File("not.xlsx", "id,date\n");

        var (code, _, error) = Run("report", "--records", text);

        Assert.Equal(2, code);
        Assert.Contains("not.xlsx", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    private static string FindRoot()
    {
        var root = AppContext.BaseDirectory;
        while (!System.IO.File.Exists(Path.Combine(root, "SocialWork.slnx")))
        {
            root = Path.GetDirectoryName(root)!;
        }
        return root;
    }
}
