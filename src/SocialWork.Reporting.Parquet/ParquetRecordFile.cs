using System.Runtime.CompilerServices;
using ParquetSharp;

namespace SocialWork.Reporting.Parquet;

/// <summary>
/// Writes and reads service records as one Parquet file: the CSV contract's columns in the types other tools expect
/// (<c>date</c> DATE, <c>division</c> INT64, <c>item</c>, <c>method</c>, <c>target_group</c>, <c>parties</c>,
/// <c>programme</c> dictionary-encoded strings, <c>person_times</c> and <c>households</c> INT64, <c>amount</c>
/// DECIMAL(18,2) and <c>person</c> a <see cref="PersonKey"/>'s 32 bytes), plus <c>division_index</c> and <c>codes</c>,
/// which hold the same values as integers so that a report reads no string. Records are written in date order, so a row
/// group's date statistics are tight. Reading and writing go through Apache Arrow's Parquet library (ParquetSharp);
/// files written by earlier versions of this package (person keys as text) are read too.
/// </summary>
public static class ParquetRecordFile
{
    /// <summary>Writes a batch to a stream as one Parquet file.</summary>
    /// <param name="batch">The records.</param>
    /// <param name="output">A writable stream; left open.</param>
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

    /// <summary>Reads a file row group by row group, each on the thread pool: memory holds one row group at a time.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>A batch per row group.</returns>
    /// <exception cref="ParquetRecordException">The file is not a readable records file; the message names the file and the column.</exception>
    public static async IAsyncEnumerable<RecordBatch> ReadRowGroupsAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var (reader, tables) = Open(path);
        using (reader)
        {
            var metadata = reader.FileMetaData;   // the reader's own: it disposes it
            for (var g = 0; g < metadata.NumRowGroups; g++)
            {
                var group = g;
                yield return await Task.Run(() => ReadGroup(reader, group, tables, path), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Builds the cube of a file's records: the row groups read on all cores into one <see cref="CubeAccumulator"/>.</summary>
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
    public static Task<long> CountAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Count(path));
    }

    /// <summary>Counts a file's records from its footer.</summary>
    internal static long Count(string path)
    {
        var (reader, _) = Open(path);
        using (reader)
        {
            var metadata = reader.FileMetaData;   // the reader's own: it disposes it
            return metadata.NumRows;
        }
    }

    internal static async Task WriteAsync(RecordBatch batch, int start, int count, Stream output, ParquetRecordOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        RecordFileWriter.Write(batch, start, count, output, options, cancellationToken);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes records [start, start + count) to a temporary file beside <paramref name="path"/> and moves it into place.</summary>
    /// <returns><see langword="false"/> when <paramref name="overwrite"/> is false and the file appeared meanwhile.</returns>
    internal static async Task<bool> WriteFileAsync(RecordBatch batch, int start, int count, string path, bool overwrite, ParquetRecordOptions options, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
            await using (stream.ConfigureAwait(false))
            {
                await WriteAsync(batch, start, count, stream, options, cancellationToken).ConfigureAwait(false);
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
    internal static (ParquetFileReader Reader, RecordFileLayout.FileTables Tables) Open(string path)
    {
        var reader = OpenReader(path);
        try
        {
            return (reader, RecordFileLayout.ReadTables(reader, Path.GetFileName(path)));
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>
    /// What a reader reads of a file at a time: a column chunk is read through a buffer of this size instead of whole (a
    /// row group's person column is 32 MB), so a report holds about a page of each column it reads.
    /// </summary>
    private const long ReadBufferSize = 1L << 20;

    /// <summary>Opens a file whose schema and metadata are already checked (its tables known); a file that is not Parquet becomes a <see cref="ParquetRecordException"/>.</summary>
    internal static ParquetFileReader OpenReader(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The records file {path} does not exist.", path);
        }
        try
        {
            using var properties = ReaderProperties.WithMemoryPool(ReaderPool.Value);
            properties.EnableBufferedStream();
            properties.BufferSize = ReadBufferSize;
            return new ParquetFileReader(path, properties);
        }
        catch (ParquetException e)
        {
            throw new ParquetRecordException(Path.GetFileName(path), null, $"not a readable Parquet file ({Reason(e)})", e);
        }
    }

    /// <summary>
    /// The native memory pool readers decode pages into: jemalloc where ParquetSharp's native library has it (Linux and
    /// macOS), unless <c>ARROW_DEFAULT_MEMORY_POOL</c> chooses a pool; else Arrow's default (mimalloc). Arrow's mimalloc
    /// pool keeps the pages of the person column for reuse, so a report counting people peaked 130 MB higher with it at
    /// 10M records (<c>benchmarks/results/PeopleMemory.md</c>).
    /// </summary>
    private static readonly Lazy<MemoryPool> ReaderPool = new(() =>
    {
        if (Environment.GetEnvironmentVariable("ARROW_DEFAULT_MEMORY_POOL") is { Length: > 0 })
        {
            return MemoryPool.GetDefaultMemoryPool();
        }
        try
        {
            return MemoryPool.JemallocMemoryPool();
        }
        catch (ParquetException)
        {
            return MemoryPool.GetDefaultMemoryPool();
        }
    });

    /// <summary>Reads one row group; the Parquet reader's own failures (a truncated page, say) become a <see cref="ParquetRecordException"/>.</summary>
    internal static RecordBatch ReadGroup(ParquetFileReader reader, int rowGroup, RecordFileLayout.FileTables tables, string path, RecordFileReader.ColumnBuffers? reuse = null, PersonKeyTable? people = null)
        => InRowGroup(path, rowGroup, null, () => RecordFileReader.ReadRowGroup(reader, rowGroup, tables, Path.GetFileName(path), reuse, people));

    /// <summary>Reads one row group's ids (<see langword="null"/> when the file has none or a record has none), failures as <see cref="ReadGroup"/>'s.</summary>
    internal static string[]? ReadGroupIds(ParquetFileReader reader, int rowGroup, RecordFileLayout.FileTables tables, string path)
        => InRowGroup(path, rowGroup, RecordFileLayout.Id, () =>
        {
            using var group = reader.RowGroup(rowGroup);
            return RecordFileReader.ReadIds(group, tables, checked((int)group.MetaData.NumRows), Path.GetFileName(path), rowGroup);
        });

    /// <summary>Runs a read of one row group; Arrow's own failures (a truncated page, say) become a <see cref="ParquetRecordException"/> naming the file.</summary>
    private static T InRowGroup<T>(string path, int rowGroup, string? column, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (ParquetException e)
        {
            throw new ParquetRecordException(Path.GetFileName(path), column, $"row group {rowGroup} cannot be read ({Reason(e)})", e);
        }
    }

    /// <summary>The message of Arrow's exception without the C++ class name around it (<c>N7parquet…E (message: '…')</c>).</summary>
    internal static string Reason(ParquetException e)
    {
        var message = e.Message.Trim();
        var start = message.IndexOf("(message: '", StringComparison.Ordinal);
        return start >= 0 && message.EndsWith("')", StringComparison.Ordinal) ? message[(start + 11)..^2].Trim() : message;
    }
}
