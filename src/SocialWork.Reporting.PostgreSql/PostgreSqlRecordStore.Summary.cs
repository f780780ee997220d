using System.Globalization;
using System.Runtime.InteropServices;
using Npgsql;
using NpgsqlTypes;

namespace SocialWork.Reporting.PostgreSql;

/// <summary>
/// The summary table (<see cref="PostgreSqlRecordStoreOptions.SummaryLevel"/>): the records added up per division at the
/// summary's level × month × item × method × target group × programme × parties, kept by every append and withdrawal in
/// its own transaction — DHIS2's analytics tables and TimescaleDB's continuous aggregates, kept exact instead of refreshed.
/// </summary>
public sealed partial class PostgreSqlRecordStore
{
    /// <summary>The columns a summary row is keyed by; target group, programme and parties hold '' where a record has none.</summary>
    private const string SummaryKey = "month, division, item, method, target_group, programme, parties";

    /// <summary>The summary's key computed from a record row (month, division at the summary's level, the text columns).</summary>
    private string SummaryKeyOfRecords => string.Create(CultureInfo.InvariantCulture, $"date_trunc('month', date::timestamp)::date, (division / {DivisionFactor(Options.SummaryLevel!.Value)}) * {DivisionFactor(Options.SummaryLevel!.Value)}, item, method, coalesce(target_group, ''), coalesce(programme, ''), coalesce(parties, '')");

    /// <summary>The records less the withdrawn ones, as a <c>FROM</c> clause (the summary's source when it is filled).</summary>
    private string RecordsNotWithdrawn => $"{table} r WHERE NOT EXISTS (SELECT 1 FROM {withdrawals} w WHERE w.id = r.id)";

    /// <summary>The summary table's DDL, or nothing without a summary.</summary>
    private string SummarySchemaSql => summary is null ? string.Empty : $"""

        CREATE TABLE IF NOT EXISTS {summary} (
            month        date     NOT NULL,
            division     bigint   NOT NULL,
            item         text     NOT NULL,
            method       text     NOT NULL,
            target_group text     NOT NULL,
            programme    text     NOT NULL,
            parties      text     NOT NULL,
            records      bigint   NOT NULL CHECK (records > 0),
            person_times bigint   NOT NULL,
            households   bigint   NOT NULL,
            amount_fen   bigint   NOT NULL,
            with_person  bigint   NOT NULL,
            PRIMARY KEY ({SummaryKey})
        );
        """;

