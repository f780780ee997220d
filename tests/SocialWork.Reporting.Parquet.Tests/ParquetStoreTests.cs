namespace SocialWork.Reporting.Parquet.Tests;

public sealed class ParquetStoreTests : StoreTestBase
{
    private static ServiceRecord Record(string id, LocalDate date, string division = "130602005014", int personTimes = 3, decimal yuan = 0m) =>
        new(id, date, DivisionCode.Parse(division), ServiceCode.Parse("EL.01"), ServiceMethod.Visit, personTimes, 1, Money.FromYuan(yuan));

    [Fact]
    public async Task By_month_appends_write_one_file_per_month_and_no_temporary_file_is_left()
    {
        var dataset = new ParquetDataset(Dir);
        await dataset.AppendByMonthAsync(RecordBatch.From([Record("R1", new(2023, 1, 5)), Record("R2", new(2023, 1, 31)), Record("R3", new(2023, 3, 1))]), TestContext.Current.CancellationToken);
        await dataset.AppendByMonthAsync(RecordBatch.From([Record("R4", new(2023, 3, 9))]), TestContext.Current.CancellationToken);

        var names = dataset.Files.Select(f => Path.GetFileName(f)).ToList();
        Assert.Equal(3, names.Count);
        Assert.Contains("2023-01.parquet", names);
        Assert.Contains("2023-03.parquet", names);
        Assert.Single(names, n => n.StartsWith("2023-03-", StringComparison.Ordinal));   // the second March append: the name was taken
        Assert.Equal(names.Count, Directory.GetFiles(Dir).Length);
        var cube = await dataset.QueryAsync(new CubeQuery(DivisionLevel.County, PeriodKind.Month), TestContext.Current.CancellationToken);
        Assert.Equal(12, cube.Total.PersonTimes);
    }

    [Fact]
    public async Task Row_groups_outside_the_query_dates_or_division_are_not_read()
    {
        var records = Enumerable.Range(0, 12).Select(m => Record($"R{m}", new LocalDate(2023, m + 1, 10), m % 2 == 0 ? "130602005014" : "130603100200")).ToArray();
        var path = Path.Combine(Dir, "year.parquet");
        await ParquetRecordFile.WriteFileAsync(RecordBatch.From(records), path, new ParquetRecordOptions { RowGroupSize = 1 }, TestContext.Current.CancellationToken);
        var query = new CubeQuery(DivisionLevel.County, PeriodKind.Quarter);

        Assert.Equal(12, (await ParquetDataset.PlanAsync([path], query, TestContext.Current.CancellationToken)).Count);
        Assert.Equal(3, (await ParquetDataset.PlanAsync([path], query with { From = new LocalDate(2023, 4, 1), To = new LocalDate(2023, 6, 30) }, TestContext.Current.CancellationToken)).Count);
        Assert.Equal(6, (await ParquetDataset.PlanAsync([path], query with { Within = DivisionCode.Parse("130603") }, TestContext.Current.CancellationToken)).Count);
        var cube = await ParquetRecordFile.QueryAsync(path, query with { Within = DivisionCode.Parse("130603"), From = new LocalDate(2023, 4, 1) }, TestContext.Current.CancellationToken);
        Assert.Equal(5 * 3, cube.Total.PersonTimes);   // April, June, August, October, December in 130603
    }

