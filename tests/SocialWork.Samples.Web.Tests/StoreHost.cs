using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace SocialWork.Samples.Web.Tests;

/// <summary>
/// The web host on a real port over a store of its own: a Parquet folder in the temp directory, or a table of its own on
/// the PostgreSQL server in <c>SOCIALWORK_POSTGRES</c> (started by <c>.ci/run</c>; under <c>CI=true</c> a missing server
/// fails the test, elsewhere it skips). Disposing stops the host and removes the folder or the table.
/// </summary>
public sealed class StoreHost : IAsyncDisposable
{
    private const string Variable = "SOCIALWORK_POSTGRES";

    private readonly string folder = Path.Combine(Path.GetTempPath(), "socialwork-web-" + Guid.NewGuid().ToString("N"));
    private readonly string table = "web_" + Guid.NewGuid().ToString("N");

    private StoreHost(string kind) => Kind = kind;

    /// <summary>Gets the Parquet store's folder.</summary>
    public string Folder => folder;

    /// <summary>Gets the store kind: <c>parquet</c> or <c>postgresql</c>.</summary>
    public string Kind { get; }

    /// <summary>Gets the running application.</summary>
    public WebApplication App { get; private set; } = null!;

    /// <summary>Gets the address the host listens on.</summary>
    public string Address { get; private set; } = null!;

    private string[] extra = [];

    private Action<WebApplicationBuilder>? configure;

    /// <summary>Starts a host over a new store of the given kind, with extra settings (<c>--Key=value</c>) if any.</summary>
    public static async Task<StoreHost> StartAsync(string kind, CancellationToken cancellationToken, params string[] settings)
    {
        var host = new StoreHost(kind) { extra = settings };
        await host.RestartAsync(cancellationToken);
        return host;
    }

    /// <summary>Starts a host over a new store of the given kind, its builder adjusted by <paramref name="configure"/> (a fixed clock, say).</summary>
    public static async Task<StoreHost> StartAsync(string kind, Action<WebApplicationBuilder> configure, CancellationToken cancellationToken)
    {
        var host = new StoreHost(kind) { configure = configure };
        await host.RestartAsync(cancellationToken);
        return host;
    }

    /// <summary>A client of the host acting as the district's reporter.</summary>
    public HttpClient Client() => Client(TestTokens.DistrictReporter);

    /// <summary>A client of the host acting as the holder of <paramref name="token"/> (anonymous for <see langword="null"/>).</summary>
    public HttpClient Client(string? token) => new HttpClient { BaseAddress = new Uri(Address) }.WithToken(token);

    /// <summary>The arguments that point the host at this store.</summary>
    public string[] Arguments => Kind == "postgresql"
        ? ["--SocialWork:RecordStore:Kind=postgresql", $"--SocialWork:RecordStore:ConnectionString={RequireServer()}", $"--SocialWork:RecordStore:TableName={table}"]
        : ["--SocialWork:RecordStore:Kind=parquet", $"--SocialWork:RecordStore:Path={folder}"];

    /// <summary>Stops the host if it runs and starts a new one on the same store (what survives a restart).</summary>
    public async Task RestartAsync(CancellationToken cancellationToken)
    {
        if (App is not null)
        {
            await App.StopAsync(cancellationToken);
            await App.DisposeAsync();
        }
        App = SocialWorkWeb.Build(["--urls", "http://127.0.0.1:0", "--environment", "Production", .. TestTokens.Arguments, .. Arguments, .. extra], configure);
        await App.StartAsync(cancellationToken);
        Address = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    /// <summary>The connection string of the test server; skips the test (or fails it under CI) when there is none.</summary>
    public static string RequireServer()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } connectionString)
        {
            return connectionString;
        }
        var how = $"no PostgreSQL: set {Variable} to a connection string, or run .ci/run, which starts a throwaway cluster";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"CI=true but {how}.");
        }
        Assert.Skip(how + ".");
        return string.Empty;
    }

    public async ValueTask DisposeAsync()
    {
        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
        if (Kind == "postgresql" && Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } connectionString)
        {
            await using var source = NpgsqlDataSource.Create(connectionString);
            await using var drop = source.CreateCommand($"DROP TABLE IF EXISTS \"{table}\", \"{table}_ids\", \"{table}_transitions\", \"{table}_withdrawals\", \"{table}_snapshots\"");
            await drop.ExecuteNonQueryAsync();
        }
    }
}
