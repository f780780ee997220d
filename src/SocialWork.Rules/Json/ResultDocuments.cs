using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

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
                StationsBelowStandard = [.. assessment.Gaps.StationsBelowStandard.Order(StringComparer.Ordinal)],
            },
        };
    }
}

/// <summary>One target of a <see cref="CoverageDocument"/>.</summary>
public sealed class CoverageTargetDocument
{
    /// <summary>Gets the target id.</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary>Gets the phase id.</summary>
    public string Phase { get; init; } = string.Empty;

    /// <summary>Gets the required value.</summary>
    public double Required { get; init; }

    /// <summary>Gets the actual value.</summary>
    public double Actual { get; init; }

    /// <summary>Gets the due date (<c>yyyy-MM-dd</c>).</summary>
    public string Due { get; init; } = string.Empty;

    /// <summary>Gets the status: <c>met</c>, <c>onTrack</c>, <c>behind</c> or <c>missed</c>.</summary>
    public string Status { get; init; } = string.Empty;
}

/// <summary>The gaps of a <see cref="CoverageDocument"/>.</summary>
public sealed class CoverageGapsDocument
{
    /// <summary>Gets the townships without an operating station.</summary>
    public IReadOnlyList<string> TownshipsWithoutStation { get; init; } = [];

    /// <summary>Gets the villages without an operating room.</summary>
    public IReadOnlyList<string> VillagesWithoutRoom { get; init; } = [];

    /// <summary>Gets the stations below standard.</summary>
    public IReadOnlyList<string> StationsBelowStandard { get; init; } = [];
}

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

/// <summary>One worker of a <see cref="PayRosterDocument"/>.</summary>
public sealed class PayWorkerDocument
{
    /// <summary>Gets the worker id.</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary>Gets the highest qualification held: <c>none|assistant|intermediate|senior</c>.</summary>
    public string Qualification { get; init; } = "none";

    /// <summary>Gets the post held: <c>none|assistant|intermediate|senior</c>.</summary>
    public string Post { get; init; } = "none";

    /// <summary>Gets the uplift in steps.</summary>
    public int UpliftSteps { get; init; }

    /// <summary>Gets the base level, if known.</summary>
    public int? BaseLevel { get; init; }

    /// <summary>Gets the effective level, if a base level is known.</summary>
    public int? EffectiveLevel { get; init; }

    /// <summary>Gets the findings.</summary>
    public IReadOnlyList<FindingDocument> Findings { get; init; } = [];
}

/// <summary>A finding's code and its message in the chosen language.</summary>
public sealed class FindingDocument
{
    /// <summary>Gets the code.</summary>
    public string Code { get; init; } = string.Empty;

    /// <summary>Gets the message.</summary>
    public string Message { get; init; } = string.Empty;
}

/// <summary>Writes the result documents as indented JSON with Chinese kept readable.</summary>
public static class ResultDocumentJson
{
    private static readonly ResultJsonContext Readable = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
    });

    /// <summary>Gets the source-generated type information, for hosts that serialise themselves (for example ASP.NET Core).</summary>
    public static JsonSerializerContext Context => Readable;

    /// <summary>Serialises a coverage document.</summary>
    /// <param name="document">The document.</param>
    /// <returns>The JSON.</returns>
    public static string Serialize(CoverageDocument document) => JsonSerializer.Serialize(document, Readable.CoverageDocument);

    /// <summary>Serialises a pay roster document.</summary>
    /// <param name="document">The document.</param>
    /// <returns>The JSON.</returns>
    public static string Serialize(PayRosterDocument document) => JsonSerializer.Serialize(document, Readable.PayRosterDocument);
}

[JsonSourceGenerationOptions(
    AllowDuplicateProperties = false, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(CoverageDocument))]
[JsonSerializable(typeof(PayRosterDocument))]
internal sealed partial class ResultJsonContext : JsonSerializerContext;
