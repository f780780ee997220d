using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Npgsql;

namespace SocialWork.Samples.Web.Tests;

/// <summary>Faults are named, never traces: at start-up one line and exit 1; at run time 503 in words, then recovery.</summary>
public sealed class FaultTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Runs the built host as its own process and returns its exit code and everything it printed.</summary>
    private static async Task<(int Exit, string Output)> RunHostAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["DOTNET_ENVIRONMENT"] = "Production" },
        };
        foreach (var argument in (string[])["SocialWork.Samples.Web.dll", "--urls", "http://127.0.0.1:0", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var error = process.StandardError.ReadToEndAsync(Ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await output + await error);
    }

    private static void AssertOneLineWithoutTrace(string output, string expected)
    {
        Assert.Contains(expected, output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => line.Contains("did not start", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_host_without_signing_keys_or_an_authority_does_not_start()
    {
        var folder = Directory.CreateTempSubdirectory("socialwork-fault-").FullName;
        try
        {
            var (exit, output) = await RunHostAsync($"--SocialWork:RecordStore:Path={folder}");
            Assert.Equal(1, exit);
            AssertOneLineWithoutTrace(output, "Authentication:Schemes:Bearer: set SigningKeys");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_truncated_parquet_file_in_the_store_stops_start_up_naming_the_file()
    {
        var folder = Directory.CreateTempSubdirectory("socialwork-fault-").FullName;
        try
        {
            await File.WriteAllBytesAsync(Path.Combine(folder, "2023-03.parquet"), [(byte)'P', (byte)'A', (byte)'R', (byte)'1', 0, 0, 0], Ct);
            var (exit, output) = await RunHostAsync([$"--SocialWork:RecordStore:Path={folder}", .. TestTokens.Arguments]);
            Assert.Equal(1, exit);
            AssertOneLineWithoutTrace(output, "SocialWork:RecordStore:Path: file 2023-03.parquet in the dataset folder is not a readable records file");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_connection_string_with_an_unknown_keyword_stops_start_up_naming_the_setting()
    {
        var (exit, output) = await RunHostAsync(["--SocialWork:RecordStore:Kind=postgresql", "--SocialWork:RecordStore:ConnectionString=Host=127.0.0.1;Colour=blue", .. TestTokens.Arguments]);
        Assert.Equal(1, exit);
        AssertOneLineWithoutTrace(output, "SocialWork:RecordStore:ConnectionString: the connection string is not valid");
    }

    [Fact]
    public async Task A_damaged_parquet_file_is_503_naming_it_until_it_is_restored()
    {
        await using var host = await StoreHost.StartAsync("parquet", Ct);
        using var client = host.Client();
        // The demo records' committed file, damaged on disk (a file no commit names would simply be ignored).
        var file = Assert.Single(Directory.GetFiles(host.Folder, "*.parquet"));
        var original = await File.ReadAllBytesAsync(file, Ct);
        await File.WriteAllTextAsync(file, "not parquet at all", Ct);

        var report = await client.GetAsync("/api/report", Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, report.StatusCode);
        var problem = JsonDocument.Parse(await report.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal($"file {Path.GetFileName(file)} is not readable; move it out of the store folder or restore it.", problem.GetProperty("detail").GetString());
        Assert.DoesNotContain("   at ", problem.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await host.Client(null).GetAsync("/health/ready", Ct)).StatusCode);

        await File.WriteAllBytesAsync(file, original, Ct);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/report", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Client(null).GetAsync("/health/ready", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_database_that_goes_away_is_503_and_the_host_recovers_when_it_returns()
    {
        var server = new NpgsqlConnectionStringBuilder(StoreHost.RequireServer());
        await using var proxy = TcpProxy.Start(server.Host!, server.Port);
        server.Host = "127.0.0.1";
        server.Port = proxy.Port;
        server.Timeout = 3;
        await using var host = await StoreHost.StartAsync("postgresql", Ct, $"--SocialWork:RecordStore:ConnectionString={server.ConnectionString}");
        using var client = host.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/report", Ct)).StatusCode);

        proxy.Stop();
        var down = await client.GetAsync("/api/report", Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        var problem = JsonDocument.Parse(await down.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.StartsWith("record store unavailable", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(proxy.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), problem.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await host.Client(null).GetAsync("/health/ready", Ct)).StatusCode);

        proxy.Resume();
        var recovered = HttpStatusCode.ServiceUnavailable;
        for (var attempt = 0; attempt < 10 && recovered != HttpStatusCode.OK; attempt++)
        {
            recovered = (await client.GetAsync("/api/report", Ct)).StatusCode;
        }
        Assert.Equal(HttpStatusCode.OK, recovered);
        Assert.Equal(HttpStatusCode.OK, (await host.Client(null).GetAsync("/health/ready", Ct)).StatusCode);
    }
}

/// <summary>
/// A loopback TCP relay in front of the test's PostgreSQL server: <see cref="Stop"/> drops every connection and refuses
/// new ones, as a server that went away would; <see cref="Resume"/> listens on the same port again.
/// </summary>
internal sealed class TcpProxy : IAsyncDisposable
{
    private readonly string targetHost;
    private readonly int targetPort;
    private readonly List<TcpClient> open = [];
    private TcpListener listener;
    private CancellationTokenSource running = new();

    private TcpProxy(string targetHost, int targetPort)
    {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _ = AcceptAsync(listener, running.Token);
    }

    public int Port { get; }

    public static TcpProxy Start(string host, int port) => new(host, port);

    public void Stop()
    {
        running.Cancel();
        listener.Stop();
        lock (open)
        {
            foreach (var client in open)
            {
                client.Dispose();
            }
            open.Clear();
        }
    }

    public void Resume()
    {
        running = new CancellationTokenSource();
        listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Start();
        _ = AcceptAsync(listener, running.Token);
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        running.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task AcceptAsync(TcpListener from, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient incoming;
            try
            {
                incoming = await from.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            var outgoing = new TcpClient();
            try
            {
                await outgoing.ConnectAsync(targetHost, targetPort, cancellationToken);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException)
            {
                incoming.Dispose();
                outgoing.Dispose();
                continue;
            }
            lock (open)
            {
                open.Add(incoming);
                open.Add(outgoing);
            }
            _ = PumpAsync(incoming, outgoing);
            _ = PumpAsync(outgoing, incoming);
        }
    }

    private static async Task PumpAsync(TcpClient from, TcpClient to)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream());
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException or InvalidOperationException)
        {
        }
        finally
        {
            from.Dispose();
            to.Dispose();
        }
    }
}
