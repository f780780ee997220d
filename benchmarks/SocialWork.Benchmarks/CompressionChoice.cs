using System.Diagnostics;
using SocialWork.Reporting;
using SocialWork.Reporting.Parquet;

namespace SocialWork.Benchmarks;

/// <summary>
/// The page compression a records file gets by default, chosen by measurement: <c>-- compression CSV DIR</c> imports
/// the CSV once, writes it with no compression, Snappy and Zstd (the write timed), and times a township × month × domain
/// report over each file five times, interleaved; it prints each file's size and the median times.
/// </summary>
internal static class CompressionChoice
{
    public static int Run(string[] args)
    {
        if (args is not [var csv, var dir])
        {
            Console.Error.WriteLine("usage: compression CSV DIR");
            return 1;
        }
        Directory.CreateDirectory(dir);
        var batch = new CsvRecordImporter().ImportFile(csv).Batch;
        var kinds = Enum.GetValues<ParquetCompression>();
        var writes = new Dictionary<ParquetCompression, double>();
        foreach (var kind in kinds)
        {
            var clock = Stopwatch.StartNew();
            ParquetRecordFile.WriteFileAsync(batch, Path.Combine(dir, $"{kind}.parquet"), new ParquetRecordOptions { Compression = kind }).GetAwaiter().GetResult();
            writes[kind] = clock.Elapsed.TotalSeconds;
        }
        var reads = kinds.ToDictionary(k => k, _ => new List<double>());
        for (var round = 0; round < 5; round++)
        {
            foreach (var kind in kinds)
            {
                var clock = Stopwatch.StartNew();
                ParquetRecordFile.QueryAsync(Path.Combine(dir, $"{kind}.parquet"), StoreFiles.Query).GetAwaiter().GetResult();
                reads[kind].Add(clock.Elapsed.TotalSeconds);
            }
        }
        Console.WriteLine($"| compression ({batch.Count:N0} records) | file | write | report (median of 5) |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var kind in kinds)
        {
            var size = new FileInfo(Path.Combine(dir, $"{kind}.parquet")).Length;
            Console.WriteLine($"| {kind} | {size / (1 << 20):N0} MB | {writes[kind]:F2} s | {reads[kind].Order().ElementAt(2):F3} s |");
        }
        return 0;
    }
}
