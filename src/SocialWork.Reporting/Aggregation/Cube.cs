namespace SocialWork.Reporting;

/// <summary>
/// Indicators grouped by division × period × key, held in dense arrays over the divisions, periods and keys that have
/// records. Build one from a <see cref="RecordBatch"/> with
/// <see cref="Build"/> (one pass over the columns, parallel with per-thread partials), roll it up to any ancestor
/// level with <see cref="RollUp"/>, and merge cubes built on disjoint batches with <see cref="Merge(Cube, Cube)"/>. Rows enumerate in
/// division, period, key order. Immutable and thread-safe.
/// </summary>
public sealed class Cube
{
    private readonly DivisionCode[] divisions;
    private readonly ReportingPeriod[] periods;
    private readonly string[] keys;
    private readonly long[] slots;
    private readonly CubePeople? people;

    internal Cube(DivisionLevel level, PeriodKind periodKind, CubeDimension dimension, DivisionCode[] divisions, ReportingPeriod[] periods, string[] keys, long[] slots, CubePeople? people, Indicators? total = null)
    {
        this.people = people;
        Level = level;
        PeriodKind = periodKind;
        Dimension = dimension;
        this.divisions = divisions;
        this.periods = periods;
        this.keys = keys;
        this.slots = slots;
        Total = total ?? SumAll(slots);
    }

    /// <summary>Gets the division level of the rows.</summary>
    public DivisionLevel Level { get; }

    /// <summary>Gets the period granularity.</summary>
    public PeriodKind PeriodKind { get; }

    /// <summary>Gets the third axis.</summary>
    public CubeDimension Dimension { get; }

    /// <summary>Gets the division axis, sorted.</summary>
    public IReadOnlyList<DivisionCode> Divisions => divisions;

    /// <summary>Gets the period axis, sorted: the periods that hold records (a cube built from records has no empty period).</summary>
    public IReadOnlyList<ReportingPeriod> Periods => periods;

    /// <summary>Gets the key axis, sorted ordinally.</summary>
    public IReadOnlyList<string> Keys => keys;

    /// <summary>Gets the total of the records: the sum of the cells, except by party, where cells overlap (<see cref="KeysOverlap"/>).</summary>
    public Indicators Total { get; }

    /// <summary>
    /// Gets a value indicating whether a record can count under several keys (<see cref="CubeDimension.Party"/>), so the
    /// keys do not add up to <see cref="Total"/>.
    /// </summary>
    public bool KeysOverlap => Dimension == CubeDimension.Party;

    /// <summary>The same cells as a cube by <paramref name="dimension"/> whose one key is <paramref name="key"/> (a party's part of a cube by party).</summary>
    internal Cube Relabel(CubeDimension dimension, string key) => new(Level, PeriodKind, dimension, divisions, periods, [key], slots, people);

    /// <summary>The same cells with the records' total given (the cells of a cube by party overlap).</summary>
    internal Cube WithTotal(Indicators total, long withoutPerson) => new(Level, PeriodKind, Dimension, divisions, periods, keys, slots, people?.WithTotal(withoutPerson), total);

    /// <summary>
    /// Gets a value indicating whether the cube knows the people behind its cells: true for a cube built from records
    /// (<see cref="Build"/>) and for roll-ups and merges of such cubes, false for one made from totals
    /// (<see cref="FromRows"/>), which carry no people.
    /// </summary>
    public bool KnowsPeople => people is not null;

    /// <summary>
    /// Gets the distinct people over the whole cube (one person served in two townships counts once) and its records
    /// that name no person.
    /// </summary>
    /// <exception cref="InvalidOperationException">The cube does not know its people (<see cref="KnowsPeople"/>).</exception>
    public PeopleCount TotalPeople => (people ?? throw NoPeople()).Total();

