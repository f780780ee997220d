using System.Text.RegularExpressions;
using Npgsql;

namespace SocialWork.Reporting.PostgreSql.Tests;

public sealed class ReadmeTests
{
    [Fact]
    public void The_readme_shows_the_schema_the_store_creates()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "SocialWork.slnx")))
        {
            root = root.Parent ?? throw new InvalidOperationException("SocialWork.slnx not found above the test directory.");
        }
        var readme = File.ReadAllText(Path.Combine(root.FullName, "src/SocialWork.Reporting.PostgreSql/README.md"));
        using var dataSource = NpgsqlDataSource.Create("Host=127.0.0.1");
        var schema = new PostgreSqlRecordStore(dataSource).SchemaSql;

        Assert.Contains(Normalize(schema), Normalize(readme), StringComparison.Ordinal);
    }

    private static string Normalize(string text) => Regex.Replace(text, @"\s+", " ");
}
