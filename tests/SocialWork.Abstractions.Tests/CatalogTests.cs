using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace SocialWork.Abstractions.Tests;

public class CatalogTests
{
    private const string CountyCatalog = """
        {
          "id": "130602-2024",
          "extends": "default",
          "jurisdiction": "130602",
          "effectiveFrom": "2024-01-01",
          "items": [
            { "code": "EL.01", "label": { "zh-CN": "独居老人探访", "en": "Visits to older people living alone" }, "serviceTypes": ["CARE"], "targetGroups": ["elderly"] },
            { "code": "CH.01", "label": { "zh-CN": "困境儿童关爱", "en": "Care for children in difficulty" }, "serviceTypes": ["COUN", "LINK"], "targetGroups": ["children"] },
            { "code": "SA.01", "label": { "zh-CN": "低保对象走访", "en": "Visits to minimum-living-allowance households" }, "serviceTypes": ["LINK"], "targetGroups": ["hardship"] }
          ],
          "relabel": [ { "code": "CG", "label": { "zh-CN": "社区治理与参与", "en": "Community governance and participation" } } ],
          "retire": [ { "code": "SA.01", "on": "2025-07-01" } ]
        }
        """;

    [Fact]
    public void Default_catalog_has_the_five_domains_and_five_types_with_the_exact_labels()
    {
        var catalog = ServiceCatalog.Default;
        Assert.Equal(["SA", "EL", "CH", "AF", "CG"], catalog.Domains.Select(d => d.Code));
        Assert.Equal(["社会救助", "老年服务", "儿童关爱", "社会事务", "社区治理"], catalog.Domains.Select(d => d.Label.Chinese));
        Assert.Equal(["CARE", "CAPA", "COUN", "INTG", "LINK"], catalog.ServiceTypes.Select(t => t.Code));
        Assert.Equal(["照料护理", "能力提升", "心理疏导", "社会融入", "资源链接"], catalog.ServiceTypes.Select(t => t.Label.Chinese));
        Assert.Equal(7, catalog.Methods.Count);
        Assert.Equal(5, catalog.TargetGroups.Count);
        Assert.Empty(catalog.Items);
    }

