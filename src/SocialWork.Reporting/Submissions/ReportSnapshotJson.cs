using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime.Text;

namespace SocialWork.Reporting;

/// <summary>
/// A <see cref="ReportSnapshot"/> as JSON: <c>{"id","division","period","by","madeAt","records","recordsDigest",
/// "recordIds":[…],"report":{…}}</c>, the report as <see cref="ReportWriter.ToJson"/> writes it. Reading checks the id and
/// the digest, so a snapshot changed after it was made is refused.
/// </summary>
public static class ReportSnapshotJson
{
    /// <summary>Writes the snapshot as JSON.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(ReportSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return JsonSerializer.Serialize(Document(snapshot, snapshot.Id), SnapshotJsonContext.Default.SnapshotDocument);
    }

    /// <summary>Reads a snapshot written by <see cref="Serialize"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="JsonException">The JSON is malformed, not a snapshot, or its id or digest does not match its content; the message names the JSON path.</exception>
    public static ReportSnapshot Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var document = SocialWork.Json.SocialWorkJson.Deserialize(json, SnapshotJsonContext.Default.SnapshotDocument);
        if (!DivisionCode.TryParse(document.Division, out var division))
        {
            throw new JsonException($"$.division: '{document.Division}' is not a division code.");
        }
        if (!ReportingPeriod.TryParse(document.Period, out var period))
        {
            throw new JsonException($"$.period: '{document.Period}' is not a period (2023, 2023-Q1 or 2023-03).");
        }
        if (InstantPattern.ExtendedIso.Parse(document.MadeAt) is not { Success: true } madeAt)
        {
            throw new JsonException($"$.madeAt: '{document.MadeAt}' is not an instant (2023-04-05T08:00:00Z).");
        }
        if (document.Records != document.RecordIds.Length)
        {
            throw new JsonException($"$.records: {document.Records}, but $.recordIds holds {document.RecordIds.Length}.");
        }
        var report = ReportWriter.ParseJson(document.Report.GetRawText());
        return ReportSnapshot.Restore(division, period, document.By, madeAt.Value, document.RecordIds, report, document.Id, document.RecordsDigest);
    }

    /// <summary>The JSON the id is the SHA-256 of: the snapshot's document with an empty id, unindented.</summary>
    internal static string Canonical(ReportSnapshot snapshot) => JsonSerializer.Serialize(Document(snapshot, string.Empty), SnapshotJsonContext.Default.SnapshotDocument);

    private static SnapshotDocument Document(ReportSnapshot snapshot, string id) => new(
        id,
        snapshot.Division.ToString(),
        snapshot.Period.ToString(),
        snapshot.By,
        InstantPattern.ExtendedIso.Format(snapshot.MadeAt),
        snapshot.Records,
        snapshot.RecordsDigest,
        [.. snapshot.RecordIds],
        JsonDocument.Parse(ReportWriter.ToJson(snapshot.Report)).RootElement);

    internal sealed record SnapshotDocument(string Id, string Division, string Period, CubeDimension By, string MadeAt, int Records, string RecordsDigest, string[] RecordIds, JsonElement Report);
}

/// <summary>Source-generated JSON for snapshots (camelCase, unknown members refused).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectRequiredConstructorParameters = true,
    RespectNullableAnnotations = true,
    AllowDuplicateProperties = false,
    Converters = [typeof(SocialWork.Json.CamelCaseEnumConverter<CubeDimension>)])]
[JsonSerializable(typeof(ReportSnapshotJson.SnapshotDocument))]
internal sealed partial class SnapshotJsonContext : JsonSerializerContext;
