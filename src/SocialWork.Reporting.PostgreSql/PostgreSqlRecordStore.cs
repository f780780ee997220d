using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace SocialWork.Reporting.PostgreSql;

/// <summary>
/// Service records in a PostgreSQL table as a record store (design section 7). An append is one binary <c>COPY</c> in
/// one transaction, so a batch is stored whole or not at all; the table's primary key keeps record ids unique across
/// appends. A query runs in the database as one parameterised <c>GROUP BY</c> — division truncated arithmetically to
/// the level, <c>date_trunc</c> to the period, the columns the dimension needs — and the groups come back as a
/// <see cref="Cube"/> equal to <see cref="Cube.Build"/>'s over the same records.
/// </summary>
/// <remarks>
/// The SQL is plain PostgreSQL (no extension, no server-side function), so PostgreSQL-compatible engines — Citus and
/// Greenplum across shards, openGauss and KingbaseES — are expected to run it unchanged; only PostgreSQL 15 is tested.
/// The store does not own <see cref="NpgsqlDataSource"/>: dispose it where it was made.
/// </remarks>
public sealed partial class PostgreSqlRecordStore : IReportLedger
{
    private const int EpochDayNumber = 719_162;
    private const string Columns = "id, date, division, item, method, person_times, households, amount_fen, target_group, parties, programme, person";

    private static readonly string[] MethodCodes = [.. ServiceMethodExtensions.All.Select(m => m.ToCode())];

    private readonly NpgsqlDataSource dataSource;
    private readonly string table;
    private readonly string transitions;
    private readonly string withdrawals;
    private readonly string snapshots;
    private readonly string idTable;
    private readonly string? summary;

    /// <summary>Creates a store over a table reached through <paramref name="dataSource"/>.</summary>
    /// <param name="dataSource">The data source (its connection string names the database and the role).</param>
    /// <param name="options">The table and batch size; the defaults when omitted.</param>
    public PostgreSqlRecordStore(NpgsqlDataSource dataSource, PostgreSqlRecordStoreOptions? options = null)
    {
        this.dataSource = dataSource ?? throw new ArgumentNullException(nameof(dataSource));
        Options = options ?? new PostgreSqlRecordStoreOptions();
        table = Quoted(string.Empty);
        transitions = Quoted("_transitions");
        withdrawals = Quoted("_withdrawals");
        snapshots = Quoted("_snapshots");
        idTable = Quoted("_ids");
        summary = Options.SummaryLevel is { } level ? Quoted("_summary_" + level.ToString().ToLowerInvariant()) : null;
        if (Options.Shards.Count > 0 && !Options.PartitionByMonth)
        {
            throw new ArgumentException("Shards hold months of a table partitioned by month: set PartitionByMonth too.", nameof(options));
        }
        if (Options.PartitionByMonth && Options.TableName.Split('.')[^1].Length > 54)
        {
            throw new ArgumentException($"A table partitioned by month needs a name of at most 54 characters (its partitions add _p2023_03); '{Options.TableName}' is longer.", nameof(options));
        }
        if (Options.SummaryLevel is not null && Options.TableName.Split('.')[^1].Length > 44)
        {
            throw new ArgumentException($"A table with a summary needs a name of at most 44 characters (the summary adds _summary_prefecture); '{Options.TableName}' is longer.", nameof(options));
        }
    }

    /// <summary>The table's quoted name, or a ledger table's beside it (the records table's name with a suffix, in its schema).</summary>
    private string Quoted(string suffix)
    {
        var parts = Options.TableName.Split('.');
        parts[^1] += suffix;
        return string.Join('.', parts.Select(part => $"\"{part}\""));
    }

    /// <summary>Gets the options.</summary>
    public PostgreSqlRecordStoreOptions Options { get; }

    /// <summary>The table as errors name it.</summary>
    private string TableLabel => $"table {Options.TableName}";

