using System.Globalization;
using System.Runtime.CompilerServices;
using NodaTime;

namespace SocialWork.Reporting.Parquet;

/// <summary>
/// A folder of records files (<c>*.parquet</c>, for example one per month, <c>2023-01.parquet</c>) as one record store
/// (design section 7). A query reads the row groups on all cores, each folded into one <see cref="CubeAccumulator"/> as
/// soon as it is read; a row group whose date or division statistics lie outside the query's <c>From</c>/<c>To</c>/
/// <c>Within</c>/<c>Scope</c> is not read. Any tool that reads Parquet (DuckDB, Spark, Trino) reads the files as they are.
/// </summary>
/// <remarks>
/// <para>
/// <b>Commits.</b> An append becomes visible all at once or not at all, after the commit protocol of Delta Lake and Apache
/// Iceberg: its data files are written first under new names, invisible to queries, and then one commit record
/// (<c>_socialwork/log/00000000000000000007.json</c>) names them all. Queries, reads and counts see only files a commit
/// names, so a query is always over some prefix of the committed appends. Writers — objects in one process or in several
/// processes — take the folder's lock file (<c>_socialwork/writer.lock</c>, held exclusively) for the id check, the
/// writing and the commit, so two writers cannot both store an id; the lock is the operating system's and goes with a
/// crashed process. Before writing, a writer records its plan (<c>_socialwork/pending/</c>); the next writer deletes
/// what a crashed one left (its planned files and any temporary file) before it appends. A file no commit and no plan
/// names — one copied in by hand — is left alone and ignored (<see cref="RecoverAsync"/> lists it). A folder written
/// before commits existed gets a first commit naming the files it holds when a writer first opens it.
/// </para>
/// <para>
/// Record ids are unique across appends. The dataset keeps an index of them in memory — a 64-bit hash per id (about
/// 16–24 bytes each), filled from the committed files' <c>id</c> columns as commits appear — and looks the exact ids up in
/// the files only when a hash matches.
/// </para>
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "The SemaphoreSlim's wait handle is never asked for, so it holds nothing to dispose.")]
public sealed class ParquetDataset : IReportLedger
{
    /// <summary>The day a Parquet DATE counts from.</summary>
    private static readonly LocalDate Epoch = new(1970, 1, 1);

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly HashSet<ulong> idHashes = [];
    private readonly HashSet<string> indexedFiles = new(StringComparer.Ordinal);
    private readonly CommitLog log;
    private readonly LedgerFolder ledger;

    /// <summary>Opens a dataset, creating its folder if it does not exist.</summary>
    /// <param name="directory">The folder.</param>
    /// <param name="options">How appended files are written; the defaults when omitted.</param>
    public ParquetDataset(string directory, ParquetRecordOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = System.IO.Directory.CreateDirectory(directory).FullName;
        Options = options ?? new ParquetRecordOptions();
        log = new CommitLog(Directory);
        ledger = new LedgerFolder(Directory);
    }

    /// <summary>Gets the folder's full path.</summary>
    public string Directory { get; }

    /// <summary>Gets how appended files are written.</summary>
    public ParquetRecordOptions Options { get; }

    /// <summary>Gets the committed records files, in name order (files of appends under way, or of crashed ones, are not among them).</summary>
    public IReadOnlyList<string> Files => [.. log.CommittedFiles().Select(name => Path.Combine(Directory, name))];

    /// <summary>Appends a batch as one new file (<c>part-…parquet</c>), committed at once.</summary>
    /// <param name="batch">The records, with their ids.</param>
    /// <param name="cancellationToken">Cancels the append; nothing is stored then.</param>
    /// <returns>A task that completes when the file is committed.</returns>
    /// <exception cref="InvalidOperationException">The batch carries no ids.</exception>
    /// <exception cref="RecordAlreadyStoredException">Ids are already stored (all of them named) or one repeats within the batch; nothing was stored.</exception>
    /// <exception cref="TimeoutException">Another writer held the folder's lock for longer than <see cref="ParquetRecordOptions.WriterLockTimeout"/>.</exception>
    /// <exception cref="IOException">A file could not be written (a full disk, for example); nothing was stored.</exception>
    public ValueTask AppendAsync(RecordBatch batch, CancellationToken cancellationToken = default) => AppendAsync(batch, byMonth: false, cancellationToken);

