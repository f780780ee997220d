namespace SocialWork.Reporting;

/// <summary>
/// What an import that hands its records on instead of keeping them read and rejected
/// (<see cref="CsvRecordImporter.TryImportFileInSlices"/>). <c>Accepted + Rejected = Read</c>, always.
/// </summary>
public sealed record RecordImportSummary
{
    /// <summary>Creates the summary.</summary>
    /// <param name="read">The number of data rows read.</param>
    /// <param name="rejected">The rejected rows, in file order.</param>
    /// <exception cref="ArgumentException">More rows were rejected than read.</exception>
    public RecordImportSummary(int read, IReadOnlyList<RejectedRow> rejected)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        if (rejected.Count > read)
        {
            throw new ArgumentException($"Rejected ({rejected.Count}) cannot exceed read ({read}).", nameof(rejected));
        }
        Read = read;
        Rejected = ValueList.From(rejected);
    }

    /// <summary>Gets the number of data rows read.</summary>
    public int Read { get; }

    /// <summary>Gets the rejected rows, in file order.</summary>
    public IReadOnlyList<RejectedRow> Rejected { get; }

    /// <summary>Gets the number of accepted rows: those handed on.</summary>
    public int Accepted => Read - Rejected.Count;
}
