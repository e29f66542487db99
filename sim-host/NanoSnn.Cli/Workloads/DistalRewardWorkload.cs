using System;
using System.Diagnostics;
using NanoSnn.Cli.Experiments;

namespace NanoSnn.Cli.Workloads
{
    /// <summary>What one timed run of <see cref="DistalRewardWorkload"/> measured.</summary>
    public sealed class DistalRewardWorkloadResult
    {
        /// <summary>Seed of the network.</summary>
        public uint Seed;

        /// <summary>Timed ticks (1 ms each).</summary>
        public int Steps;

        /// <summary>Warm-up ticks before the timed loop.</summary>
        public int WarmupSteps;

        /// <summary>Wall-clock seconds of the timed loop.</summary>
        public double WallSeconds;

        /// <summary>Simulated seconds per wall-clock second.</summary>
        public double RealtimeFactor;

        /// <summary>Synaptic events (one weight delivered to one target) per wall-clock second.</summary>
        public double SynapticEventsPerSecond;

        /// <summary>Bytes per plastic synapse: weight, target index, eligibility and the rule's by-target index.</summary>
        public double BytesPerPlasticSynapse;

        /// <summary>Bytes per plastic synapse that the learning rule alone adds (eligibility + by-target index).</summary>
        public double RuleBytesPerPlasticSynapse;

        /// <summary>Managed bytes allocated per tick in the timed loop (0 expected).</summary>
        public double AllocatedBytesPerStep;

        /// <summary>Mean firing rate over the timed loop, Hz.</summary>
        public double MeanRateHz;

        /// <summary>Footprint of the whole network (parameters + state), bytes.</summary>
        public int FootprintBytes;
    }

    /// <summary>
    /// The "distal-reward" benchmark workload: the 1000-neuron network of
    /// <see cref="DistalRewardExperiment"/> (800 RS + 200 FS Izhikevich neurons, 100 synapses
    /// each, reward-modulated STDP on the 80,000 excitatory synapses, weight update every 10 ms),
    /// with a reward of 0.5 every 2 s so that the dopamine path is exercised. The per-10 ms sweep
    /// over all plastic synapses dominates the cost.
    /// </summary>
    public static class DistalRewardWorkload
    {
        /// <summary>The workload's name on the command line.</summary>
        public const string Name = "distal-reward";

        /// <summary>Ticks between two rewards.</summary>
        public const int RewardEveryTicks = 2000;

        /// <summary>
        /// Builds the network, runs <paramref name="warmupSteps"/> ticks (JIT tier-up), then times
        /// <paramref name="steps"/> ticks (10,000 = 10 simulated seconds).
        /// </summary>
        public static DistalRewardWorkloadResult Measure(uint seed, int steps, int warmupSteps)
        {
            if (steps <= 0) throw new ArgumentException("steps must be positive");
            if (warmupSteps < 0) throw new ArgumentException("warm-up steps must be >= 0");
            DistalRewardExperiment.Setup setup = DistalRewardExperiment.Build(new DistalRewardOptions { Seed = seed });
            Network network = setup.Network;
            RewardStdp rule = setup.Rule;
            for (int t = 0; t < warmupSteps; t++) Tick(network, rule, t);

            network.ResetCounters();
            long allocated0 = GC.GetAllocatedBytesForCurrentThread();
            long start = Stopwatch.GetTimestamp();
            for (int t = 0; t < steps; t++) Tick(network, rule, t);
            long stop = Stopwatch.GetTimestamp();
            long allocated = GC.GetAllocatedBytesForCurrentThread() - allocated0;

            double seconds = Math.Max(stop - start, 1) / (double)Stopwatch.Frequency;
            int plastic = setup.Excitatory.SynapseCount;
            // The projection's share per synapse (weight + 16-bit target; its row table is per source).
            double projectionBytes = setup.Excitatory.ParameterBytes / (double)plastic;
            double ruleBytes = (rule.ParameterBytes + rule.EligibilityQ13.Length * 2) / (double)plastic;
            return new DistalRewardWorkloadResult
            {
                Seed = seed,
                Steps = steps,
                WarmupSteps = warmupSteps,
                WallSeconds = seconds,
                RealtimeFactor = steps / 1000.0 / seconds,
                SynapticEventsPerSecond = network.SynapticEvents / seconds,
                BytesPerPlasticSynapse = projectionBytes + ruleBytes,
                RuleBytesPerPlasticSynapse = ruleBytes,
                AllocatedBytesPerStep = allocated / (double)steps,
                MeanRateHz = setup.Neurons.TotalSpikes / (double)setup.Neurons.Size / (steps / 1000.0),
                FootprintBytes = network.FootprintBytes,
            };
        }

        private static void Tick(Network network, RewardStdp rule, int t)
        {
            network.Step(null, 0);
            if (t % RewardEveryTicks == RewardEveryTicks - 1) rule.Reward(DistalRewardExperiment.RewardQ16);
        }
    }
}
