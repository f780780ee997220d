using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialWork.Json;

/// <summary>Reads a 6/9/12-digit <see cref="DivisionCode"/> string; writes twelve digits.</summary>
public sealed class DivisionCodeJsonConverter : JsonConverter<DivisionCode>
{
    /// <inheritdoc />
    public override DivisionCode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a division code string but found {reader.TokenType}.");
        }
        var text = reader.GetString()!;
        var error = DivisionCode.GetParseError(text, out var code);
        return error is null ? code : throw new JsonException($"Division code '{text}' {error}.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DivisionCode value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<byte> buffer = stackalloc byte[DivisionCode.Length];
        value.TryFormat(buffer, out var written, default, System.Globalization.CultureInfo.InvariantCulture);
        writer.WriteStringValue(buffer[..written]);
    }
}
