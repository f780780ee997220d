using System.Text.Json.Serialization;
using NodaTime.Text;
using SocialWork.Json;

namespace SocialWork.Rules;

/// <summary>
/// A network series in the JSON shape of <c>socialwork series --format json</c>: <c>{"scope","period","rows":[{"division",
/// "period","asOf","facilities":{"countyCenter","townshipStation","communityRoom","volunteerPoint"},"townshipsWithStation",
/// "villagesWithRoom","workers","certified":{"assistant","intermediate","senior"},"targets":[{"id","required","actual",
/// "status"}]}]}</c>; codes are 12 digits, rows sorted by division then period, <c>targets</c> on the scope's rows only.
/// </summary>
public sealed class NetworkSeriesDocument
{
    /// <summary>Gets the plan's scope (12 digits).</summary>
    public string Scope { get; init; } = string.Empty;

    /// <summary>Gets the period kind: <c>month</c>, <c>quarter</c> or <c>year</c>.</summary>
    public string Period { get; init; } = string.Empty;

    /// <summary>Gets the rows.</summary>
    public IReadOnlyList<NetworkStockDocument> Rows { get; init; } = [];

    /// <summary>Builds the document of a series.</summary>
    /// <param name="scope">The plan's scope.</param>
    /// <param name="kind">The period kind.</param>
    /// <param name="rows">The series (<see cref="NetworkSeries.Build"/>).</param>
    /// <returns>The document.</returns>
    public static NetworkSeriesDocument From(DivisionCode scope, PeriodKind kind, IEnumerable<NetworkStock> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return new NetworkSeriesDocument
        {
            Scope = scope.ToString(),
            Period = DocumentReader.CamelCase(kind.ToString()),
            Rows = [.. rows.Select(r => new NetworkStockDocument
            {
                Division = r.Division.ToString(),
                Period = r.Period.ToString(),
                AsOf = LocalDatePattern.Iso.Format(r.AsOf),
                Facilities = r.Facilities,
                TownshipsWithStation = r.TownshipsWithStation,
                VillagesWithRoom = r.VillagesWithRoom,
                Workers = r.Workers,
                Certified = r.Certified,
                Targets = r.Division == scope
                    ? [.. r.Targets.Select(t => new SeriesTargetDocument { Id = t.Id, Required = t.Required, Actual = t.Actual, Status = DocumentReader.CamelCase(t.Status.ToString()) })]
                    : null,
            })],
        };
    }
}

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

/// <summary>One target of a <see cref="NetworkStockDocument"/>.</summary>
public sealed class SeriesTargetDocument
{
    /// <summary>Gets the target id.</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary>Gets the required value.</summary>
    public double Required { get; init; }

    /// <summary>Gets the actual value on the row's day.</summary>
    public double Actual { get; init; }

    /// <summary>Gets the status: <c>met</c>, <c>onTrack</c>, <c>behind</c>, <c>missed</c> or <c>notAssessable</c>.</summary>
    public string Status { get; init; } = string.Empty;
}
