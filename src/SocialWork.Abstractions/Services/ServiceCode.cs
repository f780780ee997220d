using System.Diagnostics.CodeAnalysis;

namespace SocialWork;

/// <summary>
/// A code in the service-item list (服务事项清单): either a domain code such as <c>EL</c> (2–8 upper-case ASCII letters)
/// or an item code such as <c>EL.01</c> or <c>EL.01.02</c> (the domain, then dot-separated segments of 2–4 digits).
/// The domain of an item is the part before the first dot.
/// </summary>
public readonly struct ServiceCode : IEquatable<ServiceCode>, IComparable<ServiceCode>, ISpanParsable<ServiceCode>
{
    private readonly string? value;

    private ServiceCode(string value) => this.value = value;

    /// <summary>Gets the code text; empty for <c>default</c>.</summary>
    public string Value => value ?? string.Empty;

    /// <summary>Gets a value indicating whether this is a domain code (no dot).</summary>
    public bool IsDomain => !Value.Contains('.', StringComparison.Ordinal);

    /// <summary>Gets the domain: the part before the first dot (the code itself for a domain code).</summary>
    public ServiceCode Domain
    {
        get
        {
            var dot = Value.IndexOf('.', StringComparison.Ordinal);
            return dot < 0 ? this : new ServiceCode(Value[..dot]);
        }
    }

    /// <summary>Gets the number of dot-separated segments after the domain (0 for a domain, 1 for <c>EL.01</c>).</summary>
    public int Depth => Value.AsSpan().Count('.');

    /// <summary>Gets the parent: the code without its last segment.</summary>
    /// <exception cref="InvalidOperationException">This is a domain code.</exception>
    public ServiceCode Parent => IsDomain
        ? throw new InvalidOperationException($"Service code '{Value}' is a domain and has no parent.")
        : new ServiceCode(Value[..Value.LastIndexOf('.')]);

    /// <summary>Parses a service code.</summary>
    /// <param name="s">The text.</param>
    /// <returns>The code.</returns>
    /// <exception cref="FormatException">The syntax is wrong; the message names the value and the defect.</exception>
    public static ServiceCode Parse(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return GetParseError(s, out _) is { } error ? throw new FormatException($"Service code '{s}' {error}.") : new ServiceCode(s);
    }

    /// <summary>Parses a service code.</summary>
    /// <param name="s">The characters.</param>
    /// <returns>The code.</returns>
    /// <exception cref="FormatException">The syntax is wrong.</exception>
    public static ServiceCode Parse(ReadOnlySpan<char> s) => Parse(s.ToString());

    /// <summary>Tries to parse a service code.</summary>
    /// <param name="s">The text.</param>
    /// <param name="result">The code on success.</param>
    /// <returns><see langword="true"/> when the syntax is right.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, out ServiceCode result)
    {
        result = s is not null && Check(s) is null ? new ServiceCode(s) : default;
        return result.value is not null;
    }

    /// <summary>Tries to parse a service code.</summary>
    /// <param name="s">The characters.</param>
    /// <param name="result">The code on success.</param>
    /// <returns><see langword="true"/> when the syntax is right.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, out ServiceCode result)
    {
        return GetParseError(s, out result) is null;
    }

    /// <summary>Describes what is wrong with the syntax of <paramref name="s"/>, or returns <see langword="null"/> when it is valid.</summary>
    /// <param name="s">The characters.</param>
    /// <param name="result">The code when valid, else the default.</param>
    /// <returns>A phrase, or <see langword="null"/>.</returns>
    public static string? GetParseError(ReadOnlySpan<char> s, out ServiceCode result)
    {
        var error = Check(s);
        result = error is null ? new ServiceCode(s.ToString()) : default;
        return error;
    }

    private static string? Check(ReadOnlySpan<char> s)
    {
        var dot = s.IndexOf('.');
        var domain = dot < 0 ? s : s[..dot];
        if (domain.Length is < 2 or > 8)
        {
            return "must start with a domain of 2 to 8 upper-case letters";
        }
        foreach (var c in domain)
        {
            if (c is < 'A' or > 'Z')
            {
                return "must start with a domain of 2 to 8 upper-case letters";
            }
        }
        if (dot < 0)
        {
            return null;
        }
        foreach (var range in s[(dot + 1)..].Split('.'))
        {
            var segment = s[(dot + 1)..][range];
            if (segment.Length is < 2 or > 4)
            {
                return "has an item segment that is not 2 to 4 digits";
            }
            foreach (var c in segment)
            {
                if (c is < '0' or > '9')
                {
                    return "has an item segment that is not 2 to 4 digits";
                }
            }
        }
        return null;
    }

    /// <summary>Determines whether this code is <paramref name="other"/> or lies under it (for example <c>EL.01</c> under <c>EL</c>).</summary>
    /// <param name="other">The possible ancestor.</param>
    /// <returns><see langword="true"/> when equal or a descendant.</returns>
    public bool IsWithin(ServiceCode other)
        => Value == other.Value || (Value.Length > other.Value.Length && Value.StartsWith(other.Value, StringComparison.Ordinal) && Value[other.Value.Length] == '.');

    /// <inheritdoc />
    public override string ToString() => Value;

    /// <summary>Writes the code into <paramref name="destination"/>.</summary>
    /// <param name="destination">The characters to write into.</param>
    /// <param name="charsWritten">The characters written (0 when the destination is too short).</param>
    /// <returns><see langword="false"/> when the destination is too short.</returns>
    public bool TryFormat(Span<char> destination, out int charsWritten)
    {
        charsWritten = Value.TryCopyTo(destination) ? Value.Length : 0;
        return charsWritten == Value.Length;
    }

    /// <inheritdoc />
    public bool Equals(ServiceCode other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ServiceCode other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc />
    public int CompareTo(ServiceCode other) => string.CompareOrdinal(Value, other.Value);

    static ServiceCode IParsable<ServiceCode>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<ServiceCode>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out ServiceCode result) => TryParse(s, out result);

    static ServiceCode ISpanParsable<ServiceCode>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    static bool ISpanParsable<ServiceCode>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out ServiceCode result) => TryParse(s, out result);

    /// <summary>Compares two codes for equality.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(ServiceCode left, ServiceCode right) => left.Equals(right);

    /// <summary>Compares two codes for inequality.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns><see langword="true"/> when different.</returns>
    public static bool operator !=(ServiceCode left, ServiceCode right) => !left.Equals(right);

    /// <summary>Orders codes ordinally.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts first.</returns>
    public static bool operator <(ServiceCode left, ServiceCode right) => left.CompareTo(right) < 0;

    /// <summary>Orders codes ordinally.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts last.</returns>
    public static bool operator >(ServiceCode left, ServiceCode right) => left.CompareTo(right) > 0;

    /// <summary>Orders codes ordinally.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts first or is equal.</returns>
    public static bool operator <=(ServiceCode left, ServiceCode right) => left.CompareTo(right) <= 0;

    /// <summary>Orders codes ordinally.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts last or is equal.</returns>
    public static bool operator >=(ServiceCode left, ServiceCode right) => left.CompareTo(right) >= 0;
}
