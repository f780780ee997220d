using System.Text.Json.Serialization;

namespace SocialWork.Rules;

/// <summary>A plan read from a document, with the station standard it names.</summary>
/// <param name="Plan">The plan.</param>
/// <param name="Standard">The station standard that grades stations.</param>
public sealed record CoveragePlanDocument(CoveragePlan Plan, StationStandard Standard);

/// <summary>
/// Reads coverage-plan documents: <c>{"scope":"130602","start":"2021-05-18","preset":"cover-standardize-improve|pilot-rollout-full",
/// "phaseMonths":{"cover":12,…},"thresholds":{"townshipStationCoverage":1,…},"pilotCoverage":0.3,"rolloutCoverage":0.7,
/// "standard":["six-haves","fujian-2021"],"extraCriteria":[…]}</c>.
/// </summary>
public static class CoveragePlanJson
{
    private const string Kind = "coverage plan";

    /// <summary>Reads a plan document.</summary>
    /// <param name="utf8Json">The UTF-8 JSON.</param>
    /// <param name="documentName">The file name for messages.</param>
    /// <returns>The plan and its station standard.</returns>
    /// <exception cref="DocumentException">The document is malformed or invalid.</exception>
    public static CoveragePlanDocument Load(Stream utf8Json, string? documentName = null)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        var (dto, reader) = DocumentReader.Open(utf8Json, RulesJsonContext.Default.PlanDto, Kind, documentName);
        var scope = reader.Code(dto.Scope, "$.scope", required: true);
        var start = reader.Date(dto.Start, "$.start", required: true);
        var preset = dto.Preset ?? CoveragePlans.CoverStandardizeImprovePreset;
        string[] phaseIds = preset switch
        {
            CoveragePlans.CoverStandardizeImprovePreset => ["cover", "standardize", "improve"],
            CoveragePlans.PilotRolloutFullPreset => ["pilot", "rollout", "full"],
            _ => [],
        };
        if (phaseIds.Length == 0)
        {
            reader.Add("$.preset", $"'{preset}' is not one of {CoveragePlans.CoverStandardizeImprovePreset}, {CoveragePlans.PilotRolloutFullPreset}");
        }
        var months = new int[3] { 12, 12, 12 };
        foreach (var (phase, value) in dto.PhaseMonths ?? [])
        {
            var index = Array.IndexOf(phaseIds, phase);
            if (index < 0)
            {
                reader.Add($"$.phaseMonths.{phase}", $"'{phase}' is not a phase of {preset} ({string.Join(", ", phaseIds)})");
            }
            else if (value < 1)
            {
                reader.Add($"$.phaseMonths.{phase}", $"a phase lasts at least one month; was {value}");
            }
            else
            {
                months[index] = value;
            }
        }
        var thresholds = new CoverageThresholds();
        foreach (var (id, value) in dto.Thresholds ?? [])
        {
            var path = $"$.thresholds.{id}";
            if (value is < 0 or > 1)
            {
                reader.Add(path, $"a share must lie in [0,1]; was {value}");
                continue;
            }
            thresholds = id switch
            {
                "townshipStationCoverage" => thresholds with { TownshipStationCoverage = value },
                "countyCenter" => thresholds with { CountyCenter = value },
                "standardShare" => thresholds with { StandardShare = value },
                "improvedShare" => thresholds with { ImprovedShare = value },
                "communityRoomCoverage" => thresholds with { CommunityRoomCoverage = value },
                _ => Unknown(reader, path, id, thresholds),
            };
        }
        foreach (var (value, path) in new[] { (dto.PilotCoverage, "$.pilotCoverage"), (dto.RolloutCoverage, "$.rolloutCoverage") })
        {
            if (value is < 0 or > 1)
            {
                reader.Add(path, $"a share must lie in [0,1]; was {value}");
            }
        }
        var standard = Standard(dto, reader);
        reader.ThrowIfAny();
        var plan = preset == CoveragePlans.PilotRolloutFullPreset
            ? CoveragePlans.PilotRolloutFull(scope!.Value, start!.Value, dto.PilotCoverage, dto.RolloutCoverage, thresholds, (months[0], months[1], months[2]))
            : CoveragePlans.CoverStandardizeImprove(scope!.Value, start!.Value, thresholds, (months[0], months[1], months[2]));
        return new CoveragePlanDocument(plan, standard!);
    }

    private static CoverageThresholds Unknown(DocumentReader reader, string path, string id, CoverageThresholds thresholds)
    {
        reader.Add(path, $"'{id}' is not a threshold; known: townshipStationCoverage, countyCenter, standardShare, improvedShare, communityRoomCoverage");
        return thresholds;
    }

    private static StationStandard? Standard(PlanDto dto, DocumentReader reader)
    {
        var parts = new List<StationStandard>();
        var names = dto.Standard ?? ["six-haves"];
        for (var i = 0; i < names.Count; i++)
        {
            var part = names[i] switch
            {
                "six-haves" => StationStandard.SixHaves,
                "fujian-2021" => StationStandard.Fujian2021,
                "guangdong-2017" => StationStandard.Guangdong2017,
                _ => null,
            };
            if (part is null)
            {
                reader.Add($"$.standard[{i}]", $"'{names[i]}' is not a known standard; known: six-haves, fujian-2021, guangdong-2017");
            }
            else
            {
                parts.Add(part);
            }
        }
        var extra = new List<StationCriterion>();
        for (var i = 0; i < (dto.ExtraCriteria?.Count ?? 0); i++)
        {
            var c = dto.ExtraCriteria![i];
            var path = $"$.extraCriteria[{i}]";
            var id = reader.Required(c.Id, $"{path}.id");
            var metric = reader.Enum<StationMetric>(c.Metric, $"{path}.metric", required: true);
            var comparison = reader.Enum<Comparison>(c.Comparison, $"{path}.comparison", required: false) ?? Comparison.AtLeast;
            var label = c.Label?.ToModel(reader, $"{path}.label");
            if (c.Label is null)
            {
                reader.Add($"{path}.label", "is missing");
            }
            if (id is not null && metric is { } m && label is not null)
            {
                extra.Add(new StationCriterion(id, m, comparison, c.Threshold, label, c.ForImproved));
            }
        }
        if (reader.HasProblems)
        {
            return null;
        }
        var combined = StationStandard.Combine(string.Join("+", names), new LocalizedText(string.Join("+", parts.Select(p => p.Name.Chinese)), string.Join(" + ", parts.Select(p => p.Name.English))), [.. parts]);
        return extra.Count == 0 ? combined : combined with { Criteria = [.. combined.Criteria, .. extra] };
    }
}

internal sealed class PlanDto
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; set; }

    public string? Scope { get; set; }

    public string? Start { get; set; }

    public string? Preset { get; set; }

    public Dictionary<string, int>? PhaseMonths { get; set; }

    public Dictionary<string, double>? Thresholds { get; set; }

    public double? PilotCoverage { get; set; }

    public double? RolloutCoverage { get; set; }

    public List<string>? Standard { get; set; }

    public List<CriterionDto>? ExtraCriteria { get; set; }
}

internal sealed class CriterionDto
{
    public string? Id { get; set; }

    public string? Metric { get; set; }

    public string? Comparison { get; set; }

    public double Threshold { get; set; }

    public LabelDto? Label { get; set; }

    public bool ForImproved { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    WriteIndented = true)]
[JsonSerializable(typeof(PayPolicyDto))]
[JsonSerializable(typeof(WorkersDto))]
[JsonSerializable(typeof(NetworkDto))]
[JsonSerializable(typeof(PlanDto))]
internal sealed partial class RulesJsonContext : JsonSerializerContext;
