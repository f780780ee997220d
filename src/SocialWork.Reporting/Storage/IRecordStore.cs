namespace SocialWork.Reporting;

/// <summary>
/// Where records live, and where reports on them run (design section 7). Every store keeps one law:
/// <c>QueryAsync(q)</c> gives the same cube as <see cref="Cube.Build"/> over every record ever appended, for any query.
/// </summary>
public interface IRecordStore
{
    /// <summary>
    /// Stores a batch atomically: all of it or none of it. Record ids are unique within a store across appends: when a
    /// record's id is already stored, or repeats within the batch, nothing is stored. (To keep the new rows of a batch and
    /// report the others, import with <see cref="RecordImportOptions.StoredIds"/>, as
    /// <see cref="RecordStoreImport.ImportCsvAsync"/> does.)
    /// </summary>
    /// <param name="batch">The records; they must carry their ids (<see cref="RecordBatch.HasIds"/>).</param>
    /// <param name="cancellationToken">Cancels the append; nothing is stored then.</param>
    /// <returns>A task that completes when the batch is stored.</returns>
    /// <exception cref="InvalidOperationException">The batch carries no ids.</exception>
    /// <exception cref="RecordAlreadyStoredException">An id is already stored or repeats within the batch; nothing was stored.</exception>
    ValueTask AppendAsync(RecordBatch batch, CancellationToken cancellationToken = default);

    /// <summary>Finds which of the given ids are already stored.</summary>
    /// <param name="ids">The ids to look for.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The ids among <paramref name="ids"/> that the store holds (ordinal comparison).</returns>
    ValueTask<IReadOnlySet<string>> FindStoredIdsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default);

    /// <summary>Builds the cube of every stored record for a query.</summary>
    /// <param name="query">The query.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The same cube as <see cref="Cube.Build"/> over all the records.</returns>
    ValueTask<Cube> QueryAsync(CubeQuery query, CancellationToken cancellationToken = default);

    /// <summary>Reads the stored records back in bounded-size batches (never all in memory at once).</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The batches.</returns>
    IAsyncEnumerable<RecordBatch> ReadAsync(CancellationToken cancellationToken = default);
}

/// <summary>A store in memory: the batches appended, a query is <see cref="Cube.Build"/> over each merged. For tests and small hosts.</summary>
public sealed class InMemoryRecordStore : IRecordStore
{
    private readonly Lock gate = new();
    private readonly List<RecordBatch> batches = [];
    private readonly HashSet<string> ids = new(StringComparer.Ordinal);

    /// <summary>Gets the number of records stored.</summary>
    public long Count
    {
        get
        {
            lock (gate)
            {
                return batches.Sum(b => (long)b.Count);
            }
        }
    }

    /// <inheritdoc />
    public ValueTask AppendAsync(RecordBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var batchIds = batch.GetUniqueIds();
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            if (batchIds.FirstOrDefault(ids.Contains) is { } stored)
            {
                throw new RecordAlreadyStoredException(stored);
            }
            ids.UnionWith(batchIds);
            batches.Add(batch);
        }
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlySet<string>> FindStoredIdsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            return ValueTask.FromResult<IReadOnlySet<string>>(ids.Where(this.ids.Contains).ToHashSet(StringComparer.Ordinal));
        }
    }

    /// <inheritdoc />
    public ValueTask<Cube> QueryAsync(CubeQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        cancellationToken.ThrowIfCancellationRequested();
        RecordBatch[] all;
        lock (gate)
        {
            all = [.. batches];
        }
        return ValueTask.FromResult(all.Length == 0 ? Cube.Build(RecordBatch.Empty, query) : all.Select(b => Cube.Build(b, query)).Aggregate(Cube.Merge));
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<RecordBatch> ReadAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        RecordBatch[] all;
        lock (gate)
        {
            all = [.. batches];
        }
        foreach (var batch in all)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return batch;
            await Task.Yield();
        }
    }
}

/// <summary>
/// Thrown when an append would store a record id twice: the id is already in the store, or appears twice in the batch.
/// Nothing of the batch was stored.
/// </summary>
public sealed class RecordAlreadyStoredException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="id">The first id found stored (or repeated).</param>
    /// <param name="inBatch">Whether the id repeats within the batch rather than being stored before.</param>
    public RecordAlreadyStoredException(string id, bool inBatch = false)
        : base(inBatch ? $"Record id '{id}' appears twice in the batch; nothing was stored." : $"Record id '{id}' is already stored; nothing of the batch was stored.")
    {
        Id = id ?? throw new ArgumentNullException(nameof(id));
    }

    /// <summary>Gets the id.</summary>
    public string Id { get; }
}
