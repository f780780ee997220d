using NodaTime;

namespace SocialWork.Reporting;

/// <summary>
/// Service records stored column-wise (struct of arrays): division index, day number, code index, programme index,
/// method, target group, parties, person-times, households and fen — 31 bytes per record, with the distinct divisions,
/// codes and programmes held once. Records are kept in date order (the builder sorts them), which keeps the cube's
/// accumulator writes close together. Immutable once built; safe to read from many threads. When records name people,
/// the first cube that counts them adds the records' person order (see <see cref="Cube.Build"/>), made once and shared.
/// </summary>
public sealed class RecordBatch
{
    private PersonOrder? personOrder;
    private LocalPeople? localPeople;
    private System.Collections.ObjectModel.ReadOnlyCollection<PersonKey>? people;

    /// <summary>
    /// A batch over these columns, with its own people (<paramref name="people"/>, the person column pointing into them)
    /// or, given <paramref name="table"/>, with the person column holding 1 + an index into that table (see <see cref="PeopleTable"/>).
    /// </summary>
    internal RecordBatch(
        DivisionCode[] divisions,
        ServiceCode[] codes,
        string[] programmes,
        CellColumns cells,
        byte[] parties,
        int[] personTimes,
        int[] households,
        long[] fen,
        RecordIdColumn? ids,
        PersonKey[] people,
        int[]? person,
        PersonKeyTable? table = null)
    {
        if (table is null)
        {
            localPeople = new LocalPeople(people, person, null);
        }
        else
        {
            (PeopleTable, TableColumn) = (table, person);
        }
        Ids = ids;
        Divisions = divisions;
        Codes = codes;
        Programmes = programmes;
        Cells = cells;
        PartiesColumn = parties;
        PersonTimesColumn = personTimes;
        HouseholdsColumn = households;
        FenColumn = fen;
        FirstDay = cells.Count == 0 ? 0 : cells.Day[0];
        DayStarts = IndexDays(cells.Day);
        var max = 0L;
        foreach (var f in fen)
        {
            max = Math.Max(max, f);
        }
        MaxFen = max;
    }

    /// <summary>Gets an empty batch.</summary>
    public static RecordBatch Empty { get; } = new RecordBatchBuilder().Build();

    /// <summary>Gets the number of records.</summary>
    public int Count => Cells.Day.Length;

    /// <summary>
    /// Gets a value indicating whether the batch carries its records' ids. Importers keep them unless
    /// <see cref="RecordImportOptions.KeepIds"/> is off; a store needs them to keep ids unique across appends.
    /// </summary>
    public bool HasIds => Ids is not null;

    /// <summary>Gets a value indicating whether any record names the person served (a <see cref="PersonKey"/>).</summary>
    public bool HasPeople => PersonColumn is not null && People.Count > 0;

    /// <summary>Gets the distinct person keys; <see cref="PersonIndices"/> points into this list.</summary>
    public IReadOnlyList<PersonKey> People => people ??= Array.AsReadOnly(PersonKeys);

    /// <summary>
    /// Gets the person of each record: 0 for none, otherwise 1 + the index into <see cref="People"/>; empty when no record
    /// names one (the column then takes no memory).
    /// </summary>
    public ReadOnlySpan<int> PersonIndices => PersonColumn;

    /// <summary>Gets the person served by record <paramref name="index"/>, if recorded.</summary>
    /// <param name="index">The record's position in the batch.</param>
    /// <returns>The key, or <see langword="null"/>.</returns>
    /// <exception cref="IndexOutOfRangeException"><paramref name="index"/> is outside the batch.</exception>
    public PersonKey? PersonAt(int index)
    {
        _ = Cells.Day[index];
        return PersonColumn is { } column && column[index] > 0 ? People[column[index] - 1] : null;
    }

    /// <summary>Gets the id of record <paramref name="index"/>.</summary>
    /// <param name="index">The record's position in the batch.</param>
    /// <returns>The id.</returns>
    /// <exception cref="InvalidOperationException">The batch carries no ids (<see cref="HasIds"/> is false).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the batch.</exception>
    public string IdAt(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return (Ids ?? throw new InvalidOperationException("The batch carries no record ids.")).ToString(index);
    }

