using NodaTime;

namespace SocialWork.Reporting;

/// <summary>
/// The submission and approval of reports, per division × period — a small state machine after DHIS2's data approval:
/// <list type="bullet">
/// <item>open or returned → <b>submitted</b>, by a reporter whose scope contains the division, with a
/// <see cref="ReportSnapshot"/> of it (the revision counts up);</item>
/// <item>submitted → <b>approved</b>, by an approver whose scope contains the division's parent (the level above, or
/// an ancestor — never its own level);</item>
/// <item>submitted → <b>returned</b> with a reason, by such an approver; approved → returned likewise (unapproval),
/// which also returns every submitted or approved report below it for the period, since its approval covered them.</item>
/// </list>
/// While a report is submitted or approved, the period's records of its subtree are locked (<see cref="Locks"/>). Every
/// step is kept in <see cref="History"/>, which only grows. Thread-safe: steps are taken one at a time.
/// </summary>
public sealed class SubmissionBook
{
    private readonly Lock gate = new();
    private readonly Dictionary<(DivisionCode, ReportingPeriod), Submission> current = [];
    private readonly List<SubmissionTransition> history = [];

    /// <summary>Gets every step taken, in order.</summary>
    public IReadOnlyList<SubmissionTransition> History
    {
        get
        {
            lock (gate)
            {
                return [.. history];
            }
        }
    }

    /// <summary>Gets the reports that have left the open state at least once, as they stand.</summary>
    public IReadOnlyList<Submission> Submissions
    {
        get
        {
            lock (gate)
            {
                return [.. current.Values.OrderBy(s => s.Division).ThenBy(s => s.Period)];
            }
        }
    }

    /// <summary>Gets where a division's report for a period stands (open, revision 0, when nothing happened yet).</summary>
    /// <param name="division">The division.</param>
    /// <param name="period">The period.</param>
    /// <returns>The submission.</returns>
    public Submission Get(DivisionCode division, ReportingPeriod period)
    {
        lock (gate)
        {
            return Current(division, period);
        }
    }

    /// <summary>Gets the reports that lock records now — every submitted or approved one — to check records against.</summary>
    /// <returns>The locks, fixed at this moment.</returns>
    public SubmissionLocks Locks()
    {
        lock (gate)
        {
            return new SubmissionLocks(current.Values);
        }
    }

    /// <summary>
    /// Rebuilds a book from its history — the transitions a store kept, in order — so a store that persists only the
    /// history (every one in this library) gets the states back.
    /// </summary>
    /// <param name="history">The transitions, oldest first.</param>
    /// <returns>A book whose <see cref="History"/> is <paramref name="history"/>.</returns>
    /// <exception cref="ArgumentException">A transition does not start from the state the ones before it left.</exception>
    public static SubmissionBook Replay(IEnumerable<SubmissionTransition> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var book = new SubmissionBook();
        foreach (var step in history)
        {
            var now = book.Current(step.Division, step.Period);
            if (now.State != step.From)
            {
                throw new ArgumentException($"The history of {step.Period} of {step.Division} does not hold together: a step from {Name(step.From)} follows one to {Name(now.State)}.", nameof(history));
            }
            book.current[(step.Division, step.Period)] = now with { State = step.To, Revision = step.Revision, SnapshotId = step.SnapshotId };
            book.history.Add(step);
        }
        return book;
    }

    /// <summary>
    /// Checks that <paramref name="actor"/> may submit the report of <paramref name="division"/> for <paramref name="period"/>
    /// now, before a store spends time on its snapshot; <see cref="Submit"/> checks again.
    /// </summary>
    /// <param name="actor">The would-be submitter.</param>
    /// <param name="division">The division.</param>
    /// <param name="period">The period.</param>
    /// <returns>The report as it stands.</returns>
    /// <exception cref="SubmissionException">The actor is not a reporter for the division, or the report is already submitted or approved.</exception>
    public Submission CheckSubmit(SubmissionActor actor, DivisionCode division, ReportingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(actor);
        lock (gate)
        {
            var now = Current(division, period);
            CheckSubmitter(actor, now);
            return now;
        }
    }

    /// <summary>Submits a report: its snapshot becomes the submitted revision.</summary>
    /// <param name="actor">A reporter whose scope contains the snapshot's division.</param>
    /// <param name="snapshot">The snapshot of the division's report for the period.</param>
    /// <param name="at">When.</param>
    /// <returns>The report as it now stands.</returns>
    /// <exception cref="SubmissionException">The actor is not a reporter for the division, or the report is already submitted or approved.</exception>
    public Submission Submit(SubmissionActor actor, ReportSnapshot snapshot, Instant at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(snapshot);
        lock (gate)
        {
            var now = Current(snapshot.Division, snapshot.Period);
            CheckSubmitter(actor, now);
            return Step(now, SubmissionState.Submitted, now.Revision + 1, actor, at, null, snapshot.Id);
        }
    }

