namespace SocialWork.Reporting.Parquet.Tests;

/// <summary>The privacy law on a Parquet dataset: every byte of every file under the folder is scanned.</summary>
public sealed class ParquetStorePrivacyLaws : StorePrivacyLaws, IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("socialwork-privacy-").FullName;

    protected override IRecordStore NewStore() => new ParquetDataset(Path.Combine(root, Guid.NewGuid().ToString("N")));

    protected override string WrittenText(IRecordStore store)
        => string.Concat(Directory.GetFiles(((ParquetDataset)store).Directory, "*", SearchOption.AllDirectories).Select(f => System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(f))));

    public void Dispose()
    {
        Directory.Delete(root, recursive: true);
        GC.SuppressFinalize(this);
    }
}
