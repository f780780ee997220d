using System.Text.Json;
using FsCheck;
using FsCheck.Xunit;

namespace SocialWork.Reporting.Tests;

/// <summary>The report's JSON is written row by row; it must be exactly what the source-generated serializer makes of the same document.</summary>
public sealed class ReportJsonWritingTests
{
    /// <summary>Names for some of the divisions the generated records use, one with characters JSON escapes.</summary>
    private static readonly DivisionDirectory Names = new(
        [new(DivisionCode.Parse("130601"), "竞秀区"), new(DivisionCode.Parse("130602"), "莲池区 \"东\""), new(DivisionCode.Parse("130602001"), "五四路街道")], 2023);

    private static byte[] Written(ReportDocument document)
    {
        using var stream = new MemoryStream();
        ReportWriter.WriteJson(document, stream);
        return stream.ToArray();
    }

    [Property(Arbitrary = [typeof(ReportingArbitraries)], MaxTest = 120)]
    public bool The_written_report_is_the_serialized_document(ServiceRecord[] records, CubeQuery query, NonNegativeInt k, bool named)
    {
        var cube = Cube.Build(RecordBatch.From(records), query);
        var document = ReportDocument.From(cube, null, named ? Names : null, new ReportOptions { SuppressBelow = k.Get % 6 });
        var reference = JsonSerializer.SerializeToUtf8Bytes(document, ReportWriter.Readable.ReportDocument);
        var parsed = ReportWriter.ParseJson(ReportWriter.ToJson(document));
        return Written(document).SequenceEqual(reference)
               && Written(parsed).SequenceEqual(reference);
    }

    [Fact]
    public void A_report_of_many_rows_is_written_in_pieces_and_whole()
    {
        var records = Enumerable.Range(0, 20_000).Select(i => new ServiceRecord(
            $"R{i}", new LocalDate(2023, 1, 1).PlusDays(i % 365), DivisionCode.FromSegments(13, 6, 2, 1 + (i % 9), 1 + (i % 40)), ServiceCode.Parse("EL.01"), ServiceMethod.Visit, 1)).ToArray();
        var document = ReportDocument.From(Cube.Build(RecordBatch.From(records), new CubeQuery(DivisionLevel.Village, PeriodKind.Month)));

        var written = Written(document);

        Assert.True(written.Length > 1 << 17);
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(document, ReportWriter.Readable.ReportDocument), written);
        Assert.Equal(document.Rows.Count, ReportWriter.ParseJson(System.Text.Encoding.UTF8.GetString(written)).Rows.Count);
    }
}
