using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;
using SocialWork.Json;
using SocialWork.Reporting;
using SocialWork.Samples.Web.Security;

namespace SocialWork.Samples.Web;

/// <summary>
/// The reporting workflow's endpoints (上报、审核、退回、作废) over the host's <see cref="IReportLedger"/>: a reporter submits
/// a division's report for a period, an approver of the level above approves or returns it, a reporter withdraws records
/// of an open period; everyone with a scope reads where the period stands inside it, and the snapshots and their diffs.
/// A wrong role or scope is 403, a step the report's state does not allow is 409 naming the state.
/// </summary>
internal static class SubmissionEndpoints
{
    /// <summary>The most a request body of these endpoints may hold: they take a few codes and a reason.</summary>
    private const int MaxBodyBytes = 64 << 10;

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/submissions", async (HttpRequest request, ClaimsPrincipal user, RecordStoreHost records, IClock clock, CancellationToken cancellationToken) =>
        {
            var (body, problem) = await ReadAsync(request, SubmissionJsonContext.Default.SubmitRequest, cancellationToken);
            if (problem is not null)
            {
                return problem;
            }
            var (division, period, invalid) = Target(body!.Division, body.Period);
            if (invalid is not null)
            {
                return invalid;
            }
            if (!TryDimension(body.By, out var by))
            {
                return SocialWorkWeb.Invalid("by", $"'{body.By}' is not one of none, domain, method, item, targetGroup, programme.");
            }
            return await StepAsync(() => records.Store.SubmitAsync(Caller.From(user).Actor, division, period, by, clock.GetCurrentInstant(), cancellationToken));
        }).RequireAuthorization(SocialWorkRoles.WritePolicy)
          .Accepts<SubmitRequest>("application/json")
          .WithSummary("Submits (上报) a division's report for a period: {\"division\", \"period\", \"by\"?}; the snapshot of the records stored now is kept and the period's records of the division's subtree are locked. Reporter role with the division in scope.");

        api.MapPost("/submissions/{division}/{period}/approve", async (string division, string period, ClaimsPrincipal user, RecordStoreHost records, IClock clock, CancellationToken cancellationToken) =>
        {
            var (code, when, invalid) = Target(division, period);
            return invalid ?? await StepAsync(() => records.Store.ApproveAsync(Caller.From(user).Actor, code, when, clock.GetCurrentInstant(), cancellationToken));
        }).RequireAuthorization(SocialWorkRoles.ApprovePolicy)
          .WithSummary("Approves (审核通过) a submitted report. Approver role with the division's parent (the level above) in scope.");

        api.MapPost("/submissions/{division}/{period}/return", async (string division, string period, HttpRequest request, ClaimsPrincipal user, RecordStoreHost records, IClock clock, CancellationToken cancellationToken) =>
        {
            var (code, when, invalid) = Target(division, period);
            if (invalid is not null)
            {
                return invalid;
            }
            var (body, problem) = await ReadAsync(request, SubmissionJsonContext.Default.ReturnRequest, cancellationToken);
            if (problem is not null)
            {
                return problem;
            }
            if (string.IsNullOrWhiteSpace(body!.Reason))
            {
                return SocialWorkWeb.Invalid("reason", "A return names its reason.");
            }
            return await StepAsync(() => records.Store.ReturnAsync(Caller.From(user).Actor, code, when, body.Reason, clock.GetCurrentInstant(), cancellationToken));
        }).RequireAuthorization(SocialWorkRoles.ApprovePolicy)
          .Accepts<ReturnRequest>("application/json")
          .WithSummary("Returns (退回) a submitted or approved report with {\"reason\"}; returning an approved report also returns the reports below it. Approver role with the level above in scope.");

        api.MapGet("/submissions", async (ClaimsPrincipal user, RecordStoreHost records, DashboardState state, string? period, string? level, CancellationToken cancellationToken) =>
        {
            if (!ReportingPeriod.TryParse(period, out var when))
            {
                return SocialWorkWeb.Invalid("period", $"'{period}' is not a period of the form 2023-03, 2023-Q1 or 2023.");
            }
            if (!TryLevel(level ?? "township", out var rowLevel))
            {
                return SocialWorkWeb.Invalid("level", $"'{level}' is not one of county, township, village.");
            }
            var status = await StatusAsync(Caller.From(user).Scope, when, rowLevel, records, state, cancellationToken);
            return Results.Text(JsonSerializer.Serialize(status, SubmissionJsonContext.Default.SubmissionStatusJson), "application/json; charset=utf-8");
        }).WithSummary("Where a period's reports stand for the divisions of a level (default township) inside the caller's scope, with the reporting rate and the rate on time (SocialWork:Submissions:DueDaysAfterPeriod).");

        api.MapGet("/snapshots/{id}", async (string id, ClaimsPrincipal user, RecordStoreHost records, CancellationToken cancellationToken) =>
        {
            var (snapshot, problem) = await FindAsync(id, Caller.From(user), records, cancellationToken);
            return problem ?? Results.Text(ReportSnapshotJson.Serialize(snapshot!), "application/json; charset=utf-8");
        }).WithSummary("A submitted snapshot: the report, the ids of the records it counts and their digest; its division must lie inside the caller's scope.");

        api.MapGet("/snapshots/{id}/diff/{otherId}", async (string id, string otherId, ClaimsPrincipal user, RecordStoreHost records, CancellationToken cancellationToken) =>
        {
            var caller = Caller.From(user);
            var (older, problem) = await FindAsync(id, caller, records, cancellationToken);
            if (problem is not null)
            {
                return problem;
            }
            var (newer, otherProblem) = await FindAsync(otherId, caller, records, cancellationToken);
            return otherProblem ?? Results.Text(ReportDiffJson.Serialize(ReportDiff.Between(older!, newer!)), "application/json; charset=utf-8");
        }).WithSummary("What changed from one snapshot to another: {\"cells\":[{\"division\",\"period\",\"key\",\"indicator\",\"old\",\"new\"}], \"recordsAdded\", \"recordsWithdrawn\"}.");

        api.MapPost("/records/withdraw", async (HttpRequest request, ClaimsPrincipal user, RecordStoreHost records, IClock clock, CancellationToken cancellationToken) =>
        {
            var (body, problem) = await ReadAsync(request, SubmissionJsonContext.Default.WithdrawRequest, cancellationToken);
            if (problem is not null)
            {
                return problem;
            }
            if (body!.Ids.Length == 0 || body.Ids.Length > 10_000)
            {
                return SocialWorkWeb.Invalid("ids", "Name from 1 to 10000 record ids to withdraw.");
            }
            if (string.IsNullOrWhiteSpace(body.Reason))
            {
                return SocialWorkWeb.Invalid("reason", "A withdrawal names its reason.");
            }
            try
            {
                var withdrawn = await records.Store.WithdrawAsync(body.Ids, body.Reason, Caller.From(user).Actor, clock.GetCurrentInstant(), cancellationToken);
                return Results.Text(JsonSerializer.Serialize(new WithdrawResult([.. withdrawn.Select(w => w.Id)]), SubmissionJsonContext.Default.WithdrawResult), "application/json; charset=utf-8");
            }
            catch (KeyNotFoundException ex)
            {
                return Results.Problem(title: "A record cannot be withdrawn; nothing was withdrawn.", detail: ex.Message, statusCode: StatusCodes.Status404NotFound);
            }
            catch (UnauthorizedAccessException ex)
            {
                return Results.Problem(title: "Outside your scope.", detail: ex.Message, statusCode: StatusCodes.Status403Forbidden);
            }
            catch (RecordLockedException ex)
            {
                return Locked(ex);
            }
        }).RequireAuthorization(SocialWorkRoles.WritePolicy)
          .Accepts<WithdrawRequest>("application/json")
          .WithSummary("Withdraws (作废) stored records: {\"ids\": [...], \"reason\"}; they stay stored and every report leaves them out. Refused (409) while a submitted or approved report locks one. Reporter role with the records' divisions in scope.");
    }

    /// <summary>The status of a period under a scope: the divisions of <paramref name="level"/> inside it (the scope's own when it has none).</summary>
    internal static async Task<SubmissionStatusJson> StatusAsync(DivisionScope scope, ReportingPeriod period, DivisionLevel level, RecordStoreHost records, DashboardState state, CancellationToken cancellationToken)
    {
        var directory = state.Demo.Directory;
        var expected = directory.AtLevel(level).Where(d => scope.Contains(d.Code)).Select(d => d.Code).ToList();
        if (expected.Count == 0)
        {
            expected = [.. scope.Divisions];
        }
        var book = await records.Store.ReadSubmissionsAsync(cancellationToken);
        var status = SubmissionStatus.Of(book, period, expected, state.Settings.Deadline);
        return new SubmissionStatusJson(
            status.Period.ToString(),
            [.. status.Rows.Select(r => new SubmissionRowJson(
                r.Division.ToString(),
                directory.TryGet(r.Division, out var named) ? named.Name : null,
                r.State.ToCode(),
                r.Revision,
                r.SubmittedAt is { } at ? InstantPattern.ExtendedIso.Format(at) : null,
                r.OnTime))],
            new SubmissionRatesJson(status.Rates.Expected, status.Rates.Submitted, status.Rates.OnTime, status.Rates.ReportingRate, status.Rates.OnTimeRate));
    }

    /// <summary>The answer to an append or import that a lock refused.</summary>
    internal static IResult Locked(RecordLockedException ex) => Results.Problem(
        title: "A submitted or approved report locks the records; nothing was changed.",
        detail: ex.Message,
        statusCode: StatusCodes.Status409Conflict,
        extensions: new Dictionary<string, object?> { ["chinese"] = ex.Chinese, ["ids"] = ex.Locked.Select(l => l.Id).Take(100).ToArray() });

    private static async Task<IResult> StepAsync(Func<ValueTask<Submission>> step)
    {
        try
        {
            var submission = await step();
            var json = new SubmissionJson(submission.Division.ToString(), submission.Period.ToString(), submission.State.ToCode(), submission.Revision, submission.SnapshotId);
            return Results.Text(JsonSerializer.Serialize(json, SubmissionJsonContext.Default.SubmissionJson), "application/json; charset=utf-8");
        }
        catch (SubmissionException ex)
        {
            return Results.Problem(
                title: ex.Forbidden ? "Outside your role or scope." : $"Not allowed while the report is {ex.State.ToCode()}.",
                detail: ex.Message,
                statusCode: ex.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?> { ["state"] = ex.State.ToCode(), ["chinese"] = ex.Chinese });
        }
    }

    private static (DivisionCode Division, ReportingPeriod Period, IResult? Problem) Target(string division, string period)
    {
        if (!DivisionCode.TryParse(division, out var code))
        {
            return (default, default, SocialWorkWeb.Invalid("division", $"'{division}' is not a division code of 6, 9 or 12 digits."));
        }
        if (!ReportingPeriod.TryParse(period, out var when))
        {
            return (code, default, SocialWorkWeb.Invalid("period", $"'{period}' is not a period of the form 2023-03, 2023-Q1 or 2023."));
        }
        return (code, when, null);
    }

    private static async Task<(ReportSnapshot? Snapshot, IResult? Problem)> FindAsync(string id, Caller caller, RecordStoreHost records, CancellationToken cancellationToken)
    {
        if (id.Length != 64 || !id.All(char.IsAsciiHexDigitLower))
        {
            return (null, SocialWorkWeb.Invalid("id", $"'{id}' is not a snapshot id (64 lowercase hexadecimal digits)."));
        }
        var snapshot = await records.Store.FindSnapshotAsync(id, cancellationToken);
        if (snapshot is null)
        {
            return (null, Results.Problem(title: "No such snapshot.", detail: $"No submission kept the snapshot {id}.", statusCode: StatusCodes.Status404NotFound));
        }
        return caller.Scope.Contains(snapshot.Division)
            ? (snapshot, null)
            : (null, Results.Problem(title: "Outside your scope.", detail: $"The snapshot is of {snapshot.Division}, which is outside your scope ({caller.Scope}).", statusCode: StatusCodes.Status403Forbidden));
    }

    /// <summary>Reads a small JSON body: unknown members and missing ones are refused with the JSON path.</summary>
    private static async Task<(T? Body, IResult? Problem)> ReadAsync<T>(HttpRequest request, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        var (body, tooLarge) = await SocialWorkWeb.ReadBodyAsync(request, MaxBodyBytes, cancellationToken);
        if (tooLarge is not null)
        {
            return (null, tooLarge);
        }
        using var json = body!;
        try
        {
            return (SocialWorkJson.Deserialize(json, type), null);
        }
        catch (JsonException ex)
        {
            return (null, Results.Problem(title: "The request body is not valid JSON for this endpoint.", detail: ex.Message, statusCode: StatusCodes.Status400BadRequest));
        }
    }

    private static bool TryDimension(string? by, out CubeDimension dimension)
    {
        dimension = by switch
        {
            null or "none" => CubeDimension.None,
            "domain" => CubeDimension.Domain,
            "method" => CubeDimension.Method,
            "item" => CubeDimension.Item,
            "targetGroup" => CubeDimension.TargetGroup,
            "programme" => CubeDimension.Programme,
            _ => (CubeDimension)(-1),
        };
        return Enum.IsDefined(dimension);
    }

    private static bool TryLevel(string level, out DivisionLevel value)
    {
        value = level switch
        {
            "county" => DivisionLevel.County,
            "township" => DivisionLevel.Township,
            "village" => DivisionLevel.Village,
            _ => (DivisionLevel)(-1),
        };
        return Enum.IsDefined(value);
    }
}

