using System.Runtime.ExceptionServices;
using Microsoft.Win32.SafeHandles;

namespace SocialWork.Reporting;

/// <summary>
/// Imports a CSV file on several threads. The rows after the header are cut into slices that start just after a line
/// feed, four per thread so that a thread slowed down by other work leaves more slices to the others; each slice is read
/// with its own parser into its own <see cref="RecordBatchBuilder"/>, and the builders are joined in file order. A line
/// feed is a row boundary unless it sits inside a quoted field, which needs a quote character before it: a slice
/// boundary is therefore trusted only when no earlier slice holds a quote, and otherwise the caller reads the file again
/// on one thread. The caller does the same for a file whose rows may repeat an id (any two equal id hashes), a file
/// with a rejected row that spans lines or was cut for length (their reasons name lines of the file, which a slice does
/// not know), and a file that is not UTF-8 (a slice cannot tell UTF-16 from its bytes): the result is then exactly the
/// one-thread import's.
/// </summary>
internal static class ParallelCsvImport
{
    /// <summary>The least bytes worth a thread of their own.</summary>
    internal const long MinBytesPerThread = 4 << 20;

    private const int SlicesPerThread = 4;

    /// <summary>The most bytes of a slice whose records go straight into a cube (<see cref="TryImportInto"/>): 32 MiB measured fastest (8 MiB: 5.2 s, 32: 4.1 s, 64: 4.4 s for 10M rows).</summary>
    private const long CubeSliceBytes = 32 << 20;

    /// <summary>
    /// Imports the file, or returns <see langword="null"/> when its slices cannot be trusted (see the type's summary);
    /// <c>idsMayRepeat</c> says whether the slices' id hashes met, so the one-thread import can go straight to the exact id set.
    /// </summary>
    public static ImportResult? TryImport(SafeFileHandle file, long length, string fileName, RecordImportOptions options, int threads, out bool idsMayRepeat)
    {
        var read = TryRead(file, length, fileName, options, threads, threads * SlicesPerThread, sink: null, out idsMayRepeat);
        return read is null ? null : new ImportResult(RecordBatchBuilder.Concat([.. read.Value.Builders]).Build(), read.Value.Read, read.Value.Rejected);
    }

    /// <summary>
    /// Imports the file slice by slice: slices of at most 32 MiB, each slice's records handed to <paramref name="sink"/> as
    /// soon as they are read and then let go, so memory holds a slice per thread rather than the file. Returns
    /// <see langword="null"/> when the slices cannot be trusted (the sink then had records it must discard).
    /// </summary>
    public static (int Read, List<RejectedRow> Rejected)? TryImportInto(SafeFileHandle file, long length, string fileName, RecordImportOptions options, int threads, Action<RecordBatch> sink)
    {
        var slices = (int)Math.Min(1 << 20, Math.Max(threads * SlicesPerThread, (length / CubeSliceBytes) + 1));
        var read = TryRead(file, length, fileName, options, threads, slices, sink, out _);
        return read is null ? null : (read.Value.Read, read.Value.Rejected);
    }

    /// <summary>
    /// Reads the file's rows in <paramref name="sliceCount"/> slices on <paramref name="threads"/> threads. Each slice's
    /// builder is kept for the caller to join, or, with a <paramref name="sink"/>, built and handed to it.
    /// </summary>
    private static (RecordBatchBuilder[] Builders, int Read, List<RejectedRow> Rejected)? TryRead(
        SafeFileHandle file, long length, string fileName, RecordImportOptions options, int threads, int sliceCount, Action<RecordBatch>? sink, out bool idsMayRepeat)
    {
        idsMayRepeat = false;
        var headerEnd = IsUtf16Or32(file) ? -1 : HeaderEnd(file, length);
        if (headerEnd < 0)
        {
            return null;
        }
        int rowsInFile;
        using (var whole = new FileSliceStream(file, 0, length))
        {
            rowsInFile = CsvRecordImporter.EstimateRows(whole);
        }
        CsvRecordImporter.Columns columns;
        using (var header = CsvRecordImporter.OpenReader(new FileSliceStream(file, 0, headerEnd), options.MaxRowLength, out _))
        {
            columns = CsvRecordImporter.ReadHeader(header, fileName);
        }

        var bounds = Boundaries(file, headerEnd, length, sliceCount);
        var slices = new Slice[bounds.Length - 1];
        using var spilled = sink is null ? null : new SpilledIdHashes();   // an import that keeps no records keeps no hashes in memory either
        var builders = new RecordBatchBuilder[sink is null ? slices.Length : 0];
        var progress = new CsvRecordImporter.ProgressCounter(options.Progress);
        ForEachSlice(slices.Length, threads, i =>
        {
            var capacity = (int)Math.Min(int.MaxValue / 2, ((bounds[i + 1] - bounds[i]) * (long)rowsInFile / Math.Max(1, length)) + 1024);
            using var stream = new FileSliceStream(file, bounds[i], bounds[i + 1]);
            using var reader = CsvRecordImporter.OpenReader(stream, options.MaxRowLength, out var limit);
            var builder = RecordBatchBuilder.ForImport(capacity, options);
            var ids = new HashedRecordIds();
            var rows = CsvRecordImporter.ReadRows(reader, limit, hasHeader: false, columns, builder, fileName, options, ids, progress);
            spilled?.Add(ids);
            slices[i] = new Slice(rows, spilled is null ? ids : null, stream.SawQuote, stream.LineFeeds);
            if (sink is null)
            {
                builders[i] = builder;
            }
            else if (rows.StrictFailure is null)
            {
                sink(builder.Build());
            }
        });
        idsMayRepeat = spilled?.MayRepeat(threads) ?? HashedRecordIds.MayRepeat([.. slices.Select(s => s.Ids!)]);
        if (idsMayRepeat || slices[..^1].Any(s => s.SawQuote) || slices.Any(s => s.Rows.SpansLines))
        {
            return null;
        }

        // Slice lines are numbered from 1 without a header; the header is line 1 of the file (it holds no quote).
        var linesBefore = 1;
        var rejected = new List<RejectedRow>();
        foreach (var slice in slices)
        {
            foreach (var row in slice.Rows.Rejected)
            {
                rejected.Add(row with { Line = row.Line + linesBefore });
            }
            if (slice.Rows.StrictFailure is { } failure)
            {
                throw new RecordImportException(failure with { Line = failure.Line + linesBefore });
            }
            linesBefore += slice.LineFeeds;
        }
        var read = slices.Sum(s => s.Rows.Read);
        options.Progress?.Invoke(read);
        return (builders, read, rejected);
    }

