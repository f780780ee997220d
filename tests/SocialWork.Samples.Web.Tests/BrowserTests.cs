using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace SocialWork.Samples.Web.Tests;

/// <summary>Drives the dashboard in real headless Chromium (Debian's, through ExecutablePath).</summary>
public sealed class BrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    /// <summary>The header that signs the browser in with a bearer token on every request it makes.</summary>
    private static Dictionary<string, string> Bearer(string token) => new() { ["Authorization"] = "Bearer " + token };

    [Fact]
    public async Task Dashboard_renders_the_demo_numbers_in_chinese_and_switches_to_english()
    {
        Assert.SkipUnless(File.Exists(Chromium), "Debian's chromium is not installed (.ci/run installs it).");
        var ct = TestContext.Current.CancellationToken;
        await using var host = await StoreHost.StartAsync("parquet", ct);
        var address = host.Address;

        using var http = host.Client();
        using var pay = JsonDocument.Parse(await http.GetStringAsync("/api/pay?lang=zh", ct));
        var workers = pay.RootElement.GetProperty("workers").GetArrayLength();
        using var report = JsonDocument.Parse(await http.GetStringAsync("/api/report?level=county&period=month&to=2023-12-31", ct));
        var months = report.RootElement.GetProperty("rows").EnumerateArray().ToList();
        var personTimes = report.RootElement.GetProperty("total").GetProperty("personTimes").GetInt64();
        var people = report.RootElement.GetProperty("total").GetProperty("people").GetInt64();
        using var series = JsonDocument.Parse(await http.GetStringAsync("/api/series?period=quarter", ct));
        var quarters = series.RootElement.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("division").GetString() == "130602000000").ToList();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Args = ["--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, ExtraHTTPHeaders = Bearer(TestTokens.DistrictReporter) });
        await page.GotoAsync(address + "/");

        Assert.Equal("竞秀区社会工作服务体系", await page.Locator("#title").InnerTextAsync());
        Assert.Equal("三年提升", await page.Locator("#phase").InnerTextAsync());
        // One bar a month, as the API publishes it: a month the API suppresses (small, or records naming no one while
        // people are counted) is a * on the chart, never its number.
        var published = months.Select(m => m.TryGetProperty("suppressed", out _) ? "*" : m.GetProperty("personTimes").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(published, await page.Locator("[data-testid=chart-person-times] .bar").EvaluateAllAsync<string[]>("bars => bars.map(b => b.dataset.value)"));
        Assert.Equal(published.Contains("*"), await page.Locator("[data-testid=chart-suppressed]").CountAsync() == 1);
        Assert.Equal(quarters.Count, await page.Locator("[data-testid=chart-progress] circle.point[data-series=stations]").CountAsync());
        Assert.Equal(quarters.Count, await page.Locator("[data-testid=chart-progress] circle.point[data-series=certified]").CountAsync());
        var lastCertified = quarters[^1].GetProperty("certified").EnumerateObject().Sum(level => level.Value.GetInt32());
        Assert.Equal(lastCertified.ToString(System.Globalization.CultureInfo.InvariantCulture), await page.Locator("[data-testid=chart-progress] circle.point[data-series=certified]").Last.GetAttributeAsync("data-value"));
        var line = await page.Locator("[data-testid=chart-progress] polyline[data-series=rooms]").BoundingBoxAsync();
        Assert.True(line is { Width: > 400 }, "the rooms line is not drawn across the chart");
        Assert.Equal(personTimes.ToString(System.Globalization.CultureInfo.InvariantCulture), await page.Locator("[data-testid=total-person-times]").InnerTextAsync());
        Assert.InRange(people, 30_000, personTimes);
        Assert.Equal(people.ToString(System.Globalization.CultureInfo.InvariantCulture), await page.Locator("[data-testid=total-people]").InnerTextAsync());
        Assert.Equal(workers, await page.Locator("[data-testid=roster] tr[data-worker]").CountAsync());
        Assert.Equal(10, await page.Locator("[data-testid=townships] tr").CountAsync() - 1);
        var titleBox = await page.Locator("#title").BoundingBoxAsync();
        Assert.True(titleBox is { Width: > 100 }, "the Chinese title has no rendered width");

        var screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "dashboard-zh.png"), FullPage = true });

        await page.Locator("#lang-toggle").ClickAsync();
        await page.WaitForURLAsync("**/?lang=en**");
        Assert.Equal("Jingxiu district social-work service system", await page.Locator("#title").InnerTextAsync());
        Assert.Equal("Year three: improve", await page.Locator("#phase").InnerTextAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "dashboard-en.png"), FullPage = true });
    }

    [Fact]
    public async Task The_dashboard_shows_each_townships_report_state_and_the_on_time_rate()
    {
        Assert.SkipUnless(File.Exists(Chromium), "Debian's chromium is not installed (.ci/run installs it).");
        var ct = TestContext.Current.CancellationToken;
        // 3 April 2023 in Beijing: March's reports are due on the 5th in the sample's settings.
        await using var host = await StoreHost.StartAsync("parquet", builder => builder.Services.AddSingleton<NodaTime.IClock>(new FixedClock(NodaTime.Instant.FromUtc(2023, 4, 3, 2, 0))), ct);
        var approverToken = TestTokens.Create("district-approver", [SocialWork.Samples.Web.Security.SocialWorkRoles.Approver], [TestTokens.District]);
        using var reporter = host.Client(TestTokens.Create("street-reporter", [SocialWork.Samples.Web.Security.SocialWorkRoles.Reporter], [TestTokens.Street]));
        using var approver = host.Client(approverToken);
        (await reporter.PostAsync("/api/submissions", new StringContent("""{"division":"130602005","period":"2023-03"}""", System.Text.Encoding.UTF8, "application/json"), ct)).EnsureSuccessStatusCode();
        (await approver.PostAsync("/api/submissions/130602005/2023-03/approve", null, ct)).EnsureSuccessStatusCode();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Args = ["--disable-gpu", "--no-first-run"] });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, ExtraHTTPHeaders = Bearer(approverToken) });
        await page.GotoAsync(host.Address + "/?period=2023-03");

        Assert.Equal(10, await page.Locator("[data-testid=submissions] tr[data-division]").CountAsync());
        var street = page.Locator("[data-testid=submissions] tr[data-division='130602005000']");
        Assert.Equal("approved", await street.GetAttributeAsync("data-state"));
        Assert.Equal("true", await street.GetAttributeAsync("data-on-time"));
        Assert.Contains("韩村北路街道", await street.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("已审核", await street.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(9, await page.Locator("[data-testid=submissions] tr[data-state=open]").CountAsync());
        Assert.Equal("10%", await page.Locator("[data-testid=reporting-rate]").InnerTextAsync());
        Assert.Equal("10%", await page.Locator("[data-testid=on-time-rate]").InnerTextAsync());
        var screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "dashboard-submissions-zh.png"), FullPage = true });

        await page.GotoAsync(host.Address + "/?period=2023-03&lang=en");
        Assert.Contains("approved", await page.Locator("[data-testid=submissions] tr[data-division='130602005000']").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("not yet", await page.Locator("[data-testid=submissions] tr[data-division='130602001000']").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("parquet")]
    [InlineData("postgresql")]
    public async Task Uploading_a_file_through_the_page_changes_the_totals_and_a_bad_file_lists_its_rejected_rows(string kind)
    {
        Assert.SkipUnless(File.Exists(Chromium), "Debian's chromium is not installed (.ci/run installs it).");
        var ct = TestContext.Current.CancellationToken;
        await using var host = await StoreHost.StartAsync(kind, ct);
        var folder = Directory.CreateTempSubdirectory("socialwork-upload-").FullName;
        try
        {
            var good = Path.Combine(folder, "good.csv");
            await File.WriteAllTextAsync(good, """
                id,date,division,item,method,person_times,households,amount
                W1,2023-06-01,130602005014,EL.01,visit,7,1,0
                W2,2023-06-02,130602006001,CH.01,group,13,0,0

                """, ct);
            var bad = Path.Combine(folder, "bad.csv");
            await File.WriteAllTextAsync(bad, """
                id,date,division,item,method,person_times,households,amount
                W3,2023-06-03,130602005014,EL.01,visit,5,1,0
                W4,2023-02-30,130602005014,EL.01,visit,5,1,0
                W1,2023-06-01,130602005014,EL.01,visit,7,1,0

                """, ct);

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Chromium,
                Args = ["--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ExtraHTTPHeaders = Bearer(TestTokens.DistrictReporter) });
            await page.GotoAsync(host.Address + "/");
            var before = long.Parse(await page.Locator("[data-testid=total-person-times]").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);

            await page.Locator("[data-testid=upload-form] input[type=file]").SetInputFilesAsync(good);
            await page.Locator("[data-testid=upload-form] button[type=submit]").ClickAsync();
            await page.Locator("[data-testid=upload-summary]").WaitForAsync();
            Assert.Equal("读取 2 行，存入 2 条，拒绝 0 行。", await page.Locator("[data-testid=upload-summary]").InnerTextAsync());
            Assert.Equal((before + 20).ToString(System.Globalization.CultureInfo.InvariantCulture), await page.Locator("[data-testid=total-person-times]").InnerTextAsync());

            await page.Locator("[data-testid=upload-form] input[type=file]").SetInputFilesAsync(bad);
            await page.Locator("[data-testid=upload-form] select[name=mode]").SelectOptionAsync("lenient");
            await page.Locator("[data-testid=upload-form] button[type=submit]").ClickAsync();
            await page.Locator("[data-testid=rejected-rows]").WaitForAsync();
            Assert.Equal("读取 3 行，存入 1 条，拒绝 2 行。", await page.Locator("[data-testid=upload-summary]").InnerTextAsync());
            Assert.Equal(["3", "4"], await page.Locator("[data-testid=rejected-rows] tr[data-line]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.line)"));
            Assert.Contains("已存储", await page.Locator("[data-testid=rejected-rows] tr[data-line='4']").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal((before + 25).ToString(System.Globalization.CultureInfo.InvariantCulture), await page.Locator("[data-testid=total-person-times]").InnerTextAsync());

            var screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");
            Directory.CreateDirectory(screenshots);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, $"upload-{kind}.png"), FullPage = true });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_street_viewer_signed_in_with_a_token_sees_only_its_street_on_the_dashboard()
    {
        Assert.SkipUnless(File.Exists(Chromium), "Debian's chromium is not installed (.ci/run installs it).");
        var ct = TestContext.Current.CancellationToken;
        await using var host = await StoreHost.StartAsync("parquet", ct);
        var token = TestTokens.Create("street-viewer", [SocialWork.Samples.Web.Security.SocialWorkRoles.Viewer], [TestTokens.Street]);
        using var http = host.Client(token);
        using var report = JsonDocument.Parse(await http.GetStringAsync("/api/report?level=township&period=month&to=2023-12-31", ct));
        var personTimes = report.RootElement.GetProperty("total").GetProperty("personTimes").GetInt64();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Args = ["--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var anonymous = await browser.NewPageAsync();
        Assert.Equal(401, (await anonymous.GotoAsync(host.Address + "/"))!.Status);

        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ExtraHTTPHeaders = Bearer(token) });
        await page.GotoAsync(host.Address + "/");

        Assert.Equal("韩村北路街道（130602005000）", await page.Locator("[data-testid=scope]").InnerTextAsync());
        var townships = await page.Locator("[data-testid=townships] tr td:first-child").AllInnerTextsAsync();
        Assert.Equal(["韩村北路街道"], townships);
        Assert.Equal(0, await page.Locator("[data-testid=targets]").CountAsync());
        Assert.Equal(0, await page.Locator("[data-testid=upload-form]").CountAsync());
        Assert.Equal(personTimes.ToString(System.Globalization.CultureInfo.InvariantCulture), await page.Locator("[data-testid=total-person-times]").InnerTextAsync());
        var body = await page.Locator("body").InnerTextAsync();
        Assert.DoesNotContain("先锋街道", body, StringComparison.Ordinal);
        Assert.DoesNotContain("大激店镇", body, StringComparison.Ordinal);

        var screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "dashboard-street-viewer.png"), FullPage = true });
    }
}
