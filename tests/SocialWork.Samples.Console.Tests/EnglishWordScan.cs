using System.Text.RegularExpressions;

namespace SocialWork.Samples.Tests;

/// <summary>
/// Finds English words in text meant for a Chinese reader. What may stay ASCII is what is not a word: ids (S01, W020,
/// bee-warm, demo-xam-shape and the ids given), codes (130602005014, EL.01, CARE, visit), the CSV contract's column
/// ids, dates, periods, numbers, file names and paths, JSON paths, and input quoted back ('dance'). Shared by the console
/// and the web tests (the web test project compiles this file too).
/// </summary>
public static partial class EnglishWordScan
{
    /// <summary>The ASCII words left once ids (those given and those that look like ids), codes, dates and numbers are taken out.</summary>
    public static IReadOnlyList<string> Find(string text, IEnumerable<string>? ids = null)
    {
        var stripped = Allowed().Replace(text, " ");
        var known = new HashSet<string>(ids ?? [], StringComparer.Ordinal);
        return [.. Word().Matches(stripped).Select(m => m.Value).Where(w => !known.Contains(w)).Distinct()];
    }

    // Input quoted back ('dance'); file paths; dates and periods (2023-12-31, 2023-Q4, 2023-05); ids with digits or dashes (S01, W020, R001, bee-warm,
    // venture-01, demo-xam-shape, 130602005014); catalog codes (EL, EL.01, CARE); the CSV contract's column ids and the
    // vocabularies' codes (visit, person_times, hardship, community …); JSON paths ($.workers[0].id); the format name Parquet.
    [GeneratedRegex(@"'[^'\n]*'|(/[\w.\-]+)+|(?<![A-Za-z0-9_])[\w\-]+\.(csv|json|parquet)(?![A-Za-z0-9_])|\$[\w.\[\]\-]*|(?<![A-Za-z0-9_])(\d{4}-(Q[1-4]|\d{2})(-\d{2})?|[A-Za-z]+\d[\w\-]*|[a-z]+(-[a-z0-9]+)+|[A-Z]{2,4}(\.\d+)?|id|date|division|facility|item|method|person_times|households|amount|target_group|parties|programme|visit|file|casework|group|activity|training|other|hardship|elderly|children|empowerment|disabled|community|organisation|socialWorker|volunteer|charity|Parquet)(?![A-Za-z0-9_])")]
    private static partial Regex Allowed();

    [GeneratedRegex(@"[A-Za-z]{2,}")]
    private static partial Regex Word();
}
