using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialWork.Json;

/// <summary>Reads and writes an enum as its camelCase name (for example <c>communityFullTime</c>); numbers are rejected.</summary>
/// <typeparam name="TEnum">The enum.</typeparam>
public sealed class CamelCaseEnumConverter<TEnum> : JsonStringEnumConverter<TEnum>
    where TEnum : struct, Enum
{
    /// <summary>Creates the converter.</summary>
    public CamelCaseEnumConverter()
        : base(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    {
    }
}
