namespace SocialWork.Reporting;

/// <summary>A store in memory: the batches appended, a query is <see cref="Cube.Build"/> over each merged. For tests and small hosts.</summary>
public sealed class InMemoryRecordStore : IRecordStore
{
    private readonly Lock gate = new();
    private readonly List<RecordBatch> batches = [];
    private readonly HashSet<string> ids = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public ValueTask<long> CountAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Count);
    }

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
            if (batchIds.Where(ids.Contains).ToList() is { Count: > 0 } stored)
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
        return ValueTask.FromResult(all.Length == 0 ? Cube.Build(RecordBatch.Empty, query) : Cube.Merge(all.Select(b => Cube.Build(b, query)), query.MaxCells));
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
