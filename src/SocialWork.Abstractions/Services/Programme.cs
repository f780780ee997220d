using NodaTime;

namespace SocialWork;

/// <summary>A named project with dates, optionally run by one facility, optionally a sub-plan of another programme.</summary>
public sealed record Programme
{
    /// <summary>Creates a programme.</summary>
    /// <param name="id">A stable identifier.</param>
    /// <param name="name">The name in zh-CN (required) and English, for example 蜜蜂计划 / Bee Plan.</param>
    /// <param name="kind">The kind.</param>
    /// <param name="startsOn">The first day.</param>
    /// <param name="endsOn">The last day, if set.</param>
    /// <param name="facilityId">The facility that runs it, if any.</param>
    /// <param name="targetGroups">The groups it serves.</param>
    /// <param name="parentId">The programme this is a sub-plan of (for example 暖阳 under 蜜蜂计划).</param>
    /// <exception cref="ArgumentException">A value is invalid.</exception>
    public Programme(
        string id,
        LocalizedText name,
        ProgrammeKind kind,
        LocalDate startsOn,
        LocalDate? endsOn = null,
        string? facilityId = null,
        IReadOnlyList<TargetGroup>? targetGroups = null,
        string? parentId = null)
    {
        Id = Preconditions.CheckNotBlank(id);
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
        Preconditions.CheckDefined(kind);
        Preconditions.CheckArgument(endsOn is null || endsOn.Value >= startsOn, nameof(endsOn), $"Programme '{id}': endsOn {endsOn} is before startsOn {startsOn}.");
        Kind = kind;
        StartsOn = startsOn;
        EndsOn = endsOn;
        FacilityId = facilityId;
        TargetGroups = ValueList.From((targetGroups ?? []).Distinct().Order());
        Preconditions.CheckArgument(parentId != id, nameof(parentId), $"Programme '{id}' cannot be its own parent.");
        Preconditions.CheckArgument(kind is not (ProgrammeKind.SubPlan or ProgrammeKind.VentureProject) || parentId is not null, nameof(parentId), $"Programme '{id}': a {kind} needs a parent.");
        ParentId = parentId;
    }

    /// <summary>Gets the identifier.</summary>
    public string Id { get; }

    /// <summary>Gets the name in zh-CN and English.</summary>
    public LocalizedText Name { get; }

    /// <summary>Gets the kind.</summary>
    public ProgrammeKind Kind { get; }

    /// <summary>Gets the first day.</summary>
    public LocalDate StartsOn { get; }

    /// <summary>Gets the last day, if set.</summary>
    public LocalDate? EndsOn { get; }

    /// <summary>Gets the facility that runs it, if any.</summary>
    public string? FacilityId { get; }

    /// <summary>Gets the groups it serves, in enum order.</summary>
    public IReadOnlyList<TargetGroup> TargetGroups { get; }

    /// <summary>Gets the parent programme's id, for a sub-plan.</summary>
    public string? ParentId { get; }

    /// <summary>Determines whether the programme runs on <paramref name="date"/>.</summary>
    /// <param name="date">The day.</param>
    /// <returns><see langword="true"/> between the first and last day, inclusive.</returns>
    public bool IsActiveOn(LocalDate date) => StartsOn <= date && (EndsOn is null || date <= EndsOn.Value);
}
