namespace SocialWork.Reporting.Parquet;

/// <summary>What <see cref="ParquetDataset.RecoverAsync"/> found.</summary>
/// <param name="Removed">What crashed appends left and was removed (paths relative to the dataset folder).</param>
/// <param name="Ignored">The <c>*.parquet</c> files no commit names, left alone: no query, read or count sees them.</param>
public sealed record ParquetRecovery(IReadOnlyList<string> Removed, IReadOnlyList<string> Ignored);
