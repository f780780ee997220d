using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialWork.Json;

/// <summary>
/// The source-generated System.Text.Json context for the vocabulary types: camelCase names, enums as camelCase strings,
/// dates as <c>yyyy-MM-dd</c>, division codes as 12-digit strings, money as numbers with two decimals. Unknown
/// properties and missing required constructor parameters are rejected; the <see cref="JsonException"/> names the path.
/// </summary>
[JsonSourceGenerationOptions(
    AllowDuplicateProperties = false,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters =
    [
        typeof(LocalDateJsonConverter),
        typeof(DivisionCodeJsonConverter),
        typeof(ServiceCodeJsonConverter),
        typeof(PeriodJsonConverter),
        typeof(MoneyJsonConverter),
        typeof(LinkagePartiesJsonConverter),
        typeof(CamelCaseEnumConverter<DivisionLevel>),
        typeof(CamelCaseEnumConverter<DivisionKind>),
        typeof(CamelCaseEnumConverter<FacilityTier>),
        typeof(CamelCaseEnumConverter<Employment>),
        typeof(CamelCaseEnumConverter<QualificationLevel>),
        typeof(CamelCaseEnumConverter<ServiceMethod>),
        typeof(CamelCaseEnumConverter<TargetGroup>),
        typeof(CamelCaseEnumConverter<PeriodKind>),
        typeof(CamelCaseEnumConverter<ProgrammeKind>),
    ])]
[JsonSerializable(typeof(DivisionCode))]
[JsonSerializable(typeof(Division))]
[JsonSerializable(typeof(IReadOnlyList<Division>))]
[JsonSerializable(typeof(Facility))]
[JsonSerializable(typeof(IReadOnlyList<Facility>))]
[JsonSerializable(typeof(Worker))]
[JsonSerializable(typeof(IReadOnlyList<Worker>))]
[JsonSerializable(typeof(Qualification))]
[JsonSerializable(typeof(PostAppointment))]
[JsonSerializable(typeof(ServiceRecord))]
[JsonSerializable(typeof(IReadOnlyList<ServiceRecord>))]
[JsonSerializable(typeof(Programme))]
[JsonSerializable(typeof(Money))]
[JsonSerializable(typeof(ReportingPeriod))]
[JsonSerializable(typeof(ServiceCode))]
[JsonSerializable(typeof(LocalizedText))]
[JsonSerializable(typeof(CatalogEntry))]
[JsonSerializable(typeof(ServiceItem))]
[JsonSerializable(typeof(LinkageParties))]
internal sealed partial class SocialWorkJsonContext : JsonSerializerContext;
