using System.Diagnostics;
using DuckDB.NET.Data;

namespace SocialWork.Benchmarks;

/// <summary>
/// DuckDB's side of the whole-process comparison (<c>benchmarks/versus-duckdb.sh</c>): one process runs one DuckDB
/// statement over the same files the console reads, and prints the groups' record count and its time. The statements
/// are the console's township × month × domain report, with <c>count(DISTINCT person)</c> for the people case.
/// </summary>
internal static class DuckDbProcess
{
    private const string Groups = "division // 1000 AS township, year(date) * 12 + month(date) AS month, split_part(item, '.', 1) AS domain";

    public static int Run(string[] args)
    {
        var sql = args switch
        {
            ["csv", var csv] => $"SELECT {Groups}, count(*), sum(person_times), sum(households), sum(amount) FROM read_csv('{csv}') GROUP BY ALL",
            ["parquet", var files] => $"SELECT {Groups}, count(*), sum(person_times), sum(households), sum(amount) FROM read_parquet('{files}') GROUP BY ALL",
            ["people", var files] => $"SELECT {Groups}, count(*), sum(person_times), count(DISTINCT person) FROM read_parquet('{files}') GROUP BY ALL",
            ["convert", var csv, var parquet] => $"COPY (SELECT * FROM read_csv('{csv}')) TO '{parquet}' (FORMAT parquet)",
            _ => null,
        };
        if (sql is null)
        {
            Console.Error.WriteLine("usage: duckdb csv FILE | duckdb parquet GLOB | duckdb people GLOB | duckdb convert CSV PARQUET");
            return 1;
        }
        var clock = Stopwatch.StartNew();
        using var duck = new DuckDBConnection("Data Source=:memory:");
        duck.Open();
        using var command = duck.CreateCommand();
        command.CommandText = sql;
        long records = 0;
        if (args[0] == "convert")
        {
            records = command.ExecuteNonQuery();   // the rows COPY wrote
        }
        else
        {
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                records += reader.GetInt64(3);
            }
        }
        Console.WriteLine($"duckdb {args[0]}: {records:N0} records, {clock.Elapsed.TotalSeconds:F2} s");
        return 0;
    }
}
