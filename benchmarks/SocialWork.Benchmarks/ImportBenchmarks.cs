using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using nietras.SeparatedValues;
using SocialWork.Reporting;

namespace SocialWork.Benchmarks;

/// <summary>
/// Parsing a records CSV with Sep alone (one thread, touching every field) against the library's validating import into
/// a <see cref="RecordBatch"/>: as it runs by default (slices of the file on all cores) and on one thread.
/// </summary>
[MemoryDiagnoser]
public class ImportBenchmarks
{
    private string path = string.Empty;

    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    public static IEnumerable<int> Sizes => BenchData.Sizes(1_000_000);

    [GlobalSetup]
    public void Setup()
    {
        path = Path.Combine(Path.GetTempPath(), $"socialwork-bench-{N}.csv");
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.Write("id,date,division,facility,item,method,person_times,households,amount\n");
        var i = 0;
        BenchData.Generate(N, (village, date, code, method, people, households, fen) =>
        {
            i++;
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"R{i},{date:yyyy-MM-dd},{village},S{village.TownshipSegment},{code},{method.ToCode()},{people},{households},{(fen == 0 ? string.Empty : Money.FromFen(fen).ToString())}\n"));
        });
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(path);

    [Benchmark(Baseline = true)]
    public long SepParseOnly()
    {
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true }).FromFile(path);
        long total = 0;
        foreach (var row in reader)
        {
            for (var c = 0; c < row.ColCount; c++)
            {
                total += row[c].Span.Length;
            }
            total += int.Parse(row[6].Span, CultureInfo.InvariantCulture) + int.Parse(row[7].Span, CultureInfo.InvariantCulture);
        }
        return total;
    }

    [Benchmark]
    public int CsvImport() => new CsvRecordImporter().ImportFile(path).Accepted;

    [Benchmark]
    public int CsvImportOneThread() => new CsvRecordImporter().ImportFile(path, new RecordImportOptions { Parallelism = 1 }).Accepted;
}
