using NodaTime;

namespace SocialWork.Rules;

/// <summary>
/// A monthly qualification allowance (职业水平津贴): an amount per month for the highest counting qualification level,
/// from the month of registration by default (R-E4, 全椒), for the employment kinds you name (no source we hold says
/// who is eligible). Same dating, counting and explanation machinery as <see cref="PayStepPolicy"/>.
/// </summary>
public sealed record AllowancePolicy : IncentivePolicy
{
    /// <summary>Creates a policy.</summary>
    /// <param name="id">The id.</param>
    /// <param name="effectiveFrom">The first day in force.</param>
    /// <param name="monthlyFen">The monthly amount per level, in fen.</param>
    /// <param name="eligibleEmployment">Who receives it; the local text says, so there is no default.</param>
    public AllowancePolicy(string id, LocalDate effectiveFrom, PerLevel<long> monthlyFen, IReadOnlyList<Employment> eligibleEmployment)
        : base(id, effectiveFrom, eligibleEmployment)
    {
        ArgumentNullException.ThrowIfNull(monthlyFen);
        MonthlyFen = monthlyFen;
    }

    /// <summary>Gets the monthly amount per level, in fen.</summary>
    public PerLevel<long> MonthlyFen { get; init; }

    /// <summary>Gets a value indicating whether a matching post is also required (default no).</summary>
    public bool RequiresMatchingPost { get; init; }

    /// <summary>Gets when the allowance starts (default <see cref="UpliftTiming.SameMonth"/>: "from the month of registration", R-E4 全椒).</summary>
    public UpliftTiming Timing { get; init; } = UpliftTiming.SameMonth;

    /// <summary>
    /// Gansu's monthly allowance as reported (educity.cn, secondary): 200 / 300 / 500 yuan for assistant / intermediate /
    /// senior. The effective date and who is eligible are not in the source: supply them.
    /// </summary>
    /// <param name="id">The id.</param>
    /// <param name="effectiveFrom">The first day in force.</param>
    /// <param name="eligibleEmployment">Who receives it.</param>
    /// <returns>The policy.</returns>
    public static AllowancePolicy Gansu(string id, LocalDate effectiveFrom, IReadOnlyList<Employment> eligibleEmployment)
        => new(id, effectiveFrom, new PerLevel<long>(20_000, 30_000, 50_000), eligibleEmployment)
        {
            Name = new LocalizedText("甘肃省社会工作职业水平津贴", "Gansu qualification allowance"),
            Source = "Gansu 200/300/500 yuan a month, as reported by educity.cn [secondary] (R-E4); dates and eligibility supplied by the user.",
        };
}
