using System.Net;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static SocialWork.Samples.Web.Security.SocialWorkRoles;

namespace SocialWork.Samples.Web.Tests;

/// <summary>Who may see and write what: deny by default, roles, and division scopes on every answer.</summary>
public sealed class AccessTests(WebFactory factory) : IClassFixture<WebFactory>
{
    private const string Header = "id,date,division,item,method,person_times,households,amount\n";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> Json(HttpResponseMessage response)
        => JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

    private static StringContent Csv(string rows) => new(Header + rows, Encoding.UTF8, "text/csv");

    public static TheoryData<string, string> DataEndpoints => new()
    {
        { "GET", "/" },
        { "GET", "/api/coverage" },
        { "GET", "/api/pay" },
        { "GET", "/api/series" },
        { "GET", "/api/report" },
        { "POST", "/api/records" },
        { "POST", "/api/report" },
        { "POST", "/upload" },
        { "GET", "/metrics" },
        { "GET", "/openapi/v1.json" },
    };

    private Task<HttpResponseMessage> Send(HttpClient client, string method, string url)
        => client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = method == "POST" ? Csv("A1,2023-06-01,130602005014,EL.01,visit,7,1,0\n") : null }, Ct);

    [Theory]
    [MemberData(nameof(DataEndpoints))]
    public async Task Anonymous_callers_get_401_on_every_data_endpoint(string method, string url)
    {
        var response = await Send(factory.ClientFor(null), method, url);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_probes_answer_anonymous_callers(string url)
    {
        var response = await factory.ClientFor(null).GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Ct));
    }

    public static TheoryData<string, string> BadTokens => new()
    {
        { "wrong signature", TestTokens.Create("mallory", [Reporter], ["130602"], key: new byte[32]) },
        { "expired", TestTokens.Create("late", [Reporter], ["130602"], expires: DateTime.UtcNow.AddMinutes(-10)) },
        { "wrong audience", TestTokens.Create("elsewhere", [Reporter], ["130602"], audience: "another-service") },
        { "not a token", "not.a.token" },
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_token_that_does_not_validate_is_401(string why, string token)
    {
        var response = await factory.ClientFor(token).GetAsync("/api/report", Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, why);
    }

    [Theory]
    [InlineData("no role", "", "130602")]
    [InlineData("an unknown role", "admin", "130602")]
    [InlineData("no division", Viewer, "")]
    [InlineData("a division that is not a code", Viewer, "everywhere")]
    public async Task Without_a_role_and_a_scope_a_signed_in_caller_sees_nothing(string why, string role, string division)
    {
        var token = TestTokens.Create("partial", role.Length == 0 ? [] : [role], division.Length == 0 ? [] : [division]);
        var response = await factory.ClientFor(token).GetAsync("/api/report", Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, why);
    }

    public static TheoryData<string, bool, bool, HttpStatusCode> Matrix()
    {
        var data = new TheoryData<string, bool, bool, HttpStatusCode>();
        foreach (var role in new[] { Viewer, Reporter, Approver })
        {
            data.Add(role, true, false, HttpStatusCode.OK);
            data.Add(role, false, false, HttpStatusCode.Forbidden);
            data.Add(role, true, true, role == Reporter ? HttpStatusCode.OK : HttpStatusCode.Forbidden);
            data.Add(role, false, true, HttpStatusCode.Forbidden);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Roles_and_scopes_decide_reads_and_writes(string role, bool inside, bool write, HttpStatusCode expected)
    {
        // The caller holds 韩村北路街道; inside is one of its communities, outside a street of the same district.
        var client = factory.ClientFor(TestTokens.Create($"{role}-street", [role], [TestTokens.Street]));
        var division = inside ? "130602005014" : "130602001001";
        var id = $"M-{role}-{inside}-{Guid.NewGuid():N}";
        var before = await Json(await factory.ClientFor(TestTokens.DistrictReporter).GetAsync("/api/report?level=county&period=year", Ct));

        var response = write
            ? await client.PostAsync("/api/records", Csv($"{id},2023-06-01,{division},EL.01,visit,7,1,0\n"), Ct)
            : await client.GetAsync($"/api/report?division={division[..9]}&level=village&period=year", Ct);

        Assert.Equal(expected, response.StatusCode);
        var after = await Json(await factory.ClientFor(TestTokens.DistrictReporter).GetAsync("/api/report?level=county&period=year", Ct));
        var added = after.GetProperty("total").GetProperty("records").GetInt64() - before.GetProperty("total").GetProperty("records").GetInt64();
        Assert.Equal(write && expected == HttpStatusCode.OK ? 1 : 0, added);
        if (!write && expected == HttpStatusCode.OK)
        {
            Assert.All((await Json(response)).GetProperty("rows").EnumerateArray(), r => Assert.StartsWith("130602005", r.GetProperty("division").GetString(), StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_street_sees_only_its_own_rows_and_totals_everywhere()
    {
        var client = factory.ClientFor(TestTokens.Create("street-viewer", [Viewer], [TestTokens.Street]));
        var report = await Json(await client.GetAsync("/api/report?level=village&period=year", Ct));
        var rows = report.GetProperty("rows").EnumerateArray().ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.StartsWith("130602005", r.GetProperty("division").GetString(), StringComparison.Ordinal));
        Assert.Equal(rows.Sum(r => r.GetProperty("records").GetInt64()), report.GetProperty("total").GetProperty("records").GetInt64());

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/report?level=county", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/coverage", Ct)).StatusCode);
        var series = await Json(await client.GetAsync("/api/series?period=year", Ct));
        Assert.All(series.GetProperty("rows").EnumerateArray(), r => Assert.Equal("130602005000", r.GetProperty("division").GetString()));
        var pay = await Json(await client.GetAsync("/api/pay", Ct));
        var all = await Json(await factory.ClientFor(TestTokens.DistrictReporter).GetAsync("/api/pay", Ct));
        Assert.InRange(pay.GetProperty("workers").GetArrayLength(), 1, all.GetProperty("workers").GetArrayLength() - 1);

        var page = await client.GetStringAsync("/", Ct);
        Assert.Contains("韩村北路街道", page, StringComparison.Ordinal);
        Assert.DoesNotContain("先锋街道", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"upload-form\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reporter_upload_with_rows_outside_its_scope_stores_nothing_in_strict_mode_and_rejects_them_in_lenient_mode()
    {
        var client = factory.ClientFor(TestTokens.Create("street-reporter", [Reporter], [TestTokens.Street]));
        var id = Guid.NewGuid().ToString("N");
        var rows = $"S1-{id},2023-06-01,130602005014,EL.01,visit,7,1,0\nS2-{id},2023-06-01,130602001001,EL.01,visit,7,1,0\n";

        var strict = await client.PostAsync("/api/records", Csv(rows), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, strict.StatusCode);
        Assert.Contains("outside the scope 130602005000", (await Json(strict)).GetProperty("detail").GetString(), StringComparison.Ordinal);

        var lenient = await Json(await client.PostAsync("/api/records?mode=lenient", Csv(rows), Ct));
        Assert.Equal(1, lenient.GetProperty("accepted").GetInt32());
        var rejected = Assert.Single(lenient.GetProperty("rejected").EnumerateArray());
        Assert.Equal(3, rejected.GetProperty("line").GetInt32());
        Assert.Equal("division", rejected.GetProperty("column").GetString());
        Assert.Equal("division 130602001001 is outside the scope 130602005000", rejected.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_form_post_without_a_valid_antiforgery_token_is_400_and_stores_nothing()
    {
        var client = factory.ClientFor(TestTokens.DistrictReporter);
        var before = (await Json(await client.GetAsync("/api/report?level=county&period=year", Ct))).GetProperty("total").GetProperty("records").GetInt64();
        foreach (var token in new[] { null, "CfDJ8forged-token-from-another-site" })
        {
            using var form = new MultipartFormDataContent
            {
                { new StringContent("strict"), "mode" },
                { new ByteArrayContent(Encoding.UTF8.GetBytes(Header + $"F-{Guid.NewGuid():N},2023-06-01,130602005014,EL.01,visit,7,1,0\n")), "file", "forged.csv" },
            };
            if (token is not null)
            {
                form.Add(new StringContent(token), "__RequestVerificationToken");
            }
            using var request = new HttpRequestMessage(HttpMethod.Post, "/upload") { Content = form };
            request.Headers.Add("Origin", "https://attacker.example");
            var response = await client.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
        Assert.Equal(before, (await Json(await client.GetAsync("/api/report?level=county&period=year", Ct))).GetProperty("total").GetProperty("records").GetInt64());
    }

    [Fact]
    public async Task Metrics_are_prometheus_text_for_a_signed_in_caller()
    {
        var client = factory.ClientFor(TestTokens.DistrictReporter);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/records?mode=lenient", Csv($"P-{Guid.NewGuid():N},2023-06-01,130602005014,EL.01,visit,7,1,0\nbad,row\n"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/report", Ct)).StatusCode);

        // The exporter collects on a schedule: ask again until our instruments show.
        var text = string.Empty;
        for (var attempt = 0; attempt < 20 && !text.Contains("socialwork_report_duration", StringComparison.Ordinal); attempt++)
        {
            text = await client.GetStringAsync("/metrics", Ct);
            if (!text.Contains("socialwork_report_duration", StringComparison.Ordinal))
            {
                await Task.Delay(250, Ct);
            }
        }
        Assert.Contains("socialwork_records_stored", text, StringComparison.Ordinal);
        Assert.Contains("socialwork_rows_rejected", text, StringComparison.Ordinal);
        Assert.Contains("socialwork_report_duration", text, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration", text, StringComparison.Ordinal);
    }
}

/// <summary>A host that publishes every cell (<c>SocialWork:SuppressBelow=0</c>), so reports can be compared cell by cell.</summary>
public sealed class UnsuppressedFactory : WebFactory
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string> { ["SocialWork:SuppressBelow"] = "0" };
}

/// <summary>
/// The scope law over HTTP: for random scopes (the county, streets, communities, and mixes of them) and the store's
/// records (the demo's and a random upload), a scoped report is the district's report filtered to the scope, at every
/// level the scope may see.
/// </summary>
public sealed class ScopeLawTests(UnsuppressedFactory factory) : IClassFixture<UnsuppressedFactory>
{
    private static readonly string[] Divisions =
    [
        "130602", "130602001", "130602002", "130602005", "130602100", "130602202",
        "130602001002", "130602001004", "130602005002", "130602005004", "130602100201",
    ];

    private static readonly Lock UploadLock = new();
    private static bool uploaded;

    public static Arbitrary<string[]> Scopes() => Gen.Elements(Divisions).ArrayOf().Where(a => a.Length is > 0 and <= 3).ToArbitrary();

    private void UploadRandomRecordsOnce()
    {
        lock (UploadLock)
        {
            if (uploaded)
            {
                return;
            }
            uploaded = true;
            var random = new Random(29);
            var csv = new StringBuilder("id,date,division,item,method,person_times,households,amount\n");
            for (var i = 0; i < 400; i++)
            {
                var division = Divisions[random.Next(Divisions.Length)].PadRight(12, '0');
                csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"L{i},2023-{random.Next(1, 13):D2}-{random.Next(1, 29):D2},{division},EL.0{random.Next(1, 3)},visit,{random.Next(0, 50)},0,\n");
            }
            var response = factory.ClientFor(TestTokens.DistrictReporter).PostAsync("/api/records", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv")).GetAwaiter().GetResult();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Property(Arbitrary = [typeof(ScopeLawTests)], MaxTest = 15)]
    public bool A_scoped_report_equals_the_district_report_filtered_to_the_scope(string[] divisions, bool byMonth)
    {
        UploadRandomRecordsOnce();
        var scope = DivisionScope.Of(divisions.Select(DivisionCode.Parse));
        var token = TestTokens.Create("law", [SocialWork.Samples.Web.Security.SocialWorkRoles.Viewer], divisions);
        var finest = scope.Divisions.Max(d => d.Level);
        var period = byMonth ? "month" : "year";
        foreach (var level in new[] { DivisionLevel.County, DivisionLevel.Township, DivisionLevel.Village }.Where(l => l >= finest))
        {
            var url = $"/api/report?level={level.ToString().ToLowerInvariant()}&period={period}";
            var scoped = Rows(factory.ClientFor(token), url, out var total);
            var district = Rows(factory.ClientFor(TestTokens.DistrictReporter), url, out _).Where(r => scope.Contains(DivisionCode.Parse(r.Division))).ToList();
            if (!scoped.SequenceEqual(district) || total != scoped.Sum(r => r.Records))
            {
                return false;
            }
        }
        return true;
    }

    private static List<(string Division, string Period, long Records, long PersonTimes)> Rows(HttpClient client, string url, out long total)
    {
        var response = client.GetAsync(url).GetAwaiter().GetResult();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(response.Content.ReadAsStringAsync().GetAwaiter().GetResult());
        total = document.RootElement.GetProperty("total").GetProperty("records").GetInt64();
        return [.. document.RootElement.GetProperty("rows").EnumerateArray().Select(r => (r.GetProperty("division").GetString()!, r.GetProperty("period").GetString()!, r.GetProperty("records").GetInt64(), r.GetProperty("personTimes").GetInt64()))];
    }
}

/// <summary>Published numbers are suppressed by default, at the configured k or a higher one a caller asks for — never lower.</summary>
public sealed class PublishedSuppressionTests(WebFactory factory) : IClassFixture<WebFactory>
{
    [Fact]
    public async Task Reports_suppress_small_cells_by_default_and_say_so_and_a_caller_cannot_ask_for_less()
    {
        var ct = TestContext.Current.CancellationToken;
        var client = factory.ClientFor(TestTokens.DistrictReporter);
        using var byDefault = JsonDocument.Parse(await client.GetStringAsync("/api/report?level=village&period=month&by=item", ct));
        using var lower = JsonDocument.Parse(await client.GetStringAsync("/api/report?level=village&period=month&by=item&suppressBelow=0", ct));
        using var higher = JsonDocument.Parse(await client.GetStringAsync("/api/report?level=village&period=month&by=item&suppressBelow=50", ct));

        Assert.Equal(5, byDefault.RootElement.GetProperty("suppressedBelow").GetInt32());
        Assert.Equal(5, lower.RootElement.GetProperty("suppressedBelow").GetInt32());
        Assert.Equal(50, higher.RootElement.GetProperty("suppressedBelow").GetInt32());
        var rows = byDefault.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Contains(rows, r => r.TryGetProperty("suppressed", out _));
        // Every published row counts at least 5 people: a row whose records name no one is hidden too (people are counted).
        Assert.All(rows.Where(r => !r.TryGetProperty("suppressed", out _)), r => Assert.True(r.GetProperty("people").GetInt64() >= 5));
        Assert.True(higher.RootElement.GetProperty("rows").EnumerateArray().Count(r => r.TryGetProperty("suppressed", out _)) >= rows.Count(r => r.TryGetProperty("suppressed", out _)));
    }
}
