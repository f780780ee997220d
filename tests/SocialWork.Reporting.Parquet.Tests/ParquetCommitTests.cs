using System.Diagnostics;

namespace SocialWork.Reporting.Parquet.Tests;

/// <summary>One folder, one writer at a time, across objects; appends visible whole or not at all; queries over committed prefixes.</summary>
public sealed class ParquetCommitTests : StoreTestBase
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ServiceRecord Record(string id, int day, int personTimes = 1) =>
        new(id, new LocalDate(2023, 1, 1).PlusDays(day % 365), DivisionCode.Parse("130602005014"), ServiceCode.Parse("EL.01"), ServiceMethod.Visit, personTimes, 1, Money.Zero);

    /// <summary>Ids from <paramref name="first"/> to <paramref name="last"/>, spread over the year's months.</summary>
    private static RecordBatch Batch(int first, int last) => RecordBatch.From([.. Enumerable.Range(first, last - first + 1).Select(i => Record($"R{i}", i * 7))]);

    [Fact]
    public async Task Writers_on_one_folder_store_every_id_once_and_every_loser_is_told_which()
    {
        // Four objects on one folder append overlapping ranges at once, by month (many files per append).
        var ranges = new[] { (0, 999), (500, 1499), (1000, 1999), (0, 1999) };
        var outcomes = await Task.WhenAll(ranges.Select(async range =>
        {
            var dataset = new ParquetDataset(Dir);
            await Task.Yield();
            try
            {
                await dataset.AppendByMonthAsync(Batch(range.Item1, range.Item2), Ct);
                return (range, Taken: (IReadOnlyList<string>?)null);
            }
            catch (RecordAlreadyStoredException e)
            {
                return (range, Taken: e.Ids);
            }
        }));

        var stored = new List<string>();
        await foreach (var batch in new ParquetDataset(Dir).ReadAsync(Ct))
        {
            stored.AddRange(Enumerable.Range(0, batch.Count).Select(batch.IdAt));
        }
        Assert.Equal(stored.Count, stored.Distinct(StringComparer.Ordinal).Count());
        var winners = outcomes.Where(o => o.Taken is null).ToList();
        Assert.NotEmpty(winners);
        Assert.Equal(winners.Sum(w => w.range.Item2 - w.range.Item1 + 1), stored.Count);
        foreach (var loser in outcomes.Where(o => o.Taken is not null))
        {
            // Every id it is told was taken is stored (by a writer that won), and is one of its own.
            var own = Enumerable.Range(loser.range.Item1, loser.range.Item2 - loser.range.Item1 + 1).Select(i => $"R{i}").ToHashSet(StringComparer.Ordinal);
            Assert.NotEmpty(loser.Taken!);
            Assert.Subset(stored.ToHashSet(StringComparer.Ordinal), loser.Taken!.ToHashSet(StringComparer.Ordinal));
            Assert.Subset(own, loser.Taken!.ToHashSet(StringComparer.Ordinal));
        }
        var direct = Cube.Build(RecordBatch.Concat([.. winners.Select(w => Batch(w.range.Item1, w.range.Item2))]), new CubeQuery(DivisionLevel.County, PeriodKind.Month));
        var query = await new ParquetDataset(Dir).QueryAsync(new CubeQuery(DivisionLevel.County, PeriodKind.Month), Ct);
        Assert.Equal(direct.Rows, query.Rows);
    }

    [Fact]
    public async Task Every_query_beside_appends_sees_a_prefix_of_the_commits_never_a_mix()
    {
        const int Appends = 25;
        var batches = Enumerable.Range(0, Appends).Select(a => RecordBatch.From([.. Enumerable.Range(0, 40).Select(i => Record($"A{a}-{i}", (a * 40) + i, personTimes: a + 1))])).ToArray();
        var query = new CubeQuery(DivisionLevel.County, PeriodKind.Month);
        var prefixes = Enumerable.Range(0, Appends + 1).Select(n => Cube.Build(n == 0 ? RecordBatch.Empty : RecordBatch.Concat(batches[..n]), query)).ToArray();

        var writer = Task.Run(async () =>
        {
            var dataset = new ParquetDataset(Dir);
            foreach (var batch in batches)
            {
                await dataset.AppendByMonthAsync(batch, Ct);
            }
        }, Ct);
        var seen = new List<int>();
        var reader = new ParquetDataset(Dir);
        while (!writer.IsCompleted || seen.Count == 0)
        {
            var cube = await reader.QueryAsync(query, Ct);
            var prefix = Array.FindIndex(prefixes, p => p.Rows.SequenceEqual(cube.Rows) && p.Total == cube.Total);
            Assert.True(prefix >= 0, $"a query saw {cube.Total.Records} records, which no prefix of the commits holds");
            seen.Add(prefix);
        }
        await writer;
        Assert.Equal(Appends, Array.FindIndex(prefixes, p => p.Total == reader.QueryAsync(query, Ct).AsTask().Result.Total));
        Assert.Equal(seen.Order(), seen);   // commits only ever add
    }

    [Fact]
    public async Task Files_a_crashed_append_left_are_invisible_and_the_next_writer_removes_them()
    {
        var dataset = new ParquetDataset(Dir);
        await dataset.AppendByMonthAsync(Batch(0, 99), Ct);
        var before = await dataset.CountAsync(Ct);

        // What a writer killed after writing its files but before its commit leaves: a plan, its files, a temporary file.
        var orphan = Path.Combine(Dir, "2023-02-orphan.parquet");
        await ParquetRecordFile.WriteFileAsync(Batch(1000, 1099), orphan, cancellationToken: Ct);
        Directory.CreateDirectory(Path.Combine(Dir, "_socialwork", "pending"));
        await File.WriteAllTextAsync(Path.Combine(Dir, "_socialwork", "pending", "crashed.json"), """{"files":["2023-02-orphan.parquet"]}""", Ct);
        await File.WriteAllTextAsync(Path.Combine(Dir, ".2023-03.parquet.0123456789abcdef.tmp"), "half a file", Ct);
        var foreign = Path.Combine(Dir, "copied-in-by-hand.parquet");
        await ParquetRecordFile.WriteFileAsync(Batch(2000, 2009), foreign, cancellationToken: Ct);

        var reader = new ParquetDataset(Dir);
        Assert.Equal(before, await reader.CountAsync(Ct));
        Assert.Equal(before, (await reader.QueryAsync(new CubeQuery(DivisionLevel.County, PeriodKind.Year), Ct)).Total.Records);

        var recovery = await new ParquetDataset(Dir).RecoverAsync(Ct);
        Assert.Contains("2023-02-orphan.parquet", recovery.Removed);
        Assert.Contains(".2023-03.parquet.0123456789abcdef.tmp", recovery.Removed);
        Assert.Equal(["copied-in-by-hand.parquet"], recovery.Ignored);
        Assert.False(File.Exists(orphan));
        Assert.True(File.Exists(foreign));
        Assert.Empty(Directory.GetFiles(Dir, "*.tmp", SearchOption.AllDirectories));

        // A retry of the crashed append stores it exactly once.
        await reader.AppendByMonthAsync(Batch(1000, 1099), Ct);
        Assert.Equal(before + 100, await reader.CountAsync(Ct));
    }

    [Fact]
    public async Task A_folder_written_before_commits_keeps_its_files_as_the_first_commit()
    {
        await ParquetRecordFile.WriteFileAsync(Batch(0, 9), Path.Combine(Dir, "2022-12.parquet"), cancellationToken: Ct);
        var dataset = new ParquetDataset(Dir);
        Assert.Equal(10, await dataset.CountAsync(Ct));

        await dataset.AppendAsync(Batch(10, 19), Ct);

        Assert.Equal(20, await new ParquetDataset(Dir).CountAsync(Ct));
        Assert.True(File.Exists(Path.Combine(Dir, "_socialwork", "log", "00000000000000000000.json")));
        await Assert.ThrowsAsync<RecordAlreadyStoredException>(async () => await dataset.AppendAsync(Batch(5, 5), Ct));
    }

    [Fact]
    public async Task A_writer_that_cannot_get_the_lock_in_time_stores_nothing_and_says_why()
    {
        var holder = new ParquetDataset(Dir);
        await holder.AppendAsync(Batch(0, 9), Ct);
        using var held = new FileStream(Path.Combine(Dir, "_socialwork", "writer.lock"), FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        var waiter = new ParquetDataset(Dir, new ParquetRecordOptions { WriterLockTimeout = TimeSpan.FromMilliseconds(200) });

        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<TimeoutException>(async () => await waiter.AppendAsync(Batch(10, 19), Ct));

        Assert.InRange(clock.ElapsedMilliseconds, 150, 5_000);
        Assert.Contains("Another writer has held the lock", error.Message, StringComparison.Ordinal);
        Assert.Equal(10, await waiter.CountAsync(Ct));
    }

    [Fact]
    public async Task A_full_disk_leaves_the_store_as_it_was_whether_a_batch_or_a_csv_read_as_it_is_written()
    {
        // A small tmpfs where the machine allows mounting one (root on Linux); the append needs far more than it holds.
        var mount = Path.Combine(Dir, "small");
        Directory.CreateDirectory(mount);
        if (!await RunAsync("mount", "-t", "tmpfs", "-o", "size=600k", "tmpfs", mount))
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail("CI=true but a tmpfs cannot be mounted here, so a full disk cannot be tested.");
            }
            Assert.Skip("a tmpfs cannot be mounted here (needs root on Linux).");
        }
        try
        {
            var dataset = new ParquetDataset(mount);
            await dataset.AppendByMonthAsync(Batch(0, 99), Ct);
            var before = await dataset.CountAsync(Ct);

            // Random bytes as base64url: incompressible, and (unlike hex digits) never an 18-digit run that the privacy check
            // would refuse as a resident ID number.
            var big = RecordBatch.From([.. Enumerable.Range(0, 60_000).Select(i => new ServiceRecord($"BIG-{i:D8}-{System.Buffers.Text.Base64Url.EncodeToString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(18))}", new LocalDate(2023, 1, 1).PlusDays(i % 365), DivisionCode.Parse("130602005014"), ServiceCode.Parse("EL.01"), ServiceMethod.Visit, i % 50, 1, Money.FromFen(i)))]);
            await Assert.ThrowsAnyAsync<IOException>(async () => await dataset.AppendByMonthAsync(big, Ct));

            // The same records from a CSV (outside the tmpfs), written into the dataset as they are read.
            var csv = Path.Combine(Dir, "big.csv");
            await File.WriteAllLinesAsync(csv, ["id,date,division,item,method,person_times,households,amount", .. Enumerable.Range(0, big.Count).Select(i =>
                $"{big.IdAt(i)},{big.DateAt(i):yyyy-MM-dd},130602005014,EL.01,visit,{big.PersonTimes[i]},1,{big.AmountFen[i] / 100m:0.00}")], Ct);
            await Assert.ThrowsAnyAsync<IOException>(async () => await dataset.ImportCsvFileAsync(csv, new RecordImportOptions { Parallelism = 3 }, cancellationToken: Ct));

            var reopened = new ParquetDataset(mount);
            Assert.Equal(before, await reopened.CountAsync(Ct));
            var recovery = await reopened.RecoverAsync(Ct);
            Assert.Empty(recovery.Ignored);
            Assert.Empty(Directory.GetFiles(mount, "*.tmp", SearchOption.AllDirectories));
            Assert.Equal(before, (await reopened.QueryAsync(new CubeQuery(DivisionLevel.County, PeriodKind.Year), Ct)).Total.Records);
        }
        finally
        {
            await RunAsync("umount", mount);
        }
    }

    private static async Task<bool> RunAsync(string command, params string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo(command) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }
            using var process = Process.Start(start)!;
            await process.WaitForExitAsync(Ct);
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
