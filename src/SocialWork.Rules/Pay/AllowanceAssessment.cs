using NodaTime;

namespace SocialWork.Rules;

/// <summary>What an allowance policy pays one worker for the month containing a day, and why.</summary>
/// <param name="WorkerId">The worker.</param>
/// <param name="AsOf">The day assessed.</param>
/// <param name="PolicyId">The policy applied, if any.</param>
/// <param name="Level">The level paid, or None.</param>
/// <param name="MonthlyAmount">The monthly amount.</param>
/// <param name="Findings">The reasons (at least one).</param>
public sealed record AllowanceAssessment(string WorkerId, LocalDate AsOf, string? PolicyId, QualificationLevel Level, Money MonthlyAmount, IReadOnlyList<Finding> Findings)
{
    /// <summary>Gets the findings; compared by content.</summary>
    public IReadOnlyList<Finding> Findings { get; init => field = ValueList.From(value); } = ValueList.From(Findings);
}
