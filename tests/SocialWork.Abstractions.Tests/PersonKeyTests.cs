using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace SocialWork.Abstractions.Tests;

/// <summary>A valid resident ID number: random address code, birth date and sequence, with its computed check character.</summary>
public sealed record ResidentId(string Text);

public static class ResidentIdArbitraries
{
    public static Arbitrary<ResidentId> ResidentIds() => (
        from address in Gen.Choose(110000, 659999)
        from days in Gen.Choose(0, 365 * 120)
        from sequence in Gen.Choose(0, 999)
        let first17 = string.Create(CultureInfo.InvariantCulture, $"{address:D6}{new DateTime(1900, 1, 1).AddDays(days):yyyyMMdd}{sequence:D3}")
        select new ResidentId(first17 + ResidentIdNumber.CheckCharacter(first17))).ToArbitrary();
}

/// <summary>Resident ID numbers are checked as GB 11643 says, never leak, and become stable pseudonymous keys.</summary>
public class PersonKeyTests
{
    private static readonly byte[] Secret = "a bureau secret of 32 bytes ....."u8.ToArray();

    [Fact]
    public void The_standards_worked_example_is_valid_and_a_wrong_check_character_is_not()
    {
        // GB 11643-1999's example: 北京市朝阳区, born 1949-12-31, sequence 002 (female), check character X.
        Assert.Equal('X', ResidentIdNumber.CheckCharacter("11010519491231002"));
        Assert.True(ResidentIdNumber.IsValid("11010519491231002X"));
        Assert.True(ResidentIdNumber.IsValid("11010519491231002x"));
        Assert.Contains("check character", ResidentIdNumber.GetValidationError("110105194912310021"), StringComparison.Ordinal);
        Assert.Contains("birth date", ResidentIdNumber.GetValidationError("110105194902300020"), StringComparison.Ordinal);
        Assert.Contains("18 characters", ResidentIdNumber.GetValidationError("11010519491231002"), StringComparison.Ordinal);
    }

    [Property(Arbitrary = [typeof(ResidentIdArbitraries)], Replay = "20241203,1111111111111111111", MaxTest = 1000)]
    public bool A_number_with_its_computed_check_character_is_valid_and_any_one_changed_digit_is_caught(ResidentId id)
    {
        if (!ResidentIdNumber.IsValid(id.Text))
        {
            return false;
        }
        for (var i = 0; i < 17; i++)
        {
            var changed = id.Text.ToCharArray();
            changed[i] = (char)('0' + (((changed[i] - '0') + 1 + (i % 9)) % 10));
            if (ResidentIdNumber.IsValid(changed))
            {
                return false;
            }
        }
        return true;
    }

    [Property(Arbitrary = [typeof(ResidentIdArbitraries)], Replay = "20241203,1111111111111111111")]
    public bool A_key_is_stable_fixed_length_and_never_the_number(ResidentId id)
    {
        var key = PersonKey.Pseudonymize(id.Text, Secret);
        return key == PersonKey.Pseudonymize(id.Text.ToLowerInvariant(), Secret)
            && key != PersonKey.Pseudonymize(id.Text, "another secret, also long enough"u8)
            && key.Value.Length == PersonKey.Length
            && PersonKey.Parse(key.Value) == key
            && !key.Value.Contains(id.Text[..10], StringComparison.Ordinal);
    }

    [Property(Arbitrary = [typeof(ResidentIdArbitraries)])]
    public bool A_key_written_and_read_is_the_same_value_and_only_its_own_text_reads_as_it(ResidentId id)
    {
        var key = PersonKey.Pseudonymize(id.Text, Secret);
        Span<char> text = stackalloc char[PersonKey.Length];
        // The last base64url character carries 2 unused bits (always 0 as written): setting one spells the same bytes another way.
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        var sibling = key.Value[..^1] + Alphabet[Alphabet.IndexOf(key.Value[^1], StringComparison.Ordinal) + 1];
        return key.TryFormat(text, out var written) && written == PersonKey.Length && text.SequenceEqual(key.Value)
            && PersonKey.Parse(key.Value.AsSpan()) == key
            && PersonKey.Parse(key.Value).GetHashCode() == key.GetHashCode()
            && PersonKey.GetParseError(sibling, out _) is not null;
    }

    [Fact]
    public void The_default_key_has_no_text()
    {
        Assert.Throws<InvalidOperationException>(() => default(PersonKey).Value);
        Assert.False(default(PersonKey).TryFormat(new char[PersonKey.Length], out _));
        Assert.Equal(string.Empty, default(PersonKey).ToString());
    }

    [Fact]
    public void Errors_show_a_number_masked_and_never_whole()
    {
        const string Number = "11010519491231002X";
        Assert.Equal("110105********002X", ResidentIdNumber.Mask(Number));

        var raw = Assert.Throws<FormatException>(() => PersonKey.Parse(Number));
        Assert.Contains("110105********002X", raw.Message, StringComparison.Ordinal);
        Assert.Contains("pseudonymise it first", raw.Message, StringComparison.Ordinal);
        var wrong = Assert.Throws<ArgumentException>(() => PersonKey.Pseudonymize("110105194912310021", Secret));
        Assert.DoesNotContain("110105194912310021", wrong.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("19491231", wrong.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => PersonKey.Pseudonymize(Number, "short"u8));
    }
}

public sealed class MaskWithinTests
{
    [Theory]
    [InlineData("R1,11010519491231002X,EL.01", "R1,110105********002X,EL.01")]
    [InlineData("id 110105194912310021 (wrong check character) too", "id 110105********0021 (wrong check character) too")]
    [InlineData("two: 11010519491231002x;11010519491231002X", "two: 110105********002x;110105********002X")]
    [InlineData("1101051949123100211 is 19 digits, not a number", "1101051949123100211 is 19 digits, not a number")]
    [InlineData("no number here", "no number here")]
    public void Every_run_shaped_like_a_resident_id_number_is_masked(string text, string expected)
        => Assert.Equal(expected, ResidentIdNumber.MaskWithin(text));
}
