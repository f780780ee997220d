using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialWork.Rules;

/// <summary>Writes the result documents as indented JSON with Chinese kept readable.</summary>
public static class ResultDocumentJson
{
    private static readonly ResultJsonContext Readable = new(SocialWork.Json.SocialWorkJson.CreateReadableOptions());

    /// <summary>Gets the source-generated type information, for hosts that serialise themselves (for example ASP.NET Core).</summary>
    public static JsonSerializerContext Context => Readable;

    /// <summary>Serialises a coverage document.</summary>
    /// <param name="document">The document.</param>
    /// <returns>The JSON.</returns>
    public static string Serialize(CoverageDocument document) => JsonSerializer.Serialize(document, Readable.CoverageDocument);

    /// <summary>Serialises a pay roster document.</summary>
    /// <param name="document">The document.</param>
    /// <returns>The JSON.</returns>
    public static string Serialize(PayRosterDocument document) => JsonSerializer.Serialize(document, Readable.PayRosterDocument);

    /// <summary>Serialises a network series document.</summary>
    /// <param name="document">The document.</param>
    /// <returns>The JSON.</returns>
    public static string Serialize(NetworkSeriesDocument document) => JsonSerializer.Serialize(document, Readable.NetworkSeriesDocument);
}
