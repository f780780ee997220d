using System.Numerics;

namespace SocialWork.Reporting;

/// <summary>
/// The people behind a cube's cells: each cell's exact count of distinct people, and where the (person, cell) pairs come
/// from, so that roll-ups and merges count again at the new cells instead of adding counts up (people are not summable).
/// </summary>
/// <remarks>
/// <para>
/// Every count is made in person order: a person's records (or cells) are adjacent, so a person is new in a cell when
/// the cell's one mark is not already that person — a sequential pass with one mark per cell, no set per cell and no
/// hash. A cube built from a batch keeps its pairs where they are: the batch's <see cref="PersonOrder"/> and the cell
/// tables of the build, so a roll-up is one more pass over the same records with the divisions mapped to their
/// ancestors, and the build writes nothing per record. A merge lists its pairs (each person's distinct cells) because its
/// parts come from different batches.
/// </para>
/// <para>
/// Each cell's records without a person are summable and are kept beside the counts.
/// </para>
/// </remarks>
internal sealed class CubePeople
{
    private readonly int[] counts;
    private readonly long people;
    private readonly PersonCells pairs;

    private CubePeople(PersonKeyList keys, int[] counts, long[] withoutPerson, long people, PersonCells pairs, long? totalWithoutPerson = null)
    {
        Keys = keys;
        this.counts = counts;
        WithoutPerson = withoutPerson;
        this.people = people;
        this.pairs = pairs;
        TotalWithoutPerson = totalWithoutPerson ?? withoutPerson.Sum();
    }

    /// <summary>Gets the person keys the pairs' person indices point into.</summary>
    public PersonKeyList Keys { get; }

    /// <summary>Gets each cell's records that name no person.</summary>
    public long[] WithoutPerson { get; }

    /// <summary>Gets the cube's records without a person: the cells' sum, except where cells overlap (by party).</summary>
    public long TotalWithoutPerson { get; }

    /// <summary>The same people with the cube's records without a person given, for cubes whose cells overlap.</summary>
    public CubePeople WithTotal(long totalWithoutPerson) => new(Keys, counts, WithoutPerson, people, pairs, totalWithoutPerson);

    public PeopleCount CountOf(int cell) => new(counts[cell], WithoutPerson[cell]);

    /// <summary>The distinct people of the whole cube and its records without a person.</summary>
    public PeopleCount Total() => new(people, TotalWithoutPerson);

    /// <summary>The people of a cube built from <paramref name="batch"/>: one pass over its records in person order, on up to <paramref name="threads"/> cores.</summary>
    /// <param name="batch">The records.</param>
    /// <param name="tables">Where each record's cell is.</param>
    /// <param name="slots">The cube's indicators, whose record counts give each cell's records without a person.</param>
    /// <param name="threads">The most threads to use.</param>
    /// <param name="minRecordsPerThread">The fewest records worth a thread of their own.</param>
    public static CubePeople Build(RecordBatch batch, CellTables tables, long[] slots, int threads, int minRecordsPerThread)
    {
        var keys = PersonKeyList.Of(batch.PersonKeys);
        if (batch.PersonOrder is not { } order)
        {
            var cells = slots.Length / Indicators.Slots;
            return new CubePeople(keys, new int[cells], RecordsPerCell(slots, new int[cells]), 0, ListedCells<byte>.Empty(keys.Length));
        }
        return Count(keys, new IndexedCells(order, tables), slots, threads, minRecordsPerThread);
    }

    /// <summary>
    /// The people of the cube rolled up from this one: cell <c>c</c> goes to <paramref name="cellMap"/>[c], and division
    /// row <c>d</c> of the build to <paramref name="rowMap"/>[d] (of <paramref name="rows"/>).
    /// </summary>
    public CubePeople RollUp(int[] rowMap, int rows, int[] cellMap, long[] slots, int threads, int minRecordsPerThread)
    {
        var rolled = pairs is IndexedCells indexed
            ? Count(Keys, indexed.RollUp(rowMap, rows), slots, threads, minRecordsPerThread)
            : Merge(Keys, slots.Length / Indicators.Slots, [(this, cellMap, null)]);
        return rolled.WithTotal(TotalWithoutPerson);
    }

