using System.Text;
using nietras.SeparatedValues;

namespace SocialWork.Reporting;

/// <summary>
/// Imports service records from CSV (RFC 4180, UTF-8, header row, columns in any order) straight into a
/// <see cref="RecordBatch"/>, without per-row objects. Required columns: <c>id,date,division,item,method,person_times,
/// households,amount</c>; optional: <c>target_group</c>, <c>parties</c>, <c>programme</c>, <c>person</c> (a
/// <see cref="PersonKey"/>; a raw resident ID number there is a rejected row, shown masked); other columns are ignored,
/// <c>facility</c> among them (the contract's files carry it, possibly empty; a report groups by division, not by
/// facility, so the batch does not keep it). Every rejected row is reported with file, line, column, reason and the raw line.
/// </summary>
public sealed class CsvRecordImporter
{
    /// <summary>Creates an importer.</summary>
    /// <param name="options">The default options (strict mode when omitted).</param>
    public CsvRecordImporter(RecordImportOptions? options = null) => Options = options ?? new RecordImportOptions();

    /// <summary>Gets the default options.</summary>
    public RecordImportOptions Options { get; }

    /// <summary>The required header names.</summary>
    public static IReadOnlyList<string> RequiredColumns { get; } = ["id", "date", "division", "item", "method", "person_times", "households", "amount"];

    /// <summary>
    /// Imports a CSV file. A file of several MiB is parsed on up to <see cref="RecordImportOptions.Parallelism"/> threads,
    /// each on a slice that starts on a line boundary; the batch, counts and rejected rows (with their line numbers) are
    /// the same as from one thread.
    /// </summary>
    /// <param name="path">The file path.</param>
    /// <param name="options">Options for this call; the importer's <see cref="Options"/> when omitted.</param>
    /// <returns>The accepted records and the rejected rows.</returns>
    /// <exception cref="RecordImportException">Strict mode met a bad row, or the header lacks a required column.</exception>
    public ImportResult ImportFile(string path, RecordImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= Options;
        var fileName = Path.GetFileName(path);
        var idsMayRepeat = false;
        using (var file = File.OpenHandle(path))
        {
            var length = RandomAccess.GetLength(file);
            var threads = options.Parallelism > 0 ? options.Parallelism : Environment.ProcessorCount;
            threads = (int)Math.Min(threads, length / ParallelCsvImport.MinBytesPerThread);
            if (threads > 1 && ParallelCsvImport.TryImport(file, length, fileName, options, threads, out idsMayRepeat) is { } result)
            {
                return result;
            }
        }
        using var stream = File.OpenRead(path);
        return Import(stream, fileName, options, capacity: 0, hashFirst: !idsMayRepeat);
    }

    /// <summary>
    /// Builds the cube of a records CSV file's accepted rows without holding the records: the file is read in slices of
    /// a few megabytes on all cores, and each slice's records are folded into a <see cref="CubeAccumulator"/> as soon as
    /// they are read, so memory holds a slice per core, the cube and the rows' id hashes (8 bytes a row, for the repeat
    /// check) — not the file. The rows accepted and rejected, and the cube, are those of <see cref="ImportFile"/> followed
    /// by <see cref="Cube.Build"/>; a file whose slices cannot be trusted (a quote character before the last slice, a
    /// rejected row spanning lines, two equal id hashes, UTF-16) is read that way instead, whole.
    /// </summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="query">The cube to build.</param>
    /// <param name="options">Options for this call; the importer's <see cref="Options"/> when omitted. Ids are not kept (a cube does not need them) but are still checked for repeats.</param>
    /// <returns>The cube and the rejected rows.</returns>
    /// <exception cref="RecordImportException">Strict mode met a bad row, or the header lacks a required column.</exception>
    /// <exception cref="ReportLimitException">The cube would have more cells than the query allows.</exception>
    public CubeImportResult ImportCube(string path, CubeQuery query, RecordImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(query);
        options = (options ?? Options) with { KeepIds = false };
        var accumulator = new CubeAccumulator(query with { Parallelism = 1 });
        if (TryImportFileInSlices(path, accumulator.Add, options) is { } summary)
        {
            return new CubeImportResult(accumulator.ToCube(), summary);
        }
        var result = ImportFile(path, options);
        return new CubeImportResult(Cube.Build(result.Batch, query), new RecordImportSummary(result.Read, result.Rejected));
    }

