using NodaTime;

namespace SocialWork.Rules;

/// <summary>Institutions and their social-work posts in a division on a day.</summary>
/// <param name="Institutions">Institutions in the division.</param>
/// <param name="InstitutionsWithPosts">Those with at least one post on the day.</param>
/// <param name="Posts">Posts established on the day.</param>
public sealed record InstitutionCounts(int Institutions, int InstitutionsWithPosts, int Posts)
{
    /// <summary>Counts the institutions of <paramref name="institutions"/> inside <paramref name="division"/> (and of <paramref name="sector"/>, if given) on <paramref name="date"/>.</summary>
    /// <param name="institutions">The institutions.</param>
    /// <param name="division">The division; institutions in it or below it count.</param>
    /// <param name="date">The day.</param>
    /// <param name="sector">Only this system's institutions, if given.</param>
    /// <returns>The counts.</returns>
    public static InstitutionCounts Of(IEnumerable<Institution> institutions, DivisionCode division, LocalDate date, string? sector = null)
    {
        ArgumentNullException.ThrowIfNull(institutions);
        var inside = institutions.Where(i => division.Contains(i.Division) && (sector is null || i.Sector == sector)).ToList();
        return new InstitutionCounts(inside.Count, inside.Count(i => i.PostsOn(date) > 0), inside.Sum(i => i.PostsOn(date)));
    }
}
