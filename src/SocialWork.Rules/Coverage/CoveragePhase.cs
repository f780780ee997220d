namespace SocialWork.Rules;

/// <summary>A named phase of a plan with its length in months and the targets due at its end.</summary>
/// <param name="Id">The phase id, for example <c>cover</c>.</param>
/// <param name="Label">The label, for example 一年覆盖.</param>
/// <param name="Months">The length in months.</param>
/// <param name="Targets">The targets due on the phase's last day.</param>
public sealed record CoveragePhase(string Id, LocalizedText Label, int Months, IReadOnlyList<CoverageTarget> Targets)
{
    /// <summary>Gets the targets; compared by content.</summary>
    public IReadOnlyList<CoverageTarget> Targets { get; init => field = ValueList.From(value); } = ValueList.From(Targets);
}
