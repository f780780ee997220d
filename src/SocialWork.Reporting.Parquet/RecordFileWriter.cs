using System.Numerics;
using System.Runtime.InteropServices;
using ParquetSharp;
using ParquetSharp.Schema;

namespace SocialWork.Reporting.Parquet;

/// <summary>
/// Writes records in the <see cref="RecordFileLayout"/> through Apache Arrow's Parquet writer (ParquetSharp), column by
/// column from the batches' own columns: numbers go as they are, and every string and person key is encoded once per
/// batch into a pinned table the writer's values point into, so a row group costs no object per record. A file may take
/// several batches (<see cref="Append"/>): its division, item and programme lists are the union of theirs, each batch's
/// indices mapped onto them, and the lists go into the file's key-value metadata when it is closed.
/// </summary>
internal sealed class RecordFileWriter : IDisposable
{
    private static readonly string[] MethodCodes = [.. Enum.GetValues<ServiceMethod>().Select(m => m.ToCode())];
    private static readonly string?[] TargetCodes = [null, .. Enum.GetValues<SocialWork.TargetGroup>().Select(g => g.ToCode())];
    private static readonly string?[] PartyCodes = [.. Enumerable.Range(0, 32).Select(p => p == 0 ? null : ((LinkageParties)p).ToCodes())];

    private readonly ParquetRecordOptions options;
    private readonly GroupNode schema = RecordFileLayout.CreateSchema();
    private readonly WriterProperties properties;
    private readonly Dictionary<string, string> metadata = new(StringComparer.Ordinal) { [RecordFileLayout.LayoutKey] = RecordFileLayout.LayoutVersion };
    private readonly ParquetFileWriter writer;
    private readonly FileList<DivisionCode> divisions = new();
    private readonly FileList<ServiceCode> items = new();
    private readonly FileList<string> programmes = new();
    private Buffers? buffers;

    /// <summary>Starts a file on <paramref name="output"/> (left open).</summary>
    public RecordFileWriter(Stream output, ParquetRecordOptions options)
    {
        this.options = options;
        properties = RecordFileLayout.WriterProperties(options);
        programmes.IndexOf(string.Empty);   // index 0: no programme, in every file
        writer = new ParquetFileWriter(output, schema, properties, metadata, leaveOpen: true);   // the metadata is read when the file is closed
    }

    /// <summary>Gets the records written so far.</summary>
    public long Count { get; private set; }

    /// <summary>Writes records [<paramref name="start"/>, <paramref name="start"/> + <paramref name="count"/>) to <paramref name="output"/> as one file, a row group per <see cref="ParquetRecordOptions.RowGroupSize"/> records.</summary>
    public static void Write(RecordBatch batch, int start, int count, Stream output, ParquetRecordOptions options, CancellationToken cancellationToken)
    {
        using var file = new RecordFileWriter(output, options);
        file.Append(batch, start, count, cancellationToken);
        file.Close();
    }

    /// <summary>Appends records [<paramref name="start"/>, <paramref name="start"/> + <paramref name="count"/>) of a batch as row groups of at most <see cref="ParquetRecordOptions.RowGroupSize"/>.</summary>
    /// <exception cref="InvalidOperationException">The file would name more than 65,535 items or programmes (the <c>codes</c> column packs their indices in 16 bits).</exception>
    public void Append(RecordBatch batch, int start, int count, CancellationToken cancellationToken)
    {
        var maps = new Maps(
            [.. batch.Divisions.Select(divisions.IndexOf)],
            [.. batch.Codes.Select(items.IndexOf)],
            [.. batch.Programmes.Select(programmes.IndexOf)]);
        if (items.Count > ushort.MaxValue + 1 || programmes.Count > ushort.MaxValue + 1)
        {
            throw new InvalidOperationException($"A records file names at most {ushort.MaxValue + 1} items and programmes; this one would name {items.Count} and {programmes.Count}.");
        }
        var tables = new Tables(batch);
        if (buffers is null || buffers.Length < Math.Min(options.RowGroupSize, count))
        {
            buffers = new Buffers(Math.Min(options.RowGroupSize, count));
        }
        for (var s = start; s < start + count; s += options.RowGroupSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (first, n) = (s, Math.Min(options.RowGroupSize, start + count - s));
            Writing(() => WriteRowGroup(writer, batch, tables, maps, buffers, first, n));
        }
        Count += count;
        GC.KeepAlive(tables);
    }

