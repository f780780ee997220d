using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SocialWork.Reporting.Excel;

/// <summary>
/// Reads a worksheet row by row as text cells: shared and inline strings as their text (phonetic runs left out),
/// numbers as written (integers in exponent form spelled out), numbers in a date format as ISO dates, booleans as
/// <c>TRUE</c>/<c>FALSE</c>. Only the current row is held.
/// </summary>
internal sealed class SheetReader : IDisposable
{
    private readonly OpenXmlReader reader;
    private readonly string[] sharedStrings;
    private readonly bool[] dateStyles;
    private readonly bool date1904;
    private readonly List<string?> cells = [];
    private bool started;

    private SheetReader(string name, OpenXmlReader reader, string[] sharedStrings, bool[] dateStyles, bool date1904) =>
        (Name, this.reader, this.sharedStrings, this.dateStyles, this.date1904) = (name, reader, sharedStrings, dateStyles, date1904);

    /// <summary>Gets the sheet's name.</summary>
    public string Name { get; }

    /// <summary>Gets the current row's number (1-based, as Excel shows it).</summary>
    public int RowNumber { get; private set; }

    /// <summary>Gets the current row's cells by column (A = 0); a cell the sheet does not hold is <see langword="null"/>.</summary>
    public IReadOnlyList<string?> Cells => cells;

    /// <summary>Gets whether every cell of the current row is empty or white space.</summary>
    public bool IsBlank => cells.TrueForAll(string.IsNullOrWhiteSpace);

    /// <summary>Opens the workbook's first sheet (in the workbook's order).</summary>
    /// <exception cref="InvalidDataException">The workbook has no sheet, or its first sheet is not a worksheet.</exception>
    /// <exception cref="LimitException">The workbook holds more than <paramref name="maxSharedStrings"/> shared strings.</exception>
    public static SheetReader OpenFirst(SpreadsheetDocument document, int maxSharedStrings)
    {
        var book = document.WorkbookPart ?? throw new InvalidDataException("the package holds no workbook");
        var first = book.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("the workbook has no sheet");
        if (first.Id?.Value is not { } id || book.GetPartById(id) is not WorksheetPart part)
        {
            throw new InvalidDataException($"the first sheet '{first.Name}' is not a worksheet");
        }
        return new SheetReader(first.Name?.Value ?? "Sheet1", OpenXmlReader.Create(part), ReadSharedStrings(book.SharedStringTablePart, maxSharedStrings), DateStyles(book.WorkbookStylesPart?.Stylesheet),
            book.Workbook.WorkbookProperties?.Date1904?.Value == true);
    }

    /// <summary>Moves to the next row the sheet holds.</summary>
    /// <returns><see langword="false"/> at the end of the sheet.</returns>
    public bool MoveNext()
    {
        if (!started)
        {
            started = true;
            if (!reader.Read())
            {
                return false;
            }
        }
        while (!reader.EOF)
        {
            if (reader.IsStartElement && reader.ElementType == typeof(Row))
            {
                // One row at a time as a small tree: the reader then stands on what follows it.
                var row = (Row)reader.LoadCurrentElement()!;
                RowNumber = row.RowIndex?.Value is { } index ? (int)index : RowNumber + 1;
                Fill(row);
                return true;
            }
            if (!reader.Read())
            {
                break;
            }
        }
        return false;
    }

    /// <inheritdoc/>
    public void Dispose() => reader.Dispose();

    private void Fill(Row row)
    {
        cells.Clear();
        foreach (var cell in row.Elements<Cell>())
        {
            var column = cell.CellReference?.Value is { } reference ? ColumnOf(reference) : cells.Count;
            while (cells.Count <= column)
            {
                cells.Add(null);
            }
            cells[column] = TextOf(cell);
        }
    }

