using System.Globalization;

namespace SocialWork.Rules;

/// <summary>
/// One reason behind a rule's result: a stable code (for example <c>pay.postLower</c>), a severity, the message in
/// zh-CN and en, and the facts the rule used, as name/value text pairs.
/// </summary>
public sealed record Finding
{
    /// <summary>Creates a finding.</summary>
    /// <param name="code">A stable, dotted code.</param>
    /// <param name="severity">The severity.</param>
    /// <param name="chinese">The zh-CN message.</param>
    /// <param name="english">The English message.</param>
    /// <param name="facts">The facts used, if any.</param>
    public Finding(string code, FindingSeverity severity, string chinese, string english, IReadOnlyDictionary<string, string>? facts = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(chinese);
        ArgumentException.ThrowIfNullOrWhiteSpace(english);
        Code = code;
        Severity = severity;
        Chinese = chinese;
        English = english;
        Facts = new ValueDictionary<string, string>(facts);
    }

    /// <summary>Gets the stable code.</summary>
    public string Code { get; }

    /// <summary>Gets the severity.</summary>
    public FindingSeverity Severity { get; }

    /// <summary>Gets the zh-CN message.</summary>
    public string Chinese { get; }

    /// <summary>Gets the English message.</summary>
    public string English { get; }

    /// <summary>Gets the facts used, by name.</summary>
    public IReadOnlyDictionary<string, string> Facts { get; }

    /// <summary>Gets the message for <paramref name="culture"/>: zh-CN for any Chinese culture, English otherwise.</summary>
    /// <param name="culture">The culture; <see langword="null"/> for the current UI culture.</param>
    /// <returns>The message.</returns>
    public string Message(CultureInfo? culture = null)
        => (culture ?? CultureInfo.CurrentUICulture).TwoLetterISOLanguageName == "zh" ? Chinese : English;

    /// <inheritdoc />
    public override string ToString() => $"{Code}: {English}";

    internal static Finding Info(string code, string chinese, string english, params (string Name, object? Value)[] facts)
        => new(code, FindingSeverity.Info, chinese, english, ToFacts(facts));

    internal static Finding Warning(string code, string chinese, string english, params (string Name, object? Value)[] facts)
        => new(code, FindingSeverity.Warning, chinese, english, ToFacts(facts));

    internal static Finding Error(string code, string chinese, string english, params (string Name, object? Value)[] facts)
        => new(code, FindingSeverity.Error, chinese, english, ToFacts(facts));

    private static Dictionary<string, string> ToFacts((string Name, object? Value)[] facts)
    {
        var result = new Dictionary<string, string>(facts.Length, StringComparer.Ordinal);
        foreach (var (name, value) in facts)
        {
            result[name] = value switch
            {
                null => string.Empty,
                NodaTime.LocalDate date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString() ?? string.Empty,
            };
        }
        return result;
    }
}
