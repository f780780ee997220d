using System.Buffers;
using ParquetSharp;

namespace SocialWork.Reporting.Parquet;

/// <summary>
/// Reads row groups of the <see cref="RecordFileLayout"/> through Apache Arrow's Parquet reader (ParquetSharp), with its
/// physical column readers: dates, division indices and fen go straight into the batch's columns, person keys are read
/// as bytes into a <see cref="PersonKey"/> each (no string), and every value is checked on the way.
/// </summary>
internal static class RecordFileReader
{
    /// <summary>The most values read from a column in one call (a column reader's levels buffer).</summary>
    private const int Chunk = 1 << 16;

    /// <summary>Reads one row group back into a batch, checking every value (<see cref="RecordBatch.FromColumns"/>); ids only for a whole read, person keys always.</summary>
    /// <remarks>
    /// <para>
    /// With <paramref name="reuse"/>, the batch's columns are those arrays when they have the row group's length (the
    /// caller must be done with the previous batch): a query that only builds a cube from each batch then allocates the
    /// columns once per core instead of once per row group.
    /// </para>
    /// <para>
    /// The row group's people are numbered in a <see cref="PersonKeyTable"/> that the batch shares: <paramref name="people"/>
    /// (a query's <see cref="CubeAccumulator.People"/>, so no table of the row group's own is made), or a new one.
    /// </para>
    /// </remarks>
    public static RecordBatch ReadRowGroup(ParquetFileReader reader, int rowGroup, RecordFileLayout.FileTables tables, string fileName, ColumnBuffers? reuse, PersonKeyTable? people = null)
    {
        using var group = reader.RowGroup(rowGroup);
        var n = checked((int)group.MetaData.NumRows);
        var ids = reuse is null ? ReadIds(group, tables, n, fileName, rowGroup) : null;
        var columns = reuse?.Length == n ? reuse : new ColumnBuffers(n);
        if (reuse is not null && columns != reuse)
        {
            reuse.Adopt(columns);
        }
        var (keys, personIndices) = ReadPeople(group, tables, n, fileName, rowGroup, people ?? new PersonKeyTable(), reuse is null ? new int[n] : columns.Person);
        var at = new Place(fileName, rowGroup);
        var report = tables.Report;
        ReadValues<int>(group, report.Date, columns.Day, at with { Column = RecordFileLayout.Date });
        ReadValues<int>(group, report.DivisionIndex, columns.Division, at with { Column = RecordFileLayout.DivisionIndex });
        ReadValues<long>(group, report.Amount, columns.Fen, at with { Column = RecordFileLayout.Amount });
        var fen = columns.Fen;
        for (var i = 0; i < n; i++)
        {
            if (fen[i] < 0)
            {
                throw at.Bad(RecordFileLayout.Amount, i, $"{fen[i] / 100m:0.00} is not an amount in whole fen from 0");
            }
        }
        var longs = ArrayPool<long>.Shared.Rent(n);
        try
        {
            ReadValues(group, report.Codes, longs.AsSpan(0, n), at with { Column = RecordFileLayout.Codes });
            Unpack(longs.AsSpan(0, n), columns, at);
            ReadCounts(group, report.PersonTimes, longs.AsSpan(0, n), columns.PersonTimes, at with { Column = RecordFileLayout.PersonTimes });
            ReadCounts(group, report.Households, longs.AsSpan(0, n), columns.Households, at with { Column = RecordFileLayout.Households });
        }
        finally
        {
            ArrayPool<long>.Shared.Return(longs);
        }
        try
        {
            return RecordBatch.FromColumns(new RecordColumns
            {
                Divisions = tables.Divisions,
                Codes = tables.Items,
                Programmes = tables.Programmes,
                DivisionIndices = columns.Division,
                DayNumbers = columns.Day,
                CodeIndices = columns.Code,
                ProgrammeIndices = columns.Programme,
                Methods = columns.Method,
                TargetGroups = columns.Target,
                Parties = columns.Parties,
                PersonTimes = columns.PersonTimes,
                Households = columns.Households,
                AmountFen = columns.Fen,
                Ids = ids,
                People = keys,
                PersonIndices = personIndices,
            });
        }
        catch (ArgumentException e)
        {
            // The batch's check names the column in its message (division index, code index, method, …).
            throw new ParquetRecordException(fileName, null, $"row group {rowGroup}: {e.Message.Replace(" (Parameter 'columns')", string.Empty, StringComparison.Ordinal)}", e);
        }
    }

