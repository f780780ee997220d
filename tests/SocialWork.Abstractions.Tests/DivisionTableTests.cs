namespace SocialWork.Abstractions.Tests;

/// <summary>
/// Every code of the four county-less prefectures and of 竞秀区, cut from the statistics bureau's table
/// (Fixtures/README.md): each parses, and its level, parent and kind agree with the table and its names.
/// </summary>
public class DivisionTableTests
{
    private static readonly IReadOnlyList<Row> Table = Load();

    [Fact]
    public void The_fixture_holds_the_whole_cut()
    {
        Assert.Equal(1539, Table.Count);
        Assert.Equal(36 + 609, Table.Count(r => r.Code.StartsWith("4419", StringComparison.Ordinal) && r.Code.Length > 6));
        Assert.Equal(10 + 153, Table.Count(r => r.Code.StartsWith("130602", StringComparison.Ordinal) && r.Code.Length > 6));
    }

    [Fact]
    public void Every_official_code_parses_with_the_level_of_its_table()
    {
        foreach (var row in Table)
        {
            var code = Parse(row.Code);
            var expected = row.Table switch
            {
                "city" => DivisionLevel.Prefecture,

                // A county-less city's county-level entry repeats the city's own code (441900 = 4419 + 00).
                "area" => code.CountySegment == 0 ? DivisionLevel.Prefecture : DivisionLevel.County,
                "street" => DivisionLevel.Township,
                _ => DivisionLevel.Village,
            };
            Assert.True(expected == code.Level, $"{row.Code} {row.Name}: level {code.Level}, expected {expected}");
        }
    }

    [Fact]
    public void Every_official_code_has_the_parent_the_table_gives()
    {
        foreach (var row in Table.Where(r => r.Table is "street" or "village"))
        {
            Assert.True(Parse(row.Parent) == Parse(row.Code).Parent, $"{row.Code} {row.Name}: parent {Parse(row.Code).Parent}, table says {row.Parent}");
        }
    }

    [Fact]
    public void Townships_of_a_county_less_city_hang_under_the_city()
    {
        var dongcheng = DivisionCode.Parse("441900003000");
        Assert.Equal(DivisionLevel.Township, dongcheng.Level);
        Assert.Equal(DivisionKind.Street, dongcheng.Kind);
        Assert.Equal(DivisionCode.Parse("441900000000"), dongcheng.Parent);
        Assert.Equal(DivisionLevel.Prefecture, dongcheng.Parent.Level);
        Assert.Equal(DivisionCode.Parse("441900"), dongcheng.AncestorAt(DivisionLevel.County));
        Assert.Equal(DivisionKind.Town, DivisionCode.Parse("441900101").Kind);
        Assert.True(DivisionCode.Parse("441900").IsAncestorOf(DivisionCode.Parse("441900101201")));
    }

    [Fact]
    public void Every_official_name_agrees_with_the_kind_its_code_encodes()
    {
        foreach (var row in Table.Where(r => r.Table is "street" or "village"))
        {
            var code = Parse(row.Code);
            var expected = row.Table == "street" ? TownshipKind(code, row.Name) : VillageKind(code, row.Name);
            Assert.True(expected == code.Kind, $"{row.Code} {row.Name}: kind {code.Kind}, the name says {expected}");
        }
    }

    [Fact]
    public void The_official_cut_forms_a_directory_whose_children_follow_the_parents()
    {
        var directory = new DivisionDirectory(
            Table.Where(r => !(r.Table == "area" && Parse(r.Code).CountySegment == 0)).Select(r => new Division(Parse(r.Code), r.Name)),
            2023);
        var dongguan = DivisionCode.Parse("441900");
        Assert.Equal(36, directory.GetChildren(dongguan).Count);
        Assert.All(directory.GetChildren(dongguan), d => Assert.Equal(DivisionLevel.Township, d.Level));
        Assert.Equal(10, directory.GetChildren(DivisionCode.Parse("130602")).Count);
        Assert.Equal(153, directory.GetDescendants(DivisionCode.Parse("130602"), DivisionLevel.Village).Count);
        Assert.Contains(directory.GetAncestors(DivisionCode.Parse("441900003001")), d => d.Name == "东莞市");
    }

    private static DivisionKind TownshipKind(DivisionCode code, string name) => code.TownshipSegment >= 400
        ? DivisionKind.TownshipLike
        : name.EndsWith("街道", StringComparison.Ordinal) ? DivisionKind.Street
        : name.EndsWith('镇') ? DivisionKind.Town
        : name.EndsWith('乡') ? DivisionKind.Township
        : throw new InvalidOperationException($"{code} {name}: the name has no kind");

    private static DivisionKind VillageKind(DivisionCode code, string name) => code.VillageSegment >= 400
        ? DivisionKind.OtherVillageLevel
        : name.Contains("村委会", StringComparison.Ordinal) || name.Contains("村民委员会", StringComparison.Ordinal) ? DivisionKind.VillagersCommittee
        : name.Contains("居委会", StringComparison.Ordinal) || name.Contains("居民委员会", StringComparison.Ordinal) || name.EndsWith("社区", StringComparison.Ordinal) ? DivisionKind.ResidentsCommittee
        : throw new InvalidOperationException($"{code} {name}: the name has no kind");

    /// <summary>The table writes a prefecture with four digits; the code type takes 6, 9 or 12.</summary>
    private static DivisionCode Parse(string text) => DivisionCode.Parse(text.Length == 4 ? text + "00" : text);

    private static List<Row> Load()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "official-divisions.csv"));
        Assert.Equal("table,code,name,parent", lines[0]);
        return [.. lines.Skip(1).Select(line => line.Split(',')).Select(f => new Row(f[0], f[1], f[2], f[3]))];
    }

    private sealed record Row(string Table, string Code, string Name, string Parent);
}
