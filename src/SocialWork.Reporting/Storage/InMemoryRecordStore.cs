using NodaTime;

namespace SocialWork.Reporting;

/// <summary>
/// A store in memory: the batches appended, a query is <see cref="Cube.Build"/> over each merged. For tests and small
/// hosts. It keeps the reporting ledger too (<see cref="IReportLedger"/>): submissions, snapshots and withdrawals, every
/// step one critical section with the appends.
/// </summary>
public sealed class InMemoryRecordStore : IReportLedger
{
    private readonly Lock gate = new();
    private readonly List<RecordBatch> batches = [];
    private readonly HashSet<string> ids = new(StringComparer.Ordinal);
    private readonly SubmissionBook book = new();
    private readonly Dictionary<string, ReportSnapshot> snapshots = new(StringComparer.Ordinal);
    private readonly List<Withdrawal> withdrawals = [];
    private readonly HashSet<string> withdrawn = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public ValueTask<long> CountAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Count);
    }

    /// <summary>Gets the number of records stored and not withdrawn.</summary>
    public long Count
    {
        get
        {
            lock (gate)
            {
                return batches.Sum(b => (long)b.Count) - withdrawn.Count;
            }
        }
    }

    /// <inheritdoc />
    /// <exception cref="RecordLockedException">A submitted or approved report locks a record of the batch; nothing was stored.</exception>
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
            if (book.Locks().In(batch) is { Count: > 0 } locked)
            {
                throw new RecordLockedException(locked);
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
        var all = Current();
        return ValueTask.FromResult(all.Length == 0 ? Cube.Build(RecordBatch.Empty, query) : Cube.Merge(all.Select(b => Cube.Build(b, query)), query.MaxCells));
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<RecordBatch> ReadAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var batch in Current())
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return batch;
            await Task.Yield();
        }
    }

    /// <inheritdoc />
    public ValueTask<SubmissionBook> ReadSubmissionsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(SubmissionBook.Replay(book.History));
    }

    /// <inheritdoc />
    public ValueTask<Submission> SubmitAsync(SubmissionActor actor, DivisionCode division, ReportingPeriod period, CubeDimension by, Instant at, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            book.CheckSubmit(actor, division, period);
            var snapshot = ReportSnapshot.Make(Without(batches, withdrawn), division, period, by, at, null);
            var submitted = book.Submit(actor, snapshot, at);
            snapshots.TryAdd(snapshot.Id, snapshot);
            return ValueTask.FromResult(submitted);
        }
    }

    /// <inheritdoc />
    public ValueTask<Submission> ApproveAsync(SubmissionActor actor, DivisionCode division, ReportingPeriod period, Instant at, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            return ValueTask.FromResult(book.Approve(actor, division, period, at));
        }
    }

    /// <inheritdoc />
    public ValueTask<Submission> ReturnAsync(SubmissionActor actor, DivisionCode division, ReportingPeriod period, string reason, Instant at, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            return ValueTask.FromResult(book.Return(actor, division, period, reason, at));
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<Withdrawal>> WithdrawAsync(IReadOnlyCollection<string> ids, string reason, SubmissionActor actor, Instant at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            var wanted = ids.ToHashSet(StringComparer.Ordinal);
            var stored = new Dictionary<string, (DivisionCode Division, LocalDate Date)>(StringComparer.Ordinal);
            foreach (var batch in batches)
            {
                for (var i = 0; i < batch.Count && stored.Count < wanted.Count; i++)
                {
                    if (wanted.Contains(batch.IdAt(i)))
                    {
                        stored[batch.IdAt(i)] = (batch.Divisions[batch.DivisionIndices[i]], batch.DateAt(i));
                    }
                }
            }
            var entries = Withdrawal.Check(ids, reason, actor, at, stored, withdrawn, book.Locks());
            withdrawals.AddRange(entries);
            withdrawn.UnionWith(entries.Select(w => w.Id));
            return ValueTask.FromResult(entries);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<Withdrawal>> ReadWithdrawalsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            return ValueTask.FromResult<IReadOnlyList<Withdrawal>>([.. withdrawals]);
        }
    }

    /// <inheritdoc />
    public ValueTask<ReportSnapshot?> FindSnapshotAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            return ValueTask.FromResult(snapshots.GetValueOrDefault(id));
        }
    }

    /// <summary>The batches as they stand, withdrawn records left out.</summary>
    private RecordBatch[] Current()
    {
        lock (gate)
        {
            return [.. Without(batches, withdrawn)];
        }
    }

    /// <summary>The batches less the withdrawn records (a batch without any stays as it is).</summary>
    internal static IEnumerable<RecordBatch> Without(IEnumerable<RecordBatch> batches, IReadOnlySet<string> withdrawn)
    {
        foreach (var batch in batches)
        {
            if (withdrawn.Count == 0 || !batch.HasIds)
            {
                yield return batch;
                continue;
            }
            var kept = Enumerable.Range(0, batch.Count).Where(i => !withdrawn.Contains(batch.IdAt(i))).ToArray();
            yield return kept.Length == batch.Count ? batch : batch.Select(kept);
        }
    }
}
