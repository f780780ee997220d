namespace SocialWork.Reporting;

/// <summary>
/// Imports records straight into a store, keeping ids unique across appends (design section 7): rows whose id the store
/// already holds are rejected like any bad row — in strict mode the import fails naming the first, and nothing is stored;
/// in lenient mode they are listed with their line ("id R1 is already stored") and the other rows are stored. So a
/// retried upload never counts twice. Into an <see cref="IReportLedger"/>, rows that a submitted or approved report locks
/// are rejected likewise ("… is submitted and locked", <see cref="RejectedRow.Locked"/>).
/// </summary>
public static class RecordStoreImport
{
    /// <summary>Imports a records CSV (the console contract) into the store.</summary>
    /// <param name="store">The store.</param>
    /// <param name="utf8Csv">The CSV; read once, or twice when some of its ids are already stored (a stream that cannot seek is buffered in memory first).</param>
    /// <param name="fileName">The name to use in messages.</param>
    /// <param name="options">The import options (strict mode when omitted); <see cref="RecordImportOptions.KeepIds"/>, <see cref="RecordImportOptions.StoredIds"/> and (into a ledger) <see cref="RecordImportOptions.Locks"/> are set here.</param>
    /// <param name="cancellationToken">Cancels the import; nothing is stored then.</param>
    /// <returns>What was read, stored and rejected: <c>Accepted</c> records were appended.</returns>
    /// <exception cref="RecordImportException">Strict mode met a bad row, or a row whose id is already stored.</exception>
    /// <exception cref="RecordAlreadyStoredException">Another append stored one of the ids between the check and this append; nothing was stored.</exception>
    public static async ValueTask<ImportResult> ImportCsvAsync(this IRecordStore store, Stream utf8Csv, string fileName, RecordImportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(utf8Csv);
        ArgumentNullException.ThrowIfNull(fileName);
        var importer = new CsvRecordImporter();
        return await store.ImportAsync(utf8Csv, (source, o) => importer.Import(source, fileName, o), options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Imports records of any format read from a stream into the store with the same id rules: <paramref name="import"/>
    /// reads the whole input with the options it is given — once, and again from the same start with
    /// <see cref="RecordImportOptions.StoredIds"/> set when some of its ids are already stored — and the accepted records
    /// are appended. For an importer of another format (a spreadsheet, for example).
    /// </summary>
    /// <param name="store">The store.</param>
    /// <param name="input">The input; a stream that cannot seek is buffered in memory first.</param>
    /// <param name="import">Reads the input (positioned at its start) with the given options.</param>
    /// <param name="options">The import options (strict mode when omitted); <see cref="RecordImportOptions.KeepIds"/>, <see cref="RecordImportOptions.StoredIds"/> and (into a ledger) <see cref="RecordImportOptions.Locks"/> are set here.</param>
    /// <param name="cancellationToken">Cancels the import; nothing is stored then.</param>
    /// <returns>What was read, stored and rejected: <c>Accepted</c> records were appended.</returns>
    /// <exception cref="RecordImportException">Strict mode met a bad row, or a row whose id is already stored.</exception>
    /// <exception cref="RecordAlreadyStoredException">Another append stored one of the ids between the check and this append; nothing was stored.</exception>
    public static async ValueTask<ImportResult> ImportAsync(this IRecordStore store, Stream input, Func<Stream, RecordImportOptions, ImportResult> import, RecordImportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(import);
        var source = input;
        MemoryStream? buffer = null;
        if (!input.CanSeek)
        {
            buffer = new MemoryStream();
            await input.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            buffer.Position = 0;
            source = buffer;
        }
        try
        {
            var start = source.Position;
            return await ImportAsync(store, o =>
            {
                source.Position = start;
                return import(source, o);
            }, options, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            buffer?.Dispose();
        }
    }

    /// <summary>Imports a records JSON document (an array of records or <c>{"records":[…]}</c>) into the store.</summary>
    /// <param name="store">The store.</param>
    /// <param name="utf8Json">The JSON.</param>
    /// <param name="fileName">The name to use in messages.</param>
    /// <param name="options">The import options (strict mode when omitted); <see cref="RecordImportOptions.KeepIds"/>, <see cref="RecordImportOptions.StoredIds"/> and (into a ledger) <see cref="RecordImportOptions.Locks"/> are set here.</param>
    /// <param name="cancellationToken">Cancels the import; nothing is stored then.</param>
    /// <returns>What was read, stored and rejected: <c>Accepted</c> records were appended.</returns>
    /// <exception cref="RecordImportException">The document is malformed, or strict mode met a bad element or one whose id is already stored.</exception>
    /// <exception cref="RecordAlreadyStoredException">Another append stored one of the ids between the check and this append; nothing was stored.</exception>
    public static ValueTask<ImportResult> ImportJsonAsync(this IRecordStore store, ReadOnlyMemory<byte> utf8Json, string fileName, RecordImportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(fileName);
        var importer = new JsonRecordImporter();
        return ImportAsync(store, o => importer.Import(utf8Json, fileName, o), options, cancellationToken);
    }

    private static async ValueTask<ImportResult> ImportAsync(IRecordStore store, Func<RecordImportOptions, ImportResult> import, RecordImportOptions? options, CancellationToken cancellationToken)
    {
        options = (options ?? new RecordImportOptions()) with { KeepIds = true, StoredIds = null };
        var ledger = store as IReportLedger;
        // A ledger's locks are checked again by the append itself; a submission that lands in between makes the append
        // refuse the batch, and the import is read again against the new locks (a few times at most: submissions are rare).
        for (var attempt = 1; ; attempt++)
        {
            if (ledger is not null)
            {
                options = options with { Locks = (await ledger.ReadSubmissionsAsync(cancellationToken).ConfigureAwait(false)).Locks() };
            }
            var result = import(options);
            if (result.Batch.Count > 0)
            {
                // The importer rejected repeated ids, so the batch's ids are a set already: handed over as a view.
                var stored = await store.FindStoredIdsAsync(result.Batch.GetIds(), cancellationToken).ConfigureAwait(false);
                if (stored.Count > 0)
                {
                    result = import(options with { StoredIds = stored });
                }
            }
            if (result.Batch.Count == 0)
            {
                return result;
            }
            try
            {
                await store.AppendAsync(result.Batch, cancellationToken).ConfigureAwait(false);
                return result;
            }
            catch (RecordLockedException) when (ledger is not null && attempt < 5)
            {
            }
        }
    }
}
