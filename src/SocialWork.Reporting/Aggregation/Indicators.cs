using System.Runtime.InteropServices;

namespace SocialWork.Reporting;

/// <summary>
/// The indicators bureaus report for a cell (a division × period × key): records, person-times, households, resources
/// linked (fen) and records per method. A commutative monoid under <c>+</c> (<see cref="Add"/>) with identity <see cref="Zero"/>,
/// so partial results from shards, threads, stations or days merge into the same answer. Arithmetic is checked: an
/// overflow throws, it never wraps.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public readonly struct Indicators : IEquatable<Indicators>
{
    /// <summary>The number of <see cref="long"/> slots an accumulator uses per cell: seven method counts, person-times, households, fen.</summary>
    internal const int Slots = 10;

    /// <summary>The method counts take the first slots; their sum is the records.</summary>
    internal const int MethodSlots = 7;

    internal const int PersonTimesSlot = MethodSlots;
    internal const int HouseholdsSlot = 8;
    internal const int FenSlot = 9;

    /// <summary>Creates indicators from their parts.</summary>
    /// <param name="visits">Home-visit records.</param>
    /// <param name="files">Case-file records.</param>
    /// <param name="casework">Casework records.</param>
    /// <param name="groups">Group-work records.</param>
    /// <param name="activities">Activity records.</param>
    /// <param name="trainings">Training records.</param>
    /// <param name="others">Records of other methods.</param>
    /// <param name="personTimes">Person-times.</param>
    /// <param name="households">Households.</param>
    /// <param name="amountFen">Resources linked, in fen.</param>
    public Indicators(long visits, long files, long casework, long groups, long activities, long trainings, long others, long personTimes, long households, long amountFen)
    {
        Visits = visits;
        Files = files;
        Casework = casework;
        Groups = groups;
        Activities = activities;
        Trainings = trainings;
        Others = others;
        PersonTimes = personTimes;
        Households = households;
        AmountFen = amountFen;
    }

    /// <summary>Gets the identity: no records.</summary>
    public static Indicators Zero => default;

    /// <summary>Gets the number of home-visit records (走访入户).</summary>
    public long Visits { get; }

    /// <summary>Gets the number of case-file records (建立档案).</summary>
    public long Files { get; }

    /// <summary>Gets the number of casework records (个案服务).</summary>
    public long Casework { get; }

    /// <summary>Gets the number of group-work records (小组活动).</summary>
    public long Groups { get; }

    /// <summary>Gets the number of themed/community activity records (主题活动).</summary>
    public long Activities { get; }

    /// <summary>Gets the number of training records (培训).</summary>
    public long Trainings { get; }

    /// <summary>Gets the number of records of other methods.</summary>
    public long Others { get; }

    /// <summary>Gets the person-times served (服务人次).</summary>
    public long PersonTimes { get; }

    /// <summary>Gets the households reached (户).</summary>
    public long Households { get; }

    /// <summary>Gets the resources linked in fen.</summary>
    public long AmountFen { get; }

    /// <summary>Gets the resources linked (慈善资源链接) as money.</summary>
    public Money Amount => Money.FromFen(AmountFen);

    /// <summary>Gets the number of records: the sum of the per-method counts.</summary>
    public long Records => checked(Visits + Files + Casework + Groups + Activities + Trainings + Others);

    /// <summary>Gets the records of <paramref name="method"/>.</summary>
    /// <param name="method">The method.</param>
    /// <returns>The count.</returns>
    public long RecordsOf(ServiceMethod method) => method switch
    {
        ServiceMethod.Visit => Visits,
        ServiceMethod.File => Files,
        ServiceMethod.Casework => Casework,
        ServiceMethod.Group => Groups,
        ServiceMethod.Activity => Activities,
        ServiceMethod.Training => Trainings,
        _ => Others,
    };

    /// <summary>Gets the indicators of one record.</summary>
    /// <param name="record">The record.</param>
    /// <returns>Its contribution.</returns>
    public static Indicators Of(ServiceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        Span<long> slots = stackalloc long[Slots];
        slots[(int)record.Method] = 1;
        slots[PersonTimesSlot] = record.PersonTimes;
        slots[HouseholdsSlot] = record.Households;
        slots[FenSlot] = record.Amount.Fen;
        return FromSlots(slots);
    }

    /// <summary>Combines two partial results (checked addition of every field).</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="OverflowException">A field overflows.</exception>
    public static Indicators operator +(Indicators left, Indicators right) => new(
        checked(left.Visits + right.Visits),
        checked(left.Files + right.Files),
        checked(left.Casework + right.Casework),
        checked(left.Groups + right.Groups),
        checked(left.Activities + right.Activities),
        checked(left.Trainings + right.Trainings),
        checked(left.Others + right.Others),
        checked(left.PersonTimes + right.PersonTimes),
        checked(left.Households + right.Households),
        checked(left.AmountFen + right.AmountFen));

    /// <summary>Combines two partial results: the named form of <c>+</c>.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="OverflowException">A field overflows.</exception>
    public static Indicators Add(Indicators left, Indicators right) => left + right;

    /// <summary>Sums a sequence.</summary>
    /// <param name="parts">The parts.</param>
    /// <returns>The sum; <see cref="Zero"/> for none.</returns>
    public static Indicators Sum(IEnumerable<Indicators> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var total = Zero;
        foreach (var part in parts)
        {
            total += part;
        }
        return total;
    }

    /// <summary>Writes the fields into accumulator slots (the inverse of <see cref="FromSlots"/>).</summary>
    internal void CopyTo(Span<long> s)
    {
        s[0] = Visits;
        s[1] = Files;
        s[2] = Casework;
        s[3] = Groups;
        s[4] = Activities;
        s[5] = Trainings;
        s[6] = Others;
        s[PersonTimesSlot] = PersonTimes;
        s[HouseholdsSlot] = Households;
        s[FenSlot] = AmountFen;
    }

    internal static Indicators FromSlots(ReadOnlySpan<long> s) => new(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[PersonTimesSlot], s[HouseholdsSlot], s[FenSlot]);

    /// <inheritdoc />
    public bool Equals(Indicators other) =>
        Visits == other.Visits && Files == other.Files && Casework == other.Casework && Groups == other.Groups && Activities == other.Activities
        && Trainings == other.Trainings && Others == other.Others && PersonTimes == other.PersonTimes && Households == other.Households && AmountFen == other.AmountFen;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Indicators other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(HashCode.Combine(Visits, Files, Casework, Groups, Activities), HashCode.Combine(Trainings, Others, PersonTimes, Households, AmountFen));

    /// <summary>Equality.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns><see langword="true"/> when every field is equal.</returns>
    public static bool operator ==(Indicators left, Indicators right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns><see langword="true"/> when a field differs.</returns>
    public static bool operator !=(Indicators left, Indicators right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString()
        => $"records {Records}, person-times {PersonTimes}, households {Households}, amount {Amount}, visits {Visits}, files {Files}, casework {Casework}, groups {Groups}, activities {Activities}, trainings {Trainings}, others {Others}";
}
