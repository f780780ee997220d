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
