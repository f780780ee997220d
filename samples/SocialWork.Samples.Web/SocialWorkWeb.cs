using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using NodaTime;
using NodaTime.Text;
using SocialWork.Reporting;
using SocialWork.Rules;

namespace SocialWork.Samples.Web;

/// <summary>
/// The web host: the libraries registered through their DI extensions, policies and plan bound from configuration and
/// validated at start-up, minimal APIs with ProblemDetails for every error, an OpenAPI document and the dashboard.
/// </summary>
public static class SocialWorkWeb
{
    /// <summary>Builds the application.</summary>
    /// <param name="args">Command-line arguments (for example <c>--urls</c>).</param>
    /// <param name="configure">Adjusts the builder before the services are registered (tests use it).</param>
    /// <returns>The application, not yet started.</returns>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        var settings = WebSettings.Read(builder.Configuration);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

        builder.Services.AddProblemDetails();
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

        var app = builder.Build();
        app.Use(SecurityHeaders);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAntiforgery();
        app.MapOpenApi();
        MapApi(app);
        app.MapGet("/", async (HttpContext context, DashboardState state, RecordStoreHost records, CoverageAssessor assessor, PayStepEvaluator evaluator, IAntiforgery antiforgery, string? lang, string? asOf) =>
        {
            if (ParseDate(asOf, "asOf", state.Settings.AsOf, out var day) is { } problem)
            {
                return problem;
            }
            if (lang is not (null or "zh" or "en"))
            {
                return Invalid("lang", $"'{lang}' is not one of zh, en.");
            }
            return await Dashboard(context, state, records, assessor, evaluator, antiforgery, day, lang != "en", null, StatusCodes.Status200OK);
        }).ExcludeFromDescription();
        app.MapPost("/upload", async (HttpContext context, DashboardState state, RecordStoreHost records, CoverageAssessor assessor, PayStepEvaluator evaluator, IAntiforgery antiforgery) =>
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var chinese = form["lang"] != "en";
            _ = ParseDate(form["asOf"], "asOf", state.Settings.AsOf, out var day);
            var (outcome, status) = await UploadFormAsync(context.Request, form, state.Settings, records, context.RequestAborted);
            return await Dashboard(context, state, records, assessor, evaluator, antiforgery, day, chinese, outcome, status);
        }).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> Dashboard(HttpContext context, DashboardState state, RecordStoreHost records, CoverageAssessor assessor, PayStepEvaluator evaluator, IAntiforgery antiforgery, LocalDate day, bool chinese, UploadOutcome? outcome, int status)
    {
        var monthly = await records.Store.QueryAsync(new CubeQuery(DivisionLevel.County, PeriodKind.Month) { To = day, MaxCells = state.Settings.MaxReportCells }, context.RequestAborted);
        var tokens = antiforgery.GetAndStoreTokens(context);
        var html = DashboardPage.Render(state, assessor, evaluator, day, chinese, (monthly, records.Description), (tokens.RequestToken!, tokens.FormFieldName, outcome));
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>Stores the file of the dashboard's upload form; every failure is an outcome on the page, never an error page.</summary>
    private static async Task<(UploadOutcome Outcome, int Status)> UploadFormAsync(HttpRequest request, IFormCollection form, WebSettings settings, RecordStoreHost records, CancellationToken cancellationToken)
    {
        var limit = settings.UploadLimitBytes;
        if (form.Files["file"] is not { } file)
        {
            return (new UploadOutcome(0, 0, [], ("没有选择文件。", "no file was chosen.")), StatusCodes.Status400BadRequest);
        }
        if (file.Length > limit || request.ContentLength > limit + (64 << 10))
        {
            return (new UploadOutcome(0, 0, [], ($"文件超过 {limit} 字节的上限。", $"the file is larger than the limit of {limit} bytes.")), StatusCodes.Status413PayloadTooLarge);
        }
        var options = new RecordImportOptions { Mode = form["mode"] == "lenient" ? ImportMode.Lenient : ImportMode.Strict };
        await using var stream = file.OpenReadStream();
        try
        {
            var import = await records.Store.ImportCsvAsync(stream, Path.GetFileName(file.FileName), options, cancellationToken);
            return (new UploadOutcome(import.Read, import.Accepted, import.Rejected), StatusCodes.Status200OK);
        }
        catch (RecordImportException ex)
        {
            var failure = (ex.Row.AlreadyStored ? $"第{ex.Row.Line}行的记录编号已存储（严格模式）。" : $"第{ex.Row.Line}行有错误（严格模式）。", ex.Row.AlreadyStored ? $"the id on line {ex.Row.Line} is already stored (strict mode)." : $"line {ex.Row.Line} is invalid (strict mode).");
            return (new UploadOutcome(0, 0, [ex.Row], failure), ex.Row.AlreadyStored ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest);
        }
        catch (RecordAlreadyStoredException ex)
        {
            return (new UploadOutcome(0, 0, [], ($"记录编号{ex.Id}刚被另一次上传存入，请重试。", $"id {ex.Id} was just stored by another upload; try again.")), StatusCodes.Status409Conflict);
        }
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

    /// <summary>Builds a cube within the host's cell budget; a report over it is a 400 with the reason, never a 500.</summary>
    private static IResult Report(RecordBatch records, CubeQuery query, WebSettings settings, Func<Cube, IResult> respond)
    {
        try
        {
            return respond(Cube.Build(records, query with { MaxCells = settings.MaxReportCells }));
        }
        catch (ReportLimitException ex)
        {
            return TooLargeReport(ex);
        }
    }

    private static void MapApi(WebApplication app)
    {
        var api = app.MapGroup("/api");

        api.MapGet("/coverage", (DashboardState state, CoverageAssessor assessor, string? asOf) =>
        {
            if (ParseDate(asOf, "asOf", state.Settings.AsOf, out var day) is { } problem)
            {
                return problem;
            }
            return Results.Text(ResultDocumentJson.Serialize(CoverageDocument.From(assessor.Assess(state.Settings.Plan.Plan, state.NetworkOn(day), day))), "application/json; charset=utf-8");
        }).WithSummary("Coverage assessment: phase, targets and gaps on a day (asOf=yyyy-MM-dd).");

        api.MapGet("/pay", (DashboardState state, PayStepEvaluator evaluator, string? asOf, string? lang) =>
        {
            if (ParseDate(asOf, "asOf", state.Settings.AsOf, out var day) is { } problem)
            {
                return problem;
            }
            if (lang is not (null or "zh" or "en"))
            {
                return Invalid("lang", $"'{lang}' is not one of zh, en.");
            }
            var roster = evaluator.AssessRoster(state.Demo.Workers.Where(w => w.Employment != Employment.StationResident), day);
            var document = PayRosterDocument.From(roster, state.Settings.PayPolicy.Id, day, CultureInfo.GetCultureInfo(lang == "en" ? "en" : "zh-CN"));
            return Results.Text(ResultDocumentJson.Serialize(document), "application/json; charset=utf-8");
        }).WithSummary("Pay-step roster on a day (asOf=yyyy-MM-dd, lang=zh|en).");

        api.MapGet("/series", (DashboardState state, string? to, string? period) =>
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
            var rows = NetworkSeries.Build(state.NetworkOn(day), plan.Plan, DemoData.PlanStart, day, kind, plan.Standard);
            return Results.Text(ResultDocumentJson.Serialize(NetworkSeriesDocument.From(plan.Plan.Scope, kind, rows)), "application/json; charset=utf-8");
        }).WithSummary("The network, the workforce and the plan's targets at every period end from the plan's start (to=yyyy-MM-dd, period=month|quarter|year).");

        api.MapGet("/report", async (DashboardState state, RecordStoreHost records, string? level, string? period, string? by, string? from, string? to, string? suppressBelow, CancellationToken cancellationToken) =>
        {
            if (ParseQuery(level, period, by, from, to, state.Demo, out var query) is { } problem)
            {
                return problem;
            }
            var k = 0;
            if (suppressBelow is not null && (!int.TryParse(suppressBelow, NumberStyles.None, CultureInfo.InvariantCulture, out k) || k > 1_000_000))
            {
                return Invalid("suppressBelow", $"'{suppressBelow}' is not a number of people from 0 to 1000000.");
            }
            try
            {
                var cube = await records.Store.QueryAsync(query! with { MaxCells = state.Settings.MaxReportCells }, cancellationToken);
                var count = checked((int)await records.CountAsync(cancellationToken));
                return Json(ReportDocument.From(cube, new ReportInput(count, count, 0), state.Demo.Directory, new ReportOptions { SuppressBelow = k }));
            }
            catch (ReportLimitException ex)
            {
                return TooLargeReport(ex);
            }
        }).WithSummary("Indicator report over the stored records (level, period, by, from, to; suppressBelow=k hides rows with fewer than k people, or records).");

        api.MapPost("/records", async (HttpRequest request, DashboardState state, RecordStoreHost records, string? mode, CancellationToken cancellationToken) =>
        {
            if (mode is not (null or "strict" or "lenient"))
            {
                return Invalid("mode", $"'{mode}' is not one of strict, lenient.");
            }
            var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType : null;
            if (mediaType is not ("text/csv" or "application/json"))
            {
                return Results.Problem(
                    title: "Unsupported content type.",
                    detail: $"Send the records as text/csv (the console contract's columns) or application/json, not '{request.ContentType}'.",
                    statusCode: StatusCodes.Status415UnsupportedMediaType);
            }
            var (body, tooLarge) = await ReadBodyAsync(request, state.Settings.UploadLimitBytes, cancellationToken);
            if (tooLarge is not null)
            {
                return tooLarge;
            }
            var options = new RecordImportOptions { Mode = mode == "lenient" ? ImportMode.Lenient : ImportMode.Strict };
            try
            {
                var import = mediaType == "text/csv"
                    ? await records.Store.ImportCsvAsync(body!, "upload.csv", options, cancellationToken)
                    : await records.Store.ImportJsonAsync(body!.ToArray(), "upload.json", options, cancellationToken);
                var summary = new ImportSummaryJson(import.Read, import.Accepted, [.. import.Rejected.Select(r => new RejectedRowJson(r.Line, r.Column, r.Reason))]);
                return Results.Text(System.Text.Json.JsonSerializer.Serialize(summary, WebJsonContext.Default.ImportSummaryJson), "application/json; charset=utf-8");
            }
            catch (RecordImportException ex)
            {
                return Results.Problem(
                    title: ex.Row.AlreadyStored ? "A record in the upload is already stored; nothing was stored." : "The upload has an invalid row; nothing was stored.",
                    detail: ex.Message,
                    statusCode: ex.Row.AlreadyStored ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest,
                    extensions: new Dictionary<string, object?> { ["line"] = ex.Row.Line, ["column"] = ex.Row.Column });
            }
            catch (RecordAlreadyStoredException ex)
            {
                return Results.Problem(
                    title: "A record in the upload was stored meanwhile by another upload; nothing was stored.",
                    detail: ex.Message,
                    statusCode: StatusCodes.Status409Conflict,
                    extensions: new Dictionary<string, object?> { ["id"] = ex.Id });
            }
        }).Accepts<string>("text/csv", "application/json").WithSummary("Stores records (CSV or JSON) in the record store; mode=strict stores nothing when a row is bad or already stored, mode=lenient stores the rest and lists them.");

        api.MapPost("/report", async (HttpRequest request, DashboardState state, string? mode, string? level, string? period, string? by, string? from, string? to) =>
        {
            if (ParseQuery(level, period, by, from, to, state.Demo, out var query) is { } problem)
            {
                return problem;
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
            return Report(import.Batch, query!, state.Settings, cube =>
            {
                var report = ReportDocument.From(cube, new ReportInput(import.Read, import.Accepted, import.Rejected.Count));
                var json = new StringBuilder("{\"report\":");
                json.Append(ReportWriter.ToJson(report));
                json.Append(",\"rejected\":[");
                json.AppendJoin(',', import.Rejected.Select(r => System.Text.Json.JsonSerializer.Serialize(new RejectedRowJson(r.Line, r.Column, r.Reason), WebJsonContext.Default.RejectedRowJson)));
                json.Append("]}");
                return Results.Text(json.ToString(), "application/json; charset=utf-8");
            });
        }).Accepts<string>("text/csv").WithSummary("Indicator report over an uploaded records CSV (mode=strict|lenient).");
    }

    /// <summary>Reads a request body into memory, up to <paramref name="limit"/> bytes; a larger one is a 413.</summary>
    private static async Task<(MemoryStream? Body, IResult? TooLarge)> ReadBodyAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
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
        => Results.Problem(title: "The report is too large to compute.", detail: ex.Message, statusCode: StatusCodes.Status400BadRequest);

    private static IResult Json(ReportDocument document) => Results.Text(ReportWriter.ToJson(document), "application/json; charset=utf-8");

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
