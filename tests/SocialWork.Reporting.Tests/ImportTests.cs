using System.Text;

namespace SocialWork.Reporting.Tests;

public class ImportTests
{
    private const string Header = "id,date,division,facility,item,method,person_times,households,amount";

    internal const string FiveKindsOfBadRows = """
        id,date,division,facility,item,method,person_times,households,amount,target_group,extra
        R1,2024-01-05,130602001001,S01,EL.01,visit,3,1,,elderly,x
        R2,2024-02-30,130602001001,S01,EL.01,visit,3,1,,,x
        R3,2024-01-06,130602001002,S01,CH.01,dance,5,0,0,,x
        R4,2024-01-07,130602002001,S02,SA.01,group,-4,0,0,,x
        R5,2024-01-08,13060200100,S01,SA.01,visit,2,1,0,,x
        R6,2024-01-09,130602002001,S02,SA.01,activity,40,0,1700.005,,x
        R7,2024-03-01,130602002001,S02,SA.01,activity,40,0,"1,700.5",,x
        R8,2024-03-02,130602002001,S02,CG,activity,60,0,1700.50,hardship,x
        """;

    private static ImportResult Import(string csv, ImportMode mode)
        => new CsvRecordImporter().Import(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "records.csv", new RecordImportOptions { Mode = mode });

    [Fact]
    public void Lenient_import_keeps_good_rows_and_reports_every_bad_one_with_its_line()
    {
        var result = Import(FiveKindsOfBadRows, ImportMode.Lenient);
        Assert.Equal(8, result.Read);
        Assert.Equal(2, result.Accepted);
        Assert.Equal(result.Read, result.Accepted + result.Rejected.Count);
        Assert.Equal(
            [(3, "date"), (4, "method"), (5, "person_times"), (6, "division"), (7, "amount"), (8, "amount")],
            result.Rejected.Select(r => (r.Line, r.Column)));
        Assert.Contains("'2024-02-30'", result.Rejected[0].Reason, StringComparison.Ordinal);
        Assert.Contains("'dance'", result.Rejected[1].Reason, StringComparison.Ordinal);
        Assert.Contains("negative", result.Rejected[2].Reason, StringComparison.Ordinal);
        Assert.Contains("has 11 characters", result.Rejected[3].Reason, StringComparison.Ordinal);
        Assert.Contains("more than two decimals", result.Rejected[4].Reason, StringComparison.Ordinal);
        Assert.Equal("R2,2024-02-30,130602001001,S01,EL.01,visit,3,1,,,x", result.Rejected[0].Raw);
        Assert.Equal("records.csv", result.Rejected[0].File);
        var total = Cube.Build(result.Batch, new CubeQuery(DivisionLevel.County, PeriodKind.Year)).Total;
        Assert.Equal(63, total.PersonTimes);
        Assert.Equal(Money.Parse("1700.50"), total.Amount);
    }

