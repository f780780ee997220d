namespace SocialWork.Reporting;

/// <summary>People served in a cell: distinct people with a key, and the records that name no one.</summary>
/// <param name="People">The distinct people (人) among the cell's records that name one — not summable across cells.</param>
/// <param name="RecordsWithoutPerson">The cell's records that name no person: counted in person-times, not in <paramref name="People"/>.</param>
public readonly record struct PeopleCount(long People, long RecordsWithoutPerson);

/// <summary>
/// The exact sets of people behind a cube's cells: for each cell (in the cube's slot order) the distinct indices of its
/// people into <see cref="Keys"/>, stored end to end (<see cref="Starts"/> marks where each cell's run begins), and each
/// cell's records without a person. Roll-ups and merges rebuild the sets, so people are never summed.
/// </summary>
/// <remarks>
/// Sets are built without sorting or hashing: the (cell, person) entries are bucketed by cell with a counting sort, then
/// each bucket is made distinct with one "last cell seen" mark per person — three linear passes.
/// </remarks>
internal sealed class CubePeople
{
    private CubePeople(PersonKey[] keys, int[] starts, int[] ids, long[] withoutPerson, long? totalWithoutPerson = null)
    {
        TotalWithoutPerson = totalWithoutPerson ?? withoutPerson.Sum();
        Keys = keys;
        Starts = starts;
        Ids = ids;
        WithoutPerson = withoutPerson;
    }

    public PersonKey[] Keys { get; }

    public int[] Starts { get; }

    public int[] Ids { get; }

    public long[] WithoutPerson { get; }

    /// <summary>Gets the cube's records without a person: the cells' sum, except where cells overlap (by party).</summary>
    public long TotalWithoutPerson { get; }

    /// <summary>The same sets with the cube's records without a person given, for cubes whose cells overlap.</summary>
    public CubePeople WithTotal(long totalWithoutPerson) => new(Keys, Starts, Ids, WithoutPerson, totalWithoutPerson);

    public PeopleCount CountOf(int cell) => new(Starts[cell + 1] - Starts[cell], WithoutPerson[cell]);

    /// <summary>The distinct people of the whole cube and its records without a person.</summary>
    public PeopleCount Total()
    {
        var seen = new bool[Keys.Length];
        var people = 0L;
        foreach (var id in Ids)
        {
            if (!seen[id])
            {
                seen[id] = true;
                people++;
            }
        }
        return new(people, TotalWithoutPerson);
    }

    /// <summary>
    /// Makes the sets from entries: <paramref name="count"/> calls of <paramref name="entry"/> (cell, person), each called
    /// twice (once to count the cells' entries, once to place them).
    /// </summary>
    public static CubePeople Build(PersonKey[] keys, long[] withoutPerson, int count, Func<int, (int Cell, int Person)> entry)
    {
        var cells = withoutPerson.Length;
        var starts = new int[cells + 1];
        for (var i = 0; i < count; i++)
        {
            starts[entry(i).Cell + 1]++;
        }
        for (var c = 0; c < cells; c++)
        {
            starts[c + 1] += starts[c];
        }
        var cursor = starts[..cells];
        var bucket = GC.AllocateUninitializedArray<int>(count);
        for (var i = 0; i < count; i++)
        {
            var (cell, person) = entry(i);
            bucket[cursor[cell]++] = person;
        }
        var kept = DistinctRuns(keys.Length, starts, bucket);
        return new CubePeople(keys, starts, bucket[..kept], withoutPerson);
    }

    /// <summary>
    /// Makes each cell's bucket of people distinct, in place: a person is kept the first time it is seen in the cell.
    /// <paramref name="starts"/> holds where each cell's bucket begins (and the end), and is rewritten to the kept runs.
    /// </summary>
    /// <returns>The number of people kept, at the start of <paramref name="bucket"/>.</returns>
    internal static int DistinctRuns(int people, int[] starts, int[] bucket)
    {
        var cells = starts.Length - 1;
        var lastCell = new int[people];
        var kept = 0;
        for (var c = 0; c < cells; c++)
        {
            var from = starts[c];
            starts[c] = kept;
            for (var i = from; i < starts[c + 1]; i++)
            {
                var person = bucket[i];
                if (lastCell[person] != c + 1)
                {
                    lastCell[person] = c + 1;
                    bucket[kept++] = person;
                }
            }
        }
        starts[cells] = kept;
        return kept;
    }

    /// <summary>Wraps runs of distinct people already laid out per cell.</summary>
    internal static CubePeople FromRuns(PersonKey[] keys, long[] withoutPerson, int[] starts, int[] ids) => new(keys, starts, ids, withoutPerson);

    /// <summary>
    /// Moves sets onto the cells of a new cube: each part's cell map gives each of its cells' new cell, its person map each
    /// of its people's index in <paramref name="keys"/>; sets landing on one cell are united there.
    /// </summary>
    public static CubePeople Map(PersonKey[] keys, int cells, IReadOnlyList<(CubePeople People, int[] CellMap, int[] PersonMap)> parts)
    {
        var withoutPerson = new long[cells];
        var entries = new List<(int Cell, int Person)>(parts.Sum(p => p.People.Ids.Length));
        foreach (var (people, cellMap, personMap) in parts)
        {
            for (var cell = 0; cell < cellMap.Length; cell++)
            {
                var to = cellMap[cell];
                withoutPerson[to] += people.WithoutPerson[cell];
                for (var i = people.Starts[cell]; i < people.Starts[cell + 1]; i++)
                {
                    entries.Add((to, personMap[people.Ids[i]]));
                }
            }
        }
        return Build(keys, withoutPerson, entries.Count, i => entries[i]);
    }
}
