using System.Diagnostics;
using NodaTime;
using SocialWork.Reporting.Parquet;

namespace SocialWork.Samples.Console.Tests;

/// <summary>
/// The Parquet store under several processes and under <c>kill -9</c>: <c>socialwork convert</c> run as separate processes
/// on one dataset folder, and killed at many points of an append.
/// </summary>
public sealed class ProcessStoreTests : CliTestBase
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ProcessStartInfo Socialwork(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "socialwork.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        return start;
    }

    private static async Task<(int Code, string Err)> RunProcessAsync(params string[] args)
    {
        var (code, _, error) = await RunWithOutputAsync(args);
        return (code, error);
    }

    private static async Task<(int Code, string Out, string Err)> RunWithOutputAsync(params string[] args)
    {
        using var process = Process.Start(Socialwork(args))!;
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var error = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        return (process.ExitCode, await output, await error);
    }

    [Fact]
    public async Task The_command_reports_the_packages_version()
    {
        var (code, output, _) = await RunWithOutputAsync("--version");
        var packages = typeof(Reporting.Cube).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false).Cast<System.Reflection.AssemblyInformationalVersionAttribute>().Single().InformationalVersion;
        Assert.Equal(0, code);
        Assert.Equal(packages, output.Trim());
        Assert.StartsWith("1.0.0-rc.", output, StringComparison.Ordinal);   // the 1.0 release candidate: its public API is shipped
    }

    private static async Task<List<string>> StoredIdsAsync(string folder)
    {
        var ids = new List<string>();
        await foreach (var batch in new ParquetDataset(folder).ReadAsync(Ct))
        {
            ids.AddRange(Enumerable.Range(0, batch.Count).Select(batch.IdAt));
        }
        return ids;
    }

    /// <summary>A records CSV with ids <c>{prefix}{first}</c> to <c>{prefix}{last}</c> over 24 months.</summary>
    private string Records(string name, string prefix, int first, int last)
    {
        var csv = new System.Text.StringBuilder("id,date,division,facility,item,method,person_times,households,amount\n");
        for (var i = first; i <= last; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{prefix}{i},{new LocalDate(2022, 1, 1).PlusDays(i % 730):yyyy-MM-dd},1306020{1 + (i % 8):D2}{1 + (i % 5):D3},,EL.0{1 + (i % 3)},visit,{i % 40},1,{i % 100}.50\n");
        }
        return File(name, csv.ToString());
    }

    [Fact]
    public async Task Convert_processes_on_one_folder_store_every_id_once_and_each_loser_exits_2_naming_an_id()
    {
        var folder = Path.Combine(Dir, "ds");
        var files = new[] { Records("a.csv", "R", 0, 9_999), Records("b.csv", "R", 5_000, 14_999), Records("c.csv", "R", 10_000, 19_999), Records("d.csv", "R", 0, 19_999) };

        var results = await Task.WhenAll(files.Select(f => RunProcessAsync("convert", "--records", f, "--out", folder, "--lang", "en")));

        Assert.All(results, r => Assert.True(r.Code is 0 or 2, r.Err));
        Assert.Contains(results, r => r.Code == 0);
        Assert.All(results.Where(r => r.Code == 2), r => Assert.Contains("already stored", r.Err, StringComparison.Ordinal));
        var ids = await StoredIdsAsync(folder);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        var winners = files.Zip(results).Where(p => p.Second.Code == 0).Sum(p => System.IO.File.ReadLines(p.First).Count() - 1);
        Assert.Equal(winners, ids.Count);
    }

    [Fact]
    public async Task A_convert_killed_at_any_point_of_one_file_or_many_months_leaves_all_of_its_append_or_none_and_a_retry_stores_it_once()
    {
        var base_ = Path.Combine(Dir, "base");
        Assert.Equal(0, (await RunProcessAsync("convert", "--records", Records("base.csv", "B", 0, 99), "--out", base_)).Code);
        var records = Records("big.csv", "K", 0, 119_999);
        var outcomes = new List<string>();
        for (var point = 0; point < 22; point++)
        {
            var folder = Path.Combine(Dir, $"kill-{point}");
            CopyFolder(base_, folder);
            // Every other point appends one file instead of a file per month.
            var partition = point % 2 == 0 ? "month" : "none";
            using (var process = Process.Start(Socialwork("convert", "--records", records, "--out", folder, "--partition", partition))!)
            {
                // From start-up through the import, the files and the commit: 22 points 60 ms apart.
                await Task.Delay(250 + (point * 60), Ct);
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // It had finished.
                }
                await process.WaitForExitAsync(Ct);
            }

            var count = await new ParquetDataset(folder).CountAsync(Ct);
            Assert.True(count is 100 or 120_100, $"kill point {point}: {count} records stored, neither all of the append nor none");
            outcomes.Add(count == 100 ? "none" : "all");

            var (code, error) = await RunProcessAsync("convert", "--records", records, "--out", folder, "--partition", partition, "--lang", "en");
            Assert.True(count == 100 ? code == 0 : code == 2 && error.Contains("already stored", StringComparison.Ordinal), $"kill point {point}: the retry exited {code}: {error}");
            var ids = await StoredIdsAsync(folder);
            Assert.Equal(120_100, ids.Count);
            Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());

            var recovery = await new ParquetDataset(folder).RecoverAsync(Ct);
            Assert.Empty(recovery.Ignored);
            Assert.Empty(Directory.GetFiles(folder, "*.tmp", SearchOption.AllDirectories));
            Assert.DoesNotContain(Directory.GetFiles(Path.Combine(folder, "_socialwork"), "*.json", SearchOption.AllDirectories), f => f.Contains("pending", StringComparison.Ordinal));
            Directory.Delete(folder, recursive: true);
        }
        // The points span the append: some kills came before its commit, and at least one let it finish or commit.
        Assert.Contains("none", outcomes);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var directory in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(directory.Replace(from, to, StringComparison.Ordinal));
        }
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            System.IO.File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
        }
    }
}
