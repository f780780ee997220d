using System.Globalization;
using System.Text;
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
        builder.Services.AddSingleton(_ => DashboardState.Create(settings));

        var app = builder.Build();
        app.Use(SecurityHeaders);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi();
        MapApi(app);
        app.MapGet("/", (DashboardState state, CoverageAssessor assessor, PayStepEvaluator evaluator, string? lang, string? asOf) =>
        {
            if (ParseDate(asOf, "asOf", state.Settings.AsOf, out var day) is { } problem)
            {
                return problem;
            }
            if (lang is not (null or "zh" or "en"))
            {
                return Invalid("lang", $"'{lang}' is not one of zh, en.");
            }
            return Results.Content(DashboardPage.Render(state, assessor, evaluator, day, lang != "en"), "text/html; charset=utf-8");
        }).ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// Headers on every response: no content sniffing, no framing, no referrer, and a content security policy that allows
    /// no script at all and nothing from elsewhere (the dashboard is one page with its own styles and inline SVG).
    /// </summary>
    private static Task SecurityHeaders(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
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
            return Results.Problem(title: "The report is too large to compute.", detail: ex.Message, statusCode: StatusCodes.Status400BadRequest);
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

        api.MapGet("/report", (DashboardState state, string? level, string? period, string? by, string? from, string? to) =>
        {
            if (ParseQuery(level, period, by, from, to, state.Demo, out var query) is { } problem)
            {
                return problem;
            }
            return Report(state.Records, query!, state.Settings, cube => Json(ReportDocument.From(cube, new ReportInput(state.Records.Count, state.Records.Count, 0), state.Demo.Directory)));
        }).WithSummary("Indicator report over the demo records (level, period, by, from, to).");

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
            var limit = state.Settings.UploadLimitBytes;
            if (request.ContentLength > limit)
            {
                return TooLarge(limit);
            }
            using var body = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = await request.Body.ReadAsync(buffer)) > 0)
            {
                if (body.Length + read > limit)
                {
                    return TooLarge(limit);
                }
                body.Write(buffer, 0, read);
            }
            body.Position = 0;
            ImportResult import;
            try
            {
                import = new CsvRecordImporter().Import(body, "upload.csv", new RecordImportOptions { Mode = mode == "lenient" ? ImportMode.Lenient : ImportMode.Strict });
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

    private static IResult Json(ReportDocument document) => Results.Text(ReportWriter.ToJson(document), "application/json; charset=utf-8");

    private static IResult TooLarge(long limit) => Results.Problem(
        title: "The upload is too large.",
        detail: $"The CSV may be at most {limit} bytes.",
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
            return Invalid("by", $"'{by}' is not one of none, domain, method, item, targetGroup, programme, serviceType.");
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

/// <summary>A rejected row as the upload endpoint lists it.</summary>
/// <param name="Line">The 1-based line.</param>
/// <param name="Column">The column.</param>
/// <param name="Reason">Why.</param>
public sealed record RejectedRowJson(int Line, string Column, string Reason);

[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase)]
[System.Text.Json.Serialization.JsonSerializable(typeof(RejectedRowJson))]
internal sealed partial class WebJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