    /// <summary>Gets the characters of record <paramref name="index"/>'s id, without making a string.</summary>
    /// <param name="index">The record's position in the batch.</param>
    /// <returns>The id's characters (valid as long as the batch).</returns>
    /// <exception cref="InvalidOperationException">The batch carries no ids (<see cref="HasIds"/> is false).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the batch.</exception>
    public ReadOnlySpan<char> IdSpanAt(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return (Ids ?? throw new InvalidOperationException("The batch carries no record ids."))[index];
    }

    /// <summary>Gets the distinct divisions; <see cref="DivisionIndices"/> points into this list.</summary>
    public IReadOnlyList<DivisionCode> Divisions { get; }

    /// <summary>Gets the distinct service codes; <see cref="CodeIndices"/> points into this list.</summary>
    public IReadOnlyList<ServiceCode> Codes { get; }

    /// <summary>Gets the distinct programme ids, with index 0 meaning "no programme"; <see cref="ProgrammeIndices"/> points into this list.</summary>
    public IReadOnlyList<string> Programmes { get; }

    /// <summary>Gets the division index of each record.</summary>
    public ReadOnlySpan<int> DivisionIndices => Cells.Division;

    /// <summary>Gets the day of each record as days since 1970-01-01.</summary>
    public ReadOnlySpan<int> DayNumbers => Cells.Day;

    /// <summary>Gets the code index of each record.</summary>
    public ReadOnlySpan<ushort> CodeIndices => Cells.Code;

    /// <summary>Gets the programme index of each record (0 = none).</summary>
    public ReadOnlySpan<ushort> ProgrammeIndices => Cells.Programme;

    /// <summary>Gets the method of each record (the <see cref="ServiceMethod"/> value).</summary>
    public ReadOnlySpan<byte> Methods => Cells.Method;

    /// <summary>Gets the target group of the record at <paramref name="index"/>, or <see langword="null"/> when it names none.</summary>
    /// <param name="index">The record's position in the batch.</param>
    /// <returns>The target group, if any.</returns>
    /// <exception cref="IndexOutOfRangeException"><paramref name="index"/> is outside the batch.</exception>
    public TargetGroup? TargetGroupAt(int index) => Cells.TargetGroup[index] is var stored and > 0 ? (TargetGroup)(stored - 1) : null;

    /// <summary>Gets the five-society parties of each record (the <see cref="LinkageParties"/> flags).</summary>
    public ReadOnlySpan<byte> Parties => PartiesColumn;

    /// <summary>Gets the person-times of each record.</summary>
    public ReadOnlySpan<int> PersonTimes => PersonTimesColumn;

    /// <summary>Gets the households of each record.</summary>
    public ReadOnlySpan<int> Households => HouseholdsColumn;

    /// <summary>Gets the resources linked by each record, in fen.</summary>
    public ReadOnlySpan<long> AmountFen => FenColumn;

    /// <summary>Gets the bytes the columns use per record (31: see the type's summary).</summary>
    public static int BytesPerRecord => (4 * sizeof(int)) + (2 * sizeof(ushort)) + 3 + sizeof(long);

    /// <summary>Gets the first day of any record, if there are records.</summary>
    public LocalDate? MinDate => Count == 0 ? null : Reporting.DayNumber.ToDate(Cells.Day[0]);

    /// <summary>Gets the last day of any record, if there are records.</summary>
    public LocalDate? MaxDate => Count == 0 ? null : Reporting.DayNumber.ToDate(Cells.Day[^1]);

    /// <summary>Gets the ids as a set, checking that none repeats: what a store checks before it appends.</summary>
    /// <returns>The ids (ordinal comparison).</returns>
    /// <exception cref="InvalidOperationException">The batch carries no ids.</exception>
    /// <exception cref="RecordAlreadyStoredException">An id appears twice in the batch.</exception>
    public IReadOnlySet<string> GetUniqueIds()
    {
        var ids = Ids ?? throw new InvalidOperationException("The batch carries no record ids; a store keeps ids unique, so import with RecordImportOptions.KeepIds (the default) or build the batch from records with ids.");
        var set = new HashSet<string>(Count, StringComparer.Ordinal);
        for (var i = 0; i < Count; i++)
        {
            var id = ids.ToString(i);
            if (!set.Add(id))
            {
                throw new RecordAlreadyStoredException(id, inBatch: true);
            }
        }
        return set;
    }

