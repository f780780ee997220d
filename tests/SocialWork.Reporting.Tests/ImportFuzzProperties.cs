using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace SocialWork.Reporting.Tests;

/// <summary>A CSV or JSON input made of valid rows broken at random: cut, spliced, quoted, padded, with odd bytes and huge values.</summary>
public sealed record FuzzInput(byte[] Bytes)
{
    public override string ToString() => $"{Bytes.Length} bytes: {Encoding.UTF8.GetString(Bytes[..Math.Min(Bytes.Length, 400)])}";
}

public static class ImportFuzzArbitraries
{
    private const string Header = "id,date,division,facility,item,method,person_times,households,amount,target_group,parties,programme";

    private static readonly string[] Fields =
    [
        "R1", "R2", "R1", "", "2024-01-05", "2024-02-30", "0001-01-01", "9999-12-31", "130602005001", "441900003001", "13060200500", "S01", "EL", "EL.01",
        "ZZ.99.99", "visit", "dance", "3", "-4", "2147483648", "5000000000000000000", "92233720368547758.07", "1700.50", "1.001", "elderly", "community|volunteer",
        "bee", "\"", "\"\"", "\"a,b\"", "\"line\nbreak\"", "=cmd|' /C calc'!A0", "\r", "\uFEFF", "\0", "社区", "𝟘",
    ];

    private static readonly Gen<string> Row =
        from count in Gen.Choose(0, 14)
        from fields in Gen.Elements(Fields).ArrayOf(count)
        select string.Join(',', fields);

    private static readonly Gen<string> ValidRow =
        from id in Gen.Choose(1, 40)
        from day in Gen.Choose(1, 28)
        from personTimes in Gen.Choose(0, 100)
        select $"R{id},2024-01-{day:D2},130602005001,S01,EL.01,visit,{personTimes},1,12.50,elderly,community,bee";

    public static Arbitrary<FuzzInput> Csv() => (
        from header in Gen.Frequency((8, Gen.Constant(Header)), (1, Row))
        from rows in Gen.Frequency((3, ValidRow), (2, Row)).ListOf()
        from lineEnd in Gen.Elements("\n", "\r\n")
        from cut in Gen.Choose(0, 100)
        let text = header + lineEnd + string.Join(lineEnd, rows) + lineEnd
        select new FuzzInput(Encoding.UTF8.GetBytes(text[..(text.Length * (cut < 90 ? 100 : cut) / 100)]))).ToArbitrary();

    private static readonly Gen<string> JsonValue = Gen.Elements(
        "null", "true", "1", "-1", "1e400", "92233720368547758.07", "\"R1\"", "\"2024-01-05\"", "\"9999-12-31\"", "\"130602005001\"", "\"EL\"", "\"visit\"", "[]", "{}", "\"\\u0000\"", "[null]");

    private static readonly Gen<string> JsonObject =
        from names in Gen.Elements("id", "date", "division", "item", "method", "personTimes", "households", "amount", "targetGroup", "extra", "id").ArrayOf()
        from values in JsonValue.ArrayOf(names.Length)
        select "{" + string.Join(',', names.Zip(values, (n, v) => $"\"{n}\":{v}")) + "}";

    private static readonly Gen<string> ValidObject =
        from id in Gen.Choose(1, 40)
        select $$"""{"id":"R{{id}}","date":"2024-01-05","division":"130602005001","item":"EL","method":"visit","personTimes":3,"households":1}""";

    public static Arbitrary<FuzzInput> Json() => (
        from elements in Gen.Frequency((3, ValidObject), (2, JsonObject), (1, JsonValue)).ListOf()
        from wrapped in Gen.Elements(true, false)
        from cut in Gen.Choose(0, 100)
        let array = "[" + string.Join(",\n", elements) + "]"
        let text = wrapped ? $$"""{"records":{{array}}}""" : array
        select new FuzzInput(Encoding.UTF8.GetBytes(text[..(text.Length * (cut < 90 ? 100 : cut) / 100)]))).ToArbitrary();
}

/// <summary>
/// Lenient imports of broken input: the only exception is <see cref="RecordImportException"/> (the input as a whole is
/// unusable), and otherwise accepted + rejected = read, with every rejected row naming a line and a column.
/// </summary>
public class ImportFuzzProperties
{
    private static readonly RecordImportOptions Lenient = new() { Mode = ImportMode.Lenient, MaxRowLength = 200 };

    private static void Holds(Func<ImportResult> import)
    {
        ImportResult result;
        try
        {
            result = import();
        }
        catch (RecordImportException ex)
        {
            Assert.True(ex.Row.Line >= 0);
            return;
        }
        Assert.Equal(result.Read, result.Accepted + result.Rejected.Count);
        Assert.All(result.Rejected, r => Assert.True(r.Line >= 1 && r.Column.Length > 0 && r.Reason.Length > 0, r.ToString()));
    }

    [Property(Arbitrary = [typeof(ImportFuzzArbitraries)], MaxTest = 1000, Replay = "20241203,1111111111111111111")]
    public void Broken_csv_is_rejected_row_by_row_and_nothing_is_lost(FuzzInput input)
        => Holds(() => new CsvRecordImporter().Import(new MemoryStream(input.Bytes), "fuzz.csv", Lenient));

    [Property(Arbitrary = [typeof(ImportFuzzArbitraries)], MaxTest = 1000, Replay = "20241203,1111111111111111111")]
    public void Broken_json_is_rejected_element_by_element_and_nothing_is_lost(FuzzInput input)
        => Holds(() => new JsonRecordImporter().Import(input.Bytes, "fuzz.json", Lenient));
}
