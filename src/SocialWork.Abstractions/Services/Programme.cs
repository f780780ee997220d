using NodaTime;

namespace SocialWork;

/// <summary>The kinds of named programme that stations run.</summary>
public enum ProgrammeKind
{
    /// <summary>A five-society linkage pilot (五社联动试点).</summary>
    FiveSocietyLinkage,

    /// <summary>A "three regions" social-work talent project (三区计划).</summary>
    ThreeRegions,

    /// <summary>Public-benefit venture funding or a micro-venture contest (公益创投 / 微创投).</summary>
    VentureFunding,

    /// <summary>A brand plan such as 蜜蜂计划, possibly with sub-plans.</summary>
    BrandPlan,

    /// <summary>Any other programme.</summary>
    Other,
}

/// <summary>A named project with dates, optionally run by one facility, optionally a sub-plan of another programme.</summary>
public sealed record Programme
{
    /// <summary>Creates a programme.</summary>
    /// <param name="id">A stable identifier.</param>
    /// <param name="name">The name, for example 蜜蜂计划.</param>
    /// <param name="kind">The kind.</param>
    /// <param name="startsOn">The first day.</param>
    /// <param name="endsOn">The last day, if set.</param>
    /// <param name="facilityId">The facility that runs it, if any.</param>
    /// <param name="targetGroups">The groups it serves.</param>
    /// <param name="parentId">The programme this is a sub-plan of (for example 暖阳 under 蜜蜂计划).</param>
    /// <exception cref="ArgumentException">A value is invalid.</exception>
    public Programme(
        string id,
        string name,
        ProgrammeKind kind,
        LocalDate startsOn,
        LocalDate? endsOn = null,
        string? facilityId = null,
        IReadOnlyList<TargetGroup>? targetGroups = null,
        string? parentId = null)
    {
        Id = Preconditions.CheckNotBlank(id);
        Name = Preconditions.CheckNotBlank(name);
        Preconditions.CheckDefined(kind);
        Preconditions.CheckArgument(endsOn is null || endsOn.Value >= startsOn, nameof(endsOn), $"Programme '{id}': endsOn {endsOn} is before startsOn {startsOn}.");
        Kind = kind;
        StartsOn = startsOn;
        EndsOn = endsOn;
        FacilityId = facilityId;
        TargetGroups = ValueList.From((targetGroups ?? []).Distinct().Order());
        ParentId = parentId;
    }

    /// <summary>Gets the identifier.</summary>
    public string Id { get; }

    /// <summary>Gets the name.</summary>
    public string Name { get; }

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
