using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Runtime;
using System.Runtime.CompilerServices;
using NanoSnn.Cli.Output;
using NanoSnn.Cli.Workloads;
using Spectre.Console;

namespace NanoSnn.Cli.Bench
{
    /// <summary>
    /// The figures of one e-prop benchmark configuration. Timing figures vary between runs; all
    /// others are deterministic per seed.
    /// </summary>
    /// <remarks>
    /// Bytes per plastic synapse are reported two ways:
    /// <list type="bullet">
    /// <item><see cref="BytesPerPlasticSynapse"/>: what each plastic synapse stores, i.e. its
    /// weight (2 bytes) plus the rule's per-synapse state (eligibility, ALIF ε, accumulators),
    /// averaged over the plastic synapses. This is the figure that scales with the synapse count
    /// (2.0 in factorized mode, 6.0 in exact LIF mode).</item>
    /// <item><see cref="TotalBytesPerPlasticSynapse"/>: the plastic weights plus everything the
    /// rule allocates (per-synapse state, per-neuron traces and factors, feedback matrix),
    /// divided by the plastic synapses; the per-neuron part is amortized, so it falls with n_rec.</item>
    /// </list>
    /// </remarks>
    public sealed class EpropBenchResult
    {
        public int Inputs, Recurrent, Outputs, Steps, WarmupSteps;
        public string Mode = "";
        public double InputRate;
        public int InputProbQ16;
        public uint Seed;
        public double Seconds;
        public long SynapticEvents;
        public long AllocatedBytes;
        public double RecurrentRateHz;
        public int Synapses, PlasticSynapses;
        public double BytesPerSynapse, BytesPerPlasticSynapse, TotalBytesPerPlasticSynapse;
        public int FootprintBytes;
        public uint StateHash;

        public double StepsPerSecond { get { return Steps / Seconds; } }
        public double SynapticEventsPerSecond { get { return SynapticEvents / Seconds; } }

        /// <summary>
        /// Plastic synapses updated by the rule per second (plastic synapses × ticks / s; learning runs every tick).
        /// Every synapse gets its stochastically rounded change every tick; the factorized rule draws the
        /// changes of a row without visiting each synapse (see <see cref="EpropRule"/>), so this counts
        /// synapse-ticks, not loop iterations.
        /// </summary>
        public double SynapticUpdatesPerSecond { get { return (double)PlasticSynapses * Steps / Seconds; } }

        public double AllocatedBytesPerStep { get { return AllocatedBytes / (double)Steps; } }
    }

    /// <summary>
    /// The figures of one distal-reward benchmark run.
    /// <see cref="BytesPerPlasticSynapse"/> is the learning state per plastic synapse: weight
    /// (2 bytes) and eligibility (2 bytes); the rule's per-neuron traces, spike masks and lags and
    /// its catch-up tables are <see cref="RuleNeuronBytes"/>; the sparse connectivity (2-byte
    /// target per synapse plus the row table) is reported separately as
    /// <see cref="ConnectivityBytesPerSynapse"/>, and <see cref="TotalBytesPerPlasticSynapse"/>
    /// is the projection plus everything the rule allocates, divided by the plastic synapses.
    /// </summary>
    public sealed class DistalRewardBenchResult
    {
        public uint Seed;
        public int Neurons, PlasticSynapses, Synapses, Steps, WarmupSteps;
        public double WallSeconds;
        public long SynapticEvents;
        public long AllocatedBytes;
        public double MeanRateHz;
        public double BytesPerPlasticSynapse, ConnectivityBytesPerSynapse, TotalBytesPerPlasticSynapse;
        public int RuleNeuronBytes;
        public int FootprintBytes;
        public uint StateHash;

        /// <summary>The rule's per-neuron arrays and tables divided by the neurons.</summary>
        public double RuleBytesPerNeuron { get { return RuleNeuronBytes / (double)Neurons; } }

