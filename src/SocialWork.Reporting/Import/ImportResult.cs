namespace SocialWork.Reporting;

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
