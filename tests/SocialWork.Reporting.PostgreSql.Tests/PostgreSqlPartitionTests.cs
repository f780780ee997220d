using Npgsql;

namespace SocialWork.Reporting.PostgreSql.Tests;

/// <summary>The table partitioned by month (issue #35): pruning, partitions made on demand or ahead, ids unique across partitions, moving a table in.</summary>
public sealed class PostgreSqlPartitionTests : IClassFixture<PostgresServer>
{
    private readonly PostgresServer server;

    public PostgreSqlPartitionTests(PostgresServer server)
    {
        PostgresServer.Require();
        this.server = server;
    }

    private static ServiceRecord Record(string id, LocalDate date, int personTimes = 3)
        => new(id, date, DivisionCode.Parse("130602005014"), ServiceCode.Parse("EL.01"), ServiceMethod.Visit, personTimes, 1, Money.FromFen(250));

    private async Task ExecuteAsync(string sql)
    {
        await using var command = server.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_month_report_reads_only_that_months_partition()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = server.NewStore(partitionByMonth: true);
        await store.AppendAsync(RecordBatch.From([Record("F1", new LocalDate(2023, 2, 10)), Record("M1", new LocalDate(2023, 3, 10)), Record("A1", new LocalDate(2023, 4, 10))]), ct);
        var name = store.Options.TableName.Split('.')[^1];

        var plan = await store.ExplainAsync(new CubeQuery(DivisionLevel.Township, PeriodKind.Month, CubeDimension.Domain) { From = new LocalDate(2023, 3, 1), To = new LocalDate(2023, 3, 31) }, ct);
        var whole = await store.ExplainAsync(new CubeQuery(DivisionLevel.Township, PeriodKind.Month, CubeDimension.Domain), ct);

        Assert.Contains($"{name}_p2023_03", plan, StringComparison.Ordinal);
        Assert.DoesNotContain($"{name}_p2023_02", plan, StringComparison.Ordinal);
        Assert.DoesNotContain($"{name}_p2023_04", plan, StringComparison.Ordinal);
        Assert.Contains($"{name}_p2023_02", whole, StringComparison.Ordinal);
        Assert.Contains($"{name}_p2023_04", whole, StringComparison.Ordinal);
        Assert.Equal(3, (await store.QueryAsync(new CubeQuery(DivisionLevel.County, PeriodKind.Year), ct)).Total.PersonTimes / 3);
    }

    [Fact]
    public async Task Ids_stay_unique_across_partitions_and_across_store_objects()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = server.NewStore(partitionByMonth: true);
        await store.AppendAsync(RecordBatch.From([Record("U1", new LocalDate(2023, 1, 5))]), ct);
        var other = new PostgreSqlRecordStore(server.DataSource, store.Options);

        var taken = await Assert.ThrowsAsync<RecordAlreadyStoredException>(async () => await other.AppendAsync(RecordBatch.From([Record("U2", new LocalDate(2023, 1, 6)), Record("U1", new LocalDate(2024, 6, 1))]), ct));

        Assert.Equal(["U1"], taken.Ids);
        Assert.Equal(1, await store.CountAsync(ct));
        Assert.Equal(["U1"], await other.FindStoredIdsAsync(["U1", "U2"], ct));
    }

    [Fact]
    public async Task A_role_that_may_only_insert_appends_into_partitions_made_ahead_and_is_told_when_a_month_has_none()
    {
        var ct = TestContext.Current.CancellationToken;
        var owner = server.NewStore(partitionByMonth: true);
        await owner.EnsurePartitionsAsync(new LocalDate(2023, 1, 1), new LocalDate(2023, 12, 1), ct);
        var role = "sw_part_" + Guid.NewGuid().ToString("N")[..8];
        var table = owner.Options.TableName;
        await ExecuteAsync($"CREATE ROLE {role} LOGIN PASSWORD 'test-only'");
        try
        {
            await ExecuteAsync($"GRANT USAGE ON SCHEMA \"{server.Schema}\" TO {role}; GRANT INSERT, SELECT ON {table}, {table}_ids, {table}_transitions, {table}_withdrawals, {table}_snapshots TO {role}");
            var connection = new NpgsqlConnectionStringBuilder(PostgresServer.ConnectionString) { Username = role, Password = "test-only", Pooling = false };
            await using var limited = NpgsqlDataSource.Create(connection.ConnectionString);
            var store = new PostgreSqlRecordStore(limited, owner.Options);

            await store.AppendAsync(RecordBatch.From([Record("L1", new LocalDate(2023, 3, 1)), Record("L2", new LocalDate(2023, 11, 30))]), ct);
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(async () => await store.AppendAsync(RecordBatch.From([Record("L3", new LocalDate(2024, 1, 2))]), ct));

            Assert.Contains("no partition for 2024-01", refused.Message, StringComparison.Ordinal);
            Assert.Contains("EnsurePartitionsAsync", refused.Message, StringComparison.Ordinal);
            Assert.Equal(2, await store.CountAsync(ct));
        }
        finally
        {
            await ExecuteAsync($"DROP OWNED BY {role}; DROP ROLE {role}");
        }
    }

    [Fact]
    public async Task A_plain_table_moves_into_the_partitioned_layout_with_its_records_and_its_ledger()
    {
        var ct = TestContext.Current.CancellationToken;
        var plain = server.NewStore();
        await plain.AppendAsync(RecordBatch.From([Record("P1", new LocalDate(2022, 12, 31), 4), Record("P2", new LocalDate(2023, 3, 2), 5), Record("P3", new LocalDate(2023, 3, 9), 6)]), ct);
        var reporter = new SubmissionActor("reporter", DivisionScope.Of(DivisionCode.Parse("130602")), Reports: true, Approves: false);
        await plain.WithdrawAsync(["P3"], "entered twice", reporter, NodaTime.Instant.FromUtc(2023, 4, 1, 0, 0), ct);
        var submitted = await plain.SubmitAsync(reporter, DivisionCode.Parse("130602005"), ReportingPeriod.OfMonth(2023, 3), CubeDimension.None, NodaTime.Instant.FromUtc(2023, 4, 2, 0, 0), ct);
        var partitioned = server.NewStore(partitionByMonth: true);

        var copied = await partitioned.CopyFromAsync(plain.Options, ct);

        Assert.Equal(3, copied);
        var query = new CubeQuery(DivisionLevel.Township, PeriodKind.Month, CubeDimension.Method);
        var (before, after) = (await plain.QueryAsync(query, ct), await partitioned.QueryAsync(query, ct));
        Assert.Equal(before.Rows, after.Rows);
        Assert.Equal(2, await partitioned.CountAsync(ct));
        Assert.Equal(submitted, (await partitioned.ReadSubmissionsAsync(ct)).Get(submitted.Division, submitted.Period));
        Assert.NotNull(await partitioned.FindSnapshotAsync(submitted.SnapshotId!, ct));
        await Assert.ThrowsAsync<RecordLockedException>(async () => await partitioned.AppendAsync(RecordBatch.From([Record("P4", new LocalDate(2023, 3, 20))]), ct));
        await Assert.ThrowsAsync<RecordAlreadyStoredException>(async () => await partitioned.AppendAsync(RecordBatch.From([Record("P1", new LocalDate(2023, 5, 1))]), ct));
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await partitioned.CopyFromAsync(plain.Options, ct));
    }
}
