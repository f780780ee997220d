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
    public void Setup() => (dataSource, store) = OpenLoaded(N);

    /// <summary>
    /// Opens the server in <c>SOCIALWORK_POSTGRES</c> and the table <c>bench_records_N</c>, loading the N generated records
    /// (the <see cref="StoreFiles"/> CSV) when it does not hold exactly them.
    /// </summary>
    internal static (NpgsqlDataSource DataSource, PostgreSqlRecordStore Store) OpenLoaded(int n)
    {
        var source = OpenServer();
        var records = new PostgreSqlRecordStore(source, new PostgreSqlRecordStoreOptions { TableName = $"bench_records_{n}" });
        records.EnsureSchemaAsync().GetAwaiter().GetResult();
        if (records.CountAsync().AsTask().GetAwaiter().GetResult() != n)
        {
            Execute(source, $"TRUNCATE bench_records_{n}");
            var (csv, _) = StoreFiles.Ensure(n);
            records.AppendAsync(new CsvRecordImporter().ImportFile(csv).Batch).AsTask().GetAwaiter().GetResult();
            Execute(source, $"VACUUM ANALYZE bench_records_{n}");
        }
        return (source, records);
    }

    /// <summary>A data source on the server in <c>SOCIALWORK_POSTGRES</c>, which every PostgreSQL benchmark needs.</summary>
    internal static NpgsqlDataSource OpenServer()
        => NpgsqlDataSource.Create(Environment.GetEnvironmentVariable("SOCIALWORK_POSTGRES") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("Set SOCIALWORK_POSTGRES to the connection string of a PostgreSQL server to run these benchmarks."));

    /// <summary>Runs a statement of a benchmark's setup, without a command timeout (loading and analysing take minutes).</summary>
    internal static void Execute(NpgsqlDataSource source, string sql)
    {
        using var command = source.CreateCommand(sql);
        command.CommandTimeout = 0;
        command.ExecuteNonQuery();
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
