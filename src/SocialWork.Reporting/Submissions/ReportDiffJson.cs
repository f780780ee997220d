using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialWork.Reporting;

/// <summary>
/// A <see cref="ReportDiff"/> as JSON: <c>{"cells":[{"division","period","key","indicator","old","new"}…],
/// "recordsAdded":[ids],"recordsWithdrawn":[ids]}</c> — division codes of 12 digits, periods as <c>2023-03</c>, amounts in
/// yuan, <c>null</c> where a side has no value.
/// </summary>
public static class ReportDiffJson
{
    /// <summary>Writes the differences as JSON.</summary>
    /// <param name="diff">The differences.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(ReportDiff diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        var document = new DiffDocument(
            [.. diff.Cells.Select(c => new CellDocument(c.Division.ToString(), c.Period.ToString(), c.Key, c.Indicator, c.Old, c.New))],
            [.. diff.RecordsAdded],
            [.. diff.RecordsWithdrawn]);
        return JsonSerializer.Serialize(document, DiffJsonContext.Default.DiffDocument);
    }

    internal sealed record DiffDocument(CellDocument[] Cells, string[] RecordsAdded, string[] RecordsWithdrawn);

    internal sealed record CellDocument(string Division, string Period, string Key, string Indicator, decimal? Old, decimal? New);
}

/// <summary>Source-generated JSON for report differences (camelCase).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ReportDiffJson.DiffDocument))]
internal sealed partial class DiffJsonContext : JsonSerializerContext;
