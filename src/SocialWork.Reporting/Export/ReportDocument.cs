using System.Text.Json.Serialization;
using SocialWork.Json;

namespace SocialWork.Reporting;

/// <summary>The indicator fields of a report row or total, in the order of the report format.</summary>
public class ReportIndicators
{
    /// <summary>Gets or sets the records.</summary>
    [JsonPropertyOrder(10)]
    public long Records { get; set; }

    /// <summary>Gets or sets the person-times.</summary>
    [JsonPropertyOrder(11)]
    public long PersonTimes { get; set; }

    /// <summary>Gets or sets the households.</summary>
    [JsonPropertyOrder(12)]
    public long Households { get; set; }

    /// <summary>Gets or sets the resources linked (yuan with two decimals in JSON).</summary>
    [JsonPropertyOrder(13)]
    public Money Amount { get; set; }

    /// <summary>Gets or sets the home-visit records.</summary>
    [JsonPropertyOrder(14)]
    public long Visits { get; set; }

    /// <summary>Gets or sets the case-file records.</summary>
    [JsonPropertyOrder(15)]
    public long Files { get; set; }

    /// <summary>Gets or sets the casework records.</summary>
    [JsonPropertyOrder(16)]
    public long Casework { get; set; }

    /// <summary>Gets or sets the group-work records.</summary>
    [JsonPropertyOrder(17)]
    public long Groups { get; set; }

    /// <summary>Gets or sets the activity records.</summary>
    [JsonPropertyOrder(18)]
    public long Activities { get; set; }

    /// <summary>Gets or sets the training records.</summary>
    [JsonPropertyOrder(19)]
    public long Trainings { get; set; }

    internal T Fill<T>(Indicators i)
        where T : ReportIndicators
    {
        Records = i.Records;
        PersonTimes = i.PersonTimes;
        Households = i.Households;
        Amount = i.Amount;
        Visits = i.Visits;
        Files = i.Files;
        Casework = i.Casework;
        Groups = i.Groups;
        Activities = i.Activities;
        Trainings = i.Trainings;
        return (T)this;
    }
}

/// <summary>One row of a report: a cube cell with its coordinates.</summary>
public sealed class ReportRow : ReportIndicators
{
    /// <summary>Gets or sets the 12-digit division code.</summary>
    [JsonPropertyOrder(0)]
    public DivisionCode Division { get; set; }

    /// <summary>Gets or sets the division name, when a directory was given.</summary>
    [JsonPropertyOrder(1)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Name { get; set; }

    /// <summary>Gets or sets the period label.</summary>
    [JsonPropertyOrder(2)]
    public Period Period { get; set; }

    /// <summary>Gets or sets the dimension key (empty for none).</summary>
    [JsonPropertyOrder(3)]
    public string Key { get; set; } = string.Empty;
}

/// <summary>How many rows the input had.</summary>
/// <param name="Read">Rows read.</param>
/// <param name="Accepted">Rows accepted.</param>
/// <param name="Rejected">Rows rejected.</param>
public sealed record ReportInput(int Read, int Accepted, int Rejected);

/// <summary>
/// The JSON report: <c>{"level","period","by","rows":[…],"total":{…},"input":{"read","accepted","rejected"}}</c>, rows
/// sorted by division, period and key, amounts as numbers with two decimals.
/// </summary>
public sealed class ReportDocument
{
    /// <summary>Gets or sets the division level.</summary>
    public DivisionLevel Level { get; set; }

    /// <summary>Gets or sets the period kind.</summary>
    public PeriodKind Period { get; set; }

    /// <summary>Gets or sets the dimension.</summary>
    public CubeDimension By { get; set; }

    /// <summary>Gets or sets the rows.</summary>
    public IReadOnlyList<ReportRow> Rows { get; set; } = [];

    /// <summary>Gets or sets the total.</summary>
    public ReportIndicators Total { get; set; } = new();

    /// <summary>Gets or sets the input counts.</summary>
    public ReportInput Input { get; set; } = new(0, 0, 0);

    /// <summary>Builds the document of a cube.</summary>
    /// <param name="cube">The cube.</param>
    /// <param name="input">The input counts; the cube's record count when omitted.</param>
    /// <param name="directory">Division names, if known.</param>
    /// <returns>The document.</returns>
    public static ReportDocument From(Cube cube, ReportInput? input = null, DivisionDirectory? directory = null)
    {
        ArgumentNullException.ThrowIfNull(cube);
        var records = (int)Math.Min(int.MaxValue, cube.Total.Records);
        return new ReportDocument
        {
            Level = cube.Level,
            Period = cube.PeriodKind,
            By = cube.Dimension,
            Rows = [.. cube.Rows.Select(r => new ReportRow
            {
                Division = r.Division,
                Name = directory is not null && directory.TryGet(r.Division, out var d) ? d.Name : null,
                Period = r.Period,
                Key = r.Key,
            }.Fill<ReportRow>(r.Indicators))],
            Total = new ReportIndicators().Fill<ReportIndicators>(cube.Total),
            Input = input ?? new ReportInput(records, records, 0),
        };
    }
}

/// <summary>Source-generated JSON for the report document (camelCase, enums as camelCase strings, exact amounts).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    Converters =
    [
        typeof(DivisionCodeJsonConverter),
        typeof(PeriodJsonConverter),
        typeof(MoneyJsonConverter),
        typeof(CamelCaseEnumConverter<DivisionLevel>),
        typeof(CamelCaseEnumConverter<PeriodKind>),
        typeof(CamelCaseEnumConverter<CubeDimension>),
    ])]
[JsonSerializable(typeof(ReportDocument))]
public sealed partial class ReportJsonContext : JsonSerializerContext;
