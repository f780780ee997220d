namespace SocialWork.Reporting;

/// <summary>
/// Builds one cube from many batches as they come — a file read slice by slice, a dataset's row groups read on several
/// cores — without holding the batches: <see cref="ToCube"/> gives the cube <see cref="Cube.Build"/> gives over all the
/// added batches' records together, distinct people included.
/// </summary>
/// <remarks>
/// <para>
/// Each batch's cube is built when it is added and folded in: its indicators are merged into a running cube (batches'
/// cubes wait until they have as many cells as it, then merge in one step), and its people are kept as the distinct
/// (person, cell) pairs of that batch, the person's key in one table for all batches. So memory holds the result, the
/// cubes waiting to be merged (no more cells than the result), one table of keys and the pairs — not the batches: a
/// batch's arrays may be reused as soon as <see cref="Add"/> returns. Merging cubes with
/// <see cref="Cube.Merge(IEnumerable{Cube}, long)"/> gives the same cube, but holds every part until the end.
/// </para>
/// <para>
/// <see cref="Add"/> may be called from several threads at once; each call builds its batch's cube outside the lock.
/// <see cref="ToCube"/> is called once, after the last <see cref="Add"/>.
/// </para>
/// </remarks>
public sealed class CubeAccumulator
{
    private readonly Lock gate = new();
    private readonly CubePeople.Accumulator people;
    private readonly List<Cube> pending = [];
    private Cube? indicators;
    private long pendingCells;
    private bool done;

    /// <summary>Starts an empty accumulator.</summary>
    /// <param name="query">The query every batch is built with (its <see cref="CubeQuery.MaxCells"/> bounds the running cube too).</param>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is null.</exception>
    public CubeAccumulator(CubeQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        Query = query;
        people = new CubePeople.Accumulator(People);
    }

    /// <summary>Gets the query every batch is built with.</summary>
    public CubeQuery Query { get; }

    /// <summary>
    /// Gets the table this accumulator numbers people in. A reader that numbers its batches' people here (the table as
    /// <see cref="RecordColumns.People"/>) saves a table of each batch's people and every lookup of their keys on
    /// <see cref="Add"/>; batches with their own lists of people are looked up in it as they come. <see cref="ToCube"/>
    /// closes it: the cube shares its keys, and it takes no new ones (<see cref="InvalidOperationException"/>).
    /// </summary>
    public PersonKeyTable People { get; } = new();

    /// <summary>Builds a batch's cube and folds it in. Thread-safe; the batch is not kept.</summary>
    /// <param name="batch">The records.</param>
    /// <exception cref="ArgumentNullException"><paramref name="batch"/> is null.</exception>
    /// <exception cref="InvalidOperationException"><see cref="ToCube"/> was already called.</exception>
    /// <exception cref="ReportLimitException">The cube so far would have more than the query's <see cref="CubeQuery.MaxCells"/> cells (found when the waiting cubes are merged: here, or at the latest by <see cref="ToCube"/>).</exception>
    public void Add(RecordBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.PeopleTable == People && batch.TableColumn is not null)
        {
            // Numbered in this accumulator's table: the pairs come straight from the batch's columns.
            var plain = CubeBuilder.Build(batch, Query, countPeople: false, out var tables);
            if (tables is not null)
            {
                using var pairs = CubePeople.NumberedPairs.Gather(batch, tables, plain.CellCount);
                lock (gate)
                {
                    ThrowIfDone();
                    Fold(plain);
                    plain.AddPeopleTo(people, pairs);
                }
                return;
            }
        }
        var cube = Cube.Build(batch, Query);
        lock (gate)
        {
            ThrowIfDone();
            Fold(cube.WithoutPeople());
            cube.AddPeopleTo(people, batch.PeopleTable == People ? batch.TableIndices : null);
        }
    }

    /// <summary>Gives the cube of every batch added: the same as <see cref="Cube.Build"/> over all their records.</summary>
    /// <returns>The cube; that of no records when nothing was added.</returns>
    /// <exception cref="InvalidOperationException"><see cref="ToCube"/> was already called (the pairs it gathered are handed to the cube).</exception>
    /// <exception cref="ReportLimitException">The cube would have more than the query's <see cref="CubeQuery.MaxCells"/> cells (found at the last merge).</exception>
    public Cube ToCube()
    {
        lock (gate)
        {
            ThrowIfDone();
            done = true;
            MergePending();
            var keys = People.Close();
            return indicators is null ? Cube.Build(RecordBatch.Empty, Query) : indicators.WithPeopleFrom(people, keys);
        }
    }

    /// <summary>
    /// Folds a batch's indicators in (under the lock). The batches' cubes wait until they have as many cells as the running
    /// cube, then all are merged in one step: a fine report (millions of cells, each batch adding a few) merges a handful
    /// of times instead of copying the whole running cube for every batch.
    /// </summary>
    private void Fold(Cube batchCube)
    {
        pending.Add(batchCube);
        pendingCells += batchCube.CellCount;
        if (pendingCells >= (indicators?.CellCount ?? 0))
        {
            MergePending();
        }
    }

    private void MergePending()
    {
        if (pending.Count > 0)
        {
            indicators = Cube.Merge(indicators is null ? pending : [indicators, .. pending], Query.MaxCells);
            pending.Clear();
            pendingCells = 0;
        }
    }

    private void ThrowIfDone()
    {
        if (done)
        {
            throw new InvalidOperationException("This accumulator has already made its cube; start a new one for more records.");
        }
    }
}
