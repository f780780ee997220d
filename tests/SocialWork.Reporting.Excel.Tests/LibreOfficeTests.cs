using System.Diagnostics;
using System.Globalization;

namespace SocialWork.Reporting.Excel.Tests;

/// <summary>
/// Our workbooks held to a real spreadsheet program: LibreOffice Calc, headless (<c>soffice</c>, which <c>.ci/run</c>
/// installs). It saves the 兴安盟 records CSV as a workbook the way a person would — dates as dates, codes and counts as
/// numbers, text in shared strings — and opens our report workbook. Skipped where LibreOffice is missing, except under
/// <c>CI=true</c>, where that is a failure.
/// </summary>
public sealed class LibreOfficeTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("socialwork-libreoffice-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void Records_saved_as_a_workbook_by_libreoffice_give_the_same_report_as_the_csv()
    {
        var csv = Path.Combine(dir, "records.csv");
        File.Copy(Path.Combine(ExcelTests.SampleData, "records.csv"), csv);
        var xlsx = Convert(csv, "xlsx");

        var fromCsv = new CsvRecordImporter().ImportFile(csv);
        var fromXlsx = new ExcelRecordImporter().ImportFile(xlsx);

        Assert.Equal((fromCsv.Read, fromCsv.Accepted), (fromXlsx.Read, fromXlsx.Accepted));
        ExcelTests.AssertSameReports(fromCsv.Batch, fromXlsx.Batch);
    }

    [Fact]
    public void Libreoffice_opens_our_report_workbook_and_shows_the_totals_in_their_cells_with_our_number_formats()
    {
        var import = new CsvRecordImporter().ImportFile(Path.Combine(ExcelTests.SampleData, "records.csv"));
        var report = ReportDocument.From(Cube.Build(import.Batch, new CubeQuery(DivisionLevel.Prefecture, PeriodKind.Year, CubeDimension.Domain)));
        var xlsx = Path.Combine(dir, "report.xlsx");
        ExcelReportWriter.WriteFile(report, xlsx, new ReportLabels(CultureInfo.InvariantCulture));

        var lines = File.ReadAllLines(Convert(xlsx, "csv"));

        var header = lines[0].Split(',');
        var total = lines.Single(line => line.Contains(",Total,", StringComparison.Ordinal)).Split(',');
        Assert.Equal("1493", total[Array.IndexOf(header, "Households")]);
        Assert.Equal(17000m, decimal.Parse(total[Array.IndexOf(header, "Resources (yuan)")], CultureInfo.InvariantCulture));
        var shown = File.ReadAllText(Convert(xlsx, "html"));   // as shown: our number formats applied
        Assert.Contains("1,493", shown, StringComparison.Ordinal);
        Assert.Contains("17,000.00", shown, StringComparison.Ordinal);
    }

    /// <summary>Converts a file with LibreOffice into <paramref name="format"/> beside it; returns the new file.</summary>
    private string Convert(string file, string format)
    {
        var soffice = new[] { "/usr/bin/soffice", "/usr/local/bin/soffice" }.FirstOrDefault(File.Exists);
        if (soffice is null)
        {
            Assert.True(Environment.GetEnvironmentVariable("CI") != "true", "LibreOffice (soffice) is missing; .ci/run installs libreoffice-calc-nogui.");
            Assert.Skip("LibreOffice (soffice) is not installed.");
        }
        var output = Path.Combine(dir, "out");
        var start = new ProcessStartInfo(soffice, ["-env:UserInstallation=file://" + Path.Combine(dir, "profile"), "--headless", "--convert-to", format, "--outdir", output, file])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(120_000), "LibreOffice did not finish within two minutes.");
        var converted = Path.Combine(output, Path.ChangeExtension(Path.GetFileName(file), format));
        Assert.True(File.Exists(converted), $"LibreOffice wrote no {format}: {error.Result}");
        return converted;
    }
}
