using System.Globalization;

namespace SocialWork.Samples.Cli;

/// <summary>
/// The language of the command line itself — help, option descriptions and argument errors — chosen before it is
/// parsed: <c>--lang zh|en</c> wherever it stands, else the system's UI culture.
/// </summary>
internal sealed class CliText(bool chinese)
{
    /// <summary>Gets whether the command line speaks Chinese.</summary>
    public bool Chinese { get; } = chinese;

    /// <summary>Gets the culture System.CommandLine's own texts (help headings, its errors) are looked up in.</summary>
    public CultureInfo UICulture => Chinese ? CultureInfo.GetCultureInfo("zh-Hans") : CultureInfo.InvariantCulture;

    /// <summary>Picks the text of the command line's language.</summary>
    public string T(string chinese, string english) => Chinese ? chinese : english;

    /// <summary>Finds the language in the arguments (<c>--lang zh</c>, <c>--lang=en</c>), else from the UI culture.</summary>
    public static CliText From(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var value = args[i] == "--lang" && i + 1 < args.Count ? args[i + 1]
                : args[i].StartsWith("--lang=", StringComparison.Ordinal) || args[i].StartsWith("--lang:", StringComparison.Ordinal) ? args[i][7..]
                : null;
            if (value is "zh" or "en")
            {
                return new CliText(value == "zh");
            }
        }
        return new CliText(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh");
    }
}
