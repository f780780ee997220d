using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace SocialWork.Json;

/// <summary>Reads and writes <see cref="LocalDate"/> as an ISO <c>yyyy-MM-dd</c> string.</summary>
public sealed class LocalDateJsonConverter : JsonConverter<LocalDate>
{
    /// <inheritdoc />
    public override LocalDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a date string yyyy-MM-dd but found {reader.TokenType}.");
        }
        var text = reader.GetString()!;
        var result = LocalDatePattern.Iso.Parse(text);
        return result.Success ? result.Value : throw new JsonException($"'{text}' is not a date of the form yyyy-MM-dd.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(LocalDatePattern.Iso.Format(value));
    }
}

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
        writer.WriteStringValue(value.ToString());
    }
}

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

/// <summary>Reads and writes <see cref="LinkageParties"/> in the <c>community|organisation|…</c> form of the records CSV.</summary>
public sealed class LinkagePartiesJsonConverter : JsonConverter<LinkageParties>
{
    /// <inheritdoc />
    public override LinkageParties Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new JsonException($"Expected parties such as \"community|volunteer\" but found {reader.TokenType}.");
        return LinkagePartiesExtensions.TryParse(text, out var parties)
            ? parties
            : throw new JsonException($"Parties '{text}' must be |-separated codes among community, organisation, socialWorker, volunteer, charity.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, LinkageParties value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToCodes());
    }
}

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
