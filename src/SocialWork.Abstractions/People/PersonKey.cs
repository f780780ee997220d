using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;

namespace SocialWork;

/// <summary>
/// A pseudonymous key for a person served: HMAC-SHA256 of the resident ID number under a secret the bureau holds,
/// written as 43 base64url characters. The same number and secret give the same key, so people can be counted without
/// the number; without the secret the key cannot be turned back into the number or checked against a guess.
/// </summary>
/// <remarks>
/// The key holds its 32 bytes inline (a value, like a <see cref="Guid"/>), so comparing and hashing keys touches no other
/// memory — what counting millions of distinct people needs — and <see cref="Value"/> writes the text when asked.
/// </remarks>
public readonly record struct PersonKey : IComparable<PersonKey>, ISpanFormattable, ISpanParsable<PersonKey>
{
    /// <summary>The length of a key's text: 32 bytes of HMAC-SHA256 in base64url without padding.</summary>
    public const int Length = 43;

    /// <summary>The number of bytes a key holds: one HMAC-SHA256 (see <see cref="FromBytes"/> and <see cref="TryWriteBytes"/>).</summary>
    public const int ByteCount = 32;

    /// <summary>The fewest bytes a secret may have (the HMAC-SHA256 block's half; shorter secrets are guessable).</summary>
    public const int MinSecretBytes = 16;

    private readonly ulong first;
    private readonly ulong second;
    private readonly ulong third;
    private readonly ulong fourth;
    private readonly bool made;

    private PersonKey(ReadOnlySpan<byte> mac)
    {
        first = BinaryPrimitives.ReadUInt64LittleEndian(mac);
        second = BinaryPrimitives.ReadUInt64LittleEndian(mac[8..]);
        third = BinaryPrimitives.ReadUInt64LittleEndian(mac[16..]);
        fourth = BinaryPrimitives.ReadUInt64LittleEndian(mac[24..]);
        made = true;
    }

    /// <summary>Gets the key's text (43 base64url characters).</summary>
    public string Value => made
        ? string.Create(Length, this, static (chars, key) => key.TryFormat(chars, out _))
        : throw new InvalidOperationException("The default PersonKey has no value; make keys with Pseudonymize or Parse.");

    /// <summary>Writes the key's text (43 base64url characters) into <paramref name="destination"/>.</summary>
    /// <param name="destination">At least <see cref="Length"/> characters.</param>
    /// <param name="charsWritten">The characters written: <see cref="Length"/>, or 0 on failure.</param>
    /// <returns><see langword="false"/> when the destination is too short or the key is the default.</returns>
    public bool TryFormat(Span<char> destination, out int charsWritten)
    {
        charsWritten = 0;
        if (!made || destination.Length < Length)
        {
            return false;
        }
        Span<byte> mac = stackalloc byte[ByteCount];
        TryWriteBytes(mac);
        charsWritten = Base64Url.EncodeToChars(mac, destination);
        return charsWritten == Length;
    }

    /// <summary>
    /// Writes the key's 32 bytes (the HMAC-SHA256 its text encodes) into <paramref name="destination"/>: the compact form
    /// a store keeps instead of the text, read back by <see cref="FromBytes"/>.
    /// </summary>
    /// <param name="destination">At least <see cref="ByteCount"/> bytes.</param>
    /// <returns><see langword="false"/> when the destination is too short or the key is the default.</returns>
    public bool TryWriteBytes(Span<byte> destination)
    {
        if (!made || destination.Length < ByteCount)
        {
            return false;
        }
        BinaryPrimitives.WriteUInt64LittleEndian(destination, first);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[8..], second);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[16..], third);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[24..], fourth);
        return true;
    }

    /// <summary>Makes a key from its 32 bytes, as <see cref="TryWriteBytes"/> writes them.</summary>
    /// <param name="bytes">Exactly <see cref="ByteCount"/> bytes.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentException"><paramref name="bytes"/> is not <see cref="ByteCount"/> bytes long.</exception>
    public static PersonKey FromBytes(ReadOnlySpan<byte> bytes)
        => bytes.Length == ByteCount ? new PersonKey(bytes) : throw new ArgumentException($"A person key is {ByteCount} bytes; this has {bytes.Length}.", nameof(bytes));

    /// <inheritdoc />
    bool ISpanFormattable.TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) => TryFormat(destination, out charsWritten);

    /// <inheritdoc />
    string IFormattable.ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <summary>Compares keys by their bytes: an order with no meaning but a stable one (for sorted output and binary search).</summary>
    /// <param name="other">The other key.</param>
    /// <returns>The order of the two keys.</returns>
    public int CompareTo(PersonKey other)
    {
        var order = first.CompareTo(other.first);
        order = order != 0 ? order : second.CompareTo(other.second);
        order = order != 0 ? order : third.CompareTo(other.third);
        order = order != 0 ? order : fourth.CompareTo(other.fourth);
        return order != 0 ? order : made.CompareTo(other.made);
    }

    /// <summary>Orders keys as <see cref="CompareTo"/> does.</summary>
    /// <param name="left">A key.</param>
    /// <param name="right">Another key.</param>
    /// <returns>Whether <paramref name="left"/> comes first.</returns>
    public static bool operator <(PersonKey left, PersonKey right) => left.CompareTo(right) < 0;

    /// <summary>Orders keys as <see cref="CompareTo"/> does.</summary>
    /// <param name="left">A key.</param>
    /// <param name="right">Another key.</param>
    /// <returns>Whether <paramref name="left"/> comes first or is the same.</returns>
    public static bool operator <=(PersonKey left, PersonKey right) => left.CompareTo(right) <= 0;

    /// <summary>Orders keys as <see cref="CompareTo"/> does.</summary>
    /// <param name="left">A key.</param>
    /// <param name="right">Another key.</param>
    /// <returns>Whether <paramref name="left"/> comes after.</returns>
    public static bool operator >(PersonKey left, PersonKey right) => left.CompareTo(right) > 0;

    /// <summary>Orders keys as <see cref="CompareTo"/> does.</summary>
    /// <param name="left">A key.</param>
    /// <param name="right">Another key.</param>
    /// <returns>Whether <paramref name="left"/> comes after or is the same.</returns>
    public static bool operator >=(PersonKey left, PersonKey right) => left.CompareTo(right) >= 0;

    /// <summary>Tries to read a key written by <see cref="ToString"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="key">The key when valid.</param>
    /// <returns><see langword="true"/> when the text is a key.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out PersonKey key) => GetParseError(text, out key) is null;

    /// <summary>Tries to read a key written by <see cref="ToString"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="key">The key when valid.</param>
    /// <returns><see langword="true"/> when the text is a key.</returns>
    public static bool TryParse([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? text, out PersonKey key)
    {
        key = default;
        return text is not null && TryParse(text.AsSpan(), out key);
    }

    static PersonKey IParsable<PersonKey>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<PersonKey>.TryParse([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? s, IFormatProvider? provider, out PersonKey result) => TryParse(s, out result);

    static PersonKey ISpanParsable<PersonKey>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    static bool ISpanParsable<PersonKey>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out PersonKey result) => TryParse(s, out result);

    /// <summary>Makes the key of a resident ID number.</summary>
    /// <param name="residentId">The 18-character resident ID number (a lower-case <c>x</c> is read as <c>X</c>).</param>
    /// <param name="secret">The bureau's secret, at least <see cref="MinSecretBytes"/> bytes; keep it out of the data.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentException">The number is not valid (the message shows it masked) or the secret is too short.</exception>
    public static PersonKey Pseudonymize(ReadOnlySpan<char> residentId, ReadOnlySpan<byte> secret)
    {
        if (secret.Length < MinSecretBytes)
        {
            throw new ArgumentException($"The secret has {secret.Length} bytes; a pseudonymisation secret needs at least {MinSecretBytes}.", nameof(secret));
        }
        if (ResidentIdNumber.GetValidationError(residentId) is { } error)
        {
            throw new ArgumentException($"'{ResidentIdNumber.Mask(residentId)}' is not a valid resident ID number: {error}.", nameof(residentId));
        }
        Span<byte> canonical = stackalloc byte[ResidentIdNumber.Length];
        for (var i = 0; i < canonical.Length; i++)
        {
            canonical[i] = (byte)char.ToUpperInvariant(residentId[i]);
        }
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(secret, canonical, mac);
        canonical.Clear();
        return new PersonKey(mac);
    }

    /// <summary>Describes what is wrong with <paramref name="text"/> as a key, without repeating a resident ID number.</summary>
    /// <param name="text">The candidate.</param>
    /// <param name="key">The key when valid, else the default.</param>
    /// <returns><see langword="null"/> when valid; otherwise one sentence (a raw resident ID number is named as such, masked).</returns>
    public static string? GetParseError(ReadOnlySpan<char> text, out PersonKey key)
    {
        key = default;
        if (ResidentIdNumber.IsValid(text))
        {
            return $"'{ResidentIdNumber.Mask(text)}' is a raw resident ID number; pseudonymise it first (PersonKey.Pseudonymize)";
        }
        if (text.Length != Length)
        {
            return $"a person key is {Length} base64url characters; this has {text.Length}";
        }
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        Span<char> canonical = stackalloc char[Length];
        if (!Base64Url.IsValid(text, out var bytes) || bytes != HMACSHA256.HashSizeInBytes
            || !TryDecode(text, mac) || Base64Url.EncodeToChars(mac, canonical) != Length || !canonical.SequenceEqual(text))
        {
            return $"a person key is {Length} base64url characters (A-Z, a-z, 0-9, '-', '_') as Pseudonymize writes them, the last one's 2 spare bits 0; this is not";
        }
        key = new PersonKey(mac);
        return null;

        // The decoder throws rather than answer false for a last character whose spare bits are set.
        static bool TryDecode(ReadOnlySpan<char> text, Span<byte> mac)
        {
            try
            {
                return Base64Url.TryDecodeFromChars(text, mac, out var written) && written == mac.Length;
            }
            catch (FormatException)
            {
                return false;
            }
        }
    }

    /// <summary>Reads a key written by <see cref="ToString"/>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The key.</returns>
    /// <exception cref="FormatException">The text is not a key (a raw resident ID number is refused and shown masked).</exception>
    public static PersonKey Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(text.AsSpan());
    }

    /// <summary>Reads a key written by <see cref="ToString"/>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The key.</returns>
    /// <exception cref="FormatException">The text is not a key (a raw resident ID number is refused and shown masked).</exception>
    public static PersonKey Parse(ReadOnlySpan<char> text) => GetParseError(text, out var key) is { } error ? throw new FormatException(error) : key;

    /// <inheritdoc />
    public override string ToString() => made ? Value : string.Empty;
}
