using System.Globalization;
using System.Text;

namespace SocialWork.Reporting.Tests;

/// <summary>Memory follows the data, not the span of dates; a report that cannot be computed says so before allocating.</summary>
public class CubeLimitTests
{
    /// <summary>2,000 ordinary records in 2023 over 40 villages and 20 items, plus one dated 0001-01-01 and one 9999-12-31.</summary>
    private static RecordBatch SpanBatch()
    {
        var csv = new StringBuilder("id,date,division,facility,item,method,person_times,households,amount\n");
        csv.Append("R0,0001-01-01,130602001001,,EL.01,visit,1,1,\n");
        var start = new LocalDate(2023, 1, 1);
        for (var i = 1; i <= 2000; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"R{i},{start.PlusDays(i % 365):yyyy-MM-dd},1306020{1 + (i % 8):D2}{1 + (i % 5):D3},,EL.{1 + (i % 20):D2},visit,2,1,\n");
        }
        csv.Append("R9999,9999-12-31,130602001001,,EL.01,visit,1,1,\n");
        return new CsvRecordImporter().Import(new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())), "span.csv").Batch;
    }

    [Fact]
    public void Records_ten_thousand_years_apart_make_a_small_cube_at_village_month_item()
    {
        var batch = SpanBatch();
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var cube = Cube.Build(batch, new CubeQuery(DivisionLevel.Village, PeriodKind.Month, CubeDimension.Item) { Parallelism = 1 });

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.True(allocated < 256L << 20, $"allocated {allocated:N0} bytes");
        Assert.Equal(14, cube.Periods.Count);
        Assert.Equal(2002, cube.Total.Records);
        Assert.Equal(ReportingPeriod.OfMonth(1, 1), cube.Periods[0]);
        Assert.Equal(ReportingPeriod.OfMonth(9999, 12), cube.Periods[^1]);
    }

    [Fact]
    public void A_cube_over_the_budget_fails_before_allocating()
    {
        var batch = SpanBatch();
        var error = Assert.Throws<ReportLimitException>(() => Cube.Build(batch, new CubeQuery(DivisionLevel.Village, PeriodKind.Month, CubeDimension.Item) { MaxCells = 10_000 }));
        Assert.Contains("more than the budget of 10,000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Merging_parts_whose_union_exceeds_the_budget_fails_before_allocating()
    {
        var batch = SpanBatch();
        var query = new CubeQuery(DivisionLevel.Village, PeriodKind.Month, CubeDimension.Item) { Parallelism = 1 };
        // Each part is within the budget on its own; together they have 14 periods × 40 villages × 20 items.
        var parts = Enumerable.Range(0, 8).Select(p => Cube.Build(batch.Select([.. Enumerable.Range(0, batch.Count).Where(i => i % 8 == p)]), query)).ToList();
        var before = GC.GetAllocatedBytesForCurrentThread();   // the merge runs on this thread; other tests run beside it

        var error = Assert.Throws<ReportLimitException>(() => Cube.Merge(parts, maxCells: 5_000));

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1L << 20, "the merge allocated its cells before refusing");
        Assert.Contains("more than the budget of 5,000", error.Message, StringComparison.Ordinal);
        Assert.Equal(Cube.Build(batch, query).Total, Cube.Merge(parts, maxCells: 20_000).Total);
    }

    [Fact]
    public void Amounts_whose_sum_does_not_fit_are_a_report_limit_not_an_overflow()
    {
        var csv = "id,date,division,facility,item,method,person_times,households,amount\nR1,2024-01-05,130602001001,,EL,visit,1,1,92233720368547758.07\nR2,2024-01-05,130602001001,,EL,visit,1,1,92233720368547758.07\n";
        var batch = new CsvRecordImporter().Import(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "big.csv").Batch;
        foreach (var parallelism in new[] { 1, 2 })
        {
            var error = Assert.Throws<ReportLimitException>(() => Cube.Build(batch, new CubeQuery(DivisionLevel.County, PeriodKind.Year) { Parallelism = parallelism }));
            Assert.Contains("92,233,720,368,547,758.07 yuan", error.Message, StringComparison.Ordinal);
        }
    }
}