        public double SimulatedSeconds { get { return Steps / 1000.0; } }
        public double RealtimeFactor { get { return SimulatedSeconds / WallSeconds; } }
        public double SynapticEventsPerSecond { get { return SynapticEvents / WallSeconds; } }
        public double AllocatedBytesPerStep { get { return AllocatedBytes / (double)Steps; } }
    }

    /// <summary>
    /// Times the learning workloads. The warm-up runs on a separate instance built from the
    /// same seed, so that the timed network starts from its initial state and every non-timing
    /// figure, the state hash included, repeats on every run and machine. It lasts at least
    /// <see cref="BenchMeasurement.MinWarmupMilliseconds"/> and until the JIT has compiled
    /// nothing for <see cref="QuietMilliseconds"/> (at most <see cref="MaxWarmupMilliseconds"/>):
    /// on a loaded machine the background tier-1 compilations finish late, and a fixed warm-up
    /// then times a mix of instrumented and optimized code.
    /// </summary>
    public static class LearningBench
    {
        /// <summary>How long the JIT must have compiled nothing before the warm-up ends, ms.</summary>
        public const int QuietMilliseconds = 250;

        /// <summary>Longest warm-up, ms (a JIT that never settles does not stall the bench).</summary>
        public const int MaxWarmupMilliseconds = 10000;

        /// <summary>Default timed ticks of an e-prop configuration: a function of the size only, at least one 1,000-tick sequence.</summary>
        public static int DefaultEpropSteps(int inputs, int recurrent, int outputs, EpropEligibility mode)
        {
            double visited = (double)recurrent * (inputs + recurrent + outputs);
            double steps = (mode == EpropEligibility.Exact ? 1e8 : 3e8) / visited;
            return (int)(Math.Round(Math.Clamp(steps, 1000, 100000) / 1000) * 1000);
        }

        /// <summary>Warms up, then times <paramref name="steps"/> ticks of a fresh e-prop workload.</summary>
        public static EpropBenchResult MeasureEprop(int inputs, int recurrent, int outputs, double inputRate, EpropEligibility mode, uint seed, int steps)
        {
            EpropWorkload warm = new EpropWorkload(inputs, recurrent, outputs, inputRate, mode, seed);
            int warmup = WarmUp(chunk => RunEprop(warm, chunk), steps);

            EpropWorkload w = new EpropWorkload(inputs, recurrent, outputs, inputRate, mode, seed);
            Network network = w.Network;
            long allocated0 = GC.GetAllocatedBytesForCurrentThread();
            long start = Stopwatch.GetTimestamp();
            RunEprop(w, steps);
            long stop = Stopwatch.GetTimestamp();
            long allocated = GC.GetAllocatedBytesForCurrentThread() - allocated0;

            EpropRule rule = w.Rule;
            int plastic = w.PlasticSynapses;
            long plasticWeightBytes = 2L * plastic;
            return new EpropBenchResult
            {
                Inputs = inputs,
                Recurrent = recurrent,
                Outputs = outputs,
                Steps = steps,
                WarmupSteps = warmup,
                Mode = ModeName(mode),
                InputRate = inputRate,
                InputProbQ16 = w.InputProbQ16,
                Seed = seed,
                Seconds = Math.Max(stop - start, 1) / (double)Stopwatch.Frequency,
                SynapticEvents = network.SynapticEvents,
                AllocatedBytes = allocated,
                RecurrentRateHz = w.Recurrent.TotalSpikes / (double)recurrent / (steps * (double)network.DtUs / 1e6),
                Synapses = network.SynapseCount,
                PlasticSynapses = plastic,
                BytesPerSynapse = 2.0,
                BytesPerPlasticSynapse = (plasticWeightBytes + rule.SynapseStateBytes) / (double)plastic,
                TotalBytesPerPlasticSynapse = (plasticWeightBytes + rule.StateBytes + rule.ParameterBytes) / (double)plastic,
                FootprintBytes = network.FootprintBytes,
                StateHash = network.ComputeStateHash(),
            };
        }

