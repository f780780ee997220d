using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using FsCheck.Xunit;

namespace SocialWork.Reporting.Excel.Tests;

public sealed class ExcelTests
{
    private static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN");

    [Property(Arbitrary = [typeof(ReportingArbitraries)], MaxTest = 40)]
    public bool Records_written_to_a_workbook_are_read_back_as_they_were(ServiceRecord[] records)
    {
        var batch = RecordBatch.From(records);
        using var stream = new MemoryStream();
        ExcelRecordWriter.Write(batch, stream);
        stream.Position = 0;
        var back = new ExcelRecordImporter().Import(stream, "records.xlsx").Batch;
        return Rows(back).SequenceEqual(Rows(batch));
    }

    [Fact]
    public void The_xingan_sample_exported_to_xlsx_shows_the_seven_seed_figures_and_the_people_in_the_total_row()
    {
        var import = new CsvRecordImporter().ImportFile(Path.Combine(SampleData, "records.csv"));
        var cube = Cube.Build(import.Batch, new CubeQuery(DivisionLevel.Prefecture, PeriodKind.Year, CubeDimension.Domain));
        var report = ReportDocument.From(cube, new ReportInput(import.Read, import.Accepted, import.Rejected.Count));
        var labels = new ReportLabels(Zh);
        using var stream = new MemoryStream();
        ExcelReportWriter.Write(report, stream, labels);

        var sheet = Sheet.Read(stream, "报表");
        var total = sheet.Rows.Single(row => row.Contains("合计"));
        string Total(string column) => total[sheet.Rows[0].IndexOf(labels.Column(column))];
        Assert.Equal("1493", Total("households"));        // 走访入户1493户
        Assert.Equal("231", Total("files"));              // 建立档案231个
        Assert.Equal("43", Total("groups"));              // 小组活动43次
        Assert.Equal("20", Total("casework"));            // 个案服务20个
        Assert.Equal("57", Total("activities"));          // 主题活动57场
        Assert.Equal("17000.00", Total("amount"));        // 1.7万元
        Assert.InRange(long.Parse(Total("personTimes"), CultureInfo.InvariantCulture), 13_600, 13_699); // 1.36万余人次
        Assert.Equal("500", Total("people"));              // 服务人数: the sample's 500 people
        Assert.Equal("服务人数", labels.Column("people"));
        Assert.Equal(1, sheet.FrozenRows);
        Assert.Contains(Sheet.Read(stream, "说明").Rows, row => row.SequenceEqual(["层级", "地市级"]));
    }

    [Fact]
    public void Records_from_a_workbook_give_the_same_report_as_the_same_records_from_csv()
    {
        var csv = new CsvRecordImporter().ImportFile(Path.Combine(SampleData, "records.csv"));
        using var stream = new MemoryStream();
        ExcelRecordWriter.Write(csv.Batch, stream);
        stream.Position = 0;
        var xlsx = new ExcelRecordImporter().Import(stream, "records.xlsx");
        Assert.Equal(csv.Read, xlsx.Read);
        AssertSameReports(csv.Batch, xlsx.Batch);
    }

    [Fact]
    public void The_xingan_records_as_libreoffice_saved_them_give_the_csvs_reports()
    {
        // Fixtures/xingan-records-libreoffice.xlsx: samples/data/xingan/records.csv saved by LibreOffice Calc 7.4 — dates
        // as day numbers in a date format, division codes and counts as numbers, text in shared strings.
        var csv = new CsvRecordImporter().ImportFile(Path.Combine(SampleData, "records.csv"));
        var xlsx = new ExcelRecordImporter().ImportFile(Path.Combine(AppContext.BaseDirectory, "Fixtures", "xingan-records-libreoffice.xlsx"));
        Assert.Equal(csv.Read, xlsx.Read);
        AssertSameReports(csv.Batch, xlsx.Batch);
    }

    [Fact]
    public void The_same_report_gives_the_same_workbook_bytes()
    {
        var batch = new CsvRecordImporter().ImportFile(Path.Combine(SampleData, "records.csv")).Batch;
        var report = ReportDocument.From(Cube.Build(batch, new CubeQuery(DivisionLevel.County, PeriodKind.Month, CubeDimension.Method)));
        var first = new MemoryStream();
        var second = new MemoryStream();
        ExcelReportWriter.Write(report, first, new ReportLabels(Zh));
        Thread.Sleep(2100);   // past the zip format's two-second clock
        ExcelReportWriter.Write(report, second, new ReportLabels(Zh));
        Assert.Equal(first.ToArray(), second.ToArray());
    }