    /// <summary>
    /// Gets the ids as a read-only list in record order, each id's string made when it is read — a view for handing the
    /// ids of a batch whose ids are known to be unique (an import's) to <see cref="IRecordStore.FindStoredIdsAsync"/>
    /// without a set of millions of strings. Not checked for repeats (see <see cref="EnsureUniqueIds"/>).
    /// </summary>
    /// <returns>The ids.</returns>
    /// <exception cref="InvalidOperationException">The batch carries no ids.</exception>
    public IReadOnlyList<string> GetIds() => new IdList(Ids ?? throw new InvalidOperationException("The batch carries no record ids."));

    /// <summary>
    /// Checks that no id repeats in the batch, in 8 bytes per record: a 64-bit hash of each id, sorted, and the ids
    /// themselves compared only where two hashes meet. What a store checks before it appends, without a string per id.
    /// </summary>
    /// <exception cref="InvalidOperationException">The batch carries no ids.</exception>
    /// <exception cref="RecordAlreadyStoredException">An id appears twice in the batch.</exception>
    public void EnsureUniqueIds()
    {
        var ids = Ids ?? throw new InvalidOperationException("The batch carries no record ids; a store keeps ids unique, so import with RecordImportOptions.KeepIds (the default) or build the batch from records with ids.");
        var hashes = GC.AllocateUninitializedArray<ulong>(Count);
        for (var i = 0; i < hashes.Length; i++)
        {
            hashes[i] = HashedRecordIds.Hash(ids[i]);
        }
        Array.Sort(hashes);
        var met = new HashSet<ulong>();
        for (var i = 1; i < hashes.Length; i++)
        {
            if (hashes[i] == hashes[i - 1])
            {
                met.Add(hashes[i]);
            }
        }
        if (met.Count == 0)
        {
            return;
        }

        // Some hashes meet (a repeat, or two ids with one hash): compare the ids behind them exactly.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Count; i++)
        {
            if (met.Contains(HashedRecordIds.Hash(ids[i])) && !seen.Add(ids.ToString(i)))
            {
                throw new RecordAlreadyStoredException(ids.ToString(i), inBatch: true);
            }
        }
    }

    /// <summary>Gets the person column (0 = none, else 1 + index into <see cref="People"/>), or <see langword="null"/> when no record names a person.</summary>
    internal int[]? PersonColumn => Local.Column;

    /// <summary>Gets the ids, when the batch carries them.</summary>
    internal RecordIdColumn? Ids { get; }

    /// <summary>Gets the distinct person keys (what <see cref="People"/> shows read-only).</summary>
    internal PersonKey[] PersonKeys => Local.Keys;

    /// <summary>
    /// Gets the table the records' people were numbered in when the batch was made from columns that gave one as
    /// <see cref="RecordColumns.People"/>; <see langword="null"/> otherwise. Such a batch shares the table instead of
    /// copying it; its own list of people (<see cref="People"/>) is made from it on first use.
    /// </summary>
    internal PersonKeyTable? PeopleTable { get; }

    /// <summary>Gets the person column as given with <see cref="PeopleTable"/>: 0 = none, else 1 + an index into the table.</summary>
    internal int[]? TableColumn { get; }

    /// <summary>
    /// Gets, for a batch numbered in <see cref="PeopleTable"/>, each of its own people's index in that table (the person
    /// <see cref="People"/>[i] is the table's key at <c>TableIndices[i]</c>); <see langword="null"/> for other batches.
    /// </summary>
    internal int[]? TableIndices => Local.TableIndices;

    /// <summary>The batch's own people: given, or made from the table's numbers on first use.</summary>
    private LocalPeople Local => localPeople ?? LazyInitializer.EnsureInitialized(ref localPeople, () => LocalPeople.Number(PeopleTable!, TableColumn!));

