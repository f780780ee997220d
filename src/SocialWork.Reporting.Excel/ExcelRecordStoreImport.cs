namespace SocialWork.Reporting.Excel;

/// <summary>
/// Imports a workbook's records straight into a store with the store's id rules (see
/// <see cref="RecordStoreImport.ImportAsync"/>): rows whose id is already stored are rejected like any bad row.
/// </summary>
public static class ExcelRecordStoreImport
{
    /// <summary>Imports the records of a workbook's first sheet (see <see cref="ExcelRecordImporter"/>) into the store.</summary>
    /// <param name="store">The store.</param>
    /// <param name="xlsx">The workbook; a stream that cannot seek is buffered in memory first.</param>
    /// <param name="fileName">The name to use in messages.</param>
    /// <param name="options">The import options (strict mode when omitted).</param>
    /// <param name="maxRows">The most records the sheet may hold (<see cref="ExcelRecordImporter.MaxRows"/>); unlimited when omitted.</param>
    /// <param name="cancellationToken">Cancels the import; nothing is stored then.</param>
    /// <returns>What was read, stored and rejected: <c>Accepted</c> records were appended.</returns>
    /// <exception cref="RecordImportException">The input is not a workbook, or strict mode met a bad row or one whose id is already stored.</exception>
    /// <exception cref="RecordAlreadyStoredException">Another append stored one of the ids between the check and this append; nothing was stored.</exception>
    public static async ValueTask<ImportResult> ImportExcelAsync(this IRecordStore store, Stream xlsx, string fileName, RecordImportOptions? options = null, int maxRows = int.MaxValue, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(xlsx);
        ArgumentNullException.ThrowIfNull(fileName);
        var importer = new ExcelRecordImporter { MaxRows = maxRows };
        return await store.ImportAsync(xlsx, (source, o) => importer.Import(source, fileName, o), options, cancellationToken).ConfigureAwait(false);
    }
}
