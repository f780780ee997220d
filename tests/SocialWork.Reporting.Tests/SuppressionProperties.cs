using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace SocialWork.Reporting.Tests;

/// <summary>Small-cell suppression: nothing below k is published, no suppressed cell is alone in a line with a published total, nothing else changes.</summary>
public sealed class SuppressionProperties
{
    public sealed record Table(long[] Values, int[][] Lines, int K);

    public static class Tables
    {
        public static Arbitrary<Table> Table() => (
            from n in Gen.Choose(2, 30)
            from values in Gen.Choose(0, 12).Select(v => (long)v).ArrayOf(n)
            from lineCount in Gen.Choose(1, 6)
            from lines in Gen.Choose(0, n - 1).ArrayOf().Where(l => l.Distinct().Count() >= 2).Select(l => l.Distinct().ToArray()).ArrayOf(lineCount)
            from k in Gen.Choose(0, 10)
            select new Table(values, lines, k)).ToArbitrary();
    }

    [Property(Arbitrary = [typeof(Tables)], MaxTest = 500)]
    public bool No_published_cell_is_below_k_and_no_line_has_exactly_one_suppressed_cell(Table table)
    {
        var suppressed = SmallCellSuppression.Apply(table.Values, table.Lines, table.K);
        // A line whose other cells are all empty cannot hide its one sensitive cell (hiding a zero protects nothing).
        return Enumerable.Range(0, table.Values.Length).All(i => suppressed[i] || table.Values[i] == 0 || table.Values[i] >= table.K)
               && table.Lines.All(line => line.Count(c => suppressed[c]) != 1 || line.All(c => suppressed[c] || table.Values[c] == 0));
    }

    [Property(Arbitrary = [typeof(ReportingArbitraries)], MaxTest = 150)]
    public bool A_suppressed_report_keeps_every_published_row_and_the_total(ServiceRecord[] records, CubeQuery query, PositiveInt k)
    {
        var cube = Cube.Build(RecordBatch.From(records), query);
        var plain = ReportDocument.From(cube);
        var published = ReportDocument.From(cube, options: new ReportOptions { SuppressBelow = k.Get % 8 });
        var byPeople = plain.Total.People is not null;
        var rows = plain.Rows.Zip(published.Rows).ToList();
        return rows.All(p => p.First.Division == p.Second.Division && p.First.Period == p.Second.Period && p.First.Key == p.Second.Key)
               && rows.All(p => p.Second.Suppressed ? p.Second.Records is null && p.Second.Amount is null && p.Second.People is null : Json([p.First]) == Json([p.Second]))
               && rows.All(p => p.Second.Suppressed || (byPeople ? p.First.People : p.First.Records) is not (>= 1 and var v) || v >= k.Get % 8)
               && (rows.Count < 2 || rows.Count(p => p.Second.Suppressed) != 1)   // a one-row table is its total: nothing protects it
               && TotalJson(plain) == TotalJson(published);

        string Json(ReportRow[] rows) => ReportWriter.ToJson(new ReportDocument { Level = plain.Level, Period = plain.Period, By = plain.By, Rows = rows });

        string TotalJson(ReportDocument document)
        {
            using var json = System.Text.Json.JsonDocument.Parse(ReportWriter.ToJson(document));
            return json.RootElement.GetProperty("total").GetRawText();
        }
    }

