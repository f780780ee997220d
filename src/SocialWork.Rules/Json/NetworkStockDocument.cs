using System.Text.Json.Serialization;

namespace SocialWork.Rules;

/// <summary>One row of a <see cref="NetworkSeriesDocument"/>: a division's stocks on one day.</summary>
public sealed class NetworkStockDocument
{
    /// <summary>Gets the division (12 digits).</summary>
    public string Division { get; init; } = string.Empty;

    /// <summary>Gets the period label (<c>2023-Q4</c>).</summary>
    public string Period { get; init; } = string.Empty;

    /// <summary>Gets the day the stocks are read on (<c>yyyy-MM-dd</c>).</summary>
    public string AsOf { get; init; } = string.Empty;

    /// <summary>Gets the operating facilities by tier.</summary>
    public FacilityCounts Facilities { get; init; } = new(0, 0, 0, 0);

    /// <summary>Gets the townships with an operating station.</summary>
    public int TownshipsWithStation { get; init; }

    /// <summary>Gets the villages with an operating room.</summary>
    public int VillagesWithRoom { get; init; }

    /// <summary>Gets the workers of the division's facilities.</summary>
    public int Workers { get; init; }

    /// <summary>Gets the workers by the highest qualification level held.</summary>
    public PerLevel<int> Certified { get; init; } = new(0, 0, 0);

    /// <summary>Gets the plan's targets on the row's day; only on the scope's rows.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<SeriesTargetDocument>? Targets { get; init; }
}
