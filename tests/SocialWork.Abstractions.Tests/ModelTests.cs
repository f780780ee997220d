namespace SocialWork.Abstractions.Tests;

public class FacilityTests
{
    private static readonly DivisionCode Township = DivisionCode.Parse("130602001");

    [Fact]
    public void Station_operates_from_opening_until_the_day_it_closes()
    {
        var station = new Facility("S1", "韩北街道社工站", FacilityTier.TownshipStation, Township, new LocalDate(2021, 5, 18), new LocalDate(2024, 1, 1));
        Assert.False(station.IsOperatingOn(new LocalDate(2021, 5, 17)));
        Assert.True(station.IsOperatingOn(new LocalDate(2021, 5, 18)));
        Assert.True(station.IsOperatingOn(new LocalDate(2023, 12, 31)));
        Assert.False(station.IsOperatingOn(new LocalDate(2024, 1, 1)));
    }

    [Theory]
    [InlineData(FacilityTier.CountyCenter)]
    [InlineData(FacilityTier.CommunityRoom)]
    [InlineData(FacilityTier.VolunteerPoint)]
    public void Tier_must_match_the_division_level(FacilityTier tier)
    {
        var ex = Assert.Throws<ArgumentException>(() => new Facility("X", "x", tier, Township, new LocalDate(2021, 1, 1)));
        Assert.Contains("130602001000", ex.Message, StringComparison.Ordinal);
        Assert.Equal("division", ex.ParamName);
    }

    [Fact]
    public void Closing_before_opening_is_rejected()
        => Assert.Throws<ArgumentException>(() => new Facility("X", "x", FacilityTier.TownshipStation, Township, new LocalDate(2021, 1, 1), new LocalDate(2021, 1, 1)));
}

public class WorkerTests
{
    private static Worker Sample() => new(
        "W1",
        Employment.CommunityFullTime,
        [new Qualification(QualificationLevel.Assistant, new LocalDate(2022, 6, 15)), new Qualification(QualificationLevel.Intermediate, new LocalDate(2024, 6, 15))],
        [
            new PostAppointment(QualificationLevel.Assistant, new LocalDate(2022, 9, 1), new LocalDate(2024, 8, 31)),
            new PostAppointment(QualificationLevel.Intermediate, new LocalDate(2024, 9, 1)),
        ]);

    [Fact]
    public void Highest_qualification_held_on_a_date()
    {
        var worker = Sample();
        Assert.Equal(QualificationLevel.None, worker.QualificationOn(new LocalDate(2022, 6, 14)));
        Assert.Equal(QualificationLevel.Assistant, worker.QualificationOn(new LocalDate(2024, 6, 14)));
        Assert.Equal(QualificationLevel.Intermediate, worker.QualificationOn(new LocalDate(2024, 6, 15)));
        Assert.True(worker.IsCertifiedOn(new LocalDate(2023, 1, 1)));
    }

    [Fact]
    public void Post_held_on_a_date_follows_the_appointments()
    {
        var worker = Sample();
        Assert.Equal(QualificationLevel.None, worker.PostOn(new LocalDate(2022, 8, 31)));
        Assert.Equal(QualificationLevel.Assistant, worker.PostOn(new LocalDate(2024, 8, 31)));
        Assert.Equal(QualificationLevel.Intermediate, worker.PostOn(new LocalDate(2024, 9, 1)));
    }

    [Fact]
    public void Back_to_back_appointments_form_one_unbroken_run()
    {
        var worker = Sample();
        Assert.Equal(new LocalDate(2022, 9, 1), worker.PostHeldSince(QualificationLevel.Assistant, new LocalDate(2025, 1, 1)));
        Assert.Equal(new LocalDate(2024, 9, 1), worker.PostHeldSince(QualificationLevel.Intermediate, new LocalDate(2025, 1, 1)));
        Assert.Null(worker.PostHeldSince(QualificationLevel.Senior, new LocalDate(2025, 1, 1)));
    }

    [Fact]
    public void A_gap_between_appointments_restarts_the_run()
    {
        var worker = new Worker("W2", Employment.CommunityFullTime, appointments:
        [
            new PostAppointment(QualificationLevel.Assistant, new LocalDate(2022, 1, 1), new LocalDate(2022, 12, 30)),
            new PostAppointment(QualificationLevel.Assistant, new LocalDate(2023, 1, 1)),
        ]);
        Assert.Equal(new LocalDate(2023, 1, 1), worker.PostHeldSince(QualificationLevel.Assistant, new LocalDate(2023, 6, 1)));
        Assert.Null(worker.PostHeldSince(QualificationLevel.Assistant, new LocalDate(2022, 12, 31)));
    }

    [Fact]
    public void Qualification_held_since_the_earliest_certificate_at_or_above_the_level()
    {
        var worker = Sample();
        Assert.Equal(new LocalDate(2022, 6, 15), worker.QualificationHeldSince(QualificationLevel.Assistant, new LocalDate(2025, 1, 1)));
        Assert.Equal(new LocalDate(2024, 6, 15), worker.QualificationHeldSince(QualificationLevel.Intermediate, new LocalDate(2025, 1, 1)));
    }

    [Fact]
    public void Invalid_values_name_the_field()
    {
        Assert.Equal("level", Assert.Throws<ArgumentOutOfRangeException>(() => new Qualification(QualificationLevel.None, new LocalDate(2024, 1, 1))).ParamName);
        Assert.Equal("to", Assert.Throws<ArgumentException>(() => new PostAppointment(QualificationLevel.Senior, new LocalDate(2024, 1, 2), new LocalDate(2024, 1, 1))).ParamName);
        Assert.Equal("id", Assert.Throws<ArgumentException>(() => new Worker(" ", Employment.PartTime)).ParamName);
    }
}

public class ServiceRecordTests
{
    [Fact]
    public void Negative_counts_are_rejected_naming_the_field()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new ServiceRecord("R1", new LocalDate(2024, 1, 1), DivisionCode.Parse("130602001"), ServiceCode.Parse("EL"), ServiceMethod.Visit, -1));
        Assert.Equal("personTimes", ex.ParamName);
        Assert.Contains("-1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Negative_amount_is_rejected()
        => Assert.Throws<ArgumentOutOfRangeException>(() => new ServiceRecord("R1", new LocalDate(2024, 1, 1), DivisionCode.Parse("130602001"), ServiceCode.Parse("EL"), ServiceMethod.Visit, 1, 1, Money.FromFen(-1)));

    [Fact]
    public void Bee_plan_programme_keeps_its_target_groups()
    {
        var programme = new Programme("bee-warm", new LocalizedText("暖阳"), ProgrammeKind.SubPlan, new LocalDate(2021, 5, 18), targetGroups: [TargetGroup.Hardship], parentId: "bee");
        Assert.Equal([TargetGroup.Hardship], programme.TargetGroups);
        Assert.True(programme.IsActiveOn(new LocalDate(2022, 1, 1)));
    }
}
