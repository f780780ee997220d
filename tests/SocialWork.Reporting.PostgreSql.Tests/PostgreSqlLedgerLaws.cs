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

/// <summary>The ledger laws on a table partitioned by month.</summary>
public sealed class PostgreSqlPartitionedLedgerLaws : ReportLedgerLaws, IClassFixture<PostgresServer>
{
    private readonly PostgresServer server;

    public PostgreSqlPartitionedLedgerLaws(PostgresServer server)
    {
        PostgresServer.Require();
        this.server = server;
    }

    protected override IReportLedger NewLedger() => server.NewStore(partitionByMonth: true);

    protected override IReportLedger Reopen(IReportLedger ledger) => new PostgreSqlRecordStore(server.DataSource, ((PostgreSqlRecordStore)ledger).Options);
}
