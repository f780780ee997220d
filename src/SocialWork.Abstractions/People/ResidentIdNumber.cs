using System.Globalization;

namespace SocialWork;

/// <summary>
/// Checks and masks 18-digit resident ID numbers (居民身份证号码, GB 11643-1999): six digits of the address code, eight of
/// the birth date (yyyyMMdd), three of the sequence and a check character computed by ISO 7064 MOD 11-2 (0–9 or X).
/// The library never stores, logs or echoes a number: every message shows it through <see cref="Mask"/>.
/// </summary>
public static class ResidentIdNumber
{
    /// <summary>The length of a resident ID number.</summary>
    public const int Length = 18;

    /// <summary>The weights of the first 17 characters in the MOD 11-2 check (2^(18−i) mod 11).</summary>
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    /// <summary>The check character for each remainder of the weighted sum mod 11.</summary>
    private const string CheckCharacters = "10X98765432";

    /// <summary>Computes the check character of the first 17 digits.</summary>
    /// <param name="first17">The address code, birth date and sequence: 17 digits.</param>
    /// <returns>The check character, <c>0</c>–<c>9</c> or <c>X</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="first17"/> is not 17 digits.</exception>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        Preconditions.CheckArgument(first17.Length == 17 && !first17.ContainsAnyExceptInRange('0', '9'), nameof(first17), "Expected 17 digits.");
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }
        return CheckCharacters[sum % 11];
    }

    /// <summary>
    /// Describes what is wrong with <paramref name="text"/> as a resident ID number, without repeating it; a lower-case
    /// <c>x</c> is accepted as the check character.
    /// </summary>
    /// <param name="text">The candidate.</param>
    /// <returns><see langword="null"/> when valid; otherwise one sentence that names no digit of the number.</returns>
    public static string? GetValidationError(ReadOnlySpan<char> text)
    {
        if (text.Length != Length)
        {
            return $"a resident ID number has {Length} characters; this has {text.Length}";
        }
        if (text[..17].ContainsAnyExceptInRange('0', '9'))
        {
            return "the first 17 characters of a resident ID number are digits";
        }
        if (!DateTime.TryParseExact(text.Slice(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth) || birth.Year < 1800)
        {
            return "characters 7–14 of a resident ID number are not a birth date (yyyyMMdd)";
        }
        var check = char.ToUpperInvariant(text[17]);
        return check == CheckCharacter(text[..17]) ? null : "the check character (the 18th) does not match the first 17 digits (GB 11643 MOD 11-2)";
    }

    /// <summary>Determines whether <paramref name="text"/> is a valid resident ID number (length, digits, birth date, check character).</summary>
    /// <param name="text">The candidate.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool IsValid(ReadOnlySpan<char> text) => GetValidationError(text) is null;

    /// <summary>
    /// Masks a value that may be a resident ID number for messages and files: at most the first 6 and the last 4
    /// characters stay (the address code and the end; the birth date never shows), every other character becomes
    /// <c>*</c> (<c>110105********002X</c>). A shorter value keeps a third at the start and a quarter at the end at most.
    /// </summary>
    /// <param name="text">The value.</param>
    /// <returns>The masked text, as long as the value.</returns>
    public static string Mask(ReadOnlySpan<char> text)
    {
        var head = Math.Min(6, text.Length / 3);
        var tail = Math.Min(4, text.Length / 4);
        Span<char> masked = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            masked[i] = i < head || i >= text.Length - tail ? text[i] : '*';
        }
        return new string(masked);
    }

    /// <summary>
    /// Masks, within a longer text (a rejected row as read, a message, a report's key), every run shaped like a resident
    /// ID number — 17 digits and a digit or <c>X</c>, not part of a longer run of digits (letters around it do not hide
    /// it: <c>R11010519491231002X</c> holds one) — whether its check character is right or not (a mistyped number is
    /// personal data too), as <see cref="Mask"/> does.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns>The text with such runs masked; the same instance when it has none.</returns>
    public static string MaskWithin(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        char[]? masked = null;
        for (var i = NextRun(text, 0, validOnly: false); i >= 0; i = NextRun(text, i + Length, validOnly: false))
        {
            masked ??= text.ToCharArray();
            Mask(text.AsSpan(i, Length)).CopyTo(masked.AsSpan(i));
        }
        return masked is null ? text : new string(masked);
    }

    /// <summary>
    /// Determines whether a text holds a valid resident ID number anywhere in it — a run shaped like one (as
    /// <see cref="MaskWithin"/> finds them) that passes GB 11643's checks (birth date, MOD 11-2 check character). Stores
    /// refuse every text value that does, in every column: an id, an item, a programme.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns><see langword="true"/> when a valid number is in the text.</returns>
    public static bool ContainsValid(ReadOnlySpan<char> text) => text.Length >= Length && NextRun(text, 0, validOnly: true) >= 0;

    /// <summary>The start of the next run shaped like a number (and valid, if asked) at or after <paramref name="from"/>, or -1.</summary>
    /// <remarks>
    /// A run shaped like a number is a whole run of digits — no digit just before or after it — of 18 digits, or of 17
    /// followed by <c>X</c> or <c>x</c>. Such a run covers one of every 17 positions, so the scan looks only at those and
    /// measures the digit run around a probe that is a digit: importers scan every row, most of it letters and short
    /// numbers, and a row then costs a handful of character tests.
    /// </remarks>
    private static int NextRun(ReadOnlySpan<char> text, int from, bool validOnly)
    {
        const int Digits = Length - 1;
        var probe = from + Digits - 1;
        while (probe < text.Length)
        {
            if (!char.IsAsciiDigit(text[probe]))
            {
                probe += Digits;
                continue;
            }
            var start = probe;
            while (start > from && char.IsAsciiDigit(text[start - 1]))
            {
                start--;
            }
            var end = probe + 1;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }
            var whole = start == 0 || !char.IsAsciiDigit(text[start - 1]);   // a run that began before `from` is not whole
            var shaped = end - start == Length
                || (end - start == Digits && end < text.Length && text[end] is 'X' or 'x' && (end + 1 == text.Length || !char.IsAsciiDigit(text[end + 1])));
            if (whole && shaped && (!validOnly || IsValid(text.Slice(start, Length))))
            {
                return start;
            }
            probe = end + Digits;   // the next run starts after `end`, so its 17 digits cover this position or an earlier one
        }
        return -1;
    }
}