/// <summary>The body of <c>POST /api/submissions</c>.</summary>
/// <param name="Division">The division whose report it is (6, 9 or 12 digits).</param>
/// <param name="Period">The period (2023-03, 2023-Q1 or 2023).</param>
/// <param name="By">The dimension of the snapshot's rows (none when omitted).</param>
public sealed record SubmitRequest(string Division, string Period, string? By = null);

/// <summary>The body of <c>POST /api/submissions/{division}/{period}/return</c>.</summary>
/// <param name="Reason">Why the report is returned.</param>
public sealed record ReturnRequest(string Reason);

/// <summary>The body of <c>POST /api/records/withdraw</c>.</summary>
/// <param name="Ids">The records' ids.</param>
/// <param name="Reason">Why they are withdrawn.</param>
public sealed record WithdrawRequest(string[] Ids, string Reason);

/// <summary>What <c>POST /api/records/withdraw</c> withdrew.</summary>
/// <param name="Withdrawn">The ids, as given (each once).</param>
public sealed record WithdrawResult(IReadOnlyList<string> Withdrawn);

/// <summary>A report as it stands after a step (the contract: division, period, state, revision, snapshotId).</summary>
/// <param name="Division">The division, 12 digits.</param>
/// <param name="Period">The period.</param>
/// <param name="State"><c>open</c>, <c>submitted</c>, <c>approved</c> or <c>returned</c>.</param>
/// <param name="Revision">How many times it has been submitted.</param>
/// <param name="SnapshotId">The latest submitted snapshot, if any.</param>
public sealed record SubmissionJson(string Division, string Period, string State, int Revision, string? SnapshotId);

