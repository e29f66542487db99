using BenchmarkDotNet.Attributes;
using NanoSnn.Cli.Workloads;

namespace NanoSnn.Benchmarks
{
    /// <summary>
    /// One tick (Bernoulli encode + <see cref="Network.Step"/>) of the feed-forward workload
    /// 100 → hidden → 10 at input probability 0.05, as <c>nanosnn bench</c> measures it;
    /// the memory diagnoser must report 0 B allocated per operation.
    /// </summary>
    [MemoryDiagnoser]
    public class NetworkStepBenchmarks
    {
        private FeedForwardWorkload _workload;

        /// <summary>Hidden layer size.</summary>
        [Params(256, 4096)]
        public int Hidden;

        /// <summary>Builds the workload and settles it past its first ticks.</summary>
        [GlobalSetup]
        public void Setup()
        {
            _workload = new FeedForwardWorkload(100, Hidden, 10, 3277, 1);
            for (int t = 0; t < 1000; t++) _workload.Tick();
        }

        /// <summary>One tick.</summary>
        [Benchmark]
        public void Step()
        {
            _workload.Tick();
        }
    }
}
