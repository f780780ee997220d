using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Npgsql;
using SocialWork.Reporting;
using SocialWork.Reporting.PostgreSql;

namespace SocialWork.Benchmarks;

/// <summary>
/// The township × month × domain report over N records in PostgreSQL: pushed down as one <c>GROUP BY</c>
/// (<see cref="PostgreSqlRecordStore.QueryAsync"/>, the baseline) against reading every row back
/// (<see cref="PostgreSqlRecordStore.ReadAsync"/>) and building the cube in process. Needs a server: the connection string
/// in <c>SOCIALWORK_POSTGRES</c>; the N records (the same generated CSV as <see cref="StoreBenchmarks"/>) are loaded once
/// into the table <c>bench_records_N</c> and kept for later runs. Each operation takes seconds, so a few iterations.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class PostgreSqlStoreBenchmarks
{
    private NpgsqlDataSource? dataSource;
    private PostgreSqlRecordStore? store;

    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    public static IEnumerable<int> Sizes => BenchData.Sizes(10_000_000);

    [GlobalSetup]
    public void Setup()
    {
        var connectionString = Environment.GetEnvironmentVariable("SOCIALWORK_POSTGRES") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("Set SOCIALWORK_POSTGRES to the connection string of a PostgreSQL server to run these benchmarks.");
        dataSource = NpgsqlDataSource.Create(connectionString);
        store = new PostgreSqlRecordStore(dataSource, new PostgreSqlRecordStoreOptions { TableName = $"bench_records_{N}" });
        store.EnsureSchemaAsync().GetAwaiter().GetResult();
        if (store.CountAsync().AsTask().GetAwaiter().GetResult() != N)
        {
            using (var truncate = dataSource.CreateCommand($"TRUNCATE bench_records_{N}"))
            {
                truncate.ExecuteNonQuery();
            }
            var (csv, _) = StoreFiles.Ensure(N);
            store.AppendAsync(new CsvRecordImporter().ImportFile(csv).Batch).AsTask().GetAwaiter().GetResult();
            using var analyze = dataSource.CreateCommand($"VACUUM ANALYZE bench_records_{N}");
            analyze.ExecuteNonQuery();
        }
    }

    [GlobalCleanup]
    public void Cleanup() => dataSource?.Dispose();

    /// <summary>The query in the database: one parameterised <c>GROUP BY</c>, the groups read back into a cube.</summary>
    [Benchmark(Baseline = true)]
    public long PushDown() => store!.QueryAsync(StoreFiles.Query).AsTask().GetAwaiter().GetResult().Total.Records;

    /// <summary>Every row read back in batches (date order) and a cube built per batch, merged.</summary>
    [Benchmark]
    public long ReadBackAndBuild() => ReadBackAsync().GetAwaiter().GetResult();

    private async Task<long> ReadBackAsync()
    {
        Cube? cube = null;
        await foreach (var batch in store!.ReadAsync())
        {
            var part = Cube.Build(batch, StoreFiles.Query);
            cube = cube is null ? part : Cube.Merge(cube, part);
        }
        return cube?.Total.Records ?? 0;
    }
}