    [Fact]
    public async Task A_scoped_query_skips_the_row_groups_outside_the_scope()
    {
        var ct = TestContext.Current.CancellationToken;
        var records = Enumerable.Range(0, 12).Select(m => Record($"R{m}", new LocalDate(2023, m + 1, 10), (m % 3) switch { 0 => "130602005014", 1 => "130603100200", _ => "130604001001" })).ToArray();
        var path = Path.Combine(Dir, "year.parquet");
        await ParquetRecordFile.WriteFileAsync(RecordBatch.From(records), path, new ParquetRecordOptions { RowGroupSize = 1 }, ct);
        var query = new CubeQuery(DivisionLevel.Township, PeriodKind.Year);

        Assert.Equal(4, (await ParquetDataset.PlanAsync([path], query with { Scope = DivisionScope.Parse("130602005") }, ct)).Count);
        Assert.Equal(8, (await ParquetDataset.PlanAsync([path], query with { Scope = DivisionScope.Parse("130602005,130604") }, ct)).Count);
        Assert.Empty(await ParquetDataset.PlanAsync([path], query with { Scope = DivisionScope.Parse("130605") }, ct));
        Assert.Empty(await ParquetDataset.PlanAsync([path], query with { Scope = DivisionScope.Empty }, ct));
        var cube = await ParquetRecordFile.QueryAsync(path, query with { Scope = DivisionScope.Parse("130604,130602005") }, ct);
        Assert.Equal([DivisionCode.Parse("130602005"), DivisionCode.Parse("130604001")], cube.Rows.Select(r => r.Division));
        Assert.Equal(8 * 3, cube.Total.PersonTimes);
    }

    [Fact]
    public async Task Read_gives_the_records_back_a_row_group_at_a_time()
    {
        var dataset = new ParquetDataset(Dir, new ParquetRecordOptions { RowGroupSize = 2 });
        await dataset.AppendAsync(RecordBatch.From(Enumerable.Range(1, 5).Select(i => Record($"R{i}", new LocalDate(2023, 1, i)))), TestContext.Current.CancellationToken);
        var sizes = new List<int>();
        await foreach (var batch in dataset.ReadAsync(TestContext.Current.CancellationToken))
        {
            sizes.Add(batch.Count);
        }
        Assert.Equal([2, 2, 1], sizes);
    }

    [Fact]
    public async Task An_empty_dataset_gives_an_empty_cube()
    {
        var cube = await new ParquetDataset(Dir).QueryAsync(new CubeQuery(DivisionLevel.County, PeriodKind.Year), TestContext.Current.CancellationToken);
        Assert.Equal(Indicators.Zero, cube.Total);
        Assert.Empty(cube.Rows);
    }

    [Fact]
    public async Task A_truncated_file_is_an_error_naming_the_file()
    {
        var path = Path.Combine(Dir, "cut.parquet");
        await ParquetRecordFile.WriteFileAsync(RecordBatch.From([Record("R1", new(2023, 1, 5))]), path, cancellationToken: TestContext.Current.CancellationToken);
        var bytes = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(path, bytes[..(bytes.Length / 2)], TestContext.Current.CancellationToken);

        var e = await Assert.ThrowsAsync<ParquetRecordException>(() => ParquetRecordFile.ReadAsync(path, TestContext.Current.CancellationToken));
        Assert.Equal("cut.parquet", e.FileName);
        Assert.StartsWith("cut.parquet", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_parquet_is_an_error_naming_the_file()
    {
        var path = Path.Combine(Dir, "records.parquet");
        await File.WriteAllTextAsync(path, "id,date\nR1,2023-01-01\n", TestContext.Current.CancellationToken);
        var e = await Assert.ThrowsAsync<ParquetRecordException>(() => new ParquetDataset(Dir).QueryAsync(new CubeQuery(DivisionLevel.County, PeriodKind.Year), TestContext.Current.CancellationToken).AsTask());
        Assert.Equal("records.parquet", e.FileName);
    }

    [Fact]
    public void Column_checks_name_the_column_and_the_record()
    {
        var columns = new RecordColumns
        {
            Divisions = [DivisionCode.Parse("130602")],
            Codes = [ServiceCode.Parse("EL")],
            Programmes = [string.Empty],
            DivisionIndices = [0, 1],
            DayNumbers = [19000, 19001],
            CodeIndices = [0, 0],
            ProgrammeIndices = [0, 0],
            Methods = [0, 0],
            TargetGroups = [0, 0],
            Parties = [0, 0],
            PersonTimes = [1, 1],
            Households = [0, 0],
            AmountFen = [0, 0],
        };
        var e = Assert.Throws<ArgumentException>(() => RecordBatch.FromColumns(columns));
        Assert.Contains("Record 1: division index 1 is out of range", e.Message, StringComparison.Ordinal);
    }
}