    [Fact]
    public void A_minimal_hand_made_workbook_of_inline_strings_without_styles_or_cell_references_is_read()
    {
        string[][] rows =
        [
            ["id", "date", "division", "item", "method", "person_times", "households", "amount"],
            ["R1", "2023-03-05", "130602001001", "EL.01", "visit", "3", "1", "12.50"],
            ["R2", "2023-04-01", "130602001002", "SA", "casework", "1", "0", ""],
        ];
        using var stream = Workbook(sheet => sheet.Append(new SheetData(rows.Select(cells => new Row(cells.Select(text => new Cell(new InlineString(new Text(text))) { DataType = CellValues.InlineString }))))));
        var xlsx = new ExcelRecordImporter().Import(stream, "hand.xlsx");
        var csv = new CsvRecordImporter().Import(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(string.Join("\n", rows.Select(r => string.Join(",", r))))), "hand.csv");
        Assert.Equal(2, xlsx.Accepted);
        AssertSameReports(csv.Batch, xlsx.Batch);
    }

    [Fact]
    public void Shared_strings_numbers_and_dates_typed_into_a_spreadsheet_are_read_as_the_csv_text()
    {
        // As Excel saves what a person typed: text in the shared strings, the division and counts as numbers, the date as a
        // day number in a date format (built-in 14 and a Chinese custom format), the amount as 12.5.
        using var stream = Workbook(
            sheet => sheet.Append(new SheetData(
                new Row(Shared(0, "A1"), Shared(1, "B1"), Shared(2, "C1"), Shared(3, "D1"), Shared(4, "E1"), Shared(5, "F1"), Shared(6, "G1"), Shared(7, "H1")) { RowIndex = 1 },
                new Row(Shared(8, "A2"), Number("44990", "B2", 1), Number("1.30602001001E+11", "C2"), Shared(9, "D2"), Shared(10, "E2"), Number("3", "F2"), Number("1", "G2"), Number("12.5", "H2")) { RowIndex = 2 },
                new Row(new Cell { CellReference = "A3" }) { RowIndex = 3 },
                new Row(Shared(11, "A5"), Number("45017", "B5", 2), Number("130602001002", "C5"), Shared(9, "D5"), Shared(10, "E5"), Number("2", "F5"), Number("0", "G5")) { RowIndex = 5 })),
            book =>
            {
                var strings = book.AddNewPart<SharedStringTablePart>();
                strings.SharedStringTable = new SharedStringTable(
                    new[] { "id", "date", "division", "item", "method", "person_times", "households", "amount", "R1", "EL.01", "visit", "R2" }
                        .Select(s => s == "EL.01"
                            ? new SharedStringItem(new Run(new Text("EL.")), new Run(new Text("01")), new PhoneticRun(new Text("x")))
                            : new SharedStringItem(new Text(s))));
                var styles = book.AddNewPart<WorkbookStylesPart>();
                styles.Stylesheet = new Stylesheet(
                    new NumberingFormats(new NumberingFormat { NumberFormatId = 176, FormatCode = "yyyy\"年\"m\"月\"d\"日\";@" }),
                    new Fonts(new Font()),
                    new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
                    new Borders(new Border()),
                    new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }, new CellFormat { NumberFormatId = 176, ApplyNumberFormat = true }));
            });
        var import = new ExcelRecordImporter().Import(stream, "typed.xlsx");

        Assert.Equal(2, import.Read);   // the blank row 3 is not a row
        var batch = import.Batch;
        Assert.Equal(["R1", "R2"], batch.GetIds());
        Assert.Equal(new LocalDate(2023, 3, 5), batch.DateAt(0));
        Assert.Equal(new LocalDate(2023, 4, 1), batch.DateAt(1));
        Assert.Equal(DivisionCode.Parse("130602001001"), batch.Divisions[batch.DivisionIndices[0]]);
        Assert.Equal("EL.01", batch.Codes[batch.CodeIndices[0]].Value);
        Assert.Equal(1250, batch.AmountFen[0]);

        static Cell Shared(int index, string reference) => new(new CellValue(index.ToString(CultureInfo.InvariantCulture))) { DataType = CellValues.SharedString, CellReference = reference };
        static Cell Number(string value, string reference, uint style = 0) => new(new CellValue(value)) { CellReference = reference, StyleIndex = style == 0 ? null : style };
    }

    [Fact]
    public void A_rejected_row_names_the_workbook_and_sheet_its_row_and_its_column()
    {
        string[][] rows =
        [
            ["id", "date", "division", "item", "method", "person_times", "households", "amount"],
            ["R1", "2023-03-05", "130602001001", "EL.01", "visit", "3", "1", "12.50"],
            ["R2", "2023-02-30", "130602001001", "EL.01", "visit", "3", "1", "12.50"],
            ["R3", "2023-03-05", "130602001001", "EL.01", "visit", "-1", "1", "12.50"],
        ];
        using var stream = Workbook(sheet => sheet.Append(new SheetData(rows.Select((cells, r) => new Row(cells.Select((text, c) => new Cell(new InlineString(new Text(text))) { DataType = CellValues.InlineString, CellReference = $"{(char)('A' + c)}{r + 1}" })) { RowIndex = (uint)r + 1 }))), sheetName: "记录");
        var import = new ExcelRecordImporter(new RecordImportOptions { Mode = ImportMode.Lenient }).Import(stream, "bad.xlsx");

        Assert.Equal(3, import.Read);
        Assert.Equal(1, import.Accepted);
        Assert.Collection(
            import.Rejected,
            r => Assert.Equal(("[bad.xlsx]记录", 3, "date"), (r.File, r.Line, r.Column)),
            r => Assert.Equal(("[bad.xlsx]记录", 4, "person_times"), (r.File, r.Line, r.Column)));
    }

    [Fact]
    public void A_sheet_without_a_required_column_is_refused_naming_its_header_row()
    {
        using var stream = Workbook(sheet => sheet.Append(new SheetData(new Row(new[] { "id", "date" }.Select(text => new Cell(new InlineString(new Text(text))) { DataType = CellValues.InlineString })))));
        var error = Assert.Throws<RecordImportException>(() => new ExcelRecordImporter().Import(stream, "short.xlsx"));
        Assert.Equal(("[short.xlsx]Sheet1", 1, "division"), (error.Row.File, error.Row.Line, error.Row.Column));
    }

    [Fact]
    public void A_workbook_with_more_rows_than_the_importer_takes_is_refused_before_it_is_read_whole()
    {
        var batch = RecordBatch.From([.. Enumerable.Range(1, 5).Select(i => new ServiceRecord($"R{i}", new LocalDate(2023, 3, i), DivisionCode.Parse("130602001001"), ServiceCode.Parse("EL.01"), ServiceMethod.Visit, 1))]);
        using var stream = new MemoryStream();
        ExcelRecordWriter.Write(batch, stream);

        stream.Position = 0;
        var error = Assert.Throws<RecordImportException>(() => new ExcelRecordImporter { MaxRows = 4 }.Import(stream, "big.xlsx"));
        Assert.Equal(("[big.xlsx]records", "(workbook)"), (error.Row.File, error.Row.Column));
        Assert.Contains("more than 4 records (row 6)", error.Row.Reason, StringComparison.Ordinal);
        stream.Position = 0;
        Assert.Equal(5, new ExcelRecordImporter { MaxRows = 5 }.Import(stream, "big.xlsx").Accepted);

        var strings = Workbook(
            sheet => sheet.Append(new SheetData()),
            book => book.AddNewPart<SharedStringTablePart>().SharedStringTable = new SharedStringTable(Enumerable.Range(0, 17).Select(i => new SharedStringItem(new Text($"s{i}")))));
        var tooMany = Assert.Throws<RecordImportException>(() => new ExcelRecordImporter { MaxRows = 1 }.Import(strings, "strings.xlsx"));
        Assert.Contains("more than 16 shared strings", tooMany.Row.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_workbook_is_refused_with_its_name_and_no_stack_trace()
    {
        var error = Assert.Throws<RecordImportException>(() => new ExcelRecordImporter().Import(new MemoryStream("id,date\n"u8.ToArray()), "records.csv"));
        Assert.Equal(("records.csv", "(workbook)"), (error.Row.File, error.Row.Column));
        Assert.Equal("文件不是Excel工作簿（.xlsx）或已损坏", error.Row.ChineseReason);
    }

    [Fact]
    public void Suppressed_values_are_written_as_a_star_and_the_notes_say_below_what()
    {
        var batch = RecordBatch.From(
        [
            new ServiceRecord("R1", new LocalDate(2023, 3, 5), DivisionCode.Parse("130602001001"), ServiceCode.Parse("EL.01"), ServiceMethod.Visit, 1, 1, Money.FromFen(100)),
            .. Enumerable.Range(2, 9).Select(i => new ServiceRecord($"R{i}", new LocalDate(2023, 3, 5), DivisionCode.Parse("130602002001"), ServiceCode.Parse("EL.01"), ServiceMethod.Visit, 1, 1, Money.FromFen(100))),
        ]);
        var cube = Cube.Build(batch, new CubeQuery(DivisionLevel.Township, PeriodKind.Year, CubeDimension.Domain));
        var report = ReportDocument.From(cube, options: new ReportOptions { SuppressBelow = 5 });
        using var stream = new MemoryStream();
        ExcelReportWriter.Write(report, stream, new ReportLabels(CultureInfo.InvariantCulture));

        var sheet = Sheet.Read(stream, "Report");
        Assert.Contains(sheet.Rows, row => row.Count(cell => cell == ReportWriter.Suppressed) >= 11);
        Assert.Contains(Sheet.Read(stream, "Notes").Rows, row => row.SequenceEqual(["Suppressed below", "5"]));
    }

    internal static string SampleData
    {
        get
        {
            var root = AppContext.BaseDirectory;
            while (!File.Exists(Path.Combine(root, "SocialWork.slnx")))
            {
                root = Path.GetDirectoryName(root)!;
            }
            return Path.Combine(root, "samples", "data", "xingan");
        }
    }

    internal static void AssertSameReports(RecordBatch expected, RecordBatch actual)
    {
        foreach (var query in new[] { new CubeQuery(DivisionLevel.Village, PeriodKind.Month, CubeDimension.Item), new CubeQuery(DivisionLevel.County, PeriodKind.Year, CubeDimension.Method) })
        {
            Assert.Equal(
                ReportWriter.ToJson(ReportDocument.From(Cube.Build(expected, query))),
                ReportWriter.ToJson(ReportDocument.From(Cube.Build(actual, query))));
        }
    }

    private static List<(string Id, LocalDate Date, DivisionCode Division, string Item, byte Method, TargetGroup? Target, byte Parties, int PersonTimes, int Households, long Fen, string Programme, PersonKey? Person)> Rows(RecordBatch batch) =>
        [.. Enumerable.Range(0, batch.Count).Select(i => (batch.IdAt(i), batch.DateAt(i), batch.Divisions[batch.DivisionIndices[i]], batch.Codes[batch.CodeIndices[i]].Value, batch.Methods[i],
            batch.TargetGroupAt(i), batch.Parties[i], batch.PersonTimes[i], batch.Households[i], batch.AmountFen[i], batch.Programmes[batch.ProgrammeIndices[i]], batch.PersonAt(i)))];

    /// <summary>A workbook of one sheet built with the SDK's document model, as another program would write it.</summary>
    private static MemoryStream Workbook(Action<Worksheet> fill, Action<WorkbookPart>? parts = null, string sheetName = "Sheet1")
    {
        var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var book = document.AddWorkbookPart();
            parts?.Invoke(book);
            var sheet = book.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new Worksheet();
            fill(sheet.Worksheet);
            book.Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook(new Sheets(new DocumentFormat.OpenXml.Spreadsheet.Sheet { Name = sheetName, SheetId = 1, Id = book.GetIdOfPart(sheet) }));
        }
        stream.Position = 0;
        return stream;
    }

    /// <summary>A sheet of a workbook we wrote, read with the SDK's document model: its rows' cell texts and its frozen rows.</summary>
    private sealed record Sheet(List<List<string>> Rows, int FrozenRows)
    {
        public static Sheet Read(Stream stream, string name)
        {
            stream.Position = 0;
            using var document = SpreadsheetDocument.Open(stream, false);
            var book = document.WorkbookPart!;
            var entry = book.Workbook!.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single(s => s.Name == name);
            var worksheet = ((WorksheetPart)book.GetPartById(entry.Id!)).Worksheet!;
            var rows = worksheet.Descendants<Row>().Select(row => row.Elements<Cell>().Select(cell => cell.DataType?.Value == CellValues.InlineString ? cell.InnerText : cell.CellValue?.Text ?? string.Empty).ToList()).ToList();
            var frozen = worksheet.Descendants<Pane>().SingleOrDefault() is { State.Value: var state, VerticalSplit.Value: var split } && state == PaneStateValues.Frozen ? (int)split : 0;
            return new Sheet(rows, frozen);
        }
    }
}
