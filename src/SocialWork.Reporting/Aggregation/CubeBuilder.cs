using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SocialWork.Reporting;

/// <summary>
/// The aggregation kernel. Before the pass, small lookup tables map each day to its period, each distinct division to its
/// row and each code (or method, group, programme) to its key; records are in date order, so the pass walks day by day
/// and per record does two table lookups and one read-modify-write of a single 64-byte accumulator cell (one cache
/// line). The accumulator is laid out period-major (period, division, key): records in date order then write into one
/// small region at a time. Each thread sums a contiguous slice of records into its own accumulator, which covers only
/// the periods of that slice; the partials overlap at most at their end periods and are added into the cube's slots in
/// parallel bands of periods.
/// </summary>
/// <remarks>
/// Method counts are 32-bit: a batch holds fewer than 2³¹ records, so a count cannot overflow. Person-times and
/// households are 32-bit per record summed into 64 bits, which cannot overflow for fewer than 2³² records; fen are added
/// with overflow checks unless the batch's largest amount times its count fits in 64 bits.
/// </remarks>
internal static class CubeBuilder
{
    internal static Cube Build(RecordBatch batch, CubeQuery query) => Build(batch, query, countPeople: true, out _);

    /// <summary>
    /// Builds the cube; without <paramref name="countPeople"/> it leaves the people out (the caller counts them from
    /// <paramref name="tables"/>, where each record's cell is — <see langword="null"/> for a cube by party, whose
    /// records count in several cells).
    /// </summary>
    internal static Cube Build(RecordBatch batch, CubeQuery query, bool countPeople, out CellTables? tables)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(query);
        tables = null;
        if (query.Dimension == CubeDimension.Party)
        {
            return ByParty(batch, query);
        }
        var (divisionAxis, divisionMap) = DivisionAxis(batch, query);
        var (periodAxis, dayToPeriod, firstDay) = PeriodAxis(batch, query);
        var (keyAxis, keyMap) = KeyAxis(batch, query);
        var (start, end) = DayRange(batch, dayToPeriod.Length == 0 ? 0 : firstDay, dayToPeriod.Length == 0 ? -1 : firstDay + dayToPeriod.Length - 1);

        // One spare division row per period takes the records outside the query's scope, so the loop needs no branch.
        var rows = divisionAxis.Length + 1;
        var cellTables = new CellTables(
            dayToPeriod,
            firstDay,
            [.. divisionMap.Select(r => (r < 0 ? divisionAxis.Length : r) * keyAxis.Length)],
            keyMap,
            keyAxis.Length,
            checked(divisionAxis.Length * keyAxis.Length),
            query.Dimension);

