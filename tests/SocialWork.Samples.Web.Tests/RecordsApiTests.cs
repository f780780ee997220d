using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace SocialWork.Samples.Web.Tests;

/// <summary><c>POST /api/records</c> and the reports over the store, on both stores.</summary>
public sealed class RecordsApiTests
{
    private const string Header = "id,date,division,item,method,person_times,households,amount\n";
    private const string TwoRecords = Header + "U1,2023-06-01,130602005014,EL.01,visit,7,1,10.00\nU2,2023-06-02,130602006001,CH.01,group,13,0,0\n";

    private static async Task<JsonElement> Json(HttpResponseMessage response)
        => JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;

    private static async Task<long> TotalPersonTimes(HttpClient http)
        => (await Json(await http.GetAsync("/api/report?level=county&period=year", TestContext.Current.CancellationToken))).GetProperty("total").GetProperty("personTimes").GetInt64();

    private static Task<HttpResponseMessage> Post(HttpClient http, string body, string mode = "strict", string type = "text/csv")
        => http.PostAsync($"/api/records?mode={mode}", new StringContent(body, Encoding.UTF8, type), TestContext.Current.CancellationToken);

    [Theory]
    [InlineData("parquet")]
    [InlineData("postgresql")]
    public async Task Posted_records_show_in_the_report_at_once_and_posting_them_again_changes_nothing(string kind)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await StoreHost.StartAsync(kind, ct);
        using var http = host.Client();
        var before = await TotalPersonTimes(http);

        var first = await Post(http, TwoRecords);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var summary = await Json(first);
        Assert.Equal((2, 2, 0), (summary.GetProperty("read").GetInt32(), summary.GetProperty("accepted").GetInt32(), summary.GetProperty("rejected").GetArrayLength()));
        Assert.Equal(before + 20, await TotalPersonTimes(http));

        var strict = await Post(http, TwoRecords);
        Assert.Equal(HttpStatusCode.Conflict, strict.StatusCode);
        var problem = await Json(strict);
        Assert.Contains("id U1 is already stored", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, problem.GetProperty("line").GetInt32());

        var lenient = await Json(await Post(http, TwoRecords, "lenient"));
        Assert.Equal(0, lenient.GetProperty("accepted").GetInt32());
        Assert.All(lenient.GetProperty("rejected").EnumerateArray(), r => Assert.EndsWith("is already stored", r.GetProperty("reason").GetString(), StringComparison.Ordinal));

        var json = await Post(http, """[{"id":"U1","date":"2023-06-01","division":"130602005014","item":"EL.01","method":"visit","personTimes":7,"households":1,"amount":"10.00"}]""", "lenient", "application/json");
        Assert.Equal(0, (await Json(json)).GetProperty("accepted").GetInt32());
        Assert.Equal(before + 20, await TotalPersonTimes(http));

