using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace SocialWork.Reporting.PostgreSql.Tests;

/// <summary>
/// The summary table (issue #35): reports it serves equal the cube over the records, it follows every append and
/// withdrawal in their transactions, and a summary new to a table — or one that missed appends — is filled from the records.
/// </summary>
public sealed class PostgreSqlSummaryTests : IClassFixture<PostgresServer>
{
    private static readonly DivisionCode Village = DivisionCode.Parse("130602005014");

    private readonly PostgresServer server;

    public PostgreSqlSummaryTests(PostgresServer server)
    {
        PostgresServer.Require();
        this.server = server;
    }

    private static ServiceRecord Record(string id, LocalDate date, int personTimes = 3, DivisionCode? division = null, string programme = "")
        => new(id, date, division ?? Village, ServiceCode.Parse("EL.01"), ServiceMethod.Visit, personTimes, 1, Money.FromFen(250), programmeId: programme);

    private static T Run<T>(ValueTask<T> task) => task.AsTask().GetAwaiter().GetResult();

    private static void Run(ValueTask task) => task.AsTask().GetAwaiter().GetResult();

    private static bool Same(Cube stored, Cube direct)
        => stored.Rows.SequenceEqual(direct.Rows) && stored.Total == direct.Total && stored.TotalPeople == direct.TotalPeople
           && stored.Rows.All(r => stored.PeopleAt(r.Division, r.Period, r.Key) == direct.PeopleAt(r.Division, r.Period, r.Key));

    private static bool ReadsSummary(PostgreSqlRecordStore store, CubeQuery query) => store.QuerySql(query).Contains("_summary_township", StringComparison.Ordinal);

    private async Task<long> SummaryRowsAsync(PostgreSqlRecordStore store)
    {
        await using var command = server.DataSource.CreateCommand($"SELECT count(*) FROM {store.Options.TableName}_summary_township");
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    [Property(Arbitrary = [typeof(ReportingArbitraries)], MaxTest = 30)]
    public bool A_report_the_summary_serves_equals_the_cube_over_the_records(ServiceRecord[] records, CubeQuery query, PositiveInt from, PositiveInt months, bool dates, bool partitioned)
    {
        var store = server.NewStore(partitioned, DivisionLevel.Township);
        foreach (var part in records.Chunk(7))
        {
            Run(store.AppendAsync(RecordBatch.From(part)));
        }
        var start = new LocalDate(2023, 1, 1).PlusMonths(from.Get % 26);
        // Levels the summary serves, and whole months (or no dates).
        var served = query with
        {
            Level = query.Level == DivisionLevel.Village ? DivisionLevel.Township : query.Level,
            From = dates ? start : null,
            To = dates ? start.PlusMonths(months.Get % 12 + 1).PlusDays(-1) : null,
        };
        return ReadsSummary(store, served) && Same(Run(store.QueryAsync(served)), Cube.Build(RecordBatch.From(records), served));
    }

    [Fact]
    public async Task Reports_below_the_summarys_level_or_with_days_inside_a_month_read_the_records()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = server.NewStore(summaryLevel: DivisionLevel.Township);
        ServiceRecord[] records = [Record("A", new LocalDate(2023, 3, 1)), Record("B", new LocalDate(2023, 3, 20), 5), Record("C", new LocalDate(2023, 4, 2), 7)];
        await store.AppendAsync(RecordBatch.From(records), ct);
        var township = new CubeQuery(DivisionLevel.Township, PeriodKind.Month);

        CubeQuery[] byRecords =
        [
            township with { Level = DivisionLevel.Village },
            township with { From = new LocalDate(2023, 3, 2) },
            township with { To = new LocalDate(2023, 3, 30) },
            township with { Within = Village },
        ];

        Assert.True(ReadsSummary(store, township with { From = new LocalDate(2023, 3, 1), To = new LocalDate(2023, 3, 31) }));
        foreach (var query in byRecords)
        {
            Assert.False(ReadsSummary(store, query), query.ToString());
            Assert.True(Same(await store.QueryAsync(query, ct), Cube.Build(RecordBatch.From(records), query)), query.ToString());
        }
    }

    [Fact]
    public async Task A_summary_added_to_a_table_with_records_is_filled_from_them()
    {
        var ct = TestContext.Current.CancellationToken;
        var plain = server.NewStore();
        ServiceRecord[] records = [Record("A", new LocalDate(2023, 3, 1)), Record("B", new LocalDate(2023, 3, 20), 5), Record("C", new LocalDate(2023, 4, 2), 7, DivisionCode.Parse("130602006001"))];
        await plain.AppendAsync(RecordBatch.From(records), ct);

        var summarised = new PostgreSqlRecordStore(server.DataSource, plain.Options with { SummaryLevel = DivisionLevel.Township });
        await summarised.EnsureSchemaAsync(ct);

        var query = new CubeQuery(DivisionLevel.Township, PeriodKind.Month, CubeDimension.Domain);
        Assert.True(ReadsSummary(summarised, query));
        Assert.True(Same(await summarised.QueryAsync(query, ct), Cube.Build(RecordBatch.From(records), query)));
        Assert.Equal(2, await SummaryRowsAsync(summarised));
    }

