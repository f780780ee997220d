namespace SocialWork.Reporting.Parquet.Tests;

/// <summary>The store law on a Parquet dataset: a new folder per store, small row groups so queries span several.</summary>
public sealed class ParquetStoreLaws : RecordStoreLaws, IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "socialwork-laws-" + Guid.NewGuid().ToString("N"));

    protected override IRecordStore NewStore() => new ParquetDataset(Path.Combine(root, Guid.NewGuid().ToString("N")), new ParquetRecordOptions { RowGroupSize = 7 });

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
