using System.Text;

namespace SocialWork;

/// <summary>
/// The parties of five-society linkage (五社联动) involved in a service: community, social organisations, social workers,
/// community volunteers and social charity resources.
/// </summary>
[Flags]
public enum LinkageParties
{
    /// <summary>No party recorded.</summary>
    None = 0,

    /// <summary>The community (社区); code <c>community</c>.</summary>
    Community = 1,

    /// <summary>Social organisations (社会组织); code <c>organisation</c>.</summary>
    SocialOrganization = 2,

    /// <summary>Social workers (社会工作者); code <c>socialWorker</c>.</summary>
    SocialWorker = 4,

    /// <summary>Community volunteers (社区志愿者); code <c>volunteer</c>.</summary>
    Volunteer = 8,

    /// <summary>Social charity resources (社会慈善资源); code <c>charity</c>.</summary>
    CharityResource = 16,
}

/// <summary>The <c>|</c>-separated text form of <see cref="LinkageParties"/>, as in the records CSV <c>parties</c> column.</summary>
public static class LinkagePartiesExtensions
{
    private static readonly (LinkageParties Flag, string Code)[] Codes =
    [
        (LinkageParties.Community, "community"),
        (LinkageParties.SocialOrganization, "organisation"),
        (LinkageParties.SocialWorker, "socialWorker"),
        (LinkageParties.Volunteer, "volunteer"),
        (LinkageParties.CharityResource, "charity"),
    ];

    /// <summary>Formats the parties as <c>community|organisation|…</c> in a fixed order; <see cref="LinkageParties.None"/> is empty.</summary>
    /// <param name="parties">The parties.</param>
    /// <returns>The text.</returns>
    public static string ToCodes(this LinkageParties parties)
    {
        var builder = new StringBuilder();
        foreach (var (flag, code) in Codes)
        {
            if (parties.HasFlag(flag))
            {
                builder.Append(builder.Length == 0 ? "" : "|").Append(code);
            }
        }
        return builder.ToString();
    }

    /// <summary>Parses <c>|</c>-separated party codes; empty text is <see cref="LinkageParties.None"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="parties">The parties when every code is recognised.</param>
    /// <returns><see langword="true"/> when every code is recognised.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out LinkageParties parties)
    {
        parties = LinkageParties.None;
        if (text.IsEmpty)
        {
            return true;
        }
        while (true)
        {
            var bar = text.IndexOf('|');
            var part = bar < 0 ? text : text[..bar];
            var candidate = part.IsEmpty ? -1 : part[0] switch
            {
                'c' => part.Length == 9 ? 0 : 4,
                'o' => 1,
                's' => 2,
                'v' => 3,
                _ => -1,
            };
            if (candidate < 0 || !part.SequenceEqual(Codes[candidate].Code))
            {
                parties = LinkageParties.None;
                return false;
            }
            parties |= Codes[candidate].Flag;
            if (bar < 0)
            {
                return true;
            }
            text = text[(bar + 1)..];
        }
    }
}
