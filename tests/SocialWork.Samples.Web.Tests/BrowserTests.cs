using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace SocialWork.Samples.Web.Tests;

/// <summary>Drives the dashboard in real headless Chromium (Debian's, through ExecutablePath).</summary>
public sealed class BrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task Dashboard_renders_the_demo_numbers_in_chinese_and_switches_to_english()
    {
        Assert.SkipUnless(File.Exists(Chromium), "Debian's chromium is not installed (.ci/run installs it).");
        var ct = TestContext.Current.CancellationToken;
        await using var app = SocialWorkWeb.Build(["--urls", "http://127.0.0.1:0", "--environment", "Production"]);
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        using var http = new HttpClient { BaseAddress = new Uri(address) };
        using var pay = JsonDocument.Parse(await http.GetStringAsync("/api/pay?lang=zh", ct));
        var workers = pay.RootElement.GetProperty("workers").GetArrayLength();
        using var report = JsonDocument.Parse(await http.GetStringAsync("/api/report?level=county&period=month&to=2023-12-31", ct));
        var months = report.RootElement.GetProperty("rows").EnumerateArray().ToList();
        var personTimes = report.RootElement.GetProperty("total").GetProperty("personTimes").GetInt64();
        using var series = JsonDocument.Parse(await http.GetStringAsync("/api/series?period=quarter", ct));
        var quarters = series.RootElement.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("division").GetString() == "130602000000").ToList();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Args = ["--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await page.GotoAsync(address + "/");

        Assert.Equal("竞秀区社会工作服务体系", await page.Locator("#title").InnerTextAsync());
        Assert.Equal("三年提升", await page.Locator("#phase").InnerTextAsync());
        Assert.Equal(months.Count, await page.Locator("[data-testid=chart-person-times] rect.bar").CountAsync());
        var firstBar = page.Locator("[data-testid=chart-person-times] rect.bar").First;
        Assert.Equal(months[0].GetProperty("personTimes").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), await firstBar.GetAttributeAsync("data-value"));
        Assert.Equal(quarters.Count, await page.Locator("[data-testid=chart-progress] circle.point[data-series=stations]").CountAsync());
        Assert.Equal(quarters.Count, await page.Locator("[data-testid=chart-progress] circle.point[data-series=certified]").CountAsync());
        var lastCertified = quarters[^1].GetProperty("certified").EnumerateObject().Sum(level => level.Value.GetInt32());
        Assert.Equal(lastCertified.ToString(System.Globalization.CultureInfo.InvariantCulture), await page.Locator("[data-testid=chart-progress] circle.point[data-series=certified]").Last.GetAttributeAsync("data-value"));
        var line = await page.Locator("[data-testid=chart-progress] polyline[data-series=rooms]").BoundingBoxAsync();
        Assert.True(line is { Width: > 400 }, "the rooms line is not drawn across the chart");
        Assert.Equal(personTimes.ToString(System.Globalization.CultureInfo.InvariantCulture), await page.Locator("[data-testid=total-person-times]").InnerTextAsync());
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
        await app.StopAsync(ct);
    }
}
