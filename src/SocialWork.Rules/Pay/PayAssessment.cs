using NodaTime;

namespace SocialWork.Rules;

/// <summary>
/// What a pay-step policy gives one worker on one day, and why: the qualification and post held, the level the uplift
/// uses, the steps, the base and effective ladder levels, the monthly basic pay when the ladder has a table, and the
/// ordered findings (at least one).
/// </summary>
/// <param name="WorkerId">The worker.</param>
/// <param name="AsOf">The day assessed.</param>
/// <param name="PolicyId">The policy applied, or <see langword="null"/> when none applies.</param>
/// <param name="Qualification">The highest qualification held on the day.</param>
/// <param name="Post">The post held on the day.</param>
/// <param name="LevelUsed">The qualification level whose steps apply (the highest counting level), or None.</param>
/// <param name="UpliftSteps">The steps of uplift.</param>
/// <param name="BaseLevel">The worker's base ladder level, if known.</param>
/// <param name="EffectiveLevel">Base level + uplift, capped at the top of the post category when a ladder is given; <see langword="null"/> without a base level.</param>
/// <param name="Capped">Whether the ladder's cap reduced the effective level.</param>
/// <param name="MonthlyBasicPay">The monthly basic pay at the effective level, when the ladder has a table.</param>
/// <param name="Findings">The reasons, in order.</param>
public sealed record PayAssessment(
    string WorkerId,
    LocalDate AsOf,
    string? PolicyId,
    QualificationLevel Qualification,
    QualificationLevel Post,
    QualificationLevel LevelUsed,
    int UpliftSteps,
    int? BaseLevel,
    int? EffectiveLevel,
    bool Capped,
    Money? MonthlyBasicPay,
    IReadOnlyList<Finding> Findings)
{
    /// <summary>Gets the findings; compared by content.</summary>
    public IReadOnlyList<Finding> Findings { get; init => field = ValueList.From(value); } = ValueList.From(Findings);
}
