using NodaTime;

namespace SocialWork.Reporting;

/// <summary>
/// A record store that also keeps the reporting ledger (上报、审核、锁定、作废): submissions and their history, the
/// snapshots submitted, and withdrawn records — stored with the records, so the locks hold for every writer of the store.
/// </summary>
/// <remarks>
/// <para>
/// <b>Locks.</b> While a division × period is submitted or approved, <see cref="IRecordStore.AppendAsync"/> refuses a
/// batch holding a record of that division's subtree dated in that period (<see cref="RecordLockedException"/>, nothing
/// stored), and so does <see cref="WithdrawAsync"/>. The check and the write are one step: an append racing a submission
/// either lands before the snapshot — and is in it — or is refused; it is never stored after the snapshot and missing
/// from it. Imports through <see cref="RecordStoreImport"/> turn locked records into rejected rows instead
/// (<see cref="RejectedRow.Locked"/>).
/// </para>
/// <para>
/// <b>Withdrawals.</b> A withdrawn record stays stored (its id is still taken) but <see cref="IRecordStore.QueryAsync"/>,
/// <see cref="IRecordStore.ReadAsync"/> and <see cref="IRecordStore.CountAsync"/> leave it out from then on.
/// </para>
/// <para>
/// Every step is checked with <see cref="SubmissionBook"/>'s rules; the history, the withdrawals and the snapshots only
/// grow. Every method is safe with several writers, threads or processes.
/// </para>
/// </remarks>
public interface IReportLedger : IRecordStore
{
    /// <summary>Reads the submissions as they stand, with their whole history.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>A book of its own (changing it changes nothing stored).</returns>
    ValueTask<SubmissionBook> ReadSubmissionsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Submits the report of <paramref name="division"/> for <paramref name="period"/>: makes its snapshot over the records
    /// stored at this moment (less the withdrawn ones), keeps it, and locks the period's records of the subtree — one step,
    /// which no append or withdrawal can enter.
    /// </summary>
    /// <param name="actor">A reporter whose scope contains the division.</param>
    /// <param name="division">The division.</param>
    /// <param name="period">The period.</param>
    /// <param name="by">The dimension of the snapshot's rows.</param>
    /// <param name="at">When (from the host's clock).</param>
    /// <param name="cancellationToken">Cancels the step; nothing changes then.</param>
    /// <returns>The report as it now stands; its <see cref="Submission.SnapshotId"/> names the snapshot.</returns>
    /// <exception cref="SubmissionException">The actor may not submit it, or it is already submitted or approved.</exception>
    ValueTask<Submission> SubmitAsync(SubmissionActor actor, DivisionCode division, ReportingPeriod period, CubeDimension by, Instant at, CancellationToken cancellationToken = default);

    /// <summary>Approves a submitted report (see <see cref="SubmissionBook.Approve"/>).</summary>
    /// <param name="actor">An approver whose scope contains the division's parent.</param>
    /// <param name="division">The division.</param>
    /// <param name="period">The period.</param>
    /// <param name="at">When.</param>
    /// <param name="cancellationToken">Cancels the step.</param>
    /// <returns>The report as it now stands.</returns>
    /// <exception cref="SubmissionException">The actor may not approve it, or it is not submitted.</exception>
    ValueTask<Submission> ApproveAsync(SubmissionActor actor, DivisionCode division, ReportingPeriod period, Instant at, CancellationToken cancellationToken = default);

    /// <summary>Returns a submitted or approved report with a reason, reopening it (see <see cref="SubmissionBook.Return"/>).</summary>
    /// <param name="actor">An approver whose scope contains the division's parent.</param>
    /// <param name="division">The division.</param>
    /// <param name="period">The period.</param>
    /// <param name="reason">Why.</param>
    /// <param name="at">When.</param>
    /// <param name="cancellationToken">Cancels the step.</param>
    /// <returns>The report as it now stands.</returns>
    /// <exception cref="SubmissionException">The actor may not return it, or it is open or returned.</exception>
    ValueTask<Submission> ReturnAsync(SubmissionActor actor, DivisionCode division, ReportingPeriod period, string reason, Instant at, CancellationToken cancellationToken = default);

    /// <summary>Withdraws (作废) stored records: all of them or none (see <see cref="Withdrawal.Check"/> for the rules).</summary>
    /// <param name="ids">The records' ids.</param>
    /// <param name="reason">Why.</param>
    /// <param name="actor">A reporter whose scope contains every record's division.</param>
    /// <param name="at">When.</param>
    /// <param name="cancellationToken">Cancels the step; nothing is withdrawn then.</param>
    /// <returns>The withdrawals kept.</returns>
    /// <exception cref="KeyNotFoundException">An id is not stored, or already withdrawn.</exception>
    /// <exception cref="UnauthorizedAccessException">The actor is not a reporter, or a record lies outside its scope.</exception>
    /// <exception cref="RecordLockedException">A submitted or approved report locks a record.</exception>
    ValueTask<IReadOnlyList<Withdrawal>> WithdrawAsync(IReadOnlyCollection<string> ids, string reason, SubmissionActor actor, Instant at, CancellationToken cancellationToken = default);

    /// <summary>Reads every withdrawal, oldest first.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The withdrawals.</returns>
    ValueTask<IReadOnlyList<Withdrawal>> ReadWithdrawalsAsync(CancellationToken cancellationToken = default);

    /// <summary>Finds a snapshot the ledger keeps (every submission keeps one).</summary>
    /// <param name="id">The snapshot's id (<see cref="ReportSnapshot.Id"/>).</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The snapshot, checked against its id, or <see langword="null"/> when none has that id.</returns>
    ValueTask<ReportSnapshot?> FindSnapshotAsync(string id, CancellationToken cancellationToken = default);
}
