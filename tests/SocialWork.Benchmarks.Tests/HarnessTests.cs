using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace SocialWork.Benchmarks.Tests;

/// <summary>Proves the benchmark harness works: one aggregation case, tiny N, one in-process dry iteration. Not a timing test.</summary>
public class HarnessTests
{
    [Fact]
    public void One_aggregation_case_runs_with_a_tiny_n()
    {
        Environment.SetEnvironmentVariable("SOCIALWORK_BENCH_N", "20000");
        try
        {
            var config = ManualConfig.CreateEmpty()
                .AddJob(Job.Dry.WithToolchain(InProcessEmitToolchain.Instance))
                .AddLogger(NullLogger.Instance)
                .WithOptions(ConfigOptions.DisableOptimizationsValidator | ConfigOptions.DisableLogFile)
                .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "socialwork-bench-harness"));
            var all = BenchmarkConverter.TypeToBenchmarks(typeof(AggregationBenchmarks), config);
            var cube = all.BenchmarksCases.Where(c => c.Descriptor.WorkloadMethod.Name == nameof(AggregationBenchmarks.Cube)).ToArray();
            Assert.Single(cube);
            var summary = BenchmarkRunner.Run(new BenchmarkRunInfo(cube, typeof(AggregationBenchmarks), all.Config));
            Assert.False(summary.HasCriticalValidationErrors, string.Join("; ", summary.ValidationErrors.Select(e => e.Message)));
            var report = Assert.Single(summary.Reports);
            Assert.True(report.Success);
            Assert.NotEmpty(report.AllMeasurements);
        }
        finally
        {
            Environment.SetEnvironmentVariable("SOCIALWORK_BENCH_N", null);
        }
    }

    [Fact]
    public void Every_aggregation_method_answers_the_same_query()
    {
        var bench = new AggregationBenchmarks { N = 50_000 };
        bench.SetupBatch();
        bench.SetupNaive();
        bench.SetupDuckDb();
        try
        {
            var naiveCells = bench.NaiveLinq();
            Assert.Equal(bench.Cube(), bench.CubeParallel());
            Assert.Equal(50_000 + (BenchData.Townships / 15), bench.Cube());
            Assert.Equal(2 * 50_000, bench.DuckDbGroupBy());
            Assert.True(naiveCells > 0);
        }
        finally
        {
            bench.Cleanup();
        }
    }

    [Fact]
    public void Every_import_method_reads_every_row()
    {
        var bench = new ImportBenchmarks { N = 20_000 };
        bench.Setup();
        try
        {
            Assert.True(bench.SepParseOnly() > 0);
            Assert.Equal(20_000, bench.CsvImport());
            Assert.Equal(20_000, bench.CsvImportOneThread());
        }
        finally
        {
            bench.Cleanup();
        }
    }

    [Fact]
    public void Every_store_method_counts_every_record()
    {
        var bench = new StoreBenchmarks { N = 20_000 };
        bench.Setup();
        try
        {
            Assert.Equal(20_000, bench.DuckDbCsv());
            Assert.Equal(20_000, bench.ReportFromCsv());
            Assert.Equal(20_000, bench.DuckDbParquet());
            Assert.Equal(20_000, bench.ReportFromParquet());
        }
        finally
        {
            bench.Cleanup();
        }
    }

    [Fact]
    public void Every_postgresql_store_method_counts_every_record()
    {
        if (Environment.GetEnvironmentVariable("SOCIALWORK_POSTGRES") is not { Length: > 0 } connectionString)
        {
            Assert.True(!string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), "CI=true but SOCIALWORK_POSTGRES is not set (.ci/run starts a server and sets it).");
            Assert.Skip("no PostgreSQL: set SOCIALWORK_POSTGRES to a connection string, or run .ci/run.");
            return;
        }
        var bench = new PostgreSqlStoreBenchmarks { N = 2_000 };
        bench.Setup();
        try
        {
            Assert.Equal(2_000, bench.PushDown());
            Assert.Equal(2_000, bench.ReadBackAndBuild());
        }
        finally
        {
            bench.Cleanup();
            using var source = Npgsql.NpgsqlDataSource.Create(connectionString);
            using var drop = source.CreateCommand("DROP TABLE IF EXISTS bench_records_2000, bench_records_2000_transitions, bench_records_2000_withdrawals, bench_records_2000_snapshots");
            drop.ExecuteNonQuery();
        }
    }

    [Fact]
    public void The_scale_benchmark_counts_the_same_records_in_duckdb_and_both_postgresql_layouts()
    {
        if (Environment.GetEnvironmentVariable("SOCIALWORK_POSTGRES") is not { Length: > 0 } connectionString)
        {
            Assert.True(!string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), "CI=true but SOCIALWORK_POSTGRES is not set (.ci/run starts a server and sets it).");
            Assert.Skip("no PostgreSQL: set SOCIALWORK_POSTGRES to a connection string, or run .ci/run.");
            return;
        }
        var bench = new PostgreSqlScaleBenchmarks { N = 3_000 };
        bench.Setup();
        try
        {
            var (year, month) = (bench.DuckDbYear(), bench.DuckDbMonth());
            Assert.InRange(month, 1, year / 6);
            Assert.Equal(year, bench.PlainYear());
            Assert.Equal(year, bench.PartitionedYear());
            Assert.Equal(month, bench.PlainMonth());
            Assert.Equal(month, bench.PartitionedMonth());
        }
        finally
        {
            bench.Cleanup();
            using var source = Npgsql.NpgsqlDataSource.Create(connectionString);
            using var drop = source.CreateCommand("DROP TABLE IF EXISTS bench_records_3000, bench_records_3000_transitions, bench_records_3000_withdrawals, bench_records_3000_snapshots, bench_monthly_3000, bench_monthly_3000_ids, bench_monthly_3000_transitions, bench_monthly_3000_withdrawals, bench_monthly_3000_snapshots");
            drop.ExecuteNonQuery();
        }
    }

    [Fact]
    public void The_people_cube_counts_each_cell_as_duckdb_counts_distinct()
    {
        var bench = new PeopleBenchmarks { N = 20_000 };
        bench.Setup();
        try
        {
            Assert.Equal(20_000, bench.PlainCube());
            Assert.Equal(20_000, bench.DuckDbSums());
            Assert.Equal(20_000, bench.DuckDbSumsAndDistinctPeople());
            var (cube, duckDb) = bench.PeoplePerCell();
            Assert.Equal(duckDb.Count, cube.Rows.Count());
            foreach (var row in cube.Rows)
            {
                var quarter = (row.Period.Start.Year * 4) + ((row.Period.Start.Month - 1) / 3);
                Assert.Equal(duckDb[(row.Division.Value, quarter, row.Key)], cube.PeopleAt(row.Division, row.Period, row.Key).People);
            }
            Assert.True(bench.CubeWithPeople() > 1_000);
        }
        finally
        {
            bench.Cleanup();
        }
    }
}
