using System.Xml;

namespace SocialWork.Reporting.Excel;

/// <summary>
/// Writes service records as an Excel workbook (.xlsx) in the CSV contract's columns — <c>id</c> (when the records carry
/// ids), <c>date</c>, <c>division</c>, <c>item</c>, <c>method</c>, <c>person_times</c>, <c>households</c>,
/// <c>amount</c>, <c>target_group</c>, <c>parties</c>, <c>programme</c>, <c>person</c> — one record per row under a
/// frozen header, so that <see cref="ExcelRecordImporter"/> (and a person in Excel or WPS) reads them back: dates are
/// date cells shown <c>yyyy-mm-dd</c>, counts and amounts numbers, codes text. Rows are written as they are read.
/// </summary>
public static class ExcelRecordWriter
{
    /// <summary>The most records a sheet holds below its header (Excel's 1,048,576 rows).</summary>
    public const int MaxRecords = ExcelReportWriter.MaxSheetRows - 1;

    /// <summary>Writes the records as a workbook of one sheet, <c>records</c>.</summary>
    /// <param name="batch">The records.</param>
    /// <param name="output">The stream (it need not be seekable); left open.</param>
    /// <exception cref="ArgumentException">The batch holds more records than a sheet does.</exception>
    public static void Write(RecordBatch batch, Stream output)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(output);
        if (batch.Count > MaxRecords)
        {
            throw new ArgumentException($"The batch holds {batch.Count:N0} records; a sheet holds {MaxRecords:N0}. Write them in parts (by month, for example) or as CSV or Parquet.", nameof(batch));
        }
        Workbooks.Write(output, [("records", writer => WriteRecords(writer, batch))]);
    }

    /// <summary>Writes the records to a file, through a temporary file in the same folder moved over it at the end.</summary>
    /// <param name="batch">The records.</param>
    /// <param name="path">The file.</param>
    /// <exception cref="ArgumentException">The batch holds more records than a sheet does.</exception>
    public static void WriteFile(RecordBatch batch, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        Workbooks.WriteFile(path, stream => Write(batch, stream));
    }

    private static void WriteRecords(XmlWriter writer, RecordBatch batch)
    {
        string[] header = [.. batch.HasIds ? ["id"] : Array.Empty<string>(), "date", "division", "item", "method", "person_times", "households", "amount", "target_group", "parties", "programme", "person"];
        Workbooks.StartSheet(writer, [.. header.Select(c => c switch
        {
            "person" => 46d,
            "division" => 15d,
            "id" or "date" or "programme" => 12d,
            _ => 10d,
        })], selected: true);
        var cells = new CellWriter(writer);
        cells.StartRow(1);
        foreach (var column in header)
        {
            cells.Text(column, Styles.Header);
        }
        cells.EndRow();
        for (var i = 0; i < batch.Count; i++)
        {
            cells.StartRow(i + 2);
            if (batch.HasIds)
            {
                cells.Text(batch.IdAt(i), Styles.Plain);
            }
            cells.Date(batch.DateAt(i));
            cells.Text(batch.Divisions[batch.DivisionIndices[i]].ToString(), Styles.Plain);
            cells.Text(batch.Codes[batch.CodeIndices[i]].Value, Styles.Plain);
            cells.Text(((ServiceMethod)batch.Methods[i]).ToCode(), Styles.Plain);
            cells.Count(batch.PersonTimes[i], bold: false);
            cells.Count(batch.Households[i], bold: false);
            cells.Amount(Money.FromFen(batch.AmountFen[i]), bold: false);
            cells.Text(batch.TargetGroupAt(i)?.ToCode() ?? string.Empty, Styles.Plain);
            cells.Text(((LinkageParties)batch.Parties[i]).ToCodes(), Styles.Plain);
            cells.Text(batch.Programmes[batch.ProgrammeIndices[i]], Styles.Plain);
            cells.Text(batch.PersonAt(i)?.ToString() ?? string.Empty, Styles.Plain);
            cells.EndRow();
        }
        Workbooks.EndSheet(writer);
    }
}
