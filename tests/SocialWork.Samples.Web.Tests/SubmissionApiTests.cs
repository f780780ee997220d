using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SocialWork.Samples.Web.Security;

namespace SocialWork.Samples.Web.Tests;

/// <summary>The host with its clock fixed at a moment (the due rule of submissions depends on it).</summary>
public sealed class ClockedWebFactory(Instant now) : WebFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IClock>(new FixedClock(now)));
    }
}

/// <summary>A clock that always says the same moment.</summary>
public sealed class FixedClock(Instant now) : IClock
{
    public Instant GetCurrentInstant() => now;
}

/// <summary>The reporting workflow over the API (issue #33): submit, lock, approve, return, correct, withdraw, resubmit, diff, rates.</summary>
public sealed class SubmissionApiTests
{
    private const string Header = "id,date,division,item,method,person_times,households,amount\n";
    private const string Village = "130602005002";

    /// <summary>3 April 2023, 10:00 in Beijing: before the sample's due day for March (the 5th).</summary>
    private static readonly Instant EarlyApril = Instant.FromUtc(2023, 4, 3, 2, 0);

    private static readonly string StreetReporter = TestTokens.Create("street-reporter", [SocialWorkRoles.Reporter], [TestTokens.Street]);
    private static readonly string DistrictApprover = TestTokens.Create("district-approver", [SocialWorkRoles.Approver], [TestTokens.District]);

    private static Task<HttpResponseMessage> Upload(HttpClient http, string csv, string mode = "strict")
        => http.PostAsync($"/api/records?mode={mode}", new StringContent(Header + csv, Encoding.UTF8, "text/csv"), TestContext.Current.CancellationToken);

    private static Task<HttpResponseMessage> Post(HttpClient http, string path, string json)
        => http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public async Task The_full_story_submit_lock_approve_return_correct_withdraw_resubmit_and_diff()
    {
        using var factory = new ClockedWebFactory(EarlyApril);
        var reporter = factory.ClientFor(StreetReporter);
        var approver = factory.ClientFor(DistrictApprover);
        await Json(await Upload(reporter, $"S1,2023-03-02,{Village},EL.01,visit,3,1,0\nS2,2023-03-09,{Village},EL.01,visit,4,1,0\n"), HttpStatusCode.OK);

        var first = await Json(await Post(reporter, "/api/submissions", """{"division":"130602005","period":"2023-03"}"""), HttpStatusCode.OK);
        Assert.Equal("130602005000", first.GetProperty("division").GetString());
        Assert.Equal("2023-03", first.GetProperty("period").GetString());
        Assert.Equal("submitted", first.GetProperty("state").GetString());
        Assert.Equal(1, first.GetProperty("revision").GetInt32());
        var firstId = first.GetProperty("snapshotId").GetString()!;
        Assert.Matches("^[0-9a-f]{64}$", firstId);

        // The period is locked: a late upload is refused, saying so.
        var late = await Upload(reporter, $"S9,2023-03-20,{Village},EL.01,visit,1,1,0\n");
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("locked", await late.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var lenient = await Json(await Upload(reporter, $"S9,2023-03-20,{Village},EL.01,visit,1,1,0\nS10,2023-04-02,{Village},EL.01,visit,1,1,0\n", "lenient"), HttpStatusCode.OK);
        Assert.Equal(1, lenient.GetProperty("accepted").GetInt32());
        Assert.Contains("locked", lenient.GetProperty("rejected")[0].GetProperty("reason").GetString(), StringComparison.Ordinal);

        // Only an approver of the level above approves; the reporter's own approval is refused by role.
        Assert.Equal(HttpStatusCode.Forbidden, (await reporter.PostAsync("/api/submissions/130602005/2023-03/approve", null, TestContext.Current.CancellationToken)).StatusCode);
        var streetApprover = factory.ClientFor(TestTokens.Create("street-approver", [SocialWorkRoles.Approver], [TestTokens.Street]));
        Assert.Equal(HttpStatusCode.Forbidden, (await streetApprover.PostAsync("/api/submissions/130602005/2023-03/approve", null, TestContext.Current.CancellationToken)).StatusCode);
        var approved = await Json(await approver.PostAsync("/api/submissions/130602005/2023-03/approve", null, TestContext.Current.CancellationToken), HttpStatusCode.OK);
        Assert.Equal("approved", approved.GetProperty("state").GetString());

        var again = await Json(await Post(reporter, "/api/submissions", """{"division":"130602005","period":"2023-03"}"""), HttpStatusCode.Conflict);
        Assert.Equal("approved", again.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await approver.PostAsync("/api/submissions/130602006/2023-03/approve", null, TestContext.Current.CancellationToken)).StatusCode);

        var returned = await Json(await Post(approver, "/api/submissions/130602005/2023-03/return", """{"reason":"S2 was entered twice"}"""), HttpStatusCode.OK);
        Assert.Equal("returned", returned.GetProperty("state").GetString());

        // The correction: a new record, and the wrong one withdrawn.
        await Json(await Upload(reporter, $"S3,2023-03-20,{Village},EL.01,visit,5,1,0\n"), HttpStatusCode.OK);
        var withdrawn = await Json(await Post(reporter, "/api/records/withdraw", """{"ids":["S2"],"reason":"entered twice"}"""), HttpStatusCode.OK);
        Assert.Equal(["S2"], withdrawn.GetProperty("withdrawn").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await Post(reporter, "/api/records/withdraw", """{"ids":["S2"],"reason":"again"}""")).StatusCode);