    /// <summary>
    /// Refills the summary table from the records (less the withdrawn ones) in one transaction, with appends and ledger
    /// steps held off meanwhile. <see cref="EnsureSchemaAsync"/> does it when the summary's totals differ from the records';
    /// call it after changing the records outside the store. Run it as the table's owner.
    /// </summary>
    /// <param name="cancellationToken">Cancels the work; the summary stays as it was then.</param>
    /// <returns>A task that completes when the summary holds every record.</returns>
    /// <exception cref="InvalidOperationException">The store keeps no summary (<see cref="PostgreSqlRecordStoreOptions.SummaryLevel"/> is not set).</exception>
    public async Task RebuildSummaryAsync(CancellationToken cancellationToken = default)
    {
        if (summary is null)
        {
            throw new InvalidOperationException($"Table {Options.TableName} keeps no summary (PostgreSqlRecordStoreOptions.SummaryLevel).");
        }
        await InLedgerTransactionAsync(async (connection, transaction) =>
        {
            await RebuildSummaryAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Refills the summary in a transaction that holds the ledger's lock alone.</summary>
    private async Task RebuildSummaryAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var sql = $"""
            DELETE FROM {summary};
            INSERT INTO {summary} ({SummaryKey}, records, person_times, households, amount_fen, with_person)
            SELECT {SummaryKeyOfRecords}, count(*), sum(person_times), sum(households), sum(amount_fen), count(person)
            FROM {RecordsNotWithdrawn}
            GROUP BY 1, 2, 3, 4, 5, 6, 7
            """;
        // Millions of records take minutes to add up: no command timeout, the token cancels it.
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Rebuilds the summary when its totals (records, person-times, households, amounts) differ from the records' less the
    /// withdrawn: a summary new to an existing table, or one that missed appends while the option was off. One scan of the table.
    /// </summary>
    private async Task EnsureSummaryFilledAsync(CancellationToken cancellationToken)
    {
        await InLedgerTransactionAsync(async (connection, transaction) =>
        {
            var sql = $"""
                SELECT (SELECT ROW(count(*), coalesce(sum(person_times), 0), coalesce(sum(households), 0), coalesce(sum(amount_fen), 0))::text
                        FROM {RecordsNotWithdrawn})
                     = (SELECT ROW(coalesce(sum(records), 0), coalesce(sum(person_times), 0), coalesce(sum(households), 0), coalesce(sum(amount_fen), 0))::text FROM {summary})
                """;
            await using var check = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
            if (!(bool)(await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
            {
                await RebuildSummaryAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            }
            return true;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds a batch to the summary in the append's transaction: its groups, added up here, upserted in key order.</summary>
    private async Task AddToSummaryAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, RecordBatch batch, CancellationToken cancellationToken)
    {
        var factor = DivisionFactor(Options.SummaryLevel!.Value);
        var groups = new Dictionary<(int Month, long Division, int Code, byte Method, string TargetGroup, int Programme, byte Parties), long[]>();
        var days = batch.DayNumbers;
        var month = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            if (i == 0 || days[i] != days[i - 1])
            {
                month = Month(batch.DateAt(i));
            }
            var key = (month, batch.Divisions[batch.DivisionIndices[i]].Value / factor * factor, batch.CodeIndices[i], batch.Methods[i], batch.TargetGroupAt(i)?.ToCode() ?? string.Empty, batch.ProgrammeIndices[i], batch.Parties[i]);
            ref var sums = ref CollectionsMarshal.GetValueRefOrAddDefault(groups, key, out _);
            sums ??= new long[5];
            sums[0]++;
            sums[1] += batch.PersonTimes[i];
            sums[2] += batch.Households[i];
            sums[3] = checked(sums[3] + batch.AmountFen[i]);
            sums[4] += batch.PersonIndices.IsEmpty || batch.PersonIndices[i] == 0 ? 0 : 1;
        }
        var rows = groups.ToList();
        var sql = $"""
            INSERT INTO {summary} AS s ({SummaryKey}, records, person_times, households, amount_fen, with_person)
            SELECT * FROM unnest($1::date[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bigint[], $9::bigint[], $10::bigint[], $11::bigint[], $12::bigint[])
            ORDER BY 1, 2, 3, 4, 5, 6, 7
            ON CONFLICT ({SummaryKey}) DO UPDATE SET records = s.records + excluded.records, person_times = s.person_times + excluded.person_times,
                households = s.households + excluded.households, amount_fen = s.amount_fen + excluded.amount_fen, with_person = s.with_person + excluded.with_person
            """;
        // Every append upserts its groups in the key's order, so two appends touching the same groups wait instead of deadlocking.
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<DateOnly[]> { Value = rows.Select(r => new DateOnly(r.Key.Month / 12, r.Key.Month % 12 + 1, 1)).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Date });
        command.Parameters.Add(new NpgsqlParameter<long[]> { Value = rows.Select(r => r.Key.Division).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        AddTexts(command, rows.Select(r => batch.Codes[r.Key.Code].Value));
        AddTexts(command, rows.Select(r => MethodCodes[r.Key.Method]));
        AddTexts(command, rows.Select(r => r.Key.TargetGroup));
        AddTexts(command, rows.Select(r => batch.Programmes[r.Key.Programme]));
        AddTexts(command, rows.Select(r => r.Key.Parties == 0 ? string.Empty : ((LinkageParties)r.Key.Parties).ToCodes()));
        for (var column = 0; column < 5; column++)
        {
            command.Parameters.Add(new NpgsqlParameter<long[]> { Value = rows.Select(r => r.Value[column]).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        }
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

        static void AddTexts(NpgsqlCommand command, IEnumerable<string> values)
            => command.Parameters.Add(new NpgsqlParameter<string[]> { Value = values.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
    }

    /// <summary>Takes withdrawn records out of the summary in the withdrawal's transaction: a group they empty goes, the others are reduced.</summary>
    private async Task SubtractFromSummaryAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string[] ids, CancellationToken cancellationToken)
    {
        var matches = string.Join(" AND ", SummaryKey.Split(", ").Select(column => $"s.{column} = d.{column}"));
        var sql = $"""
            WITH d ({SummaryKey}, records, person_times, households, amount_fen, with_person) AS (
                SELECT {SummaryKeyOfRecords}, count(*), sum(person_times), sum(households), sum(amount_fen), count(person)
                FROM {table} WHERE id = ANY($1) GROUP BY 1, 2, 3, 4, 5, 6, 7),
            emptied AS (DELETE FROM {summary} s USING d WHERE {matches} AND s.records = d.records)
            UPDATE {summary} s SET records = s.records - d.records, person_times = s.person_times - d.person_times,
                households = s.households - d.households, amount_fen = s.amount_fen - d.amount_fen, with_person = s.with_person - d.with_person
            FROM d WHERE {matches} AND s.records <> d.records
            """;
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string[]> { Value = ids, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Whether a query's cells can come from the summary: its level, and every division of its scope, at the summary's
    /// level or coarser, and its dates whole months (or none) — the summary keeps months, not days.
    /// </summary>
    private bool ReadsSummary(CubeQuery query)
        => Options.SummaryLevel is { } level
           && query.Level <= level
           && (query.From is not { } from || from.Day == 1)
           && (query.To is not { } to || to.PlusDays(1).Day == 1)
           && (query.EffectiveScope is not { } scope || scope.Divisions.All(d => d.Level <= level));
}