    /// <summary>Gets the distinct people of a cell (exact, never summed from smaller cells) and its records that name no person.</summary>
    /// <param name="division">The division.</param>
    /// <param name="period">The period.</param>
    /// <param name="key">The key (empty for <see cref="CubeDimension.None"/>).</param>
    /// <returns>The counts; zero for a cell off the axes.</returns>
    /// <exception cref="InvalidOperationException">The cube does not know its people (<see cref="KnowsPeople"/>).</exception>
    public PeopleCount PeopleAt(DivisionCode division, ReportingPeriod period, string key = "")
    {
        var known = people ?? throw NoPeople();
        var d = Array.BinarySearch(divisions, division);
        var p = Array.BinarySearch(periods, period);
        var k = Array.BinarySearch(keys, key, StringComparer.Ordinal);
        return d >= 0 && p >= 0 && k >= 0 ? known.CountOf(Offset(p, d, k, divisions.Length) / Indicators.Slots) : default;
    }

    private static InvalidOperationException NoPeople() => new("This cube was made from totals (Cube.FromRows) and carries no people; build it from records to count people.");

    /// <summary>Gets the non-empty cells in division, period, key order.</summary>
    public IEnumerable<CubeRow> Rows => RowCells().Select(cell =>
    {
        var (division, period, key) = CellAt(cell);
        return new CubeRow(division, period, key, IndicatorsAt(cell));
    });

    /// <summary>Aggregates a batch.</summary>
    /// <param name="batch">The records.</param>
    /// <param name="query">What to group by and which records to take.</param>
    /// <returns>The cube.</returns>
    /// <remarks>
    /// When records name people (<see cref="RecordBatch.HasPeople"/>), each cell also gets its exact distinct people
    /// (<see cref="PeopleAt"/>), counted in person order. The first cube built from such a batch makes that order — a
    /// copy of the columns a cell is made of, sorted by person: 18 bytes per record that names someone, kept by the
    /// batch — and every later cube of the batch, and every roll-up of them, reuses it. A cube that counts people keeps a
    /// reference to it (not to the batch) so that <see cref="RollUp"/> can count again at the new level.
    /// </remarks>
    public static Cube Build(RecordBatch batch, CubeQuery query) => CubeBuilder.Build(batch, query);

    /// <summary>
    /// Makes a cube that knows its people from cells computed elsewhere — a store's SQL that groups the records and lists
    /// each group's distinct people. The rows are taken as by <see cref="FromRows"/>;
    /// each people row gives a cell's distinct people and its records that name no one, and rows for one cell are united
    /// (a person in two of them counts once). A cell without a people row has no people: all its records name no one.
    /// The cube rolls up and merges like one built from records, counting people again at the new cells.
    /// </summary>
    /// <param name="query">The level, period kind and dimension of the cube, and its cell budget.</param>
    /// <param name="rows">The cells.</param>
    /// <param name="total">The records' total; required by <see cref="CubeDimension.Party"/>, whose cells overlap, and otherwise the sum of the rows when null.</param>
    /// <param name="people">Each cell's people.</param>
    /// <param name="totalRecordsWithoutPerson">The records that name no one over the whole cube; required by <see cref="CubeDimension.Party"/>, otherwise the cells' sum when null.</param>
    /// <returns>The cube.</returns>
    /// <exception cref="ArgumentException">A row is not of the query's shape, a people row's cell has no records, or a party cube lacks its totals.</exception>
    /// <exception cref="ReportLimitException">More cells than <see cref="CubeQuery.MaxCells"/>, or a sum does not fit.</exception>
    public static Cube FromRowsAndPeople(CubeQuery query, IEnumerable<CubeRow> rows, IEnumerable<CubePeopleRow> people, Indicators? total = null, long? totalRecordsWithoutPerson = null)
    {
        ArgumentNullException.ThrowIfNull(people);
        if (query?.Dimension == CubeDimension.Party && totalRecordsWithoutPerson is null)
        {
            throw new ArgumentException("The cells of a cube by party overlap (a record counts under each party it names): give the records without a person over the whole cube.", nameof(totalRecordsWithoutPerson));
        }
        var cube = FromRows(query!, rows, total);
        var cellCount = cube.periods.Length * cube.divisions.Length * cube.keys.Length;
        var withoutPerson = CubePeople.RecordsPerCell(cube.slots, new int[cellCount]);
        var listed = new bool[cellCount];
        var keys = new Dictionary<PersonKey, int>();
        var pairs = new List<(int Person, int Cell)>();
        foreach (var row in people)
        {
            var d = Array.BinarySearch(cube.divisions, row.Division);
            var p = Array.BinarySearch(cube.periods, row.Period);
            var k = Array.BinarySearch(cube.keys, row.Key, StringComparer.Ordinal);
            if (d < 0 || p < 0 || k < 0)
            {
                throw new ArgumentException($"People row {row.Division}/{row.Period}/{row.Key}: no row gives that cell any records.", nameof(people));
            }
            var cell = cube.Offset(p, d, k, cube.divisions.Length) / Indicators.Slots;
            withoutPerson[cell] = listed[cell] ? withoutPerson[cell] + row.RecordsWithoutPerson : row.RecordsWithoutPerson;
            listed[cell] = true;
            foreach (var person in row.People)
            {
                if (!keys.TryGetValue(person, out var index))
                {
                    keys.Add(person, index = keys.Count);
                }
                pairs.Add((index, cell));
            }
        }
        var known = CubePeople.FromPairs([.. keys.Keys], cellCount, pairs, withoutPerson);
        return new Cube(cube.Level, cube.PeriodKind, cube.Dimension, cube.divisions, cube.periods, cube.keys, cube.slots, totalRecordsWithoutPerson is { } given ? known.WithTotal(given) : known, total);
    }

