namespace SocialWork.Reporting;

/// <summary>
/// The outcome of <see cref="CsvRecordImporter.ImportCube"/>: the cube of the accepted records (which were not kept) and
/// what was read and rejected. <c>Accepted + Rejected = Read</c>, always.
/// </summary>
/// <param name="Cube">The cube of the accepted records.</param>
/// <param name="Import">What was read and rejected.</param>
public sealed record CubeImportResult(Cube Cube, RecordImportSummary Import)
{
    /// <summary>Gets the cube of the accepted records.</summary>
    public Cube Cube { get; } = Cube ?? throw new ArgumentNullException(nameof(Cube));

    /// <summary>Gets what was read and rejected.</summary>
    public RecordImportSummary Import { get; } = Import ?? throw new ArgumentNullException(nameof(Import));
}
