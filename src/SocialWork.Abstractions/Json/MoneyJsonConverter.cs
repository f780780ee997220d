using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialWork.Json;

/// <summary>
/// Writes <see cref="Money"/> as a JSON number of yuan with exactly two decimals (<c>17000.00</c>); reads a number or a
/// string with at most two decimals, exactly (no binary floating point on the way).
/// </summary>
public sealed class MoneyJsonConverter : JsonConverter<Money>
{
    /// <inheritdoc />
    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType is not (JsonTokenType.Number or JsonTokenType.String))
        {
            throw new JsonException($"Expected an amount in yuan but found {reader.TokenType}.");
        }
        var raw = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray();
        var text = Encoding.UTF8.GetString(raw);
        var error = Money.GetParseError(text, out var money);
        return error is null ? money : throw new JsonException($"Amount '{text}' {error}.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<char> buffer = stackalloc char[24];
        value.TryFormat(buffer, out var written, default, System.Globalization.CultureInfo.InvariantCulture);
        writer.WriteRawValue(buffer[..written], skipInputValidation: true);
    }
}
