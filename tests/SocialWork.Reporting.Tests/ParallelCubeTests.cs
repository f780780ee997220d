namespace SocialWork.Reporting.Tests;

/// <summary>
/// The cube splits a batch over threads only from 65,536 records per thread, which the generated properties never
/// reach; these batches are large enough for two to four threads whose slices share their end periods.
/// </summary>
public class ParallelCubeTests
{
    public static TheoryData<CubeQuery> Queries => new()
    {
        new CubeQuery(DivisionLevel.Township, PeriodKind.Month, CubeDimension.Domain),
        new CubeQuery(DivisionLevel.Village, PeriodKind.Year, CubeDimension.Item),
        new CubeQuery(DivisionLevel.County, PeriodKind.Quarter, CubeDimension.Method) { Within = DivisionCode.Parse("130602") },
        new CubeQuery(DivisionLevel.Township, PeriodKind.Month, CubeDimension.TargetGroup) { From = new LocalDate(2023, 3, 15), To = new LocalDate(2024, 2, 10) },
        new CubeQuery(DivisionLevel.Township, PeriodKind.Quarter, CubeDimension.Programme),
        new CubeQuery(DivisionLevel.County, PeriodKind.Month, CubeDimension.ServiceType) { Catalog = ServiceCatalogJson.Parse("""{"id":"t","extends":"default","items":[{"code":"EL.01","label":{"zh-CN":"独居老人探访"},"serviceTypes":["CARE"]}]}""") },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public void Threads_give_the_single_thread_cube(CubeQuery query)
    {
        var batch = Batch(300_000, maxFen: 1_000_000);
        var single = Cube.Build(batch, query with { Parallelism = 1 });
        foreach (var threads in new[] { 2, 3, 4 })
        {
            var parallel = Cube.Build(batch, query with { Parallelism = threads });
            Assert.Equal(single.Total, parallel.Total);
            Assert.Equal(single.Rows, parallel.Rows);
        }
    }

    [Fact]
    public void Threads_add_amounts_with_overflow_checks_when_they_could_overflow()
    {
        var batch = Batch(200_000, maxFen: long.MaxValue / 100_000);
        var query = new CubeQuery(DivisionLevel.County, PeriodKind.Month) { Parallelism = 3 };
        Assert.Equal(Cube.Build(batch, query with { Parallelism = 1 }).Rows, Cube.Build(batch, query).Rows);
    }

    private static RecordBatch Batch(int count, long maxFen)
    {
        var random = new Random(7);
        var builder = new RecordBatchBuilder(count);
        string[] codes = ["SA", "EL.01", "EL.02", "CH.01", "CG.03"];
        string[] programmes = ["", "bee", "venture"];
        var start = new LocalDate(2023, 1, 1);
        for (var i = 0; i < count; i++)
        {
            var county = random.Next(1, 4);
            var township = random.Next(0, 5);
            builder.Append(
                DivisionCode.FromSegments(13, 6, county, township, township == 0 ? 0 : random.Next(0, 4)),
                start.PlusDays(random.Next(0, 600)),
                ServiceCode.Parse(codes[random.Next(codes.Length)]),
                (ServiceMethod)random.Next(7),
                random.Next(0, 300),
                random.Next(0, 20),
                Money.FromFen(random.NextInt64(0, maxFen)),
                group: random.Next(6) is var g && g == 0 ? null : (TargetGroup)(g - 1),
                programmeId: programmes[random.Next(programmes.Length)]);
        }
        return builder.Build();
    }
}
