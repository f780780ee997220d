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

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}(\\.[a-z_][a-z0-9_]{0,62})?$", RegexOptions.CultureInvariant)]
    private static partial Regex TableNamePattern();
}
