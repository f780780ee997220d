namespace SocialWork.Reporting.Tests;

/// <summary>Reports by service type (照料护理, 能力提升, 心理疏导, 社会融入, 资源链接) follow the catalog's item → type links.</summary>
public class ServiceTypeCubeTests
{
    private static readonly ServiceCatalog Catalog = ServiceCatalogJson.Parse("""
        {"id":"t","extends":"default","items":[
          {"code":"EL.01","label":{"zh-CN":"独居老人探访"},"serviceTypes":["CARE"]},
          {"code":"SA.01","label":{"zh-CN":"低保对象走访"},"serviceTypes":["LINK","CARE"]},
          {"code":"CH.01","label":{"zh-CN":"儿童之家活动"}}]}
        """);

    private static ServiceRecord R(string id, string code, int personTimes)
        => new(id, new LocalDate(2023, 5, 1), DivisionCode.Parse("130602005014"), ServiceCode.Parse(code), ServiceMethod.Visit, personTimes, 1);

    [Fact]
    public void Each_record_counts_once_under_its_items_primary_type_and_the_types_add_up_to_the_total()
    {
        var batch = RecordBatch.From([R("a", "EL.01", 3), R("b", "SA.01", 5), R("c", "CH.01", 7), R("d", "EL", 11), R("e", "EL.99", 13)]);

        var cube = Cube.Build(batch, new CubeQuery(DivisionLevel.Township, PeriodKind.Year, CubeDimension.ServiceType) { Catalog = Catalog });

        var byType = cube.Rows.ToDictionary(r => r.Key, r => r.Indicators.PersonTimes);
        Assert.Equal(3, byType["CARE"]);
        Assert.Equal(5, byType["LINK"]);
        Assert.Equal(7 + 11 + 13, byType[string.Empty]);
        Assert.Equal(cube.Total.PersonTimes, byType.Values.Sum());
        Assert.Equal("资源链接", new ReportLabels(System.Globalization.CultureInfo.GetCultureInfo("zh-CN"), Catalog).Key("LINK"));
    }

    [Fact]
    public void A_report_by_service_type_without_a_catalog_says_what_it_needs()
    {
        var batch = RecordBatch.From([R("a", "EL.01", 3)]);

        var error = Assert.Throws<ArgumentException>(() => Cube.Build(batch, new CubeQuery(DivisionLevel.Township, PeriodKind.Year, CubeDimension.ServiceType)));

        Assert.Contains("CubeQuery.Catalog", error.Message, StringComparison.Ordinal);
    }
}
