using BenchmarkDotNet.Running;

namespace SocialWork.Benchmarks;

/// <summary>
/// Runs the benchmarks: <c>dotnet run -c Release --project benchmarks/SocialWork.Benchmarks -- --filter '*Aggregation*' -j Short</c>;
/// <c>-- people-memory …</c> runs the whole-process memory harness (<see cref="PeopleMemory"/>), <c>-- duckdb …</c> DuckDB's
/// side of <c>benchmarks/versus-duckdb.sh</c> (<see cref="DuckDbProcess"/>), <c>-- compression …</c> the page compression
/// measurement (<see cref="CompressionChoice"/>), <c>-- excel-memory …</c> the spreadsheet libraries' memory as rows grow
/// (<see cref="ExcelLibraryChoice"/>).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args is ["people-memory", .. var rest])
        {
            return PeopleMemory.Run(rest);
        }
        if (args is ["compression", .. var files])
        {
            return CompressionChoice.Run(files);
        }
        if (args is ["excel-memory", .. var excel])
        {
            return ExcelLibraryChoice.RunMemory(excel);
        }
        if (args is ["duckdb", .. var statement])
        {
            return DuckDbProcess.Run(statement);
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
