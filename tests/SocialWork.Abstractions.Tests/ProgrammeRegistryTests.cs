namespace SocialWork.Abstractions.Tests;

/// <summary>The programmes of the seed can be said: 蜜蜂计划's sub-plans, a 公益创投 round's projects, 兴安盟's pilots.</summary>
public class ProgrammeRegistryTests
{
    private static readonly LocalDate Start = new(2021, 5, 18);

    private static ProgrammeRegistry BeePlanAndVenture() => new(
    [
        new("bee", new("蜜蜂计划", "Bee Plan"), ProgrammeKind.BrandPlan, Start),
        new("bee-warm", new("暖阳"), ProgrammeKind.SubPlan, Start, parentId: "bee"),
        new("bee-age", new("乐龄"), ProgrammeKind.SubPlan, Start, parentId: "bee"),
        new("bee-young", new("雏鹰"), ProgrammeKind.SubPlan, Start, parentId: "bee"),
        new("bee-home", new("乐居"), ProgrammeKind.SubPlan, Start, parentId: "bee"),
        new("venture", new("公益创投"), ProgrammeKind.VentureFunding, Start),
        .. Enumerable.Range(1, 65).Select(n => new Programme($"venture-{n:D2}", new($"项目{n}"), ProgrammeKind.VentureProject, Start, parentId: "venture")),
    ]);

    [Fact]
    public void Sub_plans_and_projects_roll_up_to_their_programme_and_projects_are_counted()
    {
        var registry = BeePlanAndVenture();

        Assert.Equal("bee", registry.RootOf("bee-young"));
        Assert.Equal("venture", registry.RootOf("venture-65"));
        Assert.Equal("unknown", registry.RootOf("unknown"));
        Assert.Equal(["暖阳", "乐龄", "雏鹰", "乐居"], registry.ChildrenOf("bee").Select(p => p.Name.Chinese));
        Assert.Equal(65, registry.CountProjects("venture"));
        Assert.Equal(0, registry.CountProjects("bee"));
        Assert.Equal("Bee Plan", registry.GetName("bee", System.Globalization.CultureInfo.GetCultureInfo("en")));
        Assert.Equal("蜜蜂计划", registry.GetName("bee", System.Globalization.CultureInfo.GetCultureInfo("zh-CN")));
    }

    [Fact]
    public void Xingan_leagues_seven_linkage_pilots_and_one_three_regions_project_can_be_counted()
    {
        var registry = new ProgrammeRegistry(
        [
            .. Enumerable.Range(1, 7).Select(n => new Programme($"wslc-{n}", new($"五社联动试点项目{n}"), ProgrammeKind.FiveSocietyLinkage, Start)),
            new("sanqu", new("三区计划项目"), ProgrammeKind.ThreeRegions, Start),
        ]);

        Assert.Equal(7, registry.Count(ProgrammeKind.FiveSocietyLinkage));
        Assert.Equal(1, registry.Count(ProgrammeKind.ThreeRegions));
    }

    [Fact]
    public void A_registry_refuses_repeated_ids_missing_parents_and_cycles()
    {
        Assert.Contains("more than once", Assert.Throws<ArgumentException>(() => new ProgrammeRegistry([new("a", new("甲"), ProgrammeKind.Other, Start), new("a", new("乙"), ProgrammeKind.Other, Start)])).Message, StringComparison.Ordinal);
        Assert.Contains("not in the registry", Assert.Throws<ArgumentException>(() => new ProgrammeRegistry([new("a", new("甲"), ProgrammeKind.SubPlan, Start, parentId: "x")])).Message, StringComparison.Ordinal);
        Assert.Contains("cycle", Assert.Throws<ArgumentException>(() => new ProgrammeRegistry([new("a", new("甲"), ProgrammeKind.SubPlan, Start, parentId: "b"), new("b", new("乙"), ProgrammeKind.SubPlan, Start, parentId: "a")])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new Programme("p", new("项目"), ProgrammeKind.VentureProject, Start));
    }
}