    /// <summary>Reads a row group's ids: <see langword="null"/> when the file has no id column or a record has no id.</summary>
    public static unsafe string[]? ReadIds(RowGroupReader group, RecordFileLayout.FileTables tables, int n, string fileName, int rowGroup)
    {
        if (tables.IdColumn < 0)
        {
            return null;
        }
        var ids = new string[n];
        var complete = true;
        ReadOptional<ByteArray>(group, tables.IdColumn, n, new Place(fileName, rowGroup, RecordFileLayout.Id), (start, levels, values) =>
        {
            var v = 0;
            for (var i = 0; i < levels.Length; i++)
            {
                if (levels[i] == 0)
                {
                    complete = false;
                    continue;
                }
                var value = values[v++];
                ids[start + i] = System.Text.Encoding.UTF8.GetString((byte*)value.Pointer, value.Length);
            }
        });
        return complete ? ids : null;
    }

    /// <summary>Reads a row group's person keys into <paramref name="table"/> and a number per record (0 = none, else 1 + the key's index there); nulls when no record names one.</summary>
    private static unsafe (PersonKeyTable? People, int[]? Indices) ReadPeople(RowGroupReader group, RecordFileLayout.FileTables tables, int n, string fileName, int rowGroup, PersonKeyTable table, int[] indices)
    {
        // A report counts people too, so it reads the column — unless the row group's statistics say no record names one.
        if (tables.PersonColumn < 0 || NullCount(group, tables.PersonColumn) == n)
        {
            return (null, null);
        }
        indices.AsSpan().Clear();
        var size = Math.Max(1, Math.Min(n, Chunk));
        var keys = ArrayPool<PersonKey>.Shared.Rent(size);
        var numbers = ArrayPool<int>.Shared.Rent(size);
        var named = false;
        var at = new Place(fileName, rowGroup, RecordFileLayout.Person);
        try
        {
            if (tables.PersonAsText)
            {
                ReadOptional<ByteArray>(group, tables.PersonColumn, n, at, (start, levels, values) =>
                {
                    Span<char> text = stackalloc char[PersonKey.Length + 1];
                    var v = 0;
                    for (var i = 0; i < levels.Length; i++)
                    {
                        if (levels[i] != 0)
                        {
                            var value = values[v];
                            var bytes = new ReadOnlySpan<byte>((void*)value.Pointer, value.Length);
                            var length = bytes.Length <= text.Length && System.Text.Ascii.ToUtf16(bytes, text, out var written) == System.Buffers.OperationStatus.Done ? written : text.Length;
                            keys[v++] = PersonKey.GetParseError(text[..length], out var parsed) is { } error ? throw at.Bad(RecordFileLayout.Person, start + i, error) : parsed;
                        }
                    }
                    Place(start, levels, v);
                });
            }
            else
            {
                ReadOptional<FixedLenByteArray>(group, tables.PersonColumn, n, at, (start, levels, values) =>
                {
                    for (var v = 0; v < values.Length; v++)
                    {
                        keys[v] = PersonKey.FromBytes(new ReadOnlySpan<byte>((void*)values[v].Pointer, PersonKey.ByteCount));
                    }
                    Place(start, levels, values.Length);
                });
            }
        }
        finally
        {
            ArrayPool<PersonKey>.Shared.Return(keys);
            ArrayPool<int>.Shared.Return(numbers);
        }
        return named ? (table, indices) : (null, null);

        // Numbers a chunk's keys at once and puts each number at its record.
        void Place(int start, ReadOnlySpan<short> levels, int count)
        {
            table.Add(keys.AsSpan(0, count), numbers.AsSpan(0, count));
            named |= count > 0;
            var v = 0;
            for (var i = 0; i < levels.Length; i++)
            {
                if (levels[i] != 0)
                {
                    indices[start + i] = numbers[v++] + 1;
                }
            }
        }
    }

