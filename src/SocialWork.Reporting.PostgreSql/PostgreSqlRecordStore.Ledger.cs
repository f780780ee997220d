using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace SocialWork.Reporting.PostgreSql;

/// <summary>The reporting ledger (<see cref="IReportLedger"/>) in three tables beside the records'.</summary>
/// <remarks>
/// Every append holds a transaction-scoped advisory lock on the table's name in shared mode, and every submission step
/// and withdrawal holds it alone: appends run side by side, and no append commits between a submission's snapshot and
/// its lock (nor between a lock check and the rows it let in) — in any process or host using the same database.
/// </remarks>
public sealed partial class PostgreSqlRecordStore
{
    /// <summary>Reads the ids of the withdrawn records, which every query, read and count leaves out.</summary>
    private async Task<string[]> ReadWithdrawnIdsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT id FROM {withdrawals}", connection, transaction);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            var ids = new List<string>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                ids.Add(reader.GetString(0));
            }
            return [.. ids];
        }
    }

    /// <inheritdoc />
    public async ValueTask<SubmissionBook> ReadSubmissionsAsync(CancellationToken cancellationToken = default)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await ReadBookAsync(connection, null, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public ValueTask<Submission> SubmitAsync(SubmissionActor actor, DivisionCode division, ReportingPeriod period, CubeDimension by, Instant at, CancellationToken cancellationToken = default)
        => StepAsync(async (connection, transaction, book) =>
        {
            book.CheckSubmit(actor, division, period);
            NpgsqlParameter[] range =
            [
                new NpgsqlParameter<long> { Value = division.Value },
                new NpgsqlParameter<long> { Value = division.LastContainedValue },
                new NpgsqlParameter<DateOnly> { Value = new DateOnly(period.Start.Year, period.Start.Month, period.Start.Day) },
                new NpgsqlParameter<DateOnly> { Value = new DateOnly(period.End.Year, period.End.Month, period.End.Day) },
            ];
            var withdrawn = await ReadWithdrawnIdsAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            var rows = ReadRowsAsync(connection, transaction, "division BETWEEN $1 AND $2 AND date BETWEEN $3 AND $4", withdrawn, cancellationToken, range);
            var snapshot = await ReportSnapshot.MakeAsync(rows, division, period, by, at, null, cancellationToken).ConfigureAwait(false);
            var submitted = book.Submit(actor, snapshot, at);
            await using var keep = new NpgsqlCommand($"INSERT INTO {snapshots} (id, content) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING", connection, transaction);
            keep.Parameters.Add(new NpgsqlParameter<string> { Value = snapshot.Id });
            keep.Parameters.Add(new NpgsqlParameter<string> { Value = ReportSnapshotJson.Serialize(snapshot) });
            await keep.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return submitted;
        }, cancellationToken);

    /// <inheritdoc />
    public ValueTask<Submission> ApproveAsync(SubmissionActor actor, DivisionCode division, ReportingPeriod period, Instant at, CancellationToken cancellationToken = default)
        => StepAsync((_, _, book) => Task.FromResult(book.Approve(actor, division, period, at)), cancellationToken);

    /// <inheritdoc />
    public ValueTask<Submission> ReturnAsync(SubmissionActor actor, DivisionCode division, ReportingPeriod period, string reason, Instant at, CancellationToken cancellationToken = default)
        => StepAsync((_, _, book) => Task.FromResult(book.Return(actor, division, period, reason, at)), cancellationToken);

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<Withdrawal>> WithdrawAsync(IReadOnlyCollection<string> ids, string reason, SubmissionActor actor, Instant at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var wanted = ids.Distinct(StringComparer.Ordinal).ToArray();
        return await InLedgerTransactionAsync(async (connection, transaction) =>
        {
            var book = await ReadBookAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            var stored = new Dictionary<string, (DivisionCode Division, LocalDate Date)>(StringComparer.Ordinal);
            await using (var find = new NpgsqlCommand($"SELECT id, division, date FROM {table} WHERE id = ANY($1)", connection, transaction))
            {
                find.Parameters.Add(new NpgsqlParameter<string[]> { Value = wanted, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
                var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        var date = reader.GetFieldValue<DateOnly>(2);
                        stored[reader.GetString(0)] = (DivisionCode.FromValue(reader.GetInt64(1)), new LocalDate(date.Year, date.Month, date.Day));
                    }
                }
            }
            var withdrawn = new HashSet<string>(StringComparer.Ordinal);
            await using (var before = new NpgsqlCommand($"SELECT id FROM {withdrawals} WHERE id = ANY($1)", connection, transaction))
            {
                before.Parameters.Add(new NpgsqlParameter<string[]> { Value = wanted, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
                var reader = await before.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        withdrawn.Add(reader.GetString(0));
                    }
                }
            }
            var entries = Withdrawal.Check(ids, reason, actor, at, stored, withdrawn, book.Locks());
            await using var insert = new NpgsqlCommand($"INSERT INTO {withdrawals} (id, reason, actor, at) SELECT unnest($1), $2, $3, $4", connection, transaction);
            insert.Parameters.Add(new NpgsqlParameter<string[]> { Value = entries.Select(w => w.Id).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            insert.Parameters.Add(new NpgsqlParameter<string> { Value = reason });
            insert.Parameters.Add(new NpgsqlParameter<string> { Value = actor.Name });
            insert.Parameters.Add(new NpgsqlParameter<DateTime> { Value = at.ToDateTimeUtc() });
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            if (summary is not null)
            {
                await SubtractFromSummaryAsync(connection, transaction, [.. entries.Select(w => w.Id)], cancellationToken).ConfigureAwait(false);
            }
            return entries;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<Withdrawal>> ReadWithdrawalsAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"SELECT id, reason, actor, at FROM {withdrawals} ORDER BY at, id");
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            var list = new List<Withdrawal>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                list.Add(new Withdrawal(reader.GetString(0), reader.GetString(1), reader.GetString(2), Instant.FromDateTimeUtc(reader.GetFieldValue<DateTime>(3))));
            }
            return list;
        }
    }

    /// <inheritdoc />
    public async ValueTask<ReportSnapshot?> FindSnapshotAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        await using var command = dataSource.CreateCommand($"SELECT content FROM {snapshots} WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { Value = id });
        if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not string content)
        {
            return null;
        }
        try
        {
            var snapshot = ReportSnapshotJson.Parse(content);
            return snapshot.Id == id ? snapshot : throw new RecordStoreDataException($"table {Options.TableName}_snapshots", "content", $"the row {id} holds the snapshot {snapshot.Id}");
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new RecordStoreDataException($"table {Options.TableName}_snapshots", "content", $"the snapshot {id} cannot be read back: {e.Message}", e);
        }
    }

    /// <summary>Takes the ledger's advisory lock for this transaction: shared for an append, alone for a ledger step.</summary>
    private async Task LockLedgerAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, bool shared, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(shared ? "SELECT pg_advisory_xact_lock_shared(hashtext($1))" : "SELECT pg_advisory_xact_lock(hashtext($1))", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string> { Value = "socialwork:" + Options.TableName });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the transitions in order and replays them.</summary>
    private async Task<SubmissionBook> ReadBookAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT division, period, from_state, to_state, revision, actor, at, reason, snapshot_id FROM {transitions} ORDER BY step", connection, transaction);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            var steps = new List<SubmissionTransition>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var period = reader.GetString(1);
                steps.Add(new SubmissionTransition(
                    DivisionCode.FromValue(reader.GetInt64(0)),
                    ReportingPeriod.TryParse(period, out var parsed) ? parsed : throw new RecordStoreDataException($"table {Options.TableName}_transitions", "period", $"'{period}' is not a period"),
                    State(reader.GetString(2)),
                    State(reader.GetString(3)),
                    reader.GetInt32(4),
                    reader.GetString(5),
                    Instant.FromDateTimeUtc(reader.GetFieldValue<DateTime>(6)),
                    reader.IsDBNull(7) ? null : reader.GetString(7),
                    reader.IsDBNull(8) ? null : reader.GetString(8)));
            }
            try
            {
                return SubmissionBook.Replay(steps);
            }
            catch (ArgumentException e)
            {
                throw new RecordStoreDataException($"table {Options.TableName}_transitions", null, e.Message, e);
            }
        }
    }

    private SubmissionState State(string text)
        => SubmissionStateExtensions.TryParse(text, out var state) ? state : throw new RecordStoreDataException($"table {Options.TableName}_transitions", "to_state", $"'{text}' is not a submission state");

    /// <summary>One submission step in one transaction holding the ledger's lock alone: the book as it stands, the step, its transitions inserted.</summary>
    private async ValueTask<Submission> StepAsync(Func<NpgsqlConnection, NpgsqlTransaction, SubmissionBook, Task<Submission>> step, CancellationToken cancellationToken)
        => await InLedgerTransactionAsync(async (connection, transaction) =>
        {
            var book = await ReadBookAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            var before = book.History.Count;
            var result = await step(connection, transaction, book).ConfigureAwait(false);
            foreach (var t in book.History.Skip(before))
            {
                await using var insert = new NpgsqlCommand($"INSERT INTO {transitions} (division, period, from_state, to_state, revision, actor, at, reason, snapshot_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)", connection, transaction);
                insert.Parameters.Add(new NpgsqlParameter<long> { Value = t.Division.Value });
                insert.Parameters.Add(new NpgsqlParameter<string> { Value = t.Period.ToString() });
                insert.Parameters.Add(new NpgsqlParameter<string> { Value = t.From.ToCode() });
                insert.Parameters.Add(new NpgsqlParameter<string> { Value = t.To.ToCode() });
                insert.Parameters.Add(new NpgsqlParameter<int> { Value = t.Revision });
                insert.Parameters.Add(new NpgsqlParameter<string> { Value = t.By });
                insert.Parameters.Add(new NpgsqlParameter<DateTime> { Value = t.At.ToDateTimeUtc() });
                insert.Parameters.Add(new NpgsqlParameter { Value = (object?)t.Reason ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
                insert.Parameters.Add(new NpgsqlParameter { Value = (object?)t.SnapshotId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            return result;
        }, cancellationToken).ConfigureAwait(false);

    /// <summary>Runs a ledger step in a transaction holding the ledger's lock alone, committed when it returns.</summary>
    private async Task<T> InLedgerTransactionAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> step, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await LockLedgerAsync(connection, transaction, shared: false, cancellationToken).ConfigureAwait(false);
                var result = await step(connection, transaction).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return result;
            }
        }
    }
}
