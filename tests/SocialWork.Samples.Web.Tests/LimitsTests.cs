using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using static SocialWork.Samples.Web.Security.SocialWorkRoles;

namespace SocialWork.Samples.Web.Tests;

[CollectionDefinition(nameof(MeasuresAllocations), DisableParallelization = true)]
public sealed class MeasuresAllocations;

/// <summary>Every request is bounded before work starts: budgets before allocation (measured alone, nothing else running).</summary>
[Collection(nameof(MeasuresAllocations))]
public sealed class BudgetTests(WebFactory factory) : IClassFixture<WebFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/api/series?to=9999-12-31&period=month", "SocialWork:Limits:MaxSeriesRows")]
    [InlineData("/api/report?level=village&period=month&from=0001-01-01&to=9999-12-31", "SocialWork:MaxReportCells")]
    public async Task A_request_over_the_budget_is_400_naming_the_limit_before_anything_is_allocated(string url, string limit)
    {
        var client = factory.ClientFor(TestTokens.DistrictReporter);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/series?period=year", Ct)).StatusCode);   // warm: start-up is not the request's cost

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var response = await client.GetAsync(url, Ct);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(limit, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.True(allocated < 8L << 20, $"the refused request allocated {allocated:N0} bytes");
    }
}

/// <summary>A host that allows three requests a minute per caller.</summary>
public sealed class RateLimitedFactory : WebFactory
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string> { ["SocialWork:Limits:RequestsPerMinute"] = "3" };
}

public sealed class RateLimitTests(RateLimitedFactory factory) : IClassFixture<RateLimitedFactory>
{
    [Fact]
    public async Task A_caller_over_its_rate_gets_429_with_retry_after_and_others_are_not_slowed()
    {
        var ct = TestContext.Current.CancellationToken;
        var busy = factory.ClientFor(TestTokens.Create("busy", [Viewer], ["130602"]));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/api/report", ct)).StatusCode);
        }
        var refused = await busy.GetAsync("/api/report", ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture), 1, 60);
        Assert.Contains("At most 3 requests a minute", await refused.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await factory.ClientFor(TestTokens.Create("quiet", [Viewer], ["130602"])).GetAsync("/api/report", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.ClientFor(null).GetAsync("/health/live", ct)).StatusCode);
    }
}

/// <summary>Kestrel's own limits, on a real port: bodies over the upload limit and bodies that arrive too slowly.</summary>
public sealed class BodyLimitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_body_over_the_upload_limit_is_413_on_the_api_and_on_the_form()
    {
        await using var host = await StoreHost.StartAsync("parquet", Ct, "--SocialWork:UploadLimitBytes=1000");
        using var client = host.Client();
        // As a well-behaved client sends a large body: it waits for the host's go-ahead, so a refusal arrives whole
        // instead of racing the bytes the host will not read.
        client.DefaultRequestHeaders.ExpectContinue = true;
        var big = new string('x', 200_000);

        var api = await client.PostAsync("/api/records", new StringContent(big, Encoding.UTF8, "text/csv"), Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, api.StatusCode);

        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(big)), "file", "big.csv" } };
        var page = await client.PostAsync("/upload", form, Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, page.StatusCode);
        var problem = JsonDocument.Parse(await page.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Contains("SocialWork:UploadLimitBytes", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_arrives_too_slowly_is_408()
    {
        await using var host = await StoreHost.StartAsync("parquet", Ct, "--SocialWork:Limits:MinBodyBytesPerSecond=100000", "--SocialWork:Limits:BodyGracePeriodSeconds=2");
        var address = new Uri(host.Address);
        using var socket = new TcpClient();
        await socket.ConnectAsync(address.Host, address.Port, Ct);
        var stream = socket.GetStream();
        var head = $"POST /api/records HTTP/1.1\r\nHost: {address.Authority}\r\nAuthorization: Bearer {TestTokens.DistrictReporter}\r\nContent-Type: text/csv\r\nContent-Length: 100000\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), Ct);

        // Ten bytes every 200 ms: 50 bytes a second, far below the 100,000 the host asks for after its 2-second grace.
        var reply = new byte[4096];
        var read = Task.Run(async () => await stream.ReadAsync(reply, Ct), Ct);
        for (var i = 0; i < 60 && !read.IsCompleted; i++)
        {
            try
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes("xxxxxxxxxx"), Ct);
            }
            catch (IOException)
            {
                break;   // the host has closed the connection after answering
            }
            await Task.Delay(200, Ct);
        }
        var count = await read.WaitAsync(TimeSpan.FromSeconds(20), Ct);
        Assert.StartsWith("HTTP/1.1 408", Encoding.ASCII.GetString(reply, 0, count), StringComparison.Ordinal);
    }
}
