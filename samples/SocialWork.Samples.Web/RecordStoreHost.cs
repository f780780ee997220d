using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Npgsql;
using SocialWork.Reporting;
using SocialWork.Reporting.Parquet;
using SocialWork.Reporting.PostgreSql;

namespace SocialWork.Samples.Web;

/// <summary>
/// The record store the host reports on, opened at start-up from <see cref="WebSettings.RecordStore"/>: a Parquet dataset
/// folder (the default) or a PostgreSQL table (its schema ensured, so an unreachable database stops the start with a
/// clear message). The demo records are appended when the store is empty, on first start only.
/// </summary>
public sealed class RecordStoreHost : IAsyncDisposable
{
    /// <summary>A query that counts nothing: the store still opens its files or runs its SQL, so it proves the store answers.</summary>
    private static readonly CubeQuery Probe = new(DivisionLevel.Province, PeriodKind.Year) { Scope = DivisionScope.Empty };

    private readonly NpgsqlDataSource? dataSource;

    private RecordStoreHost(IReportLedger store, string kind, string description, NpgsqlDataSource? dataSource)
    {
        Store = store;
        Kind = kind;
        Description = description;
        this.dataSource = dataSource;
    }

    /// <summary>Gets the store.</summary>
    public IReportLedger Store { get; }

    /// <summary>Gets the store's kind: <c>parquet</c> or <c>postgresql</c> (a tag on the host's metrics and upload log).</summary>
    public string Kind { get; }

    /// <summary>Gets what the store is, for the dashboard (<c>Parquet data/records</c>, <c>PostgreSQL service_records</c>).</summary>
    public string Description { get; }

    /// <summary>Counts the stored records.</summary>
    /// <param name="cancellationToken">Cancels the count.</param>
    /// <returns>The number of records.</returns>
    public ValueTask<long> CountAsync(CancellationToken cancellationToken = default) => Store.CountAsync(cancellationToken);

    /// <summary>
    /// Checks that the store answers, cheaply: a query whose scope is empty reads every committed Parquet file's footer
    /// (no row group) or runs the PostgreSQL statement over the table with a false condition. The readiness probe calls it.
    /// </summary>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>A task that fails with the store's own exception when it does not answer.</returns>
    public async Task ProbeAsync(CancellationToken cancellationToken = default) => await Store.QueryAsync(Probe, cancellationToken).ConfigureAwait(false);

    /// <summary>Opens the configured store and appends the demo records if it is empty.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="contentRoot">The folder a relative dataset path is under.</param>
    /// <param name="demoRecords">Makes the records to start an empty store with (called only when the store is empty).</param>
    /// <returns>The store.</returns>
    /// <exception cref="OptionsValidationException">
    /// The connection string is malformed, the database cannot be reached or refuses the schema, or a file in the dataset
    /// folder is not readable; the failure names the setting or the file.
    /// </exception>
    public static async Task<RecordStoreHost> OpenAsync(RecordStoreSettings settings, string contentRoot, Func<RecordBatch> demoRecords)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(demoRecords);
        RecordStoreHost host;
        if (settings.Kind == "postgresql")
        {
            NpgsqlDataSource source;
            try
            {
                source = NpgsqlDataSource.Create(settings.ConnectionString!);
            }
            catch (ArgumentException ex)
            {
                throw Failure("ConnectionString", $"the connection string is not valid: {ex.Message}");
            }
            PostgreSqlRecordStore store;
            try
            {
                store = new PostgreSqlRecordStore(source, new PostgreSqlRecordStoreOptions { TableName = settings.TableName, PartitionByMonth = settings.PartitionByMonth, SummaryLevel = settings.SummaryLevel });
            }
            catch (ArgumentException ex)
            {
                // The store's own rules for the options together (a name short enough for the partitions or the summary).
                await source.DisposeAsync().ConfigureAwait(false);
                throw Failure("TableName", ex.Message.Replace(" (Parameter 'options')", string.Empty, StringComparison.Ordinal));
            }
            try
            {
                await store.EnsureSchemaAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is NpgsqlException or SocketException or TimeoutException or ArgumentException or InvalidOperationException)
            {
                await source.DisposeAsync().ConfigureAwait(false);
                throw Failure("ConnectionString", $"the database cannot be reached or refused the schema of table '{settings.TableName}': {ex.Message}");
            }
            host = new RecordStoreHost(store, "postgresql", $"PostgreSQL {settings.TableName}", source);
        }
        else
        {
            var dataset = new ParquetDataset(Path.IsPathRooted(settings.Path) ? settings.Path : Path.Combine(contentRoot, settings.Path));
            host = new RecordStoreHost(dataset, "parquet", $"Parquet {settings.Path}", null);
        }
        try
        {
            if (await host.CountAsync().ConfigureAwait(false) == 0)
            {
                try
                {
                    await host.Store.AppendAsync(demoRecords()).ConfigureAwait(false);
                }
                catch (RecordAlreadyStoredException)
                {
                    // Another host on the same store started at the same moment and stored the demo records first.
                }
            }
        }
        catch (ParquetRecordException ex)
        {
            throw Failure("Path", $"file {ex.FileName} in the dataset folder is not a readable records file ({ex.Problem}); move it out of the folder or restore it.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Failure(settings.Kind == "postgresql" ? "ConnectionString" : "Path", ex.Message);
        }
        return host;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => dataSource?.DisposeAsync() ?? ValueTask.CompletedTask;

    private static OptionsValidationException Failure(string key, string message)
        => new(WebSettings.Section, typeof(WebSettings), [$"{WebSettings.Section}:RecordStore:{key}: {message}"]);
}
