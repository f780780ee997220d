using NodaTime;

namespace SocialWork.Reporting;

/// <summary>
/// When a period's report is due: by the end of the day <see cref="DaysAfterPeriodEnd"/> days after the period's last day,
/// in <see cref="Zone"/> — for monthly reports due "by the 5th of the following month", 5 days. No default: each bureau
/// sets its own.
/// </summary>
/// <param name="DaysAfterPeriodEnd">Days after the period's last day; 0 for the last day itself.</param>
/// <param name="Zone">The time zone the days are counted in (<c>Asia/Shanghai</c> in China).</param>
public sealed record SubmissionDeadline(int DaysAfterPeriodEnd, DateTimeZone Zone)
{
    /// <summary>Gets the days after the period's last day.</summary>
    public int DaysAfterPeriodEnd { get; } = DaysAfterPeriodEnd >= 0 ? DaysAfterPeriodEnd : throw new ArgumentOutOfRangeException(nameof(DaysAfterPeriodEnd), DaysAfterPeriodEnd, "A deadline cannot fall before the period ends.");

    /// <summary>Gets the time zone.</summary>
    public DateTimeZone Zone { get; } = Zone ?? throw new ArgumentNullException(nameof(Zone));

    /// <summary>Gets the last day a report for <paramref name="period"/> is on time.</summary>
    /// <param name="period">The period.</param>
    /// <returns>The due date.</returns>
    public LocalDate DueDate(ReportingPeriod period) => period.End.PlusDays(DaysAfterPeriodEnd);

    /// <summary>Gets whether a report for <paramref name="period"/> submitted at <paramref name="submittedAt"/> was on time.</summary>
    /// <param name="period">The period.</param>
    /// <param name="submittedAt">When it was submitted.</param>
    /// <returns><see langword="true"/> when submitted on or before the due date, in the zone.</returns>
    public bool IsOnTime(ReportingPeriod period, Instant submittedAt) => submittedAt.InZone(Zone).Date <= DueDate(period);
}
