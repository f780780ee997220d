using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace SocialWork.Reporting.Tests;

/// <summary>A batch's ids: the span, the string and the view agree, and the hashed uniqueness check finds exactly the repeats the exact set finds.</summary>
public sealed class RecordIdProperties
{
    private static RecordBatch Batch(IEnumerable<string> ids) => RecordBatch.From(ids.Select(id => new ServiceRecord(
        id, new LocalDate(2023, 1, 5), DivisionCode.Parse("130602005014"), ServiceCode.Parse("EL.01"), ServiceMethod.Visit, 1, 0)));

    [Property(MaxTest = 300)]
    public bool EnsureUniqueIds_throws_exactly_when_an_id_repeats(NonEmptyString[] raw, byte repeats)
    {
        var ids = raw.Select(s => "R" + s.Get.Replace(',', ';').Trim()).ToList();
        for (var i = 0; i < repeats % 3 && ids.Count > 0; i++)
        {
            ids.Add(ids[(repeats + i) % ids.Count]);
        }
        var batch = Batch(ids);
        var repeated = ids.Count != ids.Distinct(StringComparer.Ordinal).Count();
        var thrown = Record.Exception(batch.EnsureUniqueIds);
        var view = batch.GetIds();
        var sameView = view.Count == batch.Count && view.SequenceEqual(Enumerable.Range(0, batch.Count).Select(batch.IdAt)) && (batch.Count == 0 || view[batch.Count - 1] == batch.IdAt(batch.Count - 1));
        return sameView && repeated
            ? thrown is RecordAlreadyStoredException e && ids.Count(id => id == e.Ids.Single()) > 1
            : thrown is null && Enumerable.Range(0, batch.Count).All(i => batch.IdSpanAt(i).SequenceEqual(batch.IdAt(i)));
    }

    [Fact]
    public void A_batch_without_ids_has_no_id_to_check()
    {
        var batch = new CsvRecordImporter(new RecordImportOptions { KeepIds = false })
            .Import(new MemoryStream("id,date,division,item,method,person_times,households,amount\nR1,2023-01-05,130602005014,EL.01,visit,1,0,\n"u8.ToArray()), "r.csv").Batch;
        Assert.Throws<InvalidOperationException>(batch.EnsureUniqueIds);
        Assert.Throws<InvalidOperationException>(() => batch.IdSpanAt(0).Length);
        Assert.Throws<InvalidOperationException>(batch.GetIds);
    }
}