    /// <summary>
    /// Reads a records CSV file in slices of a few megabytes on all cores and hands each slice's accepted records to
    /// <paramref name="sink"/> as soon as they are read, keeping none: memory holds a slice per core, whatever the file's
    /// size (the rows' id hashes, for the repeat check, go to a temporary file). The rows accepted and rejected are those
    /// of <see cref="ImportFile"/>. Answers <see langword="null"/> when the slices cannot be trusted — a quote character
    /// before the last slice, a rejected row spanning lines, two equal id hashes (a repeated id, or a rare collision), a
    /// UTF-16 file: the sink has then been given records it must discard, and the file should be read with
    /// <see cref="ImportFile"/>.
    /// </summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="sink">Takes each slice's records (a date-ordered batch), from several threads at once and in no particular order.</param>
    /// <param name="options">Options for this call; the importer's <see cref="Options"/> when omitted.</param>
    /// <returns>What was read and rejected, or <see langword="null"/> (see above).</returns>
    /// <exception cref="RecordImportException">Strict mode met a bad row (the sink may have had other slices' records), or the header lacks a required column.</exception>
    public RecordImportSummary? TryImportFileInSlices(string path, Action<RecordBatch> sink, RecordImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(sink);
        options ??= Options;
        using var file = File.OpenHandle(path);
        var threads = options.Parallelism > 0 ? options.Parallelism : Environment.ProcessorCount;
        return ParallelCsvImport.TryImportInto(file, RandomAccess.GetLength(file), Path.GetFileName(path), options, threads, sink) is var (read, rejected)
            ? new RecordImportSummary(read, rejected)
            : null;
    }

