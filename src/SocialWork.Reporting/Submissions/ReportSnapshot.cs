using System.Security.Cryptography;
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace SocialWork.Reporting;

/// <summary>
/// The report of one division's subtree for one period, fixed at a moment: its rows at the level below the division (the
/// division's own row at village level) by the chosen dimension, every indicator and the people where counted, the ids
/// of the records it counts, and digests that let anyone check it later. Immutable: what a unit submits (上报) and the
/// level above approves (审核) is this, whatever records arrive afterwards. Compare two with <see cref="ReportDiff.Between"/>.
/// </summary>
/// <remarks>
/// <see cref="Id"/> is the SHA-256 of the snapshot's canonical JSON (<see cref="ReportSnapshotJson.Serialize"/> without the
/// id), so equal snapshots have equal ids and any change to a number, a record id or the moment gives another.
/// </remarks>
public sealed class ReportSnapshot
{
    private ReportSnapshot(DivisionCode division, ReportingPeriod period, CubeDimension by, Instant madeAt, string[] recordIds, ReportDocument report)
    {
        Division = division;
        Period = period;
        By = by;
        MadeAt = madeAt;
        RecordIds = Array.AsReadOnly(recordIds);
        RecordsDigest = Digest(string.Join('\n', recordIds));
        Report = report;
        Id = Digest(ReportSnapshotJson.Canonical(this));
    }

    /// <summary>Gets the snapshot's id: the SHA-256 of its canonical JSON, 64 lowercase hexadecimal digits.</summary>
    public string Id { get; }

    /// <summary>Gets the division whose subtree the snapshot reports.</summary>
    public DivisionCode Division { get; }

    /// <summary>Gets the period it reports.</summary>
    public ReportingPeriod Period { get; }

    /// <summary>Gets the dimension of its rows.</summary>
    public CubeDimension By { get; }

    /// <summary>Gets when it was made.</summary>
    public Instant MadeAt { get; }

    /// <summary>Gets the number of records it counts.</summary>
    public int Records => RecordIds.Count;

    /// <summary>Gets the ids of the records it counts, in ordinal order.</summary>
    public IReadOnlyList<string> RecordIds { get; }

    /// <summary>Gets the SHA-256 of its record ids (in ordinal order, each followed by a line feed but the last), 64 lowercase hexadecimal digits.</summary>
    public string RecordsDigest { get; }

    /// <summary>Gets the report: rows at the level below <see cref="Division"/> and the total.</summary>
    public ReportDocument Report { get; }

    /// <summary>Gets the level of the report's rows: the one below the division's (a village's own).</summary>
    public DivisionLevel RowLevel => RowLevelOf(Division);

    /// <summary>
    /// Makes the snapshot of <paramref name="division"/>'s subtree for <paramref name="period"/> over the given records:
    /// those inside the subtree and the period, less the withdrawn ones.
    /// </summary>
    /// <param name="records">The records stored up to this moment (with their ids).</param>
    /// <param name="division">The division whose report it is.</param>
    /// <param name="period">The period.</param>
    /// <param name="by">The dimension of the rows.</param>
    /// <param name="madeAt">The moment (from the host's <see cref="IClock"/>).</param>
    /// <param name="withdrawn">Ids of withdrawn (作废) records, left out; <see langword="null"/> for none.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="ArgumentException">The records carry no ids.</exception>
    public static ReportSnapshot Make(RecordBatch records, DivisionCode division, ReportingPeriod period, CubeDimension by, Instant madeAt, IReadOnlySet<string>? withdrawn)
    {
        ArgumentNullException.ThrowIfNull(records);
        return Make(new[] { records }, division, period, by, madeAt, withdrawn);
    }

