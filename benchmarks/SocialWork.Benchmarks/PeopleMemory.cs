using System.Diagnostics;
using SocialWork.Reporting.Parquet;

namespace SocialWork.Benchmarks;

/// <summary>
/// Peak memory of a whole process reporting from a Parquet dataset, with and without distinct people — what a single
/// BenchmarkDotNet process cannot show (it keeps its own data alive). Run in three processes:
/// <c>people-memory write DIR [N] [ROWGROUP]</c> writes DIR/plain and DIR/people (the same N records, the second naming
/// N / 10 people, in row groups of ROWGROUP records); <c>people-memory query DIR/plain [PARALLELISM]</c> and <c>people-memory query DIR/people [PARALLELISM]</c> each run the report
/// (township × quarter × domain) once — on PARALLELISM threads when given (0: one per core), else one per core — and print the time and the process's peak working set;
/// with <c>timeline</c> after PARALLELISM, also the working set and the managed heap every 50 ms while it runs.
/// </summary>
internal static class PeopleMemory
{
    public static int Run(string[] args)
    {
        if (args is ["write", var dir, ..])
        {
            var n = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10_000_000;
            var options = new ParquetRecordOptions { RowGroupSize = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : ParquetRecordOptions.DefaultRowGroupSize };
            var (plain, withPeople) = PeopleBenchmarks.Generate(n);
            Directory.CreateDirectory(Path.Combine(dir, "plain"));
            Directory.CreateDirectory(Path.Combine(dir, "people"));
            ParquetRecordFile.WriteFileAsync(plain, Path.Combine(dir, "plain", "records.parquet"), options).GetAwaiter().GetResult();
            ParquetRecordFile.WriteFileAsync(withPeople, Path.Combine(dir, "people", "records.parquet"), options).GetAwaiter().GetResult();
            Console.WriteLine($"wrote {n:N0} records to {dir}/plain and {dir}/people");
            return 0;
        }
        if (args is ["query", var folder, ..])
        {
            var query = args.Length > 2 ? PeopleBenchmarks.Query with { Parallelism = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) } : PeopleBenchmarks.Query;
            var clock = Stopwatch.StartNew();
            using var timeline = args is [.., "timeline"] ? new Timer(_ => Sample(clock), null, 0, 50) : null;
            var cube = new ParquetDataset(folder).QueryAsync(query).AsTask().GetAwaiter().GetResult();
            clock.Stop();
            timeline?.Dispose();
            using var process = Process.GetCurrentProcess();
            Console.WriteLine($"{folder}: {cube.Total.Records:N0} records, {(cube.KnowsPeople ? cube.TotalPeople.People : 0):N0} people, {clock.Elapsed.TotalSeconds:F2} s, peak working set {process.PeakWorkingSet64 / (1 << 20):N0} MB");
            return 0;
        }
        Console.Error.WriteLine("usage: people-memory write DIR [N] [ROWGROUP] | people-memory query DIR [PARALLELISM [timeline]]");
        return 1;
    }

    /// <summary>Prints the milliseconds since the query began, the process's working set and the managed heap (garbage included).</summary>
    private static void Sample(Stopwatch clock)
    {
        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"{clock.ElapsedMilliseconds,6} ms  working set {process.WorkingSet64 >> 20,5} MB  managed heap {GC.GetTotalMemory(false) >> 20,5} MB");
    }
}