    /// <summary>Imports CSV from a stream, on one thread. The stream is left open (it is the caller's to dispose).</summary>
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
        return Import(utf8Csv, fileName, options ?? Options, capacity, hashFirst: true);
    }

    /// <summary>
    /// Repeated ids are rare: a seekable stream is read once noting 64-bit id hashes (sequential writes, cheap), and read
    /// again with the exact id set only when two hashes meet (the exact set costs a few cache misses a row). When the
    /// hashes are already known to meet (<paramref name="hashFirst"/> false), the exact read is the only one.
    /// </summary>
    private static ImportResult Import(Stream utf8Csv, string fileName, RecordImportOptions options, int capacity, bool hashFirst)
    {
        if (hashFirst && utf8Csv.CanSeek)
        {
            var start = utf8Csv.Position;
            var hashed = new HashedRecordIds();
            var (builder, rows) = ImportOnce(utf8Csv, fileName, options, capacity, hashed);
            if (!HashedRecordIds.MayRepeat([hashed]))
            {
                return Finish(builder, rows, options);
            }
            utf8Csv.Position = start;
        }
        var (exactBuilder, exactRows) = ImportOnce(utf8Csv, fileName, options, capacity, new ExactRecordIds());
        return Finish(exactBuilder, exactRows, options);
    }

    private static (RecordBatchBuilder Builder, RowsRead Rows) ImportOnce(Stream utf8Csv, string fileName, RecordImportOptions options, int capacity, RecordIds ids)
    {
        var builder = RecordBatchBuilder.ForImport(capacity > 0 ? capacity : EstimateRows(utf8Csv), options);
        using var reader = OpenReader(utf8Csv, options.MaxRowLength, out var rows);
        var columns = ReadHeader(reader, fileName);
        return (builder, ReadRows(reader, rows, hasHeader: true, columns, builder, fileName, options, ids, new ProgressCounter(options.Progress)));
    }

    private static ImportResult Finish(RecordBatchBuilder builder, RowsRead rows, RecordImportOptions options)
    {
        if (rows.StrictFailure is { } failure)
        {
            throw new RecordImportException(failure);
        }
        options.Progress?.Invoke(rows.Read);
        return new ImportResult(builder.Build(), rows.Read, rows.Rejected);
    }

    /// <summary>
    /// Opens a parser that decodes 64 KiB at a time (a stream reader's default is 1 KiB, a system call per KiB on a file)
    /// and sees rows of at most <paramref name="maxRowLength"/> characters (longer ones are cut by <paramref name="rows"/>).
    /// </summary>
    /// <remarks>The parser reads every row as data: <see cref="ReadHeader"/> takes the first one as the header itself.</remarks>
    internal static SepReader OpenReader(Stream utf8Csv, int maxRowLength, out RowLimitReader rows)
    {
        rows = new RowLimitReader(new StreamReader(utf8Csv, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true), maxRowLength);
        return Sep.New(',').Reader(o => o with { Unescape = true, DisableColCountCheck = true, HasHeader = false }).From(rows);
    }

    /// <summary>
    /// Reads the first row as the header and finds the columns in it; throws, naming line 1, when the input is empty, a
    /// required column is missing or a column the importer reads appears twice.
    /// </summary>
    internal static Columns ReadHeader(SepReader reader, string fileName)
    {
        if (!reader.MoveNext())
        {
            throw new RecordImportException(new RejectedRow(fileName, 1, "(header)", $"the file is empty; expected a header with the columns {string.Join(",", RequiredColumns)}", string.Empty)
            {
                ChineseReason = $"文件为空；表头应包含列{string.Join(",", RequiredColumns)}",
            });
        }
        var row = reader.Current;
        var names = new string[row.ColCount];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = row[i].ToString();
        }
        return CheckHeader(names, row.Span.ToString(), fileName, 1);
    }

    /// <summary>Finds the columns in a header; throws, naming <paramref name="line"/>, when a required column is missing or a column the importer reads appears twice.</summary>
    internal static Columns CheckHeader(string[] names, string raw, string fileName, int line)
    {
        var missing = RequiredColumns.Where(c => !names.Contains(c, StringComparer.Ordinal)).ToList();
        if (missing.Count > 0)
        {
            throw new RecordImportException(new RejectedRow(fileName, line, missing[0], $"the header lacks the required column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)}", raw)
            {
                ChineseReason = $"表头缺少必需的列{string.Join("、", missing)}",
            });
        }
        if (RequiredColumns.Concat(OptionalColumns).FirstOrDefault(c => names.Count(n => n == c) > 1) is { } repeated)
        {
            throw new RecordImportException(new RejectedRow(fileName, line, repeated, $"the header names the column {repeated} {names.Count(n => n == repeated)} times; each column may appear once", raw)
            {
                ChineseReason = $"表头中列{repeated}出现{names.Count(n => n == repeated)}次；每列只能出现一次",
            });
        }
        return new Columns(names);
    }

    /// <summary>
    /// Validates and appends every row; stops at the first bad row in strict mode. Line numbers are the reader's (so
    /// relative to the start of a slice when the reader reads one). A row that <paramref name="limit"/> cut is rejected
    /// line by line, and so is a rejected row that runs over several lines (an unclosed quote swallows the lines after
    /// it): every line of the file is then read, accepted or rejected. A row whose id an accepted row already has is
    /// rejected too.
    /// </summary>
    internal static RowsRead ReadRows(SepReader reader, RowLimitReader limit, bool hasHeader, Columns columns, RecordBatchBuilder builder, string fileName, RecordImportOptions options, RecordIds ids, ProgressCounter progress)
    {
        var rejected = new List<RejectedRow>();
        var read = 0;
        var spansLines = false;

        // The parser numbers the first row of a header-less input as if it started on the line after its end. Line numbers
        // are asked of the parser only where they are needed (rejected rows, an exact id set): it counts them on demand.
        var firstRow = !hasHeader;
        foreach (var row in reader)
        {
            var isFirst = firstRow;
            firstRow = false;
            read++;
            if ((read & 0xFFFF) == 0)
            {
                progress.Add(0x10000);
            }
            var problem = row.ColCount <= columns.Max
                ? new RowParser.Problem("(row)", $"the row has {row.ColCount} column{(row.ColCount == 1 ? "" : "s")}; the header has {columns.Max + 1} or more", $"该行有{row.ColCount}列，表头有{columns.Max + 1}列或更多")
                : RowParser.Append(builder, RowParser.Read(new RowParser.SepCells(row), columns), options, RowParser.Names.Csv, ids, ids.NeedsLines ? (isFirst ? 1 : row.LineNumberFrom) : 0, row.Span, otherTextHoldsFields: true);
            if (problem is not { } p)
            {
                continue;
            }
            var from = isFirst ? 1 : row.LineNumberFrom;
            var bad = limit.TryGetCut(from, out var cut)
                ? Cut(fileName, from, cut, options.MaxRowLength)
                : p.ToRejected(fileName, from, row.Span.ToString());
            var lines = LinesOf(row.Span);
            spansLines |= lines > 1 || cut is not null;
            if (lines > 1 && cut is null)
            {
                bad = bad with
                {
                    Reason = $"{bad.Reason}; the row runs over lines {from}–{from + lines - 1} inside a quoted field (is a quote left open on line {from}?)",
                    ChineseReason = $"{bad.ChineseReason}；该行在引号内跨越第{from}–{from + lines - 1}行（第{from}行的引号是否未闭合？）",
                };
            }
            if (options.Mode == ImportMode.Strict)
            {
                return new RowsRead(read, rejected, bad, spansLines);
            }
            if (lines > 1 && cut is null)
            {
                RejectLines(rejected, bad, row.Span, from, from + lines);
                read += lines - 1;
            }
            else
            {
                rejected.Add(bad);
            }
        }
        return new RowsRead(read, rejected, null, spansLines);
    }

    /// <summary>The lines a row's text covers; a quoted field left open at the end of the input ends with the file's last line feed.</summary>
    private static int LinesOf(ReadOnlySpan<char> text) => text.Count('\n') + (text.EndsWith('\n') ? 0 : 1);

    private static RejectedRow Cut(string fileName, int line, RowLimitReader.Cut cut, int maxRowLength) => line != cut.FromLine
        ? new RejectedRow(fileName, line, "(row)", $"part of the over-long row that starts on line {cut.FromLine}", string.Empty) { ChineseReason = $"属于从第{cut.FromLine}行开始的超长行" }
        : cut.ToLine > cut.FromLine
            ? new RejectedRow(fileName, line, "(row)", $"the row is longer than {maxRowLength} characters ({cut.Length} or more, over lines {cut.FromLine}–{cut.ToLine}; is a quote left open on line {cut.FromLine}?)", cut.Preview + "…")
            {
                ChineseReason = $"该行超过{maxRowLength}个字符（至少{cut.Length}个，跨越第{cut.FromLine}–{cut.ToLine}行；第{cut.FromLine}行的引号是否未闭合？）",
            }
            : new RejectedRow(fileName, line, "(row)", $"the row is longer than {maxRowLength} characters ({cut.Length} or more)", cut.Preview + "…")
            {
                ChineseReason = $"该行超过{maxRowLength}个字符（至少{cut.Length}个）",
            };

    /// <summary>Rejects each line of a rejected row that spans several: the first with the row's reason, the others as swallowed by it.</summary>
    private static void RejectLines(List<RejectedRow> rejected, RejectedRow first, ReadOnlySpan<char> text, int from, int toExclusive)
    {
        for (var line = from; line < toExclusive; line++)
        {
            var lineFeed = text.IndexOf('\n');
            var raw = (lineFeed < 0 ? text : text[..lineFeed]).TrimEnd('\r').ToString();
            text = lineFeed < 0 ? [] : text[(lineFeed + 1)..];
            rejected.Add(line == from
                ? first with { Raw = raw }
                : new RejectedRow(first.File, line, "(row)", $"swallowed by the quoted field that opens on line {from} and is not closed before line {toExclusive - 1} ends", raw)
                {
                    ChineseReason = $"被第{from}行开始、到第{toExclusive - 1}行末仍未闭合的引号字段吞没",
                });
        }
    }

    /// <summary>
    /// The outcome of <see cref="ReadRows"/>: rows read, rows rejected, the row that stopped a strict import, and whether a
    /// rejected row spanned several lines or was cut (its reason then names other lines).
    /// </summary>
    internal sealed record RowsRead(int Read, List<RejectedRow> Rejected, RejectedRow? StrictFailure, bool SpansLines);

    /// <summary>Adds up rows read on several threads and tells <see cref="RecordImportOptions.Progress"/>, one call at a time.</summary>
    internal sealed class ProgressCounter(Action<int>? progress)
    {
        private readonly Lock gate = new();
        private int total;

        public void Add(int rows)
        {
            if (progress is not null)
            {
                lock (gate)
                {
                    total += rows;
                    progress(total);
                }
            }
        }
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
        var start = stream.Position;
        var read = stream.ReadAtLeast(sample, sample.Length, throwOnEndOfStream: false);
        stream.Position = start;
        var lines = Math.Max(1, sample[..read].Count((byte)'\n'));
        var estimate = ((stream.Length - start) * lines / Math.Max(1, read)) + ((stream.Length - start) / 50_000) + 16;
        return (int)Math.Min(int.MaxValue / 2, Math.Max(1024, estimate));
    }

    /// <summary>The optional header names the importer reads.</summary>
    private static readonly string[] OptionalColumns = ["target_group", "parties", "programme"];

    /// <summary>Where each column the importer reads sits in a row (-1 for an optional column that is absent).</summary>
    internal sealed class Columns(string[] names)
    {
        public int Id { get; } = Array.IndexOf(names, "id");
        public int Date { get; } = Array.IndexOf(names, "date");
        public int Division { get; } = Array.IndexOf(names, "division");
        public int Item { get; } = Array.IndexOf(names, "item");
        public int Method { get; } = Array.IndexOf(names, "method");
        public int PersonTimes { get; } = Array.IndexOf(names, "person_times");
        public int Households { get; } = Array.IndexOf(names, "households");
        public int Amount { get; } = Array.IndexOf(names, "amount");
        public int TargetGroup { get; } = Array.IndexOf(names, "target_group");
        public int Parties { get; } = Array.IndexOf(names, "parties");
        public int Programme { get; } = Array.IndexOf(names, "programme");
        public int Person { get; } = Array.IndexOf(names, "person");
        public int Max { get; } = RequiredColumns.Max(c => Array.IndexOf(names, c));
    }
}
