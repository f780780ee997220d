using SocialWork.Reporting;
using SocialWork.Reporting.Parquet;

namespace SocialWork.Samples.Cli;

/// <summary>Records kept as Parquet: a file, or a dataset folder that <c>socialwork convert</c> wrote.</summary>
internal static class StoredRecords
{
    /// <summary>Whether a path names a folder or a file that begins with Parquet's magic bytes (whatever its name).</summary>
    public static bool IsParquet(string path)
    {
        if (Directory.Exists(path))
        {
            return true;
        }
        if (!File.Exists(path))
        {
            return false;
        }
        Span<byte> magic = stackalloc byte[4];
        using var stream = File.OpenRead(path);
        return stream.ReadAtLeast(magic, 4, throwOnEndOfStream: false) == 4 && magic.SequenceEqual("PAR1"u8);
    }

    /// <summary>Builds the cube of a Parquet file or dataset folder, and counts its records.</summary>
    /// <exception cref="CliProblem">A file is not a readable records file (the message names it and the column).</exception>
    public static (Cube Cube, long Count) Query(string path, CubeQuery query)
    {
        try
        {
            if (Directory.Exists(path))
            {
                var dataset = new ParquetDataset(path);
                if (dataset.Files.Count == 0)
                {
                    throw new CliProblem($"文件夹'{path}'中没有Parquet记录文件（*.parquet）。", $"the folder '{path}' holds no Parquet records files (*.parquet).");
                }
                return (dataset.QueryAsync(query).AsTask().GetAwaiter().GetResult(), dataset.CountAsync().AsTask().GetAwaiter().GetResult());
            }
            return (ParquetRecordFile.QueryAsync(path, query).GetAwaiter().GetResult(), ParquetRecordFile.CountAsync(path).GetAwaiter().GetResult());
        }
        catch (ParquetRecordException e)
        {
            var where = e.Column is null ? string.Empty : $"（列{e.Column}）";
            throw new CliProblem($"Parquet文件'{e.FileName}'{where}不是可读的记录文件。", e.Message, e);
        }
    }
}
