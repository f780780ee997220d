using NodaTime;

namespace SocialWork.Rules;

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