        /// <summary>Warms up, then times <paramref name="steps"/> ticks (1 ms each) of a fresh distal-reward network.</summary>
        public static DistalRewardBenchResult MeasureDistalReward(uint seed, int steps)
        {
            DistalRewardWorkload warm = new DistalRewardWorkload(seed);
            int warmup = WarmUp(chunk => RunDistal(warm, chunk), steps);

            DistalRewardWorkload w = new DistalRewardWorkload(seed);
            Network network = w.Network;
            long allocated0 = GC.GetAllocatedBytesForCurrentThread();
            long start = Stopwatch.GetTimestamp();
            RunDistal(w, steps);
            long stop = Stopwatch.GetTimestamp();
            long allocated = GC.GetAllocatedBytesForCurrentThread() - allocated0;

            // The rule defers the drift of rows that did not pair; complete it (untimed) so that
            // the hash is of the weights the per-tick rule would hold.
            network.Synchronize();
            RewardStdp rule = w.Rule;
            SparseProjection exc = w.Setup.Excitatory;
            int plastic = w.PlasticSynapses;
            // Per synapse: weight and eligibility; the rule's per-neuron arrays and tables are
            // reported on their own and amortized into the total.
            double learning = (2.0 * plastic + rule.SynapseStateBytes) / plastic;
            double connectivity = (exc.ParameterBytes - 2.0 * plastic) / plastic;
            return new DistalRewardBenchResult
            {
                Seed = seed,
                Neurons = w.Setup.Neurons.Size,
                PlasticSynapses = plastic,
                Synapses = network.SynapseCount,
                Steps = steps,
                WarmupSteps = warmup,
                WallSeconds = Math.Max(stop - start, 1) / (double)Stopwatch.Frequency,
                SynapticEvents = network.SynapticEvents,
                AllocatedBytes = allocated,
                MeanRateHz = w.Setup.Neurons.TotalSpikes / (double)w.Setup.Neurons.Size / (steps / 1000.0),
                BytesPerPlasticSynapse = learning,
                RuleNeuronBytes = rule.NeuronStateBytes + rule.ParameterBytes,
                ConnectivityBytesPerSynapse = connectivity,
                TotalBytesPerPlasticSynapse = (exc.ParameterBytes + rule.ParameterBytes + rule.StateBytes) / (double)plastic,
                FootprintBytes = network.FootprintBytes,
                StateHash = network.ComputeStateHash(),
            };
        }

        /// <summary>The command-line name of an eligibility mode.</summary>
        public static string ModeName(EpropEligibility mode)
        {
            return mode == EpropEligibility.Exact ? "exact" : "factorized";
        }

        // Runs chunks of ticks (runChunk) until the JIT has been quiet long enough; returns the ticks run.
        private static int WarmUp(Action<int> runChunk, int steps)
        {
            int chunk = Math.Max(steps / 10, BenchMeasurement.MinWarmupSteps);
            int warmup = 0;
            Stopwatch clock = Stopwatch.StartNew();
            long compiled = JitInfo.GetCompiledMethodCount();
            long lastCompile = 0;
            while (true)
            {
                runChunk(chunk);
                warmup += chunk;
                long now = clock.ElapsedMilliseconds;
                long count = JitInfo.GetCompiledMethodCount();
                if (count != compiled)
                {
                    compiled = count;
                    lastCompile = now;
                }
                if (now >= MaxWarmupMilliseconds) break;
                if (now >= BenchMeasurement.MinWarmupMilliseconds && now - lastCompile >= QuietMilliseconds) break;
            }
            return warmup;
        }