    /// <summary>Writes the file's lists into its metadata and its footer.</summary>
    public void Close()
    {
        metadata[RecordFileLayout.DivisionsKey] = RecordFileLayout.JsonList(divisions.Values.Select(d => d.ToString()));
        metadata[RecordFileLayout.ItemsKey] = RecordFileLayout.JsonList(items.Values.Select(c => c.Value));
        metadata[RecordFileLayout.ProgrammesKey] = RecordFileLayout.JsonList(programmes.Values);
        Writing(writer.Close);
        GC.KeepAlive(buffers);
    }

    /// <summary>Runs a write; Arrow's failures are the stream's (a full disk, a closed stream), passed through as text, so they become <see cref="IOException"/>.</summary>
    /// <exception cref="IOException">The write failed.</exception>
    private static void Writing(Action write)
    {
        try
        {
            write();
        }
        catch (ParquetException e)
        {
            throw new IOException($"The records file could not be written: {ParquetRecordFile.Reason(e)}", e);
        }
    }

    /// <summary>Lets the writer's native memory go (a file not closed is not valid Parquet).</summary>
    public void Dispose()
    {
        try
        {
            writer.Dispose();
        }
        catch (ParquetException)
        {
            // A file left unclosed after its stream failed: Arrow's last flush fails too, and the caller removes the file.
        }
        finally
        {
            properties.Dispose();
            schema.Dispose();
        }
    }

    private static void WriteRowGroup(ParquetFileWriter writer, RecordBatch batch, Tables tables, Maps maps, Buffers buffers, int start, int n)
    {
        using var rowGroup = writer.AppendRowGroup();
        var longs = buffers.Longs.AsSpan(0, n);
        var ints = buffers.Ints.AsSpan(0, n);
        var strings = buffers.Strings.AsSpan(0, n);
        var defined = buffers.Defined.AsSpan(0, n);

        if (batch.HasIds)
        {
            defined.Fill(1);
            WriteOptional(rowGroup, defined, buffers.Ids(batch, start, n));
        }
        else
        {
            defined.Clear();
            WriteOptional<ByteArray>(rowGroup, defined, []);
        }
        WriteRequired(rowGroup, batch.DayNumbers.Slice(start, n));
        var division = batch.DivisionIndices.Slice(start, n);
        for (var i = 0; i < n; i++)
        {
            longs[i] = tables.DivisionValues[division[i]];
        }
        WriteRequired<long>(rowGroup, longs);
        var code = batch.CodeIndices.Slice(start, n);
        for (var i = 0; i < n; i++)
        {
            strings[i] = tables.Items[code[i]];
        }
        WriteRequired<ByteArray>(rowGroup, strings);
        var method = batch.Methods.Slice(start, n);
        for (var i = 0; i < n; i++)
        {
            strings[i] = tables.Methods[method[i]];
        }
        WriteRequired<ByteArray>(rowGroup, strings);
        WriteCounts(rowGroup, batch.PersonTimes.Slice(start, n), longs);
        WriteCounts(rowGroup, batch.Households.Slice(start, n), longs);
        WriteRequired(rowGroup, batch.AmountFen.Slice(start, n));
        var target = buffers.TargetGroups(batch, start, n);
        WriteNonZero<byte>(rowGroup, target, tables.Targets, defined, strings);
        WriteNonZero(rowGroup, batch.Parties.Slice(start, n), tables.Parties, defined, strings);
        WriteNonZero(rowGroup, batch.ProgrammeIndices.Slice(start, n), tables.Programmes, defined, strings);
        WritePeople(rowGroup, batch.PersonIndices.IsEmpty ? [] : batch.PersonIndices.Slice(start, n), n, tables.People, defined, buffers.Keys.AsSpan(0, n));
        for (var i = 0; i < n; i++)
        {
            ints[i] = maps.Division[division[i]];
        }
        WriteRequired<int>(rowGroup, ints);
        var programme = batch.ProgrammeIndices.Slice(start, n);
        var party = batch.Parties.Slice(start, n);
        for (var i = 0; i < n; i++)
        {
            longs[i] = (long)(uint)maps.Code[code[i]] | ((long)maps.Programme[programme[i]] << 16) | ((long)method[i] << 32) | ((long)target[i] << 40) | ((long)party[i] << 48);
        }
        WriteRequired<long>(rowGroup, longs);
    }