/// <summary>A period's status under the caller's scope.</summary>
/// <param name="Period">The period.</param>
/// <param name="Rows">One row per expected division.</param>
/// <param name="Rates">The reporting rates.</param>
public sealed record SubmissionStatusJson(string Period, IReadOnlyList<SubmissionRowJson> Rows, SubmissionRatesJson Rates);

/// <summary>Where one division's report stands.</summary>
/// <param name="Division">The division, 12 digits.</param>
/// <param name="Name">Its name, when the directory knows it.</param>
/// <param name="State">Its state.</param>
/// <param name="Revision">Its revision.</param>
/// <param name="SubmittedAt">When it was first submitted, if it was.</param>
/// <param name="OnTime">Whether that was by the due day; null when not submitted or no due rule is set.</param>
public sealed record SubmissionRowJson(string Division, string? Name, string State, int Revision, string? SubmittedAt, bool? OnTime);

/// <summary>DHIS2's reporting rate and reporting rate on time, with their counts.</summary>
/// <param name="Expected">Divisions expected to submit.</param>
/// <param name="Submitted">Those that submitted.</param>
/// <param name="OnTime">Those that submitted by the due day; null without a due rule.</param>
/// <param name="ReportingRate">Submitted ÷ expected.</param>
/// <param name="OnTimeRate">On time ÷ expected; null without a due rule.</param>
public sealed record SubmissionRatesJson(int Expected, int Submitted, int? OnTime, double ReportingRate, double? OnTimeRate);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectRequiredConstructorParameters = true,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(SubmitRequest))]
[JsonSerializable(typeof(ReturnRequest))]
[JsonSerializable(typeof(WithdrawRequest))]
[JsonSerializable(typeof(WithdrawResult))]
[JsonSerializable(typeof(SubmissionJson))]
[JsonSerializable(typeof(SubmissionStatusJson))]
internal sealed partial class SubmissionJsonContext : JsonSerializerContext;
