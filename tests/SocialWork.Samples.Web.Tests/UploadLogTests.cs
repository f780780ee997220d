using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SocialWork.Samples.Web.Tests;

/// <summary>A host whose log entries the test can read.</summary>
public sealed class LoggedFactory : WebFactory
{
    public ConcurrentQueue<(EventId Id, string Message, IReadOnlyList<KeyValuePair<string, object?>> State)> Entries { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(new ListLoggerProvider(Entries)));
    }

    private sealed class ListLoggerProvider(ConcurrentQueue<(EventId, string, IReadOnlyList<KeyValuePair<string, object?>>)> entries) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => entries.Enqueue((eventId, formatter(state, exception), state as IReadOnlyList<KeyValuePair<string, object?>> ?? []));

        public void Dispose()
        {
        }
    }
}

public sealed class UploadLogTests(LoggedFactory factory) : IClassFixture<LoggedFactory>
{
    [Fact]
    public async Task Every_upload_is_logged_once_with_who_what_and_how_it_went_but_never_a_record()
    {
        var ct = TestContext.Current.CancellationToken;
        var id = "LOG" + Guid.NewGuid().ToString("N");
        var key = "Zp8Kq2mX7dRt4vYb1nWc9eUh3sLa6gJf0oPiTyQxEzM";
        var csv = "id,date,division,item,method,person_times,households,amount,person\n"
            + $"{id},2023-06-01,130602005014,EL.01,visit,7,1,0,{key}\n"
            + $"{id}-bad,2023-13-01,130602005014,EL.01,visit,7,1,0,\n";
        var client = factory.ClientFor(TestTokens.Create("logged-reporter", [SocialWork.Samples.Web.Security.SocialWorkRoles.Reporter], ["130602005"]));

        var response = await client.PostAsync("/api/records?mode=lenient", new StringContent(csv, Encoding.UTF8, "text/csv"), ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entry = Assert.Single(factory.Entries, e => e.Id.Id == 100 && e.Message.Contains("logged-reporter", StringComparison.Ordinal));
        var state = entry.State.ToDictionary(p => p.Key, p => p.Value);
        Assert.Equal("logged-reporter", state["Principal"]);
        Assert.Equal("130602005000", state["Scopes"]);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(csv))), state["Sha256"]);
        Assert.Equal((2, 1, 1), ((int)state["Read"]!, (int)state["Accepted"]!, (int)state["Rejected"]!));
        Assert.Equal("parquet", state["Store"]);
        Assert.Equal(200, state["Status"]);
        Assert.All(factory.Entries, e =>
        {
            Assert.DoesNotContain(id, e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(key, e.Message, StringComparison.Ordinal);
        });
    }
}
