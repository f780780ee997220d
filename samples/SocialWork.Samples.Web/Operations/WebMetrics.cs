using System.Diagnostics.Metrics;

namespace SocialWork.Samples.Web.Operations;

/// <summary>
/// The host's own meter, <c>SocialWork.Web</c>: records stored, rows rejected and how long reports take. Exported with
/// ASP.NET Core's and Npgsql's meters over OpenTelemetry (OTLP when configured, Prometheus text at <c>/metrics</c>).
/// </summary>
public sealed class WebMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "SocialWork.Web";

    private readonly Counter<long> stored;
    private readonly Counter<long> rejected;
    private readonly Histogram<double> reportDuration;

    /// <summary>Creates the instruments.</summary>
    /// <param name="meterFactory">The host's meter factory.</param>
    public WebMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        stored = meter.CreateCounter<long>("socialwork.records.stored", "{record}", "Service records stored by uploads.");
        rejected = meter.CreateCounter<long>("socialwork.rows.rejected", "{row}", "Uploaded rows rejected (invalid, outside the uploader's scope, or already stored).");
        reportDuration = meter.CreateHistogram<double>("socialwork.report.duration", "s", "Time to compute a report over the record store.");
    }

    /// <summary>Counts an upload's outcome.</summary>
    /// <param name="store">The store kind (<c>parquet</c>, <c>postgresql</c>).</param>
    /// <param name="accepted">Records stored.</param>
    /// <param name="rejectedRows">Rows rejected.</param>
    public void Upload(string store, long accepted, long rejectedRows)
    {
        var tag = new KeyValuePair<string, object?>("store", store);
        stored.Add(accepted, tag);
        rejected.Add(rejectedRows, tag);
    }

    /// <summary>Records how long a report took.</summary>
    /// <param name="store">The store kind.</param>
    /// <param name="elapsed">The time taken.</param>
    public void Report(string store, TimeSpan elapsed) => reportDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("store", store));
}
