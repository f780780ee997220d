namespace SocialWork.Reporting;

/// <summary>
/// Where records live, and where reports on them run (design section 7). Every store keeps one law:
/// <c>QueryAsync(q)</c> gives the same cube as <see cref="Cube.Build"/> over every record ever appended, for any query.
/// </summary>
public interface IRecordStore
{
    /// <summary>Stores a batch atomically: all of it or none of it.</summary>
    /// <param name="batch">The records.</param>
    /// <param name="cancellationToken">Cancels the append; nothing is stored then.</param>
    /// <returns>A task that completes when the batch is stored.</returns>
    ValueTask AppendAsync(RecordBatch batch, CancellationToken cancellationToken = default);

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
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            batches.Add(batch);
        }
        return ValueTask.CompletedTask;
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
