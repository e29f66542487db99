using BenchmarkDotNet.Attributes;
using NanoSnn.Cli.Workloads;

namespace NanoSnn.Benchmarks
{
    /// <summary>
    /// One tick of the e-prop workload (32 Bernoulli inputs at 0.05 → n_rec LIF → 4 readouts,
    /// learning every tick), as <c>nanosnn bench --workload eprop</c> measures it; the memory
    /// diagnoser must report 0 B allocated per operation. The cost of a factorized tick follows
    /// the weight changes, which shrink as the error does: BenchmarkDotNet times many ticks past
    /// the first 2,000, so it reads higher than <c>nanosnn bench</c>, which times the first
    /// ticks of a fresh network.
    /// </summary>
    [MemoryDiagnoser]
    public class EpropStepBenchmarks
    {
        private EpropWorkload _workload;

        /// <summary>Recurrent population size.</summary>
        [Params(64, 128, 256)]
        public int Recurrent;

        /// <summary>Eligibility mode.</summary>
        [Params(EpropEligibility.Factorized, EpropEligibility.Exact)]
        public EpropEligibility Mode;

        /// <summary>Builds the workload and runs it past its first ticks.</summary>
        [GlobalSetup]
        public void Setup()
        {
            _workload = new EpropWorkload(32, Recurrent, 4, 0.05, Mode, 1);
            for (int t = 0; t < 2000; t++) _workload.Tick();
        }

        /// <summary>One tick: targets, input spikes, propagate, integrate, learn.</summary>
        [Benchmark]
        public void Step()
        {
            _workload.Tick();
        }
    }
}
