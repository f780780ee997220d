using System.Text;

namespace SocialWork;

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
