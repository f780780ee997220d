using System.Globalization;

namespace SocialWork.Reporting.Parquet;

/// <summary>
/// One append written while its records are still being read (<see cref="ParquetDataset.ImportCsvFileAsync"/>): each
/// batch handed to <see cref="Add"/> goes into the append's open files at once — one per calendar month, or one for
/// everything — written under temporary names and planned in the commit log, so that <see cref="Commit"/> makes them
/// all visible at once and <see cref="Abandon"/> (or a crash, through the next writer's recovery) leaves nothing.
/// The caller holds the dataset's writer lock throughout.
/// </summary>
/// <param name="directory">The dataset's folder.</param>
/// <param name="log">The dataset's commit log (its writer lock held).</param>
/// <param name="options">How the files are written.</param>
/// <param name="byMonth">One file per calendar month, or one for the whole append.</param>
/// <param name="mayHoldStoredIds">Whether a batch names an id that may be stored already (its hash is); called from several threads.</param>
internal sealed class StreamingAppend(string directory, CommitLog log, ParquetRecordOptions options, bool byMonth, Func<RecordBatch, bool> mayHoldStoredIds)
    : IDisposable
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Part> parts = new(StringComparer.Ordinal);
    private readonly string single = string.Create(CultureInfo.InvariantCulture, $"part-{DateTime.UtcNow:yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}");
    private volatile bool sawStoredHash;

    /// <summary>Gets a value indicating whether a record's id has the hash of a stored id: the append must then be redone whole, with the exact check.</summary>
    public bool SawStoredHash => sawStoredHash;

    /// <summary>Writes a date-ordered batch into the append's files. Thread-safe.</summary>
    public void Add(RecordBatch batch)
    {
        if (sawStoredHash || mayHoldStoredIds(batch))
        {
            sawStoredHash = true;
            return;   // the append will be redone: nothing more is worth writing
        }
        lock (gate)
        {
            var start = 0;
            while (start < batch.Count)
            {
                var end = start + 1;
                var month = batch.DateAt(start);
                while (byMonth && end < batch.Count && batch.DateAt(end) is var date && date.Year == month.Year && date.Month == month.Month)
                {
                    end++;
                }
                if (!byMonth)
                {
                    end = batch.Count;
                }
                var key = byMonth ? month.ToString("yyyy-MM", CultureInfo.InvariantCulture) : single;
                if (!parts.TryGetValue(key, out var part))
                {
                    parts[key] = part = new Part(directory, log, key, options);
                }
                part.Writer.Append(batch, start, end - start, CancellationToken.None);
                start = end;
            }
        }
    }

    /// <summary>Closes the files, moves them to their names and commits them all at once.</summary>
    /// <exception cref="IOException">A file could not be finished or a name was taken meanwhile; nothing is committed (call <see cref="Abandon"/>).</exception>
    public void Commit()
    {
        if (parts.Count == 0)
        {
            return;
        }
        foreach (var part in parts.Values)
        {
            part.Finish();
        }
        log.Commit([.. parts.Values.Select(p => p.Name)], parts.Values.Sum(p => p.Writer.Count));
        foreach (var part in parts.Values)
        {
            CommitLog.Done(part.Plan);
        }
        parts.Clear();
    }

    /// <summary>Removes every file the append wrote and its plans.</summary>
    public void Abandon()
    {
        foreach (var part in parts.Values)
        {
            try
            {
                part.Dispose();
            }
            catch (IOException)
            {
                // The disk that failed the append may fail the stream's last flush as well; the file goes all the same.
            }
            File.Delete(part.Temporary);
            log.Abandon(part.Plan);
        }
        parts.Clear();
    }

    /// <summary>Abandons what was not committed.</summary>
    public void Dispose() => Abandon();

    /// <summary>One file of the append: planned under its final name, written under a temporary one.</summary>
    private sealed class Part : IDisposable
    {
        private readonly string directory;
        private readonly FileStream stream;

        public Part(string directory, CommitLog log, string key, ParquetRecordOptions options)
        {
            this.directory = directory;
            Name = log.FreeName(key);
            Plan = log.Plan([Name]);
            Temporary = Path.Combine(directory, $".{Name}.{Guid.NewGuid():N}.tmp");
            stream = new FileStream(Temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
            Writer = new RecordFileWriter(stream, options);
        }

        public string Name { get; }

        public string Plan { get; }

        public string Temporary { get; }

        public RecordFileWriter Writer { get; }

        /// <summary>Writes the footer, flushes to disk and moves the file to its name (never over an existing file).</summary>
        public void Finish()
        {
            Writer.Close();
            stream.Flush(flushToDisk: true);
            Dispose();
            File.Move(Temporary, Path.Combine(directory, Name), overwrite: false);
        }

        public void Dispose()
        {
            try
            {
                Writer.Dispose();
            }
            finally
            {
                stream.Dispose();
            }
        }
    }
}
