using NodaTime;

namespace SocialWork.Rules;

/// <summary>
/// A one-off bonus on certification (一次性奖励): an amount per level obtained while the policy is in force, optionally
/// paid only once per level, to the employment kinds you name (no source we hold says who is eligible).
/// </summary>
public sealed record BonusPolicy : IncentivePolicy
{
    /// <summary>Creates a policy.</summary>
    /// <param name="id">The id.</param>
    /// <param name="effectiveFrom">The first day in force.</param>
    /// <param name="amountFen">The amount per level, in fen.</param>
    /// <param name="eligibleEmployment">Who receives it; the local text says, so there is no default.</param>
    public BonusPolicy(string id, LocalDate effectiveFrom, PerLevel<long> amountFen, IReadOnlyList<Employment> eligibleEmployment)
        : base(id, effectiveFrom, eligibleEmployment)
    {
        ArgumentNullException.ThrowIfNull(amountFen);
        AmountFen = amountFen;
    }

    /// <summary>Gets the amount per level, in fen.</summary>
    public PerLevel<long> AmountFen { get; init; }

    /// <summary>Gets a value indicating whether each level is rewarded at most once per worker (default yes).</summary>
    public bool OncePerLevel { get; init; } = true;

    /// <summary>
    /// Shanghai Changning's one-off bonus as reported (secondary): 1,500 / 3,000 / 5,000 yuan. The source conditions it on
    /// passing that year's appraisal, which this library does not model; dates and eligibility are yours.
    /// </summary>
    /// <param name="id">The id.</param>
    /// <param name="effectiveFrom">The first day in force.</param>
    /// <param name="eligibleEmployment">Who receives it.</param>
    /// <returns>The policy.</returns>
    public static BonusPolicy Changning(string id, LocalDate effectiveFrom, IReadOnlyList<Employment> eligibleEmployment)
        => new(id, effectiveFrom, new PerLevel<long>(150_000, 300_000, 500_000), eligibleEmployment)
        {
            Name = new LocalizedText("长宁区持证社工一次性奖励", "Changning one-off certification bonus"),
            Source = "Shanghai Changning 1,500/3,000/5,000 yuan, as reported [secondary]; the appraisal condition is not modelled; eligibility supplied by the user.",
        };
}
