using System.Globalization;
using System.Text;

namespace SocialWork.Reporting.Parquet.Tests;

/// <summary>
/// <see cref="ParquetDataset.ImportCsvFileAsync"/> writes slices as they are read and commits them together: the
/// dataset then holds what importing the whole file and appending it holds, a failure leaves nothing, and a file imported
/// again is refused as <c>ImportCsvAsync</c> refuses it.
/// </summary>
public sealed class StreamingImportTests : StoreTestBase
{
    private const int RowCount = 60_000;
    private static readonly RecordImportOptions Sliced = new() { Parallelism = 3 };

    private string Csv(Func<int, string?>? replace = null)
    {
        var path = Path.Combine(Dir, "records.csv");
        var text = new StringBuilder("id,date,division,item,method,person_times,households,amount,programme,person\n");
        var random = new Random(5);
        string[] codes = ["EL.01", "CH.02", "SA.01"];
        for (var row = 1; row <= RowCount; row++)
        {
            text.Append(replace?.Invoke(row) ?? string.Create(CultureInfo.InvariantCulture,
                $"S{row},{new LocalDate(2023, 1, 1).PlusDays(row * 500 / RowCount):yyyy-MM-dd},1306020{random.Next(1, 9):D2}{random.Next(1, 30):D3},{codes[row % 3]},visit,{random.Next(1, 9)},1,{(row % 7 == 0 ? "3.50" : "")},{(row % 11 == 0 ? "bee" : "")},{(row % 4 == 0 ? "" : ReportingArbitraries.PersonPool[row % 8].Value)}\n"));
        }
        File.WriteAllText(path, text.ToString());
        return path;
    }

    private static async Task<List<(string Id, LocalDate Date, DivisionCode Division, string Item, string Programme, long Fen, PersonKey? Person)>> Stored(ParquetDataset dataset)
    {
        var rows = new List<(string, LocalDate, DivisionCode, string, string, long, PersonKey?)>();
        await foreach (var batch in dataset.ReadAsync(TestContext.Current.CancellationToken))
        {
            for (var i = 0; i < batch.Count; i++)
            {
                rows.Add((batch.IdAt(i), batch.DateAt(i), batch.Divisions[batch.DivisionIndices[i]], batch.Codes[batch.CodeIndices[i]].Value, batch.Programmes[batch.ProgrammeIndices[i]], batch.AmountFen[i], batch.PersonAt(i)));
            }
        }
        return [.. rows.OrderBy(r => r.Item1, StringComparer.Ordinal)];
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_file_written_as_it_is_read_holds_what_appending_the_whole_file_holds(bool byMonth)
    {
        var ct = TestContext.Current.CancellationToken;
        var csv = Csv();
        var streamed = new ParquetDataset(Path.Combine(Dir, "streamed"));
        var whole = new ParquetDataset(Path.Combine(Dir, "whole"));

        var summary = await streamed.ImportCsvFileAsync(csv, Sliced, byMonth, ct);
        var import = new CsvRecordImporter().ImportFile(csv);
        await (byMonth ? whole.AppendByMonthAsync(import.Batch, ct) : whole.AppendAsync(import.Batch, ct));

        Assert.Equal((RowCount, RowCount, 0), (summary.Read, summary.Accepted, summary.Rejected.Count));
        Assert.Equal(whole.Files.Select(Path.GetFileName).Count(), streamed.Files.Count);
        Assert.Equal(await Stored(whole), await Stored(streamed));
        var query = new CubeQuery(DivisionLevel.Township, PeriodKind.Month, CubeDimension.Domain);
        var (a, b) = (await whole.QueryAsync(query, ct), await streamed.QueryAsync(query, ct));
        Assert.Equal(a.Rows, b.Rows);
        Assert.Equal(a.TotalPeople, b.TotalPeople);
        // Written slice by slice: more row groups than files (the whole batch makes one row group per file here).
        Assert.True((await ParquetDataset.PlanAsync(streamed.Files, query, ct)).Count > streamed.Files.Count);
        Assert.Empty(Directory.GetFiles(streamed.Directory, "*.tmp"));
    }

    [Fact]
    public async Task A_bad_row_in_strict_mode_leaves_the_dataset_as_it_was()
    {
        var ct = TestContext.Current.CancellationToken;
        var csv = Csv(row => row == 41_234 ? "S41234,2023-13-01,130602001001,EL.01,visit,1,1,,,\n" : null);
        var dataset = new ParquetDataset(Path.Combine(Dir, "strict"));

        var error = await Assert.ThrowsAsync<RecordImportException>(async () => await dataset.ImportCsvFileAsync(csv, Sliced, cancellationToken: ct));

        Assert.Equal(41_235, error.Row.Line);
        Assert.Empty(dataset.Files);
        Assert.Equal(0, await dataset.CountAsync(ct));
        Assert.DoesNotContain(Directory.GetFiles(dataset.Directory, "*", SearchOption.AllDirectories), f => f.EndsWith(".parquet", StringComparison.Ordinal) || f.EndsWith(".tmp", StringComparison.Ordinal) || f.Contains("pending", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_file_imported_again_is_refused_in_strict_mode_and_rejected_row_by_row_in_lenient_mode()
    {
        var ct = TestContext.Current.CancellationToken;
        var csv = Csv();
        var dataset = new ParquetDataset(Path.Combine(Dir, "twice"));
        await dataset.ImportCsvFileAsync(csv, Sliced, cancellationToken: ct);
        var files = dataset.Files.Count;

        var strict = await Assert.ThrowsAsync<RecordImportException>(async () => await dataset.ImportCsvFileAsync(csv, Sliced, cancellationToken: ct));
        Assert.Contains("already stored", strict.Row.Reason, StringComparison.Ordinal);
        var lenient = await dataset.ImportCsvFileAsync(csv, Sliced with { Mode = ImportMode.Lenient }, cancellationToken: ct);

        Assert.Equal((RowCount, 0), (lenient.Read, lenient.Accepted));
        Assert.All(lenient.Rejected, r => Assert.True(r.AlreadyStored));
        Assert.Equal(files, dataset.Files.Count);
        Assert.Equal(RowCount, await dataset.CountAsync(ct));
    }
}
