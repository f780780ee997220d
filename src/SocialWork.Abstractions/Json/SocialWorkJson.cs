using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace SocialWork.Json;

/// <summary>
/// Deserialisation helpers that guarantee the error message names the JSON path: System.Text.Json keeps a converter's
/// own message and puts the path only in <see cref="JsonException.Path"/>; these helpers put it in the message too,
/// and turn a constructor's validation error into a <see cref="JsonException"/>.
/// </summary>
public static class SocialWorkJson
{
    /// <summary>
    /// Serialises a vocabulary value (a division code, division, facility, worker, record, programme, amount, period,
    /// service code, label or catalog entry, or a list of divisions, facilities, workers or records) with the library's
    /// conventions: camelCase, enums as camelCase strings, dates as <c>yyyy-MM-dd</c>, codes as strings, amounts exact.
    /// </summary>
    /// <typeparam name="T">The type; one of those named above.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not a vocabulary type.</exception>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, TypeInfo<T>());

    /// <summary>Deserialises a vocabulary value written by <see cref="Serialize{T}(T)"/> (or by hand in the same shape).</summary>
    /// <typeparam name="T">The type; see <see cref="Serialize{T}(T)"/>.</typeparam>
    /// <param name="json">The JSON text.</param>
    /// <returns>The value.</returns>
    /// <exception cref="JsonException">The JSON is malformed, null or invalid; the message starts with the JSON path.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not a vocabulary type.</exception>
    public static T Deserialize<T>(string json) => Deserialize(json, TypeInfo<T>());

    /// <summary>
    /// Creates the options the library writes documents with, for a source-generated context of your own: camelCase,
    /// indented, Chinese written as itself rather than as <c>\u</c> escapes.
    /// </summary>
    /// <param name="converters">Converters to add (a context built with options does not take those of its attribute).</param>
    /// <returns>New, still mutable options.</returns>
    public static JsonSerializerOptions CreateReadableOptions(params JsonConverter[] converters)
    {
        ArgumentNullException.ThrowIfNull(converters);
        var options = new JsonSerializerOptions
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            WriteIndented = true,
        };
        foreach (var converter in converters)
        {
            options.Converters.Add(converter);
        }
        return options;
    }

    private static JsonTypeInfo<T> TypeInfo<T>()
        => SocialWorkJsonContext.Default.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
           ?? throw new NotSupportedException($"{typeof(T).Name} is not a SocialWork vocabulary type; SocialWorkJson reads and writes only those.");

    /// <summary>Deserialises <paramref name="json"/>.</summary>
    /// <typeparam name="T">The type.</typeparam>
    /// <param name="json">The JSON text.</param>
    /// <param name="typeInfo">The source-generated type information, for example <c>SocialWorkJsonContext.Default.Worker</c>.</param>
    /// <returns>The value.</returns>
    /// <exception cref="JsonException">The JSON is malformed, null or invalid; the message starts with the JSON path.</exception>
    public static T Deserialize<T>(string json, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(typeInfo);
        return Read(() => JsonSerializer.Deserialize(json, typeInfo));
    }

    /// <summary>Deserialises a UTF-8 stream.</summary>
    /// <typeparam name="T">The type.</typeparam>
    /// <param name="utf8Json">The stream.</param>
    /// <param name="typeInfo">The source-generated type information.</param>
    /// <returns>The value.</returns>
    /// <exception cref="JsonException">The JSON is malformed, null or invalid; the message starts with the JSON path.</exception>
    public static T Deserialize<T>(Stream utf8Json, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentNullException.ThrowIfNull(typeInfo);
        return Read(() => JsonSerializer.Deserialize(utf8Json, typeInfo));
    }

    /// <summary>
    /// Returns the bytes after a UTF-8 byte-order mark (EF BB BF), or all of them. Editors on Windows write one; the JSON
    /// readers accept it, as the CSV reader does, rather than failing with "'0xEF' is an invalid start of a value".
    /// </summary>
    /// <param name="utf8Json">The document.</param>
    /// <returns>The document without its byte-order mark.</returns>
    public static ReadOnlyMemory<byte> SkipByteOrderMark(ReadOnlyMemory<byte> utf8Json)
        => utf8Json.Span.StartsWith("\uFEFF"u8) ? utf8Json[3..] : utf8Json;

    private static T Read<T>(Func<T?> deserialize)
    {
        try
        {
            return deserialize() ?? throw new JsonException("$: the document is null.", "$", 0, 0);
        }
        catch (JsonException ex)
        {
            throw WithPath(ex);
        }
        catch (ArgumentException ex)
        {
            throw new JsonException($"$: {ex.Message}", ex);
        }
    }

    /// <summary>Returns an exception whose message starts with the path and the line of <paramref name="ex"/>.</summary>
    /// <param name="ex">The exception System.Text.Json threw.</param>
    /// <returns>A new exception whose message names the path and line, in words without .NET type names.</returns>
    public static JsonException WithPath(JsonException ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        var path = ex.Path ?? "$";
        var line = ex.LineNumber is { } l ? $" (line {l + 1})" : string.Empty;
        return new JsonException($"{path}{line}: {JsonErrorText.Describe(ex)}", path, ex.LineNumber, ex.BytePositionInLine, ex);
    }
}
