namespace SocialWork.Reporting;

/// <summary>
/// Distinct person keys, numbered from 0 in the order they are first added: one table that many batches can number their
/// people in, so that a reader of row groups need not build a table of each row group's people. Give it as
/// <see cref="RecordColumns.People"/> (the person column then holds 1 + a key's index here) and the batch shares it
/// instead of copying; a <see cref="CubeAccumulator"/> whose <see cref="CubeAccumulator.People"/> numbered a batch folds
/// the batch's people in without looking any key up again.
/// </summary>
/// <remarks>
/// <para>
/// Keys are only ever added, never changed or removed: an index, once given, names the same key for the table's life.
/// <see cref="Add(PersonKey)"/> may be called from several threads at once (the span overload takes the lock once for
/// the whole span); reading <see cref="this[int]"/> below a <see cref="Count"/> already seen needs no lock. The table
/// holds each key once (32 bytes and its slot), in blocks that are never copied as it grows.
/// </para>
/// <para>
/// The table of a <see cref="CubeAccumulator"/> (its <see cref="CubeAccumulator.People"/>) is closed when the accumulator
/// makes its cube: the cube shares the table's keys instead of copying them, and the table lets its lookup go, so it
/// still gives its keys but takes no new ones.
/// </para>
/// </remarks>
public sealed class PersonKeyTable : IReadOnlyList<PersonKey>
{
    private const int BlockBits = 16;
    private const int BlockSize = 1 << BlockBits;

    private readonly Lock gate = new();
    private PersonKey[][] blocks = [];
    private int[] slots = new int[1 << 10];
    private int count;
    private bool closed;

    /// <summary>Gets the number of keys in the table.</summary>
    public int Count => Volatile.Read(ref count);

    /// <summary>Gets the key at an index.</summary>
    /// <param name="index">From 0 to <see cref="Count"/> − 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not below <see cref="Count"/>.</exception>
    public PersonKey this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return Volatile.Read(ref blocks)[index >> BlockBits][index & (BlockSize - 1)];
        }
    }

    /// <summary>Gives a key's index, adding the key when it is new.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The key's index: the same for the same key, every time.</returns>
    /// <exception cref="ArgumentException"><paramref name="key"/> is the default <see cref="PersonKey"/>, which is not a key.</exception>
    /// <exception cref="InvalidOperationException">The table is closed: the <see cref="CubeAccumulator"/> it belongs to has made its cube.</exception>
    public int Add(PersonKey key)
    {
        CheckMade(key);
        lock (gate)
        {
            return Find(key);
        }
    }

    /// <summary>Gives each key's index, adding the keys that are new: <paramref name="indices"/>[i] is <paramref name="keys"/>[i]'s.</summary>
    /// <param name="keys">The keys.</param>
    /// <param name="indices">Where the indices go: as long as <paramref name="keys"/>.</param>
    /// <exception cref="ArgumentException">The spans differ in length, or a key is the default <see cref="PersonKey"/>.</exception>
    /// <exception cref="InvalidOperationException">The table is closed: the <see cref="CubeAccumulator"/> it belongs to has made its cube.</exception>
    public void Add(ReadOnlySpan<PersonKey> keys, Span<int> indices)
    {
        if (keys.Length != indices.Length)
        {
            throw new ArgumentException($"{keys.Length} keys but room for {indices.Length} indices.", nameof(indices));
        }
        foreach (var key in keys)
        {
            CheckMade(key);
        }
        lock (gate)
        {
            for (var i = 0; i < keys.Length; i++)
            {
                indices[i] = Find(keys[i]);
            }
        }
    }

    /// <summary>Closes the table to new keys and lets its lookup go: its keys, from now on fixed, are shared as they are.</summary>
    internal PersonKeyList Close()
    {
        lock (gate)
        {
            closed = true;
            slots = [];
            return PersonKeyList.OfBlocks(blocks, BlockBits, count);
        }
    }

    /// <summary>Copies the keys into a new array, in index order.</summary>
    /// <returns>The keys: element <c>i</c> is the key at index <c>i</c>.</returns>
    public PersonKey[] ToArray()
    {
        var n = Count;
        var result = GC.AllocateUninitializedArray<PersonKey>(n);
        var held = Volatile.Read(ref blocks);
        for (var start = 0; start < n; start += BlockSize)
        {
            held[start >> BlockBits].AsSpan(0, Math.Min(BlockSize, n - start)).CopyTo(result.AsSpan(start));
        }
        return result;
    }

    /// <inheritdoc />
    public IEnumerator<PersonKey> GetEnumerator()
    {
        var n = Count;
        for (var i = 0; i < n; i++)
        {
            yield return this[i];
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    private static void CheckMade(PersonKey key)
    {
        if (key == default)
        {
            throw new ArgumentException("The default PersonKey is not a key; make keys with PersonKey.Pseudonymize, Parse or FromBytes.", nameof(key));
        }
    }

    /// <summary>The key's index, added when new (under the lock): open addressing, a slot holding 1 + an index.</summary>
    private int Find(PersonKey key)
    {
        if (closed)
        {
            throw new InvalidOperationException("This table belongs to a CubeAccumulator that has made its cube: it gives its keys but takes no new ones.");
        }
        var mask = slots.Length - 1;
        for (var slot = key.GetHashCode() & mask; ; slot = (slot + 1) & mask)
        {
            var held = slots[slot];
            if (held == 0)
            {
                return Append(key, slot);
            }
            if (blocks[(held - 1) >> BlockBits][(held - 1) & (BlockSize - 1)] == key)
            {
                return held - 1;
            }
        }
    }

    private int Append(PersonKey key, int slot)
    {
        var index = count;
        if ((index & (BlockSize - 1)) == 0)
        {
            PersonKey[][] grown = [.. blocks, new PersonKey[BlockSize]];
            Volatile.Write(ref blocks, grown);
        }
        blocks[index >> BlockBits][index & (BlockSize - 1)] = key;
        slots[slot] = index + 1;
        Volatile.Write(ref count, index + 1);
        if ((long)count * 2 > slots.Length)
        {
            Rehash();
        }
        return index;
    }

    /// <summary>Doubles the slots, so at most half are taken and a probe stays short.</summary>
    private void Rehash()
    {
        var grown = new int[slots.Length * 2];
        var mask = grown.Length - 1;
        for (var index = 0; index < count; index++)
        {
            var slot = blocks[index >> BlockBits][index & (BlockSize - 1)].GetHashCode() & mask;
            while (grown[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }
            grown[slot] = index + 1;
        }
        slots = grown;
    }
}
