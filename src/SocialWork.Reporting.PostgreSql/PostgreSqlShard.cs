using Npgsql;

namespace SocialWork.Reporting.PostgreSql;

/// <summary>
/// A server that holds some months of a table partitioned by month (<see cref="PostgreSqlRecordStoreOptions.Shards"/>):
/// the name of its <c>postgres_fdw</c> foreign server on the coordinator (<c>CREATE SERVER … FOREIGN DATA WRAPPER
/// postgres_fdw</c>, with a user mapping for the application's role), and a data source reaching it directly, through
/// which the store creates each month's table there before it attaches it on the coordinator as a foreign partition.
/// </summary>
/// <param name="Server">The foreign server's name on the coordinator.</param>
/// <param name="DataSource">The shard itself, for creating its month tables (the store does not own it).</param>
public sealed record PostgreSqlShard(string Server, NpgsqlDataSource DataSource)
{
    /// <summary>Gets the foreign server's name: a plain identifier (lower-case letters, digits, underscores).</summary>
    public string Server { get; } = Server is { Length: > 0 and <= 63 } name && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_') && !char.IsAsciiDigit(name[0])
        ? name
        : throw new ArgumentException($"'{Server}' is not a foreign server name of lower-case letters, digits and underscores.", nameof(Server));

    /// <summary>Gets the shard's data source.</summary>
    public NpgsqlDataSource DataSource { get; } = DataSource ?? throw new ArgumentNullException(nameof(DataSource));
}
