using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime.Text;
using SocialWork.Json;

namespace SocialWork.Rules;

/// <summary>
/// Reads and writes <see cref="PayStepPolicy"/> documents (schema: <c>docs/pay-policy.schema.json</c>):
/// <c>{"id","effectiveFrom","effectiveTo","eligibleEmployment":["communityFullTime"],"steps":{"assistant":1,"intermediate":2,"senior":3},
/// "requiresMatchingPost":true,"stacking":"highestOnly|cumulative","timing":"sameMonth|nextMonth|sameDay","ladder":{…}}</c>. Every field
/// but <c>id</c> and <c>effectiveFrom</c> is optional with the defaults of <see cref="PayStepPolicy"/>.
/// </summary>
public static class PayPolicyJson
{
    private const string Kind = "pay policy";

    /// <summary>Reads a policy document.</summary>
    /// <param name="utf8Json">The UTF-8 JSON.</param>
    /// <param name="documentName">The file name for messages.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="DocumentException">The document is malformed or invalid; every problem names its JSON path.</exception>
    public static PayStepPolicy Load(Stream utf8Json, string? documentName = null)
        => DocumentReader.Read(utf8Json, RulesJsonContext.Default.PayPolicyDto, problems => new DocumentException(Kind, problems, documentName), (dto, reader) => ToModel(dto, reader, "$"));

    /// <summary>Reads a policy document from a string.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="documentName">The file name for messages.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="DocumentException">The document is malformed or invalid.</exception>
    public static PayStepPolicy Parse(string json, string? documentName = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        return Load(stream, documentName);
    }

    /// <summary>Writes a policy document.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(PayStepPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var dto = new PayPolicyDto(
            Schema: null,
            policy.Id,
            LabelDto.From(policy.Name),
            policy.Source,
            policy.Jurisdiction?.ToString(),
            LocalDatePattern.Iso.Format(policy.EffectiveFrom),
            policy.EffectiveTo is { } to ? LocalDatePattern.Iso.Format(to) : null,
            [.. policy.EligibleEmployment.Select(e => DocumentReader.CamelCase(e.ToString()))],
            new StepsDto(policy.Steps.Assistant, policy.Steps.Intermediate, policy.Steps.Senior),
            policy.RequiresMatchingPost,
            DocumentReader.CamelCase(policy.Stacking.ToString()),
            DocumentReader.CamelCase(policy.Timing.ToString()),
            policy.Ladder is { } ladder ? LadderDto.From(ladder) : null);
        return JsonSerializer.Serialize(dto, RulesJsonContext.Default.PayPolicyDto);
    }

    internal static PayStepPolicy? ToModel(PayPolicyDto dto, DocumentReader reader, string path)
    {
        var id = reader.Required(dto.Id, $"{path}.id");
        var from = reader.Date(dto.EffectiveFrom, $"{path}.effectiveFrom", required: true);
        var to = reader.Date(dto.EffectiveTo, $"{path}.effectiveTo", required: false);
        var jurisdiction = reader.Code(dto.Jurisdiction, $"{path}.jurisdiction", required: false);
        var employment = new List<Employment>();
        for (var i = 0; i < (dto.EligibleEmployment?.Count ?? 0); i++)
        {
            if (reader.Enum<Employment>(dto.EligibleEmployment![i], $"{path}.eligibleEmployment[{i}]", required: true) is { } e)
            {
                employment.Add(e);
            }
        }
        if (dto.EligibleEmployment is { Count: 0 })
        {
            reader.Add($"{path}.eligibleEmployment", "must name at least one employment kind", "至少应列出一种用工类型");
        }
        var steps = dto.Steps ?? new StepsDto();
        foreach (var (value, level) in new[] { (steps.Assistant, "assistant"), (steps.Intermediate, "intermediate"), (steps.Senior, "senior") })
        {
            if (value is < 0 or > PayStepPolicy.MaxSteps)
            {
                reader.Add($"{path}.steps.{level}", $"steps must be between 0 and {PayStepPolicy.MaxSteps}; was {value}", $"提升级数应在0到{PayStepPolicy.MaxSteps}之间，实际为{value}");
            }
        }
        var stacking = reader.Enum<Stacking>(dto.Stacking, $"{path}.stacking", required: false);
        var timing = reader.Enum<UpliftTiming>(dto.Timing, $"{path}.timing", required: false);
        var name = LabelDto.Read(dto.Name, reader, $"{path}.name", required: false);
        var ladder = dto.Ladder?.ToModel(reader, $"{path}.ladder");
        if (from is { } f && to is { } t && t < f)
        {
            reader.Add($"{path}.effectiveTo", $"{dto.EffectiveTo} is before effectiveFrom {dto.EffectiveFrom}", $"失效日期{dto.EffectiveTo}早于生效日期{dto.EffectiveFrom}");
        }
        if (reader.HasProblems || id is null || from is null)
        {
            return null;
        }
        return new PayStepPolicy(id, from.Value)
        {
            Name = name,
            Source = dto.Source,
            Jurisdiction = jurisdiction,
            EffectiveTo = to,
            EligibleEmployment = dto.EligibleEmployment is null ? [Employment.CommunityFullTime] : employment,
            Steps = new PerLevel<int>(steps.Assistant, steps.Intermediate, steps.Senior),
            RequiresMatchingPost = dto.RequiresMatchingPost ?? true,
            Stacking = stacking ?? Stacking.HighestOnly,
            Timing = timing ?? UpliftTiming.SameMonth,
            Ladder = ladder,
        };
    }
}

