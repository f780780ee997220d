using System.Text.Json.Serialization;
using NodaTime;
using SocialWork.Json;

namespace SocialWork.Rules;

/// <summary>
/// Reads coverage-plan documents: <c>{"scope":"130602","start":"2021-05-18","preset":"cover-standardize-improve|pilot-rollout-full",
/// "phaseMonths":{"cover":12,…},"thresholds":{"townshipStationCoverage":1,…},"pilotCoverage":0.3,"rolloutCoverage":0.7,
/// "standard":["six-haves","fujian-2021"],"extraCriteria":[…]}</c>, or with explicit <c>"phases":[{"id","label","months",
/// "targets":[{"metric","required"}]}]</c> instead of a preset (schema: <c>docs/coverage-plan.schema.json</c>).
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
        => DocumentReader.Read(utf8Json, RulesJsonContext.Default.PlanDto, problems => new DocumentException(Kind, problems, documentName), Plan);

    private static CoveragePlanDocument Plan(PlanDto dto, DocumentReader reader)
    {
        var scope = reader.Code(dto.Scope, "$.scope", required: true);
        var start = reader.Date(dto.Start, "$.start", required: true);
        if (dto.Phases is not null)
        {
            return Custom(dto, reader, scope, start);
        }
        var preset = dto.Preset ?? CoveragePlan.CoverStandardizeImprovePreset;
        string[] phaseIds = preset switch
        {
            CoveragePlan.CoverStandardizeImprovePreset => ["cover", "standardize", "improve"],
            CoveragePlan.PilotRolloutFullPreset => ["pilot", "rollout", "full"],
            _ => [],
        };
        if (phaseIds.Length == 0)
        {
            reader.Add("$.preset", $"'{preset}' is not one of {CoveragePlan.CoverStandardizeImprovePreset}, {CoveragePlan.PilotRolloutFullPreset}", $"'{preset}'不是{CoveragePlan.CoverStandardizeImprovePreset}、{CoveragePlan.PilotRolloutFullPreset}之一");
        }
        var months = new int[3] { 12, 12, 12 };
        foreach (var (phase, value) in dto.PhaseMonths ?? [])
        {
            var index = Array.IndexOf(phaseIds, phase);
            if (index < 0)
            {
                reader.Add($"$.phaseMonths.{phase}", $"'{phase}' is not a phase of {preset} ({string.Join(", ", phaseIds)})", $"'{phase}'不是{preset}的阶段（{string.Join("、", phaseIds)}）");
            }
            else if (value < 1)
            {
                reader.Add($"$.phaseMonths.{phase}", $"a phase lasts at least one month; was {value}", $"阶段至少持续一个月，实际为{value}");
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
            if (!double.IsFinite(value) || value is < 0 or > 1)
            {
                reader.Add(path, $"a share must lie in [0,1]; was {value}", $"比例应在0到1之间，实际为{value}");
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
            if (value is { } share && (!double.IsFinite(share) || share is < 0 or > 1))
            {
                reader.Add(path, $"a share must lie in [0,1]; was {value}", $"比例应在0到1之间，实际为{value}");
            }
        }
        var standard = Standard(dto, reader);
        reader.ThrowIfAny();
        var plan = reader.Guard(dto.PhaseMonths is null ? "$.start" : "$.phaseMonths", () => preset == CoveragePlan.PilotRolloutFullPreset
            ? CoveragePlan.PilotRolloutFull(scope!.Value, start!.Value, dto.PilotCoverage, dto.RolloutCoverage, thresholds, (months[0], months[1], months[2]))
            : CoveragePlan.CoverStandardizeImprove(scope!.Value, start!.Value, thresholds, (months[0], months[1], months[2])));
        reader.ThrowIfAny();
        return new CoveragePlanDocument(plan!, standard!);
    }

    /// <summary>Writes a plan and its standard as a document with explicit phases and criteria, which reads back to the same plan.</summary>
    /// <param name="document">The plan and standard.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(CoveragePlanDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var plan = document.Plan;
        var dto = new PlanDto(
            Schema: null,
            Scope: plan.Scope.ToString("S", null),
            Start: NodaTime.Text.LocalDatePattern.Iso.Format(plan.Start),
            Preset: null,
            PhaseMonths: null,
            Thresholds: null,
            PilotCoverage: null,
            RolloutCoverage: null,
            Standard: [],
            StandardId: document.Standard.Id,
            StandardName: LabelDto.From(document.Standard.Name),
            StandardSource: document.Standard.Source,
            ExtraCriteria: [.. document.Standard.Criteria.Select(c => new CriterionDto(
                c.Id,
                DocumentReader.CamelCase(c.Metric.ToString()),
                DocumentReader.CamelCase(c.Comparison.ToString()),
                c.Threshold,
                LabelDto.From(c.Message),
                c.ForImproved))],
            Id: plan.Id,
            Source: plan.Source,
            Phases: [.. plan.Phases.Select(p => new PhaseDto(p.Id, LabelDto.From(p.Label), [.. p.Targets.Select(t => new TargetDto(t.Id, t.Required))], p.Months))]);
        return System.Text.Json.JsonSerializer.Serialize(dto, RulesJsonContext.Default.PlanDto);
    }

    private static CoveragePlanDocument Custom(PlanDto dto, DocumentReader reader, DivisionCode? scope, LocalDate? start)
    {
        if (dto.Preset is not null || dto.PhaseMonths is not null || dto.Thresholds is not null || dto.PilotCoverage is not null || dto.RolloutCoverage is not null)
        {
            reader.Add("$.phases", "explicit phases replace preset, phaseMonths, thresholds, pilotCoverage and rolloutCoverage; give one or the other", "显式阶段（phases）与preset、phaseMonths、thresholds、pilotCoverage、rolloutCoverage不能同时给出");
        }
        var phases = new List<CoveragePhase>();
        for (var i = 0; i < dto.Phases!.Count; i++)
        {
            var p = dto.Phases[i];
            var path = $"$.phases[{i}]";
            var id = reader.Required(p.Id, $"{path}.id");
            var label = LabelDto.Read(p.Label, reader, $"{path}.label", required: true);
            if (p.Months < 1)
            {
                reader.Add($"{path}.months", $"a phase lasts at least one month; was {p.Months}", $"阶段至少持续一个月，实际为{p.Months}");
            }
            var targets = new List<CoverageTarget>();
            for (var j = 0; j < (p.Targets?.Count ?? 0); j++)
            {
                var t = p.Targets![j];
                if (t.Metric is null || !CoverageMetricExtensions.TryParse(t.Metric, out var metric))
                {
                    reader.Add($"{path}.targets[{j}].metric", $"'{t.Metric}' is not a coverage metric; known: {string.Join(", ", Enum.GetValues<CoverageMetric>().Select(CoverageMetricExtensions.ToId))}", $"'{t.Metric}'不是覆盖指标（已知：{string.Join("、", Enum.GetValues<CoverageMetric>().Select(CoverageMetricExtensions.ToId))}）");
                    continue;
                }
                if (CoverageMetricExtensions.IsShare(metric) && t.Required is < 0 or > 1)
                {
                    reader.Add($"{path}.targets[{j}].required", $"a share must lie in [0,1]; was {t.Required}", $"比例应在0到1之间，实际为{t.Required}");
                    continue;
                }
                targets.Add(new CoverageTarget(metric, t.Required));
            }
            if (id is not null && label is not null)
            {
                phases.Add(new CoveragePhase(id, label, p.Months, targets));
            }
        }
        var standard = Standard(dto, reader);
        reader.ThrowIfAny();
        var plan = reader.Guard("$.phases", () => new CoveragePlan(scope!.Value, start!.Value, phases) { Id = dto.Id, Source = dto.Source });
        reader.ThrowIfAny();
        return new CoveragePlanDocument(plan!, standard!);
    }

    private static CoverageThresholds Unknown(DocumentReader reader, string path, string id, CoverageThresholds thresholds)
    {
        reader.Add(path, $"'{id}' is not a threshold; known: townshipStationCoverage, countyCenter, standardShare, improvedShare, communityRoomCoverage", $"'{id}'不是目标值（已知：townshipStationCoverage、countyCenter、standardShare、improvedShare、communityRoomCoverage）");
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
                reader.Add($"$.standard[{i}]", $"'{names[i]}' is not a known standard; known: six-haves, fujian-2021, guangdong-2017", $"'{names[i]}'不是已知的社工站标准（已知：six-haves、fujian-2021、guangdong-2017）");
            }
            else
            {
                parts.Add(part);
            }
        }
        var extra = DocumentReader.Each(dto.ExtraCriteria, "$.extraCriteria", (c, path) =>
        {
            var id = reader.Required(c.Id, $"{path}.id");
            var metric = reader.Enum<StationMetric>(c.Metric, $"{path}.metric", required: true);
            var comparison = reader.Enum<Comparison>(c.Comparison, $"{path}.comparison", required: false) ?? Comparison.AtLeast;
            var label = LabelDto.Read(c.Label, reader, $"{path}.label", required: true);
            return reader.Finite(c.Threshold, $"{path}.threshold") && id is not null && metric is { } m && label is not null
                ? new StationCriterion(id, m, comparison, c.Threshold, label, c.ForImproved)
                : null;
        });
        if (reader.HasProblems)
        {
            return null;
        }
        var name = LabelDto.Read(dto.StandardName, reader, "$.standardName", required: false);
        if (parts.Count == 0 && extra.Count == 0)
        {
            reader.Add("$.standard", "the station standard needs at least one preset or criterion", "社工站标准至少需要一个预设或一项条件");
        }
        if (reader.HasProblems)
        {
            return null;
        }
        return new StationStandard(
            dto.StandardId ?? string.Join("+", names),
            name ?? new LocalizedText(string.Join("+", parts.Select(p => p.Name.Chinese).DefaultIfEmpty("自定义标准")), string.Join(" + ", parts.Select(p => p.Name.English).DefaultIfEmpty("custom standard"))),
            dto.StandardSource ?? string.Join("; ", parts.Select(p => p.Source).DefaultIfEmpty("extra criteria of the plan document")),
            [.. parts.SelectMany(p => p.Criteria), .. extra]);
    }
}

internal sealed record PlanDto(
    [property: JsonPropertyName("$schema")] string? Schema,
    string? Scope,
    string? Start,
    string? Preset,
    Dictionary<string, int>? PhaseMonths,
    Dictionary<string, double>? Thresholds,
    double? PilotCoverage,
    double? RolloutCoverage,
    List<string>? Standard,
    string? StandardId,
    LabelDto? StandardName,
    string? StandardSource,
    List<CriterionDto>? ExtraCriteria,
    string? Id,
    string? Source,
    List<PhaseDto>? Phases);

internal sealed record PhaseDto(string? Id, LabelDto? Label, List<TargetDto>? Targets, int Months = 12);

internal sealed record TargetDto(string? Metric, double Required);

internal sealed record CriterionDto(string? Id, string? Metric, string? Comparison, double Threshold, LabelDto? Label, bool ForImproved);

[JsonSourceGenerationOptions(
    AllowDuplicateProperties = false,
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
[JsonSerializable(typeof(InstitutionsDto))]
internal sealed partial class RulesJsonContext : JsonSerializerContext;