    /// <summary>A column chunk's null count from its statistics, or -1 when it has none.</summary>
    private static long NullCount(RowGroupReader group, int column)
    {
        using var chunk = group.MetaData.GetColumnChunkMetaData(column);
        using var statistics = chunk.IsStatsSet ? chunk.Statistics : null;
        return statistics?.NullCount ?? -1;
    }

    /// <summary>The smallest and largest value of an INT32 or INT64 column chunk, from its statistics; null when it has none.</summary>
    public static (long Min, long Max)? Range(RowGroupReader group, int column)
    {
        if (column < 0)
        {
            return null;
        }
        using var chunk = group.MetaData.GetColumnChunkMetaData(column);
        using var statistics = chunk.IsStatsSet ? chunk.Statistics : null;
        return statistics switch
        {
            Statistics<int> { HasMinMax: true } ints => (ints.Min, ints.Max),
            Statistics<long> { HasMinMax: true } longs => (longs.Min, longs.Max),
            _ => null,
        };
    }

    /// <summary>Reads a column that must hold a value in every row (required, or optional without a null) into <paramref name="values"/>.</summary>
    private static void ReadValues<T>(RowGroupReader group, int column, Span<T> values, Place at)
        where T : unmanaged
    {
        using var reader = (ColumnReader<T>)group.Column(column);
        var optional = reader.ColumnDescriptor.MaxDefinitionLevel > 0;
        var levels = optional ? ArrayPool<short>.Shared.Rent(Math.Min(values.Length, Chunk)) : null;
        try
        {
            var read = 0;
            while (read < values.Length)
            {
                if (!reader.HasNext)
                {
                    throw at.Bad(at.Column!, read, $"the column ends after {read} of {values.Length} values");
                }
                long got;
                if (levels is null)
                {
                    reader.ReadBatch(values.Length - read, values[read..], out got);
                }
                else
                {
                    var want = Math.Min(levels.Length, values.Length - read);
                    var rows = reader.ReadBatch(want, levels.AsSpan(0, want), default, values[read..], out got);
                    if (got != rows)
                    {
                        throw at.Bad(at.Column!, read + Array.IndexOf(levels, (short)0, 0, (int)rows), "a value is missing (null)");
                    }
                }
                read += (int)got;
            }
        }
        finally
        {
            if (levels is not null)
            {
                ArrayPool<short>.Shared.Return(levels);
            }
        }
    }

    /// <summary>The values of one chunk of an optional column: the first row's number, a level per row (1 = a value, 0 = null) and the values of the rows with one.</summary>
    private delegate void ChunkAction<T>(int start, ReadOnlySpan<short> levels, ReadOnlySpan<T> values);

    /// <summary>
    /// Reads an optional column of <paramref name="n"/> rows chunk by chunk; <paramref name="take"/> must use the values
    /// before it returns (a string's or a key's bytes belong to the reader's page).
    /// </summary>
    private static void ReadOptional<T>(RowGroupReader group, int column, int n, Place at, ChunkAction<T> take)
        where T : unmanaged
    {
        using var reader = (ColumnReader<T>)group.Column(column);
        var size = Math.Max(1, Math.Min(n, Chunk));
        var levels = ArrayPool<short>.Shared.Rent(size);
        var values = ArrayPool<T>.Shared.Rent(size);
        var required = reader.ColumnDescriptor.MaxDefinitionLevel == 0;
        try
        {
            var read = 0;
            while (read < n)
            {
                if (!reader.HasNext)
                {
                    throw at.Bad(at.Column!, read, $"the column ends after {read} of {n} values");
                }
                var want = Math.Min(size, n - read);
                var rows = (int)reader.ReadBatch(want, levels.AsSpan(0, want), default, values.AsSpan(0, want), out var got);
                if (required)
                {
                    levels.AsSpan(0, rows).Fill(1);
                }
                take(read, levels.AsSpan(0, rows), values.AsSpan(0, (int)got));
                read += rows;
            }
        }
        finally
        {
            ArrayPool<short>.Shared.Return(levels);
            ArrayPool<T>.Shared.Return(values);
        }
    }

