using System.Buffers;

namespace SocialWork.Reporting;

/// <summary>
/// Text cells for the CSV files the libraries and hosts write: quoted as RFC 4180 needs, and neutralised against
/// spreadsheet formula injection. Bureau staff open these files in Excel or WPS, which run a cell that begins with
/// <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c> (or a tab or carriage return before one) as a formula; following OWASP's advice
/// on CSV injection, such a cell is written with a leading apostrophe, which the spreadsheet shows as text. A cell
/// that is a plain number (<c>-12</c>, <c>+3.5</c>) is left as it is, so numbers stay numbers.
/// </summary>
public static class CsvText
{
    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");

    /// <summary>Formats a text value as one CSV field: neutralised when it could run as a formula, then quoted when needed.</summary>
    /// <param name="value">The value; <see langword="null"/> is written as an empty field.</param>
    /// <returns>The field, ready to be joined with commas.</returns>
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }
        var text = IsFormulaStart(value[0]) && !IsPlainNumber(value) ? "'" + value : value;
        return text.AsSpan().IndexOfAny(NeedsQuotes) < 0 ? text : $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }

    /// <summary>Determines whether a spreadsheet could read a cell that begins with <paramref name="first"/> as a formula.</summary>
    /// <param name="first">The cell's first character.</param>
    /// <returns><see langword="true"/> for <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab and carriage return.</returns>
    public static bool IsFormulaStart(char first) => first is '=' or '+' or '-' or '@' or '\t' or '\r';

    private static bool IsPlainNumber(ReadOnlySpan<char> value)
    {
        var digits = value[1..];
        var point = digits.IndexOf('.');
        return value[0] is '+' or '-'
            && digits.Length > 0
            && (point < 0 ? IsDigits(digits) : point > 0 && point < digits.Length - 1 && IsDigits(digits[..point]) && IsDigits(digits[(point + 1)..]));

        static bool IsDigits(ReadOnlySpan<char> s) => !s.ContainsAnyExceptInRange('0', '9');
    }
}