    /// <summary>Approves a submitted report.</summary>
    /// <param name="actor">An approver whose scope contains the division's parent.</param>
    /// <param name="division">The division.</param>
    /// <param name="period">The period.</param>
    /// <param name="at">When.</param>
    /// <returns>The report as it now stands.</returns>
    /// <exception cref="SubmissionException">The actor is not an approver above the division, or the report is not submitted.</exception>
    public Submission Approve(SubmissionActor actor, DivisionCode division, ReportingPeriod period, Instant at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        lock (gate)
        {
            var now = Current(division, period);
            CheckApprover(actor, now, "approve", "审核");
            if (now.State != SubmissionState.Submitted)
            {
                throw Refused(now, $"the report is {Name(now.State)}; only a submitted report can be approved", $"该报表{ChineseName(now.State)}，只有已上报的报表才能审核通过", forbidden: false);
            }
            return Step(now, SubmissionState.Approved, now.Revision, actor, at, null, now.SnapshotId);
        }
    }

    /// <summary>
    /// Returns a submitted or approved report with a reason. Returning an approved report (unapproval) also returns every
    /// submitted or approved report below it for the period.
    /// </summary>
    /// <param name="actor">An approver whose scope contains the division's parent.</param>
    /// <param name="division">The division.</param>
    /// <param name="period">The period.</param>
    /// <param name="reason">Why (required).</param>
    /// <param name="at">When.</param>
    /// <returns>The report as it now stands.</returns>
    /// <exception cref="ArgumentException">The reason is blank.</exception>
    /// <exception cref="SubmissionException">The actor is not an approver above the division, or the report is open or returned.</exception>
    public Submission Return(SubmissionActor actor, DivisionCode division, ReportingPeriod period, string reason, Instant at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        lock (gate)
        {
            var now = Current(division, period);
            CheckApprover(actor, now, "return", "退回");
            if (!now.IsLocked)
            {
                throw Refused(now, $"the report is {Name(now.State)}; only a submitted or approved report can be returned", $"该报表{ChineseName(now.State)}，只有已上报或已审核的报表才能退回", forbidden: false);
            }
            if (now.State == SubmissionState.Approved)
            {
                var below = current.Values
                    .Where(s => s.IsLocked && s.Period == period && s.Division != division && division.Contains(s.Division))
                    .OrderBy(s => s.Division)
                    .ToList();
                foreach (var report in below)
                {
                    Step(report, SubmissionState.Returned, report.Revision, actor, at, $"{reason} (returned with {division})", report.SnapshotId);
                }
            }
            return Step(now, SubmissionState.Returned, now.Revision, actor, at, reason, now.SnapshotId);
        }
    }

    private Submission Current(DivisionCode division, ReportingPeriod period)
        => current.TryGetValue((division, period), out var submission) ? submission : new Submission(division, period, SubmissionState.Open, 0, null);

    private static void CheckSubmitter(SubmissionActor actor, Submission now)
    {
        if (!actor.Reports || !actor.Scope.Contains(now.Division))
        {
            throw Refused(now, $"{actor.Name} may not submit the report of {now.Division}: that needs the reporter role with the division in scope", $"{actor.Name}无权上报{now.Division}的报表：须有上报角色且该区划在其范围内", forbidden: true);
        }
        if (now.State is not (SubmissionState.Open or SubmissionState.Returned))
        {
            throw Refused(now, $"the report is {Name(now.State)}; it must be returned before it is submitted again", $"该报表{ChineseName(now.State)}，须先退回才能再次上报", forbidden: false);
        }
    }

    private static void CheckApprover(SubmissionActor actor, Submission now, string step, string chineseStep)
    {
        var division = now.Division;
        if (!actor.Approves || !division.HasParent || !actor.Scope.Contains(division.Parent))
        {
            throw Refused(now, $"{actor.Name} may not {step} the report of {division}: that needs the approver role with the level above the division in scope", $"{actor.Name}无权{chineseStep}{division}的报表：须有审核角色且上一级区划在其范围内", forbidden: true);
        }
    }

    private Submission Step(Submission now, SubmissionState to, int revision, SubmissionActor actor, Instant at, string? reason, string? snapshotId)
    {
        var next = now with { State = to, Revision = revision, SnapshotId = snapshotId };
        current[(now.Division, now.Period)] = next;
        history.Add(new SubmissionTransition(now.Division, now.Period, now.State, to, revision, actor.Name, at, reason, snapshotId));
        return next;
    }

    private static SubmissionException Refused(Submission now, string english, string chinese, bool forbidden)
        => new($"{now.Period} of {now.Division}: {english}.", $"{now.Division}的{now.Period}报表：{chinese}。", now.State, forbidden);

    private static string Name(SubmissionState state) => state.ToCode();

    private static string ChineseName(SubmissionState state) => state switch
    {
        SubmissionState.Open => "尚未上报",
        SubmissionState.Submitted => "已上报",
        SubmissionState.Approved => "已审核通过",
        _ => "已退回",
    };
}
