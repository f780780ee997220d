using Npgsql;

namespace SocialWork.Reporting.PostgreSql.Tests;

public sealed class PostgreSqlStoreTests : IClassFixture<PostgresServer>
{
    private readonly PostgresServer server;

    public PostgreSqlStoreTests(PostgresServer server)
    {
        PostgresServer.Require();
        this.server = server;
    }

    private static ServiceRecord Record(string id, int day, int personTimes = 3) =>
        new(id, new LocalDate(2023, 1, 1).PlusDays(day), DivisionCode.Parse("130602005014"), ServiceCode.Parse("EL.01"), ServiceMethod.Visit, personTimes, 1, Money.FromFen(1250));

    private async Task ExecuteAsync(string sql)
    {
        await using var command = server.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task An_append_whose_last_row_breaks_a_check_constraint_leaves_the_table_as_it_was()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = server.NewStore();
        await store.AppendAsync(RecordBatch.From([Record("K1", 0), Record("K2", 1)]), ct);
        await ExecuteAsync($"ALTER TABLE {store.Options.TableName} ADD CONSTRAINT person_times_below_1000 CHECK (person_times < 1000)");

        var batch = RecordBatch.From([.. Enumerable.Range(3, 500).Select(i => Record($"K{i}", i)), Record("K999", 900, personTimes: 5000)]);
        Assert.Equal("K999", batch.IdAt(batch.Count - 1));   // the bad row is the last one copied
        var error = await Assert.ThrowsAsync<PostgresException>(async () => await store.AppendAsync(batch, ct));

        Assert.Equal(PostgresErrorCodes.CheckViolation, error.SqlState);
        Assert.Equal(2, await store.CountAsync(ct));
    }

    [Fact]
    public async Task An_append_whose_last_row_repeats_a_stored_id_names_it_and_stores_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = server.NewStore();
        await store.AppendAsync(RecordBatch.From([Record("P1", 0)]), ct);

        var batch = RecordBatch.From([.. Enumerable.Range(2, 300).Select(i => Record($"P{i}", i)), Record("P1", 400)]);
        var error = await Assert.ThrowsAsync<RecordAlreadyStoredException>(async () => await store.AppendAsync(batch, ct));

