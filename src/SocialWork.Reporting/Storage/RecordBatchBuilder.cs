using NodaTime;

namespace SocialWork.Reporting;

/// <summary>
/// Appends records to a <see cref="RecordBatch"/> column by column, without per-row objects when fed from a parser
/// (the importers use the span overload). Distinct divisions, codes and programmes are interned. Not thread-safe.
/// </summary>
public sealed class RecordBatchBuilder
{
    private const int MaxCodes = ushort.MaxValue;

    private readonly Dictionary<DivisionCode, int> divisionIndex = [];
    private readonly List<DivisionCode> divisions = [];
    private readonly Dictionary<string, int> codeIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> codeLookup;
    private readonly List<ServiceCode> codes = [];
    private readonly Dictionary<string, int> programmeIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> programmeLookup;
    private readonly List<string> programmes = [string.Empty];
    private readonly Dictionary<PersonKey, int> personIndex = [];
    private readonly List<PersonKey> people = [];

    private int[] division;
    private int[] day;
    private ushort[] code;
    private ushort[] programme;
    private byte[] method;
    private byte[] targetGroup;
    private byte[] parties;
    private int[] personTimes;
    private int[] households;
    private long[] fen;
    private int[]? person;
    private RecordIdColumn? ids = new();
    private bool inDateOrder = true;
    private bool built;
    private int lastProgramme;

