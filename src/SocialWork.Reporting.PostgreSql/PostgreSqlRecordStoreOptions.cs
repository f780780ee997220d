using System.Text.RegularExpressions;

namespace SocialWork.Reporting.PostgreSql;

/// <summary>Options of a <see cref="PostgreSqlRecordStore"/>.</summary>
public sealed partial record PostgreSqlRecordStoreOptions
{
    /// <summary>The default table name.</summary>
    public const string DefaultTableName = "service_records";

    /// <summary>
    /// Gets the table, optionally schema-qualified (<c>social_work.service_records</c>); lower-case letters, digits and
    /// underscores, starting with a letter or underscore, at most 63 characters a part (default <see cref="DefaultTableName"/>).
    /// The name is the only text of the SQL not fixed in the code, hence the strict form; every value goes in as a parameter.
    /// </summary>
    public string TableName
    {
        get;
        init => field = value is not null && TableNamePattern().IsMatch(value)
            ? value
            : throw new ArgumentException($"'{value}' is not a table name of the form name or schema.name (lower-case letters, digits, underscores; at most 63 characters a part).", nameof(value));
    } = DefaultTableName;

    /// <summary>Gets how many records <see cref="PostgreSqlRecordStore.ReadAsync"/> puts in one batch (default 65,536; at least 1).</summary>
    public int ReadBatchSize
    {
        get;
        init => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "ReadBatchSize must be positive.");
    } = 1 << 16;

    /// <summary>
    /// Gets a value indicating whether <see cref="PostgreSqlRecordStore.EnsureSchemaAsync"/> creates the records table
    /// range-partitioned by month (default <see langword="false"/>: one table, as before). A partitioned table keeps each
    /// month in a partition of its own (<c>service_records_p2023_03</c>), created by the append that first needs it (or
    /// ahead by <see cref="PostgreSqlRecordStore.EnsurePartitionsAsync"/>), so a report for a month or a year reads only
    /// those partitions; record ids stay unique across the partitions through a table of ids beside it (<c>…_ids</c>).
    /// Choose it when a table is created: an existing table keeps the layout it was created with (see
    /// <see cref="PostgreSqlRecordStore.CopyFromAsync"/> to move one). The table name's last part may then have at most 54
    /// characters, so the partitions' names fit PostgreSQL's 63.
    /// </summary>
    public bool PartitionByMonth { get; init; }

    /// <summary>
    /// Gets the servers that hold the months of a table partitioned by month, if any (default none: every partition on
    /// this server). Month <c>m</c> (counted from year 0) goes to shard <c>m mod count</c>: the store creates its table
    /// there and attaches it here as a <c>postgres_fdw</c> foreign partition, so a report aggregates each shard's months
    /// on that shard (partition-wise, partial aggregates pushed down) and merges the groups here. Ids stay unique in the
    /// coordinator's table of ids. Needs <see cref="PartitionByMonth"/>. An append that spans shards commits on each
    /// when the coordinator commits (postgres_fdw has no two-phase commit): a server failing between those commits can
    /// leave part of that append.
    /// </summary>
    public IReadOnlyList<PostgreSqlShard> Shards { get; init; } = [];

    /// <summary>
    /// Gets the memory a report's <c>GROUP BY</c> may use for its hash table, in MiB, set for the query's own transaction
    /// only (<c>work_mem</c>; default 64; 0 keeps the server's). PostgreSQL's default of 4 MB makes it sort the rows of a
    /// report instead of hashing them: a month of 10M records took 305 ms sorted and 175 ms hashed here. Each parallel
    /// worker may use as much, so a query uses at most (1 + workers) × this.
    /// </summary>
    public int QueryWorkMemoryMegabytes
    {
        get;
        init => field = value is >= 0 and <= 2048 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "QueryWorkMemoryMegabytes must be from 0 (the server's setting) to 2048.");
    } = 64;

    /// <summary>
    /// Gets the division level of the summary table, if the store keeps one (default <see langword="null"/>: none). The
    /// summary (<c>service_records_summary_township</c> for <see cref="DivisionLevel.Township"/>) holds the records per
    /// division at this level × month × item × method × target group × programme × parties — their count, person-times,
    /// households, amounts and how many name a person — kept in the same transaction as every append and withdrawal. A
    /// report at this level or coarser, whose scope names divisions at this level or coarser and whose dates are whole
    /// months (or none), reads the summary instead of the records; exact people still come from the records. The
    /// coarser the level, the fewer rows: the benchmark's 10M records over 3,000 villages are 1.1M rows by township and
    /// as many rows as records by village. <see cref="PostgreSqlRecordStore.EnsureSchemaAsync"/> creates it and fills it
    /// from the records when its totals differ from theirs (a new summary over an existing table, or appends made while
    /// it was switched off). The table name's last part may then have at most 44 characters.
    /// </summary>
    public DivisionLevel? SummaryLevel
    {
        get;
        init => field = value is null || Enum.IsDefined(value.Value) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "SummaryLevel must be a division level (Province to Village) or null.");
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}(\\.[a-z_][a-z0-9_]{0,62})?$", RegexOptions.CultureInvariant)]
    private static partial Regex TableNamePattern();
}