    private string? TextOf(Cell cell)
    {
        var type = cell.DataType?.Value;
        var value = cell.CellValue?.Text;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < sharedStrings.Length
                ? sharedStrings[index]
                : throw new InvalidDataException($"cell {cell.CellReference} points at shared string '{value}', which the workbook does not hold");
        }
        if (type == CellValues.InlineString)
        {
            return cell.InlineString is { } inline ? ItemText(inline) : string.Empty;
        }
        if (type == CellValues.Boolean)
        {
            return value == "1" ? "TRUE" : "FALSE";
        }
        if (type == CellValues.Date)
        {
            return value is { Length: >= 10 } ? value[..10] : value;
        }
        if (type == CellValues.String || type == CellValues.Error || value is null)
        {
            return value;
        }
        return NumberText(value, cell.StyleIndex?.Value is { } style && style < dateStyles.Length && dateStyles[style], date1904);
    }

    /// <summary>
    /// A number cell's text: a date when its format shows a date (day numbers count from 1900, or from 1904 in a
    /// workbook saved in that date system), an integer spelled out when written with an exponent.
    /// </summary>
    private static string NumberText(string value, bool isDate, bool date1904)
    {
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return value;
        }
        if (isDate && number is >= 1 and < 2958466)
        {
            return DateTime.FromOADate(number + (date1904 ? 1462 : 0)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        if (value.Contains('E', StringComparison.OrdinalIgnoreCase) && Math.Abs(number) < 1e15 && number == Math.Floor(number))
        {
            return ((long)number).ToString(CultureInfo.InvariantCulture);
        }
        return value;
    }

    /// <summary>The column index (A = 0) of a cell reference such as <c>AB12</c>.</summary>
    private static int ColumnOf(string reference)
    {
        var column = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z')
            {
                column = (column * 26) + (c - 'A' + 1);
            }
            else if (c is >= 'a' and <= 'z')
            {
                column = (column * 26) + (c - 'a' + 1);
            }
            else
            {
                break;
            }
        }
        return column == 0 ? throw new InvalidDataException($"the cell reference '{reference}' names no column") : column - 1;
    }

    /// <summary>The text of a string item (shared or inline): its own text, or its runs' texts; phonetic runs left out.</summary>
    private static string ItemText(OpenXmlElement item)
    {
        if (item.GetFirstChild<Text>() is { } text)
        {
            return text.Text;
        }
        return string.Concat(item.Elements<Run>().Select(run => run.Text?.Text ?? string.Empty));
    }

    private static string[] ReadSharedStrings(SharedStringTablePart? part, int max)
    {
        if (part is null)
        {
            return [];
        }
        var strings = new List<string>();
        using var reader = OpenXmlReader.Create(part);
        if (!reader.Read())
        {
            return [];
        }
        while (!reader.EOF)
        {
            if (reader.IsStartElement && reader.ElementType == typeof(SharedStringItem))
            {
                if (strings.Count == max)
                {
                    throw new LimitException($"the workbook holds more than {max} shared strings", $"工作簿的共享字符串超过{max}个");
                }
                strings.Add(ItemText(reader.LoadCurrentElement()!));
                continue;
            }
            if (!reader.Read())
            {
                break;
            }
        }
        return [.. strings];
    }

    /// <summary>For each cell format (<c>cellXfs</c>), whether its number format shows a date.</summary>
    private static bool[] DateStyles(Stylesheet? stylesheet)
    {
        if (stylesheet?.CellFormats is not { } formats)
        {
            return [];
        }
        var custom = stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode?.Value ?? string.Empty) ?? [];
        return [.. formats.Elements<CellFormat>().Select(f => f.NumberFormatId?.Value is { } id && IsDateFormat(id, custom))];
    }

    /// <summary>
    /// Whether a number format shows a date: the built-in date formats (14–22, 45–47, and the East Asian 27–36 and
    /// 50–58, which Excel and WPS in Chinese use for 年月日), or a custom code with a year or day outside quotes and brackets.
    /// </summary>
    private static bool IsDateFormat(uint id, Dictionary<uint, string> custom)
    {
        if (id is (>= 14 and <= 22) or (>= 27 and <= 36) or (>= 45 and <= 47) or (>= 50 and <= 58))
        {
            return true;
        }
        if (!custom.TryGetValue(id, out var code))
        {
            return false;
        }
        var quoted = false;
        var bracket = false;
        foreach (var c in code)
        {
            switch (c)
            {
                case '"':
                    quoted = !quoted;
                    break;
                case '[' when !quoted:
                    bracket = true;
                    break;
                case ']' when !quoted:
                    bracket = false;
                    break;
                case 'y' or 'Y' or 'd' or 'D' when !quoted && !bracket:
                    return true;
            }
        }
        return false;
    }

    /// <summary>A workbook larger than the importer accepts.</summary>
    internal sealed class LimitException(string message, string chinese) : IOException(message)
    {
        /// <summary>Gets the message in Chinese.</summary>
        public string Chinese { get; } = chinese;
    }
}
