using NodaTime;

namespace SocialWork.Rules;

/// <summary>A social-work post established in an institution, from a day and, if it was abolished, to a day (inclusive).</summary>
/// <param name="Id">The post's identifier within the institution.</param>
/// <param name="From">The first day.</param>
/// <param name="To">The last day, if the post was abolished.</param>
public sealed record InstitutionPost(string Id, LocalDate From, LocalDate? To = null)
{
    /// <summary>Determines whether the post exists on <paramref name="date"/>.</summary>
    /// <param name="date">The day.</param>
    /// <returns><see langword="true"/> from <see cref="From"/> to <see cref="To"/>, inclusive.</returns>
    public bool IsEstablishedOn(LocalDate date) => From <= date && (To is null || date <= To.Value);
}
