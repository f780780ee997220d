using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace SocialWork.Rules;

/// <summary>
/// A pay roster in the JSON shape the <c>socialwork pay</c> command and the web API share:
/// <c>{"asOf","policy","workers":[{"id","qualification","post","upliftSteps","baseLevel","effectiveLevel","findings":[{"code","message"}]}]}</c>,
/// workers sorted by id.
/// </summary>
public sealed class PayRosterDocument
{
    /// <summary>Gets the day assessed.</summary>
    public string AsOf { get; init; } = string.Empty;

    /// <summary>Gets the policy id.</summary>
    public string Policy { get; init; } = string.Empty;

    /// <summary>Gets the workers.</summary>
    public IReadOnlyList<PayWorkerDocument> Workers { get; init; } = [];

    /// <summary>Builds the document of a roster.</summary>
    /// <param name="roster">The assessments.</param>
    /// <param name="policyId">The policy applied.</param>
    /// <param name="asOf">The day.</param>
    /// <param name="culture">The language of the finding messages.</param>
    /// <returns>The document.</returns>
    public static PayRosterDocument From(IEnumerable<PayAssessment> roster, string policyId, LocalDate asOf, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(roster);
        return new PayRosterDocument
        {
            AsOf = LocalDatePattern.Iso.Format(asOf),
            Policy = policyId,
            Workers = [.. roster.OrderBy(a => a.WorkerId, StringComparer.Ordinal).Select(a => new PayWorkerDocument
            {
                Id = a.WorkerId,
                Qualification = a.Qualification.ToCode(),
                Post = a.Post.ToCode(),
                UpliftSteps = a.UpliftSteps,
                BaseLevel = a.BaseLevel,
                EffectiveLevel = a.EffectiveLevel,
                Findings = [.. a.Findings.Select(f => new FindingDocument { Code = f.Code, Message = f.Message(culture) })],
            })],
        };
    }
}
