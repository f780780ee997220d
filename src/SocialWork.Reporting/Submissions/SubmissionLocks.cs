using NodaTime;

namespace SocialWork.Reporting;

/// <summary>
/// The reports that lock records at one moment — every submitted or approved division × period — taken from a
/// <see cref="SubmissionBook"/> (<see cref="SubmissionBook.Locks"/>). Immutable, so an import on several threads may ask
/// it for every row; with nothing locked each question costs one comparison.
/// </summary>
public sealed class SubmissionLocks
{
    private readonly Submission[] locked;

    internal SubmissionLocks(IEnumerable<Submission> submissions)
        => locked = [.. submissions.Where(s => s.IsLocked).OrderBy(s => s.Division.Level).ThenBy(s => s.Division)];

    /// <summary>Gets the locks of a book where nothing is submitted.</summary>
    public static SubmissionLocks None { get; } = new([]);

    /// <summary>Gets the submitted or approved reports, the highest level first.</summary>
    public IReadOnlyList<Submission> Locked => locked;

    /// <summary>
    /// Finds the submitted or approved report that locks a record of <paramref name="division"/> dated
    /// <paramref name="date"/>: the division's own or an ancestor's, for a period holding the date (the highest level first).
    /// </summary>
    /// <param name="division">The record's division.</param>
    /// <param name="date">The record's date.</param>
    /// <returns>The locking report, or <see langword="null"/> when the record may be stored or withdrawn.</returns>
    public Submission? Find(DivisionCode division, LocalDate date)
    {
        foreach (var submission in locked)
        {
            if (submission.Period.Contains(date) && submission.Division.Contains(division))
            {
                return submission;
            }
        }
        return null;
    }

    /// <summary>Finds the records of a batch that a report locks.</summary>
    /// <param name="batch">The records (with ids, to name them).</param>
    /// <returns>Each locked record with the report that locks it, in the batch's order; empty when none is.</returns>
    public IReadOnlyList<LockedRecord> In(RecordBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (locked.Length == 0)
        {
            return [];
        }
        var found = new List<LockedRecord>();
        var divisions = batch.DivisionIndices;
        for (var i = 0; i < batch.Count; i++)
        {
            var division = batch.Divisions[divisions[i]];
            var date = batch.DateAt(i);
            if (Find(division, date) is { } submission)
            {
                found.Add(new LockedRecord(batch.HasIds ? batch.IdAt(i) : string.Empty, division, date, submission));
            }
        }
        return found;
    }

    /// <summary>Why a record is refused while <paramref name="submission"/> locks it, in English (it says <c>locked</c>).</summary>
    /// <param name="submission">The locking report.</param>
    /// <returns>"2023-03 of 130602005000 is submitted and locked; ask 130602000000 to return it".</returns>
    public static string Reason(Submission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var state = submission.State == SubmissionState.Approved ? "approved" : "submitted";
        return $"{submission.Period} of {submission.Division} is {state} and locked; ask {(submission.Division.HasParent ? submission.Division.Parent.ToString() : "the level above")} to return it";
    }

    /// <summary>The same reason in Chinese.</summary>
    /// <param name="submission">The locking report.</param>
    /// <returns>"130602005000的2023-03报表已上报，已锁定；请130602000000退回后再改".</returns>
    public static string ChineseReason(Submission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var state = submission.State == SubmissionState.Approved ? "已审核通过" : "已上报";
        return $"{submission.Division}的{submission.Period}报表{state}，已锁定；请{(submission.Division.HasParent ? submission.Division.Parent.ToString() : "上一级")}退回后再改";
    }
}
