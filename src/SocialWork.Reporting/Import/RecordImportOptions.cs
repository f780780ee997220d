namespace SocialWork.Reporting;

/// <summary>Options of the record importers.</summary>
public sealed record RecordImportOptions
{
    /// <summary>Gets what to do with bad rows (default <see cref="ImportMode.Strict"/>).</summary>
    public ImportMode Mode { get; init; } = ImportMode.Strict;

    /// <summary>
    /// Gets the catalog versions to check codes against; when set, a row whose code the version in force on its date
    /// does not hold, or holds as retired, is rejected.
    /// </summary>
    public CatalogHistory? Catalog { get; init; }

    /// <summary>
    /// Gets a value indicating whether the batch keeps the records' ids (default <see langword="true"/>): a store needs them
    /// to keep ids unique across appends. A host that only reports may turn it off to save about 4 bytes plus the id's
    /// characters per record; ids are still checked for repeats either way.
    /// </summary>
    public bool KeepIds { get; init; } = true;

    /// <summary>
    /// Gets the ids already in the store the records are meant for, if known (see <see cref="IRecordStore.FindStoredIdsAsync"/>):
    /// a row with one of them is rejected, "id R1 is already stored", so a retried upload never counts twice.
    /// </summary>
    public IReadOnlySet<string>? StoredIds { get; init; }

    /// <summary>
    /// Gets the divisions the records may belong to — the uploader's <see cref="DivisionScope"/> — if limited: a valid row
    /// whose division lies outside it is rejected ("division 130603001000 is outside the scope 130602005000",
    /// <see cref="RejectedRow.OutsideScope"/>), so in strict mode nothing is stored. The empty scope rejects every row.
    /// </summary>
    public DivisionScope? Scope { get; init; }

    /// <summary>
    /// Gets the reports that lock records — submitted or approved ones (<see cref="SubmissionBook.Locks"/>) — if any: a
    /// valid row of a locked division and period is rejected ("2023-03 of 130602005000 is submitted and locked; ask
    /// 130602000000 to return it", <see cref="RejectedRow.Locked"/>). <see cref="RecordStoreImport"/> sets it from an
    /// <see cref="IReportLedger"/>'s submissions.
    /// </summary>
    public SubmissionLocks? Locks { get; init; }

    /// <summary>
    /// Gets a callback told the number of rows read so far, every 65,536 rows (for progress bars). When a file is read on
    /// several threads the calls come from those threads, one at a time.
    /// </summary>
    public Action<int>? Progress { get; init; }

    /// <summary>
    /// Gets how many threads <see cref="CsvRecordImporter.ImportFile"/> may use on a large file: 0 (the default) for all
    /// cores, 1 for one thread. Each thread parses a slice of the file that starts on a line boundary; a file with a quote
    /// character before its last slice is read again on one thread, since a quoted field may hold a line break. Streams
    /// are always read on one thread. The result is the same either way.
    /// </summary>
    public int Parallelism
    {
        get;
        init => field = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Parallelism must be 0 (all cores) or positive.");
    }

    /// <summary>The default of <see cref="MaxRowLength"/>: 4 Mi characters.</summary>
    public const int DefaultMaxRowLength = 4 << 20;

    /// <summary>The largest <see cref="MaxRowLength"/> accepted: 16 Mi characters, the most the CSV parser holds in one row.</summary>
    public const int MaxRowLengthLimit = (16 << 20) - (64 << 10);

    /// <summary>
    /// Gets the most characters a CSV row may have, its line break included (default <see cref="DefaultMaxRowLength"/>,
    /// at least 16, at most <see cref="MaxRowLengthLimit"/>). A longer row is skipped as it is read, so memory stays
    /// bounded, and rejected with its line: in lenient mode each of its lines is a rejected row, in strict mode the import
    /// fails naming the first.
    /// </summary>
    public int MaxRowLength
    {
        get;
        init => field = value is >= 16 and <= MaxRowLengthLimit ? value : throw new ArgumentOutOfRangeException(nameof(value), value, $"MaxRowLength must be between 16 and {MaxRowLengthLimit}.");
    } = DefaultMaxRowLength;
}
