using NodaTime;

namespace SocialWork;

/// <summary>
/// A service facility of one tier at one division, open from <see cref="OpenedOn"/> and, when <see cref="ClosedOn"/> is
/// set, closed from that day on. A facility operates on day D when <c>OpenedOn &lt;= D</c> and
/// (<c>ClosedOn</c> is absent or <c>ClosedOn &gt; D</c>).
/// </summary>
public sealed record Facility
{
    /// <summary>Creates a facility and validates it.</summary>
    /// <param name="id">A stable identifier, unique within a network.</param>
    /// <param name="name">The display name.</param>
    /// <param name="tier">The tier.</param>
    /// <param name="division">The division it serves; its level must be <see cref="FacilityTierExtensions.RequiredLevel"/> of the tier.</param>
    /// <param name="openedOn">The first day of operation.</param>
    /// <param name="closedOn">The first day it no longer operates, if it has closed.</param>
    /// <exception cref="ArgumentException">A value is invalid; the message names the field and the value.</exception>
    public Facility(string id, string name, FacilityTier tier, DivisionCode division, LocalDate openedOn, LocalDate? closedOn = null)
    {
        Id = Preconditions.CheckNotBlank(id);
        Name = Preconditions.CheckNotBlank(name);
        Preconditions.CheckDefined(tier);
        Preconditions.CheckArgument(
            division.Level == tier.RequiredLevel(),
            nameof(division),
            $"Facility '{id}': a {tier} must sit at a {tier.RequiredLevel()}-level division; division {division} is at level {division.Level}.");
        Preconditions.CheckArgument(
            closedOn is null || closedOn.Value > openedOn,
            nameof(closedOn),
            $"Facility '{id}': closedOn {closedOn} must be after openedOn {openedOn}.");
        Tier = tier;
        Division = division;
        OpenedOn = openedOn;
        ClosedOn = closedOn;
    }

    /// <summary>Gets the identifier.</summary>
    public string Id { get; }

    /// <summary>Gets the display name.</summary>
    public string Name { get; }

    /// <summary>Gets the tier.</summary>
    public FacilityTier Tier { get; }

    /// <summary>Gets the division served.</summary>
    public DivisionCode Division { get; }

    /// <summary>Gets the first day of operation.</summary>
    public LocalDate OpenedOn { get; }

    /// <summary>Gets the first day the facility no longer operates, if it has closed.</summary>
    public LocalDate? ClosedOn { get; }

    /// <summary>Determines whether the facility operates on <paramref name="date"/>.</summary>
    /// <param name="date">The day.</param>
    /// <returns><see langword="true"/> when <c>OpenedOn &lt;= date</c> and it has not closed by then.</returns>
    public bool IsOperatingOn(LocalDate date) => OpenedOn <= date && (ClosedOn is null || ClosedOn.Value > date);
}