    /// <summary>Unpacks the <c>codes</c> column (item, programme, method, target group and parties in 56 bits).</summary>
    private static void Unpack(ReadOnlySpan<long> packed, ColumnBuffers columns, Place at)
    {
        var (code, programme, method, target, party) = (columns.Code, columns.Programme, columns.Method, columns.Target, columns.Parties);
        for (var i = 0; i < packed.Length; i++)
        {
            var p = packed[i];
            if ((ulong)p >> 56 != 0)
            {
                throw at.Bad(RecordFileLayout.Codes, i, $"{p} uses bits above the 56 the layout packs");
            }
            code[i] = (ushort)p;
            programme[i] = (ushort)(p >> 16);
            method[i] = (byte)(p >> 32);
            target[i] = (byte)(p >> 40);
            party[i] = (byte)(p >> 48);
        }
    }

    /// <summary>Reads an INT64 count column into <paramref name="counts"/>, refusing a value outside 0 to <see cref="int.MaxValue"/>.</summary>
    private static void ReadCounts(RowGroupReader group, int column, Span<long> buffer, int[] counts, Place at)
    {
        ReadValues(group, column, buffer, at);
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] = buffer[i] is >= 0 and <= int.MaxValue ? (int)buffer[i] : throw at.Bad(at.Column!, i, $"{buffer[i]} is not a count from 0 to {int.MaxValue}");
        }
    }

    /// <summary>Where a value was read: for the messages.</summary>
    private readonly record struct Place(string FileName, int RowGroup, string? Column = null)
    {
        public ParquetRecordException Bad(string column, int row, string what) => new(FileName, column, $"row group {RowGroup}, row {row}: {what}");
    }

    /// <summary>The columns of one batch, kept by a worker to read its next row group into (see <see cref="ReadRowGroup"/>).</summary>
    internal sealed class ColumnBuffers
    {
        private int[] person = [];

        public ColumnBuffers(int n) => Allocate(n);

        public int Length => Day.Length;

        public int[] Division { get; private set; } = [];

        public int[] Day { get; private set; } = [];

        public ushort[] Code { get; private set; } = [];

        public ushort[] Programme { get; private set; } = [];

        public byte[] Method { get; private set; } = [];

        public byte[] Target { get; private set; } = [];

        public byte[] Parties { get; private set; } = [];

        public int[] PersonTimes { get; private set; } = [];

        public int[] Households { get; private set; } = [];

        public long[] Fen { get; private set; } = [];

        /// <summary>Gets the person column (0 = none, else 1 + a key's index in the row group's table), made when first asked for.</summary>
        public int[] Person => person.Length == Length ? person : person = GC.AllocateUninitializedArray<int>(Length);

        /// <summary>Takes another set's arrays (of a new length) as its own.</summary>
        public void Adopt(ColumnBuffers other)
            => (Division, Day, Code, Programme, Method, Target, Parties, PersonTimes, Households, Fen, person) =
                (other.Division, other.Day, other.Code, other.Programme, other.Method, other.Target, other.Parties, other.PersonTimes, other.Households, other.Fen, other.person);

        private void Allocate(int n)
            => (Division, Day, Code, Programme, Method, Target, Parties, PersonTimes, Households, Fen) = (
                GC.AllocateUninitializedArray<int>(n), GC.AllocateUninitializedArray<int>(n), GC.AllocateUninitializedArray<ushort>(n), GC.AllocateUninitializedArray<ushort>(n),
                GC.AllocateUninitializedArray<byte>(n), GC.AllocateUninitializedArray<byte>(n), GC.AllocateUninitializedArray<byte>(n),
                GC.AllocateUninitializedArray<int>(n), GC.AllocateUninitializedArray<int>(n), GC.AllocateUninitializedArray<long>(n));
    }
}
