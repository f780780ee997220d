using FsCheck.Xunit;

namespace SocialWork.Abstractions.Tests;

[Properties(Arbitrary = [typeof(Arbitraries)])]
public class MoneyTests
{
    [Theory]
    [InlineData("1700.5", 170050)]
    [InlineData("17000", 1700000)]
    [InlineData("0.05", 5)]
    [InlineData("-12.30", -1230)]
    public void Yuan_text_parses_to_exact_fen(string text, long fen) => Assert.Equal(fen, Money.Parse(text).Fen);

    [Theory]
    [InlineData("1.234", "more than two decimals")]
    [InlineData("1.", "no digits after it")]
    [InlineData("abc", "'a'")]
    [InlineData("", "not a number")]
    [InlineData("99999999999999999999", "too large")]
    public void Bad_amounts_are_rejected_naming_the_value(string text, string defect)
    {
        var ex = Assert.Throws<FormatException>(() => Money.Parse(text));
        Assert.Contains($"'{text}'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(defect, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Formats_with_two_decimals_invariantly() => Assert.Equal("17000.00", Money.FromFen(1_700_000).ToString());

    [Fact]
    public void Addition_overflow_throws_instead_of_wrapping()
        => Assert.Throws<OverflowException>(() => Money.FromFen(long.MaxValue) + Money.FromFen(1));

    [Fact]
    public void FromYuan_rejects_fractions_of_a_fen() => Assert.Throws<ArgumentException>(() => Money.FromYuan(0.001m));

    [Property]
    public bool Parse_of_format_is_identity(Money money) => Money.Parse(money.ToString()) == money;
}

[Properties(Arbitrary = [typeof(Arbitraries)])]
public class PeriodTests
{
    [Fact]
    public void Labels_follow_the_report_format()
    {
        var date = new LocalDate(2026, 3, 14);
        Assert.Equal("2026-03", ReportingPeriod.Containing(date, PeriodKind.Month).ToString());
        Assert.Equal("2026-Q1", ReportingPeriod.Containing(date, PeriodKind.Quarter).ToString());
        Assert.Equal("2026", ReportingPeriod.Containing(date, PeriodKind.Year).ToString());
    }

    [Fact]
    public void Quarter_runs_from_first_to_last_day()
    {
        var q = ReportingPeriod.OfQuarter(2026, 4);
        Assert.Equal(new LocalDate(2026, 10, 1), q.Start);
        Assert.Equal(new LocalDate(2026, 12, 31), q.End);
        Assert.Equal(ReportingPeriod.OfQuarter(2027, 1), q.Next());
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-Q5")]
    [InlineData("26-01")]
    [InlineData("2026-3")]
    public void Bad_labels_are_rejected(string label)
    {
        var ex = Assert.Throws<FormatException>(() => ReportingPeriod.Parse(label));
        Assert.Contains(label, ex.Message, StringComparison.Ordinal);
    }

    [Property]
    public bool Parse_of_label_is_identity(ReportingPeriod period) => ReportingPeriod.Parse(period.ToString()) == period;

    [Property]
    public bool A_period_contains_exactly_the_dates_that_map_to_it(ReportingPeriod period, LocalDate date)
        => period.Contains(date) == (ReportingPeriod.Containing(date, period.Kind) == period)
           && period.Contains(date) == (period.Start <= date && date <= period.End);

    [Property]
    public bool Ordinal_round_trips(ReportingPeriod period) => ReportingPeriod.FromOrdinal(period.Kind, period.Ordinal) == period;
}

[Properties(Arbitrary = [typeof(Arbitraries)])]
public class ServiceCodeTests
{
    [Fact]
    public void Item_code_belongs_to_the_domain_before_the_first_dot()
    {
        var code = ServiceCode.Parse("EL.01.02");
        Assert.Equal("EL", code.Domain.Value);
        Assert.Equal("EL.01", code.Parent.Value);
        Assert.Equal(2, code.Depth);
        Assert.True(code.IsWithin(ServiceCode.Parse("EL")));
        Assert.False(ServiceCode.Parse("EL.010").IsWithin(ServiceCode.Parse("EL.01")));
    }

    [Theory]
    [InlineData("el")]
    [InlineData("E")]
    [InlineData("EL.1")]
    [InlineData("EL.01x")]
    [InlineData("EL.")]
    public void Bad_syntax_is_rejected(string text)
    {
        var ex = Assert.Throws<FormatException>(() => ServiceCode.Parse(text));
        Assert.Contains($"'{text}'", ex.Message, StringComparison.Ordinal);
    }

    [Property]
    public bool Parse_of_format_is_identity(ServiceCode code) => ServiceCode.Parse(code.ToString()) == code;
}

public class EnumCodeTests
{
    [Fact]
    public void Method_codes_round_trip_and_unknown_codes_are_named()
    {
        foreach (var method in ServiceMethodExtensions.All)
        {
            Assert.Equal(method, ServiceMethodExtensions.Parse(method.ToCode()));
        }
        var ex = Assert.Throws<FormatException>(() => ServiceMethodExtensions.Parse("visits"));
        Assert.Contains("'visits'", ex.Message, StringComparison.Ordinal);
    }

    [Property(MaxTest = 2000)]
    public bool Method_parse_accepts_exactly_the_codes(int which, byte position, char replacement, bool cut)
    {
        // Near misses of a real code: one character replaced, or the code cut short or run on by a character.
        var code = ServiceMethodExtensions.All[Math.Abs(which % 7)].ToCode();
        var at = position % code.Length;
        var text = cut ? code[..at] + (at % 2 == 0 ? "" : code[at..] + replacement) : code[..at] + replacement + code[(at + 1)..];
        var isCode = ServiceMethodExtensions.All.Any(m => m.ToCode() == text);
        return ServiceMethodExtensions.TryParse(text, out var parsed) == isCode && (!isCode || parsed.ToCode() == text);
    }

    [Fact]
    public void Method_parse_rejects_other_case_and_surrounding_space()
    {
        foreach (var text in new[] { "Visit", "VISIT", " visit", "visit ", "", "v", "activit", "activityy", "trainings" })
        {
            Assert.False(ServiceMethodExtensions.TryParse(text, out _), text);
        }
    }

    [Fact]
    public void Qualification_level_codes_and_labels_follow_the_documents()
    {
        Assert.Equal(["none", "assistant", "intermediate", "senior"], Enum.GetValues<QualificationLevel>().Select(l => l.ToCode()));
        Assert.Equal(["无", "初级", "中级", "高级"], Enum.GetValues<QualificationLevel>().Select(l => l.ToChineseLabel()));
    }

    [Fact]
    public void Only_home_visits_count_households() => Assert.Equal([ServiceMethod.Visit], ServiceMethodExtensions.All.Where(m => m.CountsHouseholds()));

    [Fact]
    public void Target_group_codes_round_trip()
    {
        foreach (var group in TargetGroupExtensions.All)
        {
            Assert.Equal(group, TargetGroupExtensions.Parse(group.ToCode()));
        }
        Assert.Equal("老年人", TargetGroup.Elderly.ToChineseLabel());
    }

    [Fact]
    public void Five_society_parties_parse_from_the_csv_form()
    {
        Assert.True(LinkagePartiesExtensions.TryParse("community|organisation|socialWorker|volunteer|charity", out var all));
        Assert.Equal((LinkageParties)31, all);
        Assert.Equal("community|volunteer", (LinkageParties.Community | LinkageParties.Volunteer).ToCodes());
        Assert.False(LinkagePartiesExtensions.TryParse("community|church", out _));
        Assert.True(LinkagePartiesExtensions.TryParse("", out var none));
        Assert.Equal(LinkageParties.None, none);
    }
}

public class ValueTypeEdgeTests
{
    [Theory]
    [InlineData(PeriodKind.Month, "9999-12")]
    [InlineData(PeriodKind.Quarter, "9999-Q4")]
    [InlineData(PeriodKind.Year, "9999")]
    [InlineData(PeriodKind.Month, "0001-01")]
    public void Periods_at_the_ends_of_the_calendar_format_parse_and_have_start_and_end(PeriodKind kind, string label)
    {
        var date = label.StartsWith("0001", StringComparison.Ordinal) ? new LocalDate(1, 1, 1) : new LocalDate(9999, 12, 31);
        var period = ReportingPeriod.Containing(date, kind);
        Assert.Equal(label, period.ToString());
        Assert.Equal(period, ReportingPeriod.Parse(label));
        Assert.True(period.Start <= date && date <= period.End);
    }

    [Fact]
    public void The_last_period_of_the_calendar_has_no_next()
        => Assert.Throws<InvalidOperationException>(() => ReportingPeriod.OfMonth(9999, 12).Next());

    [Fact]
    public void A_month_out_of_range_names_the_month_parameter()
    {
        Assert.Equal("month", Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.OfMonth(2024, 13)).ParamName);
        Assert.Equal("quarter", Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.OfQuarter(2024, 5)).ParamName);
    }

    [Theory]
    [InlineData("79228162514264337593543950335")]
    [InlineData("-79228162514264337593543950335")]
    [InlineData("92233720368547758.08")]
    public void Money_from_yuan_out_of_range_throws_the_documented_exception(string yuan)
        => Assert.Throws<ArgumentOutOfRangeException>(() => Money.FromYuan(decimal.Parse(yuan, System.Globalization.CultureInfo.InvariantCulture)));
}