    /// <summary>
    /// Appends a batch as one new file per calendar month its records fall in (<c>2023-01.parquet</c>, or
    /// <c>2023-01-….parquet</c> when that name is taken), all committed at once: every month or none.
    /// </summary>
    /// <param name="batch">The records, with their ids.</param>
    /// <param name="cancellationToken">Cancels the append; nothing is stored then.</param>
    /// <returns>A task that completes when the files are committed.</returns>
    /// <exception cref="InvalidOperationException">The batch carries no ids.</exception>
    /// <exception cref="RecordAlreadyStoredException">Ids are already stored (all of them named) or one repeats within the batch; nothing was stored.</exception>
    /// <exception cref="TimeoutException">Another writer held the folder's lock for longer than <see cref="ParquetRecordOptions.WriterLockTimeout"/>.</exception>
    /// <exception cref="IOException">A file could not be written (a full disk, for example); nothing was stored.</exception>
    public ValueTask AppendByMonthAsync(RecordBatch batch, CancellationToken cancellationToken = default) => AppendAsync(batch, byMonth: true, cancellationToken);

    /// <summary>
    /// Imports a records CSV file into the dataset without holding its records: the file is read in slices on all cores
    /// (<see cref="CsvRecordImporter.TryImportFileInSlices"/>) and each slice is written, as soon as it is read, into the
    /// append's files — one per calendar month its records fall in (<paramref name="byMonth"/>), or one — which are
    /// committed at once when the whole file is read: all of it or none, as <see cref="AppendByMonthAsync"/>. Rows are
    /// accepted and rejected as <c>store.ImportCsvAsync</c> does, an id the dataset already holds included. A file the
    /// slices cannot be trusted with, or one naming an id whose hash the dataset holds (a file converted again), is
    /// imported whole instead, with the exact check.
    /// </summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="options">How to import; ids are always kept and checked against the dataset.</param>
    /// <param name="byMonth">One file per calendar month (the default), or one file for the whole import.</param>
    /// <param name="cancellationToken">Cancels the import; nothing is stored then.</param>
    /// <returns>What was read and rejected; <c>Accepted</c> records were stored.</returns>
    /// <exception cref="RecordImportException">Strict mode met a bad row or an id already stored; nothing was stored.</exception>
    /// <exception cref="RecordAlreadyStoredException">On the whole-file path, another writer stored one of the ids between the check and the append; nothing was stored.</exception>
    /// <exception cref="TimeoutException">Another writer held the folder's lock for longer than <see cref="ParquetRecordOptions.WriterLockTimeout"/>.</exception>
    /// <exception cref="IOException">A file could not be written (a full disk, for example); nothing was stored.</exception>
    public async ValueTask<RecordImportSummary> ImportCsvFileAsync(string path, RecordImportOptions? options = null, bool byMonth = true, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        options = (options ?? new RecordImportOptions()) with { KeepIds = true, StoredIds = null };
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var writer = await log.LockAsync(Options.WriterLockTimeout, cancellationToken).ConfigureAwait(false);
            log.Recover();
            await IndexAsync(cancellationToken).ConfigureAwait(false);
            using var append = new StreamingAppend(Directory, log, Options, byMonth, batch => IdsWithStoredHash(batch).Count > 0);
            // The locks are read under the writer's lock, which no submission can take until this import is committed.
            var summary = new CsvRecordImporter().TryImportFileInSlices(path, append.Add, options with { Locks = ledger.Read().Book.Locks() });
            cancellationToken.ThrowIfCancellationRequested();
            if (summary is not null && !append.SawStoredHash)
            {
                append.Commit();
                return summary;
            }
        }
        finally
        {
            gate.Release();
        }