    /// <summary>
    /// Makes a cube from cells computed elsewhere — a store's SQL <c>GROUP BY</c>, another system's totals. Rows with the
    /// same division, period and key are added up (partial groups merge by the monoid), and rows with no records are
    /// dropped, so the result equals <see cref="Build"/>'s when the rows are the query's groups of the same records —
    /// except for people, which totals cannot carry (<see cref="KnowsPeople"/> is false).
    /// </summary>
    /// <param name="query">The level, period kind and dimension of the cube, and its cell budget.</param>
    /// <param name="rows">The cells.</param>
    /// <param name="total">The records' total; required by <see cref="CubeDimension.Party"/>, whose cells overlap, and otherwise the sum of the rows when omitted.</param>
    /// <returns>The cube.</returns>
    /// <exception cref="ArgumentException">A row's period is not of the query's kind, or its division is below the query's level.</exception>
    /// <exception cref="ReportLimitException">More cells than <see cref="CubeQuery.MaxCells"/>, or a sum does not fit.</exception>
    public static Cube FromRows(CubeQuery query, IEnumerable<CubeRow> rows, Indicators? total = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(rows);
        if (query.Dimension == CubeDimension.Party && total is null)
        {
            throw new ArgumentException("The cells of a cube by party overlap (a record counts under each party it names): give the records' total.", nameof(total));
        }
        var cells = new Dictionary<(DivisionCode Division, ReportingPeriod Period, string Key), Indicators>();
        foreach (var row in rows)
        {
            if (row.Period.Kind != query.PeriodKind)
            {
                throw new ArgumentException($"Row {row.Division}/{row.Period}: the period is a {row.Period.Kind}; the query's are {query.PeriodKind}s.", nameof(rows));
            }
            if (row.Division.Level > query.Level)
            {
                throw new ArgumentException($"Row {row.Division}/{row.Period}: the division is a {row.Division.Level}, below the query's level {query.Level}.", nameof(rows));
            }
            ArgumentNullException.ThrowIfNull(row.Key, nameof(rows));
            if (row.Indicators.Records == 0)
            {
                continue;
            }
            var at = (row.Division, row.Period, row.Key);
            cells[at] = cells.TryGetValue(at, out var sum) ? Sum(sum, row.Indicators) : row.Indicators;
        }
        DivisionCode[] divisionAxis = [.. cells.Keys.Select(c => c.Division).Distinct().Order()];
        ReportingPeriod[] periodAxis = [.. cells.Keys.Select(c => c.Period).Distinct().Order()];
        string[] keyAxis = [.. cells.Keys.Select(c => c.Key).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        if (keyAxis.Length == 0)
        {
            keyAxis = [string.Empty];
        }
        CheckBudget(periodAxis.Length, divisionAxis.Length, keyAxis.Length, query.MaxCells);
        var slots = new long[checked((long)divisionAxis.Length * periodAxis.Length * keyAxis.Length * Indicators.Slots)];
        Span<long> cell = stackalloc long[Indicators.Slots];
        foreach (var ((division, period, key), indicators) in cells)
        {
            var p = Array.BinarySearch(periodAxis, period);
            var d = Array.BinarySearch(divisionAxis, division);
            var k = Array.BinarySearch(keyAxis, key, StringComparer.Ordinal);
            indicators.CopyTo(cell);
            cell.CopyTo(slots.AsSpan(((((p * divisionAxis.Length) + d) * keyAxis.Length) + k) * Indicators.Slots, Indicators.Slots));
        }
        return new Cube(query.Level, query.PeriodKind, query.Dimension, divisionAxis, periodAxis, keyAxis, slots, people: null, total);

        static Indicators Sum(Indicators a, Indicators b)
        {
            try
            {
                return a + b;
            }
            catch (OverflowException)
            {
                throw ReportLimitException.AmountOverflow();
            }
        }
    }

    /// <summary>Looks a cell up.</summary>
    /// <param name="division">The division.</param>
    /// <param name="period">The period.</param>
    /// <param name="key">The key (empty for <see cref="CubeDimension.None"/>).</param>
    /// <param name="indicators">The cell's indicators, or <see cref="Indicators.Zero"/>.</param>
    /// <returns><see langword="true"/> when the coordinates lie on the cube's axes.</returns>
    public bool TryGet(DivisionCode division, ReportingPeriod period, string key, out Indicators indicators)
    {
        var d = Array.BinarySearch(divisions, division);
        var p = Array.BinarySearch(periods, period);
        var k = Array.BinarySearch(keys, key, StringComparer.Ordinal);
        indicators = d >= 0 && p >= 0 && k >= 0 ? Cell(d, p, k) : Indicators.Zero;
        return d >= 0 && p >= 0 && k >= 0;
    }

    /// <summary>Gets a cell, <see cref="Indicators.Zero"/> when absent.</summary>
    /// <param name="division">The division.</param>
    /// <param name="period">The period.</param>
    /// <param name="key">The key.</param>
    public Indicators this[DivisionCode division, ReportingPeriod period, string key = ""] => TryGet(division, period, key, out var value) ? value : Indicators.Zero;

    /// <summary>Sums the cells of each division into its ancestor at <paramref name="level"/> (divisions already at or above it stay).</summary>
    /// <param name="level">A level at or above the cube's.</param>
    /// <returns>The rolled-up cube.</returns>
    public Cube RollUp(DivisionLevel level)
    {
        if (level > Level)
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, $"Cannot roll a {Level}-level cube down to {level}.");
        }
        var targets = divisions.Select(d => d.Level > level ? d.AncestorAt(level) : d).ToArray();
        var axis = targets.Distinct().Order().ToArray();
        var map = targets.Select(t => Array.BinarySearch(axis, t)).ToArray();
        var result = new long[checked(axis.Length * periods.Length * keys.Length * Indicators.Slots)];   // never more cells than this cube's
        for (var p = 0; p < periods.Length; p++)
        {
            for (var d = 0; d < divisions.Length; d++)
            {
                var from = Offset(p, d, 0, divisions.Length);
                var to = (((p * axis.Length) + map[d]) * keys.Length) * Indicators.Slots;
                AddInto(result.AsSpan(to, keys.Length * Indicators.Slots), slots.AsSpan(from, keys.Length * Indicators.Slots));
            }
        }
        CubePeople? rolled = null;
        if (people is not null)
        {
            var cellMap = new int[periods.Length * divisions.Length * keys.Length];
            for (var p = 0; p < periods.Length; p++)
            {
                for (var d = 0; d < divisions.Length; d++)
                {
                    for (var k = 0; k < keys.Length; k++)
                    {
                        cellMap[Offset(p, d, k, divisions.Length) / Indicators.Slots] = (((p * axis.Length) + map[d]) * keys.Length) + k;
                    }
                }
            }
            rolled = people.RollUp(map, axis.Length, cellMap, result, Environment.ProcessorCount, CubeQuery.DefaultMinRecordsPerThread);
        }
        return new Cube(level, PeriodKind, Dimension, axis, periods, keys, result, rolled, KeysOverlap ? Total : null);
    }

    /// <summary>Merges cubes with the same level, period kind and dimension (for example built on disjoint batches or shards).</summary>
    /// <param name="left">The first cube.</param>
    /// <param name="right">The second cube.</param>
    /// <returns>A cube over the union of the axes whose cells are the sums.</returns>
    /// <exception cref="ArgumentException">The cubes group differently, or one knows its people and the other does not (people cannot be added up).</exception>
    public static Cube Merge(Cube left, Cube right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return Merge([left, right]);
    }

    /// <summary>
    /// Merges any number of cubes with the same level, period kind and dimension in one step — what a query over many
    /// files or shards does with its partial cubes. The same as merging them two at a time, but each cell's people are
    /// counted once over all the parts instead of again at every step.
    /// </summary>
    /// <param name="cubes">The cubes; at least one.</param>
    /// <returns>A cube over the union of the axes whose cells are the sums.</returns>
    /// <exception cref="ArgumentException">No cube is given, the cubes group differently, or some know their people and others do not (people cannot be added up).</exception>
    /// <exception cref="ReportLimitException">The merged cube would have more than <see cref="CubeQuery.DefaultMaxCells"/> cells.</exception>
    public static Cube Merge(IEnumerable<Cube> cubes) => Merge(cubes, CubeQuery.DefaultMaxCells);

    /// <summary>
    /// Merges any number of cubes as <see cref="Merge(IEnumerable{Cube})"/> does, within a cell budget: the union of the
    /// parts' axes is measured (with checked arithmetic) before anything is allocated, so partial cubes that are each
    /// small cannot add up to a cube that takes the machine's memory.
    /// </summary>
    /// <param name="cubes">The cubes; at least one.</param>
    /// <param name="maxCells">The most cells the merged cube may have (a query's <see cref="CubeQuery.MaxCells"/>).</param>
    /// <returns>A cube over the union of the axes whose cells are the sums.</returns>
    /// <exception cref="ArgumentException">No cube is given, the cubes group differently, or some know their people and others do not (people cannot be added up).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxCells"/> is not positive.</exception>
    /// <exception cref="ReportLimitException">The merged cube would have more than <paramref name="maxCells"/> cells.</exception>
    public static Cube Merge(IEnumerable<Cube> cubes, long maxCells)
    {
        ArgumentNullException.ThrowIfNull(cubes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCells);
        Cube[] parts = [.. cubes];
        if (parts.Length == 0)
        {
            throw new ArgumentException("Give at least one cube to merge.", nameof(cubes));
        }
        var first = parts[0];
        foreach (var part in parts)
        {
            ArgumentNullException.ThrowIfNull(part, nameof(cubes));
            if (part.Level != first.Level || part.PeriodKind != first.PeriodKind || part.Dimension != first.Dimension)
            {
                throw new ArgumentException($"Cannot merge a {first.Level}/{first.PeriodKind}/{first.Dimension} cube with a {part.Level}/{part.PeriodKind}/{part.Dimension} cube.", nameof(cubes));
            }
            if (part.KnowsPeople != first.KnowsPeople)
            {
                throw new ArgumentException("Cannot merge a cube that knows its people with one made from totals: people are not summable, so both must be built from records (or neither counts people).", nameof(cubes));
            }
        }
        var divisionAxis = parts.SelectMany(p => p.divisions).Distinct().Order().ToArray();
        var periodAxis = parts.SelectMany(p => p.periods).Distinct().Order().ToArray();
        var keyAxis = parts.SelectMany(p => p.keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        CheckBudget(periodAxis.Length, divisionAxis.Length, keyAxis.Length, maxCells);
        var result = new long[checked(divisionAxis.Length * periodAxis.Length * keyAxis.Length * Indicators.Slots)];
        var personIndex = first.people is null ? null : new Dictionary<PersonKey, int>();
        var peopleParts = new List<(CubePeople, int[], int[]?)>();
        foreach (var part in parts)
        {
            var cellMap = new int[part.periods.Length * part.divisions.Length * part.keys.Length];
            var dMap = part.divisions.Select(d => Array.BinarySearch(divisionAxis, d)).ToArray();
            var pMap = part.periods.Select(p => Array.BinarySearch(periodAxis, p)).ToArray();
            var kMap = part.keys.Select(k => Array.BinarySearch(keyAxis, k, StringComparer.Ordinal)).ToArray();
            for (var p = 0; p < part.periods.Length; p++)
            {
                for (var d = 0; d < part.divisions.Length; d++)
                {
                    for (var k = 0; k < part.keys.Length; k++)
                    {
                        var from = part.Offset(p, d, k, part.divisions.Length);
                        var to = ((((pMap[p] * divisionAxis.Length) + dMap[d]) * keyAxis.Length) + kMap[k]) * Indicators.Slots;
                        AddInto(result.AsSpan(to, Indicators.Slots), part.slots.AsSpan(from, Indicators.Slots));
                        cellMap[from / Indicators.Slots] = to / Indicators.Slots;
                    }
                }
            }
            if (part.people is { } partPeople)
            {
                var personMap = new int[partPeople.Keys.Length];
                for (var i = 0; i < personMap.Length; i++)
                {
                    if (!personIndex!.TryGetValue(partPeople.Keys[i], out personMap[i]))
                    {
                        personIndex.Add(partPeople.Keys[i], personMap[i] = personIndex.Count);
                    }
                }
                peopleParts.Add((partPeople, cellMap, personMap));
            }
        }
        var merged = personIndex is null ? null : CubePeople.Merge(PersonKeyList.Of([.. personIndex.Keys]), divisionAxis.Length * periodAxis.Length * keyAxis.Length, peopleParts);
        if (!first.KeysOverlap)
        {
            return new Cube(first.Level, first.PeriodKind, first.Dimension, divisionAxis, periodAxis, keyAxis, result, merged);
        }
        try
        {
            var total = parts.Aggregate(Indicators.Zero, (sum, part) => sum + part.Total);
            return new Cube(first.Level, first.PeriodKind, first.Dimension, divisionAxis, periodAxis, keyAxis, result, merged?.WithTotal(parts.Sum(part => part.people!.TotalWithoutPerson)), total);
        }
        catch (OverflowException)
        {
            throw ReportLimitException.AmountOverflow();
        }
    }

    /// <summary>The same indicators without the people (for merging the indicators of cubes whose people are gathered apart).</summary>
    internal Cube WithoutPeople() => new(Level, PeriodKind, Dimension, divisions, periods, keys, slots, null, Total);

    /// <summary>Adds this cube's people to an accumulator; <paramref name="personMap"/> gives their indices in its table, when known.</summary>
    internal void AddPeopleTo(CubePeople.Accumulator accumulator, int[]? personMap) => accumulator.Add(people ?? throw NoPeople(), divisions, periods, keys, slots, personMap);

    /// <summary>Gets the number of cells: periods × divisions × keys.</summary>
    internal int CellCount => periods.Length * divisions.Length * keys.Length;

    /// <summary>Gets the non-empty cells (numbered period, division, key) in the order of <see cref="Rows"/>: division, period, key.</summary>
    internal int[] RowCells()
    {
        var cells = new List<int>();
        for (var d = 0; d < divisions.Length; d++)
        {
            for (var p = 0; p < periods.Length; p++)
            {
                for (var k = 0; k < keys.Length; k++)
                {
                    var offset = Offset(p, d, k, divisions.Length);
                    if (Indicators.FromSlots(slots.AsSpan(offset, Indicators.Slots)).Records != 0)
                    {
                        cells.Add(offset / Indicators.Slots);
                    }
                }
            }
        }
        return [.. cells];
    }

    /// <summary>Gets where a cell is: its division, period and key.</summary>
    internal (DivisionCode Division, ReportingPeriod Period, string Key) CellAt(int cell)
        => (divisions[cell / keys.Length % divisions.Length], periods[cell / keys.Length / divisions.Length], keys[cell % keys.Length]);

    /// <summary>Gets the keys of the cube's cells, in key order.</summary>
    internal IReadOnlyList<string> KeyAxis => keys;

    /// <summary>Gets the index of a cell's key in <see cref="KeyAxis"/>.</summary>
    internal int KeyIndexAt(int cell) => cell % keys.Length;

    /// <summary>Gets a cell's indicators.</summary>
    internal Indicators IndicatorsAt(int cell) => Indicators.FromSlots(slots.AsSpan(cell * Indicators.Slots, Indicators.Slots));

    /// <summary>Gets a cell's people (the cube must know them).</summary>
    internal PeopleCount PeopleAtCell(int cell) => (people ?? throw NoPeople()).CountOf(cell);

    /// <summary>Adds a batch's pairs, gathered on this cube's cells (the cube of that batch, built without people), to an accumulator.</summary>
    internal void AddPeopleTo(CubePeople.Accumulator accumulator, CubePeople.NumberedPairs pairs) => accumulator.Add(pairs, slots, divisions, periods, keys);

    /// <summary>The same indicators with the people an accumulator gathered onto this cube's cells, their keys those of its closed table.</summary>
    internal Cube WithPeopleFrom(CubePeople.Accumulator accumulator, PersonKeyList personKeys)
        => new(Level, PeriodKind, Dimension, divisions, periods, keys, slots, accumulator.ToPeople(personKeys, divisions, periods, keys, slots, KeysOverlap), Total);

    /// <summary>Throws <see cref="ReportLimitException"/> when the axes make more cells than the budget (or more than a <see cref="long"/> holds).</summary>
    internal static void CheckBudget(long periods, long divisions, long keys, long maxCells)
    {
        try
        {
            if (checked(periods * divisions * keys) <= maxCells)
            {
                return;
            }
        }
        catch (OverflowException)
        {
        }
        throw ReportLimitException.TooManyCells(periods, divisions, keys, maxCells);
    }

    private Indicators Cell(int d, int p, int k) => Indicators.FromSlots(slots.AsSpan(Offset(p, d, k, divisions.Length), Indicators.Slots));

    private int Offset(int p, int d, int k, int divisionCount) => ((((p * divisionCount) + d) * keys.Length) + k) * Indicators.Slots;

    /// <summary>Adds <paramref name="source"/> into <paramref name="target"/> slot by slot, with overflow checks.</summary>
    /// <exception cref="ReportLimitException">A sum does not fit in 64 bits.</exception>
    internal static void AddInto(Span<long> target, ReadOnlySpan<long> source)
    {
        for (var i = 0; i < source.Length; i++)
        {
            var a = target[i];
            var b = source[i];
            var sum = unchecked(a + b);
            if (((a ^ sum) & (b ^ sum)) < 0)
            {
                throw ReportLimitException.AmountOverflow();
            }
            target[i] = sum;
        }
    }

    private static Indicators SumAll(long[] slots)
    {
        Span<long> total = stackalloc long[Indicators.Slots];
        for (var i = 0; i < slots.Length; i += Indicators.Slots)
        {
            AddInto(total, slots.AsSpan(i, Indicators.Slots));
        }
        return Indicators.FromSlots(total);
    }
}
