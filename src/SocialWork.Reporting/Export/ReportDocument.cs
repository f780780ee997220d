using System.Text.Json.Serialization;
using SocialWork.Json;

namespace SocialWork.Reporting;

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

    /// <summary>
    /// Gets the rows. A document made by <see cref="From"/> keeps its cube and makes each row when it is read, so a report
    /// of millions of rows holds no row objects; read a row once and keep it if it is needed again.
    /// </summary>
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
        if (SuppressedBelow > 0 && Rows.Any(r => r.Suppressed))
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
        var rows = new CubeReportRows(cube, directory, people is not null);
        var document = new ReportDocument
        {
            Level = cube.Level,
            Period = cube.PeriodKind,
            By = cube.Dimension,
            Rows = rows,
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
        long[] values = [.. Enumerable.Range(0, rows.Count).Select(i => people is null ? rows.IndicatorsAt(i).Records : rows.PeopleAt(i).People)];
        bool[] sensitive = [.. Enumerable.Range(0, rows.Count).Select(i => (values[i] >= 1 && values[i] < k) || (people is not null && values[i] == 0 && rows.IndicatorsAt(i).Records > 0))];
        // The parents' lines first, then the report's total: a cell hidden for its parent's line often protects the total's too.
        var lines = new List<IReadOnlyList<int>>();
        if (cube.Level > DivisionLevel.Province)
        {
            lines.AddRange(Enumerable.Range(0, rows.Count)
                .GroupBy(i => rows.CellAt(i) is var (division, period, key) ? (Parent: division.Level >= cube.Level ? division.AncestorAt(cube.Level - 1) : division, period, key) : default)
                .Select(group => (IReadOnlyList<int>)group.ToArray()));
        }
        lines.Add(Enumerable.Range(0, rows.Count).ToArray());
        return new ReportDocument
        {
            Level = document.Level,
            Period = document.Period,
            By = document.By,
            Rows = rows.Suppressing(SmallCellSuppression.Apply(values, sensitive, lines)),
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
