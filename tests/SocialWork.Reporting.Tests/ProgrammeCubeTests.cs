namespace SocialWork.Reporting.Tests;

/// <summary>Reports by programme name the programmes and roll sub-plans up to the plan they belong to.</summary>
public class ProgrammeCubeTests
{
    private static readonly LocalDate Start = new(2021, 5, 18);

    private static readonly ProgrammeRegistry Registry = new(
    [
        new("bee", new("蜜蜂计划", "Bee Plan"), ProgrammeKind.BrandPlan, Start),
        new("bee-warm", new("暖阳"), ProgrammeKind.SubPlan, Start, parentId: "bee"),
        new("bee-age", new("乐龄"), ProgrammeKind.SubPlan, Start, parentId: "bee"),
    ]);

    private static ServiceRecord R(string id, string programme, int personTimes)
        => new(id, new LocalDate(2023, 5, 1), DivisionCode.Parse("130602005014"), ServiceCode.Parse("EL.01"), ServiceMethod.Group, personTimes, programmeId: programme);

    [Fact]
    public void Sub_plans_roll_up_to_their_plan_and_rows_carry_its_name()
    {
        var batch = RecordBatch.From([R("a", "bee-warm", 3), R("b", "bee-age", 5), R("c", "bee", 7), R("d", "", 11), R("e", "other", 13)]);

        var cube = Cube.Build(batch, new CubeQuery(DivisionLevel.County, PeriodKind.Year, CubeDimension.Programme) { Programmes = Registry });

        Assert.Equal([(string.Empty, 11L), ("bee", 15L), ("other", 13L)], cube.Rows.Select(r => (r.Key, r.Indicators.PersonTimes)));
        var labels = new ReportLabels(System.Globalization.CultureInfo.GetCultureInfo("zh-CN"), programmes: Registry);
        Assert.Equal("蜜蜂计划", labels.Key("bee", CubeDimension.Programme));
        Assert.Equal("other", labels.Key("other", CubeDimension.Programme));
        Assert.Equal("其他", labels.Key("other", CubeDimension.Method));
    }

    [Fact]
    public void Without_a_registry_each_programme_id_is_its_own_row()
    {
        var batch = RecordBatch.From([R("a", "bee-warm", 3), R("b", "bee-age", 5)]);

        var cube = Cube.Build(batch, new CubeQuery(DivisionLevel.County, PeriodKind.Year, CubeDimension.Programme));

        Assert.Equal(["bee-age", "bee-warm"], cube.Rows.Select(r => r.Key));
    }
}