    /// <summary>
    /// Gets the records that name a person in person order, made on first use (by the first cube that counts people) and
    /// kept for every later cube of this batch; <see langword="null"/> when no record names a person.
    /// </summary>
    internal PersonOrder? PersonOrder => PersonColumn is null ? null : LazyInitializer.EnsureInitialized(ref personOrder, () => Reporting.PersonOrder.Build(this));

    /// <summary>Gets the columns each record's cube cell is made of.</summary>
    internal CellColumns Cells { get; }

    internal byte[] PartiesColumn { get; }

    internal int[] PersonTimesColumn { get; }

    internal int[] HouseholdsColumn { get; }

    internal long[] FenColumn { get; }

    /// <summary>Gets the day number of the first record (records are in date order).</summary>
    internal int FirstDay { get; }

    /// <summary>Gets, for each day from <see cref="FirstDay"/> to the last, the index of its first record; one more entry holds <see cref="Count"/>.</summary>
    internal int[] DayStarts { get; }

    /// <summary>Gets the largest amount of any record, in fen: when it times the count cannot overflow, sums need no overflow checks.</summary>
    internal long MaxFen { get; }

    private static int[] IndexDays(int[] day)
    {
        if (day.Length == 0)
        {
            return [0];
        }
        var starts = new int[day[^1] - day[0] + 2];
        var d = 0;
        for (var i = 0; i < day.Length; i++)
        {
            while (d <= day[i] - day[0])
            {
                starts[d++] = i;
            }
        }
        while (d < starts.Length)
        {
            starts[d++] = day.Length;
        }
        return starts;
    }

    /// <summary>Builds a batch from record objects.</summary>
    /// <param name="records">The records.</param>
    /// <returns>The batch.</returns>
    public static RecordBatch From(IEnumerable<ServiceRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var builder = new RecordBatchBuilder();
        foreach (var record in records)
        {
            builder.Append(record);
        }
        return builder.Build();
    }

