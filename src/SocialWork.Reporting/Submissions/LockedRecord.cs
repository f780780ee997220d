using NodaTime;

namespace SocialWork.Reporting;

/// <summary>A record refused because a submitted or approved report locks its division and date.</summary>
/// <param name="Id">The record's id.</param>
/// <param name="Division">The record's division.</param>
/// <param name="Date">The record's date.</param>
/// <param name="LockedBy">The report that locks it.</param>
public sealed record LockedRecord(string Id, DivisionCode Division, LocalDate Date, Submission LockedBy)
{
    /// <summary>Gets why, in English ("… is submitted and locked; ask … to return it").</summary>
    public string Reason => SubmissionLocks.Reason(LockedBy);

    /// <summary>Gets why, in Chinese.</summary>
    public string ChineseReason => SubmissionLocks.ChineseReason(LockedBy);
}
