namespace SocialWork.Reporting;

/// <summary>
/// Thrown when an append or a withdrawal touches records a submitted or approved report locks: the period's records of
/// the division's subtree stay as they were submitted until the level above returns the report. Nothing was stored or
/// withdrawn. A web host answers 409 Conflict. (An import turns such records into rejected rows instead, with
/// <see cref="RecordImportOptions.Locks"/>.)
/// </summary>
public sealed class RecordLockedException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="locked">The locked records; at least one.</param>
    public RecordLockedException(IReadOnlyList<LockedRecord> locked)
        : base(Describe(locked, chinese: false))
    {
        Locked = [.. locked];
        Chinese = Describe(locked, chinese: true);
    }

    /// <summary>Gets the locked records, with the report that locks each.</summary>
    public IReadOnlyList<LockedRecord> Locked { get; }

    /// <summary>Gets the message in Chinese.</summary>
    public string Chinese { get; }

    private static string Describe(IReadOnlyList<LockedRecord> locked, bool chinese)
    {
        ArgumentNullException.ThrowIfNull(locked);
        ArgumentOutOfRangeException.ThrowIfZero(locked.Count, nameof(locked));
        var first = locked[0];
        var more = locked.Count - 1;
        return chinese
            ? $"记录{first.Id}：{first.ChineseReason}{(more > 0 ? $"（另有{more}条记录同样被锁定）" : string.Empty)}；未做任何改动。"
            : $"Record {first.Id}: {first.Reason}{(more > 0 ? $" ({more:N0} more records are locked)" : string.Empty)}; nothing was changed.";
    }
}
