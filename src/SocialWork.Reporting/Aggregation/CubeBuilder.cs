using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SocialWork.Reporting;

/// <summary>
/// The aggregation kernel. Before the pass, small lookup tables map each day to its period's first cell, each distinct
/// division to its row and each code (or method, group, programme) to its key; records are in date order, so the pass
/// walks day by day and per record does two table lookups and one read-modify-write of a single 64-byte accumulator
/// cell (one cache line). The accumulator is
/// laid out period-major (period, division, key): records in date order then write into one small region at a time.
/// Each thread sums its own slice into its own accumulator; the partials are added at the end.
/// </summary>
/// <remarks>
/// Method counts are 32-bit: a batch holds fewer than 2³¹ records, so a count cannot overflow. Person-times and
/// households are 32-bit per record summed into 64 bits, which cannot overflow for fewer than 2³² records; fen are added
/// with overflow checks unless the batch's largest amount times its count fits in 64 bits.
/// </remarks>
internal static class CubeBuilder
{
    internal static Cube Build(RecordBatch batch, CubeQuery query)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(query);
        var (divisionAxis, divisionMap) = DivisionAxis(batch, query);
        var (periodAxis, dayToPeriod, firstDay) = PeriodAxis(batch, query);
        var (keyAxis, keyMap) = KeyAxis(batch, query.Dimension);
        var (start, end) = DayRange(batch, dayToPeriod.Length == 0 ? 0 : firstDay, dayToPeriod.Length == 0 ? -1 : firstDay + dayToPeriod.Length - 1);

        // One spare division row per period takes the records outside query.Within, so the loop needs no branch.
        var rows = divisionAxis.Length + 1;
        var cellsPerPeriod = checked(rows * keyAxis.Length);
        var cellCount = checked(periodAxis.Length * cellsPerPeriod);
        var tables = new Tables(
            [.. dayToPeriod.Select(p => p * cellsPerPeriod)],
            firstDay,
            [.. divisionMap.Select(r => (r < 0 ? divisionAxis.Length : r) * keyAxis.Length)],
            keyMap);

