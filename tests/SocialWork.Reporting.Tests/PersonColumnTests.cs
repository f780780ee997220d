using System.Text;

namespace SocialWork.Reporting.Tests;

/// <summary>The optional <c>person</c> column: pseudonymous keys are kept; a raw resident ID number is refused and never repeated whole.</summary>
public sealed class PersonColumnTests
{
    private const string RawId = "11010519491231002X";
    private const string Header = "id,date,division,item,method,person_times,households,amount,person";

    private static readonly PersonKey Key = PersonKey.Pseudonymize(RawId, "socialwork-test-secret-32-bytes!"u8);

    private static ImportResult Csv(string csv, ImportMode mode)
        => new CsvRecordImporter().Import(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "people.csv", new RecordImportOptions { Mode = mode });

    [Fact]
    public void Person_keys_are_kept_with_the_records_and_a_record_may_have_none()
    {
        var result = Csv($"{Header}\nP1,2024-01-05,130602005001,EL.01,visit,3,1,,{Key}\nP2,2024-01-06,130602005001,EL.01,visit,2,1,,\nP3,2024-01-07,130602005001,EL.01,group,9,0,,{Key}\n", ImportMode.Strict);

        Assert.True(result.Batch.HasPeople);
        Assert.Equal([Key], result.Batch.People);
        Assert.Equal([Key, null, Key], Enumerable.Range(0, 3).Select(result.Batch.PersonAt));
    }

    [Fact]
    public void A_raw_resident_id_number_in_the_person_column_is_rejected_and_only_ever_shown_masked()
    {
        var csv = $"{Header}\nP1,2024-01-05,130602005001,EL.01,visit,3,1,,{RawId}\nP2,2024-01-06,130602005001,EL.01,visit,2,1,,{Key}\nP3,{RawId},130602005001,EL.01,visit,2,1,,\n";

        var lenient = Csv(csv, ImportMode.Lenient);
        Assert.Equal((3, 1), (lenient.Read, lenient.Accepted));
        var raw = lenient.Rejected[0];
        Assert.Equal((2, "person"), (raw.Line, raw.Column));
        Assert.Equal("'110105********002X' is a raw resident ID number; pseudonymise it first (PersonKey.Pseudonymize)", raw.Reason);
        Assert.Contains("110105********002X", raw.Raw, StringComparison.Ordinal);
        Assert.Equal("date", lenient.Rejected[1].Column);
        Assert.All(lenient.Rejected, r => Assert.DoesNotContain(RawId, r.Reason + r.Raw + r.ChineseReason + r.ToString(), StringComparison.Ordinal));

        var strict = Assert.Throws<RecordImportException>(() => Csv(csv, ImportMode.Strict));
        Assert.DoesNotContain(RawId, strict.Message, StringComparison.Ordinal);
        Assert.Contains("110105********002X", strict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_importer_refuses_a_raw_number_the_same_way()
    {
        var json = $$"""[{"id":"J1","date":"2024-01-05","division":"130602005001","item":"EL.01","method":"visit","personTimes":3,"households":1,"amount":"0","person":"{{RawId}}"}]""";
        var result = new JsonRecordImporter().Import(Encoding.UTF8.GetBytes(json), "people.json", new RecordImportOptions { Mode = ImportMode.Lenient });

        var rejected = Assert.Single(result.Rejected);
        Assert.Equal("$[0].person", rejected.Column);
        Assert.DoesNotContain(RawId, rejected.Reason + rejected.Raw, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_that_is_neither_a_key_nor_a_number_is_rejected_without_being_repeated()
    {
        var result = Csv($"{Header}\nP1,2024-01-05,130602005001,EL.01,visit,3,1,,张三\n", ImportMode.Lenient);
        var rejected = Assert.Single(result.Rejected);
        Assert.Equal("a person key is 43 base64url characters; this has 2", rejected.Reason);
    }
}
