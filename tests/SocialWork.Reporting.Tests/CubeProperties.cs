using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace SocialWork.Reporting.Tests;

[Properties(Arbitrary = [typeof(ReportingArbitraries)], MaxTest = 200)]
public class CubeProperties
{
    [Property]
    public bool Addition_is_associative(Indicators a, Indicators b, Indicators c) => (a + b) + c == a + (b + c);

    [Property]
    public bool Addition_is_commutative(Indicators a, Indicators b) => a + b == b + a;

    [Property]
    public bool Zero_is_the_identity(Indicators a) => a + Indicators.Zero == a && Indicators.Zero + a == a;

    [Property]
    public bool Cube_total_equals_the_sum_of_its_rows_and_of_the_records(ServiceRecord[] records, CubeQuery query)
    {
        var cube = Cube.Build(RecordBatch.From(records), query);
        var rows = Indicators.Sum(cube.Rows.Select(r => r.Indicators));
        return (cube.KeysOverlap ? rows.Records >= cube.Total.Records && rows.PersonTimes >= cube.Total.PersonTimes : cube.Total == rows)
               && cube.Total == Indicators.Sum(records.Select(Indicators.Of));
    }

    [Property]
    public bool Report_method_columns_add_up_to_records_in_json_and_csv(ServiceRecord[] records, CubeQuery query)
    {
        var document = ReportDocument.From(Cube.Build(RecordBatch.From(records), query), new ReportInput(records.Length, records.Length, 0));
        var csv = new StringWriter();
        ReportWriter.WriteCsv(document, csv, new ReportLabels(System.Globalization.CultureInfo.InvariantCulture, ServiceCatalog.Default));
        var csvRowsAddUp = csv.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(document.Rows.Count)
            .Select(line => line.Split(',')[^(11 + (document.Total.People is null ? 0 : 2))..].Take(11).Select(v => decimal.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray())
            .All(v => v[0] == v[4..].Sum());
        return csvRowsAddUp && document.Rows.Append<ReportIndicators>(document.Total)
            .All(r => r.Records == r.Visits + r.Files + r.Casework + r.Groups + r.Activities + r.Trainings + r.Others);
    }

    [Property]
    public bool Roll_up_equals_the_cube_built_at_the_parent_level(ServiceRecord[] records, CubeQuery query)
    {
        var batch = RecordBatch.From(records);
        var village = Cube.Build(batch, query with { Level = DivisionLevel.Village });
        var direct = Cube.Build(batch, query);
        return village.RollUp(query.Level).Rows.SequenceEqual(direct.Rows);
    }

    [Property]
    public bool Merge_of_split_batches_equals_the_whole(ServiceRecord[] records, CubeQuery query, PositiveInt cut)
    {
        var at = records.Length == 0 ? 0 : cut.Get % (records.Length + 1);
        var whole = Cube.Build(RecordBatch.From(records), query);
        var merged = Cube.Merge(Cube.Build(RecordBatch.From(records[..at]), query), Cube.Build(RecordBatch.From(records[at..]), query));
        return merged.Rows.SequenceEqual(whole.Rows) && merged.Total == whole.Total;
    }

    [Property]
    public bool Rows_are_sorted_by_division_period_and_key(ServiceRecord[] records, CubeQuery query)
    {
        var rows = Cube.Build(RecordBatch.From(records), query).Rows.ToList();
        return rows.Zip(rows.Skip(1)).All(p =>
        {
            var byDivision = p.First.Division.CompareTo(p.Second.Division);
            var byPeriod = p.First.Period.CompareTo(p.Second.Period);
            return byDivision < 0 || (byDivision == 0 && (byPeriod < 0 || (byPeriod == 0 && string.CompareOrdinal(p.First.Key, p.Second.Key) < 0)));
        });
    }

    [Property]
    public bool Parallel_and_single_thread_agree(ServiceRecord[] records, CubeQuery query)
    {
        // Work is split only past MinRecordsPerThread records per thread; lowered here so generated batches reach the
        // per-thread accumulators and the banded merge.
        var batch = RecordBatch.From(records);
        var single = Cube.Build(batch, query with { Parallelism = 1 });
        var parallel = Cube.Build(batch, query with { Parallelism = 4, MinRecordsPerThread = 1 });
        return single.Rows.SequenceEqual(parallel.Rows) && single.Total == parallel.Total
               && single.TotalPeople == parallel.TotalPeople
               && single.Rows.All(r => single.PeopleAt(r.Division, r.Period, r.Key) == parallel.PeopleAt(r.Division, r.Period, r.Key));
    }

    [Property]
    public bool Date_range_keeps_exactly_the_records_inside(ServiceRecord[] records, PositiveInt offset)
    {
        var from = new LocalDate(2023, 1, 1).PlusDays(offset.Get % 400);
        var to = from.PlusDays(90);
        var cube = Cube.Build(RecordBatch.From(records), new CubeQuery(DivisionLevel.Province, PeriodKind.Month) { From = from, To = to });
        return cube.Total == Indicators.Sum(records.Where(r => r.Date >= from && r.Date <= to).Select(Indicators.Of));
    }
}

public class CubeTests
{
    [Fact]
    public void Addition_throws_on_overflow_instead_of_wrapping()
    {
        var big = new Indicators(0, 0, 0, 0, 0, 0, 0, 0, 0, long.MaxValue);
        Assert.Throws<OverflowException>(() => big + new Indicators(0, 0, 0, 0, 0, 0, 0, 0, 0, 1));
    }

