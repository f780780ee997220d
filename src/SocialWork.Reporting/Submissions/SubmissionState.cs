namespace SocialWork.Reporting;

/// <summary>Where a division's report for a period stands (JSON: <c>open</c>, <c>submitted</c>, <c>approved</c>, <c>returned</c>).</summary>
public enum SubmissionState
{
    /// <summary>Not submitted yet: records of the period may be stored and withdrawn.</summary>
    Open,

    /// <summary>Submitted (上报) by the unit that owns it, with a snapshot: the period's records are locked.</summary>
    Submitted,

    /// <summary>Checked and approved (审核通过) by the level above: still locked.</summary>
    Approved,

    /// <summary>Returned (退回) with a reason: open again for corrections and a new revision.</summary>
    Returned,
}
