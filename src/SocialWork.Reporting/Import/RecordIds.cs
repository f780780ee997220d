using System.Numerics;

namespace SocialWork.Reporting;

/// <summary>Notes the ids of the rows an import accepts, so that a repeated id is rejected instead of counted twice.</summary>
internal abstract class RecordIds
{
    /// <summary>Gets a value indicating whether <see cref="Add"/> uses the line (to name it in a duplicate's message).</summary>
    public virtual bool NeedsLines => false;

    /// <summary>Notes an accepted row's id.</summary>
    /// <param name="id">The id.</param>
    /// <param name="line">The row's line.</param>
    /// <returns>The line of the earlier row with the same id, or 0 when the id is new (or this tracker only notes ids).</returns>
    public abstract int Add(ReadOnlySpan<char> id, int line);
}

/// <summary>
/// The exact set of ids accepted so far, with the line of each: the ids' characters in one growing array, and an
/// open-addressing table of entry numbers (about 12 bytes per id beside its characters). Not thread-safe.
/// </summary>
internal sealed class ExactRecordIds : RecordIds
{
    public override bool NeedsLines => true;

    private char[] text = new char[4096];
    private int textLength;
    private int[] offsets = new int[256];
    private int[] lines = new int[256];
    private int[] hashes = new int[256];
    private int[] slots = new int[512];
    private int count;

    public override int Add(ReadOnlySpan<char> id, int line)
    {
        var hash = string.GetHashCode(id);
        var mask = slots.Length - 1;
        for (var slot = hash & mask; ; slot = (slot + 1) & mask)
        {
            var entry = slots[slot] - 1;
            if (entry < 0)
            {
                Insert(slot, id, hash, line);
                return 0;
            }
            if (hashes[entry] == hash && Text(entry).SequenceEqual(id))
            {
                return lines[entry];
            }
        }
    }

    private ReadOnlySpan<char> Text(int entry) => text.AsSpan(offsets[entry], (entry + 1 < count ? offsets[entry + 1] : textLength) - offsets[entry]);

    private void Insert(int slot, ReadOnlySpan<char> id, int hash, int line)
    {
        if (count == offsets.Length)
        {
            var size = checked(count * 2);
            Array.Resize(ref offsets, size);
            Array.Resize(ref lines, size);
            Array.Resize(ref hashes, size);
        }
        if (textLength + id.Length > text.Length)
        {
            Array.Resize(ref text, (int)Math.Min(Array.MaxLength, Math.Max((long)text.Length * 2, (long)textLength + id.Length)));
        }
        id.CopyTo(text.AsSpan(textLength));
        offsets[count] = textLength;
        lines[count] = line;
        hashes[count] = hash;
        textLength += id.Length;
        slots[slot] = ++count;
        if (count * 4 > slots.Length * 3)
        {
            Rehash();
        }
    }

    private void Rehash()
    {
        slots = new int[checked(slots.Length * 2)];
        var mask = slots.Length - 1;
        for (var entry = 0; entry < count; entry++)
        {
            var slot = hashes[entry] & mask;
            while (slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }
            slots[slot] = entry + 1;
        }
    }
}

/// <summary>
/// A 64-bit hash of each accepted id, filed by its top bits into one of 256 buckets (8 bytes per id, written in order),
/// for the parallel import: the slices' hashes are compared bucket by bucket after parsing, and any two equal ones send
/// the file back to the one-thread import, which finds duplicates exactly (equal ids always have equal hashes; an equal
/// pair of different ids only costs that second read). Not thread-safe; each slice has its own.
/// </summary>
internal sealed class HashedRecordIds : RecordIds
{
    /// <summary>The number of buckets the hashes are kept in, by their top bits.</summary>
    internal const int BucketCount = 1 << BucketBits;

    private const int BucketBits = 8;

    private readonly List<ulong>[] buckets = [.. Enumerable.Range(0, 1 << BucketBits).Select(_ => new List<ulong>())];

    public override int Add(ReadOnlySpan<char> id, int line)
    {
        var hash = Hash(id);
        buckets[(int)(hash >> (64 - BucketBits))].Add(hash);
        return 0;
    }

    /// <summary>Gets the hashes of bucket <paramref name="bucket"/> (the hashes whose top bits are its number).</summary>
    internal ReadOnlySpan<ulong> Bucket(int bucket) => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(buckets[bucket]);

    /// <summary>Determines whether any id occurs twice across (or within) the slices, comparing hashes on all cores.</summary>
    /// <param name="slices">The slices' ids.</param>
    /// <returns><see langword="true"/> when two hashes are equal.</returns>
    public static bool MayRepeat(IReadOnlyList<HashedRecordIds> slices)
    {
        var found = 0;
        Parallel.For(0, 1 << BucketBits, (bucket, state) =>
        {
            // The bucket's hashes from every slice in one array, sorted: two equal hashes end up side by side.
            var hashes = new ulong[slices.Sum(s => s.buckets[bucket].Count)];
            var at = 0;
            foreach (var slice in slices)
            {
                slice.buckets[bucket].CopyTo(hashes, at);
                at += slice.buckets[bucket].Count;
            }
            if (HasEqual(hashes))
            {
                Interlocked.Exchange(ref found, 1);
                state.Stop();
            }
        });
        return found != 0;
    }

    /// <summary>Sorts <paramref name="hashes"/> and says whether two are equal (they are then side by side).</summary>
    internal static bool HasEqual(ulong[] hashes)
    {
        Array.Sort(hashes);
        for (var i = 1; i < hashes.Length; i++)
        {
            if (hashes[i] == hashes[i - 1])
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Two independent 32-bit hashes side by side: the runtime's randomised string hash and FNV-1a.</summary>
    internal static ulong Hash(ReadOnlySpan<char> id)
    {
        var fnv = 2166136261u;
        foreach (var c in id)
        {
            fnv = (fnv ^ c) * 16777619u;
        }
        return ((ulong)BitOperations.RotateLeft(fnv, 7) << 32) | (uint)string.GetHashCode(id);
    }
}