    /// <summary>
    /// Gets the DDL <see cref="EnsureSchemaAsync"/> runs: the table with its primary key and CHECK constraints (counts and
    /// amounts not negative, methods and divisions in range, a person key 43 characters — a resident ID number has 18),
    /// indexes on date and division, the ledger's tables beside it (<c>…_transitions</c>, <c>…_withdrawals</c>,
    /// <c>…_snapshots</c>; see <see cref="IReportLedger"/>), and the summary table when the store keeps one
    /// (<see cref="PostgreSqlRecordStoreOptions.SummaryLevel"/>). Idempotent.
    /// </summary>
    public string SchemaSql
    {
        get
        {
            var name = Options.TableName.Split('.')[^1];
            var records = ColumnsSql(key: !Options.PartitionByMonth);
            var layout = Options.PartitionByMonth
                ? $"""
                CREATE TABLE IF NOT EXISTS {table} (
                {records}
                ) PARTITION BY RANGE (date);
                CREATE TABLE IF NOT EXISTS {idTable} (
                    id           text     NOT NULL PRIMARY KEY
                );
                CREATE INDEX IF NOT EXISTS "{name}_id" ON {table} (id);
                CREATE INDEX IF NOT EXISTS "{name}_division" ON {table} (division);
                """
                : $"""
                CREATE TABLE IF NOT EXISTS {table} (
                {records}
                );
                CREATE INDEX IF NOT EXISTS "{name}_date" ON {table} (date);
                CREATE INDEX IF NOT EXISTS "{name}_division" ON {table} (division);
                """;
            return layout + "\n" + $"""
                CREATE TABLE IF NOT EXISTS {transitions} (
                    step         bigint   GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    division     bigint   NOT NULL,
                    period       text     NOT NULL,
                    from_state   text     NOT NULL CHECK (from_state IN ('open', 'submitted', 'approved', 'returned')),
                    to_state     text     NOT NULL CHECK (to_state IN ('open', 'submitted', 'approved', 'returned')),
                    revision     integer  NOT NULL CHECK (revision >= 0),
                    actor        text     NOT NULL,
                    at           timestamptz NOT NULL,
                    reason       text,
                    snapshot_id  text
                );
                CREATE TABLE IF NOT EXISTS {withdrawals} (
                    id           text     NOT NULL PRIMARY KEY,
                    reason       text     NOT NULL,
                    actor        text     NOT NULL,
                    at           timestamptz NOT NULL
                );
                CREATE TABLE IF NOT EXISTS {snapshots} (
                    id           text     NOT NULL PRIMARY KEY CHECK (length(id) = 64),
                    content      text     NOT NULL
                );
                """ + SummarySchemaSql;
        }
    }

    /// <summary>The record columns with their CHECK constraints, for the table and for a shard's month tables.</summary>
    private static string ColumnsSql(bool key) => $"""
            id           text     NOT NULL{(key ? " PRIMARY KEY" : string.Empty)} CHECK (id <> ''),
            date         date     NOT NULL,
            division     bigint   NOT NULL CHECK (division BETWEEN 10000000000 AND 999999999999),
            item         text     NOT NULL CHECK (item <> ''),
            method       text     NOT NULL CHECK (method IN ({string.Join(", ", MethodCodes.Select(c => $"'{c}'"))})),
            person_times bigint   NOT NULL CHECK (person_times BETWEEN 0 AND 2147483647),
            households   bigint   NOT NULL CHECK (households BETWEEN 0 AND 2147483647),
            amount_fen   bigint   NOT NULL CHECK (amount_fen >= 0),
            target_group text,
            parties      text,
            programme    text,
            person       text     CHECK (length(person) = 43)
        """;

