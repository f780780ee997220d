namespace SocialWork.Reporting;

/// <summary>
/// Thrown when an append would store a record id twice: ids already in the store, or an id that appears twice in the
/// batch. Nothing of the batch was stored. When several writers append overlapping batches at once, each id is stored by
/// exactly one of them and every other is told which of its ids were taken (<see cref="Ids"/>).
/// </summary>
public sealed class RecordAlreadyStoredException : InvalidOperationException
{
    /// <summary>Creates the exception for one id.</summary>
    /// <param name="id">The first id found stored (or repeated).</param>
    /// <param name="inBatch">Whether the id repeats within the batch rather than being stored before.</param>
    public RecordAlreadyStoredException(string id, bool inBatch = false)
        : base(inBatch ? $"Record id '{id}' appears twice in the batch; nothing was stored." : $"Record id '{id}' is already stored; nothing of the batch was stored.")
    {
        Id = id ?? throw new ArgumentNullException(nameof(id));
        Ids = [id];
    }

    /// <summary>Creates the exception for the ids of a batch that are already stored.</summary>
    /// <param name="ids">The stored ids, in the batch's order; at least one.</param>
    public RecordAlreadyStoredException(IReadOnlyList<string> ids)
        : base(Describe(ids))
    {
        Ids = [.. ids];
        Id = Ids[0];
    }

    /// <summary>Gets the first id found stored (or repeated).</summary>
    public string Id { get; }

    /// <summary>Gets every id of the batch that is already stored (just <see cref="Id"/> for an id repeated within the batch).</summary>
    public IReadOnlyList<string> Ids { get; }

    private static string Describe(IReadOnlyList<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentOutOfRangeException.ThrowIfZero(ids.Count, nameof(ids));
        return ids.Count == 1
            ? $"Record id '{ids[0]}' is already stored; nothing of the batch was stored."
            : $"Record ids {string.Join(", ", ids.Take(5).Select(id => $"'{id}'"))}{(ids.Count > 5 ? $" and {ids.Count - 5:N0} more" : string.Empty)} are already stored; nothing of the batch was stored.";
    }
}