        var threads = query.Parallelism > 0 ? query.Parallelism : Environment.ProcessorCount;
        threads = Math.Max(1, Math.Min(threads, (end - start) / 65_536));
        var partials = new Accumulator[threads];
        if (threads == 1)
        {
            partials[0] = new Accumulator(cellCount);
            Accumulate(batch, start, end, query.Dimension, tables, partials[0]);
        }
        else
        {
            var chunk = (end - start + threads - 1) / threads;
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
            {
                var partial = new Accumulator(cellCount);
                var from = start + (t * chunk);
                Accumulate(batch, from, Math.Min(end, from + chunk), query.Dimension, tables, partial);
                partials[t] = partial;
            });
        }
        var slots = ToSlots(partials, periodAxis.Length, rows, divisionAxis.Length, keyAxis.Length);
        return new Cube(query.Level, query.PeriodKind, query.Dimension, divisionAxis, periodAxis, keyAxis, slots);
    }

    private sealed record Tables(int[] PeriodCell, int FirstDay, int[] RowCell, int[] KeyIndex);

    /// <summary>One accumulator cell: seven method counts, person-times, households and fen in one cache line.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 64)]
    private struct Cell
    {
        [FieldOffset(0)]
        public MethodCounts Counts;

        [FieldOffset(32)]
        public long PersonTimes;

        [FieldOffset(40)]
        public long Households;

        [FieldOffset(48)]
        public long Fen;
    }

    [InlineArray(8)]
    private struct MethodCounts
    {
        private int first;
    }

    /// <summary>A pinned buffer of cells aligned to 64 bytes, so each cell is exactly one cache line.</summary>
    private sealed class Accumulator
    {
        private readonly byte[] buffer;
        private readonly int offset;

        public unsafe Accumulator(int cells)
        {
            buffer = GC.AllocateArray<byte>(checked((cells + 1) * 64), pinned: true);
            var address = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(buffer));
            offset = (int)((64 - (address % 64)) % 64);
            Length = cells;
        }

        public int Length { get; }

        public ref Cell First => ref Unsafe.As<byte, Cell>(ref buffer[offset]);
    }

    private static void Accumulate(RecordBatch batch, int from, int to, CubeDimension dimension, Tables tables, Accumulator acc)
    {
        // Sums of non-negative amounts cannot overflow when the largest times the count fits: then skip the checks.
        var exact = batch.MaxFen == 0 || batch.MaxFen <= long.MaxValue / Math.Max(1, batch.Count);
        switch (dimension)
        {
            case CubeDimension.Method:
                Run(batch.MethodColumn);
                break;
            case CubeDimension.TargetGroup:
                Run(batch.TargetGroupColumn);
                break;
            case CubeDimension.Programme:
                Run(batch.ProgrammeColumn);
                break;
            default:
                // None maps every code to key 0; Domain and Item map codes to their keys.
                Run(batch.CodeColumn);
                break;
        }

        void Run<TKey>(TKey[] keys)
            where TKey : unmanaged, IBinaryInteger<TKey>
        {
            if (exact)
            {
                Accumulate<TKey, Unchecked>(batch, from, to, keys, tables, acc);
            }
            else
            {
                Accumulate<TKey, Checked>(batch, from, to, keys, tables, acc);
            }
        }
    }

    private interface IAddition
    {
        static abstract long Add(long left, long right);
    }

    private readonly struct Checked : IAddition
    {
        public static long Add(long left, long right) => checked(left + right);
    }

    private readonly struct Unchecked : IAddition
    {
        public static long Add(long left, long right) => left + right;
    }

    /// <summary>
    /// The hot loop over records [<paramref name="from"/>, <paramref name="to"/>): day by day (records are in date order),
    /// so a day's period cell is looked up once and the day column is not read per record.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Accumulate<TKey, TAdd>(RecordBatch batch, int from, int to, TKey[] keys, Tables tables, Accumulator acc)
        where TKey : unmanaged, IBinaryInteger<TKey>
        where TAdd : struct, IAddition
    {
        if (to <= from)
        {
            return;
        }
        ref var division = ref MemoryMarshal.GetArrayDataReference(batch.DivisionColumn);
        ref var method = ref MemoryMarshal.GetArrayDataReference(batch.MethodColumn);
        ref var people = ref MemoryMarshal.GetArrayDataReference(batch.PersonTimesColumn);
        ref var households = ref MemoryMarshal.GetArrayDataReference(batch.HouseholdsColumn);
        ref var fen = ref MemoryMarshal.GetArrayDataReference(batch.FenColumn);
        ref var key = ref MemoryMarshal.GetArrayDataReference(keys);
        ref var rowCell = ref MemoryMarshal.GetArrayDataReference(tables.RowCell);
        ref var keyIndex = ref MemoryMarshal.GetArrayDataReference(tables.KeyIndex);
        ref var cells = ref acc.First;
        var starts = batch.DayStarts;
        var firstDay = batch.DayColumn[from];
        var lastDay = batch.DayColumn[to - 1];
        for (var day = firstDay; day <= lastDay; day++)
        {
            var start = Math.Max(from, starts[day - batch.FirstDay]);
            var end = Math.Min(to, starts[day - batch.FirstDay + 1]);
            ref var periodCells = ref Unsafe.Add(ref cells, tables.PeriodCell[day - tables.FirstDay]);
            for (nint r = start; r < end; r++)
            {
                ref var c = ref Unsafe.Add(ref periodCells, Unsafe.Add(ref rowCell, Unsafe.Add(ref division, r)) + Unsafe.Add(ref keyIndex, int.CreateTruncating(Unsafe.Add(ref key, r))));
                Unsafe.Add(ref Unsafe.As<MethodCounts, int>(ref c.Counts), Unsafe.Add(ref method, r))++;
                c.PersonTimes += Unsafe.Add(ref people, r);
                c.Households += Unsafe.Add(ref households, r);
                c.Fen = TAdd.Add(c.Fen, Unsafe.Add(ref fen, r));
            }
        }
    }

    /// <summary>Adds the partial accumulators into the cube's slot layout, dropping the spare division row.</summary>
    private static long[] ToSlots(Accumulator[] partials, int periods, int rows, int divisions, int keys)
    {
        var slots = new long[checked(periods * divisions * keys * Indicators.Slots)];
        foreach (var partial in partials)
        {
            ref var first = ref partial.First;
            for (var p = 0; p < periods; p++)
            {
                for (var d = 0; d < divisions; d++)
                {
                    for (var k = 0; k < keys; k++)
                    {
                        ref var c = ref Unsafe.Add(ref first, (((p * rows) + d) * keys) + k);
                        var s = slots.AsSpan(((((p * divisions) + d) * keys) + k) * Indicators.Slots, Indicators.Slots);
                        for (var m = 0; m < 7; m++)
                        {
                            s[m] = checked(s[m] + c.Counts[m]);
                        }
                        s[Indicators.PersonTimesSlot] = checked(s[Indicators.PersonTimesSlot] + c.PersonTimes);
                        s[Indicators.HouseholdsSlot] = checked(s[Indicators.HouseholdsSlot] + c.Households);
                        s[Indicators.FenSlot] = checked(s[Indicators.FenSlot] + c.Fen);
                    }
                }
            }
        }
        return slots;
    }

    private static (DivisionCode[] Axis, int[] Map) DivisionAxis(RecordBatch batch, CubeQuery query)
    {
        var targets = new DivisionCode?[batch.Divisions.Count];
        for (var i = 0; i < targets.Length; i++)
        {
            var code = batch.Divisions[i];
            if (query.Within is { } scope && !scope.Contains(code))
            {
                continue;
            }
            targets[i] = code.Level > query.Level ? code.AncestorAt(query.Level) : code;
        }
        var axis = targets.OfType<DivisionCode>().Distinct().Order().ToArray();
        var map = targets.Select(t => t is { } code ? Array.BinarySearch(axis, code) : -1).ToArray();
        return (axis, map);
    }

    private static (Period[] Axis, int[] DayToPeriod, int FirstDay) PeriodAxis(RecordBatch batch, CubeQuery query)
    {
        if (batch.Count == 0)
        {
            return ([], [], 0);
        }
        var first = batch.DayColumn[0];
        var last = batch.DayColumn[^1];
        var from = query.From is { } f ? Math.Max(first, DayNumber.From(f)) : first;
        var to = query.To is { } t ? Math.Min(last, DayNumber.From(t)) : last;
        if (from > to)
        {
            return ([], [], 0);
        }
        var axis = Cube.Span([Period.Containing(DayNumber.ToDate(from), query.PeriodKind), Period.Containing(DayNumber.ToDate(to), query.PeriodKind)]);
        var map = new int[to - from + 1];
        var p = 0;
        for (var day = from; day <= to; day++)
        {
            var date = DayNumber.ToDate(day);
            while (!axis[p].Contains(date))
            {
                p++;
            }
            map[day - from] = p;
        }
        return (axis, map, from);
    }

    private static (int Start, int End) DayRange(RecordBatch batch, int from, int to)
    {
        var days = batch.DayColumn;
        var start = LowerBound(days, from);
        var end = LowerBound(days, to + 1);
        return (start, Math.Max(start, end));

        static int LowerBound(int[] values, int value)
        {
            var index = Array.BinarySearch(values, value);
            if (index < 0)
            {
                return ~index;
            }
            while (index > 0 && values[index - 1] == value)
            {
                index--;
            }
            return index;
        }
    }

    private static (string[] Axis, int[] Map) KeyAxis(RecordBatch batch, CubeDimension dimension)
    {
        string[] raw = dimension switch
        {
            CubeDimension.None => [.. batch.Codes.Select(_ => string.Empty)],
            CubeDimension.Domain => [.. batch.Codes.Select(c => c.Domain.Value)],
            CubeDimension.Item => [.. batch.Codes.Select(c => c.Value)],
            CubeDimension.Method => [.. ServiceMethods.All.Select(m => m.ToCode())],
            CubeDimension.TargetGroup => [string.Empty, .. TargetGroups.All.Select(g => g.ToCode())],
            CubeDimension.Programme => [.. batch.Programmes],
            _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, $"Undefined cube dimension {dimension}."),
        };
        var axis = raw.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (axis.Length == 0)
        {
            axis = [string.Empty];
        }
        return (axis, [.. raw.Select(k => Array.BinarySearch(axis, k, StringComparer.Ordinal))]);
    }
}
