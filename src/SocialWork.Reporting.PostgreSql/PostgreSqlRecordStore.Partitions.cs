using System.Collections.Concurrent;
using System.Globalization;
using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace SocialWork.Reporting.PostgreSql;

/// <summary>The table partitioned by month (<see cref="PostgreSqlRecordStoreOptions.PartitionByMonth"/>): its partitions, its ids, and moving a table into it.</summary>
public sealed partial class PostgreSqlRecordStore
{
    /// <summary>The months (year × 12 + month − 1) whose partition is known to exist.</summary>
    private readonly ConcurrentDictionary<int, bool> partitions = new();

    /// <summary>
    /// Creates the month partitions from <paramref name="from"/>'s month to <paramref name="to"/>'s, those that do not exist
    /// yet — ahead of the appends, as the table's owner, when the application's role may only insert and select (an append
    /// creates a missing partition itself only when its role may create tables).
    /// </summary>
    /// <param name="from">A day of the first month.</param>
    /// <param name="to">A day of the last month.</param>
    /// <param name="cancellationToken">Cancels the work (partitions made so far stay).</param>
    /// <returns>A task that completes when the partitions exist.</returns>
    /// <exception cref="InvalidOperationException">The store is not partitioned by month, or the role may not create a partition.</exception>
    public async Task EnsurePartitionsAsync(LocalDate from, LocalDate to, CancellationToken cancellationToken = default)
    {
        if (!Options.PartitionByMonth)
        {
            throw new InvalidOperationException($"Table {Options.TableName} is not partitioned by month (PostgreSqlRecordStoreOptions.PartitionByMonth).");
        }
        var months = new List<int>();
        for (var m = Month(from); m <= Month(to); m++)
        {
            months.Add(m);
        }
        await CreatePartitionsAsync(months, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Copies every record, every id and the whole reporting ledger of another table of the same database (created with
    /// the other layout, say) into this store's empty tables, in one transaction — the way to move a table into the
    /// partitioned layout: create the new store with <see cref="PostgreSqlRecordStoreOptions.PartitionByMonth"/>, copy,
    /// then point the hosts at the new table name.
    /// </summary>
    /// <param name="source">The other store's options (its table name).</param>
    /// <param name="cancellationToken">Cancels the copy; nothing is copied then.</param>
    /// <returns>The number of records copied.</returns>
    /// <exception cref="InvalidOperationException">This store already holds records or ledger steps.</exception>
    public async Task<long> CopyFromAsync(PostgreSqlRecordStoreOptions source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var from = new PostgreSqlRecordStore(dataSource, source);
        if (await CountAsync(cancellationToken).ConfigureAwait(false) != 0 || (await ReadSubmissionsAsync(cancellationToken).ConfigureAwait(false)).History.Count != 0)
        {
            throw new InvalidOperationException($"Table {Options.TableName} is not empty; copy into a new store.");
        }
        if (Options.PartitionByMonth)
        {
            await using var range = dataSource.CreateCommand($"SELECT min(date), max(date) FROM {from.table}");
            var reader = await range.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false) && !reader.IsDBNull(0))
                {
                    var (first, last) = (reader.GetFieldValue<DateOnly>(0), reader.GetFieldValue<DateOnly>(1));
                    await EnsurePartitionsAsync(new LocalDate(first.Year, first.Month, 1), new LocalDate(last.Year, last.Month, 1), cancellationToken).ConfigureAwait(false);
                }
            }
        }
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await LockLedgerAsync(connection, transaction, shared: false, cancellationToken).ConfigureAwait(false);
                var copies = new List<string>
                {
                    $"INSERT INTO {table} ({Columns}) SELECT {Columns} FROM {from.table}",
                    $"INSERT INTO {transitions} (division, period, from_state, to_state, revision, actor, at, reason, snapshot_id) SELECT division, period, from_state, to_state, revision, actor, at, reason, snapshot_id FROM {from.transitions} ORDER BY step",
                    $"INSERT INTO {withdrawals} SELECT * FROM {from.withdrawals}",
                    $"INSERT INTO {snapshots} SELECT * FROM {from.snapshots}",
                };
                if (Options.PartitionByMonth)
                {
                    copies.Add($"INSERT INTO {idTable} (id) SELECT id FROM {from.table}");
                }
                var copied = new List<long>();
                foreach (var sql in copies)
                {
                    // A table of millions of rows takes minutes to copy: no command timeout, the token cancels it.
                    await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
                    copied.Add(await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false));
                }
                var records = copied[0];
                if (summary is not null)
                {
                    await RebuildSummaryAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
                }
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return records;
            }
        }
    }

    /// <summary>
    /// The cells of a query: one <c>GROUP BY</c> over the summary table when it serves the query, or over the table, or —
    /// when months live on shards — one per month partition
    /// the query's dates reach, each over a single foreign table with its period as a constant, so <c>postgres_fdw</c>
    /// sends the whole aggregate to the shard; the groups merge here (several groups of one cell add up in the cube,
    /// people by recount).
    /// </summary>
    private async Task<(List<CubeRow> Rows, List<CubePeopleRow> People)> ReadShardedCellsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CubeQuery query, string[] withdrawn, CancellationToken cancellationToken)
    {
        if (ReadsSummary(query))
        {
            return await ReadCellsAsync(connection, transaction, query, withdrawn, cancellationToken, fromSummary: true).ConfigureAwait(false);
        }
        if (Options.Shards.Count == 0)
        {
            return await ReadCellsAsync(connection, transaction, query, withdrawn, cancellationToken).ConfigureAwait(false);
        }
        var first = query.From is { } from ? Month(from) : int.MinValue;
        var last = query.To is { } to ? Month(to) : int.MaxValue;
        var parts = new List<(List<CubeRow> Rows, List<CubePeopleRow> People)>();
        foreach (var (month, name) in await ListPartitionsAsync(connection, transaction, cancellationToken).ConfigureAwait(false))
        {
            if (month >= first && month <= last)
            {
                var period = ReportingPeriod.Containing(new LocalDate(month / 12, month % 12 + 1, 1), query.PeriodKind);
                parts.Add(await ReadCellsAsync(connection, transaction, query, withdrawn, cancellationToken, Quoted(name[(Options.TableName.Split('.')[^1].Length)..]), period.Start).ConfigureAwait(false));
            }
        }
        // A month that names no one lists no people; once another month does, its groups count as records without a person.
        var named = parts.Any(p => p.People.Count > 0);
        return (
            [.. parts.SelectMany(p => p.Rows)],
            [.. parts.SelectMany(p => p.People.Count > 0 || !named ? p.People : p.Rows.Select(r => new CubePeopleRow(r.Division, r.Period, r.Key, [], r.Indicators.Records)))]);
    }

    /// <summary>The table's month partitions (month number, partition name), read from the catalog.</summary>
    private async Task<List<(int Month, string Name)>> ListPartitionsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var existing = new NpgsqlCommand("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = to_regclass($1)", connection, transaction);
        existing.Parameters.Add(new NpgsqlParameter<string> { Value = table });
        var reader = await existing.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            var prefix = Options.TableName.Split('.')[^1] + "_p";
            var found = new List<(int Month, string Name)>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var name = reader.GetString(0);
                if (name.StartsWith(prefix, StringComparison.Ordinal) && name.Length == prefix.Length + 7
                    && int.TryParse(name.AsSpan(prefix.Length, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
                    && int.TryParse(name.AsSpan(prefix.Length + 5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month))
                {
                    found.Add((year * 12 + month - 1, name));
                }
            }
            return [.. found.OrderBy(p => p.Month)];
        }
    }

    /// <summary>Makes sure the partitions of a batch's months exist (the known ones are remembered).</summary>
    private async Task EnsurePartitionsForAsync(RecordBatch batch, CancellationToken cancellationToken)
    {
        var months = new HashSet<int>();
        var days = batch.DayNumbers;
        for (var i = 0; i < batch.Count; i++)
        {
            if (i == 0 || days[i] != days[i - 1])
            {
                months.Add(Month(batch.DateAt(i)));
            }
        }
        var missing = months.Where(m => !partitions.ContainsKey(m)).Order().ToList();
        if (missing.Count > 0)
        {
            await CreatePartitionsAsync(missing, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Creates the partitions of some months unless they exist (read from the catalog first, so a role that may not create tables can still append into existing ones).</summary>
    private async Task CreatePartitionsAsync(IReadOnlyList<int> months, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            foreach (var (month, _) in await ListPartitionsAsync(connection, null, cancellationToken).ConfigureAwait(false))
            {
                partitions.TryAdd(month, true);
            }
        }
        foreach (var m in months.Where(m => !partitions.ContainsKey(m)))
        {
            var (year, month) = (m / 12, m % 12 + 1);
            var start = new LocalDate(year, month, 1);
            var end = start.PlusMonths(1);
            var partition = Quoted(string.Create(CultureInfo.InvariantCulture, $"_p{year:D4}_{month:D2}"));
            var bounds = string.Create(CultureInfo.InvariantCulture, $"FROM ('{start:yyyy'-'MM'-'dd}') TO ('{end:yyyy'-'MM'-'dd}')");
            var sql = $"CREATE TABLE IF NOT EXISTS {partition} PARTITION OF {table} FOR VALUES {bounds}";
            try
            {
                if (Options.Shards.Count > 0)
                {
                    // The month's table on its shard first, then here as a foreign partition that reads and writes it.
                    var shard = Options.Shards[m % Options.Shards.Count];
                    var schema = Options.TableName.Contains('.', StringComparison.Ordinal) ? $"CREATE SCHEMA IF NOT EXISTS \"{Options.TableName.Split('.')[0]}\";\n" : string.Empty;
                    await using (var remote = shard.DataSource.CreateCommand($"{schema}CREATE TABLE IF NOT EXISTS {partition} (\n{ColumnsSql(key: false)},\n    CHECK (date >= '{start:yyyy'-'MM'-'dd}' AND date < '{end:yyyy'-'MM'-'dd}')\n)"))
                    {
                        await remote.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }
                    var remoteName = partition.Split('.')[^1].Trim('"');
                    sql = $"CREATE FOREIGN TABLE IF NOT EXISTS {partition} PARTITION OF {table} FOR VALUES {bounds} SERVER \"{shard.Server}\" OPTIONS (table_name '{remoteName}', async_capable 'true')";
                }
                await using var create = dataSource.CreateCommand(sql);
                await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateTable or PostgresErrorCodes.UniqueViolation)
            {
                // Another append created it at the same moment.
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
            {
                throw new InvalidOperationException($"Table {Options.TableName} has no partition for {start:yyyy'-'MM} and this role may not create one; run EnsurePartitionsAsync as the table's owner for the months to come. Nothing was stored.", e);
            }
            partitions.TryAdd(m, true);
        }
    }

    /// <summary>Writes a batch's ids into the table of ids, whose primary key keeps them unique across the partitions.</summary>
    private async Task CopyIdsAsync(NpgsqlConnection connection, RecordBatch batch, CancellationToken cancellationToken)
    {
        var writer = await connection.BeginBinaryImportAsync($"COPY {idTable} (id) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
        await using (writer.ConfigureAwait(false))
        {
            for (var i = 0; i < batch.Count; i++)
            {
                await writer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(batch.IdAt(i), NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            }
            await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static int Month(LocalDate date) => date.Year * 12 + date.Month - 1;
}