    /// <summary>
    /// Builds a batch from columns (see <see cref="RecordColumns"/>), checking every value as an import does: indices
    /// inside their lists, defined methods, target groups and parties, days inside NodaTime's ISO range, counts and
    /// amounts not negative. Records not in date order are put in it.
    /// </summary>
    /// <param name="columns">The columns; the batch takes their arrays over.</param>
    /// <returns>The batch.</returns>
    /// <exception cref="ArgumentException">The columns differ in length, or a value is out of range (the message names the column and the record).</exception>
    public static RecordBatch FromColumns(RecordColumns columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var n = columns.DayNumbers.Length;
        foreach (var (name, length) in new[]
        {
            ("division", columns.DivisionIndices.Length), ("code", columns.CodeIndices.Length), ("programme", columns.ProgrammeIndices.Length),
            ("method", columns.Methods.Length), ("target group", columns.TargetGroups.Length), ("parties", columns.Parties.Length),
            ("person-times", columns.PersonTimes.Length), ("households", columns.Households.Length), ("amount", columns.AmountFen.Length),
        })
        {
            if (length != n)
            {
                throw new ArgumentException($"The {name} column holds {length} values; the date column {n}.", nameof(columns));
            }
        }
        if (columns.Programmes.Count == 0 || columns.Programmes[0].Length != 0)
        {
            throw new ArgumentException("The first programme must be the empty string (\"no programme\").", nameof(columns));
        }
        Check(columns.DivisionIndices, columns.Divisions.Count, "division index");
        CheckBelow(columns.CodeIndices, columns.Codes.Count, "code index");
        CheckBelow(columns.ProgrammeIndices, columns.Programmes.Count, "programme index");
        CheckBelow(columns.Methods, Enum.GetValues<ServiceMethod>().Length, "method");
        CheckBelow(columns.TargetGroups, Enum.GetValues<TargetGroup>().Length + 1, "target group");
        CheckBelow(columns.Parties, Enum.GetValues<LinkageParties>().Aggregate(0, (all, p) => all | (int)p) + 1, "parties");
        Check(columns.PersonTimes, int.MaxValue, "person-times");
        Check(columns.Households, int.MaxValue, "households");
        var inOrder = true;
        var days = columns.DayNumbers;
        for (var i = 0; i < n; i++)
        {
            if (days[i] < Reporting.DayNumber.MinValue || days[i] > Reporting.DayNumber.MaxValue)
            {
                throw new ArgumentException($"Record {i}: day number {days[i]} is outside the dates a batch holds.", nameof(columns));
            }
            if (columns.AmountFen[i] < 0)
            {
                throw new ArgumentException($"Record {i}: the amount {columns.AmountFen[i]} fen is negative.", nameof(columns));
            }
            inOrder &= i == 0 || days[i - 1] <= days[i];
        }
        if (columns.Ids is { } given && given.Count != n)
        {
            throw new ArgumentException($"The id column holds {given.Count} values; the date column {n}.", nameof(columns));
        }
        var ids = columns.Ids is { } idList ? RecordIdColumn.From(idList, nameof(columns)) : null;
        var people = columns.People ?? [];
        if (columns.PersonIndices is { } personIndices)
        {
            if (personIndices.Length != n)
            {
                throw new ArgumentException($"The person column holds {personIndices.Length} values; the date column {n}.", nameof(columns));
            }
            CheckBelow(personIndices, people.Count + 1, "person index");
        }
        var order = inOrder ? null : RecordBatchBuilder.DateOrder(days, n);
        // A table holds no default key and only grows: the batch shares it, and its numbers stay valid.
        var table = columns.PersonIndices is null ? null : people as PersonKeyTable;
        if (table is null && people.Contains(default))
        {
            throw new ArgumentException("The people list holds the default PersonKey, which is not a key.", nameof(columns));
        }
        var personColumn = columns.PersonIndices is { } numbers ? RecordBatchBuilder.Take(numbers, n, order) : null;
        return new RecordBatch(
            [.. columns.Divisions],
            [.. columns.Codes],
            [.. columns.Programmes],
            new CellColumns(columns.DivisionIndices, days, columns.CodeIndices, columns.ProgrammeIndices, columns.Methods, columns.TargetGroups).Take(n, order),
            RecordBatchBuilder.Take(columns.Parties, n, order),
            RecordBatchBuilder.Take(columns.PersonTimes, n, order),
            RecordBatchBuilder.Take(columns.Households, n, order),
            RecordBatchBuilder.Take(columns.AmountFen, n, order),
            ids?.Take(n, order),
            table is null ? people.ToArray() : [],
            personColumn,
            table);

        static void Check(int[] column, int count, string name)
        {
            for (var i = 0; i < column.Length; i++)
            {
                if ((uint)column[i] >= (uint)count && !(count == int.MaxValue && column[i] == int.MaxValue))
                {
                    throw new ArgumentException($"Record {i}: {name} {column[i]} is out of range (0 to {count - 1}).", nameof(columns));
                }
            }
        }

        static void CheckBelow<T>(T[] column, int count, string name)
            where T : struct, System.Numerics.IBinaryInteger<T>
        {
            for (var i = 0; i < column.Length; i++)
            {
                if (int.CreateTruncating(column[i]) >= count)
                {
                    throw new ArgumentException($"Record {i}: {name} {column[i]} is out of range (0 to {count - 1}).", nameof(columns));
                }
            }
        }
    }

