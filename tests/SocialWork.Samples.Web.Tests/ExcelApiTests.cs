using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SocialWork.Reporting;
using SocialWork.Reporting.Excel;

namespace SocialWork.Samples.Web.Tests;

/// <summary>Workbooks through the API: <c>POST /api/records</c> takes one, <c>GET /api/report?format=xlsx</c> gives one.</summary>
public sealed class ExcelApiTests
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [Fact]
    public async Task A_workbook_posted_is_stored_like_its_csv_and_posting_it_again_stores_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await StoreHost.StartAsync("parquet", ct);
        using var http = host.Client();
        var csv = "id,date,division,item,method,person_times,households,amount\nX1,2023-06-01,130602005014,EL.01,visit,7,1,10.00\nX2,2023-06-02,130602006001,CH.01,group,13,0,0\n";
        var workbook = new MemoryStream();
        ExcelRecordWriter.Write(new CsvRecordImporter().Import(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "x.csv").Batch, workbook);

        var first = await Post(http, workbook.ToArray(), ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var summary = JsonDocument.Parse(await first.Content.ReadAsStringAsync(ct)).RootElement;
        Assert.Equal((2, 2), (summary.GetProperty("read").GetInt32(), summary.GetProperty("accepted").GetInt32()));

        var again = await Post(http, workbook.ToArray(), ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("[upload.xlsx]records", await again.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_downloads_as_a_workbook_with_the_json_reports_total()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await StoreHost.StartAsync("parquet", ct);
        using var http = host.Client();
        var json = JsonDocument.Parse(await http.GetStringAsync("/api/report?level=county&period=year", ct)).RootElement;

        var response = await http.GetAsync("/api/report?level=county&period=year&format=xlsx&lang=zh", ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(XlsxType, response.Content.Headers.ContentType?.MediaType);
        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync(ct)), false);
        var book = document.WorkbookPart!;
        var sheet = book.Workbook!.Sheets!.Elements<Sheet>().First();
        Assert.Equal("报表", sheet.Name!.Value);
        var rows = ((WorksheetPart)book.GetPartById(sheet.Id!)).Worksheet!.Descendants<Row>().ToList();
        var total = rows.Single(row => row.Elements<Cell>().Any(cell => cell.InnerText == "合计"));
        var personTimes = total.Elements<Cell>().ElementAt(6).CellValue!.Text;
        Assert.Equal(json.GetProperty("total").GetProperty("personTimes").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), personTimes);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync("/api/report?format=pdf", ct)).StatusCode);
    }

    private static Task<HttpResponseMessage> Post(HttpClient http, byte[] workbook, CancellationToken ct)
    {
        var content = new ByteArrayContent(workbook);
        content.Headers.ContentType = new MediaTypeHeaderValue(XlsxType);
        return http.PostAsync("/api/records?mode=strict", content, ct);
    }
}
