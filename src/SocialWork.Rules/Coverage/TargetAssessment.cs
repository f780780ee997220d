using NodaTime;

namespace SocialWork.Rules;

/// <summary>One target's standing on the assessment day.</summary>
/// <param name="Id">The target id (the metric's camelCase name).</param>
/// <param name="Metric">The metric.</param>
/// <param name="PhaseId">The phase the target belongs to.</param>
/// <param name="Required">The value required by <paramref name="Due"/>.</param>
/// <param name="Actual">The value on the assessment day.</param>
/// <param name="Due">The phase's last day.</param>
/// <param name="Status">The status.</param>
/// <param name="Finding">The explanation.</param>
public sealed record TargetAssessment(string Id, CoverageMetric Metric, string PhaseId, double Required, double Actual, LocalDate Due, TargetStatus Status, Finding Finding)
{
    /// <summary>Gets where the required value comes from when it is not a preset's sourced default (the target's <see cref="CoverageTarget.Source"/>).</summary>
    public string? Source { get; init; }
}
