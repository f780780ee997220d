using NodaTime;

namespace SocialWork.Rules;

/// <summary>A policy with an id, a jurisdiction and an effective date range: the shape every policy in this package shares.</summary>
public interface IEffectivePolicy
{
    /// <summary>Gets the policy's id.</summary>
    string Id { get; }

    /// <summary>Gets the jurisdiction the policy applies to, if recorded.</summary>
    DivisionCode? Jurisdiction { get; }

    /// <summary>Gets the first day in force.</summary>
    LocalDate EffectiveFrom { get; }

    /// <summary>Gets the last day in force (inclusive), or <see langword="null"/> while it lasts.</summary>
    LocalDate? EffectiveTo { get; }
}

/// <summary>Date logic shared by all <see cref="IEffectivePolicy"/> implementations.</summary>
public static class EffectivePolicyExtensions
{
    /// <summary>Determines whether the policy is in force on <paramref name="date"/>.</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="date">The day.</param>
    /// <returns><see langword="true"/> when <c>EffectiveFrom &lt;= date &lt;= EffectiveTo</c>.</returns>
    public static bool IsInForceOn(this IEffectivePolicy policy, LocalDate date)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return policy.EffectiveFrom <= date && (policy.EffectiveTo is null || date <= policy.EffectiveTo.Value);
    }

    internal static void CheckRange(IEffectivePolicy policy)
    {
        if (policy.EffectiveTo is { } to && to < policy.EffectiveFrom)
        {
            throw new ArgumentException($"Policy '{policy.Id}': effectiveTo {to} is before effectiveFrom {policy.EffectiveFrom}.", nameof(policy));
        }
    }
}
