using DocumentFormat.OpenXml.Packaging;

namespace SocialWork.Reporting.Excel;

/// <summary>
/// Imports service records from the first sheet of an Excel workbook (.xlsx): its first row is the header, in the CSV
/// contract's column names (<see cref="CsvRecordImporter.RequiredColumns"/>), and every row below it a record, checked
/// as a CSV row is (<see cref="TableRecordImporter"/>). A rejected row names the workbook and sheet
/// (<c>[records.xlsx]Sheet1</c>), its row number and its column. Cells may be text or numbers; a number shown as a date
/// (a date typed into Excel or WPS) is read as that date (<c>2023-03-05</c>). The sheet is read row by row, so memory
/// stays flat in rows (a workbook's shared strings are held while it is read).
/// </summary>
public sealed class ExcelRecordImporter
{
    /// <summary>Creates an importer with default options.</summary>
    /// <param name="options">The default options (strict mode when omitted).</param>
    public ExcelRecordImporter(RecordImportOptions? options = null) => Options = options ?? new RecordImportOptions();

    /// <summary>Gets the default options.</summary>
    public RecordImportOptions Options { get; }

    /// <summary>
    /// Gets the most records a sheet may hold below its header (and so the most shared strings a workbook may hold:
    /// sixteen a row). A workbook is compressed — a few megabytes can unpack to millions of rows — so a host that bounds
    /// uploads by size bounds them by rows too. Unlimited by default.
    /// </summary>
    public int MaxRows { get; init; } = int.MaxValue;

    /// <summary>Imports the records of a workbook file.</summary>
    /// <param name="path">The .xlsx file.</param>
    /// <param name="options">Options for this call; the importer's <see cref="Options"/> when omitted.</param>
    /// <returns>The accepted records and the rejected rows.</returns>
    /// <exception cref="RecordImportException">The file is not a workbook, its first sheet has no header or lacks a required column, or strict mode met a bad row.</exception>
    public ImportResult ImportFile(string path, RecordImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return Import(stream, Path.GetFileName(path), options);
    }

    /// <summary>Imports the records of a workbook.</summary>
    /// <param name="xlsx">The workbook's bytes; a stream that cannot seek is copied into memory first.</param>
    /// <param name="fileName">The name to use in messages.</param>
    /// <param name="options">Options for this call; the importer's <see cref="Options"/> when omitted.</param>
    /// <returns>The accepted records and the rejected rows.</returns>
    /// <exception cref="RecordImportException">The input is not a workbook, its first sheet has no header or lacks a required column, or strict mode met a bad row.</exception>
    public ImportResult Import(Stream xlsx, string fileName, RecordImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(xlsx);
        ArgumentNullException.ThrowIfNull(fileName);
        options ??= Options;
        using var copy = xlsx.CanSeek ? null : new MemoryStream();
        if (copy is not null)
        {
            xlsx.CopyTo(copy);
            copy.Position = 0;
            xlsx = copy;
        }
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(xlsx, false);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or FileFormatException or InvalidDataException or IOException)
        {
            throw NotAWorkbook(fileName, ex);
        }
        using (document)
        {
            SheetReader sheet;
            try
            {
                sheet = SheetReader.OpenFirst(document, MaxRows == int.MaxValue ? int.MaxValue : (int)Math.Min(int.MaxValue, MaxRows * 16L));
            }
            catch (SheetReader.LimitException ex)
            {
                throw TooLarge(fileName, ex.Message, ex.Chinese);
            }
            catch (Exception ex) when (ex is OpenXmlPackageException or FileFormatException or InvalidDataException or System.Xml.XmlException)
            {
                throw NotAWorkbook(fileName, ex);
            }
            var source = $"[{fileName}]{sheet.Name}";
            using (sheet)
            {
                try
                {
                    if (!sheet.MoveNext())
                    {
                        throw new RecordImportException(new RejectedRow(source, 1, "(header)", $"the sheet is empty; expected a header with the columns {string.Join(",", CsvRecordImporter.RequiredColumns)}", string.Empty)
                        {
                            ChineseReason = $"工作表为空；表头应包含列{string.Join(",", CsvRecordImporter.RequiredColumns)}",
                        });
                    }
                    var table = new TableRecordImporter(source, [.. sheet.Cells.Select(c => c ?? string.Empty)], options, sheet.RowNumber);
                    while (sheet.MoveNext())
                    {
                        if (sheet.IsBlank)
                        {
                            continue;
                        }
                        if (table.Read == MaxRows)
                        {
                            throw TooLarge(source, $"the sheet holds more than {MaxRows} records (row {sheet.RowNumber})", $"工作表的记录超过{MaxRows}条（第{sheet.RowNumber}行）");
                        }
                        table.Add(sheet.RowNumber, sheet.Cells);
                    }
                    return table.Complete();
                }
                catch (Exception ex) when (ex is System.Xml.XmlException or InvalidDataException)
                {
                    throw new RecordImportException(new RejectedRow(source, sheet.RowNumber, "(sheet)", $"the sheet's XML is damaged near row {sheet.RowNumber}: {ex.Message}", string.Empty)
                    {
                        ChineseReason = $"工作表的XML在第{sheet.RowNumber}行附近损坏",
                    });
                }
            }
        }
    }

    private static RecordImportException TooLarge(string source, string reason, string chinese) =>
        new(new RejectedRow(source, 0, "(workbook)", $"{reason}; split it into smaller workbooks", string.Empty) { ChineseReason = $"{chinese}；请拆分为较小的工作簿" });

    private static RecordImportException NotAWorkbook(string fileName, Exception ex) =>
        new(new RejectedRow(fileName, 0, "(workbook)", $"the file is not an Excel workbook (.xlsx) or is damaged: {ex.Message}", string.Empty)
        {
            ChineseReason = "文件不是Excel工作簿（.xlsx）或已损坏",
        });
}
