namespace SocialWork.Reporting;

/// <summary>
/// What changed between two snapshots of the same report: every cell (division, period, key) and indicator whose value
/// differs — a cell only one of them has shows <see langword="null"/> on the other side — and the records added and
/// withdrawn between them. JSON: <c>{"cells":[{"division","period","key","indicator","old","new"}…],
/// "recordsAdded":[ids],"recordsWithdrawn":[ids]}</c> (<see cref="ReportDiffJson"/>).
/// </summary>
public sealed class ReportDiff
{
    /// <summary>The indicators compared, by their JSON names, in the report's column order.</summary>
    public static IReadOnlyList<string> Indicators { get; } = ["records", "personTimes", "households", "amount", "visits", "files", "casework", "groups", "activities", "trainings", "others", "people", "recordsWithoutPerson"];

    private ReportDiff(IReadOnlyList<ReportCellChange> cells, IReadOnlyList<string> added, IReadOnlyList<string> withdrawn)
        => (Cells, RecordsAdded, RecordsWithdrawn) = (cells, added, withdrawn);

    /// <summary>Gets the changed values, in the order of the cells (division, period, key) and then of <see cref="Indicators"/>.</summary>
    public IReadOnlyList<ReportCellChange> Cells { get; }

    /// <summary>Gets the ids of records the newer snapshot counts and the older does not, in ordinal order.</summary>
    public IReadOnlyList<string> RecordsAdded { get; }

    /// <summary>Gets the ids of records the older snapshot counts and the newer does not (withdrawn, or moved out), in ordinal order.</summary>
    public IReadOnlyList<string> RecordsWithdrawn { get; }

    /// <summary>Gets whether nothing changed.</summary>
    public bool IsEmpty => Cells.Count == 0 && RecordsAdded.Count == 0 && RecordsWithdrawn.Count == 0;

    /// <summary>Compares two snapshots of the same division, period and dimension.</summary>
    /// <param name="older">The earlier snapshot (a submitted revision, say).</param>
    /// <param name="newer">The later one.</param>
    /// <returns>The differences; empty for a snapshot compared with itself.</returns>
    /// <exception cref="ArgumentException">The snapshots report different divisions, periods or dimensions.</exception>
    public static ReportDiff Between(ReportSnapshot older, ReportSnapshot newer)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        if (older.Division != newer.Division || older.Period != newer.Period || older.By != newer.By)
        {
            throw new ArgumentException($"Snapshots of {older.Division} {older.Period} by {older.By} and {newer.Division} {newer.Period} by {newer.By} are not of the same report.", nameof(newer));
        }
        var before = Rows(older.Report);
        var after = Rows(newer.Report);
        var cells = new List<ReportCellChange>();
        foreach (var cell in before.Keys.Union(after.Keys).Order())
        {
            var a = before.GetValueOrDefault(cell);
            var b = after.GetValueOrDefault(cell);
            for (var i = 0; i < Indicators.Count; i++)
            {
                var (old, @new) = (Value(a, i), Value(b, i));
                if (old != @new)
                {
                    cells.Add(new ReportCellChange(cell.Division, cell.Period, cell.Key, Indicators[i], old, @new));
                }
            }
        }
        var oldIds = older.RecordIds.ToHashSet(StringComparer.Ordinal);
        var newIds = newer.RecordIds.ToHashSet(StringComparer.Ordinal);
        return new ReportDiff(
            cells.AsReadOnly(),
            Array.AsReadOnly(newer.RecordIds.Where(id => !oldIds.Contains(id)).ToArray()),
            Array.AsReadOnly(older.RecordIds.Where(id => !newIds.Contains(id)).ToArray()));
    }

    private static Dictionary<CellKey, ReportRow> Rows(ReportDocument report)
    {
        var rows = new Dictionary<CellKey, ReportRow>();
        foreach (var row in report.Rows)
        {
            rows[new CellKey(row.Division, row.Period, row.Key)] = row;
        }
        return rows;
    }

    /// <summary>Indicator <paramref name="i"/> of a row (amounts in yuan), <see langword="null"/> for no row or a value not shown.</summary>
    private static decimal? Value(ReportRow? row, int i) => row is null ? null : i switch
    {
        0 => row.Records,
        1 => row.PersonTimes,
        2 => row.Households,
        3 => row.Amount?.Yuan,
        4 => row.Visits,
        5 => row.Files,
        6 => row.Casework,
        7 => row.Groups,
        8 => row.Activities,
        9 => row.Trainings,
        10 => row.Others,
        11 => row.People,
        _ => row.RecordsWithoutPerson,
    };

    private readonly record struct CellKey(DivisionCode Division, ReportingPeriod Period, string Key) : IComparable<CellKey>
    {
        public int CompareTo(CellKey other)
        {
            var c = Division.CompareTo(other.Division);
            c = c != 0 ? c : Period.CompareTo(other.Period);
            return c != 0 ? c : string.CompareOrdinal(Key, other.Key);
        }
    }
}