    /// <summary>
    /// Creates the table and its indexes when they do not exist (<see cref="SchemaSql"/>); run it as the table's owner.
    /// With a summary (<see cref="PostgreSqlRecordStoreOptions.SummaryLevel"/>) it then compares the summary's totals with
    /// the records' — one scan of the table — and refills the summary when they differ (<see cref="RebuildSummaryAsync(CancellationToken)"/>).
    /// </summary>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>A task that completes when the schema is in place.</returns>
    /// <exception cref="NpgsqlException">The database refused (for example the role may not create tables).</exception>
    public async Task EnsureSchemaAsync(CancellationToken cancellationToken = default)
    {
        await using (var command = dataSource.CreateCommand(SchemaSql))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        if (summary is not null)
        {
            await EnsureSummaryFilledAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    /// <exception cref="NpgsqlException">The database refused the rows (a constraint, a lost connection); nothing was stored.</exception>
    /// <exception cref="RecordLockedException">A submitted or approved report locks a record of the batch; nothing was stored.</exception>
    public async ValueTask AppendAsync(RecordBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var ids = batch.GetUniqueIds();
        if (batch.Count == 0)
        {
            return;
        }
        if (Options.PartitionByMonth)
        {
            await EnsurePartitionsForAsync(batch, cancellationToken).ConfigureAwait(false);
        }
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                try
                {
                    // Appends share the ledger's lock (they run side by side); a submission step takes it alone, so the
                    // locks read here stay true until this append commits.
                    await LockLedgerAsync(connection, transaction, shared: true, cancellationToken).ConfigureAwait(false);
                    var book = await ReadBookAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
                    if (book.Locks().In(batch) is { Count: > 0 } locked)
                    {
                        throw new RecordLockedException(locked);
                    }
                    await CopyAsync(connection, batch, cancellationToken).ConfigureAwait(false);
                    if (Options.PartitionByMonth)
                    {
                        await CopyIdsAsync(connection, batch, cancellationToken).ConfigureAwait(false);
                    }
                    if (summary is not null)
                    {
                        await AddToSummaryAsync(connection, transaction, batch, cancellationToken).ConfigureAwait(false);
                    }
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
                {
                    await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                    var stored = await FindStoredIdsAsync(ids, CancellationToken.None).ConfigureAwait(false);
                    var taken = Enumerable.Range(0, batch.Count).Select(batch.IdAt).Where(stored.Contains).ToList();
                    throw taken.Count == 0 ? e : new RecordAlreadyStoredException(taken);
                }
            }
        }
    }

    private async Task CopyAsync(NpgsqlConnection connection, RecordBatch batch, CancellationToken cancellationToken)
    {
        var divisions = batch.Divisions.Select(d => d.Value).ToArray();
        var items = batch.Codes.Select(c => c.Value).ToArray();
        var programmes = batch.Programmes.Select(p => p.Length == 0 ? null : p).ToArray();
        var parties = Enumerable.Range(0, 32).Select(p => p == 0 ? null : ((LinkageParties)p).ToCodes()).ToArray();
        var people = batch.People.Select(k => k.Value).Prepend(null).ToArray();
        var writer = await connection.BeginBinaryImportAsync($"COPY {table} ({Columns}) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
        await using (writer.ConfigureAwait(false))
        {
            for (var i = 0; i < batch.Count; i++)
            {
                await writer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(batch.IdAt(i), NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(DateOnly.FromDayNumber(batch.DayNumbers[i] + EpochDayNumber), NpgsqlDbType.Date, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(divisions[batch.DivisionIndices[i]], NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(items[batch.CodeIndices[i]], NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(MethodCodes[batch.Methods[i]], NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync((long)batch.PersonTimes[i], NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync((long)batch.Households[i], NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(batch.AmountFen[i], NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                await WriteNullableAsync(writer, batch.TargetGroupAt(i)?.ToCode(), cancellationToken).ConfigureAwait(false);
                await WriteNullableAsync(writer, parties[batch.Parties[i]], cancellationToken).ConfigureAwait(false);
                await WriteNullableAsync(writer, programmes[batch.ProgrammeIndices[i]], cancellationToken).ConfigureAwait(false);
                await WriteNullableAsync(writer, people[batch.PersonIndices.IsEmpty ? 0 : batch.PersonIndices[i]], cancellationToken).ConfigureAwait(false);
            }
            await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter writer, string? value, CancellationToken cancellationToken)
        => value is null ? writer.WriteNullAsync(cancellationToken) : writer.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);

    /// <inheritdoc />
    public async ValueTask<IReadOnlySet<string>> FindStoredIdsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(10_000))
        {
            await using var command = dataSource.CreateCommand($"SELECT id FROM {(Options.PartitionByMonth ? idTable : table)} WHERE id = ANY($1)");
            command.Parameters.Add(new NpgsqlParameter<string[]> { Value = chunk, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    found.Add(reader.GetString(0));
                }
            }
        }
        return found;
    }

    /// <inheritdoc />
    public async ValueTask<long> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"SELECT (SELECT count(*) FROM {table}) - (SELECT count(*) FROM {withdrawals})");
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>
    /// Gets the SQL <see cref="QueryAsync"/> sends for a query (its parameters are the division factor, the period unit,
    /// the seven method codes, and <c>From</c>, <c>To</c> and the <c>Within</c> range when set) — for logging or for an
    /// <c>EXPLAIN</c>. When records are withdrawn, the query also says <c>NOT (id = ANY($n))</c> with their ids as one
    /// array parameter (an anti-join against the withdrawals table would cost every row a probe, even with none). A query
    /// the summary table serves (<see cref="PostgreSqlRecordStoreOptions.SummaryLevel"/>) reads it instead of the records.
    /// </summary>
    /// <param name="query">The query.</param>
    /// <returns>The statement.</returns>
    public string QuerySql(CubeQuery query) => BuildQuery(query, [], fromSummary: ReadsSummary(query)).Sql;

    /// <inheritdoc />
    /// <exception cref="NpgsqlException">The database could not run the query.</exception>
    /// <exception cref="ReportLimitException">More cells than <see cref="CubeQuery.MaxCells"/>, or an amount sum that does not fit.</exception>
    public async ValueTask<Cube> QueryAsync(CubeQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Dimension == CubeDimension.ServiceType && query.Catalog is null)
        {
            throw new ArgumentException("A report by service type needs CubeQuery.Catalog, whose items link to the types.", nameof(query));
        }
        // Every statement of a query reads one snapshot: one connection, one read-only REPEATABLE READ transaction, so an
        // append committed meanwhile is in all of them or in none.
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await ConfigureQueryAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
                var withdrawn = await ReadWithdrawnIdsAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
                // By party a record counts under each party it names, so the cells overlap: the total comes from a query without the key.
                Cube? whole = null;
                if (query.Dimension == CubeDimension.Party)
                {
                    var plain = query with { Dimension = CubeDimension.None };
                    var (plainRows, plainPeople) = await ReadShardedCellsAsync(connection, transaction, plain, withdrawn, cancellationToken).ConfigureAwait(false);
                    whole = Cube.FromRowsAndPeople(plain, plainRows, plainPeople);
                }
                var (rows, people) = await ReadShardedCellsAsync(connection, transaction, query, withdrawn, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return Cube.FromRowsAndPeople(query, rows, people, whole?.Total, whole?.TotalPeople.RecordsWithoutPerson);
            }
        }
    }

    /// <summary>
    /// Makes a query's transaction read-only and sets what its <c>GROUP BY</c> runs with, for this transaction only: no JIT
    /// compilation (it costs more than it saves on these queries: a year of 10M records took 1.4-1.7 s with it and
    /// 0.9 s without, psql), aggregation partition by partition (and so on each shard), and the hash table's memory.
    /// </summary>
    private async Task ConfigureQueryAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using (var settings = new NpgsqlCommand("SET TRANSACTION READ ONLY; SET LOCAL jit = off; SET LOCAL enable_partitionwise_aggregate = on", connection, transaction))
        {
            await settings.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        if (Options.QueryWorkMemoryMegabytes > 0)
        {
            await using var memory = new NpgsqlCommand("SELECT set_config('work_mem', $1, true)", connection, transaction);
            memory.Parameters.Add(new NpgsqlParameter<string> { Value = Options.QueryWorkMemoryMegabytes.ToString(CultureInfo.InvariantCulture) + "MB" });
            await memory.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The plan PostgreSQL makes for a query's <c>GROUP BY</c> in a query's transaction, with its parameters bound (for tests of partition pruning and of the aggregates the shards compute).</summary>
    internal async Task<string> ExplainAsync(CubeQuery query, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await ConfigureQueryAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
                // With shards the store sends one statement per month partition: the plan of the first the query reaches.
                string? source = null;
                LocalDate? periodStart = null;
                var fromSummary = ReadsSummary(query);
                if (Options.Shards.Count > 0 && !fromSummary)
                {
                    var first = query.From is { } from ? Month(from) : int.MinValue;
                    var month = (await ListPartitionsAsync(connection, transaction, cancellationToken).ConfigureAwait(false)).First(p => p.Month >= first);
                    source = Quoted(month.Name[Options.TableName.Split('.')[^1].Length..]);
                    periodStart = ReportingPeriod.Containing(new LocalDate(month.Month / 12, month.Month % 12 + 1, 1), query.PeriodKind).Start;
                }
                var (sql, parameters) = BuildQuery(query, [], source: source, periodStart: periodStart, fromSummary: fromSummary);
                await using var command = new NpgsqlCommand("EXPLAIN (VERBOSE) " + sql, connection, transaction);
                command.Parameters.AddRange(parameters);
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    var plan = new StringBuilder();
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        plan.AppendLine(reader.GetString(0));
                    }
                    return plan.ToString();
                }
            }
        }
    }

    /// <summary>The cells of a query (its <c>GROUP BY</c>) and, where records name people, each cell's distinct people.</summary>
    /// <remarks>With <paramref name="fromSummary"/> the cells come from the summary table and the people from the records.</remarks>
    private async Task<(List<CubeRow> Rows, List<CubePeopleRow> People)> ReadCellsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CubeQuery query, string[] withdrawn, CancellationToken cancellationToken, string? source = null, LocalDate? periodStart = null, bool fromSummary = false)
    {
        var (sql, parameters) = BuildQuery(query, withdrawn, source: source, periodStart: periodStart, fromSummary: fromSummary);
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddRange(parameters);
        var rows = new List<CubeRow>();
        // Several groups can fall in one cube cell (items of one service type, say), so each group gives the cube its own
        // people row — its distinct people and its records without a person — and the cube adds them up as it adds rows.
        var groups = new Dictionary<(long Division, DateOnly Start, string? Key), CubePeopleRow>();
        var named = false;
        var codes = new Dictionary<string, ServiceCode>(StringComparer.Ordinal);
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var (division, period, key) = Cell(reader, query, codes, keys);
                var indicators = new Indicators(
                    reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8), reader.GetInt64(9),
                    Sum(reader, 10), Sum(reader, 11), Sum(reader, 12));
                rows.Add(new CubeRow(division, period, key, indicators));
                var withPerson = reader.GetInt64(13);
                named |= withPerson > 0;
                groups.Add(Group(reader), new CubePeopleRow(division, period, key, [], indicators.Records - withPerson));
            }
        }
        // Where records name people, a second GROUP BY lists each group's distinct people, so the cube counts them exactly.
        if (!named)
        {
            return (rows, []);
        }
        var (peopleSql, peopleParameters) = BuildQuery(query, withdrawn, people: true, source: source, periodStart: periodStart);
        await using var peopleCommand = new NpgsqlCommand(peopleSql, connection, transaction);
        peopleCommand.Parameters.AddRange(peopleParameters);
        var peopleReader = await peopleCommand.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (peopleReader.ConfigureAwait(false))
        {
            while (await peopleReader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var group = Group(peopleReader);
                groups[group] = groups[group] with { People = peopleReader.GetFieldValue<string[]>(3).Select(PersonKey.Parse).ToList() };
            }
        }
        var people = groups.Values.ToList();
        return (rows, people);
    }

    /// <summary>The group of a result row as the SQL made it: division at the level, period start, and the key column's text.</summary>
    private static (long Division, DateOnly Start, string? Key) Group(NpgsqlDataReader reader)
        => (reader.GetInt64(0), reader.GetFieldValue<DateOnly>(1), reader.IsDBNull(2) ? null : reader.GetString(2));

    /// <summary>The cell of a result row: division at the level, period start, and the dimension's key.</summary>
    private (DivisionCode Division, ReportingPeriod Period, string Key) Cell(NpgsqlDataReader reader, CubeQuery query, Dictionary<string, ServiceCode> codes, Dictionary<string, string> keys)
    {
        var start = reader.GetFieldValue<DateOnly>(1);
        var key = reader.IsDBNull(2) ? string.Empty : Key(query, reader.GetString(2), codes, keys);
        return (DivisionCode.FromValue(reader.GetInt64(0)), ReportingPeriod.Containing(new LocalDate(start.Year, start.Month, start.Day), query.PeriodKind), key);
    }

    /// <summary>The cube key of a group's key column: the same mapping as in process (<see cref="CubeQuery.KeyOf"/>), once per distinct value.</summary>
    private string Key(CubeQuery query, string value, Dictionary<string, ServiceCode> codes, Dictionary<string, string> keys)
    {
        if (!keys.TryGetValue(value, out var key))
        {
            key = query.Dimension switch
            {
                CubeDimension.Domain or CubeDimension.Item or CubeDimension.ServiceType => query.KeyOf(Code(codes, value), default, null, null),
                CubeDimension.Method => query.KeyOf(default, ParseMethod(value), null, null),
                CubeDimension.TargetGroup => query.KeyOf(default, default, TargetGroupExtensions.Parse(value), null),
                CubeDimension.Party => LinkagePartiesExtensions.TryParse(value, out var party) && party.ToCodes() == value ? value : throw new RecordStoreDataException(TableLabel, "parties", $"'{value}' is not a party code"),
                _ => query.KeyOf(default, default, null, value),
            };
            keys.Add(value, key);
        }
        return key;
    }

    private ServiceMethod ParseMethod(string code)
        => ServiceMethodExtensions.TryParse(code, out var method) ? method : throw new RecordStoreDataException(TableLabel, "method", $"'{code}' is not a method code");

    private ServiceCode Code(Dictionary<string, ServiceCode> codes, string item)
    {
        if (!codes.TryGetValue(item, out var code))
        {
            code = ServiceCode.TryParse(item, out var parsed) ? parsed : throw new RecordStoreDataException(TableLabel, "item", $"'{item}' is not a service code");
            codes.Add(item, code);
        }
        return code;
    }

    /// <summary>Reads a <c>sum(bigint)</c> (a numeric) as a long; a sum that does not fit is the report's limit, as in process.</summary>
    private static long Sum(NpgsqlDataReader reader, int ordinal)
    {
        var value = reader.GetDecimal(ordinal);
        return value <= long.MaxValue ? (long)value : throw new ReportLimitException("The amounts in this report add up to more than 92,233,720,368,547,758.07 yuan, which cannot be represented exactly; check the amount column for values that are far too large.");
    }

    /// <summary>
    /// One <c>GROUP BY</c> over (division at the level, period start, the dimension's column) — exactly the cube's cells —
    /// with the records of each method counted by a <c>FILTER</c> clause, the counts and amounts summed, and the records
    /// that name a person counted; or, for <paramref name="people"/>, each cell's distinct people over the records naming one.
    /// Over the table, or over one <paramref name="source"/> partition whose rows all fall in the period starting
    /// <paramref name="periodStart"/>: then the period is that constant, not <c>date_trunc</c>, which <c>postgres_fdw</c>
    /// will not send to a shard (its unit is text), so the whole aggregate runs there. <paramref name="fromSummary"/> reads
    /// the summary table instead (its rows' counts are summed; the withdrawn records are already out of it).
    /// </summary>
    private (string Sql, NpgsqlParameter[] Parameters) BuildQuery(CubeQuery query, string[] withdrawn, bool people = false, string? source = null, LocalDate? periodStart = null, bool fromSummary = false)
    {
        var relation = fromSummary ? summary! : source ?? table;
        var date = fromSummary ? "month" : "date";
        ArgumentNullException.ThrowIfNull(query);
        var key = query.Dimension switch
        {
            CubeDimension.Domain => "split_part(item, '.', 1)",
            CubeDimension.Item or CubeDimension.ServiceType => "item",
            CubeDimension.Method => "method",
            CubeDimension.TargetGroup => fromSummary ? "NULLIF(target_group, '')" : "target_group",
            CubeDimension.Programme => fromSummary ? "NULLIF(programme, '')" : "programme",
            CubeDimension.Party => "party",
            _ => "NULL::text",
        };
        var parameters = new List<NpgsqlParameter>
        {
            new NpgsqlParameter<long> { Value = DivisionFactor(query.Level) },
            periodStart is { } start
                ? new NpgsqlParameter<DateOnly> { Value = new DateOnly(start.Year, start.Month, start.Day) }
                : new NpgsqlParameter<string> { Value = query.PeriodKind switch { PeriodKind.Month => "month", PeriodKind.Quarter => "quarter", _ => "year" } },
        };
        var sql = new StringBuilder(periodStart is null ? $"SELECT (division / $1) * $1, date_trunc($2, {date}::timestamp)::date, {key}" : $"SELECT (division / $1) * $1, $2::date, {key}");
        if (people)
        {
            sql.Append(CultureInfo.InvariantCulture, $", array_agg(DISTINCT person) FROM {relation}");
        }
        else
        {
            foreach (var method in MethodCodes)
            {
                parameters.Add(new NpgsqlParameter<string> { Value = method });
                var number = parameters.Count.ToString(CultureInfo.InvariantCulture);
                sql.Append(fromSummary ? $", coalesce(sum(records) FILTER (WHERE method = ${number}), 0)::bigint" : $", count(*) FILTER (WHERE method = ${number})");
            }
            sql.Append(CultureInfo.InvariantCulture, $", sum(person_times), sum(households), sum(amount_fen), {(fromSummary ? "sum(with_person)::bigint" : "count(person)")} FROM {relation}");
        }
        if (query.Dimension == CubeDimension.Party)
        {
            // One row per party a record names; a record naming none (the summary's '') counts under the empty key.
            sql.Append(CultureInfo.InvariantCulture, $" CROSS JOIN LATERAL unnest(coalesce(string_to_array({(fromSummary ? "NULLIF(parties, '')" : "parties")}, '|'), ARRAY[''])) AS by_party(party)");
        }
        var where = people ? ["person IS NOT NULL"] : new List<string>();
        if (withdrawn.Length > 0 && !fromSummary)
        {
            parameters.Add(new NpgsqlParameter<string[]> { Value = withdrawn, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            where.Add($"NOT (id = ANY(${parameters.Count}))");
        }
        if (query.From is { } from)
        {
            parameters.Add(new NpgsqlParameter<DateOnly> { Value = new DateOnly(from.Year, from.Month, from.Day) });
            where.Add($"{date} >= ${parameters.Count}");
        }
        if (query.To is { } to)
        {
            parameters.Add(new NpgsqlParameter<DateOnly> { Value = new DateOnly(to.Year, to.Month, to.Day) });
            where.Add($"{date} <= ${parameters.Count}");
        }
        if (query.EffectiveScope is { } scope)
        {
            // Within and Scope as one scope: a few disjoint ranges of division values; the empty scope matches nothing.
            var ranges = new List<string>();
            foreach (var division in scope.Divisions)
            {
                parameters.Add(new NpgsqlParameter<long> { Value = division.Value });
                parameters.Add(new NpgsqlParameter<long> { Value = division.LastContainedValue });
                ranges.Add($"division BETWEEN ${parameters.Count - 1} AND ${parameters.Count}");
            }
            where.Add(ranges.Count switch { 0 => "false", 1 => ranges[0], _ => $"({string.Join(" OR ", ranges)})" });
        }
        if (where.Count > 0)
        {
            sql.Append(" WHERE ").AppendJoin(" AND ", where);
        }
        sql.Append(" GROUP BY 1, 2, 3");
        return (sql.ToString(), [.. parameters]);
    }

    private static long DivisionFactor(DivisionLevel level) => level switch
    {
        DivisionLevel.Province => 10_000_000_000,
        DivisionLevel.Prefecture => 100_000_000,
        DivisionLevel.County => 1_000_000,
        DivisionLevel.Township => 1_000,
        _ => 1,
    };

    /// <inheritdoc />
    /// <remarks>The records come in date order (then id), <see cref="PostgreSqlRecordStoreOptions.ReadBatchSize"/> at a time, over one connection.</remarks>
    public async IAsyncEnumerable<RecordBatch> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var withdrawn = await ReadWithdrawnIdsAsync(connection, null, cancellationToken).ConfigureAwait(false);
            await foreach (var batch in ReadRowsAsync(connection, null, "true", withdrawn, cancellationToken).ConfigureAwait(false))
            {
                yield return batch;
            }
        }
    }

    /// <summary>Reads the rows a condition selects, less the withdrawn ones, in date order (then id), in batches of <see cref="PostgreSqlRecordStoreOptions.ReadBatchSize"/>.</summary>
    private async IAsyncEnumerable<RecordBatch> ReadRowsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string where, string[] withdrawn, [EnumeratorCancellation] CancellationToken cancellationToken, params NpgsqlParameter[] parameters)
    {
        // Withdrawn ids as one array parameter (few, and none usually): an anti-join would cost every row a probe.
        var notWithdrawn = withdrawn.Length > 0 ? $" AND NOT (id = ANY(${parameters.Length + 1}))" : string.Empty;
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM {table} WHERE {where}{notWithdrawn} ORDER BY date, id", connection, transaction);
        command.Parameters.AddRange(parameters);
        if (withdrawn.Length > 0)
        {
            command.Parameters.Add(new NpgsqlParameter<string[]> { Value = withdrawn, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        }
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            var codes = new Dictionary<string, ServiceCode>(StringComparer.Ordinal);
            var builder = new RecordBatchBuilder(Options.ReadBatchSize);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                Append(builder, reader, codes);
                if (builder.Count == Options.ReadBatchSize)
                {
                    yield return builder.Build();
                    builder = new RecordBatchBuilder(Options.ReadBatchSize);
                }
            }
            if (builder.Count > 0)
            {
                yield return builder.Build();
            }
        }
    }

    private void Append(RecordBatchBuilder builder, NpgsqlDataReader reader, Dictionary<string, ServiceCode> codes)
    {
        var id = reader.GetString(0);
        try
        {
            var date = reader.GetFieldValue<DateOnly>(1);
            builder.Append(
                DivisionCode.FromValue(reader.GetInt64(2)),
                new LocalDate(date.Year, date.Month, date.Day),
                Code(codes, reader.GetString(3)),
                ParseMethod(reader.GetString(4)),
                checked((int)reader.GetInt64(5)),
                checked((int)reader.GetInt64(6)),
                Money.FromFen(reader.GetInt64(7)),
                reader.IsDBNull(8) ? null : TargetGroupExtensions.Parse(reader.GetString(8)),
                reader.IsDBNull(9) ? LinkageParties.None : LinkagePartiesExtensions.TryParse(reader.GetString(9), out var parties) ? parties : throw new RecordStoreDataException(TableLabel, "parties", $"'{reader.GetString(9)}' is not a list of party codes"),
                reader.IsDBNull(10) ? null : reader.GetString(10),
                id,
                reader.IsDBNull(11) ? null : PersonKey.Parse(reader.GetString(11)));
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            throw new RecordStoreDataException(TableLabel, null, $"record '{id}' cannot be read back: {e.Message}", e);
        }
    }
}
