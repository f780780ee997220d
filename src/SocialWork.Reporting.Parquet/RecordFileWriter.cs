using System.Numerics;
using System.Runtime.InteropServices;
using ParquetSharp;

namespace SocialWork.Reporting.Parquet;

/// <summary>
/// Writes records in the <see cref="RecordFileLayout"/> through Apache Arrow's Parquet writer (ParquetSharp), column by
/// column from the batch's own columns: numbers go as they are, and every string and person key is encoded once per file
/// into a pinned table the writer's values point into, so a row group costs no object per record.
/// </summary>
internal static class RecordFileWriter
{
    private static readonly string[] MethodCodes = [.. Enum.GetValues<ServiceMethod>().Select(m => m.ToCode())];
    private static readonly string?[] TargetCodes = [null, .. Enum.GetValues<SocialWork.TargetGroup>().Select(g => g.ToCode())];
    private static readonly string?[] PartyCodes = [.. Enumerable.Range(0, 32).Select(p => p == 0 ? null : ((LinkageParties)p).ToCodes())];

    /// <summary>Writes records [<paramref name="start"/>, <paramref name="start"/> + <paramref name="count"/>) to <paramref name="output"/> as one file, a row group per <see cref="ParquetRecordOptions.RowGroupSize"/> records.</summary>
    public static void Write(RecordBatch batch, int start, int count, Stream output, ParquetRecordOptions options, CancellationToken cancellationToken)
    {
        using var schema = RecordFileLayout.CreateSchema();
        using var properties = RecordFileLayout.WriterProperties(options);
        using var writer = new ParquetFileWriter(output, schema, properties, RecordFileLayout.Metadata(batch), leaveOpen: true);
        var tables = new Tables(batch);
        var buffers = new Buffers(Math.Min(options.RowGroupSize, count));
        for (var s = start; s < start + count; s += options.RowGroupSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            WriteRowGroup(writer, batch, tables, buffers, s, Math.Min(options.RowGroupSize, start + count - s));
        }
        writer.Close();
        GC.KeepAlive(tables);
        GC.KeepAlive(buffers);
    }

    private static void WriteRowGroup(ParquetFileWriter writer, RecordBatch batch, Tables tables, Buffers buffers, int start, int n)
    {
        using var rowGroup = writer.AppendRowGroup();
        var longs = buffers.Longs.AsSpan(0, n);
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
        WriteNonZero(rowGroup, batch.TargetGroupValues.Slice(start, n), tables.Targets, defined, strings);
        WriteNonZero(rowGroup, batch.Parties.Slice(start, n), tables.Parties, defined, strings);
        WriteNonZero(rowGroup, batch.ProgrammeIndices.Slice(start, n), tables.Programmes, defined, strings);
        WritePeople(rowGroup, batch.PersonIndices.IsEmpty ? [] : batch.PersonIndices.Slice(start, n), n, tables.People, defined, buffers.Keys.AsSpan(0, n));
        WriteRequired(rowGroup, division);
        var programme = batch.ProgrammeIndices.Slice(start, n);
        var target = batch.TargetGroupValues.Slice(start, n);
        var party = batch.Parties.Slice(start, n);
        for (var i = 0; i < n; i++)
        {
            longs[i] = code[i] | ((long)programme[i] << 16) | ((long)method[i] << 32) | ((long)target[i] << 40) | ((long)party[i] << 48);
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

        public long[] Longs { get; } = new long[n];

        public ByteArray[] Strings { get; } = new ByteArray[n];

        public FixedLenByteArray[] Keys { get; } = new FixedLenByteArray[n];

        public short[] Defined { get; } = new short[n];

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