    [Fact]
    public void Default_catalog_round_trips_through_json_unchanged()
    {
        var json = ServiceCatalogJson.Serialize(ServiceCatalog.Default);
        Assert.Equal(json, ServiceCatalogJson.Serialize(ServiceCatalogJson.Parse(json)));
        Assert.Contains("社会救助", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Labels_fall_back_from_zh_to_en_to_the_code()
    {
        var catalog = ServiceCatalog.Default;
        Assert.Equal("老年服务", catalog.GetLabel("EL", CultureInfo.GetCultureInfo("zh-CN")));
        Assert.Equal("Elderly services", catalog.GetLabel("EL", CultureInfo.GetCultureInfo("en-GB")));
        Assert.Equal("个案服务", catalog.GetLabel("casework", CultureInfo.GetCultureInfo("zh-TW")));
        Assert.Equal("XX.99", catalog.GetLabel("XX.99", CultureInfo.GetCultureInfo("en")));
        Assert.Equal("仅中文", new LocalizedText("仅中文").For(CultureInfo.GetCultureInfo("en")));
    }

    [Fact]
    public void County_catalog_extends_the_default_without_copying_it()
    {
        var county = ServiceCatalogJson.Parse(CountyCatalog);
        Assert.Equal("default", county.BaseId);
        Assert.Equal(DivisionCode.Parse("130602"), county.Jurisdiction);
        Assert.Equal(3, county.Items.Count);
        Assert.Equal("社区治理与参与", county.GetLabel("CG", CultureInfo.GetCultureInfo("zh-CN")));
        Assert.True(county.IsActive(ServiceCode.Parse("SA.01"), new LocalDate(2025, 6, 30)));
        Assert.False(county.IsActive(ServiceCode.Parse("SA.01"), new LocalDate(2025, 7, 1)));
        Assert.True(county.IsActive(ServiceCode.Parse("EL"), new LocalDate(2025, 7, 1)));
        Assert.False(county.Contains(ServiceCode.Parse("EL.02")));
    }

    [Fact]
    public void Extension_serialises_as_the_differences_only()
    {
        var extension = ServiceCatalog.Default.Extend("c", new LocalDate(2024, 1, 1))
            .WithItem(new ServiceItem(ServiceCode.Parse("EL.01"), new LocalizedText("独居老人探访"), null, ["CARE"], ["elderly"]))
            .WithRetirement(ServiceCode.Parse("EL.01"), new LocalDate(2025, 1, 1));
        var json = ServiceCatalogJson.Serialize(extension);
        Assert.Contains("\"extends\": \"default\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("社会救助", json, StringComparison.Ordinal);
        var catalog = ServiceCatalogJson.Parse(json);
        Assert.Equal(new LocalDate(2025, 1, 1), catalog.Items.Single().RetiredOn);
    }

    [Fact]
    public void History_picks_the_version_in_force_and_diffs_versions()
    {
        var v1 = ServiceCatalog.Default.Extend("v1", new LocalDate(2023, 1, 1))
            .WithItem(new ServiceItem(ServiceCode.Parse("EL.01"), new LocalizedText("探访"), null, [], []))
            .WithItem(new ServiceItem(ServiceCode.Parse("SA.01"), new LocalizedText("走访"), null, [], []))
            .ApplyTo(ServiceCatalog.Default);
        var v2 = ServiceCatalogJson.Parse(CountyCatalog);
        var history = new CatalogHistory([v2, v1, ServiceCatalog.Default]);
        Assert.Equal("default", history.InForceOn(new LocalDate(2022, 12, 31))!.Id);
        Assert.Equal("v1", history.InForceOn(new LocalDate(2023, 6, 1))!.Id);
        Assert.Equal("130602-2024", history.InForceOn(new LocalDate(2024, 1, 1))!.Id);
        var diff = CatalogHistory.Diff(v1, v2);
        Assert.Equal(["CH.01"], diff.Added);
        Assert.Equal(["SA.01"], diff.Retired);
        Assert.Equal(["CG", "EL.01", "SA.01"], diff.Relabelled);
    }

    [Theory]
    [InlineData("""{"id":"x","domains":[{"code":"EL","label":{"zh-CN":"a"}},{"code":"EL","label":{"zh-CN":"b"}}]}""", "$.domains[1].code", "duplicate code 'EL'")]
    [InlineData("""{"id":"x","domains":[{"code":"EL","label":{"zh-CN":"a"}}],"items":[{"code":"ZZ.01","label":{"zh-CN":"b"}}]}""", "$.items[0].code", "domain 'ZZ', which is not in $.domains")]
    [InlineData("""{"id":"x","domains":[{"code":"EL","label":{"zh-CN":"a"}}],"items":[{"code":"EL.01","label":{"zh-CN":"b"},"serviceTypes":["MAGIC"]}]}""", "$.items[0].serviceTypes[0]", "unknown service type 'MAGIC'")]
    [InlineData("""{"id":"x","domains":[{"code":"EL","label":{"zh-CN":"a"}}],"items":[{"code":"EL-01","label":{"zh-CN":"b"}}]}""", "$.items[0].code", "item code 'EL-01'")]
    [InlineData("""{"id":"x","domains":[{"code":"EL","label":{"zh-CN":"a"}}],"items":[{"code":"EL.01","label":{"en":"only English"}}]}""", "$.items[0].label.zh-CN", "no zh-CN text")]
    [InlineData("""{"id":"x","domains":[{"code":"EL","label":{"zh-CN":"a"}}],"items":[{"code":"EL.01","label":{"zh-CN":"b"},"targetGroups":["pets"]}]}""", "$.items[0].targetGroups[0]", "unknown target group 'pets'")]
    [InlineData("""{"id":"x","domains":[{"code":"EL","label":{"zh-CN":"a"}}],"items":[{"code":"EL.01.01","label":{"zh-CN":"b"}}]}""", "$.items[0].code", "no parent item 'EL.01'")]
    [InlineData("""{"id":"x","domains":[],"colour":"red"}""", "$", "colour")]
    [InlineData("""{"id":"x","effectiveFrom":"2024-13-01"}""", "$.effectiveFrom", "'2024-13-01'")]
    [InlineData("""{"id":"x","extends":"nowhere"}""", "$.extends", "'nowhere' is not known")]
    [InlineData("""{"id":"x","extends":"default","retire":[{"code":"EL.07","on":"2024-01-01"}]}""", "$.retire[0].code", "'EL.07' is not in catalog 'default'")]
    [InlineData("""{"id":"x","methods":[{"code":"phone","label":{"zh-CN":"电话"}}]}""", "$.methods[0].code", "'phone' is not one of")]
    [InlineData("""{"id":"x","domains":[{"code":"EL","label":{"zh-CN":"a"}}""", "$", "")]
    public void Invalid_catalog_documents_fail_naming_the_json_path_and_the_defect(string json, string path, string defect)
    {
        var ex = Assert.Throws<CatalogException>(() => ServiceCatalogJson.Parse(json, "county.json"));
        Assert.Contains(ex.Problems, p => p.Path.StartsWith(path, StringComparison.Ordinal) && p.Message.Contains(defect, StringComparison.Ordinal));
        Assert.Contains("county.json", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hsds_export_has_one_term_per_language_and_imports_back()
    {
        var county = ServiceCatalogJson.Parse(CountyCatalog);
        var terms = HsdsTaxonomy.Export(county);
        var el01 = terms.Where(t => t.Code == "EL.01").ToList();
        Assert.Equal(["zh-CN", "en"], el01.Select(t => t.Language));
        Assert.Equal("130602-2024:EL:zh-CN", el01[0].ParentId);
        var json = HsdsTaxonomy.Serialize(terms);
        Assert.Contains("\"parent_id\"", json, StringComparison.Ordinal);
        var back = HsdsTaxonomy.Import(HsdsTaxonomy.Deserialize(json), county.Id);
        Assert.Equal(county.Items.Select(i => (i.Code, i.Label)), back.Items.Select(i => (i.Code, i.Label)));
        Assert.Equal(county.Domains, back.Domains);
        Assert.Equal(county.ServiceTypes, back.ServiceTypes);
    }

    public static class CatalogArbitraries
    {
        public static Arbitrary<ServiceCatalog> Catalog()
        {
            var items =
                from domain in Gen.Elements("SA", "EL", "CH", "AF", "CG")
                from number in Gen.Choose(1, 99)
                from zh in Gen.Elements("探访", "关爱", "走访", "培训")
                from en in Gen.Elements<string?>(null, "Visit", "Care")
                from types in Gen.SubListOf(["CARE", "CAPA", "COUN", "INTG", "LINK"])
                from groups in Gen.SubListOf(["hardship", "elderly", "children"])
                from retired in Gen.Elements<LocalDate?>(null, new LocalDate(2025, 1, 1))
                select new ServiceItem(ServiceCode.Parse($"{domain}.{number:D2}"), new LocalizedText(zh + number, en), en, [.. types], [.. groups], retired);
            return (from list in items.ListOf()
                    let unique = list.DistinctBy(i => i.Code).ToList()
                    from day in Gen.Choose(0, 3000)
                    select ServiceCatalog.Default.Extend("gen", new LocalDate(2018, 1, 1).PlusDays(day)) with { AddedItems = unique })
                .Select(e => e.ApplyTo(ServiceCatalog.Default))
                .ToArbitrary();
        }
    }

    [Property(Arbitrary = [typeof(CatalogArbitraries)])]
    public bool Generated_catalogs_round_trip_through_json(ServiceCatalog catalog)
    {
        var json = ServiceCatalogJson.Serialize(catalog);
        return json == ServiceCatalogJson.Serialize(ServiceCatalogJson.Parse(json));
    }
}
