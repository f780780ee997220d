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
public sealed record TargetAssessment(string Id, CoverageMetric Metric, string PhaseId, double Required, double Actual, LocalDate Due, TargetStatus Status, Finding Finding);

/// <summary>What is missing: divisions without facilities and stations below standard. Codes and ids are sorted.</summary>
/// <param name="CountiesWithoutCenter">Counties in scope without an operating centre.</param>
/// <param name="TownshipsWithoutStation">Townships in scope without an operating station.</param>
/// <param name="VillagesWithoutRoom">Villages/communities in scope without an operating room.</param>
/// <param name="VillagesWithoutVolunteerPoint">Villages/communities in scope without an operating volunteer point.</param>
/// <param name="StationsBelowStandard">Operating stations graded Unmet.</param>
/// <param name="StationsNotImproved">Operating stations not graded Improved.</param>
public sealed record CoverageGaps(
    IReadOnlyList<DivisionCode> CountiesWithoutCenter,
    IReadOnlyList<DivisionCode> TownshipsWithoutStation,
    IReadOnlyList<DivisionCode> VillagesWithoutRoom,
    IReadOnlyList<DivisionCode> VillagesWithoutVolunteerPoint,
    IReadOnlyList<string> StationsBelowStandard,
    IReadOnlyList<string> StationsNotImproved)
{
    /// <summary>Gets the counties without center; compared by content.</summary>
    public IReadOnlyList<DivisionCode> CountiesWithoutCenter { get; init => field = ValueList.From(value); } = ValueList.From(CountiesWithoutCenter);

    /// <summary>Gets the townships without station; compared by content.</summary>
    public IReadOnlyList<DivisionCode> TownshipsWithoutStation { get; init => field = ValueList.From(value); } = ValueList.From(TownshipsWithoutStation);

    /// <summary>Gets the villages without room; compared by content.</summary>
    public IReadOnlyList<DivisionCode> VillagesWithoutRoom { get; init => field = ValueList.From(value); } = ValueList.From(VillagesWithoutRoom);

    /// <summary>Gets the villages without volunteer point; compared by content.</summary>
    public IReadOnlyList<DivisionCode> VillagesWithoutVolunteerPoint { get; init => field = ValueList.From(value); } = ValueList.From(VillagesWithoutVolunteerPoint);

    /// <summary>Gets the stations below standard; compared by content.</summary>
    public IReadOnlyList<string> StationsBelowStandard { get; init => field = ValueList.From(value); } = ValueList.From(StationsBelowStandard);

    /// <summary>Gets the stations not improved; compared by content.</summary>
    public IReadOnlyList<string> StationsNotImproved { get; init => field = ValueList.From(value); } = ValueList.From(StationsNotImproved);
}

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
