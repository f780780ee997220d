using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Npgsql;
using NodaTime;
using NodaTime.Text;
using SocialWork.Reporting;
using SocialWork.Reporting.Excel;
using SocialWork.Rules;
using SocialWork.Samples.Web.Operations;
using SocialWork.Samples.Web.Security;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using OpenTelemetry;

namespace SocialWork.Samples.Web;

/// <summary>
/// The web host: the libraries registered through their DI extensions, policies and plan bound from configuration and
/// validated at start-up, minimal APIs with ProblemDetails for every error, an OpenAPI document and the dashboard — every
/// endpoint but the health probes behind authentication, every answer limited to the caller's division scopes, every
/// request bounded before work starts, and health, metrics and an upload log for operators.
/// </summary>
public static class SocialWorkWeb
{
    /// <summary>What a multipart form adds around the file it carries, at most (boundaries, the token, the other fields).</summary>
    private const long FormOverheadBytes = 64 << 10;

    /// <summary>The media type of an Excel workbook (.xlsx).</summary>
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Builds the application.</summary>
    /// <param name="args">Command-line arguments (for example <c>--urls</c>).</param>
    /// <param name="configure">Adjusts the builder before the services are registered (tests use it).</param>
    /// <returns>The application, not yet started.</returns>
    /// <exception cref="OptionsValidationException">A setting is invalid or the record store cannot be opened; every failure names its setting or file.</exception>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        var settings = WebSettings.Read(builder.Configuration);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = settings.UploadLimitBytes + FormOverheadBytes;
            kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(settings.MinBodyBytesPerSecond, settings.BodyGracePeriod);
        });
        builder.Services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = settings.UploadLimitBytes + FormOverheadBytes);

        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<FaultHandler>();
        builder.Services.AddOpenApi();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, ResultDocumentJson.Context));
        builder.Services.AddSingleton(settings);
        builder.Services.AddSocialWorkRules(rules =>
        {
            rules.AddPayPolicy(settings.PayPolicy);
            rules.StationStandard = settings.Plan.Standard;
        });
        builder.Services.AddSocialWorkReporting();
        var state = DashboardState.Create(settings);
        var records = RecordStoreHost.OpenAsync(settings.RecordStore, builder.Environment.ContentRootPath, state.StoreSeed).GetAwaiter().GetResult();
        builder.Services.AddSingleton(state);
        builder.Services.AddSingleton(_ => records);   // made by a factory, so the container disposes it
        builder.Services.AddAntiforgery();
        builder.AddWebSecurity(settings);

        builder.Services.AddSingleton<WebMetrics>();
        builder.Services.AddSingleton<Uploads>();
        builder.Services.AddHealthChecks().AddCheck<RecordStoreHealthCheck>("record-store", tags: ["ready"]);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("SocialWork.Samples.Web"))
            .WithMetrics(metrics => metrics.AddAspNetCoreInstrumentation().AddMeter(WebMetrics.MeterName, "Npgsql").AddPrometheusExporter())
            .WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddNpgsql());
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }

        var app = builder.Build();
        app.Use(SecurityHeaders);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
        app.MapPrometheusScrapingEndpoint();
        app.MapOpenApi();
        MapApi(app);
        app.MapGet("/", async (HttpContext context, ClaimsPrincipal user, DashboardState state, RecordStoreHost records, CoverageAssessor assessor, PayStepEvaluator evaluator, IAntiforgery antiforgery, string? lang, string? asOf, string? period) =>
        {
            if (ParseDate(asOf, "asOf", state.Settings.AsOf, out var day) is { } problem)
            {
                return problem;
            }
            if (lang is not (null or "zh" or "en"))
            {
                return Invalid("lang", $"'{lang}' is not one of zh, en.");
            }
            if (period is not null && !ReportingPeriod.TryParse(period, out _))
            {
                return Invalid("period", $"'{period}' is not a period of the form 2023-03, 2023-Q1 or 2023.");
            }
            return await Dashboard(context, Caller.From(user), state, records, assessor, evaluator, antiforgery, day, lang != "en", null, StatusCodes.Status200OK, period);
        }).RequireAuthorization(SocialWorkRoles.ReadPolicy).ExcludeFromDescription();
        app.MapPost("/upload", async (HttpContext context, ClaimsPrincipal user, DashboardState state, RecordStoreHost records, CoverageAssessor assessor, PayStepEvaluator evaluator, IAntiforgery antiforgery, Uploads uploads) =>
        {
            if (!context.Request.HasFormContentType)
            {
                return Results.Problem(title: "The dashboard's upload takes its own form.", detail: "Post multipart/form-data from the dashboard's form.", statusCode: StatusCodes.Status415UnsupportedMediaType);
            }
            // The form first (Kestrel bounds it: over the upload limit is a 413), then its token: nothing is stored without one.
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.Problem(
                    title: "The form's antiforgery token is missing or not valid; nothing was stored.",
                    detail: "Reload the dashboard and upload the file from its form.",
                    statusCode: StatusCodes.Status400BadRequest);
            }
            var chinese = form["lang"] != "en";
            _ = ParseDate(form["asOf"], "asOf", state.Settings.AsOf, out var day);
            var caller = Caller.From(user);
            var (outcome, status) = await UploadFormAsync(context, caller, form, uploads);
            return await Dashboard(context, caller, state, records, assessor, evaluator, antiforgery, day, chinese, outcome, status);
        }).RequireAuthorization(SocialWorkRoles.WritePolicy).ExcludeFromDescription();
        return app;
    }

    /// <summary>Renders the dashboard; its reports section shows <paramref name="period"/> (the month of <paramref name="day"/> when omitted).</summary>
    private static async Task<IResult> Dashboard(HttpContext context, Caller caller, DashboardState state, RecordStoreHost records, CoverageAssessor assessor, PayStepEvaluator evaluator, IAntiforgery antiforgery, LocalDate day, bool chinese, UploadOutcome? outcome, int status, string? period = null)
    {
        var monthly = await records.Store.QueryAsync(new CubeQuery(DivisionLevel.County, PeriodKind.Month) { To = day, Scope = caller.Scope, MaxCells = state.Settings.MaxReportCells }, context.RequestAborted);
        var reports = ReportingPeriod.TryParse(period, out var shown) ? shown : ReportingPeriod.Containing(day, PeriodKind.Month);
        var submissions = await SubmissionEndpoints.StatusAsync(caller.Scope, reports, DivisionLevel.Township, records, state, context.RequestAborted);
        var tokens = antiforgery.GetAndStoreTokens(context);
        var html = DashboardPage.Render(state, caller, assessor, evaluator, day, chinese, (monthly, records.Description), (tokens.RequestToken!, tokens.FormFieldName, outcome, caller.CanWrite), submissions);
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>Stores the file of the dashboard's upload form; every failure is an outcome on the page, never an error page.</summary>
    private static async Task<(UploadOutcome Outcome, int Status)> UploadFormAsync(HttpContext context, Caller caller, IFormCollection form, Uploads uploads)
    {
        if (form.Files["file"] is not { } file)
        {
            return (new UploadOutcome(0, 0, [], ("没有选择文件。", "no file was chosen.")), StatusCodes.Status400BadRequest);
        }
        await using var stream = file.OpenReadStream();
        using var body = new MemoryStream();
        await stream.CopyToAsync(body, context.RequestAborted);
        var name = Path.GetFileName(file.FileName);
        var format = name.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? UploadFormat.Xlsx : UploadFormat.Csv;
        var attempt = await uploads.StoreAsync(caller, body, format, name, lenient: form["mode"] == "lenient", context.RequestAborted);
        if (attempt.Failure is { } row)
        {
            var failure = attempt.Status switch
            {
                StatusCodes.Status403Forbidden => ($"第{row.Line}行的区划不在你的上报范围内（严格模式，未存入任何记录）。", $"the division on line {row.Line} is outside your scope (strict mode; nothing was stored)."),
                StatusCodes.Status409Conflict when row.Locked => ($"第{row.Line}行所在的报表已上报并锁定（严格模式，未存入任何记录）。", $"line {row.Line} falls in a submitted report, which is locked (strict mode; nothing was stored)."),
                StatusCodes.Status409Conflict => ($"第{row.Line}行的记录编号已存储（严格模式）。", $"the id on line {row.Line} is already stored (strict mode)."),
                _ => ($"第{row.Line}行有错误（严格模式）。", $"line {row.Line} is invalid (strict mode)."),
            };
            return (new UploadOutcome(0, 0, [row], failure), attempt.Status);
        }
        if (attempt.RaceId is { } id)
        {
            return (new UploadOutcome(0, 0, [], ($"记录编号{id}刚被另一次上传存入，请重试。", $"id {id} was just stored by another upload; try again.")), attempt.Status);
        }
        return (new UploadOutcome(attempt.Read, attempt.Accepted, attempt.Rejected), attempt.Status);
    }

    /// <summary>
    /// Headers on every response: no content sniffing, no framing, no referrer, and a content security policy that allows
    /// no script at all and nothing from elsewhere (the dashboard is one page with its own styles and inline SVG; its one
    /// form posts back to this host).
    /// </summary>
    private static Task SecurityHeaders(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
        return next();
    }

    private static void MapApi(WebApplication app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(SocialWorkRoles.ReadPolicy);
        SubmissionEndpoints.Map(api);

        api.MapGet("/coverage", (ClaimsPrincipal user, DashboardState state, CoverageAssessor assessor, string? asOf) =>
        {
            if (ParseDate(asOf, "asOf", state.Settings.AsOf, out var day) is { } problem)
            {
                return problem;
            }
            var scope = state.Settings.Plan.Plan.Scope;
            if (!Caller.From(user).Scope.Contains(scope))
            {
                return Forbidden($"The coverage assessment is of {scope}, which is outside your scope.");
            }
            return Results.Text(ResultDocumentJson.Serialize(CoverageDocument.From(assessor.Assess(state.Settings.Plan.Plan, state.NetworkOn(day), day))), "application/json; charset=utf-8");
        }).WithSummary("Coverage assessment: phase, targets and gaps on a day (asOf=yyyy-MM-dd); the caller's scope must contain the plan's county.");

        api.MapGet("/pay", (ClaimsPrincipal user, DashboardState state, PayStepEvaluator evaluator, string? asOf, string? lang) =>
        {
            if (ParseDate(asOf, "asOf", state.Settings.AsOf, out var day) is { } problem)
            {
                return problem;
            }
            if (lang is not (null or "zh" or "en"))
            {
                return Invalid("lang", $"'{lang}' is not one of zh, en.");
            }
            var roster = evaluator.AssessRoster(state.WorkersWithin(Caller.From(user).Scope).Where(w => w.Employment != Employment.StationResident), day);
            var document = PayRosterDocument.From(roster, state.Settings.PayPolicy.Id, day, CultureInfo.GetCultureInfo(lang == "en" ? "en" : "zh-CN"));
            return Results.Text(ResultDocumentJson.Serialize(document), "application/json; charset=utf-8");
        }).WithSummary("Pay-step roster on a day of the workers whose facility is inside the caller's scope (asOf=yyyy-MM-dd, lang=zh|en).");

        api.MapGet("/series", (ClaimsPrincipal user, DashboardState state, string? to, string? period) =>
        {
            if (ParseDate(to, "to", state.Settings.AsOf, out var day) is { } problem)
            {
                return problem;
            }
            if (period is not (null or "month" or "quarter" or "year"))
            {
                return Invalid("period", $"'{period}' is not one of month, quarter, year.");
            }
            if (day < DemoData.PlanStart)
            {
                return Invalid("to", $"'{to}' is before the plan starts on {DemoData.PlanStart:yyyy-MM-dd}.");
            }
            var kind = period switch { "month" => PeriodKind.Month, "year" => PeriodKind.Year, _ => PeriodKind.Quarter };
            var plan = state.Settings.Plan;
            var scope = Caller.From(user).Scope;
            if (scope.Intersect(plan.Plan.Scope).IsEmpty)
            {
                return Forbidden($"The series is of {plan.Plan.Scope}, and no part of it is inside your scope.");
            }
            // Rows = periods × (townships + the county), known before anything is built.
            var rows = PeriodsBetween(DemoData.PlanStart, day, kind) * (state.Demo.Townships.Count + 1L);
            if (rows > state.Settings.MaxSeriesRows)
            {
                return Results.Problem(
                    title: "The series is too long to compute.",
                    detail: $"The series would have {rows:N0} rows, more than the limit of {state.Settings.MaxSeriesRows:N0} (SocialWork:Limits:MaxSeriesRows); choose a longer period or an earlier 'to'.",
                    statusCode: StatusCodes.Status400BadRequest);
            }
            var series = NetworkSeries.Build(state.NetworkOn(day), plan.Plan, DemoData.PlanStart, day, kind, plan.Standard).Where(r => scope.Contains(r.Division)).ToList();
            return Results.Text(ResultDocumentJson.Serialize(NetworkSeriesDocument.From(plan.Plan.Scope, kind, series)), "application/json; charset=utf-8");
        }).WithSummary("The network, the workforce and the plan's targets at every period end from the plan's start, for the divisions inside the caller's scope (to=yyyy-MM-dd, period=month|quarter|year).");

        api.MapGet("/report", async (ClaimsPrincipal user, DashboardState state, RecordStoreHost records, WebMetrics metrics, string? level, string? period, string? by, string? from, string? to, string? division, string? suppressBelow, string? format, string? lang, CancellationToken cancellationToken) =>
        {
            var caller = Caller.From(user);
            if (format is not (null or "json" or "xlsx"))
            {
                return Invalid("format", $"'{format}' is not one of json, xlsx.");
            }
            if (lang is not (null or "zh" or "en"))
            {
                return Invalid("lang", $"'{lang}' is not one of zh, en.");
            }
            if (ParseQuery(level ?? DefaultLevel(caller.Scope), period, by, from, to, state.Demo, out var parsed) is { } problem)
            {
                return problem;
            }
            var (query, denied) = Scoped(caller, division, parsed!);
            if ((denied ?? Budget(query, state, caller.Scope)) is { } refused)
            {
                return refused;
            }
            var k = 0;
            if (suppressBelow is not null && (!int.TryParse(suppressBelow, NumberStyles.None, CultureInfo.InvariantCulture, out k) || k > 1_000_000))
            {
                return Invalid("suppressBelow", $"'{suppressBelow}' is not a number of people from 0 to 1000000.");
            }
            k = Math.Max(k, state.Settings.SuppressBelow);   // the configured minimum holds whatever the caller asks
            try
            {
                var started = Stopwatch.GetTimestamp();
                var cube = await records.Store.QueryAsync(query with { MaxCells = state.Settings.MaxReportCells }, cancellationToken);
                metrics.Report(records.Kind, Stopwatch.GetElapsedTime(started));
                var counted = checked((int)cube.Total.Records);
                var document = ReportDocument.From(cube, new ReportInput(counted, counted, 0), state.Demo.Directory, new ReportOptions { SuppressBelow = k });
                if (format == "xlsx")
                {
                    if (document.Rows.Count > ExcelReportWriter.MaxSheetRows - 2)
                    {
                        return Invalid("format", $"The report has {document.Rows.Count} rows, more than an Excel sheet holds; ask for JSON or a coarser report.");
                    }
                    var labels = new ReportLabels(CultureInfo.GetCultureInfo(lang == "en" ? "en" : "zh-CN"), state.Demo.Catalog, state.Demo.Directory, state.Demo.Programmes);
                    // Written in memory (the cell budget bounds it), then sent: the response body takes no synchronous writes.
                    var workbook = new MemoryStream();
                    ExcelReportWriter.Write(document, workbook, labels);
                    return Results.File(workbook.GetBuffer().AsMemory(0, (int)workbook.Length).ToArray(), XlsxType, "report.xlsx");
                }
                return Json(document);
            }
            catch (ReportLimitException ex)
            {
                return TooLargeReport(ex);
            }
        }).WithSummary("Indicator report over the stored records inside the caller's scope (level, period, by, from, to, division), small cells suppressed below SocialWork:SuppressBelow (suppressBelow=k asks for a higher k; the document's suppressedBelow says which applied); format=xlsx downloads it as an Excel workbook (lang=zh|en for its headers).");

        api.MapPost("/records", async (HttpRequest request, ClaimsPrincipal user, DashboardState state, Uploads uploads, string? mode, CancellationToken cancellationToken) =>
        {
            if (mode is not (null or "strict" or "lenient"))
            {
                return Invalid("mode", $"'{mode}' is not one of strict, lenient.");
            }
            var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType : null;
            if (mediaType is not ("text/csv" or "application/json" or XlsxType))
            {
                return Results.Problem(
                    title: "Unsupported content type.",
                    detail: $"Send the records as text/csv (the console contract's columns), application/json or {XlsxType} (a workbook whose first sheet has the CSV's columns), not '{request.ContentType}'.",
                    statusCode: StatusCodes.Status415UnsupportedMediaType);
            }
            var (body, tooLarge) = await ReadBodyAsync(request, state.Settings.UploadLimitBytes, cancellationToken);
            if (tooLarge is not null)
            {
                return tooLarge;
            }
            using (body)
            {
                var (format, name) = mediaType switch
                {
                    "application/json" => (UploadFormat.Json, "upload.json"),
                    XlsxType => (UploadFormat.Xlsx, "upload.xlsx"),
                    _ => (UploadFormat.Csv, "upload.csv"),
                };
                var attempt = await uploads.StoreAsync(Caller.From(user), body!, format, name, mode == "lenient", cancellationToken);
                if (attempt.Failure is { } row)
                {
                    return Results.Problem(
                        title: attempt.Status switch
                        {
                            StatusCodes.Status403Forbidden => "A row of the upload is outside your scope; nothing was stored.",
                            StatusCodes.Status409Conflict when row.Locked => "A submitted or approved report locks a row of the upload; nothing was stored.",
                            StatusCodes.Status409Conflict => "A record in the upload is already stored; nothing was stored.",
                            _ => "The upload has an invalid row; nothing was stored.",
                        },
                        detail: row.ToString(),
                        statusCode: attempt.Status,
                        extensions: new Dictionary<string, object?> { ["line"] = row.Line, ["column"] = row.Column });
                }
                if (attempt.RaceId is { } id)
                {
                    return Results.Problem(
                        title: "A record in the upload was stored meanwhile by another upload; nothing was stored.",
                        detail: $"id {id} is already stored.",
                        statusCode: StatusCodes.Status409Conflict,
                        extensions: new Dictionary<string, object?> { ["id"] = id });
                }
                var summary = new ImportSummaryJson(attempt.Read, attempt.Accepted, [.. attempt.Rejected.Select(r => new RejectedRowJson(r.Line, r.Column, r.Reason))]);
                return Results.Text(System.Text.Json.JsonSerializer.Serialize(summary, WebJsonContext.Default.ImportSummaryJson), "application/json; charset=utf-8");
            }
        }).RequireAuthorization(SocialWorkRoles.WritePolicy)
          .Accepts<string>("text/csv", "application/json", XlsxType)
          .WithSummary("Stores records (CSV, JSON or an Excel workbook) inside the caller's scope; mode=strict stores nothing when a row is bad, outside the scope (403), already stored or in a submitted period (409, 'locked'), mode=lenient stores the rest and lists them.");

        api.MapPost("/report", async (HttpRequest request, ClaimsPrincipal user, DashboardState state, string? mode, string? level, string? period, string? by, string? from, string? to) =>
        {
            var caller = Caller.From(user);
            if (ParseQuery(level ?? DefaultLevel(caller.Scope), period, by, from, to, state.Demo, out var parsed) is { } problem)
            {
                return problem;
            }
            var (query, denied) = Scoped(caller, null, parsed!);
            if (denied is not null)
            {
                return denied;
            }
            if (mode is not (null or "strict" or "lenient"))
            {
                return Invalid("mode", $"'{mode}' is not one of strict, lenient.");
            }
            var (body, tooLarge) = await ReadBodyAsync(request, state.Settings.UploadLimitBytes, request.HttpContext.RequestAborted);
            if (tooLarge is not null)
            {
                return tooLarge;
            }
            ImportResult import;
            try
            {
                import = new CsvRecordImporter().Import(body!, "upload.csv", new RecordImportOptions { Mode = mode == "lenient" ? ImportMode.Lenient : ImportMode.Strict });
            }
            catch (RecordImportException ex)
            {
                return Results.Problem(
                    title: "The CSV has an invalid row.",
                    detail: ex.Message,
                    statusCode: StatusCodes.Status400BadRequest,
                    extensions: new Dictionary<string, object?> { ["line"] = ex.Row.Line, ["column"] = ex.Row.Column });
            }
            try
            {
                var cube = Cube.Build(import.Batch, query with { MaxCells = state.Settings.MaxReportCells });
                var report = ReportDocument.From(cube, new ReportInput(import.Read, import.Accepted, import.Rejected.Count));
                var json = new StringBuilder("{\"report\":");
                json.Append(ReportWriter.ToJson(report));
                json.Append(",\"rejected\":[");
                json.AppendJoin(',', import.Rejected.Select(r => System.Text.Json.JsonSerializer.Serialize(new RejectedRowJson(r.Line, r.Column, r.Reason), WebJsonContext.Default.RejectedRowJson)));
                json.Append("]}");
                return Results.Text(json.ToString(), "application/json; charset=utf-8");
            }
            catch (ReportLimitException ex)
            {
                return TooLargeReport(ex);
            }
        }).Accepts<string>("text/csv").WithSummary("Indicator report over an uploaded records CSV, counting only the records inside the caller's scope (mode=strict|lenient); nothing is stored.");
    }

    /// <summary>The coarsest level a caller's reports may have by default: township, or finer when a scope division is finer.</summary>
    private static string DefaultLevel(DivisionScope scope)
        => !scope.IsEmpty && scope.Divisions.Max(d => d.Level) == DivisionLevel.Village ? "village" : "township";

    /// <summary>
    /// Limits a query to the caller's scope. A <paramref name="division"/> asked for must lie inside the scope (else 403)
    /// and limits the query further; a level above a division of the scope would show a division outside it (403).
    /// </summary>
    private static (CubeQuery Query, IResult? Denied) Scoped(Caller caller, string? division, CubeQuery query)
    {
        var scope = caller.Scope;
        if (division is not null)
        {
            if (!DivisionCode.TryParse(division, out var code))
            {
                return (query, Invalid("division", $"'{division}' is not a division code of 6, 9 or 12 digits."));
            }
            if (!scope.Contains(code))
            {
                return (query, Forbidden($"Division {code} is outside your scope ({scope})."));
            }
            scope = scope.Intersect(code);
            query = query with { Within = code };
        }
        var finest = scope.Divisions.Max(d => d.Level);
        if (query.Level < finest)
        {
            return (query, Forbidden($"A {query.Level.ToString().ToLowerInvariant()}-level report would show divisions that contain your scope ({scope}) but lie outside it; ask for level {finest.ToString().ToLowerInvariant()} or below."));
        }
        return (query with { Scope = caller.Scope }, null);
    }

    /// <summary>
    /// Refuses, before any record is read, a report whose date range alone makes more cells than the host's budget:
    /// periods of the range × the directory's divisions at the level inside the scope.
    /// </summary>
    private static IResult? Budget(CubeQuery query, DashboardState state, DivisionScope scope)
    {
        if (query.From is not { } from || query.To is not { } to || to < from)
        {
            return null;
        }
        var divisions = Math.Max(1, state.Demo.Directory.Where(d => d.Code.Level == query.Level && scope.Contains(d.Code) && (query.Within is not { } within || within.Contains(d.Code))).Count());
        var cells = PeriodsBetween(from, to, query.PeriodKind) * divisions;
        return cells > state.Settings.MaxReportCells
            ? TooLargeReport(new ReportLimitException($"The report would have at least {cells:N0} cells ({PeriodsBetween(from, to, query.PeriodKind):N0} periods × {divisions:N0} divisions), more than the budget of {state.Settings.MaxReportCells:N0}; choose a higher level, a longer period or a shorter date range."))
            : null;
    }

    private static long PeriodsBetween(LocalDate from, LocalDate to, PeriodKind kind)
        => (long)ReportingPeriod.Containing(to, kind).Ordinal - ReportingPeriod.Containing(from, kind).Ordinal + 1;

    private static IResult Forbidden(string detail) => Results.Problem(title: "Outside your scope.", detail: detail, statusCode: StatusCodes.Status403Forbidden);

    /// <summary>Reads a request body into memory, up to <paramref name="limit"/> bytes; a larger one is a 413.</summary>
    internal static async Task<(MemoryStream? Body, IResult? TooLarge)> ReadBodyAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return (null, TooLarge(limit));
        }
        var body = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (body.Length + read > limit)
            {
                await body.DisposeAsync();
                return (null, TooLarge(limit));
            }
            body.Write(buffer, 0, read);
        }
        body.Position = 0;
        return (body, null);
    }

    private static IResult TooLargeReport(ReportLimitException ex)
        => Results.Problem(title: "The report is too large to compute (SocialWork:MaxReportCells).", detail: ex.Message, statusCode: StatusCodes.Status400BadRequest);

    private static IResult Json(ReportDocument document) => Results.Stream(body => ReportWriter.WriteJsonAsync(document, body), "application/json; charset=utf-8");

    private static IResult TooLarge(long limit) => Results.Problem(
        title: "The upload is too large.",
        detail: $"The upload may be at most {limit} bytes.",
        statusCode: StatusCodes.Status413PayloadTooLarge);

    internal static IResult Invalid(string parameter, string message)
        => Results.ValidationProblem(new Dictionary<string, string[]> { [parameter] = [message] }, title: $"Invalid query parameter '{parameter}'.");

    internal static IResult? ParseDate(string? text, string parameter, LocalDate fallback, out LocalDate date)
    {
        date = fallback;
        if (text is null)
        {
            return null;
        }
        var result = LocalDatePattern.Iso.Parse(text);
        if (!result.Success)
        {
            return Invalid(parameter, $"'{text}' is not a date of the form yyyy-MM-dd.");
        }
        date = result.Value;
        return null;
    }

    private static IResult? ParseQuery(string? level, string? period, string? by, string? from, string? to, DemoData demo, out CubeQuery? query)
    {
        query = null;
        if (!TryEnum<DivisionLevel>(level ?? "township", out var l))
        {
            return Invalid("level", $"'{level}' is not one of province, prefecture, county, township, village.");
        }
        if (!TryEnum<PeriodKind>(period ?? "quarter", out var p))
        {
            return Invalid("period", $"'{period}' is not one of month, quarter, year.");
        }
        if (!TryEnum<CubeDimension>(by ?? "none", out var d))
        {
            return Invalid("by", $"'{by}' is not one of none, domain, method, item, targetGroup, programme, serviceType, party.");
        }
        if (ParseDate(from, "from", default, out var f) is { } fromProblem)
        {
            return fromProblem;
        }
        if (ParseDate(to, "to", default, out var t) is { } toProblem)
        {
            return toProblem;
        }
        query = new CubeQuery(l, p, d) { From = from is null ? null : f, To = to is null ? null : t, Catalog = demo.Catalog, Programmes = demo.Programmes };
        return null;
    }

    private static bool TryEnum<T>(string text, out T value)
        where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            var name = candidate.ToString();
            if (string.Equals(string.Concat(char.ToLowerInvariant(name[0]).ToString(), name[1..]), text, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }
}

/// <summary>What <c>POST /api/records</c> did: rows read, records stored, and every rejected row. <c>Accepted + Rejected = Read</c>.</summary>
/// <param name="Read">The data rows read.</param>
/// <param name="Accepted">The records stored.</param>
/// <param name="Rejected">The rejected rows, in file order.</param>
public sealed record ImportSummaryJson(int Read, int Accepted, IReadOnlyList<RejectedRowJson> Rejected);

/// <summary>A rejected row as the upload endpoints list it.</summary>
/// <param name="Line">The 1-based line.</param>
/// <param name="Column">The column.</param>
/// <param name="Reason">Why.</param>
public sealed record RejectedRowJson(int Line, string Column, string Reason);

[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase)]
[System.Text.Json.Serialization.JsonSerializable(typeof(RejectedRowJson))]
[System.Text.Json.Serialization.JsonSerializable(typeof(ImportSummaryJson))]
internal sealed partial class WebJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