    private static void WriteCounts(RowGroupWriter rowGroup, ReadOnlySpan<int> counts, Span<long> longs)
    {
        for (var i = 0; i < counts.Length; i++)
        {
            longs[i] = counts[i];
        }
        WriteRequired<long>(rowGroup, longs[..counts.Length]);
    }

    /// <summary>Writes an optional string column whose value is the table's entry at each index, null where the index is 0.</summary>
    private static void WriteNonZero<T>(RowGroupWriter rowGroup, ReadOnlySpan<T> indices, ByteArray[] table, Span<short> defined, Span<ByteArray> strings)
        where T : struct, IBinaryInteger<T>
    {
        var values = 0;
        for (var i = 0; i < indices.Length; i++)
        {
            var index = int.CreateTruncating(indices[i]);
            defined[i] = index == 0 ? (short)0 : (short)1;
            if (index != 0)
            {
                strings[values++] = table[index];
            }
        }
        WriteOptional<ByteArray>(rowGroup, defined[..indices.Length], strings[..values]);
    }

    private static void WritePeople(RowGroupWriter rowGroup, ReadOnlySpan<int> indices, int n, FixedLenByteArray[] people, Span<short> defined, Span<FixedLenByteArray> keys)
    {
        var values = 0;
        if (indices.IsEmpty)
        {
            defined[..n].Clear();
        }
        for (var i = 0; i < indices.Length; i++)
        {
            defined[i] = indices[i] == 0 ? (short)0 : (short)1;
            if (indices[i] != 0)
            {
                keys[values++] = people[indices[i] - 1];
            }
        }
        WriteOptional<FixedLenByteArray>(rowGroup, defined[..n], keys[..values]);
    }

    private static void WriteRequired<T>(RowGroupWriter rowGroup, ReadOnlySpan<T> values)
        where T : unmanaged
    {
        using var column = (ColumnWriter<T>)rowGroup.NextColumn();
        column.WriteBatch(values);
    }

    private static void WriteOptional<T>(RowGroupWriter rowGroup, ReadOnlySpan<short> defined, ReadOnlySpan<T> values)
        where T : unmanaged
    {
        using var column = (ColumnWriter<T>)rowGroup.NextColumn();
        column.WriteBatch(defined.Length, defined, default, values);
    }

    /// <summary>Where a batch's division, item and programme indices land in the file's lists.</summary>
    private sealed record Maps(int[] Division, int[] Code, int[] Programme);

    /// <summary>A file's list of distinct values, in first-seen order.</summary>
    private sealed class FileList<T>
        where T : notnull
    {
        private readonly Dictionary<T, int> index = [];

        public List<T> Values { get; } = [];

        public int Count => Values.Count;

        public int IndexOf(T value)
        {
            ref var at = ref CollectionsMarshal.GetValueRefOrAddDefault(index, value, out var seen);
            if (!seen)
            {
                at = Values.Count;
                Values.Add(value);
            }
            return at;
        }
    }

    /// <summary>Bytes on the pinned object heap: they never move, so the writer may hold their addresses.</summary>
    private sealed class Pinned(int length)
    {
        private readonly byte[] bytes = GC.AllocateUninitializedArray<byte>(Math.Max(1, length), pinned: true);

        public int Length => bytes.Length;

        public Span<byte> Span => bytes;

