using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialWork.Json;

/// <summary>Reads and writes a <see cref="ReportingPeriod"/> as its label (<c>2026-03</c>, <c>2026-Q1</c>, <c>2026</c>).</summary>
public sealed class PeriodJsonConverter : JsonConverter<ReportingPeriod>
{
    /// <inheritdoc />
    public override ReportingPeriod Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new JsonException($"Expected a period label but found {reader.TokenType}.");
        return ReportingPeriod.TryParse(text, out var period) ? period : throw new JsonException($"Period label '{text}' is not of the form 2026-03, 2026-Q1 or 2026.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, ReportingPeriod value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<char> text = stackalloc char[16];
        if (value.TryFormat(text, out var written, default, System.Globalization.CultureInfo.InvariantCulture))
        {
            writer.WriteStringValue(text[..written]);
        }
        else
        {
            writer.WriteStringValue(value.ToString());
        }
    }
}
