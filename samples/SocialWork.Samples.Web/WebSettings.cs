using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;
using SocialWork.Reporting;
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

    /// <summary>
    /// Gets when a period's report is due (<c>SocialWork:Submissions:DueDaysAfterPeriod</c>, days after the period's last
    /// day, and <c>SocialWork:Submissions:TimeZone</c>, an IANA zone, Asia/Shanghai when omitted), or
    /// <see langword="null"/> when the bureau has set no due rule: then no submission is on time or late.
    /// </summary>
    public SubmissionDeadline? Deadline { get; init; }

    /// <summary>
    /// Gets the largest upload accepted by <c>POST /api/report</c>, <c>POST /api/records</c> and the dashboard's upload form
    /// (<c>SocialWork:UploadLimitBytes</c>, default 50 MiB: a county's month of records, about half a million rows, fits).
    /// </summary>
    public long UploadLimitBytes { get; }

    /// <summary>
    /// Gets the most cells a report may have (<c>SocialWork:MaxReportCells</c>, default 1,048,576 — about 80 MB of
    /// indicators): a larger report is answered with 400 rather than let one request take the server's memory.
    /// </summary>
    public long MaxReportCells { get; init; } = 1 << 20;

    /// <summary>
    /// Gets the smallest number of people (or records, where no record names a person) a published cell may show
    /// (<c>SocialWork:SuppressBelow</c>, default 5 — this sample's choice, not a rule: set your statistics office's):
    /// every report the API and the dashboard publish hides smaller cells, and those that would reveal them, by default.
    /// A caller may ask for a higher threshold (<c>?suppressBelow=</c>), never a lower one; 0 turns suppression off.
    /// </summary>
    public int SuppressBelow { get; init; } = 5;

    /// <summary>
    /// Gets the most rows a network series may have — periods × (the scope's townships + the county)
    /// (<c>SocialWork:Limits:MaxSeriesRows</c>, default 20,000): a longer series is answered with 400 before any is built.
    /// </summary>
    public long MaxSeriesRows { get; init; } = 20_000;

    /// <summary>Gets the requests one principal may make in a minute (<c>SocialWork:Limits:RequestsPerMinute</c>, default 600); more get 429 with <c>Retry-After</c>.</summary>
    public int RequestsPerMinute { get; init; } = 600;

    /// <summary>
    /// Gets the slowest a request body may arrive, in bytes a second (<c>SocialWork:Limits:MinBodyBytesPerSecond</c>,
    /// default 240, Kestrel's own), after a grace period (<see cref="BodyGracePeriod"/>); a slower body is answered with 408.
    /// </summary>
    public double MinBodyBytesPerSecond { get; init; } = 240;

    /// <summary>Gets how long a body may arrive slower than <see cref="MinBodyBytesPerSecond"/> before it is cut off (<c>SocialWork:Limits:BodyGracePeriodSeconds</c>, default 5).</summary>
    public TimeSpan BodyGracePeriod { get; init; } = TimeSpan.FromSeconds(5);

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
        var limitText = section["UploadLimitBytes"] ?? "52428800";
        if (!long.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) || limit < 1)
        {
            failures.Add($"{Section}:UploadLimitBytes: '{limitText}' is not a positive number of bytes.");
        }
        var cellsText = section["MaxReportCells"] ?? "1048576";
        if (!long.TryParse(cellsText, NumberStyles.None, CultureInfo.InvariantCulture, out var cells) || cells < 1)
        {
            failures.Add($"{Section}:MaxReportCells: '{cellsText}' is not a positive number of cells.");
        }
        var suppressBelow = section["SuppressBelow"] is { } suppressText
            ? int.TryParse(suppressText, NumberStyles.None, CultureInfo.InvariantCulture, out var k) && k <= 1_000_000 ? k : Fail(failures, $"{Section}:SuppressBelow: '{suppressText}' is not a number of people from 0 to 1000000.")
            : 5;
        var limits = section.GetSection("Limits");
        var seriesRows = Positive(limits, "MaxSeriesRows", 20_000, failures);
        var perMinute = Positive(limits, "RequestsPerMinute", 600, failures);
        var bodyRate = Positive(limits, "MinBodyBytesPerSecond", 240, failures);
        var grace = Positive(limits, "BodyGracePeriodSeconds", 5, failures);
        if (grace < 2)
        {
            failures.Add($"{limits.Path}:BodyGracePeriodSeconds: Kestrel needs a grace period of at least 2 seconds.");
        }
        var deadline = ReadDeadline(section.GetSection("Submissions"), failures);
        ReadAuthentication(configuration, failures);
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
        return new WebSettings(asOf.Value, limit, policy!, plan!)
        {
            MaxReportCells = cells,
            SuppressBelow = suppressBelow,
            RecordStore = store,
            MaxSeriesRows = seriesRows,
            RequestsPerMinute = (int)Math.Min(perMinute, int.MaxValue),
            MinBodyBytesPerSecond = bodyRate,
            BodyGracePeriod = TimeSpan.FromSeconds(Math.Min(grace, 3600)),
            Deadline = deadline,
        };
    }

    /// <summary>Reads the due rule of submissions: none unless the bureau sets the days; the zone defaults to China's.</summary>
    private static SubmissionDeadline? ReadDeadline(IConfigurationSection section, List<string> failures)
    {
        var zoneText = section["TimeZone"] ?? "Asia/Shanghai";
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneText);
        if (zone is null)
        {
            failures.Add($"{section.Path}:TimeZone: '{zoneText}' is not an IANA time zone (for example Asia/Shanghai).");
        }
        if (section["DueDaysAfterPeriod"] is not { } daysText)
        {
            return null;
        }
        if (!int.TryParse(daysText, NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days > 366)
        {
            failures.Add($"{section.Path}:DueDaysAfterPeriod: '{daysText}' is not a number of days from 0 to 366.");
            return null;
        }
        return zone is null ? null : new SubmissionDeadline(days, zone);
    }

    private static int Fail(List<string> failures, string failure)
    {
        failures.Add(failure);
        return 0;
    }

    private static long Positive(IConfigurationSection section, string key, long fallback, List<string> failures)
    {
        var text = section[key];
        if (text is null)
        {
            return fallback;
        }
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
        {
            failures.Add($"{section.Path}:{key}: '{text}' is not a positive whole number.");
            return fallback;
        }
        return value;
    }

    /// <summary>
    /// Checks that bearer tokens can be validated at all: signing keys (base64, at least 32 bytes, each naming an issuer the
    /// host accepts) or an <c>Authority</c> whose published keys the handler fetches. Without either no caller could be
    /// authenticated, so the host does not start. The OpenID Connect sign-in, when it has an <c>Authority</c>, needs a
    /// <c>ClientId</c>.
    /// </summary>
    private static void ReadAuthentication(IConfiguration configuration, List<string> failures)
    {
        var bearer = configuration.GetSection(Security.WebSecurity.BearerSection);
        var keys = bearer.GetSection("SigningKeys").GetChildren().ToList();
        if (keys.Count == 0 && string.IsNullOrWhiteSpace(bearer["Authority"]))
        {
            failures.Add($"{bearer.Path}: set SigningKeys (for a local trial: dotnet user-jwts create --claim division=130602 --role viewer) or the Authority of your identity provider; without them no caller can sign in.");
        }
        foreach (var key in keys)
        {
            var value = key["Value"];
            if (value is null || !Convert.TryFromBase64String(value, new byte[value.Length], out var length) || length < 32)
            {
                failures.Add($"{key.Path}:Value: the signing key must be base64 of at least 32 bytes.");
            }
            if (string.IsNullOrWhiteSpace(key["Issuer"]))
            {
                failures.Add($"{key.Path}:Issuer: a signing key names the issuer whose tokens it signs.");
            }
        }
        var oidc = configuration.GetSection(Security.WebSecurity.OpenIdConnectSection);
        if (!string.IsNullOrWhiteSpace(oidc["Authority"]) && string.IsNullOrWhiteSpace(oidc["ClientId"]))
        {
            failures.Add($"{oidc.Path}:ClientId: the dashboard's sign-in needs the client id registered with the identity provider.");
        }
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
    /// <summary>Gets whether a PostgreSQL table the host creates is partitioned by month (<c>PartitionByMonth</c>; default false).</summary>
    public bool PartitionByMonth { get; init; }

    /// <summary>
    /// Gets the division level of the summary table a PostgreSQL store keeps, if any (<c>SummaryLevel</c>: <c>province</c>,
    /// <c>prefecture</c>, <c>county</c>, <c>township</c> or <c>village</c>; default none): reports at that level or coarser
    /// over whole months read it instead of the records.
    /// </summary>
    public DivisionLevel? SummaryLevel { get; init; }

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
        var partitioned = false;
        if (section["PartitionByMonth"] is { } partitionText && !bool.TryParse(partitionText, out partitioned))
        {
            failures.Add($"{section.Path}:PartitionByMonth: '{partitionText}' is not true or false.");
        }
        DivisionLevel? summaryLevel = null;
        if (section["SummaryLevel"] is { Length: > 0 } levelText)
        {
            if (Enum.TryParse<DivisionLevel>(levelText, ignoreCase: true, out var level) && Enum.IsDefined(level) && !char.IsDigit(levelText[0]))
            {
                summaryLevel = level;
            }
            else
            {
                failures.Add($"{section.Path}:SummaryLevel: '{levelText}' is not one of province, prefecture, county, township, village.");
            }
        }
        return new RecordStoreSettings(kind, path, connectionString, table) { PartitionByMonth = partitioned, SummaryLevel = summaryLevel };
    }
}
