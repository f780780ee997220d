using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Npgsql;
using SocialWork.Reporting;
using SocialWork.Reporting.PostgreSql;

namespace SocialWork.Benchmarks;

/// <summary>
/// What the summary table costs an append: 100,000 generated records spread over 36 months appended to a table
/// partitioned by month that already holds another 100,000 of the same months — without a summary (the baseline) and
/// with one by township or by village. Each iteration appends into fresh tables, so every append finds the same state.
/// Needs a server (<c>SOCIALWORK_POSTGRES</c>).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 7)]
public class PostgreSqlSummaryAppendBenchmarks
{
    private const int Size = 100_000;

    private NpgsqlDataSource? dataSource;
    private RecordBatch? before;
    private RecordBatch? batch;
    private PostgreSqlRecordStore? store;

    [GlobalSetup]
    public void Setup()
    {
        dataSource = PostgreSqlStoreBenchmarks.OpenServer();
        // Alternate records: both halves span the same 36 months, so the timed append creates no partition.
        var all = BenchData.Batch(2 * Size, idPrefix: "A");
        before = all.Select([.. Enumerable.Range(0, Size).Select(i => 2 * i)]);
        batch = all.Select([.. Enumerable.Range(0, Size).Select(i => 2 * i + 1)]);
    }

    [IterationSetup(Target = nameof(WithoutSummary))]
    public void TablesWithoutSummary() => NewTables(null);

    [IterationSetup(Target = nameof(SummaryByTownship))]
    public void TablesWithSummaryByTownship() => NewTables(DivisionLevel.Township);

    [IterationSetup(Target = nameof(SummaryByVillage))]
    public void TablesWithSummaryByVillage() => NewTables(DivisionLevel.Village);

    [GlobalCleanup]
    public void Cleanup()
    {
        PostgreSqlStoreBenchmarks.Execute(dataSource!, "DROP SCHEMA IF EXISTS bench_append CASCADE");
        dataSource?.Dispose();
    }

    /// <summary>One append of 100,000 records (one transaction) to a table without a summary.</summary>
    [Benchmark(Baseline = true)]
    public void WithoutSummary() => Append();

    /// <summary>The same append, its groups also upserted into a summary by township.</summary>
    [Benchmark]
    public void SummaryByTownship() => Append();

    /// <summary>The same append, its groups also upserted into a summary by village.</summary>
    [Benchmark]
    public void SummaryByVillage() => Append();

    private void Append() => store!.AppendAsync(batch!).AsTask().GetAwaiter().GetResult();

    private void NewTables(DivisionLevel? summary)
    {
        PostgreSqlStoreBenchmarks.Execute(dataSource!, "DROP SCHEMA IF EXISTS bench_append CASCADE; CREATE SCHEMA bench_append");
        store = new PostgreSqlRecordStore(dataSource!, new PostgreSqlRecordStoreOptions { TableName = "bench_append.records", PartitionByMonth = true, SummaryLevel = summary });
        store.EnsureSchemaAsync().GetAwaiter().GetResult();
        store.AppendAsync(before!).AsTask().GetAwaiter().GetResult();
        PostgreSqlStoreBenchmarks.Execute(dataSource!, "VACUUM ANALYZE bench_append.records");
    }
}
