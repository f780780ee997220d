using NodaTime;

namespace SocialWork.Rules;

/// <summary>
/// Several versions of a policy kind. Picks the version in force on a date (for a jurisdiction); versions for the same
/// jurisdiction must not overlap in time, which is checked when the set is built.
/// </summary>
/// <typeparam name="TPolicy">The policy kind.</typeparam>
public sealed class PolicySet<TPolicy>
    where TPolicy : class, IEffectivePolicy
{
    /// <summary>Creates a set and checks that no two versions for one jurisdiction overlap.</summary>
    /// <param name="policies">The versions.</param>
    /// <exception cref="ArgumentException">Two versions overlap or share an id; the message names both.</exception>
    public PolicySet(IEnumerable<TPolicy> policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        Policies = [.. policies.OrderBy(p => p.EffectiveFrom).ThenBy(p => p.Id, StringComparer.Ordinal)];
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var policy in Policies)
        {
            if (!ids.Add(policy.Id))
            {
                throw new ArgumentException($"Policy id '{policy.Id}' appears more than once.", nameof(policies));
            }
        }
        foreach (var group in Policies.GroupBy(p => p.Jurisdiction))
        {
            var versions = group.ToList();
            for (var i = 1; i < versions.Count; i++)
            {
                var previous = versions[i - 1];
                if (previous.EffectiveTo is null || previous.EffectiveTo.Value >= versions[i].EffectiveFrom)
                {
                    throw new ArgumentException(
                        $"Policies '{previous.Id}' ({previous.EffectiveFrom}–{previous.EffectiveTo?.ToString() ?? "open"}) and '{versions[i].Id}' (from {versions[i].EffectiveFrom}) overlap for jurisdiction {group.Key?.ToString() ?? "(none)"}.",
                        nameof(policies));
                }
            }
        }
    }

    /// <summary>Gets the versions, earliest first.</summary>
    public IReadOnlyList<TPolicy> Policies { get; }

    /// <summary>Gets the version in force on <paramref name="date"/> for <paramref name="jurisdiction"/>.</summary>
    /// <param name="date">The day.</param>
    /// <param name="jurisdiction">
    /// The worker's or record's division. A policy applies when its jurisdiction contains this division, or when it has
    /// none; the most specific applicable policy wins. <see langword="null"/> matches every policy.
    /// </param>
    /// <returns>The policy, or <see langword="null"/> when none is in force.</returns>
    public TPolicy? InForceOn(LocalDate date, DivisionCode? jurisdiction = null)
    {
        TPolicy? best = null;
        foreach (var policy in Policies)
        {
            if (!policy.IsInForceOn(date))
            {
                continue;
            }
            if (jurisdiction is { } place && policy.Jurisdiction is { } scope && !scope.Contains(place))
            {
                continue;
            }
            if (best is null || Specificity(policy) > Specificity(best))
            {
                best = policy;
            }
        }
        return best;

        static int Specificity(TPolicy p) => p.Jurisdiction is { } j ? (int)j.Level : 0;
    }
}