    /// <summary>
    /// Unites the people of several cubes on the cells of a new one: each part's cell map gives each of its cells' new
    /// cell, its person map each of its people's index in <paramref name="keys"/> (<see langword="null"/>: the same keys).
    /// A person in two parts' cells that land on one cell counts once there.
    /// </summary>
    public static CubePeople Merge(PersonKeyList keys, int cells, IReadOnlyList<(CubePeople People, int[] CellMap, int[]? PersonMap)> parts)
    {
        var withoutPerson = new long[cells];
        var entries = new EntryList();
        foreach (var (part, cellMap, personMap) in parts)
        {
            for (var cell = 0; cell < cellMap.Length; cell++)
            {
                withoutPerson[cellMap[cell]] += part.WithoutPerson[cell];
            }
            var sink = new EntrySink(entries, personMap, cellMap);
            part.pairs.ForEach(ref sink);
        }
        return FromEntries(keys, cells, entries, withoutPerson);
    }

    /// <summary>The people of cells computed elsewhere: (person, cell) pairs in any order, repeats allowed.</summary>
    public static CubePeople FromPairs(PersonKey[] keys, int cells, IReadOnlyList<(int Person, int Cell)> pairs, long[] withoutPerson)
    {
        var entries = new EntryList();
        foreach (var (person, cell) in pairs)
        {
            entries.Add(person, cell);
        }
        return FromEntries(PersonKeyList.Of(keys), cells, entries, withoutPerson);
    }

