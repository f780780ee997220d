namespace SocialWork.Abstractions.Tests;

/// <summary>
/// One pattern for every value type, after NodaTime: <c>Parse</c>/<c>TryParse</c> on strings and spans agree,
/// <c>GetParseError(span, out value)</c> says why text is not a value (and <c>Parse</c> throws a
/// <see cref="FormatException"/> saying the same), <c>ISpanParsable</c> and <c>ISpanFormattable</c> work as the type's own
/// methods do, formatting round-trips, and values order as <c>IComparable</c>.
/// </summary>
public sealed class ValueTypeContractTests
{
    private static readonly byte[] Secret = "socialwork-contract-secret-32-by"u8.ToArray();

    [Fact]
    public void DivisionCode_keeps_the_contract()
        => Contract<DivisionCode>(["130602", "130602005", "130602005014", "441900003000"], ["", "13060", "1306020050140", "13060x", "000000"],
            DivisionCode.GetParseError, DivisionCode.TryParse, DivisionCode.TryParse, (v, d) => v.TryFormat(d, out var n) ? n : -1);

    [Fact]
    public void Money_keeps_the_contract()
        => Contract<Money>(["0", "12.5", "12.50", "92233720368547758.07"], ["", "1.234", "abc", "92233720368547758.08"],
            Money.GetParseError, Money.TryParse, Money.TryParse, (v, d) => v.TryFormat(d, out var n) ? n : -1);

    [Fact]
    public void ServiceCode_keeps_the_contract()
        => Contract<ServiceCode>(["EL", "EL.01", "SA.02"], ["", "el", "E", "EL.", "EL..1"],
            ServiceCode.GetParseError, ServiceCode.TryParse, ServiceCode.TryParse, (v, d) => v.TryFormat(d, out var n) ? n : -1);

    [Fact]
    public void ReportingPeriod_keeps_the_contract()
        => Contract<ReportingPeriod>(["2026", "2026-Q1", "2026-03", "0001-12"], ["", "2026-13", "2026-Q5", "26", "2026/03"],
            ReportingPeriod.GetParseError, ReportingPeriod.TryParse, ReportingPeriod.TryParse, (v, d) => v.TryFormat(d, out var n) ? n : -1);

    [Fact]
    public void PersonKey_keeps_the_contract()
    {
        string[] valid = [.. new[] { "11010519491231002X", "130602198001010016" }.Where(id => ResidentIdNumber.IsValid(id)).Select(id => PersonKey.Pseudonymize(id, Secret).Value)];
        Assert.NotEmpty(valid);
        Contract<PersonKey>(valid, ["", "short", "11010519491231002X", new string('A', 44)],
            PersonKey.GetParseError, PersonKey.TryParse, PersonKey.TryParse, (v, d) => v.TryFormat(d, out var n) ? n : -1);
        Assert.DoesNotContain("19491231", PersonKey.GetParseError("11010519491231002X", out _), StringComparison.Ordinal);
    }

    private delegate string? ErrorOf<T>(ReadOnlySpan<char> s, out T value);

    private delegate bool TrySpan<T>(ReadOnlySpan<char> s, out T value);

    private delegate bool TryString<T>(string? s, out T value);

    private static void Contract<T>(string[] valid, string[] invalid, ErrorOf<T> error, TrySpan<T> trySpan, TryString<T> tryString, Func<T, char[], int> format)
        where T : struct, IEquatable<T>, IComparable<T>, ISpanParsable<T>
    {
        var values = new List<T>();
        foreach (var text in valid)
        {
            Assert.Null(error(text, out var fromError));
            Assert.True(trySpan(text, out var fromSpan), text);
            Assert.True(tryString(text, out var fromString), text);
            var parsed = T.Parse(text, null);
            Assert.Equal(parsed, T.Parse(text.AsSpan(), null));
            Assert.Equal([parsed, parsed, parsed], new[] { fromError, fromSpan, fromString });
            Assert.True(T.TryParse(text.AsSpan(), null, out var viaInterface) && viaInterface.Equals(parsed));
            // Formatting round-trips: what ToString writes parses back to the same value, and TryFormat writes the same.
            var written = parsed.ToString()!;
            Assert.Equal(parsed, T.Parse(written, null));
            var buffer = new char[64];
            var count = format(parsed, buffer);
            Assert.Equal(written, new string(buffer, 0, count));
            Assert.Equal(-1, format(parsed, new char[Math.Max(0, written.Length - 1)]));
            values.Add(parsed);
        }
        foreach (var text in invalid)
        {
            var why = error(text, out var value);
            Assert.False(string.IsNullOrWhiteSpace(why), $"'{text}' gets no reason");
            Assert.Equal(default(T), value);
            Assert.False(trySpan(text, out _));
            Assert.False(tryString(text, out _));
            var thrown = Assert.ThrowsAny<FormatException>(() => T.Parse(text, null));
            Assert.Contains(why!, thrown.Message, StringComparison.Ordinal);
        }
        Assert.False(tryString(null, out _));
        // Order: CompareTo agrees with itself reversed and with equality.
        foreach (var a in values)
        {
            foreach (var b in values)
            {
                Assert.Equal(Math.Sign(a.CompareTo(b)), -Math.Sign(b.CompareTo(a)));
                Assert.Equal(a.Equals(b), a.CompareTo(b) == 0);
            }
        }
    }
}
