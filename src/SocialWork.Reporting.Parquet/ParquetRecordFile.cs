using System.Runtime.CompilerServices;
using Parquet;

namespace SocialWork.Reporting.Parquet;

/// <summary>
/// Writes and reads service records as one Parquet file: the CSV contract's columns in the types other tools expect
/// (<c>date</c> DATE, <c>division</c> INT64, <c>item</c>, <c>method</c>, <c>target_group</c>, <c>parties</c>,
/// <c>programme</c> dictionary-encoded strings, <c>person_times</c> and <c>households</c> INT64, <c>amount</c>
/// DECIMAL(18,2)), plus <c>division_index</c> and <c>codes</c>, which hold the same values as integers so that a
/// report reads no string. Records are written in date order, so a row group's date statistics are tight.
/// </summary>
public static class ParquetRecordFile
{
    /// <summary>Writes a batch to a stream as one Parquet file.</summary>
    /// <param name="batch">The records.</param>
    /// <param name="output">A writable, seekable stream; left open.</param>
    /// <param name="options">How to write; the defaults when omitted.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the file is written.</returns>
    public static Task WriteAsync(RecordBatch batch, Stream output, ParquetRecordOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return WriteAsync(batch, 0, batch.Count, output, options ?? new ParquetRecordOptions(), cancellationToken);
    }

    /// <summary>
    /// Writes a batch to a file atomically: to a temporary name in the same folder, then moved into place, so a reader
    /// sees the whole file or none of it. An existing file is replaced.
    /// </summary>
    /// <param name="batch">The records.</param>
    /// <param name="path">The file to write.</param>
    /// <param name="options">How to write; the defaults when omitted.</param>
    /// <param name="cancellationToken">Cancels the write; the temporary file is removed.</param>
    /// <returns>A task that completes when the file is in place.</returns>
    public static Task WriteFileAsync(RecordBatch batch, string path, ParquetRecordOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return WriteFileAsync(batch, 0, batch.Count, path, overwrite: true, options ?? new ParquetRecordOptions(), cancellationToken);
    }

    /// <summary>Reads a whole file into one batch.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Every record in the file.</returns>
    /// <exception cref="ParquetRecordException">The file is not a readable records file (truncated, foreign, damaged); the message names the file and the column.</exception>
    public static async Task<RecordBatch> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var batches = new List<RecordBatch>();
        await foreach (var batch in ReadRowGroupsAsync(path, cancellationToken).ConfigureAwait(false))
        {
            batches.Add(batch);
        }
        return batches.Count == 1 ? batches[0] : RecordBatch.Concat(batches);
    }

    /// <summary>Reads a file row group by row group: memory holds one row group at a time.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>A batch per row group.</returns>
    /// <exception cref="ParquetRecordException">The file is not a readable records file; the message names the file and the column.</exception>
    public static async IAsyncEnumerable<RecordBatch> ReadRowGroupsAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var (reader, tables) = await OpenAsync(path, cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                yield return await ReadGroupAsync(reader, g, tables, path, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Builds the cube of a file's records: one partial cube per row group on all cores, merged.</summary>
    /// <param name="path">The file.</param>
    /// <param name="query">The query; row groups whose statistics lie outside its dates or division are not read.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The same cube as <see cref="Cube.Build"/> over the file's records.</returns>
    /// <exception cref="ParquetRecordException">The file is not a readable records file; the message names the file and the column.</exception>
    public static Task<Cube> QueryAsync(string path, CubeQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return ParquetDataset.QueryFilesAsync([path], query, cancellationToken);
    }

    /// <summary>Counts a file's records from its footer, without reading them.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Cancels the count.</param>
    /// <returns>The number of records.</returns>
    /// <exception cref="ParquetRecordException">The file is not a readable records file.</exception>
    public static async Task<long> CountAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var (reader, _) = await OpenAsync(path, cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            var count = 0L;
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                count += group.RowCount;
            }
            return count;
        }
    }

    internal static async Task WriteAsync(RecordBatch batch, int start, int count, Stream output, ParquetRecordOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var writer = await ParquetWriter.CreateAsync(RecordFileLayout.Schema, output, RecordFileLayout.WriterOptions(options), cancellationToken: cancellationToken).ConfigureAwait(false);
        await using (writer.ConfigureAwait(false))
        {
            writer.CustomMetadata = RecordFileLayout.Metadata(batch);
            for (var s = start; s < start + count; s += options.RowGroupSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await RecordFileLayout.WriteRowGroupAsync(writer, batch, s, Math.Min(options.RowGroupSize, start + count - s), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Writes records [start, start + count) to a temporary file beside <paramref name="path"/> and moves it into place.</summary>
    /// <returns><see langword="false"/> when <paramref name="overwrite"/> is false and the file appeared meanwhile.</returns>
    internal static async Task<bool> WriteFileAsync(RecordBatch batch, int start, int count, string path, bool overwrite, ParquetRecordOptions options, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                await WriteAsync(batch, start, count, stream, options, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }
            try
            {
                File.Move(temporary, full, overwrite);
            }
            catch (IOException) when (!overwrite && File.Exists(full))
            {
                return false;
            }
            return true;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Opens a file and checks its schema and metadata; anything unreadable becomes a <see cref="ParquetRecordException"/> naming the file.</summary>
    internal static async Task<(ParquetReader Reader, RecordFileLayout.FileTables Tables)> OpenAsync(string path, CancellationToken cancellationToken)
    {
        var reader = await OpenReaderAsync(path, cancellationToken).ConfigureAwait(false);
        try
        {
            return (reader, RecordFileLayout.ReadTables(reader, Path.GetFileName(path)));
        }
        catch
        {
            await reader.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Opens a file whose schema and metadata are already checked (its tables known); a file that is not Parquet becomes a <see cref="ParquetRecordException"/>.</summary>
    internal static async Task<ParquetReader> OpenReaderAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await ParquetReader.CreateAsync(path, RecordFileLayout.ReaderOptions(), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not (OperationCanceledException or FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException))
        {
            throw new ParquetRecordException(Path.GetFileName(path), null, $"not a readable Parquet file ({e.Message})", e);
        }
    }

    /// <summary>Reads one row group; the Parquet reader's own failures (a truncated page, say) become a <see cref="ParquetRecordException"/>.</summary>
    internal static async Task<RecordBatch> ReadGroupAsync(ParquetReader reader, int rowGroup, RecordFileLayout.FileTables tables, string path, CancellationToken cancellationToken, RecordFileLayout.ColumnBuffers? reuse = null)
    {
        try
        {
            return await RecordFileLayout.ReadRowGroupAsync(reader, rowGroup, tables, Path.GetFileName(path), reuse, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not (OperationCanceledException or ParquetRecordException))
        {
            throw new ParquetRecordException(Path.GetFileName(path), null, $"row group {rowGroup} cannot be read ({e.Message})", e);
        }
    }
}
