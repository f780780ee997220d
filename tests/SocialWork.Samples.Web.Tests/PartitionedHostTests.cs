using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SocialWork.Reporting.PostgreSql;

namespace SocialWork.Samples.Web.Tests;

/// <summary>The host over a PostgreSQL table partitioned by month (<c>SocialWork:RecordStore:PartitionByMonth</c>), and with a summary (<c>SummaryLevel</c>).</summary>
public sealed class PartitionedHostTests
{
    [Fact]
    public async Task The_host_creates_a_monthly_partitioned_table_and_reports_and_stores_as_before()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await StoreHost.StartAsync("postgresql", ct, "--SocialWork:RecordStore:PartitionByMonth=true");
        using var http = host.Client();
        var store = (PostgreSqlRecordStore)host.App.Services.GetRequiredService<RecordStoreHost>().Store;
        Assert.True(store.Options.PartitionByMonth);

        using var before = JsonDocument.Parse(await http.GetStringAsync("/api/report?level=county&period=year", ct));
        var response = await http.PostAsync("/api/records", new StringContent("id,date,division,item,method,person_times,households,amount\nPH1,2031-05-02,130602005014,EL.01,visit,7,1,0\n", Encoding.UTF8, "text/csv"), ct);
        response.EnsureSuccessStatusCode();
        using var after = JsonDocument.Parse(await http.GetStringAsync("/api/report?level=county&period=year", ct));

        var records = (JsonDocument d) => d.RootElement.GetProperty("total").GetProperty("records").GetInt64();
        Assert.True(records(before) > 1000);
        Assert.Equal(records(before) + 1, records(after));
        await using var source = NpgsqlDataSource.Create(StoreHost.RequireServer());
        await using var partitions = source.CreateCommand("SELECT count(*) FROM pg_inherits WHERE inhparent = to_regclass($1)");
        partitions.Parameters.Add(new NpgsqlParameter<string> { Value = store.Options.TableName });
        Assert.True((long)(await partitions.ExecuteScalarAsync(ct))! > 12);
        await using var may = source.CreateCommand("SELECT to_regclass($1) IS NOT NULL");
        may.Parameters.Add(new NpgsqlParameter<string> { Value = store.Options.TableName + "_p2031_05" });
        Assert.True((bool)(await may.ExecuteScalarAsync(ct))!);
    }

    [Fact]
    public async Task The_host_keeps_a_summary_by_township_when_asked_and_county_reports_read_it()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await StoreHost.StartAsync("postgresql", ct, "--SocialWork:RecordStore:PartitionByMonth=true", "--SocialWork:RecordStore:SummaryLevel=township");
        using var http = host.Client();
        var store = (PostgreSqlRecordStore)host.App.Services.GetRequiredService<RecordStoreHost>().Store;
        Assert.Equal(DivisionLevel.Township, store.Options.SummaryLevel);
        var county = new SocialWork.Reporting.CubeQuery(DivisionLevel.County, PeriodKind.Year);
        Assert.Contains("_summary_township", store.QuerySql(county), StringComparison.Ordinal);

        using var before = JsonDocument.Parse(await http.GetStringAsync("/api/report?level=county&period=year", ct));
        var response = await http.PostAsync("/api/records", new StringContent("id,date,division,item,method,person_times,households,amount\nSH1,2031-05-02,130602005014,EL.01,visit,7,1,0\n", Encoding.UTF8, "text/csv"), ct);
        response.EnsureSuccessStatusCode();
        using var after = JsonDocument.Parse(await http.GetStringAsync("/api/report?level=county&period=year", ct));

        var total = (JsonDocument d, string indicator) => d.RootElement.GetProperty("total").GetProperty(indicator).GetInt64();
        Assert.True(total(before, "records") > 1000);
        Assert.Equal(total(before, "records") + 1, total(after, "records"));
        Assert.Equal(total(before, "personTimes") + 7, total(after, "personTimes"));
        var unknown = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => SocialWorkWeb.Build(["--SocialWork:RecordStore:SummaryLevel=street"]));
        Assert.Contains(unknown.Failures, f => f.StartsWith("SocialWork:RecordStore:SummaryLevel: 'street' is not one of province", StringComparison.Ordinal));
        var tooLong = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => SocialWorkWeb.Build(
            ["--SocialWork:RecordStore:Kind=postgresql", "--SocialWork:RecordStore:ConnectionString=Host=127.0.0.1;Port=1", $"--SocialWork:RecordStore:TableName={new string('t', 45)}", "--SocialWork:RecordStore:SummaryLevel=county", .. TestTokens.Arguments]));
        Assert.Contains(tooLong.Failures, f => f.StartsWith("SocialWork:RecordStore:TableName: A table with a summary needs a name of at most 44 characters", StringComparison.Ordinal));
    }
}
