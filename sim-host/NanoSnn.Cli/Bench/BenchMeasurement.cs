using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using NanoSnn.Cli.Workloads;

namespace NanoSnn.Cli.Bench
{
    /// <summary>
    /// Times a workload on the calling thread. Warm-up runs at least 10% of the steps (at
    /// least <see cref="MinWarmupSteps"/>) and at least <see cref="MinWarmupMilliseconds"/>,
    /// long enough for tiered compilation to replace the tier-0 code of the hot methods
    /// (the runtime waits 100 ms without new tier-0 methods before it starts counting calls).
    /// The network, its counters and the input generator are then restarted, so that the
    /// timed loop, its rates and its state hash are the same on every run and machine.
    /// </summary>
    public static class BenchMeasurement
    {
        /// <summary>Fewest warm-up ticks.</summary>
        public const int MinWarmupSteps = 200;

        /// <summary>Shortest warm-up, ms.</summary>
        public const int MinWarmupMilliseconds = 400;

        /// <summary>Warms up, then times <paramref name="steps"/> ticks of <paramref name="workload"/>.</summary>
        public static BenchResult Measure(FeedForwardWorkload workload, int steps, double inputRate)
        {
            int chunk = Math.Max(steps / 10, MinWarmupSteps);
            int warmup = 0;
            Stopwatch clock = Stopwatch.StartNew();
            do
            {
                RunTicks(workload, chunk);
                warmup += chunk;
            }
            while (clock.ElapsedMilliseconds < MinWarmupMilliseconds);
            workload.Restart();

            Network network = workload.Network;
            long events0 = network.SynapticEvents;
            long allocated0 = GC.GetAllocatedBytesForCurrentThread();
            long start = Stopwatch.GetTimestamp();
            RunTicks(workload, steps);
            long stop = Stopwatch.GetTimestamp();
            long allocated1 = GC.GetAllocatedBytesForCurrentThread();

            // At least one timer tick, so that a very short loop never divides by zero.
            double seconds = Math.Max(stop - start, 1) / (double)Stopwatch.Frequency;
            double simulated = steps * (double)network.DtUs / 1e6;
            return new BenchResult
            {
                Workload = FeedForwardWorkload.Name,
                Inputs = workload.Inputs.Size,
                Hidden = workload.Hidden.Size,
                Outputs = workload.Outputs.Size,
                Steps = steps,
                InputRate = inputRate,
                InputProbQ16 = workload.InputProbQ16,
                Seed = workload.Seed,
                WarmupSteps = warmup,
                Seconds = seconds,
                SynapticEvents = network.SynapticEvents - events0,
                AllocatedBytes = allocated1 - allocated0,
                HiddenRateHz = workload.Hidden.TotalSpikes / (double)workload.Hidden.Size / simulated,
                OutputRateHz = workload.Outputs.TotalSpikes / (double)workload.Outputs.Size / simulated,
                BytesPerSynapse = workload.WeightBytesPerSynapse,
                Synapses = network.SynapseCount,
                FootprintBytes = network.FootprintBytes,
                StateHash = network.ComputeStateHash(),
            };
        }

        // Not inlined, so that the loop is one method that tiers up and is timed as a whole.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void RunTicks(FeedForwardWorkload workload, int steps)
        {
            for (int t = 0; t < steps; t++) workload.Tick();
        }
    }
}
