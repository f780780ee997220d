using NodaTime;

namespace SocialWork.Rules;

/// <summary>
/// A roster's pay-step uplifts month by month, and what they cost: for every worker and month the uplift settled for the
/// month, the effective ladder level and, when the policy's ladder has a table of monthly basic pay (a parameter the
/// integrator sets; no amount is built in), the extra pay the uplift causes — pay at the effective level minus pay at the
/// base level, in exact money. <see cref="Changes"/> says why each worker's uplift started, changed or stopped.
/// </summary>
/// <remarks>
/// Pay is settled by the month. Which day decides a month follows the policy in force on its first day: under
/// <see cref="UpliftTiming.NextMonth"/> the month's first day (a qualification counts from the month after it is
/// obtained), under <see cref="UpliftTiming.SameMonth"/> its last day (it counts from the month it is obtained in). Under
/// <see cref="UpliftTiming.SameDay"/> the last day decides too: no source gives a rule for paying part of a month.
/// </remarks>
public sealed class Payroll
{
    internal Payroll(YearMonth from, YearMonth to, IReadOnlyList<PayrollMonth> months, IReadOnlyList<PayrollChange> changes)
    {
        From = from;
        To = to;
        Months = months;
        Changes = changes;
    }

    /// <summary>Gets the first month.</summary>
    public YearMonth From { get; }

    /// <summary>Gets the last month.</summary>
    public YearMonth To { get; }

    /// <summary>Gets a row for every worker and month, sorted by worker id then month.</summary>
    public IReadOnlyList<PayrollMonth> Months { get; }

    /// <summary>Gets, in worker and month order, every month in which a worker's uplift started, changed or stopped, with the reason.</summary>
    public IReadOnlyList<PayrollChange> Changes { get; }

    /// <summary>Sums the extra pay by month, over all workers (or those of one division and below it).</summary>
    /// <param name="within">Only workers whose division is inside this one, if given.</param>
    /// <returns>A row for every month from <see cref="From"/> to <see cref="To"/>.</returns>
    public IReadOnlyList<PayrollCost> CostByMonth(DivisionCode? within = null)
    {
        var byMonth = Months.Where(m => within is null || (m.Division is { } d && within.Value.Contains(d))).ToLookup(m => m.Month);
        return [.. Enumerable.Range(0, MonthCount(From, To)).Select(i => From.PlusMonths(i)).Select(month => Cost(month, null, byMonth[month]))];
    }

    /// <summary>Sums the extra pay by division (the workers' divisions cut to <paramref name="level"/>) and month.</summary>
    /// <param name="level">The level to report at; a worker coded above it stays at its own code.</param>
    /// <returns>Rows sorted by division then month; workers without a division are left out.</returns>
    public IReadOnlyList<PayrollCost> CostByDivision(DivisionLevel level)
        => [.. Months.Where(m => m.Division is not null)
            .GroupBy(m => (Division: m.Division!.Value.Level > level ? m.Division.Value.AncestorAt(level) : m.Division.Value, m.Month))
            .OrderBy(g => g.Key.Division).ThenBy(g => g.Key.Month)
            .Select(g => Cost(g.Key.Month, g.Key.Division, g))];

    /// <summary>Gets the extra pay over the whole range, over every worker whose ladder has a pay table.</summary>
    public Money TotalExtraPay => Months.Aggregate(Money.Zero, (sum, m) => sum + (m.ExtraPay ?? Money.Zero));

    internal static int MonthCount(YearMonth from, YearMonth to) => ((to.Year - from.Year) * 12) + to.Month - from.Month + 1;

    private static PayrollCost Cost(YearMonth month, DivisionCode? division, IEnumerable<PayrollMonth> rows)
    {
        var list = rows.ToList();
        return new PayrollCost(
            month,
            division,
            list.Count(m => m.UpliftSteps > 0),
            list.Aggregate(Money.Zero, (sum, m) => sum + (m.ExtraPay ?? Money.Zero)),
            list.Count(m => m.UpliftSteps > 0 && m.ExtraPay is null));
    }
}

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

/// <summary>A month in which a worker's uplift started, changed or stopped.</summary>
/// <param name="WorkerId">The worker.</param>
/// <param name="Month">The first month of the new uplift.</param>
/// <param name="StepsBefore">The steps in the month before.</param>
/// <param name="StepsAfter">The steps from this month.</param>
/// <param name="Finding">What changed and why: code <c>payroll.started</c>, <c>payroll.changed</c> or <c>payroll.stopped</c>, with the month's own reason in the message.</param>
public sealed record PayrollChange(string WorkerId, YearMonth Month, int StepsBefore, int StepsAfter, Finding Finding);

/// <summary>The extra pay of the uplifts in one month (and division).</summary>
/// <param name="Month">The month.</param>
/// <param name="Division">The division, for <see cref="Payroll.CostByDivision"/>; otherwise <see langword="null"/>.</param>
/// <param name="WorkersWithUplift">Workers with at least one step of uplift.</param>
/// <param name="ExtraPay">Their extra pay, where the ladder's table gives it.</param>
/// <param name="WorkersWithoutPayTable">Workers with an uplift whose extra pay is unknown (no base level, or no table for the levels): not in <paramref name="ExtraPay"/>.</param>
public sealed record PayrollCost(YearMonth Month, DivisionCode? Division, int WorkersWithUplift, Money ExtraPay, int WorkersWithoutPayTable);
