using NodaTime;

namespace SocialWork.Rules;

/// <summary>One worker's uplift in one month.</summary>
/// <param name="WorkerId">The worker.</param>
/// <param name="Division">The worker's division, if the caller gave one.</param>
/// <param name="Month">The month.</param>
/// <param name="SettledOn">The day that decided the month (see <see cref="Payroll"/>).</param>
/// <param name="PolicyId">The policy applied, if any.</param>
/// <param name="LevelUsed">The qualification level whose steps apply.</param>
/// <param name="UpliftSteps">The steps of uplift.</param>
/// <param name="BaseLevel">The base ladder level, if known.</param>
/// <param name="EffectiveLevel">The level paid at, if the base is known (capped by the ladder).</param>
/// <param name="ExtraPay">Pay at the effective level minus pay at the base level, when the ladder's table has both; zero without an uplift.</param>
public sealed record PayrollMonth(
    string WorkerId,
    DivisionCode? Division,
    YearMonth Month,
    LocalDate SettledOn,
    string? PolicyId,
    QualificationLevel LevelUsed,
    int UpliftSteps,
    int? BaseLevel,
    int? EffectiveLevel,
    Money? ExtraPay);
