namespace SocialWork.Reporting;

/// <summary>
/// Stored data that cannot be read back: a truncated or foreign file, a table whose rows break the records' rules. The
/// message names the file or table and, where one is at fault, the column; every store raises this type (or a subtype,
/// such as the Parquet store's) for this kind of failure.
/// </summary>
public class RecordStoreDataException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="source">The file name or table at fault.</param>
    /// <param name="column">The column (or metadata key) at fault, if one is.</param>
    /// <param name="problem">What is wrong.</param>
    /// <param name="inner">The reader's own exception, if any.</param>
    public RecordStoreDataException(string source, string? column, string problem, Exception? inner = null)
        : base(column is null ? $"{source}: {problem}" : $"{source}, column {column}: {problem}", inner)
    {
        Location = source ?? throw new ArgumentNullException(nameof(source));
        Column = column;
        Problem = problem ?? throw new ArgumentNullException(nameof(problem));
    }

    /// <summary>Gets the file name or table at fault.</summary>
    public string Location { get; }

    /// <summary>Gets the column or metadata key at fault, if one is.</summary>
    public string? Column { get; }

    /// <summary>Gets what is wrong.</summary>
    public string Problem { get; }
}
