using NodaTime;

namespace SocialWork.Rules;

/// <summary>The bonuses a worker has earned up to a day, and why.</summary>
/// <param name="WorkerId">The worker.</param>
/// <param name="AsOf">The day assessed.</param>
/// <param name="Awards">The awards, oldest first.</param>
/// <param name="Total">Their sum.</param>
/// <param name="Findings">The reasons (at least one).</param>
public sealed record BonusAssessment(string WorkerId, LocalDate AsOf, IReadOnlyList<BonusAward> Awards, Money Total, IReadOnlyList<Finding> Findings)
{
    /// <summary>Gets the awards; compared by content.</summary>
    public IReadOnlyList<BonusAward> Awards { get; init => field = ValueList.From(value); } = ValueList.From(Awards);

    /// <summary>Gets the findings; compared by content.</summary>
    public IReadOnlyList<Finding> Findings { get; init => field = ValueList.From(value); } = ValueList.From(Findings);
}
