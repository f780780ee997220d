namespace SocialWork.Reporting;

/// <summary>
/// Where the reports of a period stand for the divisions expected to submit, and the reporting rates (DHIS2's reporting
/// rate and reporting rate on time). JSON: <c>{"period","rows":[{"division","state","revision","submittedAt","onTime"}…],
/// "rates":{"expected","submitted","onTime"}}</c>.
/// </summary>
/// <param name="Period">The period.</param>
/// <param name="Rows">One row per expected division, in code order.</param>
/// <param name="Rates">The counts the rates come from.</param>
public sealed record SubmissionStatus(ReportingPeriod Period, IReadOnlyList<SubmissionRow> Rows, SubmissionRates Rates)
{
    /// <summary>Reads a period's status from a book.</summary>
    /// <param name="book">The submissions.</param>
    /// <param name="period">The period.</param>
    /// <param name="expected">The divisions expected to submit (a scope's townships, say).</param>
    /// <param name="deadline">When reports are due; <see langword="null"/> when no due rule is set (then no row is on time or late, and <see cref="SubmissionRates.OnTime"/> is <see langword="null"/>).</param>
    /// <returns>The status.</returns>
    public static SubmissionStatus Of(SubmissionBook book, ReportingPeriod period, IEnumerable<DivisionCode> expected, SubmissionDeadline? deadline)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(expected);
        var history = book.History;
        var rows = expected.Distinct().Order().Select(division =>
        {
            var now = book.Get(division, period);
            // A report counts as submitted when it was first submitted, whatever returns and revisions followed.
            var first = history.FirstOrDefault(t => t.Division == division && t.Period == period && t.To == SubmissionState.Submitted);
            return new SubmissionRow(division, now.State, now.Revision, first?.At, first is null || deadline is null ? null : deadline.IsOnTime(period, first.At));
        }).ToList();
        return new SubmissionStatus(period, rows.AsReadOnly(), new SubmissionRates(rows.Count, rows.Count(r => r.SubmittedAt is not null), deadline is null ? null : rows.Count(r => r.OnTime == true)));
    }
}
