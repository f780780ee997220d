namespace SocialWork.Reporting;

/// <summary>
/// Imports records from a table of text cells under a header in the CSV contract's column names (see
/// <see cref="CsvRecordImporter.RequiredColumns"/>) — a spreadsheet's sheet, for example — with the same checks as
/// <see cref="CsvRecordImporter"/>: every row is validated field by field, a rejected row names its source, row and
/// column, and accepted + rejected = read. Rows are given one at a time, so the source is never held whole.
/// </summary>
/// <example>
/// <code>
/// var table = new TableRecordImporter("[records.xlsx]Sheet1", header, options);
/// foreach (var (row, cells) in sheetRows) table.Add(row, cells);
/// var result = table.Complete();
/// </code>
/// </example>
public sealed class TableRecordImporter
{
    private readonly RecordBatchBuilder builder;
    private readonly RecordImportOptions options;
    private readonly CsvRecordImporter.Columns columns;
    private readonly List<RejectedRow> rejected = [];
    private readonly ExactRecordIds ids = new();
    private readonly CsvRecordImporter.ProgressCounter progress;
    private int read;
    private bool completed;
    private bool failed;

    /// <summary>Starts a table: checks its header (the required columns present, none the importer reads repeated).</summary>
    /// <param name="source">The name to use in messages (a file, or a file and its sheet).</param>
    /// <param name="header">The header's cells, in column order.</param>
    /// <param name="options">The import's options (strict mode when omitted).</param>
    /// <param name="headerLine">The header's line or row number, for its messages.</param>
    /// <exception cref="RecordImportException">The header lacks a required column or repeats one.</exception>
    public TableRecordImporter(string source, IReadOnlyList<string> header, RecordImportOptions? options = null, int headerLine = 1)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(header);
        Source = source;
        this.options = options ?? new RecordImportOptions();
        var names = header.Select(name => name ?? string.Empty).ToArray();
        columns = CsvRecordImporter.CheckHeader(names, string.Join(",", names.Select(CsvText.Field)), source, headerLine);
        builder = RecordBatchBuilder.ForImport(1024, this.options);
        progress = new CsvRecordImporter.ProgressCounter(this.options.Progress);
    }

    /// <summary>Gets the name used in messages.</summary>
    public string Source { get; }

    /// <summary>Gets the number of rows given so far.</summary>
    public int Read => read;

    /// <summary>Gets the rows rejected so far.</summary>
    public IReadOnlyList<RejectedRow> Rejected => rejected;

    /// <summary>Validates a row and keeps it, or records it as rejected (in strict mode: throws).</summary>
    /// <param name="line">The row's line or row number, for its messages and for a repeated id's.</param>
    /// <param name="cells">The row's cells in the header's column order; missing trailing cells are empty, a <see langword="null"/> cell is empty.</param>
    /// <returns><see langword="true"/> when the row was accepted.</returns>
    /// <exception cref="RecordImportException">Strict mode, and the row is invalid: the import has failed, and the table takes no more rows.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Complete"/> has been called, or a strict import has failed.</exception>
    public bool Add(int line, IReadOnlyList<string?> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ThrowIfDone();
        read++;
        if ((read & 0xFFFF) == 0)
        {
            progress.Add(0x10000);
        }
        var raw = string.Join(",", cells.Select(c => CsvText.Field(c ?? string.Empty)));
        var fields = RowParser.Read(new RowParser.ListCells(cells), columns);
        if (RowParser.Append(builder, fields, options, RowParser.Names.Csv, ids, line, raw, otherTextHoldsFields: true) is not { } problem)
        {
            return true;
        }
        var bad = problem.ToRejected(Source, line, raw);
        if (options.Mode == ImportMode.Strict)
        {
            failed = true;
            throw new RecordImportException(bad);
        }
        rejected.Add(bad);
        return false;
    }

    /// <summary>Ends the table and gives its records (in date order) and rejected rows.</summary>
    /// <returns>The import's result.</returns>
    /// <exception cref="InvalidOperationException"><see cref="Complete"/> has been called already, or a strict import has failed.</exception>
    public ImportResult Complete()
    {
        ThrowIfDone();
        completed = true;
        options.Progress?.Invoke(read);
        return new ImportResult(builder.Build(), read, rejected);
    }

    private void ThrowIfDone()
    {
        if (failed)
        {
            throw new InvalidOperationException("The strict import failed at a bad row; start a new TableRecordImporter.");
        }
        if (completed)
        {
            throw new InvalidOperationException("The table is complete; start a new TableRecordImporter for more rows.");
        }
    }
}
