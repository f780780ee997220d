namespace SocialWork.Samples.Console.Tests;

/// <summary>The demo stands on 竞秀区 as the statistics bureau's table has it, and has the seed's 76 community rooms.</summary>
public class DemoShapeTests
{
    private static readonly DemoData Demo = DemoData.Create();

    /// <summary>Rows of 竞秀区 from the test fixture cut from the bureau's table (code → name).</summary>
    private static Dictionary<string, string> Official()
    {
        var root = AppContext.BaseDirectory;
        while (!System.IO.File.Exists(Path.Combine(root, "SocialWork.slnx")))
        {
            root = Path.GetDirectoryName(root)!;
        }
        return System.IO.File.ReadAllLines(Path.Combine(root, "tests", "SocialWork.Abstractions.Tests", "Fixtures", "official-divisions.csv"))
            .Skip(1)
            .Select(line => line.Split(','))
            .Where(f => f[1].StartsWith("130602", StringComparison.Ordinal))
            .ToDictionary(f => f[1], f => f[2]);
    }

    [Fact]
    public void Every_division_of_the_demo_is_the_bureaus_code_and_name_and_none_is_left_out()
    {
        var official = Official();
        var demo = Demo.Directory.ToDictionary(d => d.Code.ToString("S", null), d => d.Name);

        Assert.Equal(official.OrderBy(kv => kv.Key, StringComparer.Ordinal), demo.OrderBy(kv => kv.Key, StringComparer.Ordinal));
        Assert.Equal(164, demo.Count);
    }

    [Fact]
    public void Jingxiu_has_five_streets_two_towns_three_townships_and_153_village_units()
    {
        var townships = Demo.Townships.Select(t => (t.ToString("S", null), Demo.Directory.TryGet(t, out var d) ? d.Name : "")).ToList();

        Assert.Equal(
            [("130602001", "先锋街道"), ("130602002", "新市场街道"), ("130602003", "东风路街道"), ("130602004", "建南街道"), ("130602005", "韩村北路街道"),
             ("130602100", "大激店镇"), ("130602101", "一亩泉镇"), ("130602200", "颉庄乡"), ("130602201", "富昌乡"), ("130602202", "韩村乡")],
            townships);
        Assert.Equal(153, Demo.Villages.Count);
        Assert.True(Demo.Directory.TryGet(DivisionCode.Parse("130602005014"), out var tianye));
        Assert.Equal("田野社区居民委员会", tianye.Name);
    }

    [Fact]
    public void The_demo_has_the_seeds_centre_ten_stations_and_76_rooms()
    {
        Assert.Single(Demo.Facilities, f => f.Tier == FacilityTier.CountyCenter);
        Assert.Equal(Demo.Townships, Demo.Facilities.Where(f => f.Tier == FacilityTier.TownshipStation).Select(f => f.Division));
        var rooms = Demo.Facilities.Where(f => f.Tier == FacilityTier.CommunityRoom).ToList();
        Assert.Equal(76, rooms.Count);
        Assert.All(rooms, r => Assert.Contains(r.Division, Demo.Villages));
        Assert.Equal(76, rooms.Select(r => r.Division).Distinct().Count());
    }
}
