namespace SocialWork.Samples.Console.Tests;

/// <summary>A raw resident ID number in a records file never comes out whole: not on stdout, stderr, in JSON or in a rejects file.</summary>
public sealed class PrivacyTests : CliTestBase
{
    private const string RawId = "11010519491231002X";
    private const string Header = "id,date,division,item,method,person_times,households,amount,person\n";

    [Theory]
    [InlineData("en")]
    [InlineData("zh")]
    public void A_raw_resident_id_number_is_rejected_and_shown_only_masked(string lang)
    {
        var csv = File("people.csv", Header + $"P1,2024-01-05,130602005001,EL.01,visit,3,1,,{RawId}\nP2,2024-01-06,130602005001,EL.01,visit,2,1,,\n");
        var rejects = Path.Combine(Dir, "rejects.csv");

        var strict = Run("report", "--records", csv, "--lang", lang);
        var lenient = Run("report", "--records", csv, "--skip-invalid", "--rejects", rejects, "--format", "json", "--lang", lang);

        Assert.Equal(2, strict.Code);
        Assert.Contains("110105********002X", strict.Err, StringComparison.Ordinal);
        Assert.True(lenient.Code == 0, lenient.Err);
        var rejectsText = System.IO.File.ReadAllText(rejects);
        Assert.Contains("110105********002X", rejectsText, StringComparison.Ordinal);
        foreach (var output in new[] { strict.Out, strict.Err, lenient.Out, lenient.Err, rejectsText })
        {
            Assert.DoesNotContain(RawId, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Suppress_below_hides_small_rows_as_null_in_json_and_star_in_tables()
    {
        var csv = File("small.csv", "id,date,division,item,method,person_times,households,amount\n"
            + "S1,2024-01-05,130602005001,EL.01,visit,3,1,\nS2,2024-01-06,130602006001,EL.01,visit,2,1,\n"
            + string.Concat(Enumerable.Range(3, 6).Select(i => $"S{i},2024-01-07,130602007001,EL.01,visit,1,1,\n")));

        var json = Run("report", "--records", csv, "--level", "township", "--period", "year", "--format", "json", "--suppress-below", "3");
        var table = Run("report", "--records", csv, "--level", "township", "--period", "year", "--suppress-below", "3", "--lang", "en");
        var invalid = Run("report", "--records", csv, "--suppress-below", "-1");

        Assert.True(json.Code == 0, json.Err);
        Assert.Equal(2, json.Out.Split("\"suppressed\": true").Length - 1);
        Assert.Contains("\"records\": null", json.Out, StringComparison.Ordinal);
        Assert.Contains("fewer than 3 records", table.Out, StringComparison.Ordinal);
        Assert.NotEqual(0, invalid.Code);
    }

    [Fact]
    public void The_table_shows_people_beside_person_times_when_records_name_them()
    {
        var key = PersonKey.Pseudonymize(RawId, "socialwork-test-secret-32-bytes!"u8);
        var csv = File("keyed.csv", Header + $"K1,2024-01-05,130602005001,EL.01,visit,3,1,,{key}\nK2,2024-01-06,130602006001,EL.01,visit,2,1,,{key}\n");

        var zh = Run("report", "--records", csv, "--level", "county", "--period", "year", "--lang", "zh");

        Assert.True(zh.Code == 0, zh.Err);
        Assert.Contains("服务人数", zh.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("服务人数", Run("report", "--records", File("plain.csv", Header + "P1,2024-01-05,130602005001,EL.01,visit,3,1,,\n"), "--lang", "zh").Out, StringComparison.Ordinal);
    }
}