        var second = await Json(await Post(reporter, "/api/submissions", """{"division":"130602005","period":"2023-03"}"""), HttpStatusCode.OK);
        Assert.Equal(2, second.GetProperty("revision").GetInt32());
        var secondId = second.GetProperty("snapshotId").GetString()!;

        var diff = await Json(await approver.GetAsync($"/api/snapshots/{firstId}/diff/{secondId}", TestContext.Current.CancellationToken), HttpStatusCode.OK);
        Assert.Equal(["S3"], diff.GetProperty("recordsAdded").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["S2"], diff.GetProperty("recordsWithdrawn").EnumerateArray().Select(e => e.GetString()));
        var cell = Assert.Single(diff.GetProperty("cells").EnumerateArray());
        Assert.Equal(Village, cell.GetProperty("division").GetString());
        Assert.Equal("2023-03", cell.GetProperty("period").GetString());
        Assert.Equal("personTimes", cell.GetProperty("indicator").GetString());
        Assert.Equal(cell.GetProperty("old").GetDecimal() + 1, cell.GetProperty("new").GetDecimal());

        var snapshot = await Json(await reporter.GetAsync($"/api/snapshots/{secondId}", TestContext.Current.CancellationToken), HttpStatusCode.OK);
        Assert.Contains("S3", snapshot.GetProperty("recordIds").EnumerateArray().Select(e => e.GetString()));
        var otherStreet = factory.ClientFor(TestTokens.Create("other-viewer", [SocialWorkRoles.Viewer], ["130602006"]));
        Assert.Equal(HttpStatusCode.Forbidden, (await otherStreet.GetAsync($"/api/snapshots/{secondId}", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task The_status_gives_the_districts_ten_townships_and_the_rates_on_time()
    {
        using var factory = new ClockedWebFactory(EarlyApril);
        await Json(await Post(factory.ClientFor(StreetReporter), "/api/submissions", """{"division":"130602005","period":"2023-03"}"""), HttpStatusCode.OK);

        var status = await Json(await factory.ClientFor(DistrictApprover).GetAsync("/api/submissions?period=2023-03", TestContext.Current.CancellationToken), HttpStatusCode.OK);

        Assert.Equal("2023-03", status.GetProperty("period").GetString());
        var rows = status.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(10, rows.Count);
        var street = Assert.Single(rows, r => r.GetProperty("division").GetString() == "130602005000");
        Assert.Equal("submitted", street.GetProperty("state").GetString());
        Assert.Equal(1, street.GetProperty("revision").GetInt32());
        Assert.Equal("2023-04-03T02:00:00Z", street.GetProperty("submittedAt").GetString());
        Assert.True(street.GetProperty("onTime").GetBoolean());
        Assert.All(rows.Where(r => r.GetProperty("division").GetString() != "130602005000"), r => Assert.Equal("open", r.GetProperty("state").GetString()));
        var rates = status.GetProperty("rates");
        Assert.Equal(10, rates.GetProperty("expected").GetInt32());
        Assert.Equal(1, rates.GetProperty("submitted").GetInt32());
        Assert.Equal(1, rates.GetProperty("onTime").GetInt32());

        var own = await Json(await factory.ClientFor(StreetReporter).GetAsync("/api/submissions?period=2023-03", TestContext.Current.CancellationToken), HttpStatusCode.OK);
        Assert.Equal(["130602005000"], own.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("division").GetString()));
    }

    [Fact]
    public async Task A_submission_after_the_due_day_is_late_and_bad_requests_name_what_is_wrong()
    {
        using var factory = new ClockedWebFactory(Instant.FromUtc(2023, 4, 6, 1, 0));
        var reporter = factory.ClientFor(StreetReporter);
        await Json(await Post(reporter, "/api/submissions", """{"division":"130602005","period":"2023-03"}"""), HttpStatusCode.OK);
        var status = await Json(await reporter.GetAsync("/api/submissions?period=2023-03", TestContext.Current.CancellationToken), HttpStatusCode.OK);
        Assert.False(status.GetProperty("rows")[0].GetProperty("onTime").GetBoolean());
        Assert.Equal(0, status.GetProperty("rates").GetProperty("onTime").GetInt32());

        var unknown = await Json(await Post(reporter, "/api/submissions", """{"division":"130602005","period":"2023-03","extra":1}"""), HttpStatusCode.BadRequest);
        Assert.Contains("extra", unknown.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await Post(reporter, "/api/submissions", """{"division":"1306020","period":"2023-03"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(reporter, "/api/submissions", """{"division":"130602006","period":"2023-03"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(factory.ClientFor(DistrictApprover), "/api/records/withdraw", """{"ids":["x"],"reason":"r"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await reporter.GetAsync("/api/submissions?period=March", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reporter.GetAsync($"/api/snapshots/{new string('a', 64)}", TestContext.Current.CancellationToken)).StatusCode);
    }
}
