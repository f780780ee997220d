namespace SocialWork.Reporting.Parquet.Tests;

/// <summary>The ledger laws on a Parquet dataset: a new folder per ledger; another handle is another dataset object on the folder.</summary>
public sealed class ParquetLedgerLaws : ReportLedgerLaws, IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "socialwork-ledger-" + Guid.NewGuid().ToString("N"));

    protected override IReportLedger NewLedger() => new ParquetDataset(Path.Combine(root, Guid.NewGuid().ToString("N")), new ParquetRecordOptions { RowGroupSize = 7 });

    protected override IReportLedger Reopen(IReportLedger ledger) => new ParquetDataset(((ParquetDataset)ledger).Directory, new ParquetRecordOptions { RowGroupSize = 7 });

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
