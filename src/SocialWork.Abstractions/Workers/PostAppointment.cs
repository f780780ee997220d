using NodaTime;

namespace SocialWork;

/// <summary>
/// An appointment to a professional social-work post (聘任在相应岗位) from <see cref="From"/> to <see cref="To"/>, both
/// inclusive; an open-ended appointment has no <see cref="To"/>.
/// </summary>
public sealed record PostAppointment
{
    /// <summary>Creates an appointment.</summary>
    /// <param name="post">The post level; not <see cref="QualificationLevel.None"/>.</param>
    /// <param name="from">The first day in post.</param>
    /// <param name="to">The last day in post, or <see langword="null"/> while it lasts.</param>
    /// <exception cref="ArgumentException">The post is None, or <paramref name="to"/> is before <paramref name="from"/>.</exception>
    public PostAppointment(QualificationLevel post, LocalDate from, LocalDate? to = null)
    {
        Preconditions.CheckDefined(post);
        if (post == QualificationLevel.None)
        {
            throw new ArgumentOutOfRangeException(nameof(post), post, "An appointment must be to a post (assistant, intermediate or senior); was None.");
        }
        Preconditions.CheckArgument(to is null || to.Value >= from, nameof(to), $"Appointment 'to' {to} is before 'from' {from}.");
        Post = post;
        From = from;
        To = to;
    }

    /// <summary>Gets the post level.</summary>
    public QualificationLevel Post { get; }

    /// <summary>Gets the first day in post.</summary>
    public LocalDate From { get; }

    /// <summary>Gets the last day in post, if the appointment has ended or is due to end.</summary>
    public LocalDate? To { get; }

    /// <summary>Determines whether the appointment covers <paramref name="date"/>.</summary>
    /// <param name="date">The day.</param>
    /// <returns><see langword="true"/> when <c>From &lt;= date &lt;= To</c>.</returns>
    public bool Covers(LocalDate date) => From <= date && (To is null || date <= To.Value);
}
