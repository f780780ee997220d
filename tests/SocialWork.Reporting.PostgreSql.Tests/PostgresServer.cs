using Npgsql;

namespace SocialWork.Reporting.PostgreSql.Tests;

/// <summary>
/// The PostgreSQL server the tests run against: the connection string in <c>SOCIALWORK_POSTGRES</c>, which <c>.ci/run</c>
/// sets after starting a throwaway cluster. Under <c>CI=true</c> a missing server fails the tests; elsewhere they skip.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string Variable = "SOCIALWORK_POSTGRES";

    private const string HowToStart = $"no PostgreSQL: set {Variable} to a connection string (for example Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres), or run .ci/run, which starts a throwaway cluster";

    /// <summary>Gets the connection string, if set.</summary>
    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>Gets a data source on the server (as the superuser the cluster was made with).</summary>
    public NpgsqlDataSource DataSource { get; private set; } = null!;

    /// <summary>Gets the schema this test class works in, dropped at the end.</summary>
    public string Schema { get; } = "sw_test_" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Skips (or fails under CI) when there is no server.</summary>
    public static void Require()
    {
        if (ConnectionString is null)
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail($"CI=true but {HowToStart}.");
            }
            Assert.Skip(HowToStart + ".");
        }
    }

    public async ValueTask InitializeAsync()
    {
        if (ConnectionString is null)
        {
            return;
        }
        DataSource = NpgsqlDataSource.Create(ConnectionString);
        await using var command = DataSource.CreateCommand($"CREATE SCHEMA \"{Schema}\"");
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (ConnectionString is null)
        {
            return;
        }
        await DropSchemaAsync(DataSource, Schema);
        await DataSource.DisposeAsync();
    }

    /// <summary>A store on a new table in this class's schema, created by <see cref="PostgreSqlRecordStore.EnsureSchemaAsync"/>.</summary>
    /// <summary>
    /// Drops a schema and its tables, table by table first: the partitioned tables' thousands of partitions would take
    /// more locks than one transaction may hold ("out of shared memory").
    /// </summary>
    public static async Task DropSchemaAsync(NpgsqlDataSource dataSource, string schema)
    {
        var tables = new List<string>();
        await using (var list = dataSource.CreateCommand("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'f') AND NOT c.relispartition"))
        {
            list.Parameters.Add(new NpgsqlParameter<string> { Value = schema });
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }
        foreach (var table in tables)
        {
            await using var drop = dataSource.CreateCommand($"DROP TABLE IF EXISTS \"{schema}\".\"{table}\" CASCADE");
            await drop.ExecuteNonQueryAsync();
        }
        await using var command = dataSource.CreateCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE");
        await command.ExecuteNonQueryAsync();
    }

    public PostgreSqlRecordStore NewStore(bool partitionByMonth = false, DivisionLevel? summaryLevel = null)
    {
        Require();
        var store = new PostgreSqlRecordStore(DataSource, new PostgreSqlRecordStoreOptions { TableName = $"{Schema}.r{Guid.NewGuid():N}", ReadBatchSize = 5, PartitionByMonth = partitionByMonth, SummaryLevel = summaryLevel });
        store.EnsureSchemaAsync().GetAwaiter().GetResult();
        return store;
    }
}

/// <summary>The store law on PostgreSQL: a new table per store.</summary>
public sealed class PostgreSqlStoreLaws : RecordStoreLaws, IClassFixture<PostgresServer>
{
    private readonly PostgresServer server;

    public PostgreSqlStoreLaws(PostgresServer server)
    {
        PostgresServer.Require();
        this.server = server;
    }

    protected override IRecordStore NewStore() => server.NewStore();
}

/// <summary>The store laws on a table partitioned by month.</summary>
public sealed class PostgreSqlPartitionedStoreLaws : RecordStoreLaws, IClassFixture<PostgresServer>
{
    private readonly PostgresServer server;

    public PostgreSqlPartitionedStoreLaws(PostgresServer server)
    {
        PostgresServer.Require();
        this.server = server;
    }

    protected override IRecordStore NewStore() => server.NewStore(partitionByMonth: true);
}
