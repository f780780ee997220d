using NodaTime;

namespace SocialWork.Rules;

/// <summary>A coverage plan assessed on a day: the phase in force, every target's standing, the gaps and the reasons.</summary>
/// <param name="AsOf">The day.</param>
/// <param name="Scope">The plan's scope.</param>
/// <param name="PhaseId">The phase in force (<c>notStarted</c> and <c>sustain</c> outside the plan).</param>
/// <param name="Targets">Every target of every phase, by due date.</param>
/// <param name="Gaps">What is missing.</param>
/// <param name="StationGrades">The grade of every operating station in scope.</param>
/// <param name="Findings">Findings about the assessment as a whole (phase, gaps), then one per target.</param>
public sealed record CoverageAssessment(
    LocalDate AsOf,
    DivisionCode Scope,
    string PhaseId,
    IReadOnlyList<TargetAssessment> Targets,
    CoverageGaps Gaps,
    IReadOnlyList<StationGradeResult> StationGrades,
    IReadOnlyList<Finding> Findings)
{
    /// <summary>Gets the targets; compared by content.</summary>
    public IReadOnlyList<TargetAssessment> Targets { get; init => field = ValueList.From(value); } = ValueList.From(Targets);

    /// <summary>Gets the station grades; compared by content.</summary>
    public IReadOnlyList<StationGradeResult> StationGrades { get; init => field = ValueList.From(value); } = ValueList.From(StationGrades);

    /// <summary>Gets the findings; compared by content.</summary>
    public IReadOnlyList<Finding> Findings { get; init => field = ValueList.From(value); } = ValueList.From(Findings);
}
