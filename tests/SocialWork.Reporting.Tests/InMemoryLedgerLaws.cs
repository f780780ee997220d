namespace SocialWork.Reporting.Tests;

/// <summary>The ledger laws on the in-memory store.</summary>
public sealed class InMemoryLedgerLaws : ReportLedgerLaws
{
    protected override IReportLedger NewLedger() => new InMemoryRecordStore();

    protected override IReportLedger Reopen(IReportLedger ledger) => ledger;
}
