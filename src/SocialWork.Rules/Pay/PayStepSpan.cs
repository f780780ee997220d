using NodaTime;

namespace SocialWork.Rules;

/// <summary>A stretch of days over which the same uplift applied (for back-pay).</summary>
/// <param name="From">The first day.</param>
/// <param name="To">The last day (inclusive).</param>
/// <param name="PolicyId">The policy in force, if any.</param>
/// <param name="LevelUsed">The level whose steps apply, or None.</param>
/// <param name="UpliftSteps">The steps.</param>
public sealed record PayStepSpan(LocalDate From, LocalDate To, string? PolicyId, QualificationLevel LevelUsed, int UpliftSteps);
