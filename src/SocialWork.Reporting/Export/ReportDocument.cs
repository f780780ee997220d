using System.Text.Json.Serialization;
using SocialWork.Json;

namespace SocialWork.Reporting;

/// <summary>
/// The indicator fields of a report row or total, in the order of the report format; all <see langword="null"/> in a
/// suppressed row (<see cref="ReportRow.Suppressed"/>), never 0.
/// </summary>
public class ReportIndicators
{
    /// <summary>Creates empty indicators (for deserialisation).</summary>
    public ReportIndicators()
    {
    }

    /// <summary>Creates the report fields of <paramref name="indicators"/>.</summary>
    /// <param name="indicators">The indicators.</param>
    public ReportIndicators(Indicators indicators)
    {
        Records = indicators.Records;
        PersonTimes = indicators.PersonTimes;
        Households = indicators.Households;
        Amount = indicators.Amount;
        Visits = indicators.Visits;
        Files = indicators.Files;
        Casework = indicators.Casework;
        Groups = indicators.Groups;
        Activities = indicators.Activities;
        Trainings = indicators.Trainings;
        Others = indicators.Others;
    }

    /// <summary>Gets the records.</summary>
    [JsonPropertyOrder(10)]
    public long? Records { get; init; }

    /// <summary>Gets the person-times.</summary>
    [JsonPropertyOrder(11)]
    public long? PersonTimes { get; init; }

