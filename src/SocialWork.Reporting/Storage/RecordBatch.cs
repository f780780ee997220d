using NodaTime;

namespace SocialWork.Reporting;

/// <summary>
/// Service records stored column-wise (struct of arrays): division index, day number, code index, programme index,
/// method, target group, parties, person-times, households and fen — 31 bytes per record, with the distinct divisions,
/// codes and programmes held once. Records are kept in date order (the builder sorts them), which keeps the cube's
/// accumulator writes close together. Immutable once built; safe to read from many threads.
/// </summary>
public sealed class RecordBatch
{
    internal RecordBatch(
        DivisionCode[] divisions,
        ServiceCode[] codes,
        string[] programmes,
        int[] division,
        int[] day,
        ushort[] code,
        ushort[] programme,
        byte[] method,
        byte[] targetGroup,
        byte[] parties,
        int[] personTimes,
        int[] households,
        long[] fen)
    {
        Divisions = divisions;
        Codes = codes;
        Programmes = programmes;
        DivisionColumn = division;
        DayColumn = day;
        CodeColumn = code;
        ProgrammeColumn = programme;
        MethodColumn = method;
        TargetGroupColumn = targetGroup;
        PartiesColumn = parties;
        PersonTimesColumn = personTimes;
        HouseholdsColumn = households;
        FenColumn = fen;
        FirstDay = day.Length == 0 ? 0 : day[0];
        DayStarts = IndexDays(day);
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
    public int Count => DayColumn.Length;

    /// <summary>Gets the distinct divisions; <see cref="DivisionIndices"/> points into this list.</summary>
    public IReadOnlyList<DivisionCode> Divisions { get; }

    /// <summary>Gets the distinct service codes; <see cref="CodeIndices"/> points into this list.</summary>
    public IReadOnlyList<ServiceCode> Codes { get; }

    /// <summary>Gets the distinct programme ids, with index 0 meaning "no programme"; <see cref="ProgrammeIndices"/> points into this list.</summary>
    public IReadOnlyList<string> Programmes { get; }

    /// <summary>Gets the division index of each record.</summary>
    public ReadOnlySpan<int> DivisionIndices => DivisionColumn;

    /// <summary>Gets the day of each record as days since 1970-01-01.</summary>
    public ReadOnlySpan<int> DayNumbers => DayColumn;

    /// <summary>Gets the code index of each record.</summary>
    public ReadOnlySpan<ushort> CodeIndices => CodeColumn;

    /// <summary>Gets the programme index of each record (0 = none).</summary>
    public ReadOnlySpan<ushort> ProgrammeIndices => ProgrammeColumn;

    /// <summary>Gets the method of each record (the <see cref="ServiceMethod"/> value).</summary>
    public ReadOnlySpan<byte> Methods => MethodColumn;

    /// <summary>Gets the target group of the record at <paramref name="index"/>, or <see langword="null"/> when it names none.</summary>
    /// <param name="index">The record's position in the batch.</param>
    /// <returns>The target group, if any.</returns>
    /// <exception cref="IndexOutOfRangeException"><paramref name="index"/> is outside the batch.</exception>
    public TargetGroup? TargetGroupAt(int index) => TargetGroupColumn[index] is var stored and > 0 ? (TargetGroup)(stored - 1) : null;

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
    public LocalDate? MinDate => Count == 0 ? null : Reporting.DayNumber.ToDate(DayColumn[0]);

    /// <summary>Gets the last day of any record, if there are records.</summary>
    public LocalDate? MaxDate => Count == 0 ? null : Reporting.DayNumber.ToDate(DayColumn[^1]);

    internal int[] DivisionColumn { get; }

    internal int[] DayColumn { get; }

    internal ushort[] CodeColumn { get; }

    internal ushort[] ProgrammeColumn { get; }

    internal byte[] MethodColumn { get; }

    internal byte[] TargetGroupColumn { get; }

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

    /// <summary>Gets the day of record <paramref name="index"/>.</summary>
    /// <param name="index">The record index.</param>
    /// <returns>The date.</returns>
    public LocalDate DateAt(int index) => Reporting.DayNumber.ToDate(DayColumn[index]);

    /// <summary>Gets the indicators contributed by record <paramref name="index"/>.</summary>
    /// <param name="index">The record index.</param>
    /// <returns>Its indicators.</returns>
    public Indicators IndicatorsAt(int index)
    {
        Span<long> slots = stackalloc long[Indicators.Slots];
        slots[MethodColumn[index]] = 1;
        slots[Indicators.PersonTimesSlot] = PersonTimesColumn[index];
        slots[Indicators.HouseholdsSlot] = HouseholdsColumn[index];
        slots[Indicators.FenSlot] = FenColumn[index];
        return Indicators.FromSlots(slots);
    }
}
