using System.Text.Json.Serialization;

namespace SocialWork.Rules;

[JsonSourceGenerationOptions(
    AllowDuplicateProperties = false, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(CoverageDocument))]
[JsonSerializable(typeof(PayRosterDocument))]
internal sealed partial class ResultJsonContext : JsonSerializerContext;