        // Not inlined, so that each loop is one method that tiers up and is timed as a whole.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void RunEprop(EpropWorkload workload, int steps)
        {
            for (int t = 0; t < steps; t++) workload.Tick();
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void RunDistal(DistalRewardWorkload workload, int steps)
        {
            for (int t = 0; t < steps; t++) workload.Tick();
        }

        /// <summary>One e-prop result as a JSON line (the ff keys, with hidden = n_rec, plus the e-prop ones).</summary>
        public static void WriteJson(TextWriter output, EpropBenchResult r)
        {
            JsonLine.Write(output, w =>
            {
                w.WriteString("workload", EpropWorkload.Name);
                w.WriteString("mode", r.Mode);
                w.WriteNumber("inputs", r.Inputs);
                w.WriteNumber("hidden", r.Recurrent);
                w.WriteNumber("n_rec", r.Recurrent);
                w.WriteNumber("outputs", r.Outputs);
                w.WriteNumber("steps", r.Steps);
                w.WriteNumber("input_rate", r.InputRate);
                w.WriteNumber("input_prob_q16", r.InputProbQ16);
                w.WriteNumber("seed", r.Seed);
                BenchReport.WriteTiming(w, r.WarmupSteps, r.Seconds, r.StepsPerSecond, r.SynapticEvents, r.SynapticEventsPerSecond);
                w.WriteNumber("syn_updates_per_s", Math.Round(r.SynapticUpdatesPerSecond));
                w.WriteNumber("hidden_rate_hz", Math.Round(r.RecurrentRateHz, 3));
                w.WriteNumber("synapses", r.Synapses);
                w.WriteNumber("plastic_synapses", r.PlasticSynapses);
                w.WriteNumber("bytes_per_synapse", r.BytesPerSynapse);
                w.WriteNumber("bytes_per_plastic_synapse", Math.Round(r.BytesPerPlasticSynapse, 4));
                w.WriteNumber("total_bytes_per_plastic_synapse", Math.Round(r.TotalBytesPerPlasticSynapse, 4));
                BenchReport.WriteFootprintAndHash(w, r.FootprintBytes, r.AllocatedBytesPerStep, r.StateHash);
            });
        }

        /// <summary>The distal-reward result as a JSON line.</summary>
        public static void WriteJson(TextWriter output, DistalRewardBenchResult r)
        {
            JsonLine.Write(output, w =>
            {
                w.WriteString("workload", DistalRewardWorkload.Name);
                w.WriteNumber("neurons", r.Neurons);
                w.WriteNumber("plastic_synapses", r.PlasticSynapses);
                w.WriteNumber("synapses", r.Synapses);
                w.WriteNumber("steps", r.Steps);
                w.WriteNumber("simulated_s", r.SimulatedSeconds);
                w.WriteNumber("seed", r.Seed);
                w.WriteNumber("warmup_steps", r.WarmupSteps);
                w.WriteNumber("wall_s", Math.Round(r.WallSeconds, 6));
                w.WriteNumber("realtime_factor", Math.Round(r.RealtimeFactor, 2));
                w.WriteNumber("syn_events", r.SynapticEvents);
                w.WriteNumber("syn_events_per_s", Math.Round(r.SynapticEventsPerSecond));
                w.WriteNumber("mean_rate_hz", Math.Round(r.MeanRateHz, 3));
                w.WriteNumber("bytes_per_plastic_synapse", Math.Round(r.BytesPerPlasticSynapse, 4));
                w.WriteNumber("rule_neuron_bytes", r.RuleNeuronBytes);
                w.WriteNumber("rule_bytes_per_neuron", Math.Round(r.RuleBytesPerNeuron, 3));
                w.WriteNumber("connectivity_bytes_per_synapse", Math.Round(r.ConnectivityBytesPerSynapse, 4));
                w.WriteNumber("total_bytes_per_plastic_synapse", Math.Round(r.TotalBytesPerPlasticSynapse, 4));
                BenchReport.WriteFootprintAndHash(w, r.FootprintBytes, r.AllocatedBytesPerStep, r.StateHash);
            });
        }

        /// <summary>All e-prop results as one table.</summary>
        public static void WriteTable(IAnsiConsole console, IReadOnlyList<EpropBenchResult> results)
        {
            Table table = new Table().Title("nanosnn bench eprop (one core, learning every tick; timing varies, everything else is deterministic per seed)");
            table.AddColumn("mode");
            table.AddColumn("in -> rec -> out");
            table.AddColumn(new TableColumn("steps").RightAligned());
            table.AddColumn(new TableColumn("steps/s").RightAligned());
            table.AddColumn(new TableColumn("syn updates/s").RightAligned());
            table.AddColumn(new TableColumn("rec Hz").RightAligned());
            table.AddColumn(new TableColumn("plastic syn").RightAligned());
            table.AddColumn(new TableColumn("B/plastic syn").RightAligned());
            table.AddColumn(new TableColumn("total B/plastic syn").RightAligned());
            table.AddColumn(new TableColumn("footprint B").RightAligned());
            table.AddColumn(new TableColumn("alloc B/step").RightAligned());
            foreach (EpropBenchResult r in results)
            {
                table.AddRow(r.Mode, r.Inputs + " -> " + r.Recurrent + " -> " + r.Outputs, Units.Count(r.Steps),
                    Units.Rate(r.StepsPerSecond), Units.Rate(r.SynapticUpdatesPerSecond), Units.Fixed(r.RecurrentRateHz, 1),
                    Units.Count(r.PlasticSynapses), Units.Fixed(r.BytesPerPlasticSynapse, 2), Units.Fixed(r.TotalBytesPerPlasticSynapse, 2),
                    Units.Count(r.FootprintBytes), Units.Fixed(r.AllocatedBytesPerStep, 1));
            }
            console.Write(table);
            console.WriteLine("B/plastic syn = weight + the rule's per-synapse state; total = plastic weights + all rule state (per-neuron traces, feedback matrix) / plastic synapses.");
        }

        /// <summary>The distal-reward result as a table.</summary>
        public static void WriteTable(IAnsiConsole console, DistalRewardBenchResult r)
        {
            Table table = new Table().Title("nanosnn bench distal-reward: Izhikevich network, reward-modulated STDP (one core; timing varies, everything else is deterministic per seed)");
            table.AddColumn("neurons");
            table.AddColumn(new TableColumn("simulated s").RightAligned());
            table.AddColumn(new TableColumn("wall s").RightAligned());
            table.AddColumn(new TableColumn("RT factor").RightAligned());
            table.AddColumn(new TableColumn("syn events/s").RightAligned());
            table.AddColumn(new TableColumn("mean Hz").RightAligned());
            table.AddColumn(new TableColumn("plastic syn").RightAligned());
            table.AddColumn(new TableColumn("B/plastic syn").RightAligned());
            table.AddColumn(new TableColumn("rule B/neuron").RightAligned());
            table.AddColumn(new TableColumn("connect. B/syn").RightAligned());
            table.AddColumn(new TableColumn("total B/pl. syn").RightAligned());
            table.AddColumn(new TableColumn("alloc B/step").RightAligned());
            table.AddRow(Units.Count(r.Neurons), Units.Fixed(r.SimulatedSeconds, 1), Units.Fixed(r.WallSeconds, 3),
                Units.Fixed(r.RealtimeFactor, 1), Units.Rate(r.SynapticEventsPerSecond), Units.Fixed(r.MeanRateHz, 1),
                Units.Count(r.PlasticSynapses), Units.Fixed(r.BytesPerPlasticSynapse, 2), Units.Fixed(r.RuleBytesPerNeuron, 1),
                Units.Fixed(r.ConnectivityBytesPerSynapse, 2), Units.Fixed(r.TotalBytesPerPlasticSynapse, 2), Units.Fixed(r.AllocatedBytesPerStep, 1));
            console.Write(table);
            console.WriteLine("B/plastic syn = weight + eligibility; rule B/neuron = the rule's traces, spike masks, lags and catch-up tables / neurons; connectivity = target index and row table per synapse; total = projection + all rule state / plastic synapses.");
        }
    }
}
