using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace SocialWork.Abstractions.Tests;

/// <summary>The fast scan for numbers inside text finds exactly what a check at every position finds.</summary>
public sealed class ResidentIdScanProperties
{
    public static Arbitrary<string> Texts() =>
        (from parts in Gen.OneOf(
                Gen.Elements("11010519491231002X", "110105194912310021", "1101051949123100", "X", "x", "a", ",", "-", "7", "0", "R", "号"),
                Gen.Choose(0, 9).Select(d => d.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ArrayOf()
         select string.Concat(parts)).ToArbitrary();

    [Property(Arbitrary = [typeof(ResidentIdScanProperties)], MaxTest = 2000)]
    public bool The_scan_agrees_with_a_check_at_every_position(string text)
    {
        var naive = false;
        var masked = text.ToCharArray();
        for (var i = 0; i + ResidentIdNumber.Length <= text.Length; i++)
        {
            var run = text.AsSpan(i, ResidentIdNumber.Length);
            var shaped = !run[..^1].ContainsAnyExceptInRange('0', '9') && (char.IsAsciiDigit(run[^1]) || run[^1] is 'X' or 'x')
                && (i == 0 || !char.IsAsciiDigit(text[i - 1])) && (i + ResidentIdNumber.Length == text.Length || !char.IsAsciiDigit(text[i + ResidentIdNumber.Length]));
            if (shaped)
            {
                naive |= ResidentIdNumber.IsValid(run);
                ResidentIdNumber.Mask(run).CopyTo(masked.AsSpan(i));
                i += ResidentIdNumber.Length - 1;
            }
        }
        return ResidentIdNumber.ContainsValid(text) == naive && ResidentIdNumber.MaskWithin(text) == new string(masked);
    }
}
