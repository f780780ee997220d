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
