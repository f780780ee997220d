namespace SocialWork.Reporting.PostgreSql.Tests;

/// <summary>The privacy law on PostgreSQL: every row of the table, every column, as the server prints it.</summary>
public sealed class PostgreSqlStorePrivacyLaws : StorePrivacyLaws, IClassFixture<PostgresServer>
{
    private readonly PostgresServer server;

    public PostgreSqlStorePrivacyLaws(PostgresServer server)
    {
        PostgresServer.Require();
        this.server = server;
    }

    protected override IRecordStore NewStore() => server.NewStore();

    protected override string WrittenText(IRecordStore store)
    {
        using var command = server.DataSource.CreateCommand($"SELECT coalesce(string_agg(t::text, E'\\n'), '') FROM {((PostgreSqlRecordStore)store).Options.TableName} t");
        return (string)command.ExecuteScalar()!;
    }
}
