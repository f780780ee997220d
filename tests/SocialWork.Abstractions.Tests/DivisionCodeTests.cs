using FsCheck.Xunit;

namespace SocialWork.Abstractions.Tests;

[Properties(Arbitrary = [typeof(Arbitraries)])]
public class DivisionCodeTests
{
    [Fact]
    public void Six_digit_county_code_is_normalised_with_parent_prefecture()
    {
        var code = DivisionCode.Parse("130602");
        Assert.Equal(DivisionLevel.County, code.Level);
        Assert.Equal("130602000000", code.ToString());
        Assert.Equal(DivisionCode.Parse("130600000000"), code.Parent);
        Assert.Equal(DivisionLevel.Prefecture, code.Parent.Level);
    }

    [Fact]
    public void Twelve_digit_code_with_township_segment_is_a_township()
    {
        var code = DivisionCode.Parse("130602001000");
        Assert.Equal(DivisionLevel.Township, code.Level);
        Assert.Equal(DivisionKind.Street, code.Kind);
        Assert.Equal(DivisionCode.Parse("130602"), code.Parent);
    }

    [Fact]
    public void Nine_digit_code_is_padded_to_twelve()
        => Assert.Equal("130602001000", DivisionCode.Parse("130602001").ToString());

    [Theory]
    [InlineData("13060200100", "has 11 characters")]
    [InlineData("13060a", "'a'")]
    [InlineData("130602000001", "village segment under a zero township segment")]
    [InlineData("000000", "zero province segment")]
    [InlineData("130000001000", "under a zero prefecture segment")]
    [InlineData("", "has 0 characters")]
    public void Invalid_codes_are_rejected_with_a_message_naming_the_value(string text, string defect)
    {
        var ex = Assert.Throws<FormatException>(() => DivisionCode.Parse(text));
        Assert.Contains($"'{text}'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(defect, ex.Message, StringComparison.Ordinal);
        Assert.False(DivisionCode.TryParse(text, out _));
    }

    [Theory]
    [InlineData("640323101001", DivisionKind.ResidentsCommittee)]
    [InlineData("640323101200", DivisionKind.VillagersCommittee)]
    [InlineData("640323101000", DivisionKind.Town)]
    [InlineData("130602001000", DivisionKind.Street)]
    [InlineData("152221200000", DivisionKind.Township)]
    [InlineData("152221400000", DivisionKind.TownshipLike)]
    [InlineData("152221700000", DivisionKind.OtherTownshipLevel)]
    [InlineData("152221200450", DivisionKind.OtherVillageLevel)]
    [InlineData("150000", DivisionKind.Province)]
    [InlineData("152200", DivisionKind.Prefecture)]
    [InlineData("152221", DivisionKind.County)]
    public void Kind_is_read_from_the_segment_ranges(string text, DivisionKind kind)
        => Assert.Equal(kind, DivisionCode.Parse(text).Kind);

    [Fact]
    public void Province_has_no_parent()
    {
        var province = DivisionCode.Parse("130000");
        Assert.False(province.HasParent);
        Assert.Throws<InvalidOperationException>(() => province.Parent);
    }

    [Fact]
    public void Ancestor_at_a_level_zeroes_the_lower_segments()
    {
        var village = DivisionCode.Parse("130602001002");
        Assert.Equal("130000000000", village.AncestorAt(DivisionLevel.Province).ToString());
        Assert.Equal("130602000000", village.AncestorAt(DivisionLevel.County).ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => DivisionCode.Parse("130602").AncestorAt(DivisionLevel.Township));
    }

    [Fact]
    public void Short_format_keeps_the_level()
    {
        Assert.Equal("130602", DivisionCode.Parse("130602").ToString("S", null));
        Assert.Equal("130602001", DivisionCode.Parse("130602001").ToString("S", null));
        Assert.Equal("130602001002", DivisionCode.Parse("130602001002").ToString("S", null));
    }

    [Fact]
    public void TryFormat_writes_into_a_span_and_refuses_a_short_one()
    {
        Span<char> buffer = stackalloc char[12];
        Assert.True(DivisionCode.Parse("130602").TryFormat(buffer, out var written));
        Assert.Equal("130602000000", buffer[..written].ToString());
        Assert.False(DivisionCode.Parse("130602").TryFormat(stackalloc char[11], out _));
    }

    [Fact]
    public void Codes_order_numerically()
    {
        var codes = new[] { "130602002000", "130602", "130602001000" }.Select(DivisionCode.Parse).Order().Select(c => c.ToString());
        Assert.Equal(["130602000000", "130602001000", "130602002000"], codes);
    }

    [Fact]
    public void FromSegments_rejects_a_segment_under_a_zero_segment()
        => Assert.Throws<ArgumentOutOfRangeException>(() => DivisionCode.FromSegments(13, 6, 2, 0, 5));

    [Property]
    public bool Parse_of_format_is_identity(DivisionCode code) => DivisionCode.Parse(code.ToString()) == code;

    [Property]
    public bool Parse_of_short_format_is_identity(DivisionCode code) => DivisionCode.Parse(code.ToString("S", null)) == code;

    [Property]
    public bool Parent_is_an_ancestor_one_level_up_or_the_prefecture_of_a_county_less_township(DivisionCode code)
        => !code.HasParent || (code.Parent.IsAncestorOf(code) && code.Parent.Contains(code)
            && code.Parent.Level == (code.Level == DivisionLevel.Township && code.CountySegment == 0 ? DivisionLevel.Prefecture : code.Level - 1));

    [Property]
    public bool Ancestors_at_every_level_contain_the_code(DivisionCode code)
        => Enumerable.Range(1, (int)code.Level).All(l => code.AncestorAt((DivisionLevel)l).Contains(code));

    [Property]
    public bool A_division_contains_exactly_the_codes_from_its_value_to_its_last_contained_value(DivisionCode outer, DivisionCode inner)
        => outer.Contains(inner) == (inner.Value >= outer.Value && inner.Value <= outer.LastContainedValue)
           && outer.Contains(DivisionCode.FromValue(outer.LastContainedValue));

    [Fact]
    public void Last_contained_value_of_a_county_ends_in_six_nines_and_of_a_village_is_itself()
    {
        Assert.Equal(130602999999L, DivisionCode.Parse("130602").LastContainedValue);
        Assert.Equal(130602005014L, DivisionCode.Parse("130602005014").LastContainedValue);
    }
}
