namespace SocialWork.Reporting.Parquet;

/// <summary>A Parquet file that is not a readable records file: truncated, foreign or damaged. The message names the file and the column.</summary>
public sealed class ParquetRecordException : RecordStoreDataException
{
    /// <summary>Creates an exception.</summary>
    /// <param name="fileName">The file.</param>
    /// <param name="column">The column (or metadata key) at fault, if one is.</param>
    /// <param name="problem">What is wrong.</param>
    /// <param name="inner">The Parquet reader's own exception, if any.</param>
    public ParquetRecordException(string fileName, string? column, string problem, Exception? inner = null)
        : base(fileName, column, problem, inner)
    {
        FileName = fileName;
    }

    /// <summary>Gets the file's name.</summary>
    public string FileName { get; }
}
