using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialWork.Reporting.Parquet;

/// <summary>
/// A dataset folder's commit log (<c>_socialwork/log/*.json</c>, one immutable record per append, numbered from 0),
/// its writers' lock file and their plans. Which data files exist is what the log says, not what the folder lists.
/// </summary>
internal sealed class CommitLog
{
    /// <summary>The folder of the log, the lock and the plans, inside the dataset (a <c>*.parquet</c> glob does not reach it).</summary>
    internal const string MetaFolder = "_socialwork";

    private readonly string directory;
    private readonly string meta;
    private readonly string logFolder;
    private readonly string pendingFolder;
    private readonly Dictionary<string, string[]> parsed = new(StringComparer.Ordinal);

    public CommitLog(string directory)
    {
        this.directory = directory;
        meta = Path.Combine(directory, MetaFolder);
        logFolder = Path.Combine(meta, "log");
        pendingFolder = Path.Combine(meta, "pending");
    }

    /// <summary>The data files the commits name, in name order; for a folder without a log (written before commits), every <c>*.parquet</c> file.</summary>
    public IReadOnlyList<string> CommittedFiles()
    {
        if (!Directory.Exists(logFolder))
        {
            var legacy = Directory.GetFiles(directory, "*.parquet").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();
            // A writer starts the log before it writes any file: if the log appeared meanwhile, the listing may hold its files.
            if (!Directory.Exists(logFolder))
            {
                return legacy;
            }
        }
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var commit in CommitFiles())
        {
            names.UnionWith(Read(commit));
        }
        return [.. names];
    }

    /// <summary>Takes the folder's writer lock: an exclusively opened file, which the operating system releases with its process.</summary>
    public async Task<IDisposable> LockAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(meta);
        var path = Path.Combine(meta, "writer.lock");
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            }
            catch (IOException) when (waited.Elapsed < timeout)
            {
                await Task.Delay(10, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                throw new TimeoutException($"Another writer has held the lock of the dataset {directory} for more than {timeout.TotalSeconds:N0} s; nothing was stored.", e);
            }
        }
    }

    /// <summary>
    /// Under the writer lock: starts the log of a folder written before commits existed (a first commit naming its files,
    /// put in place at once), removes what crashed writers left (planned files no commit names, temporary files) and
    /// lists the <c>*.parquet</c> files nothing names.
    /// </summary>
    public ParquetRecovery Recover()
    {
        if (!Directory.Exists(logFolder))
        {
            var staging = Path.Combine(meta, $"log.{Guid.NewGuid():N}.tmp");
            Directory.CreateDirectory(staging);
            var legacy = Directory.GetFiles(directory, "*.parquet").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray();
            WriteCommitRecord(Path.Combine(staging, CommitName(0)), new CommitRecord(0, legacy, null, DateTimeOffset.UtcNow));
            Directory.Move(staging, logFolder);
        }
        var committed = CommittedFiles().ToHashSet(StringComparer.Ordinal);
        var removed = new List<string>();
        if (Directory.Exists(pendingFolder))
        {
            foreach (var plan in Directory.GetFiles(pendingFolder, "*.json"))
            {
                foreach (var file in ReadPlan(plan).Where(f => !committed.Contains(f) && File.Exists(Path.Combine(directory, f))))
                {
                    File.Delete(Path.Combine(directory, file));
                    removed.Add(file);
                }
                File.Delete(plan);
            }
        }
        foreach (var temporary in Directory.GetFiles(directory, ".*.tmp").Concat(Directory.GetFiles(meta, "*.tmp")).Concat(Directory.GetFiles(logFolder, "*.tmp"))
            .Concat(Directory.Exists(pendingFolder) ? Directory.GetFiles(pendingFolder, "*.tmp") : []))
        {
            File.Delete(temporary);
            removed.Add(Path.GetRelativePath(directory, temporary));
        }
        foreach (var stale in Directory.GetDirectories(meta, "log.*.tmp"))
        {
            Directory.Delete(stale, recursive: true);
            removed.Add(Path.GetRelativePath(directory, stale));
        }
        var ignored = Directory.GetFiles(directory, "*.parquet").Select(f => Path.GetFileName(f)).Where(f => !committed.Contains(f)).Order(StringComparer.Ordinal).ToList();
        return new ParquetRecovery(removed, ignored);
    }

    /// <summary>A name for a new data file: <c>{name}.parquet</c>, or with a unique suffix when that is taken.</summary>
    public string FreeName(string name)
        => File.Exists(Path.Combine(directory, name + ".parquet")) ? $"{name}-{Guid.NewGuid():N}.parquet" : name + ".parquet";

    /// <summary>Records, before any is written, the files an append is about to write, so a crash leaves nothing nobody will remove.</summary>
    public string Plan(string[] files)
    {
        Directory.CreateDirectory(pendingFolder);
        var plan = Path.Combine(pendingFolder, $"{Guid.NewGuid():N}.json");
        WriteAtomically(plan, JsonSerializer.SerializeToUtf8Bytes(new PlanRecord(files), CommitLogJson.Default.PlanRecord));
        return plan;
    }

    /// <summary>Makes an append's files visible: the next commit record, created exclusively.</summary>
    public void Commit(string[] files, long records)
    {
        var next = CommitFiles().Select(f => long.Parse(Path.GetFileNameWithoutExtension(f), NumberStyles.None, CultureInfo.InvariantCulture)).DefaultIfEmpty(-1).Max() + 1;
        WriteCommitRecord(Path.Combine(logFolder, CommitName(next)), new CommitRecord(next, files, records, DateTimeOffset.UtcNow));
    }

    /// <summary>After a failed append: removes its files and its plan (what cannot be removed now, the next writer removes).</summary>
    public void Abandon(string plan)
    {
        try
        {
            foreach (var file in ReadPlan(plan))
            {
                File.Delete(Path.Combine(directory, file));
            }
            File.Delete(plan);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>After a commit: the plan is no longer needed.</summary>
    public static void Done(string plan)
    {
        try
        {
            File.Delete(plan);
        }
        catch (IOException)
        {
        }
    }

    private static string CommitName(long number) => number.ToString("D20", CultureInfo.InvariantCulture) + ".json";

    private string[] CommitFiles() => Directory.Exists(logFolder) ? [.. Directory.GetFiles(logFolder, "*.json").Order(StringComparer.Ordinal)] : [];

    private static void WriteCommitRecord(string path, CommitRecord record)
        => WriteAtomically(path, JsonSerializer.SerializeToUtf8Bytes(record, CommitLogJson.Default.CommitRecord));

    /// <summary>Writes a small file whole or not at all: a temporary file, flushed to disk, linked into place (never over an existing file).</summary>
    internal static void WriteAtomically(string path, byte[] content)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: false);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private string[] Read(string commit)
    {
        var name = Path.GetFileName(commit);
        lock (parsed)
        {
            if (parsed.TryGetValue(name, out var files))
            {
                return files;
            }
        }
        CommitRecord? record;
        try
        {
            record = JsonSerializer.Deserialize(File.ReadAllBytes(commit), CommitLogJson.Default.CommitRecord);
        }
        catch (JsonException e)
        {
            throw new ParquetRecordException($"{MetaFolder}/log/{name}", e.Path, $"not a readable commit record ({e.Message})", e);
        }
        var named = record?.Files is { } list && list.All(f => f.EndsWith(".parquet", StringComparison.Ordinal) && Path.GetFileName(f) == f)
            ? list
            : throw new ParquetRecordException($"{MetaFolder}/log/{name}", "files", "a commit record names its data files by name, each ending in .parquet");
        lock (parsed)
        {
            parsed[name] = named;
        }
        return named;
    }

    private static string[] ReadPlan(string plan)
    {
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(plan), CommitLogJson.Default.PlanRecord)?.Files?.Where(f => Path.GetFileName(f) == f).ToArray() ?? [];
        }
        catch (JsonException)
        {
            return [];   // a plan cut short by a crash: its files were never started
        }
    }
}

/// <summary>One commit: the data files an append made visible.</summary>
/// <param name="Commit">Its number (0 for the files a folder held before it had a log).</param>
/// <param name="Files">The data files, by name.</param>
/// <param name="Records">The records the append stored (absent for commit 0 of an older folder).</param>
/// <param name="CommittedAt">When.</param>
internal sealed record CommitRecord(long Commit, string[] Files, long? Records, DateTimeOffset CommittedAt);

/// <summary>The files an append is about to write.</summary>
/// <param name="Files">The data files, by name.</param>
internal sealed record PlanRecord(string[] Files);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow, RespectRequiredConstructorParameters = true, RespectNullableAnnotations = true)]
[JsonSerializable(typeof(CommitRecord))]
[JsonSerializable(typeof(PlanRecord))]
internal sealed partial class CommitLogJson : JsonSerializerContext;