        Assert.Equal("P1", error.Id);
        Assert.Equal(1, await store.CountAsync(ct));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_role_that_may_only_insert_and_select_can_append_query_read_submit_and_withdraw_but_not_delete(bool summary)
    {
        var ct = TestContext.Current.CancellationToken;
        var owner = server.NewStore(summaryLevel: summary ? DivisionLevel.County : null);
        var role = "sw_writer_" + Guid.NewGuid().ToString("N")[..8];
        await ExecuteAsync($"CREATE ROLE {role} LOGIN PASSWORD 'test-only'");
        try
        {
            await ExecuteAsync($"GRANT USAGE ON SCHEMA \"{server.Schema}\" TO {role}; GRANT INSERT, SELECT ON {owner.Options.TableName}, {owner.Options.TableName}_transitions, {owner.Options.TableName}_withdrawals, {owner.Options.TableName}_snapshots TO {role}");
            if (summary)
            {
                // The summary is the one table whose rows the role updates and deletes (the README's grant).
                await ExecuteAsync($"GRANT INSERT, SELECT, UPDATE, DELETE ON {owner.Options.TableName}_summary_county TO {role}");
            }
            var connection = new NpgsqlConnectionStringBuilder(PostgresServer.ConnectionString) { Username = role, Password = "test-only", Pooling = false };
            await using var limited = NpgsqlDataSource.Create(connection.ConnectionString);
            var store = new PostgreSqlRecordStore(limited, owner.Options);

            await store.AppendAsync(RecordBatch.From([Record("L1", 0), Record("L2", 40)]), ct);
            var cube = await store.QueryAsync(new CubeQuery(DivisionLevel.County, PeriodKind.Quarter), ct);
            Assert.Equal(6, cube.Total.PersonTimes);
            Assert.Equal(2, await store.CountAsync(ct));
            var read = 0;
            await foreach (var batch in store.ReadAsync(ct))
            {
                read += batch.Count;
            }
            Assert.Equal(2, read);
            await Assert.ThrowsAsync<RecordAlreadyStoredException>(async () => await store.AppendAsync(RecordBatch.From([Record("L1", 0)]), ct));
            var reporter = new SubmissionActor("reporter", DivisionScope.Of(DivisionCode.Parse("130000")), Reports: true, Approves: false);
            await store.WithdrawAsync(["L2"], "entered twice", reporter, NodaTime.Instant.FromUtc(2024, 5, 1, 0, 0), ct);
            var submitted = await store.SubmitAsync(reporter, DivisionCode.Parse("130602"), ReportingPeriod.OfYear(2024), CubeDimension.None, NodaTime.Instant.FromUtc(2025, 1, 3, 0, 0), ct);
            Assert.NotNull(await store.FindSnapshotAsync(submitted.SnapshotId!, ct));
            Assert.Equal(3, (await store.QueryAsync(new CubeQuery(DivisionLevel.County, PeriodKind.Quarter), ct)).Total.PersonTimes);

            foreach (var table in new[] { "", "_transitions", "_withdrawals", "_snapshots" })
            {
                await using var delete = limited.CreateCommand($"DELETE FROM {owner.Options.TableName}{table}");
                var denied = await Assert.ThrowsAsync<PostgresException>(async () => await delete.ExecuteNonQueryAsync(ct));
                Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, denied.SqlState);
            }
        }
        finally
        {
            await ExecuteAsync($"DROP OWNED BY {role}; DROP ROLE {role}");
        }
    }

    [Fact]
    public async Task The_query_sends_every_value_as_a_parameter()
    {
        var store = server.NewStore();
        var query = new CubeQuery(DivisionLevel.Township, PeriodKind.Month, CubeDimension.Item)
        {
            From = new LocalDate(2023, 2, 1),
            To = new LocalDate(2023, 11, 30),
            Within = DivisionCode.Parse("130602005"),
        };

        var sql = store.QuerySql(query);

        Assert.DoesNotContain("2023", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("130602", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("month", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("visit", sql, StringComparison.Ordinal);
        Assert.Contains("date >= $10 AND date <= $11 AND division BETWEEN $12 AND $13", sql, StringComparison.Ordinal);
        Assert.EndsWith("GROUP BY 1, 2, 3", sql, StringComparison.Ordinal);
        Assert.Equal(0, (await store.QueryAsync(query, TestContext.Current.CancellationToken)).Total.Records);
    }

    [Fact]
    public async Task A_scope_is_pushed_into_the_where_clause_as_parameterised_ranges()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = server.NewStore();
        await store.AppendAsync(RecordBatch.From([Record("S1", 0), Record("S2", 1)]), ct);
        var query = new CubeQuery(DivisionLevel.Township, PeriodKind.Year) { Scope = DivisionScope.Parse("130602005,130699") };

        var sql = store.QuerySql(query);

        Assert.Contains("(division BETWEEN $10 AND $11 OR division BETWEEN $12 AND $13)", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("130602", sql, StringComparison.Ordinal);
        Assert.Contains("false", store.QuerySql(query with { Scope = DivisionScope.Empty }), StringComparison.Ordinal);
        Assert.Equal(0, (await store.QueryAsync(query with { Scope = DivisionScope.Empty }, ct)).Total.Records);
        var all = await store.QueryAsync(query with { Scope = null }, ct);
        var scoped = await store.QueryAsync(query, ct);
        Assert.Equal(all.Rows.Where(r => query.Scope!.Contains(r.Division)), scoped.Rows);
    }

    [Fact]
    public async Task Records_without_a_person_are_counted_once_where_several_items_fall_in_one_service_type()
    {
        // Three items without a service type share the cube's empty key: two name a person, one names no one.
        var ct = TestContext.Current.CancellationToken;
        var store = server.NewStore();
        var date = new LocalDate(2023, 5, 1);
        var village = DivisionCode.Parse("130602005014");
        PersonKey[] people = [PersonKey.Parse(new string('A', 43)), PersonKey.Parse(new string('Q', 43))];
        await store.AppendAsync(RecordBatch.From([
            new ServiceRecord("T1", date, village, ServiceCode.Parse("EL"), ServiceMethod.Visit, 1, person: people[0]),
            new ServiceRecord("T2", date, village, ServiceCode.Parse("EL.99"), ServiceMethod.Visit, 1, person: people[1]),
            new ServiceRecord("T3", date, village, ServiceCode.Parse("CH.01"), ServiceMethod.Visit, 1)]), ct);
        var query = new CubeQuery(DivisionLevel.Township, PeriodKind.Year, CubeDimension.ServiceType) 
        {
            Catalog = ServiceCatalogJson.Parse("""{"id":"t","extends":"default","items":[{"code":"CH.01","label":{"zh-CN":"儿童之家活动"}}]}"""),
        };

        var cube = await store.QueryAsync(query, ct);

        var row = Assert.Single(cube.Rows);
        Assert.Equal(string.Empty, row.Key);
        Assert.Equal(new PeopleCount(2, 1), cube.PeopleAt(row.Division, row.Period, row.Key));
        Assert.Equal(new PeopleCount(2, 1), cube.TotalPeople);
    }

    [Fact]
    public async Task Ensuring_the_schema_twice_changes_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = server.NewStore();
        await store.AppendAsync(RecordBatch.From([Record("E1", 0)]), ct);
        await store.EnsureSchemaAsync(ct);
        Assert.Equal(1, await store.CountAsync(ct));
    }

    [Fact]
    public void A_table_name_that_is_not_a_plain_identifier_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new PostgreSqlRecordStoreOptions { TableName = "records; DROP TABLE x" });
        Assert.Throws<ArgumentException>(() => new PostgreSqlRecordStoreOptions { TableName = "Records" });
        Assert.Equal("social_work.service_records", new PostgreSqlRecordStoreOptions { TableName = "social_work.service_records" }.TableName);
    }
}
