using NodaTime;

namespace SocialWork;

/// <summary>
/// A person who works in the service system, identified only by an opaque id: no personal data is needed. Holds the
/// qualification and post-appointment histories that incentive policies read.
/// </summary>
public sealed record Worker
{
    /// <summary>
    /// The highest base level accepted: a sanity bound, not a policy number (published ladders have 18 or 24 levels), so
    /// that base level plus uplift can never overflow.
    /// </summary>
    public const int MaxBaseLevel = 10_000;

    /// <summary>Creates a worker.</summary>
    /// <param name="id">A stable identifier (not a name or an ID-card number).</param>
    /// <param name="employment">How the worker is employed.</param>
    /// <param name="qualifications">Qualifications obtained, in any order.</param>
    /// <param name="appointments">Post appointments, in any order.</param>
    /// <param name="facilityId">The facility the worker serves, if any.</param>
    /// <param name="baseLevel">The worker's level on a pay ladder before any uplift (for example 3 on 三岗十八级), if known.</param>
    /// <param name="postCategory">The worker's post category on a pay ladder (for example <c>general</c>), if known.</param>
    /// <param name="startedOn">The first day of employment, if known (without it the worker counts as employed from the start of any series).</param>
    /// <param name="leftOn">The day the worker left (no longer employed on it), if they have.</param>
    /// <exception cref="ArgumentException">A value is invalid, or the worker left before starting.</exception>
    public Worker(
        string id,
        Employment employment,
        IReadOnlyList<Qualification>? qualifications = null,
        IReadOnlyList<PostAppointment>? appointments = null,
        string? facilityId = null,
        int? baseLevel = null,
        string? postCategory = null,
        LocalDate? startedOn = null,
        LocalDate? leftOn = null)
    {
        Id = Preconditions.CheckNotBlank(id);
        Preconditions.CheckDefined(employment);
        if (baseLevel is < 1 or > MaxBaseLevel)
        {
            throw new ArgumentOutOfRangeException(nameof(baseLevel), baseLevel, $"Worker '{id}': baseLevel must be between 1 and {MaxBaseLevel}; was {baseLevel}.");
        }
        Employment = employment;
        qualificationList = ValueList.From((qualifications ?? []).OrderBy(q => q.ObtainedOn).ThenBy(q => q.Level));
        appointmentList = ValueList.From((appointments ?? []).OrderBy(a => a.From).ThenBy(a => a.Post));
        FacilityId = facilityId;
        BaseLevel = baseLevel;
        PostCategory = postCategory;
        if (startedOn is { } start && leftOn is { } left && left <= start)
        {
            throw new ArgumentException($"Worker '{id}' left on {left:yyyy-MM-dd}, not after starting on {start:yyyy-MM-dd}.", nameof(leftOn));
        }
        StartedOn = startedOn;
        LeftOn = leftOn;
    }

    private readonly ValueList<Qualification> qualificationList;
    private readonly ValueList<PostAppointment> appointmentList;

    /// <summary>Gets the identifier.</summary>
    public string Id { get; }

    /// <summary>Gets how the worker is employed.</summary>
    public Employment Employment { get; }

    /// <summary>Gets the qualifications, oldest first.</summary>
    public IReadOnlyList<Qualification> Qualifications => qualificationList;

    /// <summary>Gets the post appointments, earliest first.</summary>
    public IReadOnlyList<PostAppointment> Appointments => appointmentList;

    /// <summary>Gets the facility the worker serves, if any.</summary>
    public string? FacilityId { get; }

    /// <summary>Gets the base level on a pay ladder, if known.</summary>
    public int? BaseLevel { get; }

    /// <summary>Gets the post category on a pay ladder, if known.</summary>
    public string? PostCategory { get; }

    /// <summary>Gets the first day of employment, if known.</summary>
    public LocalDate? StartedOn { get; }

    /// <summary>Gets the day the worker left — the first day no longer employed — if they have.</summary>
    public LocalDate? LeftOn { get; }