    /// <summary>Runs the slices in parallel; an exception from a slice comes out as itself, not wrapped.</summary>
    private static void ForEachSlice(int slices, int threads, Action<int> body)
    {
        try
        {
            Parallel.For(0, slices, new ParallelOptions { MaxDegreeOfParallelism = threads }, body);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }
    }

    private sealed record Slice(CsvRecordImporter.RowsRead Rows, HashedRecordIds? Ids, bool SawQuote, int LineFeeds);

    /// <summary>Determines whether the file starts with a UTF-16 or UTF-32 byte-order mark (a UTF-8 one is fine).</summary>
    private static bool IsUtf16Or32(SafeFileHandle file)
    {
        Span<byte> start = stackalloc byte[2];
        return RandomAccess.Read(file, start, 0) == 2 && start[0] + start[1] == 0xFF + 0xFE && (start[0] == 0xFF || start[0] == 0xFE);
    }

    /// <summary>Finds the byte after the header's line feed, or -1 when the header holds a quote or has no line feed in its first 64 KiB.</summary>
    private static long HeaderEnd(SafeFileHandle file, long length)
    {
        Span<byte> start = stackalloc byte[(int)Math.Min(length, 65_536)];
        start = start[..RandomAccess.Read(file, start, 0)];
        var lineFeed = start.IndexOf((byte)'\n');
        return lineFeed < 0 || start[..lineFeed].Contains((byte)'"') ? -1 : lineFeed + 1;
    }

    /// <summary>Cuts [<paramref name="from"/>, <paramref name="length"/>) into slices of about equal size, each ending just after a line feed (or at the end).</summary>
    private static long[] Boundaries(SafeFileHandle file, long from, long length, int slices)
    {
        var bounds = new long[slices + 1];
        bounds[0] = from;
        bounds[slices] = length;
        var buffer = new byte[4096];
        for (var i = 1; i < slices; i++)
        {
            var position = Math.Max(bounds[i - 1], from + ((length - from) * i / slices));
            bounds[i] = length;
            while (position < length)
            {
                var n = RandomAccess.Read(file, buffer, position);
                var lineFeed = buffer.AsSpan(0, n).IndexOf((byte)'\n');
                if (lineFeed >= 0)
                {
                    bounds[i] = position + lineFeed + 1;
                    break;
                }
                if (n == 0)
                {
                    break;
                }
                position += n;
            }
        }
        return bounds;
    }

    /// <summary>Reads bytes [start, end) of a file by position (so threads can share the handle), noting quotes and counting line feeds as it goes.</summary>
    private sealed class FileSliceStream(SafeFileHandle file, long start, long end) : Stream
    {
        private long offset;

        public bool SawQuote { get; private set; }

        public int LineFeeds { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => end - start;

        public override long Position
        {
            get => offset;
            set => offset = Math.Clamp(value, 0, end - start);
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = RandomAccess.Read(file, buffer[..(int)Math.Min(buffer.Length, Length - offset)], start + offset);
            var read = buffer[..n];
            SawQuote |= read.Contains((byte)'"');
            LineFeeds += read.Count((byte)'\n');
            offset += n;
            return n;
        }

        public override long Seek(long offset, SeekOrigin origin)
        {
            Position = origin switch
            {
                SeekOrigin.Begin => offset,
                SeekOrigin.Current => Position + offset,
                _ => Length + offset,
            };
            return Position;
        }

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
