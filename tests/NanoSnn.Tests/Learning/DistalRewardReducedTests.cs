using System;
using System.Collections.Generic;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace NanoSnn.Tests.Learning
{
    /// <summary>
    /// A reduced distal-reward experiment (Izhikevich 2007) on the core alone, with the rule's
    /// published constants. Reduction 1: 320 regular- and 80 fast-spiking neurons with 100
    /// synapses each, which keeps each neuron's input statistics of the full model (about 80
    /// excitatory and 25 inhibitory inputs); reductions 2 and 3 (a faster n2, shorter reward
    /// delays) are explained where they are made; 150 s instead of an hour. The full experiment (1000 neurons, one hour) lives in
    /// sim-host/NanoSnn.Cli/Experiments.
    /// </summary>
    [TestClass]
    public sealed class DistalRewardReducedTests
    {
        private const int Excitatory = 320;
        private const int Inhibitory = 80;
        private const int Fan = 100;
        private const int One = 4096; // weight 1.0 at weight shift 4
        private const int BoostCurrent = 3; // mV/ms
        // Reduction 3: rewards come 0.2 to 0.6 s after the pairing (the full model: 1 to 3 s).
        private const int RewardDelayMinMs = 200;
        private const int RewardDelaySpanMs = 400;

        private sealed class Outcome
        {
            public double Weight;
            public int Rewards;
            public int Pairings;
            public double RateHz;
            public double Percentile;
        }

        private static Outcome Run(uint seed, int seconds, bool reward)
        {
            int n = Excitatory + Inhibitory;
            var b = new NetworkBuilder(1000, seed);
            InputPopulation boost = b.AddInput("boost", 1);
            IzhikevichPopulation pop = b.AddIzhikevich("izh", n, 13 << 16);
            pop.SetFastSpiking(Excitatory, Inhibitory);
            var rows = new int[2][] { new int[n + 1], new int[n + 1] };
            var targets = new ushort[2][] { new ushort[Excitatory * Fan], new ushort[Inhibitory * Fan] };
            var count = new int[2];
            var taken = new byte[n];
            for (int i = 0; i < n; i++)
            {
                rows[0][i] = count[0];
                rows[1][i] = count[1];
                int kind = i < Excitatory ? 0 : 1;
                int range = kind == 0 ? n : Excitatory;
                int start = count[kind];
                while (count[kind] - start < Fan)
                {
                    int j = b.Rng.NextInt(range);
                    if (j == i || taken[j] != 0) continue;
                    taken[j] = 1;
                    targets[kind][count[kind]++] = (ushort)j;
                }
                for (int k = start; k < count[kind]; k++) taken[targets[kind][k]] = 0;
            }
            rows[0][n] = count[0];
            rows[1][n] = count[1];
            SparseProjection exc = b.AddSparse("exc", pop, pop, 4, rows[0], targets[0]);
            SparseProjection inh = b.AddSparse("inh", pop, pop, 4, rows[1], targets[1]);
            exc.Fill(One);
            inh.Fill(-One);
            int n1 = 0;
            int syn = -1;
            for (int s = exc.RowStart[n1]; syn < 0; s++) if (exc.TargetIndex[s] < Excitatory) syn = s;
            int n2 = exc.TargetIndex[syn];
            exc.Weights[syn] = 0;
            // Reduction 2: n2 gets a constant extra current (3 mV/ms) that raises its rate a few-fold,
            // making chance pairings, and so rewards, about ten times as frequent as at w = 0 in the full model.
            DenseProjection drive = b.AddDense("boost-n2", boost, pop, 8);
            drive.Weights[n2] = BoostCurrent * 256;
            Network net = b.Build();
            int[] always = { 0 };
            var rule = new RewardStdp(exc, new RewardStdpParameters { WeightMin = 0, WeightMax = 4 * One });
            net.Attach(rule);

            var delays = new XorShift32(seed + 1000);
            var pending = new List<long>();
            long lastN1 = -1000;
            var o = new Outcome();
            for (long t = 0; t < seconds * 1000L; t++)
            {
                net.Step(always, 1);
                if (pop.Spiked[n1] != 0) lastN1 = t;
                if (pop.Spiked[n2] != 0 && t - lastN1 >= 1 && t - lastN1 <= 20)
                {
                    o.Pairings++;
                    pending.Add(t + RewardDelayMinMs + delays.NextInt(RewardDelaySpanMs + 1));
                }
                for (int k = pending.Count - 1; k >= 0; k--)
                {
                    if (pending[k] > t) continue;
                    pending.RemoveAt(k);
                    if (reward)
                    {
                        rule.Reward(32768);
                        o.Rewards++;
                    }
                }
            }
            net.Synchronize();
            o.Weight = exc.Weights[syn] / (double)One;
            o.RateHz = pop.TotalSpikes / (double)n / seconds;
            int below = 0;
            for (int s = 0; s < exc.Weights.Length; s++) if (s != syn && exc.Weights[s] < exc.Weights[syn]) below++;
            o.Percentile = 100.0 * below / (exc.Weights.Length - 1);
            return o;
        }

        /// <summary>
        /// Same network, noise and connectivity with and without rewards (the two runs are
        /// identical until the first reward). Expected effect: a reward of 0.5 is integrated over
        /// about 20 weight updates (Σ d ≈ 0.5/(1 − 0.995^10) ≈ 10), and the pairing left c ≈ 0.06,
        /// decayed by 0.99^(20..60) to 0.03..0.05 at the reward: about +0.3..0.5 per reward, against
        /// zero-mean fluctuations of c from the ongoing activity. With 30 to 50 rewards in 150 s the
        /// synapse should saturate (observed: 3.6 to 4.0 of 4.0 for seeds 1 and 2 while tuning); we
        /// require a quarter of the cap more than the control, a rank in the top 10 %, and that the
        /// control stays below 12.5 % of the cap (the full model's criterion).
        /// </summary>
        [TestMethod]
        public void RewardedSynapse_OutgrowsTheNoRewardControl()
        {
            const int seconds = 150;
            Outcome rewarded = Run(1, seconds, true);
            Outcome control = Run(1, seconds, false);
            string report = $"rewarded: w {rewarded.Weight:F3} ({rewarded.Percentile:F1} th percentile), {rewarded.Rewards} rewards of {rewarded.Pairings} pairings, {rewarded.RateHz:F2} Hz; "
                + $"control: w {control.Weight:F3} ({control.Percentile:F1} th percentile), {control.Pairings} pairings, {control.RateHz:F2} Hz";
            Assert.IsTrue(rewarded.Rewards >= 15, "too few rewards for the test to mean anything: " + report);
            Assert.IsTrue(rewarded.Weight - control.Weight >= 1.0, report);
            Assert.IsTrue(rewarded.Percentile >= 90, report);
            Assert.IsTrue(control.Weight < 0.5, report);
        }
    }
}
