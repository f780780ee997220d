namespace SocialWork.Reporting;

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
