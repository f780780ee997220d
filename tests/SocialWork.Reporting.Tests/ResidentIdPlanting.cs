using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace SocialWork.Reporting.Tests;

/// <summary>
/// Valid resident ID numbers planted in one text field of otherwise valid CSV and JSON record files — what the privacy
/// fuzz tests of every store feed it (linked into the store test projects).
/// </summary>
public static class ResidentIdPlanting
{
    /// <summary>The text fields a number is planted in: every column of the contract and an extra one.</summary>
    public static readonly string[] Columns = ["id", "date", "division", "facility", "item", "method", "person_times", "households", "amount", "target_group", "parties", "programme", "note"];

    /// <summary>A valid number: an address code, a birth date, a sequence and the MOD 11-2 check character.</summary>
    public static Gen<string> Numbers { get; } =
        from region in Gen.Elements("110105", "130602", "440300", "152201")
        from days in Gen.Choose(0, 30_000)
        from sequence in Gen.Choose(0, 999)
        let first17 = string.Create(CultureInfo.InvariantCulture, $"{region}{new DateTime(1930, 1, 1).AddDays(days):yyyyMMdd}{sequence:D3}")
        select first17 + ResidentIdNumber.CheckCharacter(first17);

    /// <summary>How a number sits in a field: alone, or inside other text.</summary>
    public static Gen<Func<string, string>> Wrappers { get; } = Gen.Elements<Func<string, string>>(n => n, n => "R" + n, n => $"备注{n}号", n => n.ToLowerInvariant());

    /// <summary>
    /// A CSV of <paramref name="rows"/> valid records, the one at <paramref name="planted"/> with <paramref name="text"/>
    /// in <paramref name="column"/>.
    /// </summary>
    public static string Csv(int rows, int planted, string column, string text)
    {
        var csv = new StringBuilder(string.Join(',', Columns)).Append('\n');
        for (var i = 0; i < rows; i++)
        {
            var values = Row(i);
            if (i == planted)
            {
                values[column] = text;
            }
            csv.AppendJoin(',', Columns.Select(c => values[c])).Append('\n');
        }
        return csv.ToString();
    }

    /// <summary>The same records as JSON (a number meant for <c>note</c> goes into <c>facility</c>: JSON records have no other property).</summary>
    public static string Json(int rows, int planted, string column, string text)
    {
        var names = new Dictionary<string, string> { ["person_times"] = "personTimes", ["target_group"] = "targetGroup" };
        var records = new List<string>();
        for (var i = 0; i < rows; i++)
        {
            var values = Row(i);
            values.Remove("note");
            if (i == planted)
            {
                values[column == "note" ? "facility" : column] = text;
            }
            records.Add("{" + string.Join(',', values.Select(v => $"\"{names.GetValueOrDefault(v.Key, v.Key)}\":\"{v.Value}\"")) + "}");
        }
        return "[" + string.Join(',', records) + "]";
    }

    private static Dictionary<string, string> Row(int i) => new()
    {
        ["id"] = $"P{i}",
        ["date"] = new DateTime(2023, 1, 1).AddDays(i % 300).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["division"] = "130602005014",
        ["facility"] = "S05",
        ["item"] = "EL.01",
        ["method"] = "visit",
        ["person_times"] = "3",
        ["households"] = "1",
        ["amount"] = "1.50",
        ["target_group"] = "elderly",
        ["parties"] = "community",
        ["programme"] = "bee",
        ["note"] = string.Empty,
    };
}