        // The whole file, as ImportCsvAsync would: ids already stored are found exactly and rejected like bad rows.
        var importer = new CsvRecordImporter();
        options = options with { Locks = ledger.Read().Book.Locks() };
        var import = importer.ImportFile(path, options);
        var stored = await FindStoredIdsAsync(import.Batch.GetIds(), cancellationToken).ConfigureAwait(false);
        if (stored.Count > 0)
        {
            import = importer.ImportFile(path, options with { StoredIds = stored });
        }
        await AppendAsync(import.Batch, byMonth, cancellationToken).ConfigureAwait(false);
        return new RecordImportSummary(import.Read, import.Rejected);
    }

    /// <summary>
    /// Takes the writer's lock and removes what crashed appends left — their planned data files and temporary files — and
    /// starts the commit log of a folder written before commits existed. Every append does this first; call it to clean
    /// up without appending.
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait for the lock.</param>
    /// <returns>The files removed, and the <c>*.parquet</c> files no commit names that were left alone (ignored by every read).</returns>
    /// <exception cref="TimeoutException">Another writer held the folder's lock for longer than <see cref="ParquetRecordOptions.WriterLockTimeout"/>.</exception>
    public async ValueTask<ParquetRecovery> RecoverAsync(CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var writer = await log.LockAsync(Options.WriterLockTimeout, cancellationToken).ConfigureAwait(false);
            return log.Recover();
        }
        finally
        {
            gate.Release();
        }
    }

    private async ValueTask AppendAsync(RecordBatch batch, bool byMonth, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        batch.EnsureUniqueIds();
        if (batch.Count == 0)
        {
            return;
        }
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // One critical section for every writer of the folder: the id check, the files and the commit.
            using var writer = await log.LockAsync(Options.WriterLockTimeout, cancellationToken).ConfigureAwait(false);
            log.Recover();
            await IndexAsync(cancellationToken).ConfigureAwait(false);
            var stored = await FindStoredAsync(IdsWithStoredHash(batch), cancellationToken).ConfigureAwait(false);
            if (stored.Count > 0)
            {
                throw new RecordAlreadyStoredException([.. Enumerable.Range(0, batch.Count).Select(batch.IdAt).Where(stored.Contains)]);
            }
            if (ledger.Read().Book.Locks().In(batch) is { Count: > 0 } locked)
            {
                throw new RecordLockedException(locked);
            }
            var parts = Parts(batch, byMonth).Select(part => (part.Start, part.Count, Name: log.FreeName(part.Name))).ToList();
            var plan = log.Plan([.. parts.Select(p => p.Name)]);
            try
            {
                foreach (var (start, count, name) in parts)
                {
                    if (!await ParquetRecordFile.WriteFileAsync(batch, start, count, Path.Combine(Directory, name), overwrite: false, Options, cancellationToken).ConfigureAwait(false))
                    {
                        throw new IOException($"The file {name} appeared in {Directory} while this append held the writer's lock; nothing was stored.");
                    }
                }
                log.Commit([.. parts.Select(p => p.Name)], batch.Count);
            }
            catch
            {
                log.Abandon(plan);
                throw;
            }
            CommitLog.Done(plan);
            foreach (var (start, count, name) in parts)
            {
                indexedFiles.Add(name);
                for (var i = start; i < start + count; i++)
                {
                    idHashes.Add(IdHash(batch.IdSpanAt(i)));
                }
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlySet<string>> FindStoredIdsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await FindStoredAsync(ids, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Brings the hash index up to date with the committed files (those it has not read yet), then looks for the ids:
    /// those whose hash is not in the index are not stored; the others are looked up exactly in the files' id columns.
    /// </summary>
    private async Task<IReadOnlySet<string>> FindStoredAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var files = await IndexAsync(cancellationToken).ConfigureAwait(false);
        var candidates = ids.Where(id => idHashes.Contains(IdHash(id))).ToHashSet(StringComparer.Ordinal);
        var found = new HashSet<string>(StringComparer.Ordinal);
        for (var f = 0; f < files.Count && found.Count < candidates.Count; f++)
        {
            await foreach (var id in ReadIdsAsync(files[f], cancellationToken).ConfigureAwait(false))
            {
                if (candidates.Contains(id))
                {
                    found.Add(id);
                }
            }
        }
        return found;
    }

    /// <summary>The ids of a batch whose hash the index holds: those that may be stored already (few, usually none). Reads the index only, so several threads may ask at once.</summary>
    private List<string> IdsWithStoredHash(RecordBatch batch)
    {
        var suspects = new List<string>();
        for (var i = 0; i < batch.Count; i++)
        {
            if (idHashes.Contains(IdHash(batch.IdSpanAt(i))))
            {
                suspects.Add(batch.IdAt(i));
            }
        }
        return suspects;
    }

    /// <summary>Brings the hash index up to date with the committed files it has not read yet; returns the committed files.</summary>
    private async Task<IReadOnlyList<string>> IndexAsync(CancellationToken cancellationToken)
    {
        var files = Files;
        foreach (var file in files.Where(f => !indexedFiles.Contains(Path.GetFileName(f))))
        {
            await foreach (var id in ReadIdsAsync(file, cancellationToken).ConfigureAwait(false))
            {
                idHashes.Add(IdHash(id));
            }
            indexedFiles.Add(Path.GetFileName(file));
        }
        return files;
    }

    /// <summary>Reads the ids of a file's records (none when it has no id column), row group by row group.</summary>
    private static async IAsyncEnumerable<string> ReadIdsAsync(string file, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (reader, tables) = ParquetRecordFile.Open(file);
        using (reader)
        {
            var metadata = reader.FileMetaData;   // the reader's own: it disposes it
            for (var g = 0; g < metadata.NumRowGroups; g++)
            {
                var rowGroup = g;
                var ids = await Task.Run(() => ParquetRecordFile.ReadGroupIds(reader, rowGroup, tables, file), cancellationToken).ConfigureAwait(false);
                foreach (var id in ids ?? [])
                {
                    yield return id;
                }
            }
        }
    }

    /// <summary>FNV-1a over the id's UTF-16 code units, 64 bits: the same in every process (a collision only costs a lookup in the files).</summary>
    private static ulong IdHash(ReadOnlySpan<char> id)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in id)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }
        return hash;
    }

    /// <summary>Counts the records in every file, from the files' footers, less the withdrawn ones.</summary>
    /// <param name="cancellationToken">Cancels the count.</param>
    /// <returns>The number of records stored and not withdrawn.</returns>
    /// <exception cref="ParquetRecordException">A file is not a readable records file.</exception>
    public ValueTask<long> CountAsync(CancellationToken cancellationToken = default)
    {
        var count = 0L;
        foreach (var file in Files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            count += ParquetRecordFile.Count(file);
        }
        return ValueTask.FromResult(count - Withdrawn().Count);
    }

    /// <inheritdoc />
    public async ValueTask<Cube> QueryAsync(CubeQuery query, CancellationToken cancellationToken = default)
    {
        var files = Files;
        return await QueryFilesAsync(files, query, cancellationToken, Withdrawn()).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<RecordBatch> ReadAsync(CancellationToken cancellationToken = default)
    {
        var files = Files;
        return ReadFilesAsync(files, Withdrawn(), cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<SubmissionBook> ReadSubmissionsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(ledger.Read().Book);
    }

    /// <inheritdoc />
    /// <remarks>The snapshot is kept in <c>_socialwork/snapshots/</c> and the step in <c>_socialwork/ledger/</c>, under the writer's lock, so no append or withdrawal of any process enters between the snapshot and the lock.</remarks>
    public ValueTask<Submission> SubmitAsync(SubmissionActor actor, DivisionCode division, ReportingPeriod period, CubeDimension by, Instant at, CancellationToken cancellationToken = default)
        => StepAsync(async book =>
        {
            book.CheckSubmit(actor, division, period);
            var withdrawn = Withdrawn();
            var snapshot = await ReportSnapshot.MakeAsync(ReadFilesAsync(Files, withdrawn, cancellationToken), division, period, by, at, null, cancellationToken).ConfigureAwait(false);
            var submitted = book.Submit(actor, snapshot, at);
            ledger.Keep(snapshot);
            return submitted;
        }, cancellationToken);

    /// <inheritdoc />
    public ValueTask<Submission> ApproveAsync(SubmissionActor actor, DivisionCode division, ReportingPeriod period, Instant at, CancellationToken cancellationToken = default)
        => StepAsync(book => Task.FromResult(book.Approve(actor, division, period, at)), cancellationToken);

    /// <inheritdoc />
    public ValueTask<Submission> ReturnAsync(SubmissionActor actor, DivisionCode division, ReportingPeriod period, string reason, Instant at, CancellationToken cancellationToken = default)
        => StepAsync(book => Task.FromResult(book.Return(actor, division, period, reason, at)), cancellationToken);

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<Withdrawal>> WithdrawAsync(IReadOnlyCollection<string> ids, string reason, SubmissionActor actor, Instant at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var writer = await log.LockAsync(Options.WriterLockTimeout, cancellationToken).ConfigureAwait(false);
            log.Recover();
            var (book, withdrawals) = ledger.Read();
            var wanted = ids.ToHashSet(StringComparer.Ordinal);
            var stored = new Dictionary<string, (DivisionCode Division, LocalDate Date)>(StringComparer.Ordinal);
            foreach (var file in Files)
            {
                await foreach (var batch in ParquetRecordFile.ReadRowGroupsAsync(file, cancellationToken).ConfigureAwait(false))
                {
                    for (var i = 0; i < batch.Count && batch.HasIds; i++)
                    {
                        if (wanted.Contains(batch.IdAt(i)))
                        {
                            stored[batch.IdAt(i)] = (batch.Divisions[batch.DivisionIndices[i]], batch.DateAt(i));
                        }
                    }
                }
                if (stored.Count == wanted.Count)
                {
                    break;
                }
            }
            var entries = Withdrawal.Check(ids, reason, actor, at, stored, withdrawals.Select(w => w.Id).ToHashSet(StringComparer.Ordinal), book.Locks());
            ledger.Append([], entries);
            return entries;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<Withdrawal>> ReadWithdrawalsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult<IReadOnlyList<Withdrawal>>(ledger.Read().Withdrawals);
    }

    /// <inheritdoc />
    public ValueTask<ReportSnapshot?> FindSnapshotAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(ledger.Find(id));
    }

    /// <summary>Takes one submission step under the writer's lock: the ledger as it stands, the step, and its transitions kept as the next entry.</summary>
    private async ValueTask<Submission> StepAsync(Func<SubmissionBook, Task<Submission>> step, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var writer = await log.LockAsync(Options.WriterLockTimeout, cancellationToken).ConfigureAwait(false);
            log.Recover();
            var book = ledger.Read().Book;
            var before = book.History.Count;
            var result = await step(book).ConfigureAwait(false);
            ledger.Append(book.History.Skip(before), []);
            return result;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Reads the records of some files, row group by row group, less the withdrawn ones.</summary>
    private static async IAsyncEnumerable<RecordBatch> ReadFilesAsync(IReadOnlyList<string> files, IReadOnlySet<string> withdrawn, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var file in files)
        {
            await foreach (var batch in ParquetRecordFile.ReadRowGroupsAsync(file, cancellationToken).ConfigureAwait(false))
            {
                yield return Without(batch, withdrawn, batch.HasIds ? batch.GetIds() : null);
            }
        }
    }

    /// <summary>The ids of the withdrawn records (the ledger's entries are immutable files, so no lock is needed to read them).</summary>
    private HashSet<string> Withdrawn() => ledger.Read().Withdrawals.Select(w => w.Id).ToHashSet(StringComparer.Ordinal);

    /// <summary>A batch less its withdrawn records (the batch itself when it holds none).</summary>
    private static RecordBatch Without(RecordBatch batch, IReadOnlySet<string> withdrawn, IReadOnlyList<string>? ids)
    {
        if (withdrawn.Count == 0 || ids is null)
        {
            return batch;
        }
        var kept = Enumerable.Range(0, batch.Count).Where(i => !withdrawn.Contains(ids[i])).ToArray();
        return kept.Length == batch.Count ? batch : batch.Select(kept);
    }

    /// <summary>
    /// Builds the cube of some files: their row groups (those the query may need) read on all cores, each folded into one
    /// <see cref="CubeAccumulator"/> as soon as it is read, so memory holds the result, the people's keys and pairs, and
    /// one row group per core — not a cube per row group. The running cube keeps the query's cell budget.
    /// </summary>
    internal static async Task<Cube> QueryFilesAsync(IReadOnlyList<string> files, CubeQuery query, CancellationToken cancellationToken, IReadOnlySet<string>? withdrawn = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        var units = await PlanAsync(files, query, cancellationToken).ConfigureAwait(false);
        var accumulator = new CubeAccumulator(query with { Parallelism = 1 });
        var threads = Math.Max(1, Math.Min(units.Count, query.Parallelism > 0 ? query.Parallelism : Environment.ProcessorCount));
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, threads).Select(_ => Task.Run(() =>
        {
            var columns = new RecordFileReader.ColumnBuffers(0);   // each batch only feeds the accumulator: read into again for the next row group
            for (var u = Interlocked.Increment(ref next); u < units.Count; u = Interlocked.Increment(ref next))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var unit = units[u];
                // A reader per row group (a reader is not shared between threads); the file's tables were checked by the plan.
                using var reader = ParquetRecordFile.OpenReader(unit.File);
                var batch = ParquetRecordFile.ReadGroup(reader, unit.RowGroup, unit.Tables, unit.File, columns, accumulator.People);
                accumulator.Add(withdrawn is { Count: > 0 } ? Without(batch, withdrawn, ParquetRecordFile.ReadGroupIds(reader, unit.RowGroup, unit.Tables, unit.File)) : batch);
            }
        }, cancellationToken))).ConfigureAwait(false);
        return accumulator.ToCube();
    }

    /// <summary>Lists the row groups a query reads: every one whose statistics do not rule it out, file by file.</summary>
    internal static Task<List<(string File, int RowGroup, RecordFileLayout.FileTables Tables)>> PlanAsync(IReadOnlyList<string> files, CubeQuery query, CancellationToken cancellationToken)
    {
        var units = new List<(string File, int RowGroup, RecordFileLayout.FileTables Tables)>();
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (reader, tables) = ParquetRecordFile.Open(file);
            using (reader)
            {
                var metadata = reader.FileMetaData;   // the reader's own: it disposes it
                for (var g = 0; g < metadata.NumRowGroups; g++)
                {
                    using var group = reader.RowGroup(g);
                    if (MayHold(RecordFileReader.Range(group, tables.Report.Date), RecordFileReader.Range(group, tables.DivisionColumn), query))
                    {
                        units.Add((file, g, tables));
                    }
                }
            }
        }
        return Task.FromResult(units);
    }

    /// <summary>Whether a row group whose statistics are these (days from 1970-01-01, division codes) may hold records the query counts (true when statistics are missing).</summary>
    private static bool MayHold((long Min, long Max)? days, (long Min, long Max)? divisions, CubeQuery query)
    {
        if (days is { Min: var first, Max: var last }
            && ((query.To is { } to && Epoch.PlusDays((int)first) > to) || (query.From is { } from && Epoch.PlusDays((int)last) < from)))
        {
            return false;
        }
        var scope = query.EffectiveScope;
        if (divisions is { Min: var low, Max: var high })
        {
            return scope is null || scope.Overlaps(low, high);
        }
        return scope is not { IsEmpty: true };
    }

    /// <summary>Cuts a batch (in date order) into the ranges of records each file gets, with the file's name.</summary>
    private static IEnumerable<(int Start, int Count, string Name)> Parts(RecordBatch batch, bool byMonth)
    {
        if (!byMonth)
        {
            yield return (0, batch.Count, string.Create(CultureInfo.InvariantCulture, $"part-{DateTime.UtcNow:yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}"));
            yield break;
        }
        var start = 0;
        while (start < batch.Count)
        {
            var month = batch.DateAt(start);
            var end = start;
            while (end < batch.Count && batch.DateAt(end) is var date && date.Year == month.Year && date.Month == month.Month)
            {
                end++;
            }
            yield return (start, end - start, month.ToString("yyyy-MM", CultureInfo.InvariantCulture));
            start = end;
        }
    }
}
