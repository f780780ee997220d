namespace SocialWork.Reporting;

/// <summary>People served in a cell: distinct people with a key, and the records that name no one.</summary>
/// <param name="People">The distinct people (人) among the cell's records that name one — not summable across cells.</param>
/// <param name="RecordsWithoutPerson">The cell's records that name no person: counted in person-times, not in <paramref name="People"/>.</param>
public readonly record struct PeopleCount(long People, long RecordsWithoutPerson);

/// <summary>
/// The exact sets of people behind a cube's cells: for each cell (in the cube's slot order) the sorted, distinct
/// indices of its people into <see cref="Keys"/>, stored end to end (<see cref="Starts"/> marks where each cell's run
/// begins), and each cell's records without a person. Roll-ups and merges rebuild the sets, so people are never summed.
/// </summary>
internal sealed class CubePeople
{
    private CubePeople(PersonKey[] keys, int[] starts, int[] ids, long[] withoutPerson)
    {
        Keys = keys;
        Starts = starts;
        Ids = ids;
        WithoutPerson = withoutPerson;
    }

    public PersonKey[] Keys { get; }

    public int[] Starts { get; }

    public int[] Ids { get; }

    public long[] WithoutPerson { get; }

    public PeopleCount CountOf(int cell) => new(Starts[cell + 1] - Starts[cell], WithoutPerson[cell]);

    /// <summary>The distinct people of the whole cube and its records without a person.</summary>
    public PeopleCount Total() => new(Ids.Distinct().LongCount(), WithoutPerson.Sum());

    /// <summary>Makes the sets from (cell, person) pairs, each packed as <c>cell &lt;&lt; 32 | person</c>; the pairs are sorted here.</summary>
    public static CubePeople FromPairs(PersonKey[] keys, List<long> pairs, long[] withoutPerson)
    {
        var packed = pairs.ToArray();
        Array.Sort(packed);
        var cells = withoutPerson.Length;
        var starts = new int[cells + 1];
        var ids = new List<int>(packed.Length);
        var at = 0;
        for (var cell = 0; cell < cells; cell++)
        {
            starts[cell] = ids.Count;
            var previous = -1L;
            for (; at < packed.Length && (int)(packed[at] >> 32) == cell; at++)
            {
                if (packed[at] != previous)
                {
                    ids.Add((int)(packed[at] & 0xFFFF_FFFF));
                    previous = packed[at];
                }
            }
        }
        starts[cells] = ids.Count;
        return new CubePeople(keys, starts, [.. ids], withoutPerson);
    }

    /// <summary>
    /// Moves the sets onto other cells: <paramref name="cellMap"/> gives each cell's new cell, <paramref name="personMap"/>
    /// each person's new index; sets landing on one cell are united.
    /// </summary>
    public void MapInto(int[] cellMap, int[] personMap, List<long> pairs, long[] withoutPerson)
    {
        for (var cell = 0; cell < cellMap.Length; cell++)
        {
            var to = cellMap[cell];
            withoutPerson[to] += WithoutPerson[cell];
            for (var i = Starts[cell]; i < Starts[cell + 1]; i++)
            {
                pairs.Add(((long)to << 32) | (uint)personMap[Ids[i]]);
            }
        }
    }
}
