using System.Text;

namespace SocialWork.Reporting.Tests;

/// <summary>Careless and hostile inputs: repeated ids, over-long rows, unclosed quotes. Nothing is lost or counted twice.</summary>
public sealed class ImportSafetyTests : IDisposable
{
    private const string Header = "id,date,division,facility,item,method,person_times,households,amount";
    private readonly string directory = Directory.CreateTempSubdirectory("socialwork-import-safety-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static ImportResult Import(string csv, ImportMode mode, int maxRowLength = RecordImportOptions.DefaultMaxRowLength)
        => new CsvRecordImporter().Import(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "records.csv", new RecordImportOptions { Mode = mode, MaxRowLength = maxRowLength });

    private static string Row(string id, int personTimes = 3) => $"{id},2024-01-05,130602005001,,EL,visit,{personTimes},1,";

    [Fact]
    public void A_repeated_id_is_a_rejected_row_naming_the_first_line()
    {
        var result = Import($"{Header}\n{Row("R1")}\n{Row("R2")}\n{Row("R1", 7)}\n", ImportMode.Lenient);

        Assert.Equal((3, 2), (result.Read, result.Accepted));
        var rejected = Assert.Single(result.Rejected);
        Assert.Equal((4, "id", "duplicate id R1, first on line 2"), (rejected.Line, rejected.Column, rejected.Reason));
        Assert.Equal(6, result.Batch.PersonTimes.ToArray().Sum());
    }

    [Fact]
    public void A_repeated_id_stops_a_strict_import()
    {
        var error = Assert.Throws<RecordImportException>(() => Import($"{Header}\n{Row("R1")}\n{Row("R1")}\n", ImportMode.Strict));
        Assert.Equal("records.csv: line 3: column 'id': duplicate id R1, first on line 2", error.Message);
    }

    [Fact]
    public void A_rejected_row_does_not_claim_its_id_so_its_correction_is_accepted()
    {
        var result = Import($"{Header}\n{Row("R1").Replace("visit", "dance", StringComparison.Ordinal)}\n{Row("R1")}\n", ImportMode.Lenient);
        Assert.Equal((2, 1), (result.Read, result.Accepted));
        Assert.Equal("method", Assert.Single(result.Rejected).Column);
    }

    [Fact]
    public void A_repeated_id_in_json_is_rejected_with_its_path()
    {
        var json = """[{"id":"R1","date":"2024-01-05","division":"130602005001","item":"EL","method":"visit","personTimes":3,"households":1},""" + "\n"
            + """{"id":"R1","date":"2024-01-06","division":"130602005001","item":"EL","method":"visit","personTimes":3,"households":1}]""";
        var result = new JsonRecordImporter().Import(Encoding.UTF8.GetBytes(json), "records.json", new RecordImportOptions { Mode = ImportMode.Lenient });
        var rejected = Assert.Single(result.Rejected);
        Assert.Equal(("$[1].id", "duplicate id R1, first on line 1", 2), (rejected.Column, rejected.Reason, rejected.Line));
    }

    [Fact]
    public void A_fifty_megabyte_row_is_rejected_with_its_line_and_memory_stays_bounded()
    {
        var path = Path.Combine(directory, "long.csv");
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false)))
        {
            writer.Write($"{Header}\n{Row("R1")}\nR2,2024-01-05,130602005001,");
            var chunk = new string('x', 1 << 20);
            for (var i = 0; i < 50; i++)
            {
                writer.Write(chunk);
            }
            writer.Write($",EL,visit,3,1,\n{Row("R3")}\n");
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var lenient = new CsvRecordImporter().ImportFile(path, new RecordImportOptions { Mode = ImportMode.Lenient, Parallelism = 1 });
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal((3, 2), (lenient.Read, lenient.Accepted));
        var rejected = Assert.Single(lenient.Rejected);
        Assert.Equal(3, rejected.Line);
        Assert.StartsWith("the row is longer than 4194304 characters", rejected.Reason, StringComparison.Ordinal);
        Assert.True(rejected.Raw.Length < 300, "the rejected row keeps a preview, not 50 MB");
        Assert.True(allocated < 48L << 20, $"allocated {allocated:N0} bytes for a 50 MB row");

        var strict = Assert.Throws<RecordImportException>(() => new CsvRecordImporter().ImportFile(path));
        Assert.Equal(3, strict.Row.Line);
        Assert.Contains("longer than 4194304 characters", strict.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RecordImportOptions.DefaultMaxRowLength)]
    [InlineData(100_000)]
    public void An_unclosed_quote_rejects_every_line_it_swallows_so_no_row_vanishes(int maxRowLength)
    {
        var csv = new StringBuilder($"{Header}\n{Row("R1")}\nR2,2024-01-05,130602005001,\"stray,EL,visit,3,1,\n");
        for (var i = 4; i <= 50_001; i++)
        {
            csv.Append(Row($"R{i}")).Append('\n');
        }

        var result = Import(csv.ToString(), ImportMode.Lenient, maxRowLength);

        Assert.Equal(50_000, result.Read);
        Assert.Equal(1, result.Accepted);
        Assert.Equal(Enumerable.Range(3, 49_999), result.Rejected.Select(r => r.Line));
        Assert.Contains("line 3", result.Rejected[0].Reason, StringComparison.Ordinal);
        Assert.Contains("opens on line 3", result.Rejected[^1].Reason + result.Rejected[^1].Reason.Replace("starts", "opens", StringComparison.Ordinal), StringComparison.Ordinal);
        if (maxRowLength == RecordImportOptions.DefaultMaxRowLength)
        {
            Assert.Equal(Row("R50001"), result.Rejected[^1].Raw);
        }

        var strict = Assert.Throws<RecordImportException>(() => Import(csv.ToString(), ImportMode.Strict, maxRowLength));
        Assert.Equal(3, strict.Row.Line);
        Assert.Contains("quote left open on line 3", strict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quoted_line_break_in_a_valid_row_is_one_row()
    {
        var result = Import($"{Header}\nR1,2024-01-05,130602005001,\"Room\nB\",EL,visit,3,1,\n{Row("R2")}\n", ImportMode.Strict);
        Assert.Equal((2, 2), (result.Read, result.Accepted));
    }

    [Fact]
    public void An_import_result_that_loses_rows_cannot_be_made()
        => Assert.Throws<ArgumentException>(() => new ImportResult(RecordBatch.Empty, 5, []));

    [Fact]
    public void Max_row_length_is_checked()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RecordImportOptions { MaxRowLength = 15 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new RecordImportOptions { MaxRowLength = RecordImportOptions.MaxRowLengthLimit + 1 });
    }
}

