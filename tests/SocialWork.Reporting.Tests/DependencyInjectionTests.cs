using Microsoft.Extensions.DependencyInjection;

namespace SocialWork.Reporting.Tests;

public class DependencyInjectionTests
{
    [Fact]
    public void Calls_to_AddSocialWorkReporting_compose_in_order()
    {
        var services = new ServiceCollection()
            .AddSocialWorkReporting(o => o with { Mode = ImportMode.Lenient, MaxRowLength = 1000 })
            .AddSocialWorkReporting(o => o with { Mode = ImportMode.Strict, Parallelism = 1 });
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<CsvRecordImporter>().Options;

        Assert.Equal((ImportMode.Strict, 1, 1000), (options.Mode, options.Parallelism, options.MaxRowLength));
        Assert.Same(options, provider.GetRequiredService<JsonRecordImporter>().Options);
    }

    [Fact]
    public void Importers_check_codes_against_the_catalogs_registered_with_the_rules()
    {
        var catalog = ServiceCatalogJson.Parse("""{"id":"county","extends":"default","effectiveFrom":"2024-01-01","items":[{"code":"EL.01","label":{"zh-CN":"探访"}}]}""");
        using var provider = new ServiceCollection()
            .AddSocialWorkRules(rules => rules.AddCatalog(catalog))
            .AddSocialWorkReporting(o => o with { Mode = ImportMode.Lenient })
            .BuildServiceProvider();
        var csv = "id,date,division,facility,item,method,person_times,households,amount\nR1,2024-03-01,130602001001,,EL.01,visit,1,1,\nR2,2024-03-01,130602001001,,EL.99,visit,1,1,\n";

        var result = provider.GetRequiredService<CsvRecordImporter>().Import(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv)), "r.csv");

        Assert.Same(provider.GetRequiredService<CatalogHistory>(), provider.GetRequiredService<RecordImportOptions>().Catalog);
        Assert.Equal("item", Assert.Single(result.Rejected).Column);
    }

    [Fact]
    public void Without_registered_catalogs_imports_do_not_check_codes()
    {
        using var provider = new ServiceCollection().AddSocialWorkReporting().BuildServiceProvider();
        Assert.Null(provider.GetRequiredService<RecordImportOptions>().Catalog);
    }
}
