using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace SocialWork;

/// <summary>
/// An exact amount of renminbi, stored as a whole number of fen (分, 1/100 yuan) in a <see cref="long"/>. Text is
/// yuan with at most two decimals: <c>"1700.5"</c> parses to 170,050 fen; <c>"1.234"</c> is rejected. Arithmetic is
/// checked: overflow throws <see cref="OverflowException"/>, never wraps.
/// </summary>
public readonly struct Money : IEquatable<Money>, IComparable<Money>, IComparable, ISpanFormattable, ISpanParsable<Money>
{
    /// <summary>Zero yuan.</summary>
    public static readonly Money Zero;

    private Money(long fen) => Fen = fen;

    /// <summary>Gets the amount in fen.</summary>
    public long Fen { get; }

    /// <summary>Gets the amount in yuan, exactly.</summary>
    public decimal Yuan => Fen / 100m;

    /// <summary>Creates an amount from fen.</summary>
    /// <param name="fen">The amount in fen.</param>
    /// <returns>The amount.</returns>
    public static Money FromFen(long fen) => new(fen);

    /// <summary>Creates an amount from yuan.</summary>
    /// <param name="yuan">The amount in yuan, with at most two decimals.</param>
    /// <returns>The amount.</returns>
    /// <exception cref="ArgumentException"><paramref name="yuan"/> has more than two decimals or is out of range.</exception>
    public static Money FromYuan(decimal yuan)
    {
        // Checked before multiplying: 100 × decimal.MaxValue would overflow decimal itself.
        if (yuan < long.MinValue / 100m || yuan > long.MaxValue / 100m)
        {
            throw new ArgumentOutOfRangeException(nameof(yuan), yuan, $"Amount {yuan.ToString(CultureInfo.InvariantCulture)} yuan is out of range: at most ±{(long.MaxValue / 100m).ToString("N2", CultureInfo.InvariantCulture)} yuan.");
        }
        var fen = yuan * 100m;
        if (fen != decimal.Truncate(fen))
        {
            throw new ArgumentException($"Amount {yuan.ToString(CultureInfo.InvariantCulture)} yuan has more than two decimals.", nameof(yuan));
        }
        if (fen < long.MinValue || fen > long.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(yuan), yuan, "Amount is out of range.");
        }
        return new Money((long)fen);
    }

    /// <summary>Parses yuan with at most two decimals, for example <c>17000</c>, <c>1700.5</c>, <c>-0.05</c>.</summary>
    /// <param name="s">The text.</param>
    /// <returns>The amount.</returns>
    /// <exception cref="FormatException">The text is not such a number; the message names the value and the defect.</exception>
    public static Money Parse(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan());
    }

    /// <inheritdoc cref="Parse(string)"/>
    public static Money Parse(ReadOnlySpan<char> s)
    {
        var error = GetParseError(s, out var result);
        return error is null ? result : throw new FormatException($"Amount '{s}' {error}.");
    }

    /// <summary>Tries to parse yuan with at most two decimals, without allocating.</summary>
    /// <param name="s">The characters.</param>
    /// <param name="result">The amount on success.</param>
    /// <returns><see langword="true"/> on success.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, out Money result) => GetParseError(s, out result) is null;

    /// <summary>Tries to parse yuan with at most two decimals.</summary>
    /// <param name="s">The text.</param>
    /// <param name="result">The amount on success.</param>
    /// <returns><see langword="true"/> on success.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, out Money result)
    {
        if (s is null)
        {
            result = default;
            return false;
        }
        return TryParse(s.AsSpan(), out result);
    }

    /// <summary>Describes why <paramref name="s"/> is not an amount, or returns <see langword="null"/> when it is one.</summary>
    /// <param name="s">The characters.</param>
    /// <param name="result">The amount when valid.</param>
    /// <returns>A phrase such as <c>"has more than two decimals"</c>, or <see langword="null"/>.</returns>
    public static string? GetParseError(ReadOnlySpan<char> s, out Money result)
    {
        result = default;
        var negative = s.Length > 0 && s[0] == '-';
        var body = negative ? s[1..] : s;
        var dot = body.IndexOf('.');
        var whole = dot < 0 ? body : body[..dot];
        var fraction = dot < 0 ? [] : body[(dot + 1)..];
        if (whole.IsEmpty)
        {
            return "is not a number of yuan";
        }
        if (dot >= 0 && fraction.IsEmpty)
        {
            return "has a decimal point with no digits after it";
        }
        if (fraction.Length > 2)
        {
            return "has more than two decimals";
        }
        long fen = 0;
        try
        {
            foreach (var c in whole)
            {
                var d = c - '0';
                if ((uint)d > 9)
                {
                    return $"contains '{c}', which is not a digit";
                }
                fen = checked((fen * 10) + d);
            }
            for (var i = 0; i < 2; i++)
            {
                var d = i < fraction.Length ? fraction[i] - '0' : 0;
                if ((uint)d > 9)
                {
                    return $"contains '{fraction[i]}', which is not a digit";
                }
                fen = checked((fen * 10) + d);
            }
        }
        catch (OverflowException)
        {
            return "is too large";
        }
        result = new Money(negative ? -fen : fen);
        return null;
    }

    /// <summary>Formats the amount as yuan with exactly two decimals, invariant culture: <c>17000.00</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        Span<char> buffer = stackalloc char[24];
        TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture);
        return new string(buffer[..written]);
    }

    /// <inheritdoc cref="ToString()"/>
    /// <param name="format">Ignored; the format is always yuan with two decimals.</param>
    /// <param name="formatProvider">Ignored; the format is invariant.</param>
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <summary>Writes the amount as yuan with two decimals, without allocating.</summary>
    /// <param name="destination">The span.</param>
    /// <param name="charsWritten">Characters written.</param>
    /// <param name="format">Ignored.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns><see langword="true"/> when the span was large enough.</returns>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null)
    {
        var magnitude = Fen == long.MinValue ? (ulong)long.MaxValue + 1 : (ulong)Math.Abs(Fen);
        var yuan = magnitude / 100;
        var cents = (int)(magnitude % 100);
        var position = 0;
        if (Fen < 0)
        {
            if (destination.Length < 1)
            {
                charsWritten = 0;
                return false;
            }
            destination[position++] = '-';
        }
        if (!yuan.TryFormat(destination[position..], out var written, default, CultureInfo.InvariantCulture) || destination.Length < position + written + 3)
        {
            charsWritten = 0;
            return false;
        }
        position += written;
        destination[position++] = '.';
        destination[position++] = (char)('0' + (cents / 10));
        destination[position++] = (char)('0' + (cents % 10));
        charsWritten = position;
        return true;
    }

    static Money IParsable<Money>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<Money>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Money result) => TryParse(s, out result);

    static Money ISpanParsable<Money>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    static bool ISpanParsable<Money>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Money result) => TryParse(s, out result);

    /// <summary>Adds two amounts, checked.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="OverflowException">The sum does not fit.</exception>
    public static Money operator +(Money left, Money right) => new(checked(left.Fen + right.Fen));

    /// <summary>Subtracts two amounts, checked.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The difference.</returns>
    /// <exception cref="OverflowException">The difference does not fit.</exception>
    public static Money operator -(Money left, Money right) => new(checked(left.Fen - right.Fen));

    /// <summary>Multiplies an amount by a count, checked (for example a monthly allowance by months).</summary>
    /// <param name="left">The amount.</param>
    /// <param name="count">The count.</param>
    /// <returns>The product.</returns>
    /// <exception cref="OverflowException">The product does not fit.</exception>
    public static Money operator *(Money left, long count) => new(checked(left.Fen * count));

    /// <summary>Adds two amounts, checked.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The sum.</returns>
    public static Money Add(Money left, Money right) => left + right;

    /// <summary>Subtracts two amounts, checked.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The difference.</returns>
    public static Money Subtract(Money left, Money right) => left - right;

    /// <summary>Multiplies an amount by a count, checked.</summary>
    /// <param name="left">The amount.</param>
    /// <param name="count">The count.</param>
    /// <returns>The product.</returns>
    public static Money Multiply(Money left, long count) => left * count;

    /// <inheritdoc />
    public bool Equals(Money other) => Fen == other.Fen;

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is Money other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Fen.GetHashCode();

    /// <inheritdoc />
    public int CompareTo(Money other) => Fen.CompareTo(other.Fen);

    /// <inheritdoc />
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        Money other => CompareTo(other),
        _ => throw new ArgumentException($"Object must be of type {nameof(Money)}.", nameof(obj)),
    };

    /// <summary>Equality.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(Money left, Money right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when different.</returns>
    public static bool operator !=(Money left, Money right) => !left.Equals(right);

    /// <summary>Ordering.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when smaller.</returns>
    public static bool operator <(Money left, Money right) => left.Fen < right.Fen;

    /// <summary>Ordering.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when larger.</returns>
    public static bool operator >(Money left, Money right) => left.Fen > right.Fen;

    /// <summary>Ordering.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when smaller or equal.</returns>
    public static bool operator <=(Money left, Money right) => left.Fen <= right.Fen;

    /// <summary>Ordering.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when larger or equal.</returns>
    public static bool operator >=(Money left, Money right) => left.Fen >= right.Fen;
}
