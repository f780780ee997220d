using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using DuckDB.NET.Data;
using SocialWork.Reporting;
using SocialWork.Reporting.Parquet;

namespace SocialWork.Benchmarks;

/// <summary>
/// The township × month × domain report from records at rest, end to end (file to cube), against DuckDB doing the same
/// from the same file with its connection already open: from the records CSV, and from the Parquet file our writer makes.
/// </summary>
[MemoryDiagnoser]
public class StoreBenchmarks
{
    private const string DomainOfItem = "split_part(item, '.', 1)";

    private string csv = string.Empty;
    private string parquet = string.Empty;
    private DuckDBConnection? duck;

    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    public static IEnumerable<int> Sizes => BenchData.Sizes(10_000_000);

    [GlobalSetup]
    public void Setup()
    {
        (csv, parquet) = StoreFiles.Ensure(N);
        duck = new DuckDBConnection("Data Source=:memory:");
        duck.Open();
    }

    [GlobalCleanup]
    public void Cleanup() => duck?.Dispose();

    /// <summary>DuckDB: <c>read_csv</c> and <c>GROUP BY</c>, on all cores.</summary>
    [Benchmark(Baseline = true)]
    public long DuckDbCsv() => DuckDb($"read_csv('{csv}')");

    /// <summary>Ours: the validating import (slices on all cores) and the cube.</summary>
    [Benchmark]
    public long ReportFromCsv() => Cube.Build(new CsvRecordImporter().ImportFile(csv).Batch, StoreFiles.Query).Total.Records;

    /// <summary>DuckDB: <c>read_parquet</c> and <c>GROUP BY</c> on our file, on all cores.</summary>
    [Benchmark]
    public long DuckDbParquet() => DuckDb($"read_parquet('{parquet}')");

    /// <summary>Ours: the row groups read on all cores into one <see cref="CubeAccumulator"/>.</summary>
    [Benchmark]
    public long ReportFromParquet() => ParquetRecordFile.QueryAsync(parquet, StoreFiles.Query).GetAwaiter().GetResult().Total.Records;

    private long DuckDb(string source)
    {
        using var command = duck!.CreateCommand();
        command.CommandText = $"""
            SELECT division // 1000 AS township, year(date) * 12 + month(date) AS month, {DomainOfItem} AS domain,
                   count(*), sum(person_times), sum(households), sum(amount)
            FROM {source}
            GROUP BY ALL
            """;
        using var reader = command.ExecuteReader();
        long records = 0;
        while (reader.Read())
        {
            records += reader.GetInt64(3);
        }
        return records;
    }
}

/// <summary>The records CSV and the Parquet file of N generated records, made once and kept in the temporary folder.</summary>
internal static class StoreFiles
{
    public static readonly CubeQuery Query = new(DivisionLevel.Township, PeriodKind.Month, CubeDimension.Domain);

    public static (string Csv, string Parquet) Ensure(int n)
    {
        var csv = Path.Combine(Path.GetTempPath(), $"socialwork-store-{n}.csv");
        var parquet = Path.ChangeExtension(csv, ".parquet");
        if (!File.Exists(csv))
        {
            using var writer = new StreamWriter(csv + ".tmp", false, new UTF8Encoding(false), 1 << 16);
            writer.Write("id,date,division,facility,item,method,person_times,households,amount\n");
            var i = 0;
            BenchData.Generate(n, (village, date, code, method, people, households, fen) =>
            {
                i++;
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"R{i},{date:yyyy-MM-dd},{village},S{village.TownshipSegment},{code},{method.ToCode()},{people},{households},{(fen == 0 ? string.Empty : Money.FromFen(fen).ToString())}\n"));
            });
            writer.Close();
            File.Move(csv + ".tmp", csv, overwrite: true);
        }
        if (!File.Exists(parquet))
        {
            ParquetRecordFile.WriteFileAsync(new CsvRecordImporter().ImportFile(csv).Batch, parquet).GetAwaiter().GetResult();
        }
        return (csv, parquet);
    }
}