public class ImportMessageTests
{
    [Theory]
    [InlineData("5000000000000000000", "'5000000000000000000' is too large: at most 2147483647")]
    [InlineData("2147483648", "'2147483648' is too large: at most 2147483647")]
    [InlineData("3x", "'3x' is not a whole number")]
    [InlineData("-5", "'-5' is negative")]
    public void Counts_say_what_is_wrong_with_them(string value, string reason)
    {
        var csv = $"id,date,division,facility,item,method,person_times,households,amount\nR1,2024-01-05,130602005001,,EL,visit,{value},1,\n";
        var result = new CsvRecordImporter().Import(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "r.csv", new RecordImportOptions { Mode = ImportMode.Lenient });
        Assert.Equal(reason, Assert.Single(result.Rejected).Reason);
    }

    [Fact]
    public void A_header_that_repeats_a_column_names_the_file_line_and_column()
    {
        var csv = "id,date,division,facility,item,method,person_times,households,amount,id\nR1,2024-01-05,130602005001,,EL,visit,3,1,,R9\n";
        var error = Assert.Throws<RecordImportException>(() => new CsvRecordImporter().Import(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "r.csv"));
        Assert.Equal("r.csv: line 1: column 'id': the header names the column id 2 times; each column may appear once", error.Message);
    }

    [Fact]
    public void The_facility_column_may_be_left_out_since_reports_do_not_read_it()
    {
        var csv = "id,date,division,item,method,person_times,households,amount\nR1,2024-01-05,130602005001,EL,visit,3,1,\n";
        Assert.Equal(1, new CsvRecordImporter().Import(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "r.csv").Accepted);
        Assert.DoesNotContain("facility", CsvRecordImporter.RequiredColumns);
    }

    [Fact]
    public void An_empty_file_names_the_header_it_needs()
    {
        var error = Assert.Throws<RecordImportException>(() => new CsvRecordImporter().Import(new MemoryStream([]), "r.csv"));
        Assert.StartsWith("r.csv: line 1: column '(header)': the file is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_json_records_document_with_a_byte_order_mark_is_read()
    {
        var json = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("""[{"id":"R1","date":"2024-01-05","division":"130602005001","item":"EL","method":"visit","personTimes":3,"households":1}]""")).ToArray();
        Assert.Equal(1, new JsonRecordImporter().Import(json, "r.json").Accepted);
    }
}

public class ReportJsonTests
{
    [Fact]
    public void A_report_reads_back_from_its_json()
    {
        var builder = new RecordBatchBuilder();
        builder.Append(DivisionCode.Parse("130602005001"), new LocalDate(2025, 3, 2), ServiceCode.Parse("EL.01"), ServiceMethod.Other, 2, 1, Money.FromFen(150));
        var document = ReportDocument.From(Cube.Build(builder.Build(), new CubeQuery(DivisionLevel.Township, PeriodKind.Quarter)), new ReportInput(1, 1, 0));
        var back = ReportWriter.ParseJson(ReportWriter.ToJson(document));
        Assert.Equal(ReportWriter.ToJson(document), ReportWriter.ToJson(back));
        Assert.Equal(1, back.Total.Others);
    }
}