internal sealed record PayPolicyDto(
    [property: JsonPropertyName("$schema")] string? Schema,
    string? Id,
    LabelDto? Name,
    string? Source,
    string? Jurisdiction,
    string? EffectiveFrom,
    string? EffectiveTo,
    List<string>? EligibleEmployment,
    StepsDto? Steps,
    bool? RequiresMatchingPost,
    string? Stacking,
    string? Timing,
    LadderDto? Ladder);

internal sealed record StepsDto(int Assistant = 1, int Intermediate = 2, int Senior = 3);

internal sealed record LadderDto(string? Id, string? Preset, List<CategoryDto>? Categories, Dictionary<string, long>? MonthlyPayFen)
{
    internal static LadderDto From(PayLadder ladder) => new(
        ladder.Id,
        Preset: null,
        [.. ladder.Categories.Select(c => new CategoryDto(c.Category, LabelDto.From(c.Label), c.MinLevel, c.MaxLevel))],
        ladder.MonthlyPayFen?.ToDictionary(kv => kv.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), kv => kv.Value));

    internal PayLadder? ToModel(DocumentReader reader, string path)
    {
        var pay = new Dictionary<int, long>();
        foreach (var (key, fen) in MonthlyPayFen ?? [])
        {
            if (!int.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var level) || level < 1)
            {
                reader.Add($"{path}.monthlyPayFen.{key}", $"'{key}' is not a ladder level (a whole number from 1)", $"'{key}'不是薪级（应为从1起的整数）");
            }
            else
            {
                pay[level] = fen;
            }
        }
        if (Preset is not null)
        {
            if (Preset != "three-posts-eighteen-levels")
            {
                reader.Add($"{path}.preset", $"'{Preset}' is not a known ladder preset; known: three-posts-eighteen-levels", $"'{Preset}'不是已知的薪级预设（已知：three-posts-eighteen-levels）");
                return null;
            }
            return PayLadder.ThreePostsEighteenLevels(pay.Count == 0 ? null : pay);
        }
        var categories = new List<PostCategoryRange>();
        for (var i = 0; i < (Categories?.Count ?? 0); i++)
        {
            var c = Categories![i];
            if (reader.Required(c.Category, $"{path}.categories[{i}].category") is { } code)
            {
                categories.Add(new PostCategoryRange(code, LabelDto.Read(c.Label, reader, $"{path}.categories[{i}].label", required: false), c.MinLevel, c.MaxLevel));
            }
        }
        return reader.Guard(path, () => new PayLadder(Id ?? "ladder", categories, pay.Count == 0 ? null : pay));
    }
}

internal sealed record CategoryDto(string? Category, LabelDto? Label, int MinLevel, int MaxLevel);
