using BenchmarkDotNet.Running;

namespace SocialWork.Benchmarks;

/// <summary>Runs the benchmarks: <c>dotnet run -c Release --project benchmarks/SocialWork.Benchmarks -- --filter '*Aggregation*' -j Short</c>.</summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