    /// <summary>
    /// Makes the snapshot of <paramref name="division"/>'s subtree for <paramref name="period"/> over records read in
    /// batches (a store's <see cref="IRecordStore.ReadAsync"/>): those inside the subtree and the period, less the
    /// withdrawn ones. Only the records it counts are held, one batch at a time.
    /// </summary>
    /// <param name="records">The records stored up to this moment (with their ids), in batches.</param>
    /// <param name="division">The division whose report it is.</param>
    /// <param name="period">The period.</param>
    /// <param name="by">The dimension of the rows.</param>
    /// <param name="madeAt">The moment (from the host's <see cref="IClock"/>).</param>
    /// <param name="withdrawn">Ids of withdrawn (作废) records, left out; <see langword="null"/> for none.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="ArgumentException">The records carry no ids.</exception>
    public static ReportSnapshot Make(IEnumerable<RecordBatch> records, DivisionCode division, ReportingPeriod period, CubeDimension by, Instant madeAt, IReadOnlySet<string>? withdrawn)
    {
        ArgumentNullException.ThrowIfNull(records);
        var maker = new Maker(division, period, by, withdrawn);
        foreach (var batch in records)
        {
            if (batch.Count > 0 && !batch.HasIds)
            {
                throw new ArgumentException(NoIds, nameof(records));
            }
            maker.Add(batch);
        }
        return maker.Make(madeAt);
    }

    /// <summary>
    /// Makes the snapshot of <paramref name="division"/>'s subtree for <paramref name="period"/> over records read in
    /// batches asynchronously (a store's <see cref="IRecordStore.ReadAsync"/>), as <see cref="Make(IEnumerable{RecordBatch}, DivisionCode, ReportingPeriod, CubeDimension, Instant, IReadOnlySet{string})"/> does.
    /// </summary>
    /// <param name="records">The records stored up to this moment (with their ids), in batches.</param>
    /// <param name="division">The division whose report it is.</param>
    /// <param name="period">The period.</param>
    /// <param name="by">The dimension of the rows.</param>
    /// <param name="madeAt">The moment (from the host's <see cref="IClock"/>).</param>
    /// <param name="withdrawn">Ids of withdrawn (作废) records, left out; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="ArgumentException">The records carry no ids.</exception>
    public static async ValueTask<ReportSnapshot> MakeAsync(IAsyncEnumerable<RecordBatch> records, DivisionCode division, ReportingPeriod period, CubeDimension by, Instant madeAt, IReadOnlySet<string>? withdrawn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        var maker = new Maker(division, period, by, withdrawn);
        await foreach (var batch in records.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (batch.Count > 0 && !batch.HasIds)
            {
                throw new ArgumentException(NoIds, nameof(records));
            }
            maker.Add(batch);
        }
        return maker.Make(madeAt);
    }

    /// <summary>
    /// Makes a snapshot from a cube a store computed itself (in the database, say) and the ids of the records it counts.
    /// </summary>
    /// <param name="cube">The cube of <see cref="QueryOf"/>(<paramref name="division"/>, <paramref name="period"/>, <paramref name="by"/>) over the records.</param>
    /// <param name="recordIds">The ids of the records the cube counts.</param>
    /// <param name="division">The division whose report it is.</param>
    /// <param name="period">The period.</param>
    /// <param name="by">The dimension of the rows.</param>
    /// <param name="madeAt">The moment.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="ArgumentException">The cube's level, period kind or dimension is not the query's, or its record count is not the number of ids.</exception>
    public static ReportSnapshot From(Cube cube, IEnumerable<string> recordIds, DivisionCode division, ReportingPeriod period, CubeDimension by, Instant madeAt)
    {
        ArgumentNullException.ThrowIfNull(cube);
        ArgumentNullException.ThrowIfNull(recordIds);
        var query = QueryOf(division, period, by);
        if (cube.Level != query.Level || cube.PeriodKind != query.PeriodKind || cube.Dimension != query.Dimension)
        {
            throw new ArgumentException($"The cube answers another query than the snapshot of {division} for {period} by {by}.", nameof(cube));
        }
        var ids = recordIds.ToArray();
        Array.Sort(ids, StringComparer.Ordinal);
        if (cube.Total.Records != ids.Length)
        {
            throw new ArgumentException($"The cube counts {cube.Total.Records:N0} records but {ids.Length:N0} ids were given.", nameof(recordIds));
        }
        return new ReportSnapshot(division, period, by, madeAt, ids, ReportDocument.From(cube, new ReportInput(ids.Length, ids.Length, 0)));
    }

