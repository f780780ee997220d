using NodaTime;

namespace SocialWork.Rules;

/// <summary>The extra pay of the uplifts in one month (and division).</summary>
/// <param name="Month">The month.</param>
/// <param name="Division">The division, for <see cref="Payroll.CostByDivision"/>; otherwise <see langword="null"/>.</param>
/// <param name="WorkersWithUplift">Workers with at least one step of uplift.</param>
/// <param name="ExtraPay">Their extra pay, where the ladder's table gives it.</param>
/// <param name="WorkersWithoutPayTable">Workers with an uplift whose extra pay is unknown (no base level, or no table for the levels): not in <paramref name="ExtraPay"/>.</param>
public sealed record PayrollCost(YearMonth Month, DivisionCode? Division, int WorkersWithUplift, Money ExtraPay, int WorkersWithoutPayTable);