    [Fact]
    public void Record_coded_above_the_level_stays_at_its_own_code()
    {
        var records = new[]
        {
            new ServiceRecord("1", new LocalDate(2024, 1, 5), DivisionCode.Parse("130602"), ServiceCode.Parse("EL"), ServiceMethod.Training, 30),
            new ServiceRecord("2", new LocalDate(2024, 1, 6), DivisionCode.Parse("130602001001"), ServiceCode.Parse("EL"), ServiceMethod.Visit, 2, 1),
        };
        var cube = Cube.Build(RecordBatch.From(records), new CubeQuery(DivisionLevel.Township, PeriodKind.Month));
        Assert.Equal(["130602000000", "130602001000"], cube.Divisions.Select(d => d.ToString()));
        Assert.Equal(1, cube[DivisionCode.Parse("130602"), ReportingPeriod.OfMonth(2024, 1)].Trainings);
    }

    [Fact]
    public void Batch_puts_shuffled_records_in_date_order_keeping_rows_together_in_at_most_32_bytes_per_record()
    {
        const int N = 200_000;
        var division = DivisionCode.Parse("130602001001");
        var code = ServiceCode.Parse("EL.01");
        var start = new LocalDate(2024, 1, 1);
        var order = Enumerable.Range(0, N).ToArray();
        new Random(5).Shuffle(order);
        var batch = Build();

        // The bytes of the columns the batch holds, measured on the arrays themselves.
        long[] lengths = [batch.Cells.Division.Length * 4L, batch.Cells.Day.Length * 4L, batch.Cells.Code.Length * 2L, batch.Cells.Programme.Length * 2L,
            batch.Cells.Method.Length, batch.Cells.TargetGroup.Length, batch.PartiesColumn.Length, batch.PersonTimesColumn.Length * 4L,
            batch.HouseholdsColumn.Length * 4L, batch.FenColumn.Length * 8L, batch.DayStarts.Length * 4L];
        var perRecord = (double)lengths.Sum() / N;
        Assert.True(perRecord <= 32, $"{perRecord:F1} bytes per record");
        var days = batch.DayNumbers.ToArray();
        Assert.True(days.Zip(days.Skip(1)).All(p => p.First <= p.Second));
        var fen = batch.AmountFen.ToArray();
        Assert.True(Enumerable.Range(0, N).All(i => start.PlusDays((int)(fen[i] / 1000)) == DayNumber.ToDate(days[i])), "a row's amount left its date");
        Assert.Equal(Enumerable.Range(0, N).Select(i => (long)i), fen.Order());
        GC.KeepAlive(batch);

        RecordBatch Build()
        {
            var builder = new RecordBatchBuilder(N);
            foreach (var i in order)
            {
                builder.Append(division, start.PlusDays(i / 1000), code, ServiceMethod.Visit, 1, 1, Money.FromFen(i));
            }
            return builder.Build();
        }
    }

    [Fact]
    public void Lookup_of_a_missing_cell_is_zero()
    {
        var cube = Cube.Build(RecordBatch.From(XingAnReferenceTests.Records()), new CubeQuery(DivisionLevel.County, PeriodKind.Quarter));
        Assert.False(cube.TryGet(DivisionCode.Parse("110101"), ReportingPeriod.OfQuarter(2022, 1), "", out var none));
        Assert.Equal(Indicators.Zero, none);
        Assert.Equal(4, cube.Periods.Count);
    }
}
