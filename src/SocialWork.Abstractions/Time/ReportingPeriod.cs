using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using NodaTime;

namespace SocialWork;

/// <summary>
/// A calendar reporting period: a month, quarter or year of the ISO calendar. Labels are <c>2026-03</c>,
/// <c>2026-Q1</c> and <c>2026</c>. Periods order by kind, then by time.
/// </summary>
public readonly struct ReportingPeriod : IEquatable<ReportingPeriod>, IComparable<ReportingPeriod>, ISpanFormattable, ISpanParsable<ReportingPeriod>
{
    private ReportingPeriod(PeriodKind kind, int year, int index)
    {
        Kind = kind;
        Year = year;
        Index = index;
    }

    /// <summary>Gets the kind.</summary>
    public PeriodKind Kind { get; }

    /// <summary>Gets the calendar year.</summary>
    public int Year { get; }

    /// <summary>Gets the month (1–12), quarter (1–4), or 1 for a year.</summary>
    public int Index { get; }

    /// <summary>Gets the first day of the period.</summary>
    public LocalDate Start => Kind switch
    {
        PeriodKind.Month => new LocalDate(Year, Index, 1),
        PeriodKind.Quarter => new LocalDate(Year, ((Index - 1) * 3) + 1, 1),
        _ => new LocalDate(Year, 1, 1),
    };

    /// <summary>Gets the last day of the period (inclusive); for the last period of 9999, 9999-12-31.</summary>
    public LocalDate End
    {
        get
        {
            var lastMonth = Kind switch
            {
                PeriodKind.Month => Index,
                PeriodKind.Quarter => Index * 3,
                _ => 12,
            };
            return new LocalDate(Year, lastMonth, CalendarSystem.Iso.GetDaysInMonth(Year, lastMonth));
        }
    }

    /// <summary>Gets a number that counts periods of this kind from year 0 (months: year × 12 + month − 1), for dense indexing.</summary>
    public int Ordinal => Kind switch
    {
        PeriodKind.Month => (Year * 12) + Index - 1,
        PeriodKind.Quarter => (Year * 4) + Index - 1,
        _ => Year,
    };

    /// <summary>Creates a month.</summary>
    /// <param name="year">The year, 1–9999.</param>
    /// <param name="month">The month, 1–12.</param>
    /// <returns>The period.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year or month is out of range; the parameter name says which.</exception>
    public static ReportingPeriod OfMonth(int year, int month) => Create(PeriodKind.Month, year, month, 12, nameof(month));

    /// <summary>Creates a quarter.</summary>
    /// <param name="year">The year, 1–9999.</param>
    /// <param name="quarter">The quarter, 1–4.</param>
    /// <returns>The period.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year or quarter is out of range; the parameter name says which.</exception>
    public static ReportingPeriod OfQuarter(int year, int quarter) => Create(PeriodKind.Quarter, year, quarter, 4, nameof(quarter));

    /// <summary>Creates a year.</summary>
    /// <param name="year">The year, 1–9999.</param>
    /// <returns>The period.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year is out of range.</exception>
    public static ReportingPeriod OfYear(int year) => Create(PeriodKind.Year, year, 1, 1, nameof(year));

    /// <summary>Creates a period from its <see cref="Ordinal"/>.</summary>
    /// <param name="kind">The kind.</param>
    /// <param name="ordinal">The ordinal.</param>
    /// <returns>The period.</returns>
    public static ReportingPeriod FromOrdinal(PeriodKind kind, int ordinal) => kind switch
    {
        PeriodKind.Month => OfMonth(ordinal / 12, (ordinal % 12) + 1),
        PeriodKind.Quarter => OfQuarter(ordinal / 4, (ordinal % 4) + 1),
        PeriodKind.Year => OfYear(ordinal),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, $"Undefined period kind {kind}."),
    };

    /// <summary>Gets the period of <paramref name="kind"/> that contains <paramref name="date"/>.</summary>
    /// <param name="date">The day; its calendar must be ISO.</param>
    /// <param name="kind">The kind.</param>
    /// <returns>The period.</returns>
    public static ReportingPeriod Containing(LocalDate date, PeriodKind kind) => kind switch
    {
        PeriodKind.Month => new ReportingPeriod(kind, date.Year, date.Month),
        PeriodKind.Quarter => new ReportingPeriod(kind, date.Year, ((date.Month - 1) / 3) + 1),
        PeriodKind.Year => new ReportingPeriod(kind, date.Year, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, $"Undefined period kind {kind}."),
    };

    private static ReportingPeriod Create(PeriodKind kind, int year, int index, int max, string indexName)
    {
        if (year is < 1 or > 9999)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"The year must be between 1 and 9999; was {year}.");
        }
        if (index < 1 || index > max)
        {
            throw new ArgumentOutOfRangeException(indexName, index, $"The {indexName} must be between 1 and {max}; was {index}.");
        }
        return new ReportingPeriod(kind, year, index);
    }

    /// <summary>Determines whether <paramref name="date"/> falls in this period.</summary>
    /// <param name="date">The day.</param>
    /// <returns><see langword="true"/> when <c>Start &lt;= date &lt;= End</c>.</returns>
    public bool Contains(LocalDate date) => Containing(date, Kind) == this;

    /// <summary>Gets the following period of the same kind.</summary>
    /// <returns>The next period.</returns>
    /// <exception cref="InvalidOperationException">This is the last period of 9999, the end of the ISO calendar NodaTime supports.</exception>
    public ReportingPeriod Next() => End.Year == 9999 && End.Month == 12 && End.Day == 31
        ? throw new InvalidOperationException($"The period {this} is the last of the calendar; there is no period after it.")
        : Kind switch
        {
            PeriodKind.Month => Index == 12 ? new ReportingPeriod(Kind, Year + 1, 1) : new ReportingPeriod(Kind, Year, Index + 1),
            PeriodKind.Quarter => Index == 4 ? new ReportingPeriod(Kind, Year + 1, 1) : new ReportingPeriod(Kind, Year, Index + 1),
            _ => new ReportingPeriod(Kind, Year + 1, 1),
        };

    /// <summary>Parses a label: <c>2026-03</c>, <c>2026-Q1</c> or <c>2026</c>.</summary>
    /// <param name="s">The label.</param>
    /// <returns>The period.</returns>
    /// <exception cref="FormatException">The label is not one of the three forms; the message names it.</exception>
    public static ReportingPeriod Parse(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan());
    }

    /// <inheritdoc cref="Parse(string)"/>
    public static ReportingPeriod Parse(ReadOnlySpan<char> s)
        => GetParseError(s, out var result) is { } error ? throw new FormatException($"Period label '{s}' {error}.") : result;

    /// <summary>Describes what is wrong with <paramref name="s"/> as a period label, or returns <see langword="null"/> when it is one.</summary>
    /// <param name="s">The label.</param>
    /// <param name="result">The period when valid, else the default.</param>
    /// <returns>A phrase, or <see langword="null"/>.</returns>
    public static string? GetParseError(ReadOnlySpan<char> s, out ReportingPeriod result)
        => TryParse(s, out result) ? null : "is not of the form 2026-03, 2026-Q1 or 2026 (a year from 0001 to 9999)";

    /// <summary>Tries to parse a label.</summary>
    /// <param name="s">The label.</param>
    /// <param name="result">The period on success.</param>
    /// <returns><see langword="true"/> on success.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, out ReportingPeriod result)
    {
        result = default;
        if (s.Length < 4 || !TryDigits(s[..4], out var year) || year is < 1 or > 9999)
        {
            return false;
        }
        if (s.Length == 4)
        {
            result = new ReportingPeriod(PeriodKind.Year, year, 1);
            return true;
        }
        if (s.Length == 7 && s[4] == '-' && s[5] == 'Q' && s[6] is >= '1' and <= '4')
        {
            result = new ReportingPeriod(PeriodKind.Quarter, year, s[6] - '0');
            return true;
        }
        if (s.Length == 7 && s[4] == '-' && TryDigits(s[5..], out var month) && month is >= 1 and <= 12)
        {
            result = new ReportingPeriod(PeriodKind.Month, year, month);
            return true;
        }
        return false;

        static bool TryDigits(ReadOnlySpan<char> digits, out int value)
        {
            value = 0;
            foreach (var c in digits)
            {
                if (c is < '0' or > '9')
                {
                    return false;
                }
                value = (value * 10) + (c - '0');
            }
            return true;
        }
    }

    /// <summary>Tries to parse a label.</summary>
    /// <param name="s">The label.</param>
    /// <param name="result">The period on success.</param>
    /// <returns><see langword="true"/> on success.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, out ReportingPeriod result)
    {
        result = default;
        return s is not null && TryParse(s.AsSpan(), out result);
    }

    /// <summary>Formats the label: <c>2026-03</c>, <c>2026-Q1</c> or <c>2026</c>.</summary>
    /// <returns>The label.</returns>
    public override string ToString() => Kind switch
    {
        PeriodKind.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Index:D2}"),
        PeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-Q{Index}"),
        _ => Year.ToString("D4", CultureInfo.InvariantCulture),
    };

    /// <inheritdoc cref="ToString()"/>
    /// <param name="format">Ignored.</param>
    /// <param name="formatProvider">Ignored: labels are invariant.</param>
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <summary>Writes the label without allocating.</summary>
    /// <param name="destination">The span.</param>
    /// <param name="charsWritten">Characters written.</param>
    /// <param name="format">Ignored.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns><see langword="true"/> when the span was large enough.</returns>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null) => Kind switch
    {
        PeriodKind.Month => destination.TryWrite(CultureInfo.InvariantCulture, $"{Year:D4}-{Index:D2}", out charsWritten),
        PeriodKind.Quarter => destination.TryWrite(CultureInfo.InvariantCulture, $"{Year:D4}-Q{Index}", out charsWritten),
        _ => destination.TryWrite(CultureInfo.InvariantCulture, $"{Year:D4}", out charsWritten),
    };

    static ReportingPeriod IParsable<ReportingPeriod>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<ReportingPeriod>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out ReportingPeriod result) => TryParse(s, out result);

    static ReportingPeriod ISpanParsable<ReportingPeriod>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    static bool ISpanParsable<ReportingPeriod>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out ReportingPeriod result) => TryParse(s, out result);

    /// <inheritdoc />
    public bool Equals(ReportingPeriod other) => Kind == other.Kind && Year == other.Year && Index == other.Index;

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is ReportingPeriod other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Year, Index);

    /// <inheritdoc />
    public int CompareTo(ReportingPeriod other)
    {
        var byKind = Kind.CompareTo(other.Kind);
        return byKind != 0 ? byKind : Ordinal.CompareTo(other.Ordinal);
    }

    /// <summary>Equality.</summary>
    /// <param name="left">The first period.</param>
    /// <param name="right">The second period.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(ReportingPeriod left, ReportingPeriod right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">The first period.</param>
    /// <param name="right">The second period.</param>
    /// <returns><see langword="true"/> when different.</returns>
    public static bool operator !=(ReportingPeriod left, ReportingPeriod right) => !left.Equals(right);

    /// <summary>Ordering.</summary>
    /// <param name="left">The first period.</param>
    /// <param name="right">The second period.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts first.</returns>
    public static bool operator <(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) < 0;

    /// <summary>Ordering.</summary>
    /// <param name="left">The first period.</param>
    /// <param name="right">The second period.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts last.</returns>
    public static bool operator >(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) > 0;

    /// <summary>Ordering.</summary>
    /// <param name="left">The first period.</param>
    /// <param name="right">The second period.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts first or is equal.</returns>
    public static bool operator <=(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) <= 0;

    /// <summary>Ordering.</summary>
    /// <param name="left">The first period.</param>
    /// <param name="right">The second period.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts last or is equal.</returns>
    public static bool operator >=(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) >= 0;
}
