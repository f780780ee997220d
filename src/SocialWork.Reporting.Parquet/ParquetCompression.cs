namespace SocialWork.Reporting.Parquet;

/// <summary>The compression of a records file's column pages.</summary>
public enum ParquetCompression
{
    /// <summary>No compression: the fastest to read.</summary>
    None,

    /// <summary>Snappy (the default): small files, read nearly as fast as uncompressed ones.</summary>
    Snappy,

    /// <summary>Zstandard: the smallest files.</summary>
    Zstd,
}
