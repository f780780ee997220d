namespace SocialWork.Reporting.PostgreSql.Tests;

/// <summary>The ledger laws on PostgreSQL: a new table per ledger; another handle is another store object on the table.</summary>
public sealed class PostgreSqlLedgerLaws : ReportLedgerLaws, IClassFixture<PostgresServer>
{
    private readonly PostgresServer server;

    public PostgreSqlLedgerLaws(PostgresServer server)
    {
        PostgresServer.Require();
        this.server = server;
    }

    protected override IReportLedger NewLedger() => server.NewStore();

    protected override IReportLedger Reopen(IReportLedger ledger)
    {
        var store = (PostgreSqlRecordStore)ledger;
        return new PostgreSqlRecordStore(server.DataSource, store.Options);
    }
}