    [Fact]
    public async Task Appends_made_while_the_summary_was_off_are_added_when_it_is_on_again()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = server.NewStore(summaryLevel: DivisionLevel.Township);
        await store.AppendAsync(RecordBatch.From([Record("A", new LocalDate(2023, 3, 1))]), ct);
        var off = new PostgreSqlRecordStore(server.DataSource, store.Options with { SummaryLevel = null });
        await off.AppendAsync(RecordBatch.From([Record("B", new LocalDate(2023, 3, 2), 5)]), ct);
        var query = new CubeQuery(DivisionLevel.County, PeriodKind.Year);
        Assert.Equal(3, (await store.QueryAsync(query, ct)).Total.PersonTimes);

        var on = new PostgreSqlRecordStore(server.DataSource, store.Options);
        await on.EnsureSchemaAsync(ct);

        Assert.Equal(8, (await on.QueryAsync(query, ct)).Total.PersonTimes);
    }

    [Fact]
    public async Task A_withdrawal_leaves_the_summary_equal_to_the_records_not_withdrawn_and_removes_the_groups_it_empties()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = server.NewStore(summaryLevel: DivisionLevel.Township);
        ServiceRecord[] records =
        [
            Record("A", new LocalDate(2023, 3, 1)), Record("B", new LocalDate(2023, 3, 20), 5),
            Record("C", new LocalDate(2023, 3, 21), 7, programme: "bee"),
        ];
        await store.AppendAsync(RecordBatch.From(records), ct);
        Assert.Equal(2, await SummaryRowsAsync(store));

        await store.WithdrawAsync(["B", "C"], "录入重复", new SubmissionActor("reporter-130602", DivisionScope.Of(DivisionCode.Parse("130602000000")), Reports: true, Approves: false), Instant.FromUtc(2023, 4, 1, 0, 0), ct);

        var query = new CubeQuery(DivisionLevel.Township, PeriodKind.Month, CubeDimension.Programme);
        Assert.True(Same(await store.QueryAsync(query, ct), Cube.Build(RecordBatch.From(records[..1]), query)));
        Assert.Equal(1, await SummaryRowsAsync(store));
    }

    [Fact]
    public async Task Writers_appending_into_the_same_groups_at_once_all_count()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = server.NewStore(partitionByMonth: true, summaryLevel: DivisionLevel.Township);
        var writers = Enumerable.Range(0, 6).Select(w => Task.Run(async () =>
        {
            var own = new PostgreSqlRecordStore(server.DataSource, store.Options);
            for (var round = 0; round < 5; round++)
            {
                // Every batch touches the same groups, in a different order each time.
                var batch = Enumerable.Range(0, 12).Select(i => Record($"W{w}-{round}-{i}", new LocalDate(2023, 1 + (i + w + round) % 12, 1 + i), division: DivisionCode.Parse($"13060200{5 + (i + w) % 3}001"))).ToArray();
                await own.AppendAsync(RecordBatch.From(batch), ct);
            }
        }, ct)).ToArray();

        await Task.WhenAll(writers);

        var total = (await store.QueryAsync(new CubeQuery(DivisionLevel.County, PeriodKind.Year), ct)).Total;
        Assert.Equal(6 * 5 * 12, total.Records);
        Assert.Equal(6 * 5 * 12 * 3, total.PersonTimes);
    }

    [Fact]
    public void A_summary_needs_a_short_enough_table_name_and_a_level()
    {
        var name = new string('t', 45);
        var error = Assert.Throws<ArgumentException>(() => new PostgreSqlRecordStore(server.DataSource, new PostgreSqlRecordStoreOptions { TableName = name, SummaryLevel = DivisionLevel.County }));
        Assert.Contains("44", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new PostgreSqlRecordStoreOptions { SummaryLevel = (DivisionLevel)9 });
    }
}

/// <summary>The store laws on a table with a summary by township (reports at township level or above read it).</summary>
public sealed class PostgreSqlSummaryStoreLaws : RecordStoreLaws, IClassFixture<PostgresServer>
{
    private readonly PostgresServer server;

    public PostgreSqlSummaryStoreLaws(PostgresServer server)
    {
        PostgresServer.Require();
        this.server = server;
    }

    protected override IRecordStore NewStore() => server.NewStore(summaryLevel: DivisionLevel.Township);
}

/// <summary>The ledger laws on a partitioned table with a summary by county (withdrawals reduce it).</summary>
public sealed class PostgreSqlSummaryLedgerLaws : ReportLedgerLaws, IClassFixture<PostgresServer>
{
    private readonly PostgresServer server;

    public PostgreSqlSummaryLedgerLaws(PostgresServer server)
    {
        PostgresServer.Require();
        this.server = server;
    }

    protected override IReportLedger NewLedger() => server.NewStore(partitionByMonth: true, summaryLevel: DivisionLevel.County);

    protected override IReportLedger Reopen(IReportLedger ledger) => new PostgreSqlRecordStore(server.DataSource, ((PostgreSqlRecordStore)ledger).Options);
}
