using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Xunit;

namespace SocialWork.Reporting.Tests;

/// <summary>
/// <see cref="CsvRecordImporter.ImportFile"/> reads a file of several MiB in slices on several threads; whatever the
/// file holds, the outcome must be the one-thread outcome: the same batch, counts, rejected rows and line numbers.
/// </summary>
public sealed class ParallelImportTests : IDisposable
{
    private const int Rows = 260_000;
    private readonly string directory = Directory.CreateTempSubdirectory("socialwork-parallel-import-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Theory]
    [InlineData(false, "\n")]
    [InlineData(true, "\r\n")]
    public void Slices_give_the_one_thread_batch_and_rejected_rows(bool byteOrderMark, string lineEnd)
    {
        var path = Write("records.csv", row => row % 997 == 0 ? $"R{row},2024-02-30,130602001001,S01,EL.01,visit,1,1,\n" : null, byteOrderMark: byteOrderMark, lineEnd: lineEnd);
        Assert.True(new FileInfo(path).Length > 3 * (4 << 20), "the file must be large enough for three slices");
        var lenient = new RecordImportOptions { Mode = ImportMode.Lenient };

        var single = new CsvRecordImporter().ImportFile(path, lenient with { Parallelism = 1 });
        var sliced = new CsvRecordImporter().ImportFile(path, lenient with { Parallelism = 3 });

        Assert.Equal(Rows, sliced.Read);
        Assert.Equal(Rows / 997, sliced.Rejected.Count);
        Assert.Equal(998, sliced.Rejected[0].Line);
        Assert.Equal(single.Rejected, sliced.Rejected);
        AssertSameBatch(single.Batch, sliced.Batch);
    }

    [Fact]
    public void Strict_import_on_slices_stops_at_the_first_bad_row_of_the_file()
    {
        var path = Write("records.csv", row => row is 150_000 or 180_000 ? $"R{row},2024-01-05,130602001001,S01,EL.01,dance,1,1,\n" : null);

        var error = Assert.Throws<RecordImportException>(() => new CsvRecordImporter().ImportFile(path, new RecordImportOptions { Parallelism = 3 }));

        Assert.Equal(150_001, error.Row.Line);
        Assert.Equal("method", error.Row.Column);
        var cubeError = Assert.Throws<RecordImportException>(() => new CsvRecordImporter().ImportCube(path, new CubeQuery(DivisionLevel.County, PeriodKind.Year), new RecordImportOptions { Parallelism = 3 }));
        Assert.Equal(150_001, cubeError.Row.Line);
    }

    [Fact]
    public void A_quote_before_the_last_slice_means_one_thread_so_a_quoted_line_break_stays_in_its_field()
    {
        // A 1.5 MB quoted facility name of 15,000 lines, from about 30 % into the file, spans where the first slice ends.
        var longName = "\"" + string.Concat(Enumerable.Repeat(new string('x', 99) + "\n", 15_000)) + "\"";
        var path = Write("records.csv", row => row == 78_000 ? $"R{row},2024-01-05,130602001001,{longName},EL.01,visit,1,1,\n" : row == 150_000 ? $"R{row},2024-01-05,130602001001,S01,EL.01,dance,1,1,\n" : null);
        var lenient = new RecordImportOptions { Mode = ImportMode.Lenient };

        var single = new CsvRecordImporter().ImportFile(path, lenient with { Parallelism = 1 });
        var sliced = new CsvRecordImporter().ImportFile(path, lenient with { Parallelism = 3 });

        Assert.Equal(Rows, sliced.Read);
        Assert.Equal(150_001 + 15_000, Assert.Single(sliced.Rejected).Line);
        Assert.Equal(single.Rejected, sliced.Rejected);
        AssertSameBatch(single.Batch, sliced.Batch);
    }

    [Fact]
    public void Slices_out_of_date_order_still_give_a_date_ordered_batch_and_report_progress_to_the_end()
    {
        var path = Write("records.csv", row => null, descendingDates: true);
        var reported = new List<int>();

        var sliced = new CsvRecordImporter().ImportFile(path, new RecordImportOptions { Parallelism = 2, Progress = reported.Add });
        var single = new CsvRecordImporter().ImportFile(path, new RecordImportOptions { Parallelism = 1 });

        AssertSameBatch(single.Batch, sliced.Batch);
        var days = sliced.Batch.DayNumbers.ToArray();
        Assert.True(days.Zip(days.Skip(1)).All(p => p.First <= p.Second));
        Assert.Equal(Rows, reported[^1]);
        Assert.Equal(reported.Order(), reported);
    }

    /// <summary>
    /// Generated files of 15 MB (UTF-8 with and without a byte-order mark, CRLF, UTF-16) with bad rows in bands around
    /// every slice boundary (so the first row of each slice is bad), bad rows at random, and sometimes a repeated id:
    /// the sliced import equals the one-thread import in every column, count, rejected row and line number.
    /// </summary>
    [Property(MaxTest = 8, Replay = "20241203,1111111111111111111")]
    public void Sliced_and_one_thread_imports_agree_on_generated_files(PositiveInt seed, bool repeatAnId)
    {
        var random = new Random(seed.Get);
        var variant = seed.Get % 4;
        var threads = 2 + (seed.Get % 2);
        var slices = threads * 4;
        var boundaries = Enumerable.Range(1, slices - 1).Select(k => k * Rows / slices).ToArray();
        var repeated = Rows / 3 + 1000;
        var randomBad = Enumerable.Range(0, 20).Select(_ => random.Next(1, Rows + 1)).Where(row => row != repeated).ToHashSet();
        var path = Write($"generated-{seed.Get}.csv", row =>
                boundaries.Any(b => Math.Abs(row - b) <= 40) || randomBad.Contains(row) ? $"R{row},2024-01-05,130602001001,S01,EL.01,dance,1,1,\n"
                : repeatAnId && row == Rows - 7 ? $"R{repeated},2024-01-05,130602001001,S01,EL.01,visit,1,1,\n"
                : null,
            byteOrderMark: variant == 1,
            lineEnd: variant == 2 ? "\r\n" : "\n",
            encoding: variant == 3 ? Encoding.Unicode : null);
        Assert.True(new FileInfo(path).Length >= 8 << 20);
        var lenient = new RecordImportOptions { Mode = ImportMode.Lenient };

        var single = new CsvRecordImporter().ImportFile(path, lenient with { Parallelism = 1 });
        var sliced = new CsvRecordImporter().ImportFile(path, lenient with { Parallelism = threads });

        Assert.Equal(Rows, sliced.Read);
        Assert.Equal(single.Rejected, sliced.Rejected);
        Assert.Contains(sliced.Rejected, r => r.Line == boundaries[0] + 1);
        Assert.Equal(repeatAnId, sliced.Rejected.Any(r => r.Reason.StartsWith("duplicate id", StringComparison.Ordinal)));
        AssertSameBatch(single.Batch, sliced.Batch);

        // The cube straight from the file (slices folded in as they are read) is the cube of the one-thread batch.
        var query = new CubeQuery(DivisionLevel.Township, PeriodKind.Month, CubeDimension.Domain);
        var streamed = new CsvRecordImporter().ImportCube(path, query, lenient with { Parallelism = threads });
        var built = Cube.Build(single.Batch, query);
        Assert.Equal((single.Read, single.Accepted), (streamed.Import.Read, streamed.Import.Accepted));
        Assert.Equal(single.Rejected, streamed.Import.Rejected);
        Assert.Equal(built.Rows, streamed.Cube.Rows);
        Assert.Equal(built.TotalPeople, streamed.Cube.TotalPeople);
        File.Delete(path);
    }

    private string Write(string name, Func<int, string?> replace, bool descendingDates = false, bool byteOrderMark = false, string lineEnd = "\n", Encoding? encoding = null)
    {
        var path = Path.Combine(directory, name);
        var random = new Random(3);
        string[] codes = ["SA.01", "EL.01", "EL.02", "CH.01", "CG"];
        string[] methods = ["visit", "file", "casework", "group", "activity", "training", "other"];
        using var writer = new StreamWriter(path, false, encoding ?? new UTF8Encoding(byteOrderMark)) { NewLine = lineEnd };
        writer.WriteLine("id,date,division,facility,item,method,person_times,households,amount,programme");
        var start = new LocalDate(2022, 1, 1);
        for (var row = 1; row <= Rows; row++)
        {
            var day = (descendingDates ? Rows - row : row) * 700 / Rows;
            var township = random.Next(1, 9);
            writer.Write((replace(row) ?? string.Create(
                CultureInfo.InvariantCulture,
                $"R{row},{start.PlusDays(day):yyyy-MM-dd},1306020{township:D2}{random.Next(1, 30):D3},S{township},{codes[random.Next(codes.Length)]},{methods[random.Next(methods.Length)]},{random.Next(1, 50)},{random.Next(0, 3)},{(random.Next(10) == 0 ? "12.50" : "")},{(row % 50 == 0 ? "bee" : "")}\n")).Replace("\n", lineEnd, StringComparison.Ordinal));
        }
        return path;
    }

    private static void AssertSameBatch(RecordBatch expected, RecordBatch actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.Divisions, actual.Divisions);
        Assert.Equal(expected.Codes, actual.Codes);
        Assert.Equal(expected.Programmes, actual.Programmes);
        Assert.True(expected.DivisionIndices.SequenceEqual(actual.DivisionIndices));
        Assert.True(expected.DayNumbers.SequenceEqual(actual.DayNumbers));
        Assert.True(expected.CodeIndices.SequenceEqual(actual.CodeIndices));
        Assert.True(expected.ProgrammeIndices.SequenceEqual(actual.ProgrammeIndices));
        Assert.True(expected.Methods.SequenceEqual(actual.Methods));
        Assert.True(expected.Cells.TargetGroup.AsSpan().SequenceEqual(actual.Cells.TargetGroup));
        Assert.True(expected.Parties.SequenceEqual(actual.Parties));
        Assert.True(expected.PersonTimes.SequenceEqual(actual.PersonTimes));
        Assert.True(expected.Households.SequenceEqual(actual.Households));
        Assert.True(expected.AmountFen.SequenceEqual(actual.AmountFen));
    }
}