    [Fact]
    public void A_suppressed_row_is_null_with_a_flag_in_json_and_a_star_with_a_footnote_in_csv()
    {
        // Three townships: 1 person, 1 person, 5 people. k = 3 hides the two small ones (each alone would be total − rest).
        var pool = ReportingArbitraries.PersonPool;
        var records = new List<ServiceRecord>
        {
            new("A", new LocalDate(2023, 1, 5), DivisionCode.Parse("130602005014"), ServiceCode.Parse("EL.01"), ServiceMethod.Visit, 1, person: pool[0]),
            new("B", new LocalDate(2023, 1, 5), DivisionCode.Parse("130602006001"), ServiceCode.Parse("EL.01"), ServiceMethod.Visit, 1, person: pool[1]),
        };
        records.AddRange(Enumerable.Range(2, 5).Select(i => new ServiceRecord($"C{i}", new LocalDate(2023, 1, 5), DivisionCode.Parse("130602007001"), ServiceCode.Parse("EL.01"), ServiceMethod.Visit, 1, person: pool[i])));
        var cube = Cube.Build(RecordBatch.From(records), new CubeQuery(DivisionLevel.Township, PeriodKind.Year));
        var document = ReportDocument.From(cube, options: new ReportOptions { SuppressBelow = 3 });

        Assert.Equal([true, true, false], document.Rows.Select(r => r.Suppressed));
        using var json = System.Text.Json.JsonDocument.Parse(ReportWriter.ToJson(document));
        var first = json.RootElement.GetProperty("rows")[0];
        Assert.Equal("130602005000", first.GetProperty("division").GetString());
        Assert.True(first.GetProperty("suppressed").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, first.GetProperty("records").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, first.GetProperty("personTimes").ValueKind);
        Assert.False(json.RootElement.GetProperty("rows")[2].TryGetProperty("suppressed", out _));
        Assert.Equal(7, json.RootElement.GetProperty("total").GetProperty("people").GetInt64());

        var csv = new StringWriter();
        ReportWriter.WriteCsv(document, csv, new ReportLabels(CultureInfo.GetCultureInfo("en")));
        var lines = csv.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith(",*,*,*,*,*,*,*,*,*,*,*", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("\"* suppressed: cells with fewer than 3 people", lines[^1], StringComparison.Ordinal);
    }

    [Property(Arbitrary = [typeof(Tables)], MaxTest = 300)]
    public bool A_zero_cell_is_never_suppressed_to_protect_another(Table table)
    {
        var suppressed = SmallCellSuppression.Apply(table.Values, table.Lines, table.K);
        return Enumerable.Range(0, table.Values.Length).All(i => !suppressed[i] || table.Values[i] > 0);
    }

    [Fact]
    public void A_row_whose_records_name_no_one_is_hidden_when_people_are_counted()
    {
        var pool = ReportingArbitraries.PersonPool;
        var records = new List<ServiceRecord> { new("N1", new LocalDate(2023, 1, 5), DivisionCode.Parse("130602005014"), ServiceCode.Parse("EL.01"), ServiceMethod.Visit, 4, amount: Money.FromYuan(300)) };
        records.AddRange(Enumerable.Range(0, 6).Select(i => new ServiceRecord($"P{i}", new LocalDate(2023, 1, 5), DivisionCode.Parse(i < 3 ? "130602006001" : "130602007001"), ServiceCode.Parse("EL.01"), ServiceMethod.Visit, 1, person: pool[i])));
        var cube = Cube.Build(RecordBatch.From(records), new CubeQuery(DivisionLevel.Township, PeriodKind.Year));

        var document = ReportDocument.From(cube, options: new ReportOptions { SuppressBelow = 3 });

        var street = document.Rows.Single(r => r.Division == DivisionCode.Parse("130602005"));
        Assert.True(street.Suppressed);
        Assert.Null(street.Amount);
        Assert.Equal(2, document.Rows.Count(r => r.Suppressed));   // and one more, so it is not the total minus the rest
        Assert.Equal(3, document.SuppressedBelow);
        Assert.Contains("\"suppressedBelow\": 3", ReportWriter.ToJson(document), StringComparison.Ordinal);
    }

    [Fact]
    public void Subtracting_the_county_report_from_the_township_report_recovers_no_hidden_row()
    {
        // County A: townships of 1, 20 and 20 people; county B: 10 and 10. The county report publishes A = 41 and B = 20.
        // Hiding A's small township and the report's smallest other row (B's 10: the report's own total alone allows that)
        // leaves A's small one equal to 41 − 20 − 20: the second hidden row must be in county A.
        var pool = Enumerable.Range(0, 61).Select(i => $"11010519800101{i:D3}").Select(first17 => PersonKey.Pseudonymize(first17 + ResidentIdNumber.CheckCharacter(first17), "socialwork-test-secret-32-bytes!"u8)).ToArray();
        var next = 0;
        var records = new List<ServiceRecord>();
        foreach (var (code, people) in new[] { ("130602005", 1), ("130602006", 20), ("130602007", 20), ("130603001", 10), ("130603002", 10) })
        {
            records.AddRange(Enumerable.Range(0, people).Select(_ => new ServiceRecord($"R{next}", new LocalDate(2023, 3, 1), DivisionCode.Parse(code + "001"), ServiceCode.Parse("EL.01"), ServiceMethod.Visit, 1, person: pool[next++])));
        }
        var township = ReportDocument.From(Cube.Build(RecordBatch.From(records), new CubeQuery(DivisionLevel.Township, PeriodKind.Year)), options: new ReportOptions { SuppressBelow = 3 });

        var hidden = township.Rows.Where(r => r.Suppressed).Select(r => r.Division.ToString()).ToList();
        Assert.Equal(2, hidden.Count);
        Assert.All(hidden, d => Assert.StartsWith("130602", d, StringComparison.Ordinal));
    }

    [Property(Arbitrary = [typeof(ReportingArbitraries)], MaxTest = 150)]
    public bool In_a_report_and_its_parent_report_no_line_has_exactly_one_hidden_row(ServiceRecord[] records, PositiveInt k, bool monthly)
    {
        var query = new CubeQuery(DivisionLevel.Township, monthly ? PeriodKind.Month : PeriodKind.Quarter, CubeDimension.Domain);
        var child = ReportDocument.From(Cube.Build(RecordBatch.From(records), query), options: new ReportOptions { SuppressBelow = 2 + (k.Get % 6) });
        // A line: the township rows under one county in one period and key — their sum is the county report's row.
        var lines = child.Rows.Select((r, i) => (r, i))
            .GroupBy(p => (p.r.Division.Level >= DivisionLevel.Township ? p.r.Division.AncestorAt(DivisionLevel.County) : p.r.Division, p.r.Period, p.r.Key))
            .Select(g => g.Select(p => p.r).ToList())
            .Append([.. child.Rows]);
        return lines.All(line => line.Count < 2 || line.Count(r => r.Suppressed) != 1);
    }

    [Fact]
    public void Csv_carries_the_people_columns_and_a_byte_order_mark_only_when_its_headers_are_for_people()
    {
        var pool = ReportingArbitraries.PersonPool;
        var records = new List<ServiceRecord>
        {
            new("A", new LocalDate(2023, 1, 5), DivisionCode.Parse("130602005014"), ServiceCode.Parse("EL.01"), ServiceMethod.Visit, 2, person: pool[0]),
            new("B", new LocalDate(2023, 1, 6), DivisionCode.Parse("130602005014"), ServiceCode.Parse("EL.01"), ServiceMethod.Visit, 1, person: pool[0]),
            new("C", new LocalDate(2023, 1, 7), DivisionCode.Parse("130602005014"), ServiceCode.Parse("EL.01"), ServiceMethod.Visit, 1),
        };
        var document = ReportDocument.From(Cube.Build(RecordBatch.From(records), new CubeQuery(DivisionLevel.Township, PeriodKind.Year)));

        var ids = new StringWriter();
        ReportWriter.WriteCsv(document, ids, new ReportLabels(CultureInfo.GetCultureInfo("zh-CN")));
        var labels = new StringWriter();
        ReportWriter.WriteCsv(document, labels, new ReportLabels(CultureInfo.GetCultureInfo("zh-CN")), ReportCsvHeaders.Labels);

        var idLines = ids.ToString().Split('\n');
        Assert.EndsWith(",trainings,others,people,records_without_person", idLines[0], StringComparison.Ordinal);
        Assert.EndsWith(",1,1", idLines[1], StringComparison.Ordinal);   // one person, one record naming no one
        Assert.NotEqual('\uFEFF', ids.ToString()[0]);
        Assert.Equal('\uFEFF', labels.ToString()[0]);
        Assert.EndsWith(",服务人数,未记服务对象的记录", labels.ToString().Split('\n')[0], StringComparison.Ordinal);

        var plain = new StringWriter();
        ReportWriter.WriteCsv(ReportDocument.From(Cube.Build(RecordBatch.From([records[2]]), new CubeQuery(DivisionLevel.Township, PeriodKind.Year))), plain, new ReportLabels(CultureInfo.GetCultureInfo("en")));
        Assert.EndsWith(",trainings,others", plain.ToString().Split('\n')[0], StringComparison.Ordinal);   // no one named: no people columns, as in JSON
    }
}
