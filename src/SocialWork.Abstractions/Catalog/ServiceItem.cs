namespace SocialWork;

/// <summary>
/// A service item (服务事项) of the catalog: a code under exactly one domain (<c>DOMAIN.NN</c>, further dots for
/// sub-items), its label, the service types and target groups it involves, and the day it was retired, if it was.
/// </summary>
/// <param name="Code">The item code, for example <c>EL.01</c>.</param>
/// <param name="Label">The label, for example 独居老人探访.</param>
/// <param name="Description">An optional description.</param>
/// <param name="ServiceTypes">Codes of the service types involved (for example <c>CARE</c>).</param>
/// <param name="TargetGroups">Codes of the target groups served (for example <c>elderly</c>).</param>
/// <param name="RetiredOn">The first day the item is no longer offered, if retired.</param>
public sealed record ServiceItem(
    ServiceCode Code,
    LocalizedText Label,
    string? Description,
    IReadOnlyList<string> ServiceTypes,
    IReadOnlyList<string> TargetGroups,
    NodaTime.LocalDate? RetiredOn = null)
{
    /// <summary>Gets the service types; compared by content.</summary>
    public IReadOnlyList<string> ServiceTypes { get; init => field = ValueList.From(value); } = ValueList.From(ServiceTypes);

    /// <summary>Gets the target groups; compared by content.</summary>
    public IReadOnlyList<string> TargetGroups { get; init => field = ValueList.From(value); } = ValueList.From(TargetGroups);

    /// <summary>Gets the item's domain code.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public ServiceCode Domain => Code.Domain;

    /// <summary>Determines whether the item is offered on <paramref name="date"/> (not retired by then).</summary>
    /// <param name="date">The day.</param>
    /// <returns><see langword="true"/> when not retired on or before that day.</returns>
    public bool IsActiveOn(NodaTime.LocalDate date) => RetiredOn is null || date < RetiredOn.Value;
}
