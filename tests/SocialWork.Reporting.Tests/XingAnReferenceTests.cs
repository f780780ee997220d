namespace SocialWork.Reporting.Tests;

/// <summary>
/// Rebuilds 兴安盟's reported station figures: "走访入户1493户，建立档案231个，开展小组活动43次、个案服务20个、主题活动57场，
/// 慈善资源链接1.7万元，累计服务群众1.36万余人次".
/// </summary>
public class XingAnReferenceTests
{
    internal static readonly DivisionCode League = DivisionCode.Parse("152200");

    /// <summary>A record set shaped like the league's report, spread over 6 townships of 3 banners/cities.</summary>
    internal static List<ServiceRecord> Records()
    {
        var townships = new[] { "152201001", "152201002", "152221100", "152221101", "152222100", "152222200" }.Select(DivisionCode.Parse).ToArray();
        var records = new List<ServiceRecord>();
        var start = new LocalDate(2022, 1, 1);
        var n = 0;
        void Add(ServiceMethod method, int count, Func<int, int> personTimes, Func<int, int> households, string code, Func<int, long>? fen = null)
        {
            for (var i = 0; i < count; i++)
            {
                var township = townships[n % townships.Length];
                var village = DivisionCode.FromSegments(township.ProvinceSegment, township.PrefectureSegment, township.CountySegment, township.TownshipSegment, 1 + (n % 3));
                records.Add(new ServiceRecord($"R{n}", start.PlusDays(n % 365), village, ServiceCode.Parse(code), method, personTimes(i), households(i), Money.FromFen(fen?.Invoke(i) ?? 0)));
                n++;
            }
        }
        Add(ServiceMethod.Visit, 500, i => 3, i => i < 493 ? 3 : 0, "SA.01");               // 1,479 + 14 = 1,493 households
        records[^1] = new ServiceRecord(records[^1].Id, records[^1].Date, records[^1].Division, records[^1].Code, ServiceMethod.Visit, 3, 14);
        Add(ServiceMethod.File, 231, i => 1, i => 0, "EL.01");
        Add(ServiceMethod.Group, 43, i => 12, i => 0, "CH.01");
        Add(ServiceMethod.Casework, 20, i => 6, i => 0, "SA.02");
        Add(ServiceMethod.Activity, 57, i => 196, i => 0, "CG.01");
        Add(ServiceMethod.Other, 10, i => 8, i => 0, "AF", i => 170_000);                    // 10 × 1,700.00 = 17,000.00 yuan
        return records;
    }

    internal const long PersonTimes = (500 * 3) + 231 + (43 * 12) + (20 * 6) + (57 * 196) + (10 * 8);

    [Fact]
    public void League_total_reproduces_the_reported_figures()
    {
        var batch = RecordBatch.From(Records());
        var league = Cube.Build(batch, new CubeQuery(DivisionLevel.Prefecture, PeriodKind.Year));
        var figures = league[League, ReportingPeriod.OfYear(2022)];
        Assert.Equal(1493, figures.Households);
        Assert.Equal(231, figures.Files);
        Assert.Equal(43, figures.Groups);
        Assert.Equal(20, figures.Casework);
        Assert.Equal(57, figures.Activities);
        Assert.Equal(Money.Parse("17000.00"), figures.Amount);
        Assert.InRange(figures.PersonTimes, 13_600, 13_699);                            // "1.36万余人次"
        Assert.Equal(13_619, figures.PersonTimes);
        Assert.Equal(PersonTimes, figures.PersonTimes);
        Assert.Equal(figures, league.Total);
    }

    [Fact]
    public void Township_rows_add_up_to_the_league_figures()
    {
        var batch = RecordBatch.From(Records());
        var townships = Cube.Build(batch, new CubeQuery(DivisionLevel.Township, PeriodKind.Year));
        Assert.Equal(6, townships.Divisions.Count);
        var sum = Indicators.Sum(townships.Rows.Select(r => r.Indicators));
        Assert.Equal(1493, sum.Households);
        Assert.Equal(Money.Parse("17000"), sum.Amount);
        Assert.Equal(sum, townships.RollUp(DivisionLevel.Prefecture)[League, ReportingPeriod.OfYear(2022)]);
    }

    [Fact]
    public void Domains_split_the_figures_by_service_area()
    {
        var cube = Cube.Build(RecordBatch.From(Records()), new CubeQuery(DivisionLevel.Prefecture, PeriodKind.Year, CubeDimension.Domain));
        Assert.Equal(["AF", "CG", "CH", "EL", "SA"], cube.Keys);
        Assert.Equal(1493, cube[League, ReportingPeriod.OfYear(2022), "SA"].Households);
        Assert.Equal(Money.Parse("17000"), cube[League, ReportingPeriod.OfYear(2022), "AF"].Amount);
    }
}
