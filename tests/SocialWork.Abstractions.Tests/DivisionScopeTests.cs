using FsCheck.Xunit;

namespace SocialWork.Abstractions.Tests;

[Properties(Arbitrary = [typeof(Arbitraries)])]
public class DivisionScopeTests
{
    private static readonly DivisionCode Jingxiu = DivisionCode.Parse("130602");
    private static readonly DivisionCode Hancunbeilu = DivisionCode.Parse("130602005");

    [Fact]
    public void A_district_scope_contains_its_streets_and_communities_but_not_its_neighbour_or_its_city()
    {
        var scope = DivisionScope.Of(Jingxiu);
        Assert.True(scope.Contains(Jingxiu));
        Assert.True(scope.Contains(Hancunbeilu));
        Assert.True(scope.Contains(DivisionCode.Parse("130602005001")));
        Assert.False(scope.Contains(DivisionCode.Parse("130603")));
        Assert.False(scope.Contains(DivisionCode.Parse("130600")));
    }

    [Fact]
    public void The_empty_scope_contains_nothing_and_overlaps_nothing()
    {
        Assert.True(DivisionScope.Empty.IsEmpty);
        Assert.False(DivisionScope.Empty.Contains(Jingxiu));
        Assert.False(DivisionScope.Empty.Overlaps(0, long.MaxValue));
        Assert.Equal(DivisionScope.Empty, DivisionScope.Parse("  "));
    }

    [Fact]
    public void A_division_inside_another_of_the_scope_is_dropped()
    {
        var scope = DivisionScope.Of(Hancunbeilu, Jingxiu, DivisionCode.Parse("130603"));
        Assert.Equal([Jingxiu, DivisionCode.Parse("130603")], scope.Divisions);
        Assert.Equal("130602000000,130603000000", scope.ToString());
        Assert.Equal(scope, DivisionScope.Parse(scope.ToString()));
    }

    [Fact]
    public void A_township_of_a_city_without_counties_is_inside_the_city()
        => Assert.True(DivisionScope.Of(DivisionCode.Parse("441900")).Contains(DivisionCode.Parse("441900003000")));

    [Fact]
    public void Intersecting_with_a_division_keeps_what_both_allow()
    {
        var scope = DivisionScope.Of(Hancunbeilu, DivisionCode.Parse("130603"));
        Assert.Equal([Hancunbeilu], scope.Intersect(Jingxiu).Divisions);
        Assert.Equal([DivisionCode.Parse("130602005002")], scope.Intersect(DivisionCode.Parse("130602005002")).Divisions);
        Assert.True(scope.Intersect(DivisionCode.Parse("130602001")).IsEmpty);
    }

    [Fact]
    public void Parse_names_the_part_that_is_not_a_code()
        => Assert.Contains("1306x2", Assert.Throws<FormatException>(() => DivisionScope.Parse("130602, 1306x2")).Message, StringComparison.Ordinal);

    [Fact]
    public void Default_division_codes_are_refused()
        => Assert.Throws<ArgumentException>(() => DivisionScope.Of(default(DivisionCode)));

    [Property]
    public bool Contains_is_containment_by_any_division_of_the_scope(DivisionCode[] divisions, DivisionCode probe)
        => DivisionScope.Of(divisions).Contains(probe) == divisions.Any(d => d.Contains(probe));

    [Property]
    public bool Overlaps_is_true_exactly_when_a_division_of_the_range_could_be_inside(DivisionCode[] divisions, DivisionCode a, DivisionCode b)
    {
        var (first, last) = a.Value <= b.Value ? (a.Value, b.Value) : (b.Value, a.Value);
        var expected = divisions.Any(d => d.Value <= last && d.LastContainedValue >= first);
        return DivisionScope.Of(divisions).Overlaps(first, last) == expected;
    }

    [Property]
    public bool Intersection_contains_what_both_scopes_contain(DivisionCode[] left, DivisionCode[] right, DivisionCode probe)
    {
        var a = DivisionScope.Of(left);
        var b = DivisionScope.Of(right);
        var both = a.Intersect(b);
        return both.Contains(probe) == (a.Contains(probe) && b.Contains(probe)) && a.Covers(both) && b.Covers(both);
    }

    [Property]
    public bool Text_round_trips(DivisionCode[] divisions)
    {
        var scope = DivisionScope.Of(divisions);
        return DivisionScope.Parse(scope.ToString()).Equals(scope) && scope.GetHashCode() == DivisionScope.Of(divisions.Reverse()).GetHashCode();
    }
}
