using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;
using SocialWork.Rules;

namespace SocialWork.Samples.Web;

/// <summary>
/// The web sample's settings, read from the <c>SocialWork</c> configuration section and validated at start-up through the
/// libraries' own document readers, so a bad setting stops the host with a message that names the setting.
/// </summary>
public sealed class WebSettings
{
    /// <summary>The configuration section.</summary>
    public const string Section = "SocialWork";

    private WebSettings(LocalDate asOf, long uploadLimitBytes, PayStepPolicy payPolicy, CoveragePlanDocument plan)
    {
        AsOf = asOf;
        UploadLimitBytes = uploadLimitBytes;
        PayPolicy = payPolicy;
        Plan = plan;
    }

    /// <summary>Gets the default "as of" day of the dashboard and API.</summary>
    public LocalDate AsOf { get; }

    /// <summary>Gets the largest upload accepted by <c>POST /api/report</c>, <c>POST /api/records</c> and the dashboard's upload form.</summary>
    public long UploadLimitBytes { get; }

    /// <summary>
    /// Gets the most cells a report may have (<c>SocialWork:MaxReportCells</c>, default 1,048,576 — about 80 MB of
    /// indicators): a larger report is answered with 400 rather than let one request take the server's memory.
    /// </summary>
    public long MaxReportCells { get; init; } = 1 << 20;

    /// <summary>
    /// Gets where the service records live (<c>SocialWork:RecordStore</c>): <c>{"Kind": "parquet", "Path": "data/records"}</c>
    /// by default, so the host needs no server, or <c>{"Kind": "postgresql", "ConnectionString": "…"}</c>.
    /// </summary>
    public RecordStoreSettings RecordStore { get; init; } = new("parquet", "data/records", null, "service_records");

    /// <summary>Gets the pay-step policy.</summary>
    public PayStepPolicy PayPolicy { get; }

    /// <summary>Gets the coverage plan and its station standard.</summary>
    public CoveragePlanDocument Plan { get; }

    /// <summary>Reads and validates the settings.</summary>
    /// <param name="configuration">The configuration.</param>
    /// <returns>The settings.</returns>
    /// <exception cref="OptionsValidationException">A setting is missing or invalid; every failure names its configuration key.</exception>
    public static WebSettings Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        var failures = new List<string>();
        var asOfText = section["AsOf"] ?? "2023-12-31";
        var asOf = LocalDatePattern.Iso.Parse(asOfText);
        if (!asOf.Success)
        {
            failures.Add($"{Section}:AsOf: '{asOfText}' is not a date of the form yyyy-MM-dd.");
        }
        var limitText = section["UploadLimitBytes"] ?? "1048576";
        if (!long.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) || limit < 1)
        {
            failures.Add($"{Section}:UploadLimitBytes: '{limitText}' is not a positive number of bytes.");
        }
        var cellsText = section["MaxReportCells"] ?? "1048576";
        if (!long.TryParse(cellsText, NumberStyles.None, CultureInfo.InvariantCulture, out var cells) || cells < 1)
        {
            failures.Add($"{Section}:MaxReportCells: '{cellsText}' is not a positive number of cells.");
        }
        var store = RecordStoreSettings.Read(section.GetSection("RecordStore"), failures);
        var policy = Parse(section.GetSection("PayPolicy"), failures, (json, name) => PayPolicyJson.Parse(json, name));
        var plan = Parse(section.GetSection("CoveragePlan"), failures, (json, name) =>
        {
            using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
            return CoveragePlanJson.Load(stream, name);
        });
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(Section, typeof(WebSettings), failures);
        }
        return new WebSettings(asOf.Value, limit, policy!, plan!) { MaxReportCells = cells, RecordStore = store };
    }

    private static T? Parse<T>(IConfigurationSection section, List<string> failures, Func<string, string, T> read)
        where T : class
    {
        if (!section.Exists())
        {
            failures.Add($"{section.Path}: the section is missing.");
            return null;
        }
        try
        {
            return read(ToJson(section).ToJsonString(), $"configuration {section.Path}");
        }
        catch (DocumentException ex)
        {
            failures.AddRange(ex.Problems.Select(p => $"{section.Path}:{p.Path.TrimStart('$').TrimStart('.').Replace('.', ':')}: {p.Message}"));
            return null;
        }
    }

    /// <summary>
    /// Turns a configuration section back into JSON: <c>true</c>/<c>false</c> as booleans, other values as strings (the
    /// documents read numbers from strings), sections with keys 0..n as arrays.
    /// </summary>
    internal static JsonNode ToJson(IConfigurationSection section)
    {
        var children = section.GetChildren().ToList();
        if (children.Count == 0)
        {
            var value = section.Value ?? string.Empty;
            return bool.TryParse(value, out var flag) ? JsonValue.Create(flag) : JsonValue.Create(value);
        }
        if (children.All(c => int.TryParse(c.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            return new JsonArray([.. children.OrderBy(c => int.Parse(c.Key, CultureInfo.InvariantCulture)).Select(ToJson)]);
        }
        var obj = new JsonObject();
        foreach (var child in children)
        {
            obj[child.Key] = ToJson(child);
        }
        return obj;
    }
}

/// <summary>Where the web host keeps service records.</summary>
/// <param name="Kind"><c>parquet</c> (a dataset folder) or <c>postgresql</c>.</param>
/// <param name="Path">The dataset folder, relative to the content root unless absolute (Parquet).</param>
/// <param name="ConnectionString">The connection string (PostgreSQL).</param>
/// <param name="TableName">The table (PostgreSQL; default <c>service_records</c>).</param>
public sealed record RecordStoreSettings(string Kind, string Path, string? ConnectionString, string TableName)
{
    internal static RecordStoreSettings Read(IConfigurationSection section, List<string> failures)
    {
        var kind = section["Kind"] ?? "parquet";
        var path = section["Path"] ?? "data/records";
        var connectionString = section["ConnectionString"];
        var table = section["TableName"] ?? SocialWork.Reporting.PostgreSql.PostgreSqlRecordStoreOptions.DefaultTableName;
        switch (kind)
        {
            case "parquet" when string.IsNullOrWhiteSpace(path):
                failures.Add($"{section.Path}:Path: a Parquet store needs the folder of its files.");
                break;
            case "postgresql" when string.IsNullOrWhiteSpace(connectionString):
                failures.Add($"{section.Path}:ConnectionString: a PostgreSQL store needs a connection string.");
                break;
            case "parquet" or "postgresql":
                break;
            default:
                failures.Add($"{section.Path}:Kind: '{kind}' is not one of parquet, postgresql.");
                break;
        }
        try
        {
            _ = new SocialWork.Reporting.PostgreSql.PostgreSqlRecordStoreOptions { TableName = table };
        }
        catch (ArgumentException ex)
        {
            failures.Add($"{section.Path}:TableName: {ex.Message.Replace(" (Parameter 'value')", string.Empty, StringComparison.Ordinal)}");
        }
        return new RecordStoreSettings(kind, path, connectionString, table);
    }
}
