using nietras.SeparatedValues;

namespace SocialWork.Reporting;

/// <summary>
/// Imports service records from CSV (RFC 4180, UTF-8, header row, columns in any order) straight into a
/// <see cref="RecordBatch"/>, without per-row objects. Required columns: <c>id,date,division,facility,item,method,
/// person_times,households,amount</c>; optional: <c>target_group</c>, <c>parties</c>, <c>programme</c>; other columns are
/// ignored. Every rejected row is reported with file, line, column, reason and the raw line.
/// </summary>
public sealed class CsvRecordImporter
{
    /// <summary>Creates an importer.</summary>
    /// <param name="options">The default options (strict mode when omitted).</param>
    public CsvRecordImporter(RecordImportOptions? options = null) => Options = options ?? new RecordImportOptions();

    /// <summary>Gets the default options.</summary>
    public RecordImportOptions Options { get; }

    /// <summary>The required header names.</summary>
    public static IReadOnlyList<string> RequiredColumns { get; } = ["id", "date", "division", "facility", "item", "method", "person_times", "households", "amount"];

    /// <summary>Imports a CSV file.</summary>
    /// <param name="path">The file path.</param>
    /// <param name="options">Options for this call; the importer's <see cref="Options"/> when omitted.</param>
    /// <returns>The accepted records and the rejected rows.</returns>
    /// <exception cref="RecordImportException">Strict mode met a bad row, or the header lacks a required column.</exception>
    public ImportResult ImportFile(string path, RecordImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = File.OpenRead(path);
        return Import(stream, Path.GetFileName(path), options);
    }

    /// <summary>Imports CSV from a stream.</summary>
    /// <param name="utf8Csv">The UTF-8 CSV.</param>
    /// <param name="fileName">The name to use in messages.</param>
    /// <param name="options">Options for this call; the importer's <see cref="Options"/> when omitted.</param>
    /// <param name="capacity">The expected number of rows; 0 (the default) estimates it from a seekable stream's first lines.</param>
    /// <returns>The accepted records and the rejected rows.</returns>
    /// <exception cref="RecordImportException">Strict mode met a bad row, or the header lacks a required column.</exception>
    public ImportResult Import(Stream utf8Csv, string fileName, RecordImportOptions? options = null, int capacity = 0)
    {
        ArgumentNullException.ThrowIfNull(utf8Csv);
        ArgumentNullException.ThrowIfNull(fileName);
        options ??= Options;
        var expectedRows = capacity > 0 ? capacity : EstimateRows(utf8Csv);
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true, DisableColCountCheck = true, HasHeader = true }).From(utf8Csv);
        var header = reader.Header;
        var missing = RequiredColumns.Where(c => !header.TryIndexOf(c, out _)).ToList();
        if (reader.Header.IsEmpty || missing.Count > 0)
        {
            throw new RecordImportException(new RejectedRow(fileName, 1, missing.FirstOrDefault() ?? "id", $"the header lacks the required column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing.DefaultIfEmpty(string.Join(", ", RequiredColumns)))}", string.Join(",", header.ColNames)));
        }
        var columns = new Columns(header);
        var builder = new RecordBatchBuilder(expectedRows);
        var rejected = new List<RejectedRow>();
        var read = 0;
        var checker = options.Catalog;
        foreach (var row in reader)
        {
            read++;
            if ((read & 0xFFFF) == 0)
            {
                options.Progress?.Invoke(read);
            }
            var problem = row.ColCount <= columns.Max
                ? new RowParser.Problem("(row)", $"the row has {row.ColCount} columns; the header has more")
                : RowParser.Append(builder, RowParser.Read(row, columns), checker, RowParser.Names.Csv);
            if (problem is { } p)
            {
                var bad = new RejectedRow(fileName, row.LineNumberFrom, p.Column, p.Reason, row.Span.ToString());
                if (options.Mode == ImportMode.Strict)
                {
                    throw new RecordImportException(bad);
                }
                rejected.Add(bad);
            }
        }
        options.Progress?.Invoke(read);
        return new ImportResult(builder.Build(), read, rejected);
    }

    /// <summary>Estimates the number of rows from the length of the lines in the first 64 KiB, so the columns rarely grow.</summary>
    /// <param name="stream">A seekable stream at its start; left at its start.</param>
    /// <returns>The estimate, a little high.</returns>
    internal static int EstimateRows(Stream stream)
    {
        if (!stream.CanSeek)
        {
            return 1024;
        }
        Span<byte> sample = stackalloc byte[65_536];
        var read = stream.ReadAtLeast(sample, sample.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        var lines = Math.Max(1, sample[..read].Count((byte)'\n'));
        var estimate = (stream.Length * lines / Math.Max(1, read)) + (stream.Length / 50_000) + 16;
        return (int)Math.Min(int.MaxValue / 2, Math.Max(1024, estimate));
    }

    internal sealed class Columns(SepReaderHeader header)
    {
        public int Id { get; } = header.IndexOf("id");
        public int Date { get; } = header.IndexOf("date");
        public int Division { get; } = header.IndexOf("division");
        public int Item { get; } = header.IndexOf("item");
        public int Method { get; } = header.IndexOf("method");
        public int PersonTimes { get; } = header.IndexOf("person_times");
        public int Households { get; } = header.IndexOf("households");
        public int Amount { get; } = header.IndexOf("amount");
        public int TargetGroup { get; } = header.TryIndexOf("target_group", out var i) ? i : -1;
        public int Parties { get; } = header.TryIndexOf("parties", out var i) ? i : -1;
        public int Programme { get; } = header.TryIndexOf("programme", out var i) ? i : -1;
        public int Max { get; } = new[] { "id", "date", "division", "facility", "item", "method", "person_times", "households", "amount" }.Max(header.IndexOf);
    }
}
