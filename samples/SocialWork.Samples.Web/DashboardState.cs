using NodaTime;
using SocialWork.Reporting;
using SocialWork.Rules;

namespace SocialWork.Samples.Web;

/// <summary>The demo data the dashboard and API show: generated once at start-up from the same seed as the console host.</summary>
public sealed class DashboardState
{
    private DashboardState(WebSettings settings, DemoData demo, RecordBatch records)
    {
        Settings = settings;
        Demo = demo;
        Records = records;
    }

    /// <summary>Gets the settings.</summary>
    public WebSettings Settings { get; }

    /// <summary>Gets the demo data.</summary>
    public DemoData Demo { get; }

    /// <summary>Gets the demo's service records (the stations' recent records come from these).</summary>
    public RecordBatch Records { get; }

    /// <summary>
    /// Makes what an empty record store starts with: the service records and the 公益创投 round's sign-ins, which name the
    /// people served (pseudonymous keys), so the dashboard can count people as well as person-times.
    /// </summary>
    /// <returns>The records.</returns>
    public RecordBatch StoreSeed() => RecordBatch.Concat([Records, Demo.VentureSignIns()]);

    /// <summary>Creates the state.</summary>
    /// <param name="settings">The settings.</param>
    /// <returns>The state.</returns>
    public static DashboardState Create(WebSettings settings)
    {
        var demo = DemoData.Create();
        return new DashboardState(settings, demo, demo.Records());
    }

    /// <summary>Gets the workers whose facility lies inside a scope (a worker without a facility is in no scope).</summary>
    /// <param name="scope">The caller's scope.</param>
    /// <returns>The workers, in the demo's order.</returns>
    public IEnumerable<Worker> WorkersWithin(DivisionScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var divisions = Demo.Facilities.ToDictionary(f => f.Id, f => f.Division, StringComparer.Ordinal);
        return Demo.Workers.Where(w => w.FacilityId is { } id && divisions.TryGetValue(id, out var division) && scope.Contains(division));
    }

    /// <summary>Gets the network with station profiles as of a day.</summary>
    /// <param name="date">The day.</param>
    /// <returns>The network.</returns>
    public ServiceNetwork NetworkOn(LocalDate date) => Demo.Network(Records, date);
}
