using System.Runtime.InteropServices;

namespace SocialWork.Reporting;

/// <summary>
/// The id hashes of a file's slices kept on disk instead of in memory, for an import that holds no records
/// (<see cref="CsvRecordImporter.TryImportFileInSlices"/>): each slice's hashes go to one temporary file (deleted when closed) as
/// its buckets one after another, and the repeat check reads one bucket of every slice at a time. Memory then holds a
/// few buckets, whatever the file's size; the file takes 8 bytes a row.
/// </summary>
internal sealed class SpilledIdHashes : IDisposable
{
    private readonly FileStream file = new(
        Path.Combine(Path.GetTempPath(), $"socialwork-id-hashes-{Guid.NewGuid():N}.tmp"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);

    private readonly Lock gate = new();
    private readonly List<(long Offset, int[] Ends)> slices = [];

    /// <summary>Writes a slice's hashes, bucket by bucket; the slice's own lists can go afterwards.</summary>
    public void Add(HashedRecordIds ids)
    {
        var ends = new int[HashedRecordIds.BucketCount];
        lock (gate)
        {
            var offset = file.Length;
            file.Position = offset;
            var written = 0;
            for (var b = 0; b < ends.Length; b++)
            {
                var bucket = ids.Bucket(b);
                file.Write(MemoryMarshal.AsBytes(bucket));
                ends[b] = written += bucket.Length;
            }
            slices.Add((offset, ends));
        }
    }

    /// <summary>Determines whether two hashes are equal, bucket by bucket on up to <paramref name="threads"/> threads.</summary>
    public bool MayRepeat(int threads)
    {
        file.Flush();
        var found = 0;
        Parallel.For(0, HashedRecordIds.BucketCount, new ParallelOptions { MaxDegreeOfParallelism = threads }, (bucket, state) =>
        {
            var hashes = new ulong[slices.Sum(s => s.Ends[bucket] - (bucket == 0 ? 0 : s.Ends[bucket - 1]))];
            var at = 0;
            foreach (var (offset, ends) in slices)
            {
                var start = bucket == 0 ? 0 : ends[bucket - 1];
                var part = MemoryMarshal.AsBytes(hashes.AsSpan(at, ends[bucket] - start));
                for (var read = 0; read < part.Length;)
                {
                    var n = RandomAccess.Read(file.SafeFileHandle, part[read..], offset + ((long)start * sizeof(ulong)) + read);
                    read += n > 0 ? n : throw new EndOfStreamException("The temporary file of id hashes ended early.");
                }
                at += ends[bucket] - start;
            }
            if (HashedRecordIds.HasEqual(hashes))
            {
                Interlocked.Exchange(ref found, 1);
                state.Stop();
            }
        });
        return found != 0;
    }

    /// <summary>Closes (and so deletes) the temporary file.</summary>
    public void Dispose() => file.Dispose();
}
