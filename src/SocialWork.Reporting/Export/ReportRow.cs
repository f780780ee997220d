using System.Text.Json.Serialization;

namespace SocialWork.Reporting;

/// <summary>One row of a report: a cube cell with its coordinates.</summary>
public sealed class ReportRow : ReportIndicators
{
    /// <summary>Creates an empty row (for deserialisation).</summary>
    public ReportRow()
    {
    }

    /// <summary>Creates a row with the indicators of a cell.</summary>
    /// <param name="indicators">The cell's indicators.</param>
    public ReportRow(Indicators indicators)
        : base(indicators)
    {
    }

    /// <summary>Gets the 12-digit division code.</summary>
    [JsonPropertyOrder(0)]
    public DivisionCode Division { get; init; }

    /// <summary>Gets the division name, when a directory was given.</summary>
    [JsonPropertyOrder(1)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Name { get; init; }

    /// <summary>Gets the period label.</summary>
    [JsonPropertyOrder(2)]
    public ReportingPeriod Period { get; init; }

    /// <summary>Gets the dimension key (empty for none).</summary>
    [JsonPropertyOrder(3)]
    public string Key { get; init; } = string.Empty;

    /// <summary>
    /// Gets a value indicating whether the cell is suppressed (<see cref="ReportOptions.SuppressBelow"/>): its indicator
    /// fields are then <see langword="null"/>. Written to JSON only when true.
    /// </summary>
    [JsonPropertyOrder(4)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Suppressed { get; init; }
}