    /// <summary>
    /// Gets a value indicating whether the worker is employed on <paramref name="date"/>: started on or before it (or the
    /// start is not known) and not yet left (<see cref="LeftOn"/> absent or after it) — as a facility operates between
    /// its opening and closing days.
    /// </summary>
    /// <param name="date">The day.</param>
    /// <returns><see langword="true"/> when employed on that day.</returns>
    public bool IsEmployedOn(LocalDate date) => (StartedOn is not { } start || start <= date) && (LeftOn is not { } left || left > date);

    /// <summary>Gets a value indicating whether the worker holds any qualification on <paramref name="date"/> (持证社工).</summary>
    /// <param name="date">The day.</param>
    /// <returns><see langword="true"/> when certified on that day.</returns>
    public bool IsCertifiedOn(LocalDate date) => QualificationOn(date) != QualificationLevel.None;

    /// <summary>Gets the highest qualification held on <paramref name="date"/>.</summary>
    /// <param name="date">The day.</param>
    /// <returns>The level, or <see cref="QualificationLevel.None"/>.</returns>
    public QualificationLevel QualificationOn(LocalDate date)
    {
        var best = QualificationLevel.None;
        foreach (var q in qualificationList.Span)
        {
            if (q.ObtainedOn <= date && q.Level > best)
            {
                best = q.Level;
            }
        }
        return best;
    }

    /// <summary>Gets the post held on <paramref name="date"/> (the highest, should appointments overlap).</summary>
    /// <param name="date">The day.</param>
    /// <returns>The post level, or <see cref="QualificationLevel.None"/> when not appointed.</returns>
    public QualificationLevel PostOn(LocalDate date)
    {
        var best = QualificationLevel.None;
        foreach (var a in appointmentList.Span)
        {
            if (a.Covers(date) && a.Post > best)
            {
                best = a.Post;
            }
        }
        return best;
    }

    /// <summary>
    /// Gets the first day from which a qualification of at least <paramref name="level"/> has been held without a break up
    /// to <paramref name="date"/>, or <see langword="null"/> when none is held on that day.
    /// </summary>
    /// <param name="level">The minimum level.</param>
    /// <param name="date">The day.</param>
    /// <returns>The earliest qualifying <see cref="Qualification.ObtainedOn"/>, or <see langword="null"/>.</returns>
    public LocalDate? QualificationHeldSince(QualificationLevel level, LocalDate date)
    {
        LocalDate? since = null;
        foreach (var q in qualificationList.Span)
        {
            if (q.Level >= level && q.ObtainedOn <= date && (since is null || q.ObtainedOn < since.Value))
            {
                since = q.ObtainedOn;
            }
        }
        return since;
    }

    /// <summary>
    /// Gets the first day of the unbroken run of appointments to posts of at least <paramref name="level"/> that covers
    /// <paramref name="date"/>, or <see langword="null"/> when no such post is held that day. Appointments that overlap or
    /// follow one another without a gap day form one run.
    /// </summary>
    /// <param name="level">The minimum post level.</param>
    /// <param name="date">The day.</param>
    /// <returns>The first day of the run, or <see langword="null"/>.</returns>
    public LocalDate? PostHeldSince(QualificationLevel level, LocalDate date)
    {
        LocalDate? runStart = null;
        LocalDate? runEnd = null;
        var open = false;
        foreach (var a in appointmentList.Span)
        {
            if (a.Post < level)
            {
                continue;
            }
            if (a.From > date)
            {
                break;
            }
            var continues = runStart is not null && (open || a.From <= runEnd!.Value.PlusDays(1));
            if (!continues)
            {
                runStart = a.From;
                runEnd = a.To;
                open = a.To is null;
            }
            else if (!open)
            {
                open = a.To is null;
                if (!open && a.To!.Value > runEnd!.Value)
                {
                    runEnd = a.To;
                }
            }
        }
        return runStart is not null && (open || runEnd!.Value >= date) ? runStart : null;
    }
}
