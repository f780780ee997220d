namespace SocialWork.Reporting;

/// <summary>What the importer does with a bad row.</summary>
public enum ImportMode
{
    /// <summary>Reject the whole input at the first bad row.</summary>
    Strict,

    /// <summary>Keep the valid rows and return the rejected ones verbatim.</summary>
    Lenient,
}

/// <summary>A row that was not imported: where it is, which column is wrong, why, and the row as it was read.</summary>
/// <param name="File">The file or document name.</param>
/// <param name="Line">The 1-based line number where the row starts.</param>
/// <param name="Column">The offending column (CSV header name, or JSON property path).</param>
/// <param name="Reason">What is wrong, naming the value.</param>
/// <param name="Raw">The row verbatim.</param>
/// <remarks>
/// Anything shaped like a resident ID number in the reason or the raw row is masked as it is set
/// (<see cref="ResidentIdNumber.MaskWithin"/>), so no rejects file, message or response built from a rejected row ever
/// repeats one whole.
/// </remarks>
public sealed record RejectedRow(string File, int Line, string Column, string Reason, string Raw)
{
    /// <summary>Gets what is wrong, naming the value (a resident ID number masked).</summary>
    public string Reason { get; init => field = ResidentIdNumber.MaskWithin(value ?? throw new ArgumentNullException(nameof(value))); } = ResidentIdNumber.MaskWithin(Reason ?? throw new ArgumentNullException(nameof(Reason)));

    /// <summary>Gets the row as it was read (a resident ID number masked).</summary>
    public string Raw { get; init => field = ResidentIdNumber.MaskWithin(value ?? throw new ArgumentNullException(nameof(value))); } = ResidentIdNumber.MaskWithin(Raw ?? throw new ArgumentNullException(nameof(Raw)));

    /// <summary>Gets the reason in Chinese, when the importer gave one (the library's importers always do); a resident ID number masked.</summary>
    public string? ChineseReason { get; init => field = value is null ? null : ResidentIdNumber.MaskWithin(value); }

    /// <summary>
    /// Gets a value indicating whether the row is valid but its id is already in the store it was meant for
    /// (<see cref="RecordImportOptions.StoredIds"/>): a host may answer 409 Conflict rather than 400 for it.
    /// </summary>
    public bool AlreadyStored { get; init; }

    /// <summary>
    /// Gets a value indicating whether the row is valid but its division lies outside <see cref="RecordImportOptions.Scope"/>,
    /// the divisions the uploader may write: a host may answer 403 Forbidden rather than 400 for it.
    /// </summary>
    public bool OutsideScope { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}: {Column}: {Reason}";

    /// <summary>Describes the row for a person reading <paramref name="culture"/>'s language: Chinese for any zh culture.</summary>
    /// <param name="culture">The culture.</param>
    /// <returns>For example <c>records.csv：第3行：date：'2024-13-05'不是有效日期…</c>, or <see cref="ToString()"/> in English.</returns>
    public string Describe(System.Globalization.CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        if (culture.TwoLetterISOLanguageName != "zh")
        {
            return ToString();
        }
        var column = Column switch { "(row)" => "整行", "(header)" => "表头", _ => Column };
        return $"{File}：第{Line}行：{column}：{ChineseReason ?? Reason}";
    }
}

/// <summary>The outcome of an import: the batch of accepted records and every rejected row. <c>Accepted + Rejected = Read</c>, always.</summary>
public sealed record ImportResult
{
    /// <summary>Creates the outcome, checking that nothing is lost: <c>batch.Count + rejected.Count == read</c>.</summary>
    /// <param name="batch">The accepted records.</param>
    /// <param name="read">The number of data rows read.</param>
    /// <param name="rejected">The rejected rows, in file order.</param>
    /// <exception cref="ArgumentException">Accepted and rejected rows do not add up to the rows read.</exception>
    public ImportResult(RecordBatch batch, int read, IReadOnlyList<RejectedRow> rejected)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(rejected);
        if ((long)batch.Count + rejected.Count != read)
        {
            throw new ArgumentException($"Accepted ({batch.Count}) + rejected ({rejected.Count}) must equal read ({read}).", nameof(read));
        }
        Batch = batch;
        Read = read;
        Rejected = ValueList.From(rejected);
    }

    /// <summary>Gets the accepted records.</summary>
    public RecordBatch Batch { get; }

    /// <summary>Gets the number of data rows read.</summary>
    public int Read { get; }

    /// <summary>Gets the rejected rows, in file order.</summary>
    public IReadOnlyList<RejectedRow> Rejected { get; }

    /// <summary>Gets the number of accepted rows.</summary>
    public int Accepted => Batch.Count;
}

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

/// <summary>Thrown when an input cannot be imported: a strict import met a bad row, or the input as a whole is unusable (no header, missing columns, malformed JSON).</summary>
public sealed class RecordImportException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="row">The first bad row (file, line, column, reason).</param>
    public RecordImportException(RejectedRow row)
        : base($"{row?.File}: line {row?.Line}: column '{row?.Column}': {row?.Reason}")
    {
        Row = row ?? throw new ArgumentNullException(nameof(row));
    }

    /// <summary>Gets the row that stopped the import.</summary>
    public RejectedRow Row { get; }
}
