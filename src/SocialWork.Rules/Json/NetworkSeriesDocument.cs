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
