namespace SocialWork.Reporting.Parquet.Tests;

/// <summary>
/// Files written by earlier versions stay readable. <c>Fixtures/layout1.parquet</c> was written by version 0.1 (Parquet.Net,
/// layout 1: person keys as their 43-character text) with <c>convert --partition none</c> from
/// <c>Fixtures/layout1-records.csv</c> (400 generated records, two in three naming a person).
/// </summary>
public sealed class EarlierLayoutTests : StoreTestBase
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    private static RecordBatch FromCsv()
    {
        using var csv = File.OpenRead(Fixture("layout1-records.csv"));
        return new CsvRecordImporter().Import(csv, "layout1-records.csv").Batch;
    }

    [Fact]
    public async Task A_layout_1_file_reads_back_as_the_csv_it_was_converted_from()
    {
        var expected = FromCsv();
        var back = await ParquetRecordFile.ReadAsync(Fixture("layout1.parquet"), TestContext.Current.CancellationToken);

        Assert.Equal(400, back.Count);
        Assert.True(back.HasPeople);
        Assert.Equal(Rows(expected), Rows(back));
        Assert.Equal(Enumerable.Range(0, expected.Count).Select(expected.IdAt), Enumerable.Range(0, back.Count).Select(back.IdAt));
    }

    [Fact]
    public async Task A_dataset_holding_a_layout_1_file_and_a_new_one_counts_people_across_both()
    {
        var ct = TestContext.Current.CancellationToken;
        var dataset = new ParquetDataset(Dir);
        File.Copy(Fixture("layout1.parquet"), Path.Combine(Dir, "2022-old.parquet"));   // a folder written before commits: the first writer commits it
        var old = FromCsv();
        var more = RecordBatch.From(Enumerable.Range(0, 30).Select(i => new ServiceRecord(
            $"N{i}", new LocalDate(2023, 6, 1 + (i % 28)), DivisionCode.Parse("130602005014"), ServiceCode.Parse("EL.01"), ServiceMethod.Visit, 1, 0,
            person: old.People[i % old.People.Count])));
        await dataset.AppendAsync(more, ct);

        var query = new CubeQuery(DivisionLevel.County, PeriodKind.Year);
        var stored = await dataset.QueryAsync(query, ct);
        var direct = Cube.Build(RecordBatch.Concat([old, more]), query);
        Assert.Equal(direct.Total, stored.Total);
        Assert.Equal(direct.TotalPeople, stored.TotalPeople);
        Assert.Equal(old.People.Count, stored.TotalPeople.People);   // the new file's people are all among the old file's
        Assert.Equal([.. direct.Rows], [.. stored.Rows]);
    }
}
