namespace SocialWork.Abstractions.Tests;

public class DivisionDirectoryTests
{
    internal static DivisionDirectory Jingxiu()
    {
        var divisions = new List<Division> { new(DivisionCode.Parse("130602"), "竞秀区") };
        for (var t = 1; t <= 10; t++)
        {
            var township = DivisionCode.FromSegments(13, 6, 2, t);
            divisions.Add(new Division(township, $"镇街{t}"));
            for (var v = 1; v <= (t <= 6 ? 8 : 7); v++)
            {
                divisions.Add(new Division(DivisionCode.FromSegments(13, 6, 2, t, v), $"社区{t}-{v}"));
            }
        }
        return new DivisionDirectory(divisions, 2023);
    }

    [Fact]
    public void Jingxiu_shape_has_ten_townships_and_seventy_six_communities()
    {
        var directory = Jingxiu();
        var county = DivisionCode.Parse("130602");
        Assert.Equal(10, directory.GetChildren(county).Count);
        Assert.Equal(76, directory.GetDescendants(county, DivisionLevel.Village).Count);
        Assert.Equal(DivisionLevel.County, directory.TopLevel);
        Assert.Equal(2023, directory.Vintage);
    }

    [Fact]
    public void Ancestors_are_listed_nearest_first()
    {
        var ancestors = Jingxiu().GetAncestors(DivisionCode.Parse("130602001002"));
        Assert.Equal(["130602001000", "130602000000"], ancestors.Select(a => a.Code.ToString()));
    }

    [Fact]
    public void Duplicate_codes_and_missing_parents_are_all_reported()
    {
        var ex = Assert.Throws<DivisionDirectoryException>(() => new DivisionDirectory(
            [
                new(DivisionCode.Parse("130602"), "竞秀区"),
                new(DivisionCode.Parse("130602001"), "A"),
                new(DivisionCode.Parse("130602001"), "B"),
                new(DivisionCode.Parse("130602009001"), "orphan"),
            ],
            2023));
        Assert.Equal(2, ex.Problems.Count);
        Assert.Contains("130602001000 appears more than once", ex.Message, StringComparison.Ordinal);
        Assert.Contains("130602009001", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lookup_by_code_and_dense_index_agree()
    {
        var directory = Jingxiu();
        var code = DivisionCode.Parse("130602003004");
        Assert.True(directory.TryGet(code, out var division));
        Assert.Equal("社区3-4", division.Name);
        Assert.Equal(division, directory.At(directory.IndexOf(code)));
        Assert.Equal(-1, directory.IndexOf(DivisionCode.Parse("130602099000")));
        Assert.Throws<KeyNotFoundException>(() => directory[DivisionCode.Parse("130602099000")]);
    }

    [Fact]
    public void Divisions_enumerate_in_code_order()
    {
        var codes = Jingxiu().Select(d => d.Code).ToList();
        Assert.Equal(codes.Order(), codes);
    }
}
