namespace SocialWork.Rules;

/// <summary>A target of a phase: a metric and the value required by the phase's last day.</summary>
/// <param name="Metric">The metric.</param>
/// <param name="Required">The value required (a share in [0,1] for share metrics).</param>
public sealed record CoverageTarget(CoverageMetric Metric, double Required)
{
    /// <summary>Gets where the required value comes from, when it is not a preset's sourced default (for example "set by the demo").</summary>
    public string? Source { get; init; }

    /// <summary>Gets the target id: the metric's camelCase name, for example <c>townshipStationCoverage</c>.</summary>
    public string Id => CoverageMetricExtensions.ToId(Metric);
}
