namespace SocialWork.Reporting.Tests;

/// <summary>Keeps the README's quick start compiling and true: the code between the markers is the README's snippet.</summary>
public class ReadmeTests
{
    [Fact]
    public void Quick_start_compiles_and_computes_what_the_readme_says()
    {
        // quick start begin
        var county = DivisionCode.Parse("130602");                       // 竞秀区 → 130602000000, level County
        var township = DivisionCode.Parse("130602005");                  // a street (街道) of it
        var worker = new Worker("W1", Employment.CommunityFullTime,
            [new Qualification(QualificationLevel.Senior, new LocalDate(2023, 6, 15))],
            [new PostAppointment(QualificationLevel.Intermediate, new LocalDate(2023, 9, 1))]);
        var policy = PayStepPolicy.XingAnLeague("xam", new LocalDate(2021, 1, 1));   // your own effective date
        var pay = PayStepEvaluator.Assess(worker, new LocalDate(2025, 1, 1), policy);
        // pay.UpliftSteps == 2: "holds senior but appointed to an intermediate post: uplift 2 steps"

        var builder = new RecordBatchBuilder();
        builder.Append(DivisionCode.Parse("130602005001"), new LocalDate(2025, 3, 2), ServiceCode.Parse("EL.01"),
            ServiceMethod.Visit, personTimeCount: 2, householdCount: 1);
        var cube = Cube.Build(builder.Build(), new CubeQuery(DivisionLevel.Township, PeriodKind.Quarter));
        var q1 = cube[township, ReportingPeriod.OfQuarter(2025, 1)];     // 1 record, 2 person-times, 1 household
        var countyTotal = cube.RollUp(DivisionLevel.County)[county, ReportingPeriod.OfQuarter(2025, 1)];
        // quick start end

        Assert.Equal(DivisionLevel.County, county.Level);
        Assert.Equal(2, pay.UpliftSteps);
        Assert.Equal("holds senior but appointed to an intermediate post: uplift 2 steps", pay.Findings[0].English);
        Assert.Equal((1, 2, 1), (q1.Records, q1.PersonTimes, q1.Households));
        Assert.Equal(q1, countyTotal);
    }

    [Fact]
    public void Readme_shows_exactly_the_tested_snippet()
    {
        var root = RepositoryRoot();
        var source = File.ReadAllLines(Path.Combine(root, "tests", "SocialWork.Reporting.Tests", "ReadmeTests.cs"));
        var begin = Array.FindIndex(source, l => l.Trim() == "// quick start begin");
        var end = Array.FindIndex(source, l => l.Trim() == "// quick start end");
        var snippet = source[(begin + 1)..end].Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var readme = File.ReadAllLines(Path.Combine(root, "README.md")).Select(l => l.Trim()).ToList();
        var start = readme.IndexOf(snippet[0]);
        Assert.True(start >= 0, "README lacks the quick start");
        Assert.Equal(snippet, readme.Skip(start).Where(l => l.Length > 0).Take(snippet.Count));
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SocialWork.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("SocialWork.slnx not found above the test directory.");
    }
}
