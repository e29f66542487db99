using BenchmarkDotNet.Running;

namespace NanoSnn.Benchmarks
{
    /// <summary>BenchmarkDotNet entry point: <c>dotnet run -c Release -- --filter *</c> (add <c>--job dry</c> for a smoke run).</summary>
    public static class Program
    {
        /// <summary>Runs the benchmarks selected by <paramref name="args"/>.</summary>
        public static void Main(string[] args)
        {
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        }
    }
}
