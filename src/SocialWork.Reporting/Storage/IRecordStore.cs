namespace SocialWork.Reporting;

/// <summary>
/// Where records live, and where reports on them run (design section 7). Every store keeps one law:
/// <c>QueryAsync(q)</c> gives the same cube as <see cref="Cube.Build"/> over every record ever appended, for any query.
/// </summary>
/// <remarks>
/// Every method is asynchronous with <see cref="ValueTask"/> (or an async stream), takes a
/// <see cref="CancellationToken"/> and honours it. Every method is safe to call from several threads, and an append is
/// all-or-nothing. Stored data that cannot be read back raises <see cref="RecordStoreDataException"/> naming the file or
/// table and the column, in every store.
/// </remarks>
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

    /// <summary>Counts the stored records.</summary>
    /// <param name="cancellationToken">Cancels the count.</param>
    /// <returns>The number of records every query counts from.</returns>
    ValueTask<long> CountAsync(CancellationToken cancellationToken = default);
}

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

/// <summary>
/// Stored data that cannot be read back: a truncated or foreign file, a table whose rows break the records' rules. The
/// message names the file or table and, where one is at fault, the column; every store raises this type (or a subtype,
/// such as the Parquet store's) for this kind of failure.
/// </summary>
public class RecordStoreDataException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="source">The file name or table at fault.</param>
    /// <param name="column">The column (or metadata key) at fault, if one is.</param>
    /// <param name="problem">What is wrong.</param>
    /// <param name="inner">The reader's own exception, if any.</param>
    public RecordStoreDataException(string source, string? column, string problem, Exception? inner = null)
        : base(column is null ? $"{source}: {problem}" : $"{source}, column {column}: {problem}", inner)
    {
        Location = source ?? throw new ArgumentNullException(nameof(source));
        Column = column;
        Problem = problem ?? throw new ArgumentNullException(nameof(problem));
    }

    /// <summary>Gets the file name or table at fault.</summary>
    public string Location { get; }

    /// <summary>Gets the column or metadata key at fault, if one is.</summary>
    public string? Column { get; }

    /// <summary>Gets what is wrong.</summary>
    public string Problem { get; }
}
