using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace SocialWork.Samples.Web.Tests;

/// <summary>The host in memory, over a Parquet store in a temporary folder of its own (removed when the factory is disposed).</summary>
public class WebFactory : WebApplicationFactory<Program>
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "socialwork-web-" + Guid.NewGuid().ToString("N"));

    /// <summary>Gets the store's folder.</summary>
    public string Folder => folder;

    /// <summary>Gets settings a fixture adds to the host's.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("SocialWork:RecordStore:Path", folder);
        foreach (var (key, value) in TestTokens.Settings.Concat(Settings))
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A client acting as the holder of <paramref name="token"/> (anonymous for <see langword="null"/>).</summary>
    public HttpClient ClientFor(string? token) => CreateClient().WithToken(token);

    /// <summary>Clients act as the district's reporter unless a test gives them another token.</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.WithToken(TestTokens.DistrictReporter);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

public sealed class ApiTests(WebFactory factory) : IClassFixture<WebFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    private static async Task<JsonElement> Json(HttpResponseMessage response)
        => JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;

    [Fact]
    public async Task Coverage_returns_the_contract_shape()
    {
        var response = await client.GetAsync("/api/coverage?asOf=2022-04-17", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var root = await Json(response);
        Assert.Equal(["asOf", "scope", "phase", "targets", "gaps"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("cover", root.GetProperty("phase").GetString());
        var coverage = root.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("id").GetString() == "townshipStationCoverage");
        Assert.Equal(0.9, coverage.GetProperty("actual").GetDouble(), 6);
        Assert.Equal("behind", coverage.GetProperty("status").GetString());
        Assert.Equal(["130602202000"], root.GetProperty("gaps").GetProperty("townshipsWithoutStation").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Pay_returns_the_roster_in_the_chosen_language()
    {
        var root = await Json(await client.GetAsync("/api/pay?asOf=2023-12-31&lang=en", TestContext.Current.CancellationToken));
        Assert.Equal("demo-xam-shape", root.GetProperty("policy").GetString());
        var workers = root.GetProperty("workers").EnumerateArray().ToList();
        Assert.Equal(24, workers.Count);
        var w026 = workers.Single(w => w.GetProperty("id").GetString() == "W026");
        Assert.Equal(2, w026.GetProperty("upliftSteps").GetInt32());
        Assert.Equal("holds senior but appointed to an intermediate post: uplift 2 steps", w026.GetProperty("findings")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task Report_groups_the_demo_records()
    {
        var root = await Json(await client.GetAsync("/api/report?level=county&period=year&by=domain&from=2022-01-01&to=2022-12-31", TestContext.Current.CancellationToken));
        Assert.Equal("county", root.GetProperty("level").GetString());
        var rows = root.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(["AF", "CG", "CH", "EL", "SA"], rows.Select(r => r.GetProperty("key").GetString()));
        Assert.All(rows, r => Assert.Equal("2022", r.GetProperty("period").GetString()));
        Assert.Equal(rows.Sum(r => r.GetProperty("records").GetInt64()), root.GetProperty("total").GetProperty("records").GetInt64());
    }

    [Fact]
    public async Task Series_reads_the_county_and_its_townships_at_every_quarter_end_from_the_plan_start()
    {
        var root = await Json(await client.GetAsync("/api/series?to=2022-05-17&period=quarter", TestContext.Current.CancellationToken));
        Assert.Equal("quarter", root.GetProperty("period").GetString());
        var county = root.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("division").GetString() == "130602000000").ToList();
        Assert.Equal(["2021-06-30", "2021-09-30", "2021-12-31", "2022-03-31", "2022-05-17"], county.Select(r => r.GetProperty("asOf").GetString()));
        Assert.Equal(11 * 5, root.GetProperty("rows").GetArrayLength());
        Assert.All(county, r => Assert.NotEqual(0, r.GetProperty("targets").GetArrayLength()));
    }

    [Theory]
    [InlineData("/api/report?level=street", "level")]
    [InlineData("/api/report?period=week", "period")]
    [InlineData("/api/report?by=colour", "by")]
    [InlineData("/api/report?from=2022-13-01", "from")]
    [InlineData("/api/report?to=yesterday", "to")]
    [InlineData("/api/coverage?asOf=2022-02-30", "asOf")]
    [InlineData("/api/pay?asOf=soon", "asOf")]
    [InlineData("/api/pay?lang=fr", "lang")]
    [InlineData("/api/series?period=week", "period")]
    [InlineData("/api/series?to=2020-01-01", "to")]
    [InlineData("/?lang=fr", "lang")]
    public async Task Bad_parameters_are_400_problem_details_naming_the_parameter(string url, string parameter)
    {
        var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var root = await Json(response);
        Assert.True(root.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task Upload_with_bad_rows_lists_them_with_line_numbers_and_counts_the_good_ones()
    {
        var csv = "id,date,division,facility,item,method,person_times,households,amount\n"
            + "R1,2024-01-05,130602005001,,EL,visit,3,1,\n"
            + "R2,2024-13-05,130602005001,,EL,visit,3,1,\n"
            + "R3,2024-01-06,130602005001,,EL,dance,3,1,\n"
            + "R4,2024-01-07,130602005001,,CH,group,9,0,12.50\n";
        var response = await client.PostAsync("/api/report?mode=lenient&level=county&period=year", new StringContent(csv, Encoding.UTF8, "text/csv"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var root = await Json(response);
        var input = root.GetProperty("report").GetProperty("input");
        Assert.Equal((4, 2, 2), (input.GetProperty("read").GetInt32(), input.GetProperty("accepted").GetInt32(), input.GetProperty("rejected").GetInt32()));
        Assert.Equal([(3, "date"), (4, "method")], root.GetProperty("rejected").EnumerateArray().Select(r => (r.GetProperty("line").GetInt32(), r.GetProperty("column").GetString())));
        Assert.Equal(12.50m, root.GetProperty("report").GetProperty("total").GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task Strict_upload_is_a_400_naming_the_line()
    {
        var csv = "id,date,division,facility,item,method,person_times,households,amount\nR1,2024-01-05,130602005001,,EL,visit,-3,1,\n";
        var response = await client.PostAsync("/api/report", new StringContent(csv, Encoding.UTF8, "text/csv"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var root = await Json(response);
        Assert.Equal(2, root.GetProperty("line").GetInt32());
        Assert.Equal("person_times", root.GetProperty("column").GetString());
        Assert.DoesNotContain("   at ", root.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_document_lists_the_endpoints()
    {
        var root = await Json(await client.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken));
        var paths = root.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/coverage", paths);
        Assert.Contains("/api/pay", paths);
        Assert.Contains("/api/report", paths);
        Assert.Contains("/api/series", paths);
    }

    [Fact]
    public async Task Dashboard_is_served_in_chinese_by_default()
    {
        var html = await client.GetStringAsync("/", TestContext.Current.CancellationToken);
        Assert.Contains("竞秀区社会工作服务体系", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"chart-person-times\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_chinese_dashboard_holds_no_english_word_a_person_reads()
    {
        var html = await client.GetStringAsync("/", TestContext.Current.CancellationToken);

        // What a person reads: the text between tags and the titles and labels of elements, not markup, styles or scripts,
        // nor an element marked as another language (the switch to the English page says "English", lang="en").
        var text = System.Text.RegularExpressions.Regex.Replace(html, "<(script|style)[^>]*>.*?</\\1>|<a [^>]*lang=\"en\"[^>]*>[^<]*</a>", " ", System.Text.RegularExpressions.RegexOptions.Singleline);
        var readable = string.Join(" ", System.Text.RegularExpressions.Regex.Matches(text, "(?:title|aria-label|alt)=\"([^\"]*)\"|>([^<]+)<").Select(m => m.Groups[1].Value + m.Groups[2].Value));

        Assert.Contains("竞秀区", readable, StringComparison.Ordinal);
        Assert.Empty(SocialWork.Samples.Tests.EnglishWordScan.Find(System.Net.WebUtility.HtmlDecode(readable), ["bee", "venture", "demo", "xam", "shape"]));
    }

    [Fact]
    public void Bad_setting_stops_start_up_naming_the_setting()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => SocialWorkWeb.Build(["--SocialWork:PayPolicy:stacking=sometimes", "--SocialWork:AsOf=2023-02-30", .. TestTokens.Arguments]));
        Assert.Contains("SocialWork:AsOf: '2023-02-30' is not a date", ex.Message, StringComparison.Ordinal);
        Assert.Contains("SocialWork:PayPolicy:stacking: 'sometimes' is not one of highestOnly, cumulative", ex.Message, StringComparison.Ordinal);
    }
}

public sealed class WebSafetyTests(WebFactory factory) : IClassFixture<WebFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    [Theory]
    [InlineData("/")]
    [InlineData("/api/coverage")]
    [InlineData("/api/report?level=nowhere")]
    public async Task Every_response_carries_the_security_headers_and_no_server_name(string url)
    {
        var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task A_phase_id_from_configuration_never_reaches_the_page_unencoded()
    {
        const string Hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>";
        var folder = Path.Combine(Path.GetTempPath(), "socialwork-web-" + Guid.NewGuid().ToString("N"));
        await using var app = SocialWorkWeb.Build([], builder =>
        {
            builder.WebHost.UseTestServer();
            builder.Configuration.Sources.Clear();
            builder.Configuration.AddInMemoryCollection(TestTokens.Settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["SocialWork:AsOf"] = "2021-06-01",
                ["SocialWork:RecordStore:Path"] = folder,
                ["SocialWork:PayPolicy:id"] = Hostile,
                ["SocialWork:PayPolicy:effectiveFrom"] = "2021-01-01",
                ["SocialWork:CoveragePlan:scope"] = "130602",
                ["SocialWork:CoveragePlan:start"] = "2021-05-18",
                ["SocialWork:CoveragePlan:phases:0:id"] = Hostile,
                ["SocialWork:CoveragePlan:phases:0:label:zh-CN"] = Hostile,
                ["SocialWork:CoveragePlan:phases:0:label:en"] = Hostile,
                ["SocialWork:CoveragePlan:phases:0:months"] = "12",
                ["SocialWork:CoveragePlan:phases:0:targets:0:metric"] = "townshipStationCoverage",
                ["SocialWork:CoveragePlan:phases:0:targets:0:required"] = "1",
            });
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        var client = app.GetTestClient().WithToken(TestTokens.DistrictReporter);
        foreach (var lang in new[] { "zh", "en" })
        {
            var response = await client.GetAsync($"/?lang={lang}", TestContext.Current.CancellationToken);
            var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.True(response.IsSuccessStatusCode, page);
            Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img", page, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("&lt;script&gt;", page, StringComparison.Ordinal);
        }
        await app.StopAsync(TestContext.Current.CancellationToken);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Amounts_whose_sum_does_not_fit_are_a_400_not_a_500()
    {
        const string Csv = "id,date,division,facility,item,method,person_times,households,amount\nR1,2024-01-05,130602001001,,EL,visit,1,1,92233720368547758.07\nR2,2024-01-05,130602001001,,EL,visit,1,1,92233720368547758.07\n";
        var response = await client.PostAsync("/api/report", new StringContent(Csv, Encoding.UTF8, "text/csv"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("92,233,720,368,547,758.07 yuan", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_span_of_ten_thousand_years_is_answered_within_the_cell_budget()
    {
        const string Csv = "id,date,division,facility,item,method,person_times,households,amount\nR1,0001-01-01,130602001001,,EL.01,visit,1,1,\nR2,9999-12-31,130602001002,,EL.02,visit,1,1,\n";
        var response = await client.PostAsync("/api/report?level=village&period=month&by=item", new StringContent(Csv, Encoding.UTF8, "text/csv"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

/// <summary>A host whose upload limit is 1 MiB.</summary>
public sealed class SmallUploadFactory : WebFactory
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string> { ["SocialWork:UploadLimitBytes"] = "1048576" };
}

public sealed class UploadLimitTests(SmallUploadFactory factory) : IClassFixture<SmallUploadFactory>
{
    [Fact]
    public async Task Oversized_upload_is_413()
    {
        var response = await factory.ClientFor(TestTokens.DistrictReporter).PostAsync("/api/report", new ByteArrayContent(new byte[1_100_000]), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public void The_default_upload_limit_fits_a_month_of_a_county()
        => Assert.Equal(50L << 20, WebSettings.Read(new ConfigurationBuilder().AddInMemoryCollection(TestTokens.Settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json")).Build()).UploadLimitBytes);
}
