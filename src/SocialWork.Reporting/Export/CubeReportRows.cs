namespace SocialWork.Reporting;

/// <summary>
/// The rows of a cube's report, made one at a time as they are read — a report of millions of rows holds the cube and
/// a number per row, not a row object per row — each key masked once (<see cref="ResidentIdNumber.MaskWithin"/>).
/// </summary>
internal sealed class CubeReportRows(Cube cube, DivisionDirectory? directory, bool people, int[]? cells = null, bool[]? suppressed = null) : IReadOnlyList<ReportRow>
{
    private readonly int[] cells = cells ?? cube.RowCells();
    private readonly string[] maskedKeys = [.. cube.KeyAxis.Select(ResidentIdNumber.MaskWithin)];

    public int Count => this.cells.Length;

    public ReportRow this[int index]
    {
        get
        {
            var values = ValuesAt(index);
            return values.Suppressed
                ? new ReportRow { Division = values.Division, Name = values.Name, Period = values.Period, Key = values.Key, Suppressed = true }
                : new ReportRow(IndicatorsAt(index))
                {
                    Division = values.Division,
                    Name = values.Name,
                    Period = values.Period,
                    Key = values.Key,
                    People = values.People,
                    RecordsWithoutPerson = values.RecordsWithoutPerson,
                };
        }
    }

    /// <summary>Gets a row's values without making a <see cref="ReportRow"/>.</summary>
    public ReportRowValues ValuesAt(int index)
    {
        var (division, period, _) = CellAt(index);
        var name = directory is not null && directory.TryGet(division, out var d) ? d.Name : null;
        return new ReportRowValues(division, name, period, maskedKeys[cube.KeyIndexAt(cells[index])], suppressed?[index] == true, IndicatorsAt(index), people ? PeopleAt(index) : null);
    }

    public (DivisionCode Division, ReportingPeriod Period, string Key) CellAt(int index) => cube.CellAt(cells[index]);

    public Indicators IndicatorsAt(int index) => cube.IndicatorsAt(cells[index]);

    public PeopleCount PeopleAt(int index) => cube.PeopleAtCell(cells[index]);

    /// <summary>The same rows with those marked in <paramref name="hidden"/> suppressed.</summary>
    public CubeReportRows Suppressing(bool[] hidden) => new(cube, directory, people, cells, hidden);

    public IEnumerator<ReportRow> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