        Cube.CheckBudget(periodAxis.Length, divisionAxis.Length, keyAxis.Length, query.MaxCells);
        var threads = query.Parallelism > 0 ? query.Parallelism : Environment.ProcessorCount;
        threads = Math.Max(1, Math.Min(threads, (end - start) / query.MinRecordsPerThread));
        var chunk = threads == 1 ? end - start : (end - start + threads - 1) / threads;
        var partials = new Accumulator?[threads];
        var slots = new long[checked(periodAxis.Length * divisionAxis.Length * keyAxis.Length * Indicators.Slots)];
        var layout = new SlotLayout(rows, divisionAxis.Length, keyAxis.Length);
        try
        {
            if (threads == 1)
            {
                partials[0] = Accumulate(batch, start, end, query.Dimension, cellTables);
                AddInto(slots, partials, 0, periodAxis.Length, layout);
            }
            else
            {
                var options = new ParallelOptions { MaxDegreeOfParallelism = threads };
                Parallel.For(0, threads, options, t =>
                {
                    var from = start + (t * chunk);
                    partials[t] = Accumulate(batch, from, Math.Min(end, from + chunk), query.Dimension, cellTables);
                });

                // The partials cover consecutive period ranges that overlap only at their ends; each thread adds a band.
                var band = (periodAxis.Length + threads - 1) / threads;
                Parallel.For(0, threads, options, t => AddInto(slots, partials, t * band, Math.Min(periodAxis.Length, (t + 1) * band), layout));
            }
        }
        catch (OverflowException)
        {
            throw ReportLimitException.AmountOverflow();
        }
        finally
        {
            foreach (var partial in partials)
            {
                partial?.Dispose();
            }
        }
        tables = cellTables;
        var people = countPeople ? CubePeople.Build(batch, cellTables, slots, query.Parallelism > 0 ? query.Parallelism : Environment.ProcessorCount, query.MinRecordsPerThread) : null;
        return new Cube(query.Level, query.PeriodKind, query.Dimension, divisionAxis, periodAxis, keyAxis, slots, people);
    }

    /// <summary>The five-society parties and their keys; records naming none have the empty key.</summary>
    internal static readonly (LinkageParties Flag, string Key)[] PartyKeys =
        [.. Enum.GetValues<LinkageParties>().Where(p => p != LinkageParties.None).Select(p => (p, p.ToCodes())), (LinkageParties.None, string.Empty)];

    /// <summary>
    /// A cube by party: one cube per party over the records naming it (and one over the records naming none), each
    /// relabelled with the party's key and merged; the total is the records' own, since a record counts under each party.
    /// </summary>
    private static Cube ByParty(RecordBatch batch, CubeQuery query)
    {
        var plain = query with { Dimension = CubeDimension.None };
        var all = Build(batch, plain);
        var parties = batch.PartiesColumn;
        var cube = Cube.Merge(PartyKeys
            .Select(party => (party.Key, Indices: Enumerable.Range(0, batch.Count).Where(i => party.Flag == LinkageParties.None ? parties[i] == 0 : (parties[i] & (byte)party.Flag) != 0).ToArray()))
            .Where(part => part.Indices.Length > 0)
            .Select(part => Build(batch.Select(part.Indices), plain).Relabel(CubeDimension.Party, part.Key))
            .Prepend(Build(RecordBatch.Empty, plain).Relabel(CubeDimension.Party, string.Empty)), query.MaxCells);
        return cube.WithTotal(all.Total, all.TotalPeople.RecordsWithoutPerson);
    }

    /// <summary>The shapes of the accumulator (with its spare row) and of the cube's slots (without it).</summary>
    private readonly record struct SlotLayout(int Rows, int Divisions, int Keys);

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

    /// <summary>
    /// One thread's cells for the periods its records fall in, in native memory aligned to 64 bytes (so each cell is
    /// exactly one cache line and the garbage collector neither moves nor scans it). Freed as soon as it is added in.
    /// </summary>
    private sealed unsafe class Accumulator : IDisposable
    {
        private Cell* cells;

        public Accumulator(int firstPeriod, int lastPeriod, int cellsPerPeriod)
        {
            FirstPeriod = firstPeriod;
            LastPeriod = lastPeriod;
            var bytes = checked((nuint)(lastPeriod - firstPeriod + 1) * (nuint)cellsPerPeriod * (nuint)sizeof(Cell));
            cells = (Cell*)NativeMemory.AlignedAlloc(bytes, 64);
            NativeMemory.Clear(cells, bytes);
            FirstCell = firstPeriod * cellsPerPeriod;
        }

        public int FirstPeriod { get; }

        public int LastPeriod { get; }

        /// <summary>Gets the index the first cell would have in an accumulator starting at period 0.</summary>
        public int FirstCell { get; }

        public ref Cell First => ref *cells;

        public void Dispose()
        {
            NativeMemory.AlignedFree(cells);
            cells = null;
        }
    }

    /// <summary>Sums records [<paramref name="from"/>, <paramref name="to"/>) into a new accumulator for their periods.</summary>
    private static Accumulator Accumulate(RecordBatch batch, int from, int to, CubeDimension dimension, CellTables tables)
    {
        var acc = to > from
            ? new Accumulator(tables.PeriodOf(batch.Cells.Day[from]), tables.PeriodOf(batch.Cells.Day[to - 1]), tables.CellsPerPeriod)
            : new Accumulator(0, -1, tables.CellsPerPeriod);

        // Sums of non-negative amounts cannot overflow when the largest times the count fits: then skip the checks.
        var exact = batch.MaxFen == 0 || batch.MaxFen <= long.MaxValue / Math.Max(1, batch.Count);
        try
        {
            switch (dimension)
            {
                case CubeDimension.Method:
                    Run(batch.Cells.Method);
                    break;
                case CubeDimension.TargetGroup:
                    Run(batch.Cells.TargetGroup);
                    break;
                case CubeDimension.Programme:
                    Run(batch.Cells.Programme);
                    break;
                default:
                    // None maps every code to key 0; Domain and Item map codes to their keys.
                    Run(batch.Cells.Code);
                    break;
            }
            return acc;
        }
        catch
        {
            acc.Dispose();
            throw;
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
    /// so a day's period cell is looked up once and the day column is not read per record. Indices are widened without
    /// sign extension (all are non-negative) and the method count is addressed from the cell's start, which keeps the
    /// loop body to the loads, one address computation and four read-modify-writes of one cache line.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Accumulate<TKey, TAdd>(RecordBatch batch, int from, int to, TKey[] keys, CellTables tables, Accumulator acc)
        where TKey : unmanaged, IBinaryInteger<TKey>
        where TAdd : struct, IAddition
    {
        if (to <= from)
        {
            return;
        }
        ref var division = ref MemoryMarshal.GetArrayDataReference(batch.Cells.Division);
        ref var method = ref MemoryMarshal.GetArrayDataReference(batch.Cells.Method);
        ref var people = ref MemoryMarshal.GetArrayDataReference(batch.PersonTimesColumn);
        ref var households = ref MemoryMarshal.GetArrayDataReference(batch.HouseholdsColumn);
        ref var fen = ref MemoryMarshal.GetArrayDataReference(batch.FenColumn);
        ref var key = ref MemoryMarshal.GetArrayDataReference(keys);
        ref var rowCell = ref MemoryMarshal.GetArrayDataReference(tables.RowCell);
        ref var keyIndex = ref MemoryMarshal.GetArrayDataReference(tables.KeyIndex);
        ref var cells = ref acc.First;
        var starts = batch.DayStarts;
        var firstDay = batch.Cells.Day[from];
        var lastDay = batch.Cells.Day[to - 1];
        for (var day = firstDay; day <= lastDay; day++)
        {
            nint r = Math.Max(from, starts[day - batch.FirstDay]);
            nint end = Math.Min(to, starts[day - batch.FirstDay + 1]);
            ref var periodCells = ref Unsafe.Add(ref cells, (tables.PeriodOf(day) * tables.CellsPerPeriod) - acc.FirstCell);
            for (; r < end; r++)
            {
                var cell = (uint)(Unsafe.Add(ref rowCell, (uint)Unsafe.Add(ref division, r)) + Unsafe.Add(ref keyIndex, uint.CreateTruncating(Unsafe.Add(ref key, r))));
                ref var c = ref Unsafe.Add(ref periodCells, cell);
                Unsafe.Add(ref Unsafe.As<Cell, int>(ref c), Unsafe.Add(ref method, r))++;
                c.PersonTimes += Unsafe.Add(ref people, r);
                c.Households += Unsafe.Add(ref households, r);
                c.Fen = TAdd.Add(c.Fen, Unsafe.Add(ref fen, r));
            }
        }
    }

    /// <summary>
    /// Adds the partial accumulators' periods [<paramref name="fromPeriod"/>, <paramref name="toPeriod"/>) into the cube's
    /// slot layout, dropping the spare division row. The first partial of a period is stored rather than added: the slots
    /// are fresh memory, and writing a page before reading it spares the operating system a copy-on-write fault.
    /// </summary>
    private static void AddInto(long[] slots, Accumulator?[] partials, int fromPeriod, int toPeriod, SlotLayout layout)
    {
        for (var p = fromPeriod; p < toPeriod; p++)
        {
            var stored = false;
            foreach (var partial in partials)
            {
                if (partial is not null && p >= partial.FirstPeriod && p <= partial.LastPeriod)
                {
                    AddPeriod(slots, partial, p, layout, store: !stored);
                    stored = true;
                }
            }
        }
    }

    private static void AddPeriod(long[] slots, Accumulator partial, int period, SlotLayout layout, bool store)
    {
        ref var first = ref Unsafe.Add(ref partial.First, (period - partial.FirstPeriod) * layout.Rows * layout.Keys);
        var target = slots.AsSpan(period * layout.Divisions * layout.Keys * Indicators.Slots, layout.Divisions * layout.Keys * Indicators.Slots);
        Span<long> cell = stackalloc long[Indicators.Slots];
        for (var i = 0; i < layout.Divisions * layout.Keys; i++)
        {
            ref var c = ref Unsafe.Add(ref first, i);
            for (var m = 0; m < 7; m++)
            {
                cell[m] = c.Counts[m];
            }
            cell[Indicators.PersonTimesSlot] = c.PersonTimes;
            cell[Indicators.HouseholdsSlot] = c.Households;
            cell[Indicators.FenSlot] = c.Fen;
            var s = target.Slice(i * Indicators.Slots, Indicators.Slots);
            if (store)
            {
                cell.CopyTo(s);
            }
            else
            {
                Cube.AddInto(s, cell);
            }
        }
    }

    private static (DivisionCode[] Axis, int[] Map) DivisionAxis(RecordBatch batch, CubeQuery query)
    {
        var scope = query.EffectiveScope;
        var targets = new DivisionCode?[batch.Divisions.Count];
        for (var i = 0; i < targets.Length; i++)
        {
            var code = batch.Divisions[i];
            if (scope is not null && !scope.Contains(code))
            {
                continue;
            }
            targets[i] = code.Level > query.Level ? code.AncestorAt(query.Level) : code;
        }
        var axis = targets.OfType<DivisionCode>().Distinct().Order().ToArray();
        var map = targets.Select(t => t is { } code ? Array.BinarySearch(axis, code) : -1).ToArray();
        return (axis, map);
    }

    /// <summary>
    /// The periods that hold records between the query's first and last day — not every period of the span, so a record
    /// dated 0001-01-01 beside one dated 9999-12-31 makes two periods, not 120,000 — and each day's index on that axis.
    /// Days without records take the index of the period before them, which keeps the map in order.
    /// </summary>
    private static (ReportingPeriod[] Axis, int[] DayToPeriod, int FirstDay) PeriodAxis(RecordBatch batch, CubeQuery query)
    {
        if (batch.Count == 0)
        {
            return ([], [], 0);
        }
        var first = batch.Cells.Day[0];
        var last = batch.Cells.Day[^1];
        var from = query.From is { } f ? Math.Max(first, DayNumber.From(f)) : first;
        var to = query.To is { } t ? Math.Min(last, DayNumber.From(t)) : last;
        if (from > to)
        {
            return ([], [], 0);
        }
        var axis = new List<ReportingPeriod>();
        var map = new int[to - from + 1];
        var starts = batch.DayStarts;
        for (var day = from; day <= to; day++)
        {
            var i = day - batch.FirstDay;
            if (starts[i + 1] > starts[i])
            {
                var period = ReportingPeriod.Containing(DayNumber.ToDate(day), query.PeriodKind);
                if (axis.Count == 0 || axis[^1] != period)
                {
                    axis.Add(period);
                }
            }
            map[day - from] = Math.Max(0, axis.Count - 1);
        }
        return ([.. axis], map, from);
    }

    private static (int Start, int End) DayRange(RecordBatch batch, int from, int to)
    {
        var days = batch.Cells.Day;
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

    private static (string[] Axis, int[] Map) KeyAxis(RecordBatch batch, CubeQuery query)
    {
        var dimension = query.Dimension;
        string[] raw = dimension switch
        {
            CubeDimension.None => [.. batch.Codes.Select(_ => string.Empty)],
            CubeDimension.Domain => [.. batch.Codes.Select(c => c.Domain.Value)],
            CubeDimension.Item => [.. batch.Codes.Select(c => c.Value)],
            CubeDimension.Method => [.. ServiceMethodExtensions.All.Select(m => m.ToCode())],
            CubeDimension.TargetGroup => [string.Empty, .. TargetGroupExtensions.All.Select(g => g.ToCode())],
            CubeDimension.Programme => [.. batch.Programmes.Select(p => p.Length > 0 && query.Programmes is { } registry ? registry.RootOf(p) : p)],
            CubeDimension.ServiceType => [.. batch.Codes.Select(c => PrimaryType(c, query.Catalog ?? throw new ArgumentException("A report by service type needs CubeQuery.Catalog, whose items link to the types.", nameof(query))))],
            CubeDimension.Party => throw new InvalidOperationException("A cube by party is built party by party (ByParty)."),
            _ => throw new ArgumentOutOfRangeException(nameof(query), dimension, $"Undefined cube dimension {dimension}."),
        };
        var axis = raw.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (axis.Length == 0)
        {
            axis = [string.Empty];
        }
        return (axis, [.. raw.Select(k => Array.BinarySearch(axis, k, StringComparer.Ordinal))]);
    }

    internal static string PrimaryType(ServiceCode code, ServiceCatalog catalog)
        => !code.IsDomain && catalog.TryGetItem(code, out var item) && item.ServiceTypes.Count > 0 ? item.ServiceTypes[0] : string.Empty;
}
