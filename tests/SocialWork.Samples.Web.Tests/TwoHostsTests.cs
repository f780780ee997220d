using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace SocialWork.Samples.Web.Tests;

/// <summary>
/// Two web hosts — separate processes — on one store, posting the same file at the same moment, round after round: every
/// record is stored once, and the host that lost is told (409) rather than both answering "accepted".
/// </summary>
public sealed class TwoHostsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("parquet")]
    [InlineData("postgresql")]
    public async Task Two_hosts_posting_the_same_file_at_once_store_it_once(string kind)
    {
        var folder = Directory.CreateTempSubdirectory("socialwork-two-hosts-").FullName;
        var table = "two_hosts_" + Guid.NewGuid().ToString("N");
        string[] store = kind == "postgresql"
            ? ["--SocialWork:RecordStore:Kind=postgresql", $"--SocialWork:RecordStore:ConnectionString={StoreHost.RequireServer()}", $"--SocialWork:RecordStore:TableName={table}"]
            : ["--SocialWork:RecordStore:Kind=parquet", $"--SocialWork:RecordStore:Path={folder}"];
        var hosts = new List<(Process Process, HttpClient Client)>();
        try
        {
            for (var i = 0; i < 2; i++)
            {
                hosts.Add(await StartAsync([.. store, .. TestTokens.Arguments]));
            }
            var before = await TotalRecords(hosts[0].Client);
            for (var round = 0; round < 3; round++)
            {
                var csv = new StringBuilder("id,date,division,item,method,person_times,households,amount\n");
                for (var i = 0; i < 5_000; i++)
                {
                    csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"T{round}-{i},2023-{1 + (i % 12):D2}-{1 + (i % 28):D2},130602005014,EL.01,visit,1,0,\n");
                }
                var body = csv.ToString();
                var answers = await Task.WhenAll(hosts.Select(h => h.Client.PostAsync("/api/records", new StringContent(body, Encoding.UTF8, "text/csv"), Ct)));

                Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
                Assert.Equal(before + ((round + 1) * 5_000), await TotalRecords(hosts[0].Client));
                Assert.Equal(before + ((round + 1) * 5_000), await TotalRecords(hosts[1].Client));
            }
        }
        finally
        {
            foreach (var (process, client) in hosts)
            {
                client.Dispose();
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(Ct);
                process.Dispose();
            }
            Directory.Delete(folder, recursive: true);
            if (kind == "postgresql")
            {
                await using var source = Npgsql.NpgsqlDataSource.Create(StoreHost.RequireServer());
                await using var drop = source.CreateCommand($"DROP TABLE IF EXISTS \"{table}\", \"{table}_transitions\", \"{table}_withdrawals\", \"{table}_snapshots\"");
                await drop.ExecuteNonQueryAsync(Ct);
            }
        }
    }

    private static async Task<long> TotalRecords(HttpClient client)
    {
        using var report = JsonDocument.Parse(await client.GetStringAsync("/api/report?level=county&period=year", Ct));
        return report.RootElement.GetProperty("total").GetProperty("records").GetInt64();
    }

    /// <summary>Starts the built host as a process on a free loopback port and waits until it answers.</summary>
    private static async Task<(Process, HttpClient)> StartAsync(string[] arguments)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var argument in (string[])["SocialWork.Samples.Web.dll", "--urls", $"http://127.0.0.1:{port}", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") }.WithToken(TestTokens.DistrictReporter);
        for (var attempt = 0; attempt < 200; attempt++)
        {
            try
            {
                if ((await client.GetAsync("/health/ready", Ct)).IsSuccessStatusCode)
                {
                    return (process, client);
                }
            }
            catch (HttpRequestException)
            {
            }
            Assert.False(process.HasExited, "the host process ended while starting");
            await Task.Delay(100, Ct);
        }
        throw new TimeoutException("the host did not become ready in 20 s");
    }
}
