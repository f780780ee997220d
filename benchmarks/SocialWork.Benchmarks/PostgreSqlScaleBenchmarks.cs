using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using DuckDB.NET.Data;
using Npgsql;
using SocialWork.Reporting;
using SocialWork.Reporting.PostgreSql;

namespace SocialWork.Benchmarks;

/// <summary>
/// A year's and a month's township × month × domain report over N records (36 months from 2022-01), pushed down to
/// PostgreSQL in one table, in a table partitioned by month, and read from that table's summary by township, against
/// DuckDB over the same records in one Parquet file (the baseline: the year in DuckDB). Needs a server
/// (<c>SOCIALWORK_POSTGRES</c>); the tables <c>bench_records_N</c> and <c>bench_monthly_N</c> (with its summary) are
/// loaded once and kept for later runs.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 7)]
public class PostgreSqlScaleBenchmarks
{
    private static readonly CubeQuery Year = StoreFiles.Query with { From = new(2023, 1, 1), To = new(2023, 12, 31) };
    private static readonly CubeQuery Month = StoreFiles.Query with { From = new(2023, 3, 1), To = new(2023, 3, 31) };

    private NpgsqlDataSource? dataSource;
    private PostgreSqlRecordStore? plain;
    private PostgreSqlRecordStore? monthly;
    private PostgreSqlRecordStore? summarised;
    private DuckDBConnection? duck;
    private string parquet = string.Empty;

    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    public static IEnumerable<int> Sizes => BenchData.Sizes(10_000_000);

    [GlobalSetup]
    public void Setup()
    {
        (dataSource, plain) = PostgreSqlStoreBenchmarks.OpenLoaded(N);
        parquet = StoreFiles.Ensure(N).Parquet;
        monthly = new PostgreSqlRecordStore(dataSource, new PostgreSqlRecordStoreOptions { TableName = $"bench_monthly_{N}", PartitionByMonth = true });
        monthly.EnsureSchemaAsync().GetAwaiter().GetResult();
        if (monthly.CountAsync().AsTask().GetAwaiter().GetResult() != N)
        {
            PostgreSqlStoreBenchmarks.Execute(dataSource, $"DROP TABLE bench_monthly_{N}, bench_monthly_{N}_ids, bench_monthly_{N}_transitions, bench_monthly_{N}_withdrawals, bench_monthly_{N}_snapshots");
            monthly = new PostgreSqlRecordStore(dataSource, monthly.Options);
            monthly.EnsureSchemaAsync().GetAwaiter().GetResult();
            monthly.CopyFromAsync(plain.Options).GetAwaiter().GetResult();
            PostgreSqlStoreBenchmarks.Execute(dataSource, $"VACUUM ANALYZE bench_monthly_{N}");
        }
        // The same table with its summary by township; EnsureSchemaAsync fills the summary the first time.
        summarised = new PostgreSqlRecordStore(dataSource, monthly.Options with { SummaryLevel = DivisionLevel.Township });
        summarised.EnsureSchemaAsync().GetAwaiter().GetResult();
        duck = new DuckDBConnection("Data Source=:memory:");
        duck.Open();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        duck?.Dispose();
        dataSource?.Dispose();
    }

    /// <summary>DuckDB, the year: the same groups and sums over the Parquet file, filtered on the date.</summary>
    [Benchmark(Baseline = true)]
    public long DuckDbYear() => DuckDb("2023-01-01", "2023-12-31");

    /// <summary>DuckDB, one month.</summary>
    [Benchmark]
    public long DuckDbMonth() => DuckDb("2023-03-01", "2023-03-31");

    /// <summary>PostgreSQL, one table: the year.</summary>
    [Benchmark]
    public long PlainYear() => plain!.QueryAsync(Year).AsTask().GetAwaiter().GetResult().Total.Records;

    /// <summary>PostgreSQL, one table: one month.</summary>
    [Benchmark]
    public long PlainMonth() => plain!.QueryAsync(Month).AsTask().GetAwaiter().GetResult().Total.Records;

    /// <summary>PostgreSQL, partitioned by month: the year (twelve partitions).</summary>
    [Benchmark]
    public long PartitionedYear() => monthly!.QueryAsync(Year).AsTask().GetAwaiter().GetResult().Total.Records;

    /// <summary>PostgreSQL, partitioned by month: one month (one partition).</summary>
    [Benchmark]
    public long PartitionedMonth() => monthly!.QueryAsync(Month).AsTask().GetAwaiter().GetResult().Total.Records;

    /// <summary>PostgreSQL, the summary by township: the year.</summary>
    [Benchmark]
    public long SummaryYear() => summarised!.QueryAsync(Year).AsTask().GetAwaiter().GetResult().Total.Records;

    /// <summary>PostgreSQL, the summary by township: one month.</summary>
    [Benchmark]
    public long SummaryMonth() => summarised!.QueryAsync(Month).AsTask().GetAwaiter().GetResult().Total.Records;

    private long DuckDb(string from, string to)
    {
        using var command = duck!.CreateCommand();
        command.CommandText = $"""
            SELECT division // 1000 AS township, year(date) * 12 + month(date) AS month, split_part(item, '.', 1) AS domain,
                   count(*), count(*) FILTER (WHERE method = 'visit'), count(*) FILTER (WHERE method = 'file'),
                   count(*) FILTER (WHERE method = 'casework'), count(*) FILTER (WHERE method = 'group'),
                   count(*) FILTER (WHERE method = 'activity'), count(*) FILTER (WHERE method = 'training'),
                   sum(person_times), sum(households), sum(amount)
            FROM read_parquet('{parquet}') WHERE date BETWEEN DATE '{from}' AND DATE '{to}' GROUP BY ALL
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
