using Npgsql;

namespace SocialWork.Reporting.PostgreSql.Tests;

/// <summary>
/// A coordinator (the server in <c>SOCIALWORK_POSTGRES</c>) and two shard servers (<c>SOCIALWORK_POSTGRES_SHARDS</c>:
/// two connection strings separated by <c>|</c>; <c>.ci/run</c> starts three clusters), joined by <c>postgres_fdw</c>
/// foreign servers made for this class and dropped with its schema on every server afterwards. Under <c>CI=true</c> a
/// missing server fails the test; elsewhere it skips.
/// </summary>
public sealed class ShardedPostgres : IAsyncLifetime
{
    public const string Variable = "SOCIALWORK_POSTGRES_SHARDS";

    private readonly string suffix = Guid.NewGuid().ToString("N")[..10];
    private readonly List<NpgsqlDataSource> shards = [];

    public NpgsqlDataSource Coordinator { get; private set; } = null!;

    public string Schema => "sw_shard_" + suffix;

    public IReadOnlyList<NpgsqlDataSource> Shards => shards;

    public IReadOnlyList<PostgreSqlShard> ShardOptions { get; private set; } = [];

    private static string[]? ShardStrings => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : null;

    public static void Require()
    {
        PostgresServer.Require();
        if (ShardStrings is not { Length: 2 })
        {
            var how = $"no shard servers: set {Variable} to two connection strings separated by |, or run .ci/run, which starts them";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail($"CI=true but {how}.");
            }
            Assert.Skip(how + ".");
        }
    }

    public async ValueTask InitializeAsync()
    {
        if (PostgresServer.ConnectionString is null || ShardStrings is not { Length: 2 } strings)
        {
            return;
        }
        Coordinator = NpgsqlDataSource.Create(PostgresServer.ConnectionString);
        await ExecuteAsync(Coordinator, $"CREATE EXTENSION IF NOT EXISTS postgres_fdw; CREATE SCHEMA \"{Schema}\"");
        var options = new List<PostgreSqlShard>();
        for (var i = 0; i < strings.Length; i++)
        {
            var shard = new NpgsqlConnectionStringBuilder(strings[i]);
            var server = $"sw_shard_{suffix}_{i + 1}";
            await ExecuteAsync(Coordinator, $"CREATE SERVER {server} FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '{shard.Host}', port '{shard.Port}', dbname '{shard.Database ?? "postgres"}'); CREATE USER MAPPING FOR CURRENT_USER SERVER {server} OPTIONS (user '{shard.Username ?? "postgres"}')");
            var source = NpgsqlDataSource.Create(strings[i]);
            shards.Add(source);
            options.Add(new PostgreSqlShard(server, source));
        }
        ShardOptions = options;
    }

    public async ValueTask DisposeAsync()
    {
        if (Coordinator is null)
        {
            return;
        }
        await PostgresServer.DropSchemaAsync(Coordinator, Schema);
        foreach (var shard in ShardOptions)
        {
            await ExecuteAsync(Coordinator, $"DROP SERVER IF EXISTS {shard.Server} CASCADE");
        }
        foreach (var source in shards)
        {
            await PostgresServer.DropSchemaAsync(source, Schema);
            await source.DisposeAsync();
        }
        await Coordinator.DisposeAsync();
    }

    /// <summary>A store on a new table in this class's schema, its months spread over the two shards (and its summary, if any, on the coordinator).</summary>
    public PostgreSqlRecordStore NewStore(DivisionLevel? summaryLevel = null)
    {
        Require();
        var store = new PostgreSqlRecordStore(Coordinator, new PostgreSqlRecordStoreOptions { TableName = $"{Schema}.r{Guid.NewGuid():N}", ReadBatchSize = 5, PartitionByMonth = true, Shards = ShardOptions, SummaryLevel = summaryLevel });
        store.EnsureSchemaAsync().GetAwaiter().GetResult();
        return store;
    }

    private static async Task ExecuteAsync(NpgsqlDataSource source, string sql)
    {
        await using var command = source.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>The store laws on a coordinator whose months live on two shard servers.</summary>
public sealed class PostgreSqlShardedStoreLaws : RecordStoreLaws, IClassFixture<ShardedPostgres>
{
    private readonly ShardedPostgres servers;

    public PostgreSqlShardedStoreLaws(ShardedPostgres servers)
    {
        ShardedPostgres.Require();
        this.servers = servers;
    }

    protected override IRecordStore NewStore() => servers.NewStore();
}

/// <summary>The ledger laws across the coordinator and its shards.</summary>
public sealed class PostgreSqlShardedLedgerLaws : ReportLedgerLaws, IClassFixture<ShardedPostgres>
{
    private readonly ShardedPostgres servers;

    public PostgreSqlShardedLedgerLaws(ShardedPostgres servers)
    {
        ShardedPostgres.Require();
        this.servers = servers;
    }

    protected override IReportLedger NewLedger() => servers.NewStore();

    protected override IReportLedger Reopen(IReportLedger ledger) => new PostgreSqlRecordStore(servers.Coordinator, ((PostgreSqlRecordStore)ledger).Options);
}

/// <summary>What the shards do: each holds its months, and a report's partial aggregates run on them.</summary>
public sealed class PostgreSqlShardTests : IClassFixture<ShardedPostgres>
{
    private readonly ShardedPostgres servers;

    public PostgreSqlShardTests(ShardedPostgres servers)
    {
        ShardedPostgres.Require();
        this.servers = servers;
    }

    [Fact]
    public async Task Each_shard_holds_its_months_and_a_report_aggregates_on_the_shards()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = servers.NewStore();
        var records = Enumerable.Range(0, 24).Select(i => new ServiceRecord($"S{i}", new LocalDate(2023, 1, 1).PlusMonths(i / 2).PlusDays(i % 2), DivisionCode.Parse("130602005014"), ServiceCode.Parse("EL.01"), ServiceMethod.Visit, i + 1, 1, Money.FromFen(100))).ToArray();
        await store.AppendAsync(RecordBatch.From(records), ct);

        var name = store.Options.TableName.Split('.')[^1];
        var perShard = new long[2];
        for (var month = 1; month <= 12; month++)
        {
            var shard = servers.Shards[(2023 * 12 + month - 1) % 2];
            await using var count = shard.CreateCommand($"SELECT count(*) FROM \"{servers.Schema}\".\"{name}_p2023_{month:D2}\"");
            perShard[(2023 * 12 + month - 1) % 2] += (long)(await count.ExecuteScalarAsync(ct))!;
        }
        var plan = await store.ExplainAsync(new CubeQuery(DivisionLevel.Township, PeriodKind.Month, CubeDimension.Domain) { From = new LocalDate(2023, 1, 1), To = new LocalDate(2023, 12, 31) }, ct);
        var cube = await store.QueryAsync(new CubeQuery(DivisionLevel.County, PeriodKind.Year), ct);

        Assert.Equal([12L, 12L], perShard);
        Assert.Equal(24, cube.Total.Records);
        Assert.Equal(Enumerable.Range(1, 24).Sum(), cube.Total.PersonTimes);
        Assert.Contains("Foreign Scan", plan, StringComparison.Ordinal);
        Assert.Contains("Aggregate on", plan, StringComparison.Ordinal);
    }
}

/// <summary>The store laws on a sharded table with a summary by township on the coordinator.</summary>
public sealed class PostgreSqlShardedSummaryStoreLaws : RecordStoreLaws, IClassFixture<ShardedPostgres>
{
    private readonly ShardedPostgres servers;

    public PostgreSqlShardedSummaryStoreLaws(ShardedPostgres servers)
    {
        ShardedPostgres.Require();
        this.servers = servers;
    }

    protected override IRecordStore NewStore() => servers.NewStore(DivisionLevel.Township);
}
