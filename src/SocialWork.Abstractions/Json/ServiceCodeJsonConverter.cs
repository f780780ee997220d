using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialWork.Json;

/// <summary>Reads and writes a <see cref="ServiceCode"/> as a string.</summary>
public sealed class ServiceCodeJsonConverter : JsonConverter<ServiceCode>
{
    /// <inheritdoc />
    public override ServiceCode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a service code string but found {reader.TokenType}.");
        }
        var text = reader.GetString()!;
        return ServiceCode.GetParseError(text, out var code) is { } error ? throw new JsonException($"Service code '{text}' {error}.") : code;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, ServiceCode value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Value);
    }
}
