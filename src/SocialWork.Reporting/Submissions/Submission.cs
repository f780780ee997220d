namespace SocialWork.Reporting;

/// <summary>A division's report for a period as it stands (JSON: <c>division</c>, <c>period</c>, <c>state</c>, <c>revision</c>, <c>snapshotId</c>).</summary>
/// <param name="Division">The division.</param>
/// <param name="Period">The period.</param>
/// <param name="State">Where it stands.</param>
/// <param name="Revision">How many times it has been submitted (0 before the first).</param>
/// <param name="SnapshotId">The snapshot of the latest submission, if any.</param>
public sealed record Submission(DivisionCode Division, ReportingPeriod Period, SubmissionState State, int Revision, string? SnapshotId)
{
    /// <summary>Gets whether the period's records of the division's subtree are locked (submitted or approved).</summary>
    public bool IsLocked => State is SubmissionState.Submitted or SubmissionState.Approved;
}
