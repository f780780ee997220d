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