    /// <summary>Counts each cell's distinct people and records with a person in one pass over <paramref name="pairs"/>, in runs of whole people.</summary>
    private static CubePeople Count(PersonKeyList keys, IndexedCells pairs, long[] slots, int threads, int minRecordsPerThread)
    {
        var cells = slots.Length / Indicators.Slots;
        threads = Math.Max(1, Math.Min(threads, pairs.Order.Count / Math.Max(1, minRecordsPerThread)));
        var bounds = pairs.Order.Split(threads);
        var sinks = new CountingSink[threads];
        if (threads == 1)
        {
            sinks[0] = new CountingSink(cells);
            pairs.ForEach(ref sinks[0], 0, bounds[1]);
        }
        else
        {
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
            {
                var sink = new CountingSink(cells);
                pairs.ForEach(ref sink, bounds[t], bounds[t + 1]);
                sinks[t] = sink;
            });
        }
        var total = sinks[0];
        foreach (var sink in sinks.AsSpan(1))
        {
            total.Add(sink);
        }
        return new CubePeople(keys, total.Counts, RecordsPerCell(slots, total.Keyed), total.People, pairs);
    }

    /// <summary>Each cell's records (the sum of its method counts) less <paramref name="keyed"/>, its records that name a person.</summary>
    public static long[] RecordsPerCell(long[] slots, int[] keyed)
    {
        var result = new long[keyed.Length];
        for (var cell = 0; cell < result.Length; cell++)
        {
            var records = 0L;
            foreach (var count in slots.AsSpan(cell * Indicators.Slots, Indicators.MethodSlots))
            {
                records += count;
            }
            result[cell] = records - keyed[cell];
        }
        return result;
    }

    /// <summary>Takes (person, cell) pairs in person order.</summary>
    private interface IPairSink
    {
        void Add(int person, int cell);
    }

    /// <summary>Where a cube's (person, cell) pairs come from.</summary>
    private abstract class PersonCells
    {
        /// <summary>Gives every pair to <paramref name="sink"/>, person by person (a pair may come more than once).</summary>
        public abstract void ForEach<TSink>(ref TSink sink)
            where TSink : struct, IPairSink;
    }

    /// <summary>The pairs of a cube built from a batch: its records in person order, each in the cell the build's tables give.</summary>
    private sealed class IndexedCells(PersonOrder order, CellTables tables) : PersonCells
    {
        public PersonOrder Order => order;

        public override void ForEach<TSink>(ref TSink sink) => ForEach(ref sink, 0, order.Count);

        public void ForEach<TSink>(ref TSink sink, int from, int to)
            where TSink : struct, IPairSink
            => ForEachCell(order.Person, order.Cells, tables, ref sink, from, to);

        /// <summary>The same records on the rows of a roll-up: build row <c>d</c> becomes row <paramref name="rowMap"/>[d] of <paramref name="rows"/>.</summary>
        public IndexedCells RollUp(int[] rowMap, int rows)
        {
            var keys = tables.Keys;
            var spare = rows * keys;
            var rowCell = tables.RowCell.Select(cell => cell == tables.Spare ? spare : rowMap[cell / keys] * keys).ToArray();
            return new IndexedCells(order, tables with { RowCell = rowCell, Spare = spare });
        }
    }

    /// <summary>
    /// Gives <paramref name="sink"/> each record's person and cell, for the records <paramref name="from"/> to
    /// <paramref name="to"/> of these columns (a person order's, or a batch's own) that fall inside the query.
    /// </summary>
    private static void ForEachCell<TSink>(int[] person, CellColumns cells, CellTables tables, ref TSink sink, int from, int to)
        where TSink : struct, IPairSink
    {
        switch (tables.Dimension)
        {
            case CubeDimension.Method:
                ForEachCell(person, cells.Division, cells.Day, cells.Method, tables, ref sink, from, to);
                break;
            case CubeDimension.TargetGroup:
                ForEachCell(person, cells.Division, cells.Day, cells.TargetGroup, tables, ref sink, from, to);
                break;
            case CubeDimension.Programme:
                ForEachCell(person, cells.Division, cells.Day, cells.Programme, tables, ref sink, from, to);
                break;
            default:
                ForEachCell(person, cells.Division, cells.Day, cells.Code, tables, ref sink, from, to);
                break;
        }
    }

    /// <remarks>Every array the loop touches is a local, so the JIT keeps them in registers.</remarks>
    private static void ForEachCell<TKey, TSink>(int[] person, int[] division, int[] day, TKey[] key, CellTables tables, ref TSink sink, int from, int to)
        where TKey : unmanaged, IBinaryInteger<TKey>
        where TSink : struct, IPairSink
    {
        var rowCell = tables.RowCell;
        var keyIndex = tables.KeyIndex;
        var dayToPeriod = tables.DayToPeriod;
        var firstDay = tables.FirstDay;
        var days = (uint)dayToPeriod.Length;
        var spare = tables.Spare;
        for (var i = from; i < to; i++)
        {
            var row = rowCell[division[i]];
            var d = (uint)(day[i] - firstDay);
            if (row != spare && d < days)
            {
                sink.Add(person[i], (dayToPeriod[d] * spare) + row + keyIndex[int.CreateTruncating(key[i])]);
            }
        }
    }

    /// <summary>
    /// Groups listed entries by person and keeps each person's distinct cells, each cell as a <see cref="byte"/>, a
    /// <see cref="ushort"/> or an <see cref="int"/>: the narrowest that numbers <paramref name="cellCount"/> cells.
    /// </summary>
    private static CubePeople FromEntries(PersonKeyList keys, int cellCount, EntryList entries, long[] withoutPerson, int[]? cellMap = null)
        => cellCount <= byte.MaxValue + 1 ? ListedCells<byte>.FromEntries(keys, cellCount, entries, withoutPerson, cellMap)
            : cellCount <= ushort.MaxValue + 1 ? ListedCells<ushort>.FromEntries(keys, cellCount, entries, withoutPerson, cellMap)
            : ListedCells<int>.FromEntries(keys, cellCount, entries, withoutPerson, cellMap);

    /// <summary>Listed pairs: person <c>p</c>'s distinct cells are <c>Cells[Ends[p - 1]..Ends[p]]</c>, each cell as a <typeparamref name="TCell"/>.</summary>
    private sealed class ListedCells<TCell>(int[] ends, TCell[] cells) : PersonCells
        where TCell : unmanaged, IBinaryInteger<TCell>
    {
        public static ListedCells<TCell> Empty(int people) => new(new int[people], []);

        public override void ForEach<TSink>(ref TSink sink)
        {
            var start = 0;
            for (var p = 0; p < ends.Length; p++)
            {
                for (var i = start; i < ends[p]; i++)
                {
                    sink.Add(p, int.CreateTruncating(cells[i]));
                }
                start = ends[p];
            }
        }

        /// <summary>
        /// Groups the entries by person (a counting sort) and keeps each person's distinct cells. The entries are taken:
        /// each chunk is let go as soon as its entries are placed, so the list and its grouped copy are not both whole.
        /// </summary>
        public static CubePeople FromEntries(PersonKeyList keys, int cellCount, EntryList entries, long[] withoutPerson, int[]? cellMap)
        {
            var counting = new PersonCounter(new int[keys.Length]);
            entries.ForEach(ref counting, null, release: false);
            var ends = counting.Counts;
            var next = 0;
            for (var p = 0; p < ends.Length; p++)
            {
                (ends[p], next) = (next, next + ends[p]);
            }
            var placing = new CellPlacer<TCell>(ends, GC.AllocateUninitializedArray<TCell>(checked((int)entries.Count)));
            entries.ForEach(ref placing, cellMap, release: true);
            var byPerson = placing.ByPerson;

            // ends[p] is now where p's entries end; keep each person's first sight of a cell, in place.
            var counts = new int[cellCount];
            var mark = new int[cellCount];
            var kept = 0;
            var start = 0;
            var people = 0L;
            for (var p = 0; p < ends.Length; p++)
            {
                var from = kept;
                for (var i = start; i < ends[p]; i++)
                {
                    var cell = byPerson[i];
                    var index = int.CreateTruncating(cell);
                    if (mark[index] != p + 1)
                    {
                        mark[index] = p + 1;
                        counts[index]++;
                        byPerson[kept++] = cell;
                    }
                }
                start = ends[p];
                ends[p] = kept;
                people += kept > from ? 1 : 0;
            }

            // The cells past `kept` are repeats; the pass reads only up to ends[^1], so the array is cut only when they are many.
            return new CubePeople(keys, counts, withoutPerson, people, new ListedCells<TCell>(ends, kept < byPerson.Length / 2 ? byPerson[..kept] : byPerson));
        }
    }

    /// <summary>Counts each person's entries.</summary>
    private readonly struct PersonCounter(int[] counts) : IPairSink
    {
        public int[] Counts => counts;

        public void Add(int person, int cell) => counts[person]++;
    }

    /// <summary>Puts each entry's cell in its person's run: <c>ends[p]</c> starts as where p's run begins and ends where it ends.</summary>
    private readonly struct CellPlacer<TCell>(int[] ends, TCell[] byPerson) : IPairSink
        where TCell : unmanaged, IBinaryInteger<TCell>
    {
        public TCell[] ByPerson => byPerson;

        public void Add(int person, int cell) => byPerson[ends[person]++] = TCell.CreateTruncating(cell);
    }

    /// <summary>Counts, per cell, the records with a person and the distinct people (pairs come person by person).</summary>
    private struct CountingSink(int cells) : IPairSink
    {
        private readonly int[] mark = new int[cells];
        private int last = -1;

        public int[] Counts { get; } = new int[cells];

        public int[] Keyed { get; } = new int[cells];

        public long People { get; private set; }

        public void Add(int person, int cell)
        {
            Keyed[cell]++;
            if (mark[cell] != person + 1)
            {
                mark[cell] = person + 1;
                Counts[cell]++;
            }
            People += person != last ? 1 : 0;
            last = person;
        }

        /// <summary>Adds the counts of a run of other people.</summary>
        public void Add(CountingSink other)
        {
            People += other.People;
            for (var cell = 0; cell < Counts.Length; cell++)
            {
                Counts[cell] += other.Counts[cell];
                Keyed[cell] += other.Keyed[cell];
            }
        }
    }

    /// <summary>Lists pairs with their person and cell mapped.</summary>
    private readonly struct EntrySink(EntryList entries, int[]? personMap, int[] cellMap) : IPairSink
    {
        public void Add(int person, int cell) => entries.Add(personMap is null ? person : personMap[person], cellMap[cell]);
    }

    /// <summary>
    /// A growing list of (person, cell) entries, packed: each entry is the change from the previous entry's person
    /// (zigzag) and the cell, as variable-length integers in chunks of bytes. Entries that come person by person (a
    /// cube's pairs, a row group's sorted pairs) take two to three bytes instead of eight, and growing never copies what
    /// is listed.
    /// </summary>
    private sealed class EntryList
    {
        private const int ChunkSize = 1 << 20;

        /// <summary>The most bytes one entry takes: two 32-bit values, five bytes each at most.</summary>
        private const int MaxEntryBytes = 10;

        private readonly List<(byte[] Bytes, int Length)> chunks = [];
        private byte[] current = [];
        private int used;
        private int lastPerson;

        public long Count { get; private set; }

        public void Add(int person, int cell)
        {
            if (used + MaxEntryBytes > current.Length)
            {
                Seal();
                current = GC.AllocateUninitializedArray<byte>(ChunkSize);
                used = 0;
            }
            var delta = person - lastPerson;
            lastPerson = person;
            used = Write(current, used, (uint)((delta << 1) ^ (delta >> 31)));
            used = Write(current, used, (uint)cell);
            Count++;
        }

        /// <summary>
        /// Gives every entry to <paramref name="visit"/> in the order added, each cell through <paramref name="cellMap"/>
        /// when given; with <paramref name="release"/>, the list lets each chunk go once read and is empty afterwards.
        /// </summary>
        public void ForEach<TVisit>(ref TVisit visit, int[]? cellMap, bool release)
            where TVisit : struct, IPairSink
        {
            Seal();
            var person = 0;
            for (var c = 0; c < chunks.Count; c++)
            {
                var (bytes, length) = chunks[c];
                for (var at = 0; at < length;)
                {
                    var zigzag = Read(bytes, ref at);
                    person += (int)(zigzag >> 1) ^ -(int)(zigzag & 1);
                    var cell = (int)Read(bytes, ref at);
                    visit.Add(person, cellMap is null ? cell : cellMap[cell]);
                }
                if (release)
                {
                    chunks[c] = ([], 0);
                }
            }
            if (release)
            {
                chunks.Clear();
                (current, used, lastPerson, Count) = ([], 0, 0, 0);
            }
        }

        /// <summary>Moves the chunk being written to the sealed list (the next entry starts a new one).</summary>
        private void Seal()
        {
            if (used > 0)
            {
                chunks.Add((current, used));
                (current, used) = ([], 0);
            }
        }

        private static int Write(byte[] bytes, int at, uint value)
        {
            while (value >= 0x80)
            {
                bytes[at++] = (byte)(value | 0x80);
                value >>= 7;
            }
            bytes[at++] = (byte)value;
            return at;
        }

        private static uint Read(byte[] bytes, ref int at)
        {
            uint value = 0;
            for (var shift = 0; ; shift += 7)
            {
                var b = bytes[at++];
                value |= (uint)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    return value;
                }
            }
        }
    }

    /// <summary>
    /// The people of many cubes as they come, for <see cref="CubeAccumulator"/>: the keys united in one table, every
    /// cube's distinct (person, cell) pairs listed with the person's index in that table and the cell's number among the
    /// cells seen so far, and each cell's records that name a person summed. A cube whose records name no one adds only
    /// its total: each cell's records without a person come from the final cube's records less those that name one.
    /// </summary>
    internal sealed class Accumulator(PersonKeyTable personIndex)
    {
        private readonly Dictionary<(DivisionCode Division, ReportingPeriod Period, string Key), int> cellIndex = [];
        private readonly List<(DivisionCode Division, ReportingPeriod Period, string Key)> cells = [];
        private readonly List<long> keyed = [];
        private readonly EntryList entries = new();
        private long totalWithoutPerson;

        /// <summary>
        /// Adds the people of a cube over these axes and slots (cells in period, division, key order); <paramref name="personMap"/>
        /// gives each of its people's index in the table, when known (a batch numbered in it), or is looked up.
        /// </summary>
        public void Add(CubePeople part, DivisionCode[] divisions, ReportingPeriod[] periods, string[] keys, long[] slots, int[]? personMap)
        {
            totalWithoutPerson += part.TotalWithoutPerson;
            if (part.Keys.Length == 0)
            {
                return;
            }
            if (personMap is null)
            {
                personMap = new int[part.Keys.Length];
                var start = 0;
                for (var b = 0; b < part.Keys.BlockCount; b++)
                {
                    var block = part.Keys.Block(b);
                    personIndex.Add(block, personMap.AsSpan(start, block.Length));
                    start += block.Length;
                }
            }
            var named = RecordsPerCell(slots, new int[part.WithoutPerson.Length]);
            for (var c = 0; c < named.Length; c++)
            {
                named[c] -= part.WithoutPerson[c];
            }
            var sink = new DistinctSink(entries, personMap, MapCells(divisions, periods, keys, named));
            part.pairs.ForEach(ref sink);
        }

        /// <summary>Adds a batch's distinct pairs gathered by <see cref="NumberedPairs.Gather"/> on the cells of its cube (axes and slots).</summary>
        public void Add(NumberedPairs part, long[] slots, DivisionCode[] divisions, ReportingPeriod[] periods, string[] keys)
        {
            totalWithoutPerson += RecordsPerCell(slots, part.Keyed).Sum();
            if (part.Pairs.IsEmpty)
            {
                return;
            }
            var cellMap = MapCells(divisions, periods, keys, Array.ConvertAll(part.Keyed, k => (long)k));
            foreach (var pair in part.Pairs)
            {
                entries.Add((int)(pair >> 32), cellMap[(int)pair]);
            }
        }

        /// <summary>Numbers a cube's cells (period, division, key order) among the cells seen so far, adding their records that name a person.</summary>
        private int[] MapCells(DivisionCode[] divisions, ReportingPeriod[] periods, string[] keys, long[] partKeyed)
        {
            var cellMap = new int[periods.Length * divisions.Length * keys.Length];
            var local = 0;
            foreach (var period in periods)
            {
                foreach (var division in divisions)
                {
                    foreach (var key in keys)
                    {
                        ref var cell = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(cellIndex, (division, period, key), out var seen);
                        if (!seen)
                        {
                            cell = cells.Count;
                            cells.Add((division, period, key));
                            keyed.Add(0);
                        }
                        keyed[cell] += partKeyed[local];
                        cellMap[local++] = cell;
                    }
                }
            }
            return cellMap;
        }

        /// <summary>
        /// The people on the cells of the cube the indicators were merged into (axes <paramref name="divisions"/>,
        /// <paramref name="periods"/>, <paramref name="keys"/>, which hold every cell seen, and its <paramref name="slots"/>),
        /// their keys <paramref name="personKeys"/>: those of the table, closed. Takes the listed pairs.
        /// </summary>
        public CubePeople ToPeople(PersonKeyList personKeys, DivisionCode[] divisions, ReportingPeriod[] periods, string[] keys, long[] slots, bool keysOverlap)
        {
            var finalCell = new int[cells.Count];
            var without = RecordsPerCell(slots, new int[periods.Length * divisions.Length * keys.Length]);
            for (var c = 0; c < cells.Count; c++)
            {
                var (division, period, key) = cells[c];
                var p = Array.BinarySearch(periods, period);
                var d = Array.BinarySearch(divisions, division);
                var k = Array.BinarySearch(keys, key, StringComparer.Ordinal);
                finalCell[c] = (((p * divisions.Length) + d) * keys.Length) + k;
                without[finalCell[c]] -= keyed[c];
            }
            var people = FromEntries(personKeys, without.Length, entries, without, finalCell);
            return keysOverlap ? people.WithTotal(totalWithoutPerson) : people;
        }
    }

    /// <summary>
    /// The distinct (person, cell) pairs of a batch numbered in a <see cref="PersonKeyTable"/>, gathered straight from the
    /// batch's columns — no person order and no list of the batch's own people: each pair is the table index (high 32
    /// bits) and the cell of the batch's cube (low 32), sorted with repeats dropped. Holds a pooled array until disposed.
    /// </summary>
    internal sealed class NumberedPairs : IDisposable
    {
        private long[] rented;
        private int count;

        private NumberedPairs(long[] rented, int count, int[] keyed) => (this.rented, this.count, Keyed) = (rented, count, keyed);

        /// <summary>Gets the distinct pairs in ascending order.</summary>
        public ReadOnlySpan<long> Pairs => rented.AsSpan(0, count);

        /// <summary>Gets each cell's records that name a person.</summary>
        public int[] Keyed { get; }

        /// <summary>Gathers the pairs of <paramref name="batch"/> (whose <see cref="RecordBatch.TableColumn"/> is set) on the cells <paramref name="tables"/> give.</summary>
        public static NumberedPairs Gather(RecordBatch batch, CellTables tables, int cells)
        {
            var sink = new GatherSink(System.Buffers.ArrayPool<long>.Shared.Rent(Math.Max(1, batch.Count)), new int[cells]);
            ForEachCell(batch.TableColumn!, batch.Cells, tables, ref sink, 0, batch.Count);
            var pairs = sink.Pairs.AsSpan(0, sink.Count);
            pairs.Sort();
            var kept = 0;
            for (var i = 0; i < pairs.Length; i++)
            {
                if (kept == 0 || pairs[i] != pairs[kept - 1])
                {
                    pairs[kept++] = pairs[i];
                }
            }
            return new NumberedPairs(sink.Pairs, kept, sink.Keyed);
        }

        public void Dispose()
        {
            if (rented.Length > 0)
            {
                System.Buffers.ArrayPool<long>.Shared.Return(rented);
                (rented, count) = ([], 0);
            }
        }

        /// <summary>Lists each record's pair (its number is 1 + the table index; 0 names no one) and counts the cells' records with a person.</summary>
        private struct GatherSink(long[] pairs, int[] keyed) : IPairSink
        {
            public readonly long[] Pairs => pairs;

            public readonly int[] Keyed => keyed;

            public int Count { get; private set; }

            public void Add(int person, int cell)
            {
                if (person != 0)
                {
                    keyed[cell]++;
                    pairs[Count++] = ((long)(person - 1) << 32) | (uint)cell;
                }
            }
        }
    }

    /// <summary>Lists a cube's pairs mapped to an accumulator's people and cells, each distinct pair of a person once.</summary>
    private readonly struct DistinctSink(EntryList entries, int[] personMap, int[] cellMap) : IPairSink
    {
        private readonly int[] mark = new int[cellMap.Length];

        public void Add(int person, int cell)
        {
            if (mark[cell] != person + 1)
            {
                mark[cell] = person + 1;
                entries.Add(personMap[person], cellMap[cell]);
            }
        }
    }
}

/// <summary>
/// Where a record's cell is in a cube built from a batch: day → period (from <see cref="FirstDay"/>), division index →
/// row offset (row × <see cref="Keys"/>, or <see cref="Spare"/> for a division outside the query), key column → key,
/// by <see cref="Dimension"/>. In the cube the cell is period × <see cref="Spare"/> + row offset + key; the builder's
/// accumulator keeps the spare row too, <see cref="CellsPerPeriod"/> cells a period, so its loop needs no branch.
/// </summary>
internal sealed record CellTables(int[] DayToPeriod, int FirstDay, int[] RowCell, int[] KeyIndex, int Keys, int Spare, CubeDimension Dimension)
{
    /// <summary>Gets the accumulator's cells per period: every division row and the spare one.</summary>
    public int CellsPerPeriod => Spare + Keys;

    public int PeriodOf(int day) => DayToPeriod[day - FirstDay];
}
