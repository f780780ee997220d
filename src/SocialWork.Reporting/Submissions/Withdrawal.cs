using NodaTime;

namespace SocialWork.Reporting;

/// <summary>
/// A record withdrawn (作废): the store keeps the record and this entry, and reports, reads and counts leave the record
/// out from then on. Withdrawals are append-only: one is never undone; a corrected record is appended under a new id.
/// </summary>
/// <param name="Id">The record's id.</param>
/// <param name="Reason">Why it was withdrawn.</param>
/// <param name="By">Who withdrew it (<see cref="SubmissionActor.Name"/>).</param>
/// <param name="At">When.</param>
public sealed record Withdrawal(string Id, string Reason, string By, Instant At)
{
    /// <summary>
    /// Checks a withdrawal against the rules every <see cref="IReportLedger"/> keeps, and makes its entries: the reason is
    /// not blank; every id is stored and not withdrawn yet; the actor is a reporter whose scope contains every record's
    /// division; no submitted or approved report locks a record.
    /// </summary>
    /// <param name="ids">The ids to withdraw (at least one; a repeat counts once).</param>
    /// <param name="reason">Why.</param>
    /// <param name="actor">Who.</param>
    /// <param name="at">When.</param>
    /// <param name="stored">The division and date of each stored record among <paramref name="ids"/>.</param>
    /// <param name="withdrawn">The ids withdrawn before.</param>
    /// <param name="locks">The reports that lock records now.</param>
    /// <returns>One entry per id, in the order given.</returns>
    /// <exception cref="ArgumentException">No id, or a blank reason.</exception>
    /// <exception cref="KeyNotFoundException">An id is not stored, or already withdrawn.</exception>
    /// <exception cref="UnauthorizedAccessException">The actor is not a reporter, or a record lies outside its scope.</exception>
    /// <exception cref="RecordLockedException">A submitted or approved report locks a record.</exception>
    public static IReadOnlyList<Withdrawal> Check(IReadOnlyCollection<string> ids, string reason, SubmissionActor actor, Instant at, IReadOnlyDictionary<string, (DivisionCode Division, LocalDate Date)> stored, IReadOnlySet<string> withdrawn, SubmissionLocks locks)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(withdrawn);
        ArgumentNullException.ThrowIfNull(locks);
        var unique = ids.Distinct(StringComparer.Ordinal).ToList();
        if (unique.Count == 0)
        {
            throw new ArgumentException("Name at least one record to withdraw.", nameof(ids));
        }
        if (unique.Where(id => !stored.ContainsKey(id)).ToList() is { Count: > 0 } missing)
        {
            throw new KeyNotFoundException($"{Few(missing)} {(missing.Count == 1 ? "is" : "are")} not stored; nothing was withdrawn.");
        }
        if (unique.Where(withdrawn.Contains).ToList() is { Count: > 0 } again)
        {
            throw new KeyNotFoundException($"{Few(again)} {(again.Count == 1 ? "is" : "are")} already withdrawn; nothing was withdrawn.");
        }
        if (!actor.Reports)
        {
            throw new UnauthorizedAccessException($"{actor.Name} may not withdraw records: that needs the reporter role; nothing was withdrawn.");
        }
        if (unique.Where(id => !actor.Scope.Contains(stored[id].Division)).ToList() is { Count: > 0 } outside)
        {
            throw new UnauthorizedAccessException($"{Few(outside)} {(outside.Count == 1 ? "lies" : "lie")} outside the scope of {actor.Name}; nothing was withdrawn.");
        }
        var locked = unique.Select(id => (Id: id, Place: stored[id])).Select(r => locks.Find(r.Place.Division, r.Place.Date) is { } by ? new LockedRecord(r.Id, r.Place.Division, r.Place.Date, by) : null).OfType<LockedRecord>().ToList();
        if (locked.Count > 0)
        {
            throw new RecordLockedException(locked);
        }
        return [.. unique.Select(id => new Withdrawal(id, reason, actor.Name, at))];
    }

    private static string Few(List<string> ids)
        => (ids.Count == 1 ? "Record " : "Records ") + string.Join(", ", ids.Take(5)) + (ids.Count > 5 ? $" and {ids.Count - 5:N0} more" : string.Empty);
}
