using System.Globalization;

namespace SocialWork.Reporting.Tests;

/// <summary>The five-society linkage report (五社联动): a record counts under each party it names; the total is the records'.</summary>
public sealed class PartyTests
{
    [Fact]
    public void A_record_naming_three_parties_counts_under_each_and_once_in_the_total()
    {
        var pool = ReportingArbitraries.PersonPool;
        var records = new[]
        {
            new ServiceRecord("A", new LocalDate(2023, 4, 2), DivisionCode.Parse("130602005014"), ServiceCode.Parse("CG"), ServiceMethod.Activity, 30,
                parties: LinkageParties.Community | LinkageParties.SocialWorker | LinkageParties.Volunteer, person: pool[0]),
            new ServiceRecord("B", new LocalDate(2023, 4, 3), DivisionCode.Parse("130602005014"), ServiceCode.Parse("CG"), ServiceMethod.Activity, 10,
                parties: LinkageParties.SocialWorker, person: pool[1]),
            new ServiceRecord("C", new LocalDate(2023, 4, 4), DivisionCode.Parse("130602005014"), ServiceCode.Parse("CG"), ServiceMethod.Visit, 2, person: pool[0]),
        };
        var cube = Cube.Build(RecordBatch.From(records), new CubeQuery(DivisionLevel.County, PeriodKind.Year, CubeDimension.Party));
        var county = DivisionCode.Parse("130602");
        var year = ReportingPeriod.OfYear(2023);

        Assert.True(cube.KeysOverlap);
        Assert.Equal(["", "community", "socialWorker", "volunteer"], cube.Keys);
        Assert.Equal((1L, 30L), (cube[county, year, "community"].Records, cube[county, year, "community"].PersonTimes));
        Assert.Equal((2L, 40L), (cube[county, year, "socialWorker"].Records, cube[county, year, "socialWorker"].PersonTimes));
        Assert.Equal(2, cube.PeopleAt(county, year, "socialWorker").People);
        Assert.Equal((3L, 42L), (cube.Total.Records, cube.Total.PersonTimes));
        Assert.Equal(2, cube.TotalPeople.People);
        Assert.Equal(cube.Total, cube.RollUp(DivisionLevel.Province).Total);

        var document = ReportDocument.From(cube);
        Assert.Contains("\"keysOverlap\": true", ReportWriter.ToJson(document), StringComparison.Ordinal);
        var csv = new StringWriter();
        ReportWriter.WriteCsv(document, csv, new ReportLabels(CultureInfo.GetCultureInfo("zh-CN")));
        Assert.Contains("社会工作者", csv.ToString(), StringComparison.Ordinal);
        Assert.Contains("各分类相加大于合计", csv.ToString(), StringComparison.Ordinal);
    }
}
