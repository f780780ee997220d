using System.Runtime.CompilerServices;

namespace SocialWork.Reporting;

/// <summary>
/// The records of a batch that name a person, copied in person order: for each, the person (0-based index into
/// <see cref="RecordBatch.People"/>) and the columns a cube's cell is made of (division, day, code, programme, method,
/// target group). Counting distinct people per cell is then one sequential pass: a person's records are adjacent, so
/// "seen in this cell" is one mark per cell, not a set per cell (see <see cref="CubePeople"/>).
/// </summary>
/// <remarks>
/// Built once per batch, on the first cube that counts people (<see cref="RecordBatch.PersonOrder"/>), with a two-level
/// counting sort: one pass scatters the records into buckets of up to 4,096 people, then each bucket — small enough to
/// stay in cache — is sorted by person on all cores. It takes 18 bytes per record that names a person.
/// </remarks>
internal sealed class PersonOrder
{
    /// <summary>People per bucket of the first pass, as a power of two: a bucket's counts and records stay in cache.</summary>
    private const int BucketBits = 12;

    private PersonOrder(int count)
    {
        Person = GC.AllocateUninitializedArray<int>(count);
        Cells = CellColumns.Allocate(count);
    }

    /// <summary>Gets the number of records that name a person.</summary>
    public int Count => Person.Length;

    /// <summary>Gets each record's person (0-based), in ascending order.</summary>
    public int[] Person { get; }

    /// <summary>Gets each record's cell columns, in the same order.</summary>
    public CellColumns Cells { get; }

    /// <summary>Splits the records into up to <paramref name="parts"/> runs of about equal length, never splitting a person's records.</summary>
    /// <returns>The runs' bounds: run <c>t</c> is [bounds[t], bounds[t + 1]).</returns>
    public int[] Split(int parts)
    {
        var bounds = new int[parts + 1];
        bounds[parts] = Count;
        for (var t = 1; t < parts; t++)
        {
            var b = Math.Max(bounds[t - 1], (int)((long)Count * t / parts));
            while (b > 0 && b < Count && Person[b] == Person[b - 1])
            {
                b++;
            }
            bounds[t] = b;
        }
        return bounds;
    }

    /// <summary>Copies the batch's records that name a person into person order.</summary>
    public static PersonOrder Build(RecordBatch batch)
    {
        var person = batch.PersonColumn ?? [];
        var people = batch.People.Count;
        var buckets = Math.Max(1, (people + (1 << BucketBits) - 1) >> BucketBits);
        var starts = new int[buckets + 1];
        foreach (var p in person)
        {
            if (p != 0)
            {
                starts[((p - 1) >> BucketBits) + 1]++;
            }
        }
        for (var b = 0; b < buckets; b++)
        {
            starts[b + 1] += starts[b];
        }
        var order = new PersonOrder(starts[buckets]);
        order.Scatter(batch, starts);
        if (order.Count < 1 << 16)
        {
            var sorter = new BucketSorter(0);
            for (var b = 0; b < buckets; b++)
            {
                sorter.Sort(order, starts[b], starts[b + 1], b << BucketBits);
            }
        }
        else
        {
            Parallel.For(
                0,
                buckets,
                () => new BucketSorter(order.Count / buckets),
                (b, _, sorter) =>
                {
                    sorter.Sort(order, starts[b], starts[b + 1], b << BucketBits);
                    return sorter;
                },
                _ => { });
        }
        return order;
    }

    /// <summary>The first pass: each record that names a person goes to the end of its bucket (buckets in person order).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Scatter(RecordBatch batch, int[] starts)
    {
        var person = batch.PersonColumn ?? [];
        var cells = batch.Cells;
        var target = Cells;
        var cursor = starts[..^1];
        for (var r = 0; r < person.Length; r++)
        {
            var p = person[r] - 1;
            if (p >= 0)
            {
                var at = cursor[p >> BucketBits]++;
                Person[at] = p;
                cells.CopyTo(r, target, at);
            }
        }
    }

    /// <summary>The second pass, one bucket at a time: a counting sort by person through buffers the thread reuses.</summary>
    private sealed class BucketSorter(int capacity)
    {
        private readonly int[] counts = new int[(1 << BucketBits) + 1];
        private int[] person = new int[capacity];
        private CellColumns cells = CellColumns.Allocate(capacity);

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Sort(PersonOrder order, int from, int to, int firstPerson)
        {
            var n = to - from;
            if (n < 2)
            {
                return;
            }
            if (person.Length < n)
            {
                var size = Math.Max(n, person.Length * 2);
                (person, cells) = (new int[size], CellColumns.Allocate(size));
            }
            Array.Copy(order.Person, from, person, 0, n);
            order.Cells.CopyTo(from, cells, 0, n);
            Array.Clear(counts);
            for (var i = 0; i < n; i++)
            {
                counts[person[i] - firstPerson + 1]++;
            }
            counts[0] = from;
            for (var i = 1; i < counts.Length; i++)
            {
                counts[i] += counts[i - 1];
            }
            var target = order.Cells;
            for (var i = 0; i < n; i++)
            {
                var at = counts[person[i] - firstPerson]++;
                order.Person[at] = person[i];
                cells.CopyTo(i, target, at);
            }
        }
    }
}
