namespace SocialWork.Reporting.Tests;

public sealed class PersonKeyTableTests
{
    private static readonly PersonKey[] Pool = ReportingArbitraries.PersonPool;

    [Fact]
    public void A_key_keeps_the_index_it_was_first_given()
    {
        var table = new PersonKeyTable();
        var first = table.Add(Pool[3]);
        var second = table.Add(Pool[5]);

        Assert.Equal((0, 1), (first, second));
        Assert.Equal(first, table.Add(Pool[3]));
        Assert.Equal([Pool[3], Pool[5]], table.ToArray());
        Assert.Equal(Pool[5], table[1]);
        Assert.Equal(2, table.Count);
    }

    [Fact]
    public void Keys_added_from_several_threads_get_one_index_each_and_the_table_grows_past_its_blocks()
    {
        // 150,000 distinct keys (more than two blocks of 65,536), each added by four threads in chunks.
        var keys = Enumerable.Range(0, 150_000).Select(i => PersonKey.FromBytes(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(i)))).ToArray();
        var table = new PersonKeyTable();
        var indices = new int[4][];
        Parallel.For(0, 4, t =>
        {
            indices[t] = new int[keys.Length];
            for (var start = 0; start < keys.Length; start += 10_000)
            {
                var n = Math.Min(10_000, keys.Length - start);
                table.Add(keys.AsSpan(start, n), indices[t].AsSpan(start, n));
            }
        });

        Assert.Equal(keys.Length, table.Count);
        Assert.All(indices, seen => Assert.Equal(indices[0], seen));
        Assert.Equal(keys.Length, indices[0].Distinct().Count());
        Assert.All(Enumerable.Range(0, keys.Length), i => Assert.Equal(keys[i], table[indices[0][i]]));
        Assert.Equal(table.ToArray(), table.ToList());
    }

    [Fact]
    public void An_accumulators_table_gives_its_keys_but_takes_no_new_ones_once_the_cube_is_made()
    {
        var accumulator = new CubeAccumulator(new CubeQuery(DivisionLevel.County, PeriodKind.Year));
        var first = accumulator.People.Add(Pool[3]);
        accumulator.ToCube();

        Assert.Equal(Pool[3], accumulator.People[first]);
        Assert.Equal([Pool[3]], accumulator.People.ToArray());
        Assert.Contains("takes no new ones", Assert.Throws<InvalidOperationException>(() => accumulator.People.Add(Pool[3])).Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => accumulator.People.Add([Pool[4]], new int[1]));
    }

    [Fact]
    public void The_default_key_and_a_short_span_are_refused()
    {
        var table = new PersonKeyTable();
        Assert.Contains("default PersonKey", Assert.Throws<ArgumentException>(() => table.Add(default(PersonKey))).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => table.Add([Pool[0], Pool[1]], new int[1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => table[0]);
        Assert.Empty(table);
    }
}
