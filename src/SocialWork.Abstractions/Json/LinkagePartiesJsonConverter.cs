using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialWork.Json;

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
