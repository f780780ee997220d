using NodaTime;

namespace SocialWork.Rules;

/// <summary>One bonus award.</summary>
/// <param name="PolicyId">The policy that awards it.</param>
/// <param name="Level">The level obtained.</param>
/// <param name="ObtainedOn">The day it was obtained.</param>
/// <param name="Amount">The amount.</param>
public sealed record BonusAward(string PolicyId, QualificationLevel Level, LocalDate ObtainedOn, Money Amount);
