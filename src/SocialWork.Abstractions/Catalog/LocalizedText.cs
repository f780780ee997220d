using System.Globalization;

namespace SocialWork;

/// <summary>A label in Simplified Chinese (zh-CN) and, optionally, English.</summary>
public sealed record LocalizedText
{
    /// <summary>Creates a label.</summary>
    /// <param name="chinese">The zh-CN text; required.</param>
    /// <param name="english">The English text, if any.</param>
    /// <exception cref="ArgumentException"><paramref name="chinese"/> is empty.</exception>
    public LocalizedText(string chinese, string? english = null)
    {
        Chinese = Preconditions.CheckNotBlank(chinese);
        English = string.IsNullOrWhiteSpace(english) ? null : english;
    }

    /// <summary>Gets the zh-CN text.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("zh-CN")]
    public string Chinese { get; }

    /// <summary>Gets the English text, if any.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("en")]
    public string? English { get; }

    /// <summary>
    /// Gets the text for <paramref name="culture"/>: Chinese for any <c>zh</c> culture, English for any other culture when
    /// present; otherwise the Chinese text (the fallback order is zh-CN → en).
    /// </summary>
    /// <param name="culture">The culture; <see langword="null"/> means the current UI culture.</param>
    /// <returns>The text.</returns>
    public string For(CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentUICulture;
        return culture.TwoLetterISOLanguageName == "zh" ? Chinese : English ?? Chinese;
    }

    /// <inheritdoc />
    public override string ToString() => English is null ? Chinese : $"{Chinese} ({English})";
}
