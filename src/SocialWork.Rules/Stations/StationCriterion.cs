namespace SocialWork.Rules;

/// <summary>One criterion of a station standard.</summary>
/// <param name="Id">A stable id, for example <c>six-haves.site</c>.</param>
/// <param name="Metric">The fact tested.</param>
/// <param name="Comparison">How it is compared.</param>
/// <param name="Threshold">The threshold (1 for yes/no facts).</param>
/// <param name="Message">What the criterion requires, in words.</param>
/// <param name="ForImproved">Whether it is an extra criterion for the Improved grade rather than a core one.</param>
public sealed record StationCriterion(string Id, StationMetric Metric, Comparison Comparison, double Threshold, LocalizedText Message, bool ForImproved = false)
{
    /// <summary>Determines whether a value satisfies the criterion.</summary>
    /// <param name="value">The value, or <see langword="null"/> when the fact is missing.</param>
    /// <returns><see langword="true"/> when satisfied.</returns>
    public bool IsSatisfiedBy(double? value) => value is { } v && (Comparison == Comparison.AtLeast ? v >= Threshold : v <= Threshold);
}
