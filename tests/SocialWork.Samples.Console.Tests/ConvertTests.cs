using ParquetSharp;

namespace SocialWork.Samples.Console.Tests;

/// <summary><c>convert</c> writes a Parquet dataset; <c>report</c> reads a CSV, a Parquet file or a dataset folder to the same report.</summary>
public sealed class ConvertTests : CliTestBase
{
    private const string Header = "id,date,division,facility,item,method,person_times,households,amount,target_group,parties,programme\n";

    [Fact]
    public void A_converted_dataset_and_one_of_its_files_report_as_the_csv_does()
    {
        var csv = Path.Combine(Dir, "records.csv");
        Assert.Equal(0, Run("generate", "--records", "5000", "--out", csv).Code);
        var (code, output, error) = Run("convert", "--records", csv, "--out", Path.Combine(Dir, "ds"), "--lang", "en");
        Assert.True(code == 0, error);
        Assert.Contains("5000 records written to", output, StringComparison.Ordinal);

        foreach (var by in new[] { "domain", "programme", "targetGroup" })
        {
            var fromCsv = Run("report", "--records", csv, "--level", "township", "--period", "quarter", "--by", by, "--format", "json").Out;
            var fromDataset = Run("report", "--records", Path.Combine(Dir, "ds"), "--level", "township", "--period", "quarter", "--by", by, "--format", "json").Out;
            Assert.Equal(fromCsv, fromDataset);
        }
        var files = Directory.GetFiles(Path.Combine(Dir, "ds"), "*.parquet");
        Assert.True(files.Length > 1);
        Assert.Empty(Directory.GetFiles(Path.Combine(Dir, "ds"), "*.tmp"));
        var one = Run("report", "--records", files[0], "--level", "county", "--period", "month", "--format", "json");
        Assert.True(one.Code == 0, one.Err);
    }

    [Fact]
    public void Strict_convert_of_a_file_with_a_bad_row_writes_nothing_and_lenient_lists_the_rejects()
    {
        var csv = File("bad.csv", Header + "R1,2023-01-05,130602005014,,EL.01,visit,3,1,,,,\nR2,2023-13-05,130602005014,,EL.01,visit,3,1,,,,\n");
        var strict = Run("convert", "--records", csv, "--out", Path.Combine(Dir, "strict"));
        Assert.Equal(2, strict.Code);
        Assert.Contains("line 3", strict.Err, StringComparison.Ordinal);
        Assert.Empty(Directory.Exists(Path.Combine(Dir, "strict")) ? Directory.GetFiles(Path.Combine(Dir, "strict")) : []);

        var rejects = Path.Combine(Dir, "rejects.csv");
        var lenient = Run("convert", "--records", csv, "--out", Path.Combine(Dir, "lenient"), "--skip-invalid", "--rejects", rejects, "--lang", "en");
        Assert.True(lenient.Code == 0, lenient.Err);
        Assert.Contains("read 2 rows: 1 records written to 1 Parquet file", lenient.Out, StringComparison.Ordinal);
        Assert.Contains("2023-13-05", System.IO.File.ReadAllText(rejects), StringComparison.Ordinal);
    }

    [Fact]
    public void Converting_a_file_again_into_the_same_dataset_writes_none_of_its_records_twice()
    {
        var csv = File("twice.csv", Header + "R1,2023-01-05,130602005014,,EL.01,visit,3,1,,,,\nR2,2023-02-05,130602005014,,EL.01,visit,4,1,,,,\n");
        var ds = Path.Combine(Dir, "ds");
        Assert.Equal(0, Run("convert", "--records", csv, "--out", ds).Code);
        var files = Directory.GetFiles(ds, "*.parquet").Length;

        var strict = Run("convert", "--records", csv, "--out", ds, "--lang", "en");
        Assert.Equal(2, strict.Code);
        Assert.Contains("line 2: column 'id': id R1 is already stored", strict.Err, StringComparison.Ordinal);
        var lenient = Run("convert", "--records", csv, "--out", ds, "--skip-invalid", "--lang", "en");
        Assert.True(lenient.Code == 0, lenient.Err);
        Assert.Contains("read 2 rows: 0 records written to 0 Parquet files", lenient.Out, StringComparison.Ordinal);
        Assert.Equal(files, Directory.GetFiles(ds, "*.parquet").Length);
        Assert.Contains("\"personTimes\": 7,", Run("report", "--records", ds, "--level", "county", "--period", "year", "--format", "json").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_parquet_file_is_exit_2_naming_the_file_without_a_stack_trace()
    {
        var csv = File("records.csv", Header + "R1,2023-01-05,130602005014,,EL.01,visit,3,1,,,,\n");
        Assert.Equal(0, Run("convert", "--records", csv, "--out", Path.Combine(Dir, "ds"), "--partition", "none").Code);
        var file = Directory.GetFiles(Path.Combine(Dir, "ds"), "*.parquet").Single();
        var bytes = System.IO.File.ReadAllBytes(file);
        System.IO.File.WriteAllBytes(file, bytes[..(bytes.Length - 20)]);

        var (code, _, error) = Run("report", "--records", Path.Combine(Dir, "ds"), "--lang", "en");
        Assert.Equal(2, code);
        Assert.Contains(Path.GetFileName(file), error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.Contains("不是可读的记录文件", Run("report", "--records", file, "--lang", "zh").Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_foreign_parquet_file_is_exit_2_naming_the_missing_column()
    {
        var path = Path.Combine(Dir, "foreign.parquet");
        using (var writer = new ParquetFileWriter(path, [new Column<DateOnly>("date")]))
        {
            using (var group = writer.AppendRowGroup())
            {
                using var column = group.NextColumn().LogicalWriter<DateOnly>();
                column.WriteBatch([new DateOnly(2023, 1, 5)]);
            }
            writer.Close();
        }

        var (code, _, error) = Run("report", "--records", path, "--lang", "en");
        Assert.Equal(2, code);
        Assert.Contains("foreign.parquet, column division_index", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