        // The store outlives the process: a restart finds the upload and does not append the demo records again.
        await host.RestartAsync(ct);
        using var again = host.Client();
        Assert.Equal(before + 20, await TotalPersonTimes(again));
    }

    [Theory]
    [InlineData("parquet")]
    [InlineData("postgresql")]
    public async Task A_strict_upload_with_a_bad_row_stores_nothing_and_a_lenient_one_stores_the_rest(string kind)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await StoreHost.StartAsync(kind, ct);
        using var http = host.Client();
        var before = await TotalPersonTimes(http);
        var csv = TwoRecords + "U3,2023-13-01,130602005014,EL.01,visit,5,1,0\n";

        var strict = await Post(http, csv);
        Assert.Equal(HttpStatusCode.BadRequest, strict.StatusCode);
        Assert.Equal(4, (await Json(strict)).GetProperty("line").GetInt32());
        Assert.Equal(before, await TotalPersonTimes(http));

        var lenient = await Json(await Post(http, csv, "lenient"));
        Assert.Equal((3, 2), (lenient.GetProperty("read").GetInt32(), lenient.GetProperty("accepted").GetInt32()));
        var rejected = Assert.Single(lenient.GetProperty("rejected").EnumerateArray());
        Assert.Equal((4, "date"), (rejected.GetProperty("line").GetInt32(), rejected.GetProperty("column").GetString()));
        Assert.Equal(before + 20, await TotalPersonTimes(http));
    }

    [Fact]
    public async Task A_raw_resident_id_number_is_rejected_and_never_echoed()
    {
        const string RawId = "11010519491231002X";
        var ct = TestContext.Current.CancellationToken;
        await using var host = await StoreHost.StartAsync("parquet", ct);
        using var http = host.Client();
        var csv = Header.TrimEnd('\n') + ",person\nV1,2023-06-01,130602005014,EL.01,visit,7,1,0," + RawId + "\n";

        var strict = await Post(http, csv);
        var lenient = await Post(http, csv, "lenient");

        Assert.Equal(HttpStatusCode.BadRequest, strict.StatusCode);
        var strictBody = await strict.Content.ReadAsStringAsync(ct);
        var lenientBody = await lenient.Content.ReadAsStringAsync(ct);
        Assert.Contains("110105********002X", strictBody, StringComparison.Ordinal);
        Assert.Contains("pseudonymise it first", lenientBody, StringComparison.Ordinal);
        Assert.DoesNotContain(RawId, strictBody + lenientBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_suppresses_small_rows_on_request_and_refuses_a_bad_threshold()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await StoreHost.StartAsync("parquet", ct);
        using var http = host.Client();

        var plain = await Json(await http.GetAsync("/api/report?level=village&period=month", ct));
        var published = await Json(await http.GetAsync("/api/report?level=village&period=month&suppressBelow=3", ct));
        var bad = await http.GetAsync("/api/report?suppressBelow=many", ct);

        var suppressed = published.GetProperty("rows").EnumerateArray().Where(r => r.TryGetProperty("suppressed", out _)).ToList();
        Assert.NotEmpty(suppressed);
        Assert.All(suppressed, r => Assert.Equal(JsonValueKind.Null, r.GetProperty("personTimes").ValueKind));
        Assert.Equal(plain.GetProperty("total").GetProperty("personTimes").GetInt64(), published.GetProperty("total").GetProperty("personTimes").GetInt64());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await Json(bad)).GetProperty("errors").TryGetProperty("suppressBelow", out _));
    }

    [Fact]
    public async Task A_wrong_content_type_is_415_and_an_oversized_body_413()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await StoreHost.StartAsync("parquet", ct, "--SocialWork:UploadLimitBytes=1048576");
        using var http = host.Client();
        http.DefaultRequestHeaders.ExpectContinue = true;   // a refused body is not sent, so the refusal arrives whole

        var wrongType = await Post(http, TwoRecords, type: "text/plain");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);
        Assert.Equal("application/problem+json", wrongType.Content.Headers.ContentType?.MediaType);

        var large = await http.PostAsync("/api/records", new ByteArrayContent(new byte[1_100_000]) { Headers = { ContentType = new("text/csv") } }, ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
        Assert.DoesNotContain("   at ", await large.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_store_kind_or_an_unreachable_database_stops_start_up_naming_the_setting()
    {
        var kind = Assert.Throws<OptionsValidationException>(() => SocialWorkWeb.Build(["--SocialWork:RecordStore:Kind=mysql"]));
        Assert.Contains(kind.Failures, f => f.StartsWith("SocialWork:RecordStore:Kind: 'mysql' is not one of parquet, postgresql", StringComparison.Ordinal));

        var unreachable = Assert.Throws<OptionsValidationException>(() => SocialWorkWeb.Build(
            ["--SocialWork:RecordStore:Kind=postgresql", "--SocialWork:RecordStore:ConnectionString=Host=127.0.0.1;Port=1;Username=nobody;Timeout=3", .. TestTokens.Arguments]));
        Assert.Contains(unreachable.Failures, f => f.StartsWith("SocialWork:RecordStore:ConnectionString: the database cannot be reached", StringComparison.Ordinal));
    }
}
