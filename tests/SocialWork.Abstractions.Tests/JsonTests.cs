using System.Text.Json;
using FsCheck.Xunit;
using SocialWork.Json;

namespace SocialWork.Abstractions.Tests;

[Properties(Arbitrary = [typeof(Arbitraries)])]
public class JsonTests
{
    private static readonly SocialWorkJsonContext Context = SocialWorkJsonContext.Default;

    private static void AssertRoundTrip<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info)
        where T : class
    {
        var json = JsonSerializer.Serialize(value, info);
        var back = JsonSerializer.Deserialize(json, info)!;
        Assert.Equal(json, JsonSerializer.Serialize(back, info));
    }

    [Fact]
    public void Division_round_trips_with_a_twelve_digit_code()
    {
        var division = new Division(DivisionCode.Parse("130602"), "竞秀区");
        var json = JsonSerializer.Serialize(division, Context.Division);
        Assert.Equal("""{"code":"130602000000","name":"\u7ADE\u79C0\u533A"}""", json);
        Assert.Equal(division, JsonSerializer.Deserialize(json, Context.Division));
    }

    [Fact]
    public void Facility_round_trips() => AssertRoundTrip(
        new Facility("S1", "站", FacilityTier.TownshipStation, DivisionCode.Parse("130602001"), new LocalDate(2021, 5, 18), new LocalDate(2024, 1, 1)),
        Context.Facility);

    [Fact]
    public void Worker_round_trips_with_camel_case_enums()
    {
        var worker = new Worker("W1", Employment.CommunityFullTime, [new Qualification(QualificationLevel.Intermediate, new LocalDate(2024, 6, 15))], [new PostAppointment(QualificationLevel.Assistant, new LocalDate(2024, 9, 1))], "S1", 3, "general");
        var json = JsonSerializer.Serialize(worker, Context.Worker);
        Assert.Contains("\"employment\":\"communityFullTime\"", json, StringComparison.Ordinal);
        Assert.Contains("\"level\":\"intermediate\"", json, StringComparison.Ordinal);
        AssertRoundTrip(worker, Context.Worker);
    }

    [Fact]
    public void Programme_round_trips() => AssertRoundTrip(
        new Programme("bee", new LocalizedText("蜜蜂计划", "Bee Plan"), ProgrammeKind.BrandPlan, new LocalDate(2021, 5, 18), null, "S1", [TargetGroup.Elderly, TargetGroup.Children]),
        Context.Programme);

    [Fact]
    public void Money_is_a_number_with_two_decimals()
        => Assert.Equal("17000.00", JsonSerializer.Serialize(Money.FromFen(1_700_000), Context.Money));

    [Fact]
    public void Money_with_three_decimals_is_rejected_with_the_path()
    {
        var json = """{"id":"R1","date":"2024-01-01","division":"130602001","code":"EL","method":"visit","personTimes":1,"households":0,"amount":1.005,"parties":""}""";
        var ex = Assert.Throws<JsonException>(() => SocialWorkJson.Deserialize(json, Context.ServiceRecord));
        Assert.Contains("$.amount", ex.Message, StringComparison.Ordinal);
        Assert.Contains("more than two decimals", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_property_is_rejected_with_the_path()
    {
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"code":"130602","name":"x","population":1}""", Context.Division));
        Assert.Contains("population", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_division_code_is_rejected_with_the_path()
    {
        var ex = Assert.Throws<JsonException>(() => SocialWorkJson.Deserialize("""{"code":"13060200100","name":"x"}""", Context.Division));
        Assert.Contains("$.code", ex.Message, StringComparison.Ordinal);
        Assert.Contains("13060200100", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_enum_value_is_rejected_with_the_path()
    {
        var ex = Assert.Throws<JsonException>(() => SocialWorkJson.Deserialize("""{"id":"W","employment":"contractor"}""", Context.Worker));
        Assert.Contains("$.employment", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_validation_errors_become_json_errors()
    {
        var json = """{"id":"S","name":"x","tier":"countyCenter","division":"130602001","openedOn":"2021-01-01"}""";
        var ex = Assert.Throws<JsonException>(() => SocialWorkJson.Deserialize(json, Context.Facility));
        Assert.Contains("CountyCenter must sit at a County-level division", ex.Message, StringComparison.Ordinal);
    }

    [Property]
    public bool Service_record_round_trips(ServiceRecord record)
    {
        var json = JsonSerializer.Serialize(record, Context.ServiceRecord);
        var back = JsonSerializer.Deserialize(json, Context.ServiceRecord)!;
        return back == record;
    }

    [Property]
    public bool Period_round_trips(ReportingPeriod period)
        => JsonSerializer.Deserialize(JsonSerializer.Serialize(period, Context.ReportingPeriod), Context.ReportingPeriod) == period;
}

public class SocialWorkJsonHelperTests
{
    [Fact]
    public void Vocabulary_values_round_trip_without_a_public_context()
    {
        var worker = new Worker("W1", Employment.CommunityFullTime, [new Qualification(QualificationLevel.Senior, new LocalDate(2023, 6, 15))]);
        Assert.Equal(worker, SocialWorkJson.Deserialize<Worker>(SocialWorkJson.Serialize(worker)));
        Assert.Equal("\"2026-Q1\"", SocialWorkJson.Serialize(ReportingPeriod.OfQuarter(2026, 1)));
    }

    [Fact]
    public void A_type_outside_the_vocabulary_is_refused_by_name()
        => Assert.Contains("Uri", Assert.Throws<NotSupportedException>(() => SocialWorkJson.Serialize(new Uri("http://x"))).Message, StringComparison.Ordinal);

    [Fact]
    public void The_serializer_contexts_are_not_public()
        => Assert.DoesNotContain(typeof(SocialWorkJson).Assembly.GetTypes(), t => t.IsPublic && typeof(System.Text.Json.Serialization.JsonSerializerContext).IsAssignableFrom(t));
}
