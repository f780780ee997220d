using Npgsql;

namespace SocialWork.Reporting.PostgreSql.Tests;

/// <summary>Several writers on one table, and queries beside appends: each id once, every loser told, every query one committed state.</summary>
public sealed class PostgreSqlConcurrencyTests : IClassFixture<PostgresServer>
{
    private readonly PostgresServer server;

    public PostgreSqlConcurrencyTests(PostgresServer server)
    {
        PostgresServer.Require();
        this.server = server;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ServiceRecord Record(string id, int day, int personTimes = 1, LinkageParties parties = LinkageParties.None) =>
        new(id, new LocalDate(2023, 1, 1).PlusDays(day % 365), DivisionCode.Parse("130602005014"), ServiceCode.Parse("EL.01"), ServiceMethod.Visit, personTimes, 1, Money.Zero, parties: parties);

    private static RecordBatch Batch(int first, int last) => RecordBatch.From([.. Enumerable.Range(first, last - first + 1).Select(i => Record($"R{i}", i * 7))]);

    [Fact]
    public async Task Hosts_appending_overlapping_batches_store_every_id_once_and_every_loser_is_told_which()
    {
        var table = server.NewStore().Options.TableName;
        var ranges = new[] { (0, 999), (500, 1499), (1000, 1999), (0, 1999) };
        // Each writer on its own data source: its own connections, as separate hosts would have.
        var outcomes = await Task.WhenAll(ranges.Select(async range =>
        {
            await using var source = NpgsqlDataSource.Create(PostgresServer.ConnectionString!);
            var store = new PostgreSqlRecordStore(source, new PostgreSqlRecordStoreOptions { TableName = table });
            try
            {
                await store.AppendAsync(Batch(range.Item1, range.Item2), Ct);
                return (range, Taken: (IReadOnlyList<string>?)null);
            }
            catch (RecordAlreadyStoredException e)
            {
                return (range, Taken: e.Ids);
            }
        }));

        var reader = new PostgreSqlRecordStore(server.DataSource, new PostgreSqlRecordStoreOptions { TableName = table });
        var stored = new List<string>();
        await foreach (var batch in reader.ReadAsync(Ct))
        {
            stored.AddRange(Enumerable.Range(0, batch.Count).Select(batch.IdAt));
        }
        var winners = outcomes.Where(o => o.Taken is null).ToList();
        Assert.NotEmpty(winners);
        Assert.Equal(winners.Sum(w => w.range.Item2 - w.range.Item1 + 1), stored.Count);
        var all = stored.ToHashSet(StringComparer.Ordinal);
        foreach (var loser in outcomes.Where(o => o.Taken is not null))
        {
            // Every id it is told was taken is stored (by a writer that won), and is one of its own.
            var own = Enumerable.Range(loser.range.Item1, loser.range.Item2 - loser.range.Item1 + 1).Select(i => $"R{i}").ToHashSet(StringComparer.Ordinal);
            Assert.NotEmpty(loser.Taken!);
            Assert.Subset(all, loser.Taken!.ToHashSet(StringComparer.Ordinal));
            Assert.Subset(own, loser.Taken!.ToHashSet(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task A_query_beside_appends_never_throws_and_its_cells_and_total_are_one_committed_state()
    {
        var store = server.NewStore();
        const int Appends = 20;
        // Records naming parties: a query by party runs several statements (cells, total, people), which must agree.
        var batches = Enumerable.Range(0, Appends).Select(a => RecordBatch.From([.. Enumerable.Range(0, 30).Select(i => Record($"A{a}-{i}", (a * 30) + i, a + 1, (LinkageParties)(1 + ((a + i) % 31))))])).ToArray();
        var query = new CubeQuery(DivisionLevel.County, PeriodKind.Quarter, CubeDimension.Party);
        var prefixes = Enumerable.Range(0, Appends + 1).Select(n => Cube.Build(n == 0 ? RecordBatch.Empty : RecordBatch.Concat(batches[..n]), query)).ToArray();

        var writer = Task.Run(async () =>
        {
            foreach (var batch in batches)
            {
                await store.AppendAsync(batch, Ct);
            }
        }, Ct);
        var queries = 0;
        while (!writer.IsCompleted || queries == 0)
        {
            var cube = await store.QueryAsync(query, Ct);
            Assert.Contains(prefixes, p => p.Rows.SequenceEqual(cube.Rows) && p.Total == cube.Total);
            queries++;
        }
        await writer;
        Assert.Equal(prefixes[^1].Total, (await store.QueryAsync(query, Ct)).Total);
    }
}