        public IntPtr Address => Marshal.UnsafeAddrOfPinnedArrayElement(bytes, 0);
    }

    /// <summary>The file's strings in UTF-8 and its people's keys as bytes, each an entry the writer's values point to.</summary>
    private sealed class Tables
    {
        private readonly List<Pinned> memory = [];

        public Tables(RecordBatch batch)
        {
            DivisionValues = [.. batch.Divisions.Select(d => d.Value)];
            Items = Strings([.. batch.Codes.Select(c => c.Value)]);
            Methods = Strings(MethodCodes);
            Targets = Strings(TargetCodes);
            Parties = Strings(PartyCodes);
            Programmes = Strings([.. batch.Programmes.Select(p => p.Length == 0 ? null : p)]);
            var keys = new Pinned(batch.People.Count * PersonKey.ByteCount);
            memory.Add(keys);
            People = new FixedLenByteArray[batch.People.Count];
            for (var p = 0; p < People.Length; p++)
            {
                batch.People[p].TryWriteBytes(keys.Span.Slice(p * PersonKey.ByteCount, PersonKey.ByteCount));
                People[p] = new FixedLenByteArray(keys.Address + (p * PersonKey.ByteCount));
            }
        }

        public long[] DivisionValues { get; }

        public ByteArray[] Items { get; }

        public ByteArray[] Methods { get; }

        public ByteArray[] Targets { get; }

        public ByteArray[] Parties { get; }

        public ByteArray[] Programmes { get; }

        public FixedLenByteArray[] People { get; }

        private ByteArray[] Strings(string?[] values)
        {
            var text = new Pinned(values.Sum(v => v is null ? 0 : System.Text.Encoding.UTF8.GetByteCount(v)));
            memory.Add(text);
            var entries = new ByteArray[values.Length];
            var at = 0;
            for (var i = 0; i < values.Length; i++)
            {
                if (values[i] is { } value)
                {
                    var length = System.Text.Encoding.UTF8.GetBytes(value, text.Span[at..]);
                    entries[i] = new ByteArray(text.Address + at, length);
                    at += length;
                }
            }
            return entries;
        }
    }

    /// <summary>A row group's values, kept from one row group to the next.</summary>
    private sealed class Buffers(int n)
    {
        private Pinned idBytes = new(n * 16);

        public int Length => Longs.Length;

        public long[] Longs { get; } = new long[n];

        public int[] Ints { get; } = new int[n];

        public ByteArray[] Strings { get; } = new ByteArray[n];

        public FixedLenByteArray[] Keys { get; } = new FixedLenByteArray[n];

        public short[] Defined { get; } = new short[n];

        private byte[] Bytes { get; } = new byte[n];

        /// <summary>Gets the target groups of records [start, start + n) as the file's tables number them: 0 for none, otherwise the value + 1.</summary>
        public ReadOnlySpan<byte> TargetGroups(RecordBatch batch, int start, int n)
        {
            for (var i = 0; i < n; i++)
            {
                Bytes[i] = batch.TargetGroupAt(start + i) is { } group ? (byte)((int)group + 1) : (byte)0;
            }
            return Bytes.AsSpan(0, n);
        }

        /// <summary>Encodes the ids of records [start, start + n) in UTF-8 and points <see cref="Strings"/> at them.</summary>
        public ReadOnlySpan<ByteArray> Ids(RecordBatch batch, int start, int n)
        {
            var length = 0;
            for (var i = 0; i < n; i++)
            {
                length += System.Text.Encoding.UTF8.GetByteCount(batch.IdSpanAt(start + i));
            }
            if (length > idBytes.Length)
            {
                idBytes = new Pinned(length);
            }
            var at = 0;
            for (var i = 0; i < n; i++)
            {
                var written = System.Text.Encoding.UTF8.GetBytes(batch.IdSpanAt(start + i), idBytes.Span[at..]);
                Strings[i] = new ByteArray(idBytes.Address + at, written);
                at += written;
            }
            return Strings.AsSpan(0, n);
        }
    }
}
