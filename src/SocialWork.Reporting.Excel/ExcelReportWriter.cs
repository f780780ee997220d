using System.Globalization;
using System.Text.Json;
using System.Xml;

namespace SocialWork.Reporting.Excel;

/// <summary>
/// Writes a <see cref="ReportDocument"/> as an Excel workbook (.xlsx): a report sheet — a header row in the labels'
/// language, frozen; one row per report row; a total row — and a notes sheet with the query, the input and the
/// footnotes (suppression, overlapping keys). Counts are numbers formatted <c>#,##0</c>, amounts yuan with two decimals
/// (<c>#,##0.00</c>), division codes text (all twelve digits); a suppressed value is the text <c>*</c>
/// (<see cref="ReportWriter.Suppressed"/>) on a grey fill. Rows are written as they are read (memory stays flat in rows).
/// </summary>
public static class ExcelReportWriter
{
    /// <summary>The most rows a worksheet holds (Excel's limit), header and total row included.</summary>
    public const int MaxSheetRows = 1_048_576;

    /// <summary>The report's columns by the ids <see cref="ReportLabels.Column"/> knows, in the order of the CSV report.</summary>
    private static readonly string[] Columns = ["division", "name", "period", "key", "keyLabel", "records", "personTimes", "households", "amount", "visits", "files", "casework", "groups", "activities", "trainings", "others"];