    /// <summary>The query a snapshot of <paramref name="division"/> for <paramref name="period"/> answers.</summary>
    /// <param name="division">The division.</param>
    /// <param name="period">The period.</param>
    /// <param name="by">The dimension.</param>
    /// <returns>Rows at the level below the division, inside it, for the period's days.</returns>
    public static CubeQuery QueryOf(DivisionCode division, ReportingPeriod period, CubeDimension by)
        => new(RowLevelOf(division), period.Kind, by) { Within = division, From = period.Start, To = period.End };

    /// <summary>Rebuilds a snapshot read back from its JSON (<see cref="ReportSnapshotJson.Parse"/>), checking its id and digest.</summary>
    internal static ReportSnapshot Restore(DivisionCode division, ReportingPeriod period, CubeDimension by, Instant madeAt, string[] recordIds, ReportDocument report, string id, string recordsDigest)
    {
        var sorted = recordIds.Order(StringComparer.Ordinal).ToArray();
        var snapshot = new ReportSnapshot(division, period, by, madeAt, sorted, report);
        if (snapshot.RecordsDigest != recordsDigest)
        {
            throw new System.Text.Json.JsonException($"$.recordsDigest: {recordsDigest} is not the SHA-256 of the snapshot's record ids ({snapshot.RecordsDigest}).");
        }
        if (snapshot.Id != id)
        {
            throw new System.Text.Json.JsonException($"$.id: {id} is not the SHA-256 of the snapshot's content ({snapshot.Id}); it was changed after it was made.");
        }
        return snapshot;
    }

    private const string NoIds = "A snapshot names the records it counts: the records must carry ids.";

    /// <summary>Folds batches into a snapshot: each batch's records inside the subtree and the period (and not withdrawn) into a cube, merged at the end.</summary>
    private sealed class Maker(DivisionCode division, ReportingPeriod period, CubeDimension by, IReadOnlySet<string>? withdrawn)
    {
        private readonly CubeQuery query = QueryOf(division, period, by);
        private readonly int first = DayNumber.From(period.Start);
        private readonly int last = DayNumber.From(period.End);
        private readonly List<Cube> cubes = [];
        private readonly List<string> ids = [];

        /// <summary>Adds a batch's records (it carries ids: the callers check).</summary>
        public void Add(RecordBatch batch)
        {
            var days = batch.DayNumbers;
            var divisions = batch.DivisionIndices;
            var inside = batch.Divisions.Select(division.Contains).ToArray();
            var kept = new List<int>();
            for (var i = 0; i < batch.Count; i++)
            {
                if (days[i] >= first && days[i] <= last && inside[divisions[i]] && batch.IdAt(i) is var id && (withdrawn is null || !withdrawn.Contains(id)))
                {
                    kept.Add(i);
                    ids.Add(id);
                }
            }
            if (kept.Count > 0)
            {
                cubes.Add(Cube.Build(batch.Select([.. kept]), query));
            }
        }

        public ReportSnapshot Make(Instant madeAt)
            => From(cubes.Count == 0 ? Cube.Build(RecordBatch.Empty, query) : Cube.Merge(cubes, query.MaxCells), ids, division, period, by, madeAt);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Division} {Period} ({Records} records, {InstantPattern.ExtendedIso.Format(MadeAt)}) {Id[..12]}";

    private static DivisionLevel RowLevelOf(DivisionCode division) => division.Level == DivisionLevel.Village ? DivisionLevel.Village : division.Level + 1;

    private static string Digest(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
