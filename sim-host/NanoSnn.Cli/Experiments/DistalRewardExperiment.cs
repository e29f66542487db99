using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace NanoSnn.Cli.Experiments
{
    /// <summary>Options of <see cref="DistalRewardExperiment"/>; the defaults are Izhikevich (2007).</summary>
    public sealed class DistalRewardOptions
    {
        /// <summary>Seed of the network (connectivity, noise, stochastic rounding, reward delays).</summary>
        public uint Seed = 1;

        /// <summary>Simulated minutes.</summary>
        public double Minutes = 60;

        /// <summary>Control run: the rewards are not delivered (tonic dopamine only).</summary>
        public bool NoReward;

        /// <summary>Excitatory (regular-spiking) neurons.</summary>
        public int Excitatory = 800;

        /// <summary>Inhibitory (fast-spiking) neurons.</summary>
        public int Inhibitory = 200;

        /// <summary>Outgoing synapses per neuron.</summary>
        public int SynapsesPerNeuron = 100;

        /// <summary>Simulated seconds between two samples of the reinforced weight.</summary>
        public int SampleEverySeconds = 1;
    }

    /// <summary>What <see cref="DistalRewardExperiment.Run"/> measured.</summary>
    public sealed class DistalRewardResult
    {
        /// <summary>Seed of the run.</summary>
        public uint Seed;

        /// <summary>Simulated minutes.</summary>
        public double Minutes;

        /// <summary>Whether rewards were delivered.</summary>
        public bool Reward;

        /// <summary>Reinforced weight at the end (real units, 1.0 = the initial excitatory weight).</summary>
        public double FinalWeight;

        /// <summary>Weight cap (4.0).</summary>
        public double WeightCap;

        /// <summary>First sample time (minutes) at which the weight reached 97.5 % of the cap, or null.</summary>
        public double? MinuteReached;

        /// <summary>Percent of the other excitatory weights strictly below the reinforced one at the end.</summary>
        public double FinalPercentile;

        /// <summary>Rewards delivered (0 in the control).</summary>
        public int RewardsDelivered;

        /// <summary>Reward-eligible n1→n2 pairings seen (also counted in the control).</summary>
        public int Pairings;

        /// <summary>Mean firing rate of all neurons, Hz.</summary>
        public double MeanRateHz;

        /// <summary>Sample times in seconds.</summary>
        public double[] SampleSeconds;

        /// <summary>Reinforced weight at each sample.</summary>
        public double[] SampleWeights;

        /// <summary>Final excitatory weights (all plastic synapses, the reinforced one included), real units.</summary>
        public double[] FinalExcitatoryWeights;

        /// <summary>Wall-clock seconds of the simulation.</summary>
        public double WallSeconds;
    }

    /// <summary>
    /// The distal-reward experiment of Izhikevich (2007, Cereb. Cortex 17:2443; constants
    /// from ModelDB 84167, see shared/design/ALGORITHMS.md): 800 regular-spiking + 200
    /// fast-spiking Izhikevich neurons with random noise current, 100 random synapses per
    /// neuron with a 1 ms delay, reward-modulated STDP on the excitatory synapses. One
    /// excitatory synapse n1→n2 starts at 0; whenever n2 fires within 20 ms after n1, a
    /// reward of 0.5 arrives 1 to 3 s later. Despite the delay and the ongoing activity, the
    /// reward should single that synapse out and drive it to the cap.
    /// </summary>
    /// <remarks>
    /// All neurons form one population so that every synapse is recurrent (1 tick = 1 ms
    /// delay); excitatory and inhibitory synapses are two sparse projections of it, with
    /// weight shift 4 (weight 1.0 = 4096, cap 4.0 = 16384, LSB 1/4096).
    /// </remarks>
    public static class DistalRewardExperiment
    {
        /// <summary>Weight shift of both projections: w adds w·16 to the Q16 input.</summary>
        public const int WeightShift = 4;

        /// <summary>1.0 in weight units.</summary>
        public const int OneWeight = 1 << (16 - WeightShift);

        /// <summary>Cap of the excitatory weights (4.0) in weight units.</summary>
        public const int CapWeight = 4 * OneWeight;

        /// <summary>Reward size, Q16 (0.5).</summary>
        public const int RewardQ16 = 32768;

        /// <summary>n2 must fire within this many ms after n1 for a reward.</summary>
        public const int PairingWindowMs = 20;

        /// <summary>The built network and its rule, for callers that want to drive it themselves.</summary>
        public sealed class Setup
        {
            /// <summary>The network.</summary>
            public Network Network;

            /// <summary>All neurons (excitatory first).</summary>
            public IzhikevichPopulation Neurons;

            /// <summary>Plastic excitatory synapses.</summary>
            public SparseProjection Excitatory;

            /// <summary>Fixed inhibitory synapses.</summary>
            public SparseProjection Inhibitory;

            /// <summary>The learning rule on <see cref="Excitatory"/>.</summary>
            public RewardStdp Rule;

            /// <summary>Presynaptic neuron of the reinforced synapse.</summary>
            public int N1;

            /// <summary>Postsynaptic neuron of the reinforced synapse.</summary>
            public int N2;

            /// <summary>Index of the reinforced synapse in <see cref="Excitatory"/>.</summary>
            public int Synapse;
        }

        /// <summary>Builds the network of the experiment.</summary>
        public static Setup Build(DistalRewardOptions options)
        {
            int ne = options.Excitatory;
            int ni = options.Inhibitory;
            int n = ne + ni;
            int fan = options.SynapsesPerNeuron;
            if (ne < 2 || ni < 1 || fan < 1 || fan > ne - 1) throw new ArgumentException("need >= 2 excitatory, >= 1 inhibitory neurons and 1..excitatory-1 synapses per neuron");
            var builder = new NetworkBuilder(1000, options.Seed);
            IzhikevichPopulation neurons = builder.AddIzhikevich("neurons", n, 13 << 16);
            neurons.SetFastSpiking(ne, ni);

            XorShift32 rng = builder.Rng;
            int[] rowsE = new int[n + 1];
            int[] rowsI = new int[n + 1];
            ushort[] targetsE = new ushort[ne * fan];
            ushort[] targetsI = new ushort[ni * fan];
            byte[] taken = new byte[n];
            int ke = 0, ki = 0;
            for (int i = 0; i < n; i++)
            {
                rowsE[i] = ke;
                rowsI[i] = ki;
                bool excitatory = i < ne;
                int range = excitatory ? n : ne;
                ushort[] targets = excitatory ? targetsE : targetsI;
                int start = excitatory ? ke : ki;
                int k = start;
                while (k - start < fan)
                {
                    int j = rng.NextInt(range);
                    if (j == i || taken[j] != 0) continue;
                    taken[j] = 1;
                    targets[k++] = (ushort)j;
                }
                for (int m = start; m < k; m++) taken[targets[m]] = 0;
                Array.Sort(targets, start, fan);
                if (excitatory) ke = k; else ki = k;
            }
            rowsE[n] = ke;
            rowsI[n] = ki;
            SparseProjection exc = builder.AddSparse("excitatory", neurons, neurons, WeightShift, rowsE, targetsE);
            SparseProjection inh = builder.AddSparse("inhibitory", neurons, neurons, WeightShift, rowsI, targetsI);
            exc.Fill((short)OneWeight);
            inh.Fill((short)-OneWeight);

            // The reinforced synapse: the first excitatory-to-excitatory synapse of a random excitatory neuron.
            int n1 = rng.NextInt(ne);
            int syn = -1;
            for (int s = exc.RowStart[n1]; s < exc.RowStart[n1 + 1]; s++)
                if (exc.TargetIndex[s] < ne) { syn = s; break; }
            if (syn < 0) throw new InvalidOperationException("neuron " + n1 + " has no excitatory target");
            exc.Weights[syn] = 0;

            Network network = builder.Build();
            var p = new RewardStdpParameters();
            p.WeightMin = 0;
            p.WeightMax = CapWeight;
            var rule = new RewardStdp(exc, p);
            network.Attach(rule);
            return new Setup
            {
                Network = network,
                Neurons = neurons,
                Excitatory = exc,
                Inhibitory = inh,
                Rule = rule,
                N1 = n1,
                N2 = exc.TargetIndex[syn],
                Synapse = syn,
            };
        }

        /// <summary>
        /// Runs the experiment. <paramref name="progress"/> (may be null) is called once per
        /// sample with the simulated minute and the reinforced weight.
        /// </summary>
        public static DistalRewardResult Run(DistalRewardOptions options, Action<double, double> progress)
        {
            if (options == null) throw new ArgumentNullException(nameof(options));
            if (options.Minutes <= 0) throw new ArgumentException("minutes must be positive");
            if (options.SampleEverySeconds < 1) throw new ArgumentException("sample interval must be >= 1 s");
            Setup setup = Build(options);
            Network network = setup.Network;
            IzhikevichPopulation neurons = setup.Neurons;
            short[] weights = setup.Excitatory.Weights;
            byte[] spiked = neurons.Spiked;
            int syn = setup.Synapse;
            int n1 = setup.N1;
            int n2 = setup.N2;
            // Reward delays come from their own generator so that the control run sees the same network noise.
            var delays = new XorShift32(options.Seed ^ 0xD15EA5Eu);

            long ticks = (long)Math.Round(options.Minutes * 60000);
            int sampleTicks = options.SampleEverySeconds * 1000;
            var sampleSeconds = new List<double>();
            var sampleWeights = new List<double>();
            var pending = new Queue<long>();
            long lastN1 = long.MinValue / 2;
            int rewards = 0, pairings = 0;
            double? reached = null;
            double threshold = 0.975 * CapWeight;

            var watch = Stopwatch.StartNew();
            for (long t = 0; t < ticks; t++)
            {
                network.Step(null, 0);
                if (spiked[n1] != 0) lastN1 = t;
                if (spiked[n2] != 0 && t - lastN1 >= 1 && t - lastN1 <= PairingWindowMs)
                {
                    pairings++;
                    pending.Enqueue(t + 1000 + delays.NextInt(2001));
                }
                // Delays are not monotone in t, so scan the (short) queue.
                int count = pending.Count;
                for (int k = 0; k < count; k++)
                {
                    long due = pending.Dequeue();
                    if (due <= t)
                    {
                        if (!options.NoReward)
                        {
                            setup.Rule.Reward(RewardQ16);
                            rewards++;
                        }
                    }
                    else pending.Enqueue(due);
                }
                if ((t + 1) % sampleTicks == 0)
                {
                    // Rows that did not pair lag behind (see RewardStdp). Read the caught-up value without
                    // catching up: a catch-up is a rounding step, and the run must not depend on how often
                    // it is sampled.
                    int caughtUp = setup.Rule.CaughtUpWeight(syn);
                    double w = caughtUp / (double)OneWeight;
                    double seconds = (t + 1) / 1000.0;
                    sampleSeconds.Add(seconds);
                    sampleWeights.Add(w);
                    if (reached == null && caughtUp >= threshold) reached = seconds / 60.0;
                    if (progress != null) progress(seconds / 60.0, w);
                }
            }
            network.Synchronize();
            watch.Stop();

            double[] final = new double[weights.Length];
            int below = 0;
            for (int s = 0; s < weights.Length; s++)
            {
                final[s] = weights[s] / (double)OneWeight;
                if (s != syn && weights[s] < weights[syn]) below++;
            }
            return new DistalRewardResult
            {
                Seed = options.Seed,
                Minutes = options.Minutes,
                Reward = !options.NoReward,
                FinalWeight = weights[syn] / (double)OneWeight,
                WeightCap = CapWeight / (double)OneWeight,
                MinuteReached = reached,
                FinalPercentile = 100.0 * below / (weights.Length - 1),
                RewardsDelivered = rewards,
                Pairings = pairings,
                MeanRateHz = neurons.TotalSpikes / (double)neurons.Size / (ticks / 1000.0),
                SampleSeconds = sampleSeconds.ToArray(),
                SampleWeights = sampleWeights.ToArray(),
                FinalExcitatoryWeights = final,
                WallSeconds = watch.Elapsed.TotalSeconds,
            };
        }
    }
}