    /// <summary>
    /// Gets the distinct people served (人) among the records that name one — recomputed at each level, never summed
    /// (one person served by two stations is one person in the county); <see langword="null"/>, and absent from JSON, when
    /// no record of the report names a person.
    /// </summary>
    [JsonPropertyOrder(12)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? People { get; init; }

    /// <summary>
    /// Gets the records that name no person — counted in person-times, not in <see cref="People"/>; present exactly when
    /// <see cref="People"/> is.
    /// </summary>
    [JsonPropertyOrder(13)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? RecordsWithoutPerson { get; init; }

    /// <summary>Gets the households.</summary>
    [JsonPropertyOrder(14)]
    public long? Households { get; init; }

    /// <summary>Gets the resources linked (yuan with two decimals in JSON).</summary>
    [JsonPropertyOrder(15)]
    public Money? Amount { get; init; }

    /// <summary>Gets the home-visit records.</summary>
    [JsonPropertyOrder(16)]
    public long? Visits { get; init; }

    /// <summary>Gets the case-file records.</summary>
    [JsonPropertyOrder(17)]
    public long? Files { get; init; }

    /// <summary>Gets the casework records.</summary>
    [JsonPropertyOrder(18)]
    public long? Casework { get; init; }

    /// <summary>Gets the group-work records.</summary>
    [JsonPropertyOrder(19)]
    public long? Groups { get; init; }

    /// <summary>Gets the activity records.</summary>
    [JsonPropertyOrder(20)]
    public long? Activities { get; init; }

    /// <summary>Gets the training records.</summary>
    [JsonPropertyOrder(21)]
    public long? Trainings { get; init; }

    /// <summary>Gets the records of other methods, so that the method counts add up to <see cref="Records"/>.</summary>
    [JsonPropertyOrder(22)]
    public long? Others { get; init; }
}

/// <summary>One row of a report: a cube cell with its coordinates.</summary>
public sealed class ReportRow : ReportIndicators
{
    /// <summary>Creates an empty row (for deserialisation).</summary>
    public ReportRow()
    {
    }

    /// <summary>Creates a row with the indicators of a cell.</summary>
    /// <param name="indicators">The cell's indicators.</param>
    public ReportRow(Indicators indicators)
        : base(indicators)
    {
    }

    /// <summary>Gets the 12-digit division code.</summary>
    [JsonPropertyOrder(0)]
    public DivisionCode Division { get; init; }

    /// <summary>Gets the division name, when a directory was given.</summary>
    [JsonPropertyOrder(1)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Name { get; init; }

    /// <summary>Gets the period label.</summary>
    [JsonPropertyOrder(2)]
    public ReportingPeriod Period { get; init; }

    /// <summary>Gets the dimension key (empty for none).</summary>
    [JsonPropertyOrder(3)]
    public string Key { get; init; } = string.Empty;

    /// <summary>
    /// Gets a value indicating whether the cell is suppressed (<see cref="ReportOptions.SuppressBelow"/>): its indicator
    /// fields are then <see langword="null"/>. Written to JSON only when true.
    /// </summary>
    [JsonPropertyOrder(4)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Suppressed { get; init; }
}

/// <summary>How a report is published.</summary>
public sealed record ReportOptions
{
    /// <summary>
    /// Gets k for small-cell suppression (<see cref="SmallCellSuppression"/>): a row with 1 to k − 1 people — or
    /// records, when no record names a person — is suppressed, and so are the smallest others needed so that no
    /// suppressed row can be worked out from the published total. 0 (the default) suppresses nothing.
    /// </summary>
    public int SuppressBelow
    {
        get;
        init => field = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "SuppressBelow must be 0 (off) or a positive threshold.");
    }
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
    /// <summary>Gets the division level.</summary>
    public DivisionLevel Level { get; init; }

    /// <summary>Gets the period kind.</summary>
    public PeriodKind Period { get; init; }

    /// <summary>Gets the dimension.</summary>
    public CubeDimension By { get; init; }

    /// <summary>Gets the rows.</summary>
    public IReadOnlyList<ReportRow> Rows { get; init; } = [];

    /// <summary>Gets the total.</summary>
    public ReportIndicators Total { get; init; } = new();

    /// <summary>Gets the input counts.</summary>
    public ReportInput Input { get; init; } = new(0, 0, 0);

    /// <summary>
    /// Gets the k the rows were suppressed below (0 when none was asked), for the footnote of tables and CSV; written to
    /// JSON as <c>suppressedBelow</c> when suppression applied, so a published document says so.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int SuppressedBelow { get; init; }

    /// <summary>Gets a value indicating whether the suppression counted people (or records, when no record names a person).</summary>
    [JsonIgnore]
    public bool SuppressedByPeople { get; init; }

    /// <summary>
    /// Gets a value indicating whether a record can count under several keys (a report by party), so the rows do not add
    /// up to the total. Written to JSON only when true.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool KeysOverlap { get; init; }

    /// <summary>Gets the footnotes a table or CSV of this report carries, in English or Chinese: keys that overlap, rows suppressed.</summary>
    /// <param name="chinese">Whether in Chinese.</param>
    /// <returns>The footnotes; none for a plain report.</returns>
    public IReadOnlyList<string> Footnotes(bool chinese)
    {
        var notes = new List<string>();
        if (KeysOverlap)
        {
            notes.Add(chinese
                ? "注：一条记录涉及几个联动主体，就计入几个分类，各分类相加大于合计；合计为记录本身的合计。"
                : "Note: a record counts under every party it names, so the rows add up to more than the total; the total is the records' own.");
        }
        if (Rows.Any(r => r.Suppressed))
        {
            notes.Add(chinese
                ? $"* 已隐去：{(SuppressedByPeople ? "服务人数" : "记录数")}少于{SuppressedBelow}的格，以及为防止由合计反推而一并隐去的格。合计未变。"
                : $"* suppressed: cells with fewer than {SuppressedBelow} {(SuppressedByPeople ? "people" : "records")}, and the cells hidden with them so that none can be worked out from the total. Totals are unchanged.");
        }
        return notes;
    }

    /// <summary>Builds the document of a cube.</summary>
    /// <param name="cube">The cube.</param>
    /// <param name="input">The input counts; the cube's record count when omitted.</param>
    /// <param name="directory">Division names, if known.</param>
    /// <param name="options">How to publish (small-cell suppression); nothing suppressed when omitted.</param>
    /// <returns>The document.</returns>
    public static ReportDocument From(Cube cube, ReportInput? input = null, DivisionDirectory? directory = null, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(cube);
        var records = (int)Math.Min(int.MaxValue, cube.Total.Records);
        var people = cube.KnowsPeople && cube.TotalPeople is { People: > 0 } total ? total : (PeopleCount?)null;
        var document = new ReportDocument
        {
            Level = cube.Level,
            Period = cube.PeriodKind,
            By = cube.Dimension,
            Rows = [.. cube.Rows.Select(r => new ReportRow(r.Indicators)
            {
                Division = r.Division,
                Name = directory is not null && directory.TryGet(r.Division, out var d) ? d.Name : null,
                Period = r.Period,
                Key = ResidentIdNumber.MaskWithin(r.Key),
                People = people is null ? null : cube.PeopleAt(r.Division, r.Period, r.Key).People,
                RecordsWithoutPerson = people is null ? null : cube.PeopleAt(r.Division, r.Period, r.Key).RecordsWithoutPerson,
            })],
            Total = new ReportIndicators(cube.Total) { People = people?.People, RecordsWithoutPerson = people?.RecordsWithoutPerson },
            Input = input ?? new ReportInput(records, records, 0),
            KeysOverlap = cube.KeysOverlap,
        };
        var k = options?.SuppressBelow ?? 0;
        if (k < 2)
        {
            return document;
        }

        // The lines no suppressed row may be alone in: the report's own total over every row, and — because the report of
        // the level above publishes each parent's row — the rows under each parent in a period and key, whose sum is that
        // parent's published row. Suppressing both together, subtracting one published report from the other recovers no
        // hidden row. (By party the rows overlap and do not add up; suppression is then as cautious as for rows that do.)
        // Sensitive: 1 to k − 1 people (records when no one is named), and, when people are counted, a row whose records
        // name no one, which publishes records of people the count cannot see.
        var rows = document.Rows;
        long[] values = [.. rows.Select(r => people is null ? r.Records!.Value : r.People!.Value)];
        bool[] sensitive = [.. rows.Select((r, i) => (values[i] >= 1 && values[i] < k) || (people is not null && values[i] == 0 && r.Records > 0))];
        // The parents' lines first, then the report's total: a cell hidden for its parent's line often protects the total's too.
        var lines = new List<IReadOnlyList<int>>();
        if (cube.Level > DivisionLevel.Province)
        {
            lines.AddRange(Enumerable.Range(0, rows.Count)
                .GroupBy(i => (Parent: rows[i].Division.Level >= cube.Level ? rows[i].Division.AncestorAt(cube.Level - 1) : rows[i].Division, rows[i].Period, rows[i].Key))
                .Select(group => (IReadOnlyList<int>)group.ToArray()));
        }
        lines.Add(Enumerable.Range(0, rows.Count).ToArray());
        var suppressed = SmallCellSuppression.Apply(values, sensitive, lines);
        return new ReportDocument
        {
            Level = document.Level,
            Period = document.Period,
            By = document.By,
            Rows = [.. rows.Select((r, i) => suppressed[i] ? new ReportRow { Division = r.Division, Name = r.Name, Period = r.Period, Key = r.Key, Suppressed = true } : r)],
            Total = document.Total,
            Input = document.Input,
            KeysOverlap = document.KeysOverlap,
            SuppressedBelow = k,
            SuppressedByPeople = people is not null,
        };
    }
}

/// <summary>Source-generated JSON for the report document (camelCase, enums as camelCase strings, exact amounts).</summary>
[JsonSourceGenerationOptions(
    AllowDuplicateProperties = false,
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
internal sealed partial class ReportJsonContext : JsonSerializerContext;
