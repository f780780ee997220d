using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace SocialWork.Reporting.Parquet.Tests;

[Properties(Arbitrary = [typeof(ReportingArbitraries)], MaxTest = 60)]
public sealed class ParquetStoreProperties : StoreTestBase
{
    [Property]
    public bool A_file_gives_back_every_column_of_every_record(ServiceRecord[] records, PositiveInt rowGroupSize)
    {
        var batch = RecordBatch.From(records);
        var path = Path.Combine(Dir, $"{Guid.NewGuid():N}.parquet");
        ParquetRecordFile.WriteFileAsync(batch, path, new ParquetRecordOptions { RowGroupSize = rowGroupSize.Get % 50 + 1 }).GetAwaiter().GetResult();
        var back = ParquetRecordFile.ReadAsync(path).GetAwaiter().GetResult();
        return Rows(back).SequenceEqual(Rows(batch));
    }

    [Property]
    public bool A_dataset_split_any_way_into_files_gives_the_cube_of_all_its_records(ServiceRecord[] records, CubeQuery query, int[] cuts, bool byMonth)
    {
        var dataset = new ParquetDataset(Path.Combine(Dir, Guid.NewGuid().ToString("N")), new ParquetRecordOptions { RowGroupSize = 17 });
        var points = cuts.Select(c => Math.Abs(c % (records.Length + 1))).Append(0).Append(records.Length).Distinct().Order().ToArray();
        for (var i = 0; i + 1 < points.Length; i++)
        {
            var part = RecordBatch.From(records[points[i]..points[i + 1]]);
            if (byMonth)
            {
                dataset.AppendByMonthAsync(part).AsTask().GetAwaiter().GetResult();
            }
            else
            {
                dataset.AppendAsync(part).AsTask().GetAwaiter().GetResult();
            }
        }
        var stored = dataset.QueryAsync(query).AsTask().GetAwaiter().GetResult();
        return Shape(stored).Rows.SequenceEqual(Shape(Cube.Build(RecordBatch.From(records), query)).Rows)
               && stored.Total == Cube.Build(RecordBatch.From(records), query).Total;
    }

    [Property]
    public bool Date_and_division_filters_give_the_cube_of_the_records_they_keep(ServiceRecord[] records, CubeQuery query, PositiveInt from, PositiveInt days, bool within)
    {
        var dataset = new ParquetDataset(Path.Combine(Dir, Guid.NewGuid().ToString("N")), new ParquetRecordOptions { RowGroupSize = 5 });
        dataset.AppendByMonthAsync(RecordBatch.From(records)).AsTask().GetAwaiter().GetResult();
        var start = new LocalDate(2023, 1, 1).PlusDays(from.Get % 800);
        var filtered = query with { From = start, To = start.PlusDays(days.Get % 300), Within = within ? DivisionCode.FromSegments(13, 6, 1) : null };
        var stored = dataset.QueryAsync(filtered).AsTask().GetAwaiter().GetResult();
        var direct = Cube.Build(RecordBatch.From(records), filtered);
        return Shape(stored).Rows.SequenceEqual(Shape(direct).Rows) && stored.Total == direct.Total;
    }
}
