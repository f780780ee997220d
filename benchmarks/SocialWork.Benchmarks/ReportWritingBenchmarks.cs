using BenchmarkDotNet.Attributes;
using SocialWork.Reporting;

namespace SocialWork.Benchmarks;

/// <summary>
/// A fine report — village × month × item — over many records: building its cube, and turning the cube into the
/// published document and writing it as JSON or CSV (to a stream that discards the bytes, so the disk is not measured).
/// The goal is writing within 1.5× the cube's own time.
/// </summary>
[MemoryDiagnoser]
public class ReportWritingBenchmarks
{
    private static readonly CubeQuery Query = new(DivisionLevel.Village, PeriodKind.Month, CubeDimension.Item);

    private RecordBatch batch = null!;
    private Cube cube = null!;

    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    public static IEnumerable<int> Sizes => BenchData.Sizes(10_000_000);

    [GlobalSetup]
    public void Setup()
    {
        batch = BenchData.Batch(N);
        cube = Cube.Build(batch, Query);
    }

    /// <summary>The cube of the report.</summary>
    [Benchmark(Baseline = true)]
    public long BuildCube() => Cube.Build(batch, Query).Total.Records;

    /// <summary>The document of the cube alone (its row objects), without writing it.</summary>
    [Benchmark]
    public int MakeDocument() => ReportDocument.From(cube).Rows.Count;

    /// <summary>The document of the cube, written as JSON.</summary>
    [Benchmark]
    public int WriteJson()
    {
        var document = ReportDocument.From(cube);
        ReportWriter.WriteJson(document, Stream.Null);
        return document.Rows.Count;
    }

    /// <summary>The document of the cube, written as CSV with Chinese labels.</summary>
    [Benchmark]
    public int WriteCsv()
    {
        var document = ReportDocument.From(cube);
        ReportWriter.WriteCsv(document, TextWriter.Null, new ReportLabels(System.Globalization.CultureInfo.GetCultureInfo("zh-CN")));
        return document.Rows.Count;
    }
}
