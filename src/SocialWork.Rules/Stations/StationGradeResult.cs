namespace SocialWork.Rules;

/// <summary>A station's grade and the reasons.</summary>
/// <param name="FacilityId">The station.</param>
/// <param name="Grade">The grade.</param>
/// <param name="Findings">One finding per criterion not met, or one saying all were met.</param>
public sealed record StationGradeResult(string FacilityId, StationGrade Grade, IReadOnlyList<Finding> Findings)
{
    /// <summary>Gets the findings; compared by content.</summary>
    public IReadOnlyList<Finding> Findings { get; init => field = ValueList.From(value); } = ValueList.From(Findings);
}
