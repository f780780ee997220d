using System.Numerics;
using BenchmarkDotNet.Attributes;
using DuckDB.NET.Data;
using NodaTime;
using SocialWork.Reporting;

namespace SocialWork.Benchmarks;

/// <summary>
/// The same query everywhere: records, person-times, households and amount by (township, month, domain), plus the
/// roll-up of those cells to county. <c>NaiveLinq</c> is what an integrator would write over record objects.
/// </summary>
[MemoryDiagnoser]
public class AggregationBenchmarks
{
    private RecordBatch batch = RecordBatch.Empty;
    private List<NaiveRecord> naive = [];
    private DuckDBConnection? duck;

    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    public static IEnumerable<int> Sizes => BenchData.Sizes(1_000_000, 10_000_000);

    [GlobalSetup(Targets = [nameof(Cube), nameof(CubeParallel), nameof(MemoryFloor)])]
    public void SetupBatch() => batch = BenchData.Batch(N);

    [GlobalSetup(Target = nameof(NaiveLinq))]
    public void SetupNaive() => naive = BenchData.Naive(N);

    [GlobalSetup(Target = nameof(DuckDbGroupBy))]
    public void SetupDuckDb()
    {
        duck = new DuckDBConnection("Data Source=:memory:");
        duck.Open();
        using (var create = duck.CreateCommand())
        {
            create.CommandText = "CREATE TABLE records (township BIGINT, county BIGINT, month INTEGER, domain VARCHAR, person_times INTEGER, households INTEGER, fen BIGINT)";
            create.ExecuteNonQuery();
        }
        using var appender = duck.CreateAppender("records");
        BenchData.Generate(N, (village, date, code, method, people, households, fen) =>
        {
            var township = village.AncestorAt(DivisionLevel.Township);
            appender.CreateRow()
                .AppendValue(township.Value)
                .AppendValue(township.AncestorAt(DivisionLevel.County).Value)
                .AppendValue((date.Year * 12) + date.Month - 1)
                .AppendValue(code.Domain.Value)
                .AppendValue(people)
                .AppendValue(households)
                .AppendValue(fen)
                .EndRow();
        });
    }

    [GlobalCleanup]
    public void Cleanup() => duck?.Dispose();

    [Benchmark(Baseline = true)]
    public int NaiveLinq()
    {
        var cells = naive
            .GroupBy(r => (Township: r.Village.AncestorAt(DivisionLevel.Township), Month: new LocalDate(r.Date.Year, r.Date.Month, 1), Domain: r.Code.Split('.')[0]))
            .Select(g => (g.Key, Records: g.Count(), PersonTimes: g.Sum(r => (long)r.PersonTimes), Households: g.Sum(r => (long)r.Households), Fen: g.Sum(r => r.Fen)))
            .ToList();
        var county = cells
            .GroupBy(c => (County: c.Key.Township.AncestorAt(DivisionLevel.County), c.Key.Month, c.Key.Domain))
            .Select(g => (g.Key, Records: g.Sum(c => c.Records), PersonTimes: g.Sum(c => c.PersonTimes), Households: g.Sum(c => c.Households), Fen: g.Sum(c => c.Fen)))
            .ToList();
        return cells.Count + county.Count;
    }

    [Benchmark]
    public long Cube() => Run(parallelism: 1);

    [Benchmark]
    public long CubeParallel() => Run(parallelism: 0);

    [Benchmark]
    public long DuckDbGroupBy()
    {
        using var command = duck!.CreateCommand();
        command.CommandText = """
            SELECT township, county, month, domain, count(*), sum(person_times), sum(households), sum(fen)
            FROM records
            GROUP BY GROUPING SETS ((township, month, domain), (county, month, domain))
            """;
        using var reader = command.ExecuteReader();
        long rows = 0;
        while (reader.Read())
        {
            rows += reader.GetInt64(4);
        }
        return rows;
    }

    /// <summary>
    /// Reads exactly the columns the cube reads (division, code, method, person-times, households, fen; the cube walks the
    /// date-ordered records day by day and does not read the day column), once, vectorised, on all cores: the
    /// memory-bandwidth floor.
    /// </summary>
    [Benchmark]
    public long MemoryFloor()
    {
        var threads = Environment.ProcessorCount;
        var chunk = (batch.Count + threads - 1) / threads;
        var sums = new long[threads];
        Parallel.For(0, threads, t =>
        {
            var from = Math.Min(batch.Count, t * chunk);
            var length = Math.Min(chunk, batch.Count - from);
            sums[t] = Sum(batch.DivisionIndices.Slice(from, length)) + Sum(batch.PersonTimes.Slice(from, length))
                + Sum(batch.Households.Slice(from, length)) + Sum(batch.AmountFen.Slice(from, length)) + Sum(batch.CodeIndices.Slice(from, length)) + Sum(batch.Methods.Slice(from, length));
        });
        return sums.Sum();
    }

    private long Run(int parallelism)
    {
        var cube = SocialWork.Reporting.Cube.Build(batch, new CubeQuery(DivisionLevel.Township, PeriodKind.Month, CubeDimension.Domain) { Parallelism = parallelism });
        var county = cube.RollUp(DivisionLevel.County);
        return cube.Total.Records + county.Divisions.Count;
    }

    private static long Sum<T>(ReadOnlySpan<T> values)
        where T : unmanaged, INumber<T>
    {
        var acc = Vector<T>.Zero;
        var i = 0;
        for (; i <= values.Length - Vector<T>.Count; i += Vector<T>.Count)
        {
            acc += new Vector<T>(values[i..]);
        }
        var total = Vector.Sum(acc);
        for (; i < values.Length; i++)
        {
            total += values[i];
        }
        return long.CreateTruncating(total);
    }
}
