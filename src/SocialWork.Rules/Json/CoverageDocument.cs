using NodaTime.Text;
using SocialWork.Json;

namespace SocialWork.Rules;

/// <summary>
/// A coverage assessment in the JSON shape the <c>socialwork coverage</c> command and the web API share:
/// <c>{"asOf","scope","phase","targets":[{"id","phase","required","actual","due","status"}],"gaps":{"townshipsWithoutStation",
/// "villagesWithoutRoom","stationsBelowStandard"}}</c>; codes are 12 digits and lists are sorted.
/// </summary>
public sealed class CoverageDocument
{
    /// <summary>Gets the day assessed (<c>yyyy-MM-dd</c>).</summary>
    public string AsOf { get; init; } = string.Empty;

    /// <summary>Gets the plan's scope (12 digits).</summary>
    public string Scope { get; init; } = string.Empty;

    /// <summary>Gets the phase id in force.</summary>
    public string Phase { get; init; } = string.Empty;

    /// <summary>Gets the targets.</summary>
    public IReadOnlyList<CoverageTargetDocument> Targets { get; init; } = [];

    /// <summary>Gets the gaps.</summary>
    public CoverageGapsDocument Gaps { get; init; } = new();

    /// <summary>Builds the document of an assessment.</summary>
    /// <param name="assessment">The assessment.</param>
    /// <returns>The document.</returns>
    public static CoverageDocument From(CoverageAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return new CoverageDocument
        {
            AsOf = LocalDatePattern.Iso.Format(assessment.AsOf),
            Scope = assessment.Scope.ToString(),
            Phase = assessment.PhaseId,
            Targets = [.. assessment.Targets.Select(t => new CoverageTargetDocument
            {
                Id = t.Id,
                Phase = t.PhaseId,
                Required = t.Required,
                Actual = t.Actual,
                Due = LocalDatePattern.Iso.Format(t.Due),
                Status = DocumentReader.CamelCase(t.Status.ToString()),
            })],
            Gaps = new CoverageGapsDocument
            {
                TownshipsWithoutStation = [.. assessment.Gaps.TownshipsWithoutStation.Select(c => c.ToString())],
                VillagesWithoutRoom = [.. assessment.Gaps.VillagesWithoutRoom.Select(c => c.ToString())],
                VillagesWithoutVolunteerPoint = [.. assessment.Gaps.VillagesWithoutVolunteerPoint.Select(c => c.ToString())],
                StationsBelowStandard = [.. assessment.Gaps.StationsBelowStandard.Order(StringComparer.Ordinal)],
            },
        };
    }
}