    /// <summary>Writes the report as a workbook.</summary>
    /// <param name="document">The report.</param>
    /// <param name="output">The stream the workbook is written to (it need not be seekable); left open.</param>
    /// <param name="labels">The labels: the header's and notes' language, division names and key labels.</param>
    /// <exception cref="ArgumentException">The report has more rows than a worksheet holds.</exception>
    public static void Write(ReportDocument document, Stream output, ReportLabels labels)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(labels);
        if (document.Rows.Count > MaxSheetRows - 2)
        {
            throw new ArgumentException(
                $"The report has {document.Rows.Count:N0} rows; a worksheet holds {MaxSheetRows - 2:N0} below its header and above its total. Choose a coarser level, period or dimension, or write CSV.",
                nameof(document));
        }
        var chinese = labels.IsChinese;
        Workbooks.Write(output, [
            (chinese ? "报表" : "Report", writer => WriteReport(writer, document, labels)),
            (chinese ? "说明" : "Notes", writer => WriteNotes(writer, document, chinese))]);
    }

    /// <summary>Writes the report to a file, through a temporary file in the same folder moved over it at the end.</summary>
    /// <param name="document">The report.</param>
    /// <param name="path">The file.</param>
    /// <param name="labels">The labels.</param>
    /// <exception cref="ArgumentException">The report has more rows than a worksheet holds.</exception>
    public static void WriteFile(ReportDocument document, string path, ReportLabels labels)
    {
        ArgumentNullException.ThrowIfNull(path);
        Workbooks.WriteFile(path, stream => Write(document, stream, labels));
    }

    private static void WriteReport(XmlWriter writer, ReportDocument document, ReportLabels labels)
    {
        var people = document.Total.People is not null;
        var columns = people ? [.. Columns, "people", "recordsWithoutPerson"] : Columns;
        var cells = new CellWriter(writer);
        Workbooks.StartSheet(writer, [.. columns.Select(c => c switch
        {
            "division" => 15d,
            "name" or "keyLabel" => 24d,
            "key" or "period" => 12d,
            _ => 11d,
        })], selected: true);

        cells.StartRow(1);
        foreach (var column in columns)
        {
            cells.Text(labels.Column(column), Styles.Header);
        }
        cells.EndRow();

        var line = 1;
        var total = document.Total;
        for (var i = 0; i < document.Rows.Count; i++)
        {
            var row = document.Rows[i];
            cells.StartRow(++line);
            cells.Text(row.Division.ToString(), Styles.Plain);
            cells.Text(row.Name ?? labels.DivisionName(row.Division), Styles.Plain);
            cells.Text(row.Period.ToString(), Styles.Plain);
            cells.Text(row.Key, Styles.Plain);
            cells.Text(labels.Key(row.Key, document.By), Styles.Plain);
            Indicators(cells, row, people, row.Suppressed, bold: false);
            cells.EndRow();
        }
        cells.StartRow(++line);
        cells.Text(string.Empty, Styles.Header);
        cells.Text(labels.IsChinese ? "合计" : "Total", Styles.Header);
        cells.Text(string.Empty, Styles.Header);
        cells.Text(string.Empty, Styles.Header);
        cells.Text(string.Empty, Styles.Header);
        Indicators(cells, total, people, suppressed: false, bold: true);
        cells.EndRow();
        Workbooks.EndSheet(writer);
    }

    private static void Indicators(CellWriter cells, ReportIndicators values, bool people, bool suppressed, bool bold)
    {
        cells.Count(values.Records, bold);
        cells.Count(values.PersonTimes, bold);
        cells.Count(values.Households, bold);
        cells.Amount(values.Amount, bold);
        cells.Count(values.Visits, bold);
        cells.Count(values.Files, bold);
        cells.Count(values.Casework, bold);
        cells.Count(values.Groups, bold);
        cells.Count(values.Activities, bold);
        cells.Count(values.Trainings, bold);
        cells.Count(values.Others, bold);
        if (people)
        {
            cells.Count(suppressed ? null : values.People, bold);
            cells.Count(suppressed ? null : values.RecordsWithoutPerson, bold);
        }
    }

    private static string Id(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    private static string ChineseLevel(DivisionLevel level) => level switch
    {
        DivisionLevel.Province => "省级",
        DivisionLevel.Prefecture => "地市级",
        DivisionLevel.County => "县级",
        DivisionLevel.Township => "乡镇（街道）级",
        _ => "村（社区）级",
    };

    private static string ChinesePeriod(PeriodKind period) => period switch
    {
        PeriodKind.Month => "月",
        PeriodKind.Quarter => "季度",
        _ => "年",
    };

    private static string ChineseDimension(CubeDimension by) => by switch
    {
        CubeDimension.None => "无",
        CubeDimension.Domain => "服务领域",
        CubeDimension.Method => "服务方式",
        CubeDimension.Item => "服务事项",
        CubeDimension.TargetGroup => "服务对象",
        CubeDimension.Programme => "项目",
        CubeDimension.ServiceType => "服务类型",
        _ => "五社联动主体",
    };

    private static void WriteNotes(XmlWriter writer, ReportDocument document, bool chinese)
    {
        var cells = new CellWriter(writer);
        Workbooks.StartSheet(writer, [18, 80], selected: false, freezeHeader: false);
        var line = 0;
        Note(chinese ? "层级" : "Level", chinese ? ChineseLevel(document.Level) : Id(document.Level.ToString()));
        Note(chinese ? "期间" : "Period", chinese ? ChinesePeriod(document.Period) : Id(document.Period.ToString()));
        Note(chinese ? "维度" : "By", chinese ? ChineseDimension(document.By) : Id(document.By.ToString()));
        Note(chinese ? "读取行数" : "Rows read", document.Input.Read.ToString(CultureInfo.InvariantCulture));
        Note(chinese ? "接受行数" : "Rows accepted", document.Input.Accepted.ToString(CultureInfo.InvariantCulture));
        Note(chinese ? "拒绝行数" : "Rows rejected", document.Input.Rejected.ToString(CultureInfo.InvariantCulture));
        Note(chinese ? "小数抑制阈值" : "Suppressed below", document.SuppressedBelow > 0 ? document.SuppressedBelow.ToString(CultureInfo.InvariantCulture) : chinese ? "未抑制" : "none");
        foreach (var footnote in document.Footnotes(chinese))
        {
            Note(chinese ? "注" : "Note", footnote);
        }
        Workbooks.EndSheet(writer);

        void Note(string name, string value)
        {
            cells.StartRow(++line);
            cells.Text(name, Styles.Header);
            cells.Text(value, Styles.Plain);
            cells.EndRow();
        }
    }
}
