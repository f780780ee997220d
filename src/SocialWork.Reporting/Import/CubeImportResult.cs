namespace SocialWork.Reporting;

/// <summary>
/// The outcome of <see cref="CsvRecordImporter.ImportCube"/>: the cube of the accepted records (which were not kept) and
/// every rejected row. <c>Accepted + Rejected = Read</c>, always.
/// </summary>
public sealed record CubeImportResult
{
    /// <summary>Creates the outcome.</summary>
    /// <param name="cube">The cube of the accepted records.</param>
    /// <param name="read">The number of data rows read.</param>
    /// <param name="rejected">The rejected rows, in file order.</param>
    /// <exception cref="ArgumentException">More rows were rejected than read.</exception>
    public CubeImportResult(Cube cube, int read, IReadOnlyList<RejectedRow> rejected)
    {
        ArgumentNullException.ThrowIfNull(cube);
        ArgumentNullException.ThrowIfNull(rejected);
        if (rejected.Count > read)
        {
            throw new ArgumentException($"Rejected ({rejected.Count}) cannot exceed read ({read}).", nameof(rejected));
        }
        Cube = cube;
        Read = read;
        Rejected = ValueList.From(rejected);
    }

    /// <summary>Gets the cube of the accepted records.</summary>
    public Cube Cube { get; }

    /// <summary>Gets the number of data rows read.</summary>
    public int Read { get; }

    /// <summary>Gets the rejected rows, in file order.</summary>
    public IReadOnlyList<RejectedRow> Rejected { get; }

    /// <summary>Gets the number of accepted rows: those the cube counts.</summary>
    public int Accepted => Read - Rejected.Count;
}
