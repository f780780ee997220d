using System.Diagnostics.CodeAnalysis;

namespace SocialWork;

/// <summary>
/// A 12-digit statistical division code (统计用区划代码) laid out as <c>PP CC DD TTT VVV</c>: province, prefecture,
/// county, township and village segments. Six- and nine-digit inputs are padded with zeros to twelve.
/// </summary>
/// <remarks>
/// <para>
/// Level and parent are pure arithmetic: the level is that of the lowest non-zero segment and the parent zeroes it,
/// so roll-ups need no lookup table. A non-zero segment requires every higher segment to be non-zero, with one
/// exception from the statistics bureau's table: a prefecture-level city without counties (不设区的地级市: 东莞 4419,
/// 中山 4420, 儋州 4604) codes its townships directly under the prefecture with a zero county segment, for example
/// <c>441900003000</c> 东城街道 and its villages below. Such a township's parent is the prefecture
/// (<c>441900000000</c>), and its ancestor at <see cref="DivisionLevel.County"/> is the prefecture code too: in a
/// county-level roll-up the city stands in for its own county, so totals stay equal at every level.
/// </para>
/// <para>
/// This is an immutable value type over a single <see cref="long"/>; equality and ordering are those of the number.
/// <c>default(DivisionCode)</c> is not a valid code (it formats as twelve zeros); obtain codes from
/// <see cref="Parse(string)"/>, <see cref="TryParse(ReadOnlySpan{char}, out DivisionCode)"/> or <see cref="FromValue"/>.
/// </para>
/// </remarks>
public readonly struct DivisionCode : IEquatable<DivisionCode>, IComparable<DivisionCode>, IComparable,
    ISpanFormattable, IUtf8SpanFormattable, ISpanParsable<DivisionCode>
{
    /// <summary>The number of digits of a formatted code.</summary>
    public const int Length = 12;

    private const long ProvinceUnit = 10_000_000_000L;
    private const long PrefectureUnit = 100_000_000L;
    private const long CountyUnit = 1_000_000L;
    private const long TownshipUnit = 1_000L;
    private const long MaxValue = 999_999_999_999L;

    private readonly long value;

    private DivisionCode(long value) => this.value = value;

    /// <summary>Gets the code as a number (the twelve digits read as a decimal integer).</summary>
    public long Value => value;

    /// <summary>
    /// Gets the largest <see cref="Value"/> of any division inside this one (this one's own value for a village): every
    /// division it contains has a value from <see cref="Value"/> to this, inclusive, so a sorted list or a column's
    /// min/max statistics answer "inside this division" as a range.
    /// </summary>
    public long LastContainedValue => value + (Level switch
    {
        DivisionLevel.Province => ProvinceUnit,
        DivisionLevel.Prefecture => PrefectureUnit,
        DivisionLevel.County => CountyUnit,
        DivisionLevel.Township => TownshipUnit,
        _ => 1L,
    }) - 1;

    /// <summary>Gets the province segment (digits 1–2).</summary>
    public int ProvinceSegment => (int)(value / ProvinceUnit);

    /// <summary>Gets the prefecture segment (digits 3–4).</summary>
    public int PrefectureSegment => (int)(value / PrefectureUnit % 100);

    /// <summary>Gets the county segment (digits 5–6).</summary>
    public int CountySegment => (int)(value / CountyUnit % 100);

    /// <summary>Gets the township segment (digits 7–9).</summary>
    public int TownshipSegment => (int)(value / TownshipUnit % 1000);

    /// <summary>Gets the village segment (digits 10–12).</summary>
    public int VillageSegment => (int)(value % 1000);

    /// <summary>Gets the level of this code: the level of its lowest non-zero segment.</summary>
    public DivisionLevel Level =>
        value % TownshipUnit != 0 ? DivisionLevel.Village
        : value % CountyUnit != 0 ? DivisionLevel.Township
        : value % PrefectureUnit != 0 ? DivisionLevel.County
        : value % ProvinceUnit != 0 ? DivisionLevel.Prefecture
        : DivisionLevel.Province;

    /// <summary>Gets the kind of unit, read from the segment ranges (see <see cref="DivisionKind"/>).</summary>
    public DivisionKind Kind => Level switch
    {
        DivisionLevel.Province => DivisionKind.Province,
        DivisionLevel.Prefecture => DivisionKind.Prefecture,
        DivisionLevel.County => DivisionKind.County,
        DivisionLevel.Township => TownshipSegment switch
        {
            < 100 => DivisionKind.Street,
            < 200 => DivisionKind.Town,
            < 400 => DivisionKind.Township,
            < 600 => DivisionKind.TownshipLike,
            _ => DivisionKind.OtherTownshipLevel,
        },
        _ => VillageSegment switch
        {
            < 200 => DivisionKind.ResidentsCommittee,
            < 400 => DivisionKind.VillagersCommittee,
            _ => DivisionKind.OtherVillageLevel,
        },
    };

    /// <summary>Gets a value indicating whether this code has a parent (every level but <see cref="DivisionLevel.Province"/>).</summary>
    public bool HasParent => Level != DivisionLevel.Province;

    /// <summary>Gets the parent code: this code with its lowest non-zero segment set to zero.</summary>
    /// <exception cref="InvalidOperationException">This is a province code, which has no parent.</exception>
    public DivisionCode Parent => HasParent
        ? AncestorAt(Level - 1)
        : throw new InvalidOperationException($"Division code {this} is a province and has no parent.");

    /// <summary>Creates a code from its five segments.</summary>
    /// <param name="province">Province segment, 1–99.</param>
    /// <param name="prefecture">Prefecture segment, 0–99.</param>
    /// <param name="county">County segment, 0–99.</param>
    /// <param name="township">Township segment, 0–999.</param>
    /// <param name="village">Village segment, 0–999.</param>
    /// <returns>The code.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A segment is out of range, or a non-zero segment lies under a zero one.</exception>
    public static DivisionCode FromSegments(int province, int prefecture = 0, int county = 0, int township = 0, int village = 0)
    {
        CheckSegment(province, 99, nameof(province));
        CheckSegment(prefecture, 99, nameof(prefecture));
        CheckSegment(county, 99, nameof(county));
        CheckSegment(township, 999, nameof(township));
        CheckSegment(village, 999, nameof(village));
        return FromValue((province * ProvinceUnit) + (prefecture * PrefectureUnit) + (county * CountyUnit) + (township * TownshipUnit) + village);

        static void CheckSegment(int segment, int max, string name)
        {
            if (segment < 0 || segment > max)
            {
                throw new ArgumentOutOfRangeException(name, segment, $"Division code segment {name} must be between 0 and {max}; was {segment}.");
            }
        }
    }

    /// <summary>Creates a code from its numeric value (the twelve digits read as a decimal integer).</summary>
    /// <param name="value">The value, for example <c>130602001000</c>.</param>
    /// <returns>The code.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a valid 12-digit division code.</exception>
    public static DivisionCode FromValue(long value)
    {
        if (value <= 0 || value > MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"Division code value {value} is not a 12-digit code.");
        }
        var error = Validate(value);
        return error is null
            ? new DivisionCode(value)
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"Division code '{value:D12}' {error}.");
    }

    /// <summary>Returns the ancestor of this code at <paramref name="level"/> (the code itself at its own level).</summary>
    /// <param name="level">A level at or above this code's level.</param>
    /// <returns>
    /// The ancestor code, computed by zeroing the segments below <paramref name="level"/>. For a township or village of a
    /// prefecture without counties, the ancestor at <see cref="DivisionLevel.County"/> is the prefecture's code (its
    /// <see cref="Level"/> is <see cref="DivisionLevel.Prefecture"/>).
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is below this code's level or undefined.</exception>
    public DivisionCode AncestorAt(DivisionLevel level)
    {
        if (level < DivisionLevel.Province || level > Level)
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, $"Division code {this} is at level {Level}; it has no ancestor at level {level}.");
        }
        return new DivisionCode(Truncate(value, level));
    }

    /// <summary>Determines whether this code is a strict ancestor of <paramref name="other"/> (contains it and is not it).</summary>
    /// <param name="other">The code that may lie below this one.</param>
    /// <returns><see langword="true"/> when <paramref name="other"/> lies strictly inside this division.</returns>
    public bool IsAncestorOf(DivisionCode other) => other.Level > Level && Truncate(other.value, Level) == value;

    /// <summary>Determines whether this code is <paramref name="other"/> or one of its ancestors.</summary>
    /// <param name="other">The code that may lie inside this one.</param>
    /// <returns><see langword="true"/> when <paramref name="other"/> lies inside this division or is it.</returns>
    public bool Contains(DivisionCode other) => other.value == value || IsAncestorOf(other);

    /// <summary>Parses a 6-, 9- or 12-digit division code.</summary>
    /// <param name="s">The text.</param>
    /// <returns>The code, normalised to 12 digits.</returns>
    /// <exception cref="FormatException">The text is not a valid code; the message names the value and the defect.</exception>
    public static DivisionCode Parse(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan());
    }

    /// <summary>Parses a 6-, 9- or 12-digit division code.</summary>
    /// <param name="s">The characters.</param>
    /// <returns>The code, normalised to 12 digits.</returns>
    /// <exception cref="FormatException">The text is not a valid code; the message names the value and the defect.</exception>
    public static DivisionCode Parse(ReadOnlySpan<char> s)
    {
        var error = GetParseError(s, out var result);
        return error is null ? result : throw new FormatException($"Division code '{s}' {error}.");
    }

    /// <summary>Tries to parse a 6-, 9- or 12-digit division code without allocating.</summary>
    /// <param name="s">The characters.</param>
    /// <param name="result">The code when parsing succeeds; otherwise <c>default</c>.</param>
    /// <returns><see langword="true"/> when <paramref name="s"/> is a valid code.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, out DivisionCode result) => GetParseError(s, out result) is null;

    /// <summary>Tries to parse a 6-, 9- or 12-digit division code.</summary>
    /// <param name="s">The text, may be <see langword="null"/>.</param>
    /// <param name="result">The code when parsing succeeds; otherwise <c>default</c>.</param>
    /// <returns><see langword="true"/> when <paramref name="s"/> is a valid code.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, out DivisionCode result)
    {
        if (s is null)
        {
            result = default;
            return false;
        }
        return TryParse(s.AsSpan(), out result);
    }

    /// <summary>Describes why <paramref name="s"/> is not a valid code, or returns <see langword="null"/> when it is one.</summary>
    /// <param name="s">The characters.</param>
    /// <param name="result">The code when valid.</param>
    /// <returns>A phrase such as <c>"has 11 digits; expected 6, 9 or 12"</c>, or <see langword="null"/>.</returns>
    public static string? GetParseError(ReadOnlySpan<char> s, out DivisionCode result)
    {
        result = default;
        if (s.Length is not (6 or 9 or 12))
        {
            return $"has {s.Length} characters; expected 6, 9 or 12 digits";
        }
        long v = 0;
        var nonZero = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var digit = s[i] - '0';
            if ((uint)digit > 9)
            {
                return $"contains '{s[i]}', which is not a digit";
            }
            v = (v * 10) + digit;

            // Marks the digit's segment when the digit is not 0, without a branch (digits are mostly 0 or not at random).
            nonZero |= (int)((uint)-digit >> 31) << SegmentOf[i];
        }
        for (var i = s.Length; i < Length; i++)
        {
            v *= 10;
        }

        var error = StructureError(nonZero);
        if (error is null)
        {
            result = new DivisionCode(v);
        }
        return error;
    }

    private static ReadOnlySpan<byte> SegmentOf => [0, 0, 1, 1, 2, 2, 3, 3, 3, 4, 4, 4];

    private static string? Validate(long v)
    {
        var code = new DivisionCode(v);
        int[] segments = [code.ProvinceSegment, code.PrefectureSegment, code.CountySegment, code.TownshipSegment, code.VillageSegment];
        var nonZero = 0;
        for (var i = 0; i < segments.Length; i++)
        {
            nonZero |= segments[i] != 0 ? 1 << i : 0;
        }
        return StructureError(nonZero);
    }

    /// <summary>
    /// The structure rule: a non-zero segment needs every higher segment non-zero, except the county segment, which is
    /// zero above the townships of a prefecture without counties.
    /// </summary>
    /// <param name="nonZero">Bit i set when segment i (0 province … 4 village) is non-zero.</param>
    /// <returns>The defect, or <see langword="null"/>.</returns>
    private static string? StructureError(int nonZero)
    {
        if ((nonZero & 1) == 0)
        {
            return "has a zero province segment";
        }
        if ((nonZero & 0b10) == 0 && (nonZero & 0b11100) != 0)
        {
            return "has a county, township or village segment under a zero prefecture segment";
        }
        if ((nonZero & 0b1000) == 0 && (nonZero & 0b10000) != 0)
        {
            return "has a village segment under a zero township segment";
        }
        return null;
    }

    private static long Truncate(long v, DivisionLevel level) => level switch
    {
        DivisionLevel.Province => v - (v % ProvinceUnit),
        DivisionLevel.Prefecture => v - (v % PrefectureUnit),
        DivisionLevel.County => v - (v % CountyUnit),
        DivisionLevel.Township => v - (v % TownshipUnit),
        _ => v,
    };

    /// <summary>Formats the code as twelve digits.</summary>
    /// <returns>For example <c>130602001000</c>.</returns>
    public override string ToString() => string.Create(Length, value, static (span, v) => WriteDigits(span, v, Length));

    /// <summary>
    /// Formats the code. Format <c>null</c>, empty or <c>"G"</c> gives twelve digits; <c>"S"</c> gives the shortest form
    /// that keeps the level (6 digits for county and above, 9 for a township, 12 for a village).
    /// </summary>
    /// <param name="format">The format: G or S.</param>
    /// <param name="formatProvider">Ignored: codes are always ASCII digits.</param>
    /// <returns>The formatted code.</returns>
    /// <exception cref="FormatException">The format is not G or S.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        var digits = DigitsFor(format);
        return string.Create(digits, value, (span, v) => WriteDigits(span, v / Pow10(Length - span.Length), span.Length));
    }

    /// <summary>Writes the twelve digits into a span without allocating.</summary>
    /// <param name="destination">The span to write into.</param>
    /// <param name="charsWritten">The number of characters written.</param>
    /// <returns><see langword="true"/> when the span was large enough.</returns>
    public bool TryFormat(Span<char> destination, out int charsWritten) => TryFormat(destination, out charsWritten, default, null);

    /// <inheritdoc cref="ToString(string?, IFormatProvider?)"/>
    /// <param name="destination">The span to write into.</param>
    /// <param name="charsWritten">The number of characters written.</param>
    /// <param name="format">The format: empty, G or S.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns><see langword="true"/> when the span was large enough.</returns>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        var digits = DigitsFor(format);
        if (destination.Length < digits)
        {
            charsWritten = 0;
            return false;
        }
        WriteDigits(destination, value / Pow10(Length - digits), digits);
        charsWritten = digits;
        return true;
    }

    /// <inheritdoc cref="TryFormat(Span{char}, out int, ReadOnlySpan{char}, IFormatProvider?)"/>
    /// <param name="utf8Destination">The UTF-8 span to write into.</param>
    /// <param name="bytesWritten">The number of bytes written.</param>
    /// <param name="format">The format: empty, G or S.</param>
    /// <param name="provider">Ignored.</param>
    public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        var digits = DigitsFor(format);
        if (utf8Destination.Length < digits)
        {
            bytesWritten = 0;
            return false;
        }
        var v = value / Pow10(Length - digits);
        for (var i = digits - 1; i >= 0; i--)
        {
            utf8Destination[i] = (byte)('0' + (v % 10));
            v /= 10;
        }
        bytesWritten = digits;
        return true;
    }

    private int DigitsFor(ReadOnlySpan<char> format) => format switch
    {
        [] or ['G'] or ['g'] => Length,
        ['S'] or ['s'] => Level switch
        {
            DivisionLevel.Village => 12,
            DivisionLevel.Township => 9,
            _ => 6,
        },
        _ => throw new FormatException($"Division code format '{format}' is not supported; use G (12 digits) or S (shortest)."),
    };

    private static long Pow10(int n)
    {
        long p = 1;
        for (var i = 0; i < n; i++)
        {
            p *= 10;
        }
        return p;
    }

    private static void WriteDigits(Span<char> span, long v, int digits)
    {
        for (var i = digits - 1; i >= 0; i--)
        {
            span[i] = (char)('0' + (v % 10));
            v /= 10;
        }
    }

    static DivisionCode IParsable<DivisionCode>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<DivisionCode>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out DivisionCode result) => TryParse(s, out result);

    static DivisionCode ISpanParsable<DivisionCode>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    static bool ISpanParsable<DivisionCode>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out DivisionCode result) => TryParse(s, out result);

    /// <inheritdoc />
    public bool Equals(DivisionCode other) => value == other.value;

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is DivisionCode other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => value.GetHashCode();

    /// <inheritdoc />
    public int CompareTo(DivisionCode other) => value.CompareTo(other.value);

    /// <inheritdoc />
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        DivisionCode other => CompareTo(other),
        _ => throw new ArgumentException($"Object must be of type {nameof(DivisionCode)}.", nameof(obj)),
    };

    /// <summary>Compares two codes for equality.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(DivisionCode left, DivisionCode right) => left.Equals(right);

    /// <summary>Compares two codes for inequality.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns><see langword="true"/> when different.</returns>
    public static bool operator !=(DivisionCode left, DivisionCode right) => !left.Equals(right);

    /// <summary>Orders codes numerically.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts first.</returns>
    public static bool operator <(DivisionCode left, DivisionCode right) => left.value < right.value;

    /// <summary>Orders codes numerically.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts last.</returns>
    public static bool operator >(DivisionCode left, DivisionCode right) => left.value > right.value;

    /// <summary>Orders codes numerically.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts first or is equal.</returns>
    public static bool operator <=(DivisionCode left, DivisionCode right) => left.value <= right.value;

    /// <summary>Orders codes numerically.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts last or is equal.</returns>
    public static bool operator >=(DivisionCode left, DivisionCode right) => left.value >= right.value;
}
