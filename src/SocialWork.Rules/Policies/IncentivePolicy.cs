using NodaTime;

namespace SocialWork.Rules;

/// <summary>
/// What every incentive policy — pay-step uplift, monthly allowance, one-off bonus — has: an id, a name and source, a
/// jurisdiction, an effective date range and the employment kinds it covers. One design, three incentive kinds.
/// </summary>
public abstract record IncentivePolicy : IEffectivePolicy
{
    /// <summary>Creates the common part of a policy.</summary>
    /// <param name="id">The id.</param>
    /// <param name="effectiveFrom">The first day in force.</param>
    /// <param name="eligibleEmployment">The employment kinds covered; at least one.</param>
    /// <exception cref="ArgumentException"><paramref name="eligibleEmployment"/> is empty.</exception>
    protected IncentivePolicy(string id, LocalDate effectiveFrom, IReadOnlyList<Employment> eligibleEmployment)
    {
        ArgumentNullException.ThrowIfNull(eligibleEmployment);
        if (eligibleEmployment.Count == 0)
        {
            throw new ArgumentException("A policy must cover at least one employment kind.", nameof(eligibleEmployment));
        }
        Id = id;
        EffectiveFrom = effectiveFrom;
        EligibleEmployment = eligibleEmployment;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The id is empty or white space (also through <c>with</c>).</exception>
    public string Id
    {
        get;
        init
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(value, nameof(Id));
            field = value;
        }
    }

    /// <summary>Gets the name, if any.</summary>
    public LocalizedText? Name { get; init; }

    /// <summary>Gets where the policy comes from (document, article), if recorded.</summary>
    public string? Source { get; init; }

    /// <inheritdoc />
    public DivisionCode? Jurisdiction { get; init; }

    /// <inheritdoc />
    public LocalDate EffectiveFrom { get; init; }

    /// <inheritdoc />
    public LocalDate? EffectiveTo { get; init; }

    /// <summary>Gets the employment kinds the policy covers.</summary>
    public IReadOnlyList<Employment> EligibleEmployment { get; init => field = ValueList.From(value); }
}
