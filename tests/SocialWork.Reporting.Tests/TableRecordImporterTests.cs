namespace SocialWork.Reporting.Tests;

public sealed class TableRecordImporterTests
{
    private static readonly string[] Header = ["id", "date", "division", "item", "method", "person_times", "households", "amount", "person"];

    [Fact]
    public void A_table_gives_the_same_records_and_rejects_as_the_same_rows_in_csv()
    {
        string?[][] rows =
        [
            ["R1", "2023-03-05", "130602001001", "EL.01", "visit", "3", "1", "12.50", null],
            ["R2", "2023-03-05", "130602001001", "EL.01", "visit", "3", "1", "12.50", "11010519491231002X"],
            ["R1", "2023-03-06", "130602001001", "EL.01", "visit", "1", "0", "", ""],
            ["R4", "2023-03-06", "130602001002", "SA", "casework", "1"],
        ];
        var options = new RecordImportOptions { Mode = ImportMode.Lenient };
        var table = new TableRecordImporter("rows", Header, options);
        for (var i = 0; i < rows.Length; i++)
        {
            table.Add(i + 2, rows[i]);
        }
        var fromTable = table.Complete();
        var csv = string.Join("\n", [string.Join(",", Header), .. rows.Select(r => string.Join(",", r.Concat(Enumerable.Repeat<string?>(null, Header.Length - r.Length))))]);
        var fromCsv = new CsvRecordImporter().Import(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv)), "rows", options);

        Assert.Equal((4, 1, 3), (fromTable.Read, fromTable.Accepted, fromTable.Rejected.Count));
        Assert.Equal(fromCsv.Rejected.Select(r => (r.Line, r.Column, r.Reason)), fromTable.Rejected.Select(r => (r.Line, r.Column, r.Reason)));
        Assert.DoesNotContain(fromTable.Rejected, r => r.Raw.Contains("11010519491231002X", StringComparison.Ordinal));
        Assert.Equal(Cube.Build(fromCsv.Batch, new CubeQuery(DivisionLevel.Village, PeriodKind.Month)).Total, Cube.Build(fromTable.Batch, new CubeQuery(DivisionLevel.Village, PeriodKind.Month)).Total);
    }

    [Fact]
    public void A_header_without_a_required_column_is_refused_naming_its_line()
    {
        var error = Assert.Throws<RecordImportException>(() => new TableRecordImporter("sheet", ["id", "date"], headerLine: 3));
        Assert.Equal(("sheet", 3, "division"), (error.Row.File, error.Row.Line, error.Row.Column));
    }

    [Fact]
    public void Strict_mode_throws_at_the_first_bad_row_and_the_table_is_then_done()
    {
        var table = new TableRecordImporter("rows", Header);
        Assert.True(table.Add(2, ["R1", "2023-03-05", "130602001001", "EL.01", "visit", "3", "1", "12.50"]));
        var error = Assert.Throws<RecordImportException>(() => table.Add(3, ["R2", "2023-02-30", "130602001001", "EL.01", "visit", "3", "1", "12.50"]));
        Assert.Equal((3, "date"), (error.Row.Line, error.Row.Column));
        Assert.Throws<InvalidOperationException>(() => table.Add(4, []));
        Assert.Throws<InvalidOperationException>(() => table.Complete());
    }
}
