using System.Text.Json;
using SocialWork.Samples.Tests;

namespace SocialWork.Samples.Console.Tests;

/// <summary><c>socialwork snapshot</c> and <c>socialwork diff</c>.</summary>
public sealed class SnapshotCommandTests : CliTestBase
{
    private const string Header = "id,date,division,item,method,person_times,households,amount\n";

    [Fact]
    public void Two_snapshots_of_march_differ_by_the_changed_cells_and_records_in_the_contracts_json()
    {
        var first = File("first.csv", Header + "R1,2023-03-05,130602005014,EL.01,visit,5,1,\nR2,2023-03-06,130602005014,EL.01,visit,3,1,\nR9,2023-04-01,130602005014,EL.01,visit,7,1,\n");
        var second = File("second.csv", Header + "R1,2023-03-05,130602005014,EL.01,visit,5,1,\nR3,2023-03-07,130602005014,EL.01,visit,4,1,\n");
        var a = Path.Combine(Dir, "a.json");
        var b = Path.Combine(Dir, "b.json");

        Assert.Equal(0, Run("snapshot", "--records", first, "--division", "130602005", "--period", "2023-03", "--out", a).Code);
        Assert.Equal(0, Run("snapshot", "--records", second, "--division", "130602005", "--period", "2023-03", "--out", b).Code);
        var (code, output, error) = Run("diff", a, b, "--format", "json");

        Assert.True(code == 0, error);
        var diff = JsonDocument.Parse(output).RootElement;
        Assert.Equal(["R3"], diff.GetProperty("recordsAdded").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["R2"], diff.GetProperty("recordsWithdrawn").EnumerateArray().Select(e => e.GetString()));
        var cell = diff.GetProperty("cells").EnumerateArray().Single(c => c.GetProperty("indicator").GetString() == "personTimes");
        Assert.Equal(("130602005014", "2023-03", 8m, 9m), (cell.GetProperty("division").GetString(), cell.GetProperty("period").GetString(), cell.GetProperty("old").GetDecimal(), cell.GetProperty("new").GetDecimal()));
        Assert.Equal(2, JsonDocument.Parse(System.IO.File.ReadAllText(a)).RootElement.GetProperty("records").GetInt32());   // R9 is April's

        var zh = Run("--lang", "zh", "diff", a, b);
        Assert.Equal(0, zh.Code);
        Assert.Contains("服务人次", zh.Out, StringComparison.Ordinal);
        Assert.Empty(EnglishWordScan.Find(zh.Out + zh.Err));
    }

    [Fact]
    public void A_snapshot_edited_by_hand_is_exit_2_naming_the_file()
    {
        var records = File("r.csv", Header + "R1,2023-03-05,130602005014,EL.01,visit,5,1,\n");
        var a = Path.Combine(Dir, "a.json");
        Assert.Equal(0, Run("snapshot", "--records", records, "--division", "130602005", "--period", "2023-03", "--out", a).Code);
        var edited = File("edited.json", System.IO.File.ReadAllText(a).Replace("\"personTimes\":5", "\"personTimes\":6", StringComparison.Ordinal));

        var (code, _, error) = Run("diff", a, edited);

        Assert.Equal(2, code);
        Assert.Contains("edited.json", error, StringComparison.Ordinal);
        Assert.Contains("$.id", error, StringComparison.Ordinal);
    }
}
