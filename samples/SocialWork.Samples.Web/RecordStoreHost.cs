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
    private readonly Func<CancellationToken, Task<long>> count;
    private readonly NpgsqlDataSource? dataSource;

    private RecordStoreHost(IRecordStore store, string description, Func<CancellationToken, Task<long>> count, NpgsqlDataSource? dataSource)
    {
        Store = store;
        Description = description;
        this.count = count;
        this.dataSource = dataSource;
    }

    /// <summary>Gets the store.</summary>
    public IRecordStore Store { get; }

    /// <summary>Gets what the store is, for the dashboard (<c>Parquet data/records</c>, <c>PostgreSQL service_records</c>).</summary>
    public string Description { get; }

    /// <summary>Counts the stored records.</summary>
    /// <param name="cancellationToken">Cancels the count.</param>
    /// <returns>The number of records.</returns>
    public Task<long> CountAsync(CancellationToken cancellationToken = default) => count(cancellationToken);

    /// <summary>Opens the configured store and appends the demo records if it is empty.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="contentRoot">The folder a relative dataset path is under.</param>
    /// <param name="demoRecords">Makes the records to start an empty store with (called only when the store is empty).</param>
    /// <returns>The store.</returns>
    /// <exception cref="OptionsValidationException">The database cannot be reached or refuses the schema; the failure names the setting.</exception>
    public static async Task<RecordStoreHost> OpenAsync(RecordStoreSettings settings, string contentRoot, Func<RecordBatch> demoRecords)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(demoRecords);
        RecordStoreHost host;
        if (settings.Kind == "postgresql")
        {
            var source = NpgsqlDataSource.Create(settings.ConnectionString!);
            var store = new PostgreSqlRecordStore(source, new PostgreSqlRecordStoreOptions { TableName = settings.TableName });
            try
            {
                await store.EnsureSchemaAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is NpgsqlException or SocketException or TimeoutException or ArgumentException)
            {
                await source.DisposeAsync().ConfigureAwait(false);
                throw new OptionsValidationException(WebSettings.Section, typeof(WebSettings),
                    [$"{WebSettings.Section}:RecordStore:ConnectionString: the database cannot be reached or refused the schema of table '{settings.TableName}': {ex.Message}"]);
            }
            host = new RecordStoreHost(store, $"PostgreSQL {settings.TableName}", store.CountAsync, source);
        }
        else
        {
            var dataset = new ParquetDataset(Path.IsPathRooted(settings.Path) ? settings.Path : Path.Combine(contentRoot, settings.Path));
            host = new RecordStoreHost(dataset, $"Parquet {settings.Path}", dataset.CountAsync, null);
        }
        if (await host.CountAsync().ConfigureAwait(false) == 0)
        {
            await host.Store.AppendAsync(demoRecords()).ConfigureAwait(false);
        }
        return host;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => dataSource?.DisposeAsync() ?? ValueTask.CompletedTask;
}
