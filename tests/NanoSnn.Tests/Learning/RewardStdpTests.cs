using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace NanoSnn.Tests.Learning
{
    /// <summary>
    /// Reward-modulated STDP against a float64 reference that sees the very same pre and post
    /// spikes (so only the rule is compared, not the neurons) and uses the unquantized
    /// constants 0.1, 0.95, 1.5, 0.99, 0.995, 0.002.
    /// <para>
    /// Tolerances are worst-case bounds tracked along the run (see FloatRule): dopamine
    /// (Factor16 0.995 off by 5·10^-6, < 1 LSB truncation per tick), eligibility (trace
    /// truncation < 3.05·10^-4 and Q13 rounding per pairing, factor error and < 1 Q13 LSB per
    /// decay), weights (both integrated through (d0 + s·d)·c); stochastic rounding of the
    /// weights adds a zero-mean error with s.d. ≤ 0.5·√n LSB after n updates (5 s.d. allowed).
    /// The test also asserts that the bounds stay small relative to the signals.
    /// </para>
    /// </summary>
    [TestClass]
    public sealed class RewardStdpTests
    {
        private const int Pre = 30;
        private const int Post = 12;
        private const int PlasticShift = 6;

        private sealed class Rig
        {
            public Network Net;
            public RewardStdp Rule;
            public Projection Plastic;
            public InputPopulation PreInputs;
            public LifPopulation PostNeurons;
            public int[] Spikes = new int[Pre + Post];
            public XorShift32 Rng = new XorShift32(77);
        }

        private static Rig Build(bool sparse, int sign)
        {
            var b = new NetworkBuilder(1000, 11);
            var pre = b.AddInput("pre", Pre);
            var drive = b.AddInput("drive", Post);
            // Threshold 200: the drive (512) always fires a post neuron; the plastic input (16 per spike) practically never does.
            var post = b.AddLif("post", Post, new LifParameters { TauMembraneUs = 0, ThresholdQ16 = 200 << 16, Reset = ResetMode.Zero });
            Projection plastic;
            if (sparse) plastic = b.AddSparseRandom("plastic", pre, post, PlasticShift, 8);
            else plastic = b.AddDense("plastic", pre, post, PlasticShift);
            plastic.Fill(16384);
            var d = b.AddDense("driveW", drive, post, 10);
            for (int j = 0; j < Post; j++) d.Weights[j * Post + j] = 32767;
            Network net = b.Build();
            var p = new RewardStdpParameters { WeightMin = 0, WeightMax = 32767, ModulationSign = sign };
            var rule = new RewardStdp(plastic, p);
            net.Attach(rule);
            return new Rig { Net = net, Rule = rule, Plastic = plastic, PreInputs = pre, PostNeurons = post };
        }

        private static int Draw(Rig rig, int t)
        {
            // Independent Bernoulli trains at 10 Hz.
            int n = 0;
            for (int i = 0; i < Pre; i++) if (rig.Rng.NextInt(1000) < 10) rig.Spikes[n++] = i;
            for (int j = 0; j < Post; j++) if (rig.Rng.NextInt(1000) < 10) rig.Spikes[n++] = Pre + j;
            return n;
        }

        /// <summary>
        /// The float rule, plus running worst-case bounds of the fixed rule's deviation
        /// (the same technique as the LIF reference tests: the bound is tracked along the
        /// trajectory, so the tolerance is proved for this run rather than guessed).
        /// </summary>
        private sealed class FloatRule
        {
            private const double Q16 = 1.0 / 65536;
            private const double Q13 = 1.0 / 8192;
            // A trace's truncating decay loses < 1 Q16 LSB per tick: < 2^-16/(1 - 0.95) in total.
            private const double TraceError = Q16 / (1 - 0.95);
            public double[] X = new double[Pre];
            public double[] Y = new double[Post];
            public double[] C;
            public double[] CBound;
            public double[] W;
            public double[] WBound;
            public double D;
            public double DBound;
            public int Counter = 10;
            public int Sweeps;

            public void Update(Projection proj, byte[] preSpiked, byte[] postSpiked, double wMax, int sign)
            {
                for (int i = 0; i < Pre; i++) X[i] *= 0.95;
                for (int j = 0; j < Post; j++) Y[j] *= 0.95;
                for (int s = 0; s < C.Length; s++)
                {
                    int i = proj.SourceOf(s), j = proj.TargetOf(s);
                    // Each pairing adds the trace error plus one rounding to Q13.
                    if (postSpiked[j] != 0 && X[i] > 0) { C[s] += X[i]; CBound[s] += TraceError + Q13 / 2; }
                    if (preSpiked[i] != 0 && Y[j] > 0) { C[s] -= 1.5 * Y[j]; CBound[s] += 1.5 * TraceError + Q13 / 2; }
                }
                for (int i = 0; i < Pre; i++) if (preSpiked[i] != 0) X[i] = 0.1;
                for (int j = 0; j < Post; j++) if (postSpiked[j] != 0) Y[j] = 0.1;
                if (--Counter == 0)
                {
                    Counter = 10;
                    Sweeps++;
                    double m = 0.002 + sign * D;
                    for (int s = 0; s < C.Length; s++)
                    {
                        // Weight: |m|·(c error) + (m error)·|c|, m error including the tonic 131/65536 vs 0.002.
                        WBound[s] += Math.Abs(m) * CBound[s] + (DBound + Math.Abs(0.002 - 131 * Q16)) * (Math.Abs(C[s]) + CBound[s]);
                        W[s] = Math.Clamp(W[s] + m * C[s], 0, wMax);
                        // Decay: factor error 64881/65536 vs 0.99 plus < 1 LSB of truncation toward zero.
                        CBound[s] = CBound[s] * 0.99 + Math.Abs(C[s]) * Math.Abs(0.99 - 64881 * Q16) + Q13;
                        C[s] *= 0.99;
                    }
                }
                D *= 0.995;
                DBound = DBound * 0.995 + Math.Abs(D) * Math.Abs(0.995 - 65208 * Q16) + Q16;
            }
        }

        [TestMethod]
        [DataRow(false, 1)]
        [DataRow(true, 1)]
        [DataRow(true, -1)]
        public void TracesEligibilityDopamineAndWeights_MatchFloatReference(bool sparse, int sign)
        {
            Rig rig = Build(sparse, sign);
            double unit = (1 << PlasticShift) / 65536.0; // 1/1024: weights start at 16.0 in a 0..32 range
            int count = rig.Plastic.SynapseCount;
            var f = new FloatRule { C = new double[count], CBound = new double[count], W = new double[count], WBound = new double[count] };
            for (int s = 0; s < count; s++) f.W[s] = rig.Plastic.Weights[s] * unit;
            double wMax = 32767 * unit;
            double maxC = 0, maxD = 0, maxCError = 0;
            for (int t = 0; t < 6000; t++)
            {
                if (t % 700 == 350)
                {
                    rig.Rule.Reward(32768);
                    f.D += 0.5;
                }
                int n = Draw(rig, t);
                rig.Net.Step(rig.Spikes, n);
                f.Update(rig.Plastic, rig.PreInputs.Spiked, rig.PostNeurons.Spiked, wMax, sign);

                Assert.AreEqual(f.D, rig.Rule.DopamineQ16 / 65536.0, f.DBound + 1e-9, $"dopamine at tick {t}");
                maxD = Math.Max(maxD, f.D);
                // Trace: each decay truncates < 1 LSB, summing to < 2^-16/(1 − 0.95) = 3.05·10^-4.
                for (int i = 0; i < Pre; i++) Assert.AreEqual(f.X[i], rig.Rule.PreTraceQ16[i] / 65536.0, 3.1e-4, $"pre trace {i} at tick {t}");
                if (t % 100 == 99)
                {
                    for (int s = 0; s < count; s++)
                    {
                        double error = Math.Abs(f.C[s] - rig.Rule.EligibilityQ13[s] / 8192.0);
                        Assert.IsTrue(error <= f.CBound[s], $"eligibility {s} at tick {t}: float {f.C[s]}, fixed {rig.Rule.EligibilityQ13[s] / 8192.0}, bound {f.CBound[s]}");
                        maxC = Math.Max(maxC, Math.Abs(f.C[s]));
                        maxCError = Math.Max(maxCError, error);
                    }
                }
            }
            double maxChange = 0, maxError = 0;
            for (int s = 0; s < count; s++)
            {
                // Stochastic rounding: zero-mean, < 1 LSB per update; 5 s.d. of the sum of all updates.
                double rounding = 5 * 0.5 * Math.Sqrt(f.Sweeps) * unit;
                Assert.AreEqual(f.W[s], rig.Plastic.Weights[s] * unit, f.WBound[s] + rounding, $"weight {s}");
                Assert.IsTrue(f.WBound[s] + rounding < 0.1 * wMax, $"weight bound {f.WBound[s] + rounding} must stay a small part of the range {wMax}");
                maxError = Math.Max(maxError, Math.Abs(f.W[s] - rig.Plastic.Weights[s] * unit));
                maxChange = Math.Max(maxChange, Math.Abs(f.W[s] - 16384 * unit));
            }
            // Non-vacuous: the dynamics really moved; and the typical eligibility error is far below the worst case.
            Assert.IsTrue(maxC > 0.05, $"largest |c| {maxC}");
            Assert.IsTrue(maxCError < 0.02 * maxC, $"largest eligibility deviation {maxCError} with |c| up to {maxC}");
            Assert.IsTrue(maxD > 0.4, $"largest d {maxD}");
            Assert.IsTrue(maxChange > 0.02 * wMax, $"largest weight change {maxChange} of range {wMax}");
            // The worst case is far from typical: the largest actual deviation is a fraction of a percent of the range.
            Assert.IsTrue(maxError < 0.01 * wMax, $"largest weight deviation {maxError} of range {wMax} (largest change {maxChange})");
        }

        [TestMethod]
        public void PushPull_OppositeSignsMoveWeightsOppositeWays()
        {
            Rig plus = Build(true, 1);
            Rig minus = Build(true, -1);
            long sumPlus = 0, sumMinus = 0;
            for (int t = 0; t < 4000; t++)
            {
                // Causal pairing: every post spike follows pre spikes, so c > 0; rewards every 100 ms.
                foreach (Rig r in new[] { plus, minus })
                {
                    if (t % 100 == 0) r.Rule.Reward(32768);
                    int n = 0;
                    if (t % 20 == 0) for (int i = 0; i < Pre; i++) r.Spikes[n++] = i;
                    if (t % 20 == 3) for (int j = 0; j < Post; j++) r.Spikes[n++] = Pre + j;
                    r.Net.Step(r.Spikes, n);
                }
            }
            foreach (short w in plus.Plastic.Weights) sumPlus += w;
            foreach (short w in minus.Plastic.Weights) sumMinus += w;
            long start = 16384L * plus.Plastic.SynapseCount;
            Assert.IsTrue(sumPlus > start * 1.2, $"+ rule: {sumPlus} vs start {start}");
            Assert.IsTrue(sumMinus < start * 0.8, $"- rule: {sumMinus} vs start {start}");
        }

        [TestMethod]
        public void RewardBaseline_CancelsAConstantReward()
        {
            Rig rig = Build(true, 1);
            rig.Rule.Parameters.BaselineShift = 4;
            for (int k = 0; k < 400; k++) rig.Rule.Reward(32768);
            int before = rig.Rule.DopamineQ16;
            rig.Rule.DopamineQ16 = 0;
            rig.Rule.Reward(32768);
            Assert.IsTrue(Math.Abs(rig.Rule.DopamineQ16) < 64, $"after a long constant reward the baseline absorbs it: d += {rig.Rule.DopamineQ16}");
            Assert.IsTrue(before > 32768, "without decay between calls the early rewards accumulated");
        }

        [TestMethod]
        public void Footprint_CountsEveryTraceAndIndex()
        {
            Rig rig = Build(true, 1);
            int synapses = rig.Plastic.SynapseCount;
            Assert.AreEqual(Pre * 4 + Post * 4 + synapses * 2 + 16, rig.Rule.StateBytes);
            Assert.AreEqual((Post + 1) * 4 + synapses * 6, rig.Rule.ParameterBytes);
            Rig dense = Build(false, 1);
            Assert.AreEqual(0, dense.Rule.ParameterBytes, "dense projections need no by-target index");
        }
    }
}