    /// <summary>Creates a builder.</summary>
    /// <param name="capacity">The expected number of records.</param>
    public RecordBatchBuilder(int capacity = 1024)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        codeLookup = codeIndex.GetAlternateLookup<ReadOnlySpan<char>>();
        programmeLookup = programmeIndex.GetAlternateLookup<ReadOnlySpan<char>>();
        division = new int[capacity];
        day = new int[capacity];
        code = new ushort[capacity];
        programme = new ushort[capacity];
        method = new byte[capacity];
        targetGroup = new byte[capacity];
        parties = new byte[capacity];
        personTimes = new int[capacity];
        households = new int[capacity];
        fen = new long[capacity];
    }

    /// <summary>Gets the number of records appended.</summary>
    public int Count { get; private set; }

    /// <summary>
    /// Gets a value indicating whether every record appended so far came with its id, so the batch will carry the ids
    /// (<see cref="RecordBatch.HasIds"/>). One record without an id drops them all.
    /// </summary>
    public bool HasIds => ids is not null;

    /// <summary>Appends a record.</summary>
    /// <param name="record">The record.</param>
    public void Append(ServiceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        Append(record.Division, Reporting.DayNumber.From(record.Date), Intern(record.Code.Value), record.Method, record.PersonTimes, record.Households, record.Amount.Fen, record.TargetGroup, record.Parties, record.ProgrammeId, record.Id, record.Person);
    }

    /// <summary>Appends a record's reporting fields.</summary>
    /// <param name="divisionCode">The division.</param>
    /// <param name="date">The day.</param>
    /// <param name="serviceCode">The item or domain code.</param>
    /// <param name="serviceMethod">The method.</param>
    /// <param name="personTimeCount">Person-times; not negative.</param>
    /// <param name="householdCount">Households; not negative.</param>
    /// <param name="amount">Resources linked; not negative.</param>
    /// <param name="group">The target group, if any.</param>
    /// <param name="linkage">The five-society parties.</param>
    /// <param name="programmeId">The programme, if any.</param>
    /// <param name="id">The record's id; without one, the batch carries no ids (see <see cref="HasIds"/>).</param>
    /// <param name="personKey">The pseudonymous key of the person served, if recorded.</param>
    public void Append(DivisionCode divisionCode, LocalDate date, ServiceCode serviceCode, ServiceMethod serviceMethod, int personTimeCount, int householdCount = 0, Money amount = default, TargetGroup? group = null, LinkageParties linkage = LinkageParties.None, string? programmeId = null, string? id = null, PersonKey? personKey = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(personTimeCount);
        ArgumentOutOfRangeException.ThrowIfNegative(householdCount);
        ArgumentOutOfRangeException.ThrowIfNegative(amount.Fen, nameof(amount));
        if (serviceCode.Value.Length == 0)
        {
            throw new ArgumentException("The service code must be set.", nameof(serviceCode));
        }
        if (id is not null && string.IsNullOrWhiteSpace(id))
        {
            throw new ArgumentException("The id must not be blank; pass null for a record without one.", nameof(id));
        }
        Append(divisionCode, Reporting.DayNumber.From(date), Intern(serviceCode.Value), serviceMethod, personTimeCount, householdCount, amount.Fen, group, linkage, programmeId, id, personKey);
    }

    /// <summary>
    /// Appends already-validated values with a code index from <see cref="KnownCode"/> or <see cref="Intern(ReadOnlySpan{char})"/>;
    /// an empty <paramref name="id"/> means the record has none, a null <paramref name="personKey"/> that it names no person.
    /// </summary>
    internal void Append(DivisionCode divisionCode, int dayNumber, int codeNumber, ServiceMethod serviceMethod, int personTimeCount, int householdCount, long amountFen, TargetGroup? group, LinkageParties linkage, ReadOnlySpan<char> programmeId, ReadOnlySpan<char> id, PersonKey? personKey)
    {
        ObjectDisposedException.ThrowIf(built, this);
        if (id.IsEmpty)
        {
            ids = null;
        }
        else
        {
            RefuseResidentId(id, nameof(id));
            ids?.Add(id);
        }
        if (Count == day.Length)
        {
            Grow();
        }
        var i = Count;
        division[i] = Intern(divisionCode);
        if (i > 0 && dayNumber < day[i - 1])
        {
            inDateOrder = false;
        }
        day[i] = dayNumber;
        code[i] = (ushort)codeNumber;
        programme[i] = (ushort)InternProgramme(programmeId);
        method[i] = (byte)serviceMethod;
        targetGroup[i] = group is { } g ? (byte)((int)g + 1) : (byte)0;
        parties[i] = (byte)linkage;
        personTimes[i] = personTimeCount;
        households[i] = householdCount;
        fen[i] = amountFen;
        if (personKey is { } key)
        {
            person ??= new int[day.Length];
            person[i] = InternPerson(key) + 1;
        }
        else if (person is not null)
        {
            person[i] = 0;
        }
        Count++;
    }

    /// <summary>
    /// Builds the batch: trims the columns to size and puts the records in date order (a stable counting sort). The
    /// builder hands its columns over (without a copy when they are already exact and in order) and cannot be used after.
    /// </summary>
    /// <returns>The batch.</returns>
    /// <exception cref="ObjectDisposedException">The builder has already built its batch.</exception>
    public RecordBatch Build()
    {
        ObjectDisposedException.ThrowIf(built, this);
        built = true;
        var n = Count;
        var order = inDateOrder ? null : DateOrder(n);
        var batch = new RecordBatch(
            [.. divisions],
            [.. codes],
            [.. programmes],
            new CellColumns(division, day, code, programme, method, targetGroup).Take(n, order),
            Take(parties, n, order),
            Take(personTimes, n, order),
            Take(households, n, order),
            Take(fen, n, order),
            ids?.Take(n, order),
            [.. people],
            person is null ? null : Take(person, n, order));
        ids = null;
        person = null;
        (division, day, code, programme, method, targetGroup, parties, personTimes, households, fen) = ([], [], [], [], [], [], [], [], [], []);
        return batch;
    }

    /// <summary>
    /// Joins builders filled in parallel (for example from slices of one file) into one whose columns hold exactly their
    /// records, in the order given: divisions, codes and programmes are mapped to the joined builder's indices, and each
    /// part's columns are copied into place on a thread of its own. The parts are left unchanged.
    /// </summary>
    internal static RecordBatchBuilder Concat(IReadOnlyList<RecordBatchBuilder> parts)
    {
        var all = new RecordBatchBuilder(0);
        var maps = parts.Select(p => (
            Divisions: p.divisions.Select(all.Intern).ToArray(),
            Codes: p.codes.Select(c => all.Intern(c.Value)).ToArray(),
            Programmes: p.programmes.Select(id => all.InternProgramme(id)).ToArray(),
            People: p.people.Select(k => all.InternPerson(k) + 1).Prepend(0).ToArray())).ToArray();
        var offsets = new int[parts.Count + 1];
        var lastDay = int.MinValue;
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            offsets[i + 1] = checked(offsets[i] + part.Count);
            if (part.Count > 0)
            {
                all.inDateOrder &= part.inDateOrder && part.day[0] >= lastDay;
                lastDay = part.day[part.Count - 1];
            }
        }
        var n = offsets[^1];
        all.ids = parts.All(p => p.ids is not null) ? RecordIdColumn.Concat([.. parts.Select(p => p.ids!)]) : null;
        all.person = parts.Any(p => p.person is not null) ? new int[n] : null;
        (all.division, all.day, all.code, all.programme, all.method, all.targetGroup, all.parties, all.personTimes, all.households, all.fen) = (
            GC.AllocateUninitializedArray<int>(n), GC.AllocateUninitializedArray<int>(n), GC.AllocateUninitializedArray<ushort>(n), GC.AllocateUninitializedArray<ushort>(n),
            GC.AllocateUninitializedArray<byte>(n), GC.AllocateUninitializedArray<byte>(n), GC.AllocateUninitializedArray<byte>(n),
            GC.AllocateUninitializedArray<int>(n), GC.AllocateUninitializedArray<int>(n), GC.AllocateUninitializedArray<long>(n));
        Parallel.For(0, parts.Count, i =>
        {
            var part = parts[i];
            var at = offsets[i];
            var count = part.Count;
            var (divisionMap, codeMap, programmeMap, personMap) = maps[i];
            for (var r = 0; r < count; r++)
            {
                all.division[at + r] = divisionMap[part.division[r]];
                all.code[at + r] = (ushort)codeMap[part.code[r]];
                all.programme[at + r] = (ushort)programmeMap[part.programme[r]];
            }
            Array.Copy(part.day, 0, all.day, at, count);
            Array.Copy(part.method, 0, all.method, at, count);
            Array.Copy(part.targetGroup, 0, all.targetGroup, at, count);
            Array.Copy(part.parties, 0, all.parties, at, count);
            Array.Copy(part.personTimes, 0, all.personTimes, at, count);
            Array.Copy(part.households, 0, all.households, at, count);
            Array.Copy(part.fen, 0, all.fen, at, count);
            if (part.person is { } people)
            {
                for (var r = 0; r < count; r++)
                {
                    all.person![at + r] = personMap[people[r]];
                }
            }
        });
        all.Count = n;
        return all;
    }

    /// <summary>A builder for an importer: it keeps ids unless <see cref="RecordImportOptions.KeepIds"/> is off.</summary>
    internal static RecordBatchBuilder ForImport(int capacity, RecordImportOptions options)
    {
        var builder = new RecordBatchBuilder(capacity);
        if (!options.KeepIds)
        {
            builder.ids = null;
        }
        return builder;
    }

    /// <summary>Finds the index of a code appended before (and so known to be valid), or -1.</summary>
    internal int KnownCode(ReadOnlySpan<char> serviceCode) => codeLookup.TryGetValue(serviceCode, out var index) ? index : -1;

    internal int Intern(ReadOnlySpan<char> serviceCode)
    {
        if (codeLookup.TryGetValue(serviceCode, out var index))
        {
            return index;
        }
        if (codes.Count >= MaxCodes)
        {
            throw new InvalidOperationException($"A record batch holds at most {MaxCodes} distinct service codes.");
        }
        RefuseResidentId(serviceCode, nameof(serviceCode));
        var text = serviceCode.ToString();
        codes.Add(ServiceCode.Parse(text));
        codeIndex.Add(text, codes.Count - 1);
        return codes.Count - 1;
    }

    private int Intern(DivisionCode divisionCode)
    {
        if (!divisionIndex.TryGetValue(divisionCode, out var index))
        {
            index = divisions.Count;
            divisionIndex.Add(divisionCode, index);
            divisions.Add(divisionCode);
        }
        return index;
    }

    private int InternPerson(PersonKey key)
    {
        if (personIndex.TryGetValue(key, out var index))
        {
            return index;
        }
        people.Add(key);
        personIndex.Add(key, people.Count - 1);
        return people.Count - 1;
    }

    private int InternProgramme(ReadOnlySpan<char> programmeId)
    {
        if (programmeId.IsEmpty)
        {
            return 0;
        }
        if (programmeId.SequenceEqual(programmes[lastProgramme]))
        {
            return lastProgramme;
        }
        if (programmeLookup.TryGetValue(programmeId, out var index))
        {
            return lastProgramme = index;
        }
        if (programmes.Count >= MaxCodes)
        {
            throw new InvalidOperationException($"A record batch holds at most {MaxCodes - 1} distinct programmes.");
        }
        RefuseResidentId(programmeId, nameof(programmeId));
        var text = programmeId.ToString();
        programmes.Add(text);
        programmeIndex.Add(text, programmes.Count - 1);
        return lastProgramme = programmes.Count - 1;
    }

    /// <summary>
    /// Refuses a text value that holds a valid resident ID number, so no batch — and so no store — ever holds one, whoever
    /// builds it (importers reject such rows before they get here, with the row's line).
    /// </summary>
    private static void RefuseResidentId(ReadOnlySpan<char> value, string field)
    {
        if (ResidentIdNumber.ContainsValid(value))
        {
            throw new ArgumentException($"The {field} '{ResidentIdNumber.MaskWithin(value.ToString())}' holds a resident ID number; pseudonymise it or leave it out.", field);
        }
    }

    /// <summary>Wraps a batch's columns (not copied) in a builder, as a part for <see cref="Concat"/>, which only reads its parts.</summary>
    internal static RecordBatchBuilder Over(RecordBatch batch)
    {
        var part = new RecordBatchBuilder(0)
        {
            parties = batch.PartiesColumn,
            personTimes = batch.PersonTimesColumn,
            households = batch.HouseholdsColumn,
            fen = batch.FenColumn,
            person = batch.PersonColumn,
            ids = batch.Ids,
            Count = batch.Count,
        };
        (part.division, part.day, part.code, part.programme, part.method, part.targetGroup) = batch.Cells;
        part.divisions.AddRange(batch.Divisions);
        part.codes.AddRange(batch.Codes);
        part.programmes.Clear();
        part.programmes.AddRange(batch.Programmes);
        part.people.AddRange(batch.PersonKeys);
        return part;
    }

    private int[] DateOrder(int n) => DateOrder(day, n);

    /// <summary>A stable counting sort of the first <paramref name="n"/> days: the record indices in date order.</summary>
    internal static int[] DateOrder(int[] day, int n)
    {
        var min = int.MaxValue;
        var max = int.MinValue;
        for (var i = 0; i < n; i++)
        {
            min = Math.Min(min, day[i]);
            max = Math.Max(max, day[i]);
        }
        var starts = new int[max - min + 2];
        for (var i = 0; i < n; i++)
        {
            starts[day[i] - min + 1]++;
        }
        for (var k = 1; k < starts.Length; k++)
        {
            starts[k] += starts[k - 1];
        }
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[starts[day[i] - min]++] = i;
        }
        return order;
    }

    internal static T[] Take<T>(T[] column, int n, int[]? order)
    {
        if (order is null && column.Length == n)
        {
            return column;
        }
        var result = new T[n];
        if (order is null)
        {
            Array.Copy(column, result, n);
        }
        else
        {
            for (var i = 0; i < n; i++)
            {
                result[i] = column[order[i]];
            }
        }
        return result;
    }

    private void Grow()
    {
        var size = Math.Max(16, checked(day.Length * 2));
        Array.Resize(ref division, size);
        Array.Resize(ref day, size);
        Array.Resize(ref code, size);
        Array.Resize(ref programme, size);
        Array.Resize(ref method, size);
        Array.Resize(ref targetGroup, size);
        Array.Resize(ref parties, size);
        Array.Resize(ref personTimes, size);
        Array.Resize(ref households, size);
        Array.Resize(ref fen, size);
        if (person is not null)
        {
            Array.Resize(ref person, size);
        }
    }
}
