using NodaTime;

namespace SocialWork;

/// <summary>
/// One delivered service: when, where, what, how, how much. A record names no beneficiary; counts and amounts are
/// aggregates of the service event.
/// </summary>
public sealed record ServiceRecord
{
    /// <summary>Creates a record and validates it.</summary>
    /// <param name="id">The record's identifier in the source system.</param>
    /// <param name="date">The day the service was delivered.</param>
    /// <param name="division">The division where it was delivered.</param>
    /// <param name="code">The service item or domain code.</param>
    /// <param name="method">The method.</param>
    /// <param name="personTimes">Person-times served (人次); not negative.</param>
    /// <param name="households">Households reached (户); not negative.</param>
    /// <param name="amount">Resources linked (慈善资源链接), exact to the fen; not negative.</param>
    /// <param name="facilityId">The facility that delivered it, if recorded.</param>
    /// <param name="parties">The five-society parties involved.</param>
    /// <param name="targetGroup">The target group, if recorded.</param>
    /// <param name="programmeId">The programme it belongs to, if any.</param>
    /// <param name="person">The pseudonymous key of the person served, if recorded (never a resident ID number: see <see cref="PersonKey"/>).</param>
    /// <exception cref="ArgumentException">A value is invalid; the message names the field and the value.</exception>
    public ServiceRecord(
        string id,
        LocalDate date,
        DivisionCode division,
        ServiceCode code,
        ServiceMethod method,
        int personTimes,
        int households = 0,
        Money amount = default,
        string? facilityId = null,
        LinkageParties parties = LinkageParties.None,
        TargetGroup? targetGroup = null,
        string? programmeId = null,
        PersonKey? person = null)
    {
        Id = Preconditions.CheckNotBlank(id);
        Preconditions.CheckArgument(code.Value.Length > 0, nameof(code), $"Service record '{id}': code must be set.");
        Preconditions.CheckDefined(method);
        Preconditions.CheckNonNegative(personTimes);
        Preconditions.CheckNonNegative(households);
        Preconditions.CheckNonNegative(amount.Fen, nameof(amount));
        Preconditions.CheckArgument(parties is >= LinkageParties.None and <= (LinkageParties)31, nameof(parties), $"Service record '{id}': parties has undefined flags {(int)parties}.");
        if (targetGroup is { } group)
        {
            Preconditions.CheckDefined(group, nameof(targetGroup));
        }
        Date = date;
        Division = division;
        Code = code;
        Method = method;
        PersonTimes = personTimes;
        Households = households;
        Amount = amount;
        FacilityId = string.IsNullOrEmpty(facilityId) ? null : facilityId;
        Parties = parties;
        TargetGroup = targetGroup;
        ProgrammeId = string.IsNullOrEmpty(programmeId) ? null : programmeId;
        Preconditions.CheckArgument(person is not { } key || key.ToString().Length == PersonKey.Length, nameof(person), $"Service record '{id}': the default PersonKey is not a key.");
        Person = person;
    }

    /// <summary>Gets the identifier.</summary>
    public string Id { get; }

    /// <summary>Gets the day of service.</summary>
    public LocalDate Date { get; }

    /// <summary>Gets the division where the service was delivered.</summary>
    public DivisionCode Division { get; }

    /// <summary>Gets the service item or domain code.</summary>
    public ServiceCode Code { get; }

    /// <summary>Gets the method.</summary>
    public ServiceMethod Method { get; }

    /// <summary>Gets the person-times served (人次).</summary>
    public int PersonTimes { get; }

    /// <summary>Gets the households reached (户).</summary>
    public int Households { get; }

    /// <summary>Gets the resources linked, exact to the fen.</summary>
    public Money Amount { get; }

    /// <summary>Gets the delivering facility, if recorded.</summary>
    public string? FacilityId { get; }

    /// <summary>Gets the five-society parties involved.</summary>
    public LinkageParties Parties { get; }

    /// <summary>Gets the target group, if recorded.</summary>
    public TargetGroup? TargetGroup { get; }

    /// <summary>Gets the programme, if any.</summary>
    public string? ProgrammeId { get; }

    /// <summary>Gets the pseudonymous key of the person served, if recorded; records with one count towards people served (人), not only person-times.</summary>
    public PersonKey? Person { get; }
}
