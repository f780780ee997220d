using System.Text.Json.Serialization;

namespace SocialWork.Rules;

[JsonSourceGenerationOptions(
    AllowDuplicateProperties = false, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(CoverageDocument))]
[JsonSerializable(typeof(PayRosterDocument))]
[JsonSerializable(typeof(NetworkSeriesDocument))]
internal sealed partial class ResultJsonContext : JsonSerializerContext;