    /// <summary>A batch's own people: the distinct keys, its person column into them, and where they come from in a <see cref="PersonKeyTable"/>.</summary>
    private sealed record LocalPeople(PersonKey[] Keys, int[]? Column, int[]? TableIndices)
    {
        /// <summary>Numbers the people of a column given in a table's numbers from 1, in the order they first appear.</summary>
        public static LocalPeople Number(PersonKeyTable table, int[] tableColumn)
        {
            // One mark per key of the table (not a hash per record): the table's count bounds every number in the column.
            var size = table.Count;
            var local = System.Buffers.ArrayPool<int>.Shared.Rent(size);
            try
            {
                Array.Clear(local, 0, size);
                var column = new int[tableColumn.Length];
                var tableIndices = new List<int>();
                for (var i = 0; i < column.Length; i++)
                {
                    var number = tableColumn[i];
                    if (number != 0)
                    {
                        ref var mine = ref local[number - 1];
                        if (mine == 0)
                        {
                            tableIndices.Add(number - 1);
                            mine = tableIndices.Count;
                        }
                        column[i] = mine;
                    }
                }
                return tableIndices.Count == 0
                    ? new LocalPeople([], null, [])
                    : new LocalPeople([.. tableIndices.Select(i => table[i])], column, [.. tableIndices]);
            }
            finally
            {
                System.Buffers.ArrayPool<int>.Shared.Return(local);
            }
        }
    }

    /// <summary>Joins batches into one (in date order), mapping their divisions, codes and programmes to shared lists.</summary>
    /// <param name="batches">The batches.</param>
    /// <returns>One batch holding every record of them.</returns>
    /// <exception cref="InvalidOperationException">The batches together hold more than 65,535 distinct codes or programmes.</exception>
    public static RecordBatch Concat(IReadOnlyList<RecordBatch> batches)
    {
        ArgumentNullException.ThrowIfNull(batches);
        return RecordBatchBuilder.Concat([.. batches.Select(RecordBatchBuilder.Over)]).Build();
    }

    /// <summary>
    /// Gets the records at <paramref name="indices"/>, a batch of its own sharing this one's lists of divisions, codes,
    /// programmes and people — to leave records out (withdrawn ones, say) without copying the lists.
    /// </summary>
    /// <param name="indices">Record indices, ascending and distinct (so the result stays in date order).</param>
    /// <returns>The batch of those records.</returns>
    /// <exception cref="ArgumentException">An index is out of range, or the indices are not ascending.</exception>
    public RecordBatch Select(int[] indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        for (var i = 0; i < indices.Length; i++)
        {
            if ((uint)indices[i] >= (uint)Count || (i > 0 && indices[i] <= indices[i - 1]))
            {
                throw new ArgumentException($"Record indices must be ascending, distinct and below {Count}; index {i} is {indices[i]}.", nameof(indices));
            }
        }
        var n = indices.Length;
        return new RecordBatch(
            (DivisionCode[])Divisions, (ServiceCode[])Codes, (string[])Programmes, Cells.Take(n, indices),
            RecordBatchBuilder.Take(PartiesColumn, n, indices), RecordBatchBuilder.Take(PersonTimesColumn, n, indices), RecordBatchBuilder.Take(HouseholdsColumn, n, indices),
            RecordBatchBuilder.Take(FenColumn, n, indices), Ids?.Take(n, indices), PersonKeys, PersonColumn is null ? null : RecordBatchBuilder.Take(PersonColumn, n, indices));
    }

    /// <summary>Gets the day of record <paramref name="index"/>.</summary>
    /// <param name="index">The record index.</param>
    /// <returns>The date.</returns>
    public LocalDate DateAt(int index) => Reporting.DayNumber.ToDate(Cells.Day[index]);

    /// <summary>Gets the indicators contributed by record <paramref name="index"/>.</summary>
    /// <param name="index">The record index.</param>
    /// <returns>Its indicators.</returns>
    public Indicators IndicatorsAt(int index)
    {
        Span<long> slots = stackalloc long[Indicators.Slots];
        slots[Cells.Method[index]] = 1;
        slots[Indicators.PersonTimesSlot] = PersonTimesColumn[index];
        slots[Indicators.HouseholdsSlot] = HouseholdsColumn[index];
        slots[Indicators.FenSlot] = FenColumn[index];
        return Indicators.FromSlots(slots);
    }

    /// <summary>An id column as a list of strings, each made when read.</summary>
    private sealed class IdList(RecordIdColumn ids) : IReadOnlyList<string>
    {
        public int Count => ids.Count;

        public string this[int index] => (uint)index < (uint)ids.Count ? ids.ToString(index) : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<string> GetEnumerator()
        {
            for (var i = 0; i < ids.Count; i++)
            {
                yield return ids.ToString(i);
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