    [Fact]
    public void Strict_import_fails_naming_the_first_bad_line()
    {
        var ex = Assert.Throws<RecordImportException>(() => Import(FiveKindsOfBadRows, ImportMode.Strict));
        Assert.Equal(3, ex.Row.Line);
        Assert.Equal("date", ex.Row.Column);
        Assert.Contains("records.csv: line 3: column 'date'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Columns_may_come_in_any_order_and_optional_ones_are_read()
    {
        var csv = "amount,households,person_times,method,item,facility,division,date,id,parties,programme,target_group\n"
            + "12.5,2,4,visit,EL.01,,130602001001,2024-05-01,R1,community|volunteer,bee,elderly\n"
            + "0,0,1,visit,EL.01,,130602001001,2024-05-02,R2,,,\n";
        var result = Import(csv, ImportMode.Strict);
        Assert.Equal(2, result.Accepted);
        Assert.Null(result.Batch.TargetGroupAt(1));
        Assert.Equal(1250, result.Batch.AmountFen[0]);
        Assert.Equal((byte)(LinkageParties.Community | LinkageParties.Volunteer), result.Batch.Parties[0]);
        Assert.Equal("bee", result.Batch.Programmes[result.Batch.ProgrammeIndices[0]]);
        Assert.Equal(TargetGroup.Elderly, result.Batch.TargetGroupAt(0));
    }

    [Fact]
    public void Missing_required_column_rejects_the_whole_input()
    {
        var ex = Assert.Throws<RecordImportException>(() => Import("id,date,division\nR1,2024-01-01,130602\n", ImportMode.Lenient));
        Assert.Equal(1, ex.Row.Line);
        Assert.Contains("the header lacks the required columns item, method, person_times, households, amount", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quoted_fields_and_a_byte_order_mark_are_handled()
    {
        var csv = "\uFEFF" + Header + "\n\"R,1\",2024-01-05,130602001001,\"S \"\"1\"\"\",EL.01,visit,3,1,\"100.00\"\n";
        var result = Import(csv, ImportMode.Strict);
        Assert.Equal(1, result.Accepted);
        Assert.Equal(10000, result.Batch.AmountFen[0]);
    }

    [Fact]
    public void Catalog_check_rejects_unknown_codes_when_asked()
    {
        var catalogs = new CatalogHistory([ServiceCatalog.Default]);
        var csv = Header + "\nR1,2024-01-05,130602001001,,EL,visit,3,1,\nR2,2024-01-05,130602001001,,EL.99,visit,3,1,\n";
        var result = new CsvRecordImporter().Import(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "r.csv", new RecordImportOptions { Mode = ImportMode.Lenient, Catalog = catalogs });
        Assert.Equal(1, result.Accepted);
        Assert.Contains("not in catalog default", result.Rejected.Single().Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_import_reports_bad_elements_with_line_and_path()
    {
        var json = """
            {"records": [
              {"id":"R1","date":"2024-01-05","division":"130602001001","item":"EL.01","method":"visit","personTimes":3,"households":1,"amount":"12.50"},
              {"id":"R2","date":"2024-01-05","division":"130602001001","item":"EL.01","method":"visit","personTimes":-3,"households":1},
              {"id":"R3","date":"2024-01-05","division":"130602001001","item":"EL.01","method":"visit","personTimes":3,"households":1,"colour":"red"},
              {"id":"R4","date":"2024-01-05","division":"130602001001","item":"EL.01","method":"visit","personTimes":3,"households":1,"amount":1.5}
            ]}
            """;
        var result = new JsonRecordImporter(new RecordImportOptions { Mode = ImportMode.Lenient }).Import(Encoding.UTF8.GetBytes(json), "records.json");
        Assert.Equal(4, result.Read);
        Assert.Equal(2, result.Accepted);
        Assert.Equal([(3, "$.records[1].personTimes"), (4, "$.records[2].colour")], result.Rejected.Select(r => (r.Line, r.Column)));
        Assert.Equal(1250 + 150, result.Batch.AmountFen.ToArray().Sum());
    }

    [Fact]
    public void Malformed_json_is_rejected_whole_with_its_line()
    {
        var ex = Assert.Throws<RecordImportException>(() => new JsonRecordImporter().Import(Encoding.UTF8.GetBytes("[\n{\"id\":\"R1\",}\n"), "bad.json"));
        Assert.Equal(2, ex.Row.Line);
    }

    [Fact]
    public void Json_report_has_the_contract_shape()
    {
        var result = Import(FiveKindsOfBadRows, ImportMode.Lenient);
        var cube = Cube.Build(result.Batch, new CubeQuery(DivisionLevel.Township, PeriodKind.Quarter, CubeDimension.Domain));
        var json = ReportWriter.ToJson(ReportDocument.From(cube, new ReportInput(result.Read, result.Accepted, result.Rejected.Count)));
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal(["level", "period", "by", "rows", "total", "input"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("township", root.GetProperty("level").GetString());
        Assert.Equal("quarter", root.GetProperty("period").GetString());
        Assert.Equal("domain", root.GetProperty("by").GetString());
        var row = root.GetProperty("rows")[0];
        Assert.Equal(["division", "period", "key", "records", "personTimes", "households", "amount", "visits", "files", "casework", "groups", "activities", "trainings", "others"], row.EnumerateObject().Select(p => p.Name));
        Assert.Equal("130602001000", row.GetProperty("division").GetString());
        Assert.Equal("2024-Q1", row.GetProperty("period").GetString());
        Assert.Contains("\"amount\": 1700.50", json, StringComparison.Ordinal);
        Assert.Equal(8, root.GetProperty("input").GetProperty("read").GetInt32());
        Assert.Equal(6, root.GetProperty("input").GetProperty("rejected").GetInt32());
    }

    [Fact]
    public void Csv_report_labels_keys_in_the_chosen_language()
    {
        var result = Import(FiveKindsOfBadRows, ImportMode.Lenient);
        var cube = Cube.Build(result.Batch, new CubeQuery(DivisionLevel.County, PeriodKind.Year, CubeDimension.Domain));
        var zh = new StringWriter();
        ReportWriter.WriteCsv(ReportDocument.From(cube), zh, new ReportLabels(System.Globalization.CultureInfo.GetCultureInfo("zh-CN")));
        Assert.Contains(",CG,社区治理,1,60,0,1700.50,", zh.ToString(), StringComparison.Ordinal);
        var en = new StringWriter();
        ReportWriter.WriteCsv(ReportDocument.From(cube), en, new ReportLabels(System.Globalization.CultureInfo.GetCultureInfo("en")));
        Assert.Contains(",EL,Elderly services,1,3,1,0.00,", en.ToString(), StringComparison.Ordinal);
    }
}
