using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SocialWork.Reporting;

/// <summary>
/// The aggregation kernel. Before the pass, small lookup tables map each distinct division to its row, each day to its
/// period and each code (or method, group, programme) to its key, so the pass itself is table lookups and adds into a
/// dense accumulator laid out period-major (period, division, key): records in date order then write into one small
/// region at a time. Each thread sums its own slice into its own accumulator; the partials are added at the end.
/// </summary>
internal static class CubeBuilder
{
    internal static Cube Build(RecordBatch batch, CubeQuery query)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(query);
        var (divisionAxis, divisionMap) = DivisionAxis(batch, query);
        var (periodAxis, dayToPeriod, firstDay) = PeriodAxis(batch, query);
        var (keyAxis, keyMap) = KeyAxis(batch, query.Dimension);
        var cells = checked(divisionAxis.Length * periodAxis.Length * keyAxis.Length);
        var slotCount = checked(cells * Indicators.Slots);
        var (start, end) = DayRange(batch, dayToPeriod.Length == 0 ? 0 : firstDay, dayToPeriod.Length == 0 ? -1 : firstDay + dayToPeriod.Length - 1);

        var threads = query.Parallelism > 0 ? query.Parallelism : Environment.ProcessorCount;
        threads = Math.Max(1, Math.Min(threads, (end - start) / 65_536));
        long[] slots;
        var tables = new Tables(divisionMap, dayToPeriod, firstDay, keyMap, query.Dimension, divisionAxis.Length, keyAxis.Length);
        if (threads <= 1)
        {
            slots = new long[slotCount];
            Accumulate(batch, start, end, tables, slots);
        }
        else
        {
            var partials = new long[threads][];
            var chunk = (end - start + threads - 1) / threads;
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
            {
                var partial = new long[slotCount];
                var from = start + (t * chunk);
                Accumulate(batch, from, Math.Min(end, from + chunk), tables, partial);
                partials[t] = partial;
            });
            slots = partials[0];
            for (var t = 1; t < threads; t++)
            {
                AddInto(slots, partials[t]);
            }
        }
        return new Cube(query.Level, query.PeriodKind, query.Dimension, divisionAxis, periodAxis, keyAxis, slots);
    }

    private sealed record Tables(int[] DivisionMap, int[] DayToPeriod, int FirstDay, int[] KeyMap, CubeDimension Dimension, int DivisionCount, int KeyCount);

    /// <summary>The hot loop: one pass over the columns of records [from, to).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Accumulate(RecordBatch batch, int from, int to, Tables tables, long[] slots)
    {
        ReadOnlySpan<int> divisionColumn = batch.DivisionColumn.AsSpan(from, to - from);
        ReadOnlySpan<int> dayColumn = batch.DayColumn.AsSpan(from, to - from);
        ReadOnlySpan<byte> methodColumn = batch.MethodColumn.AsSpan(from, to - from);
        ReadOnlySpan<int> personTimesColumn = batch.PersonTimesColumn.AsSpan(from, to - from);
        ReadOnlySpan<int> householdsColumn = batch.HouseholdsColumn.AsSpan(from, to - from);
        ReadOnlySpan<long> fenColumn = batch.FenColumn.AsSpan(from, to - from);
        ReadOnlySpan<int> divisionMap = tables.DivisionMap;
        ReadOnlySpan<int> dayToPeriod = tables.DayToPeriod;
        ReadOnlySpan<int> keyMap = tables.KeyMap;
        var keyColumn = KeyColumn(batch, tables.Dimension, from, to);
        var firstDay = tables.FirstDay;
        var divisionCount = tables.DivisionCount;
        var keyCount = tables.KeyCount;
        ref var acc = ref MemoryMarshal.GetArrayDataReference(slots);

        for (var i = 0; i < dayColumn.Length; i++)
        {
            var period = dayToPeriod[dayColumn[i] - firstDay];
            var row = divisionMap[divisionColumn[i]];
            if ((period | row) < 0)
            {
                continue;
            }
            var key = keyMap[keyColumn.Key(i)];
            var cell = ((((period * divisionCount) + row) * keyCount) + key) * Indicators.Slots;
            ref var c = ref Unsafe.Add(ref acc, cell);
            Unsafe.Add(ref c, methodColumn[i])++;
            Unsafe.Add(ref c, Indicators.PersonTimesSlot) += personTimesColumn[i];
            Unsafe.Add(ref c, Indicators.HouseholdsSlot) += householdsColumn[i];
            ref var fen = ref Unsafe.Add(ref c, Indicators.FenSlot);
            fen = checked(fen + fenColumn[i]);
        }
    }

    /// <summary>The column that feeds the key lookup for the dimension.</summary>
    private readonly ref struct KeySource(ReadOnlySpan<ushort> shorts, ReadOnlySpan<byte> bytes, bool useBytes)
    {
        private readonly ReadOnlySpan<ushort> shorts = shorts;
        private readonly ReadOnlySpan<byte> bytes = bytes;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int Key(int i) => useBytes ? bytes[i] : shorts.IsEmpty ? 0 : shorts[i];
    }

    private static KeySource KeyColumn(RecordBatch batch, CubeDimension dimension, int from, int to) => dimension switch
    {
        CubeDimension.Domain or CubeDimension.Item => new(batch.CodeColumn.AsSpan(from, to - from), default, false),
        CubeDimension.Programme => new(batch.ProgrammeColumn.AsSpan(from, to - from), default, false),
        CubeDimension.Method => new(default, batch.MethodColumn.AsSpan(from, to - from), true),
        CubeDimension.TargetGroup => new(default, batch.TargetGroupColumn.AsSpan(from, to - from), true),
        _ => new(default, default, false),
    };

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
            CubeDimension.None => [string.Empty],
            CubeDimension.Domain => [.. batch.Codes.Select(c => c.Domain.Value)],
            CubeDimension.Item => [.. batch.Codes.Select(c => c.Value)],
            CubeDimension.Method => [.. ServiceMethods.All.Select(m => m.ToCode())],
            CubeDimension.TargetGroup => [string.Empty, .. TargetGroups.All.Select(g => g.ToCode())],
            CubeDimension.Programme => [.. batch.Programmes],
            _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, $"Undefined cube dimension {dimension}."),
        };
        var axis = raw.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        return (axis, [.. raw.Select(k => Array.BinarySearch(axis, k, StringComparer.Ordinal))]);
    }

    private static void AddInto(long[] target, long[] source)
    {
        for (var i = 0; i < target.Length; i++)
        {
            target[i] = checked(target[i] + source[i]);
        }
    }
}
