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
    /// (Factor16 0.995 off by 5·10^-6, &lt; 1 LSB truncation per tick), eligibility (trace
    /// truncation &lt; 3.05·10^-4 and Q13 rounding per pairing, factor error and &lt; 1 Q13 LSB per
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
            return Build(sparse, new RewardStdpParameters { WeightMin = 0, WeightMax = 32767, ModulationSign = sign });
        }

        private static Rig Build(bool sparse, RewardStdpParameters p)
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
            var rule = new RewardStdp(plastic, p);
            net.Attach(rule);
            return new Rig { Net = net, Rule = rule, Plastic = plastic, PreInputs = pre, PostNeurons = post };
        }

        [TestMethod]
        [DataRow(false)]
        [DataRow(true)]
        public void CaughtUpWeight_ReadsWhatACatchUpGivesWithoutChangingTheRun(bool sparse)
        {
            Rig looked = Build(sparse, 1);
            Rig untouched = Build(sparse, 1);
            int count = looked.Plastic.Weights.Length;
            int behind = 0, checks = 0;
            for (int t = 0; t < 4000; t++)
            {
                if (t % 700 == 350)
                {
                    looked.Rule.Reward(32768);
                    untouched.Rule.Reward(32768);
                }
                looked.Net.Step(looked.Spikes, Draw(looked, 20, 10));
                untouched.Net.Step(untouched.Spikes, Draw(untouched, 20, 10));
                if (t % 7 == 0)
                    for (int s = 0; s < count; s++)
                        if (looked.Rule.CaughtUpWeight(s) != looked.Plastic.Weights[s]) behind++;
            }
            Assert.AreEqual(untouched.Net.ComputeStateHash(), looked.Net.ComputeStateHash(), "looking changed the run");
            Assert.IsTrue(behind > 0, "no row was ever behind: the test would not exercise the catch-up");

            int[] peek = new int[count];
            for (int s = 0; s < count; s++) peek[s] = looked.Rule.CaughtUpWeight(s);
            looked.Net.Synchronize();
            for (int s = 0; s < count; s++)
            {
                // The catch-up rounds stochastically, the read to nearest: at most one unit apart.
                Assert.IsTrue(Math.Abs(peek[s] - looked.Plastic.Weights[s]) <= 1, $"synapse {s}: read {peek[s]}, caught up {looked.Plastic.Weights[s]}");
                Assert.AreEqual(looked.Plastic.Weights[s], looked.Rule.CaughtUpWeight(s), "a row that is up to date reads its stored weight");
                checks++;
            }
            Assert.AreEqual(count, checks);
        }

        private static int Draw(Rig rig, int preHz, int postHz)
        {
            // Independent Bernoulli trains (1 ms ticks).
            int n = 0;
            for (int i = 0; i < Pre; i++) if (rig.Rng.NextInt(1000) < preHz) rig.Spikes[n++] = i;
            for (int j = 0; j < Post; j++) if (rig.Rng.NextInt(1000) < postHz) rig.Spikes[n++] = Pre + j;
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
            // The eligibility decay per window: the published 0.99, or a Factor16 taken exactly.
            public double Keep = 0.99;
            public int Keep16 = 64881;

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
                        // Decay: factor error (64881/65536 vs 0.99) plus < 1 LSB of rounding.
                        CBound[s] = CBound[s] * Keep + Math.Abs(C[s]) * Math.Abs(Keep - Keep16 * Q16) + Q13;
                        C[s] *= Keep;
                    }
                }
                D *= 0.995;
                DBound = DBound * 0.995 + Math.Abs(D) * Math.Abs(0.995 - 65208 * Q16) + Q16;
            }
        }

        /// <summary>
        /// 10 Hz everywhere, eligibility compared every 100 ticks: rows are rarely far behind. Pre
        /// at 2 Hz against post at 20 Hz, compared every 1000 ticks: rows fall up to 100 windows
        /// behind, are potentiated while behind (re-based) and caught up at their pre spikes; with
        /// s = −1 each reward also flips the sign of m twice. Pre at 1 Hz, compared once: rows
        /// reach the largest lag and are caught up by force. Eligibility factor 0.9: F^-L exceeds
        /// 2 from L = 7 on, so rows that are further behind are caught up before a potentiation.
        /// These use the largest lag, 255; the same with the default lag for the projection's size
        /// (16 sparse, 19 dense), a short one (3) and 1, the per-window rule.
        /// </summary>
        [TestMethod]
        [DataRow(false, 1, 10, 10, 100, 64881, 255)]
        [DataRow(true, 1, 10, 10, 100, 64881, 255)]
        [DataRow(true, -1, 10, 10, 100, 64881, 255)]
        [DataRow(true, 1, 2, 20, 1000, 64881, 255)]
        [DataRow(true, -1, 2, 20, 1000, 64881, 255)]
        [DataRow(false, 1, 2, 20, 1000, 64881, 255)]
        [DataRow(true, 1, 1, 20, 6000, 64881, 255)]
        [DataRow(true, 1, 2, 20, 1000, 58982, 255)]
        [DataRow(true, 1, 2, 20, 1000, 64881, 0)]
        [DataRow(false, -1, 2, 20, 1000, 64881, 0)]
        [DataRow(true, -1, 2, 20, 1000, 64881, 3)]
        [DataRow(true, 1, 2, 20, 1000, 58982, 3)]
        [DataRow(true, 1, 2, 20, 1000, 64881, 1)]
        [DataRow(false, -1, 10, 10, 100, 64881, 1)]
        public void TracesEligibilityDopamineAndWeights_MatchFloatReference(bool sparse, int sign, int preHz, int postHz, int compareEvery, int keep16, int maxLag)
        {
            Rig rig = Build(sparse, new RewardStdpParameters { WeightMin = 0, WeightMax = 32767, ModulationSign = sign, EligibilityDecayFactor16 = keep16, MaxLagWindows = maxLag });
            double unit = (1 << PlasticShift) / 65536.0; // 1/1024: weights start at 16.0 in a 0..32 range
            int count = rig.Plastic.SynapseCount;
            var f = new FloatRule { C = new double[count], CBound = new double[count], W = new double[count], WBound = new double[count] };
            if (keep16 != 64881)
            {
                f.Keep = keep16 / 65536.0;
                f.Keep16 = keep16;
            }
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
                int n = Draw(rig, preHz, postHz);
                rig.Net.Step(rig.Spikes, n);
                f.Update(rig.Plastic, rig.PreInputs.Spiked, rig.PostNeurons.Spiked, wMax, sign);

                Assert.AreEqual(f.D, rig.Rule.DopamineQ16 / 65536.0, f.DBound + 1e-9, $"dopamine at tick {t}");
                maxD = Math.Max(maxD, f.D);
                // Trace: each decay truncates < 1 LSB, summing to < 2^-16/(1 − 0.95) = 3.05·10^-4.
                for (int i = 0; i < Pre; i++) Assert.AreEqual(f.X[i], rig.Rule.PreTraceNowQ16(i) / 65536.0, 3.1e-4, $"pre trace {i} at tick {t}");
                if (t % compareEvery == compareEvery - 1)
                {
                    // At a window's end (every 10 ticks) after the rows that are behind are caught up.
                    Assert.AreEqual(0, rig.Rule.TickInWindow);
                    rig.Net.Synchronize();
                    for (int s = 0; s < count; s++)
                    {
                        double error = Math.Abs(f.C[s] - rig.Rule.EligibilityQ13[s] / 8192.0);
                        Assert.IsTrue(error <= f.CBound[s], $"eligibility {s} at tick {t}: float {f.C[s]}, fixed {rig.Rule.EligibilityQ13[s] / 8192.0}, bound {f.CBound[s]}");
                        maxC = Math.Max(maxC, Math.Abs(f.C[s]));
                        maxCError = Math.Max(maxCError, error);
                    }
                }
            }
            rig.Net.Synchronize();
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
            plus.Net.Synchronize();
            minus.Net.Synchronize();
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

        /// <summary>
        /// The deferred potentiation is exact: with the weights frozen (d0 = 0, no reward) and no
        /// eligibility decay (F = 1.0), c must equal, integer for integer, the eligibility of the
        /// rule applied tick by tick with the same fixed-point traces and Q13 rounding of each
        /// pairing term. Post neurons fire at 150 Hz so that windows hold several post spikes.
        /// Rows lag behind by up to the largest lag (255), the default for the size, 4 or 1 windows.
        /// </summary>
        [TestMethod]
        [DataRow(true, 10, 255)]
        [DataRow(false, 10, 255)]
        [DataRow(true, 7, 255)]
        [DataRow(true, 32, 255)]
        [DataRow(true, 1, 255)]
        [DataRow(true, 10, 0)]
        [DataRow(false, 7, 0)]
        [DataRow(true, 1, 4)]
        [DataRow(false, 10, 1)]
        public void DeferredPotentiation_EqualsTickByTickExactly(bool sparse, int updateTicks, int maxLag)
        {
            var p = new RewardStdpParameters { WeightMin = 0, WeightMax = 32767, TonicQ16 = 0, EligibilityDecayFactor16 = 65536, UpdateTicks = updateTicks, MaxLagWindows = maxLag };
            Rig rig = Build(sparse, p);
            Projection proj = rig.Plastic;
            int count = proj.SynapseCount;
            short[] before = (short[])proj.Weights.Clone();
            int[] x = new int[Pre];
            int[] y = new int[Post];
            long[] c = new long[count];
            int[] spikesInWindow = new int[Post];
            int multiSpikeWindows = 0, compared = 0;
            long largest = 0;
            for (int t = 0; t < 1000; t++)
            {
                int n = Draw(rig, 30, 150);
                rig.Net.Step(rig.Spikes, n);
                byte[] preSpiked = rig.PreInputs.Spiked;
                byte[] postSpiked = rig.PostNeurons.Spiked;
                for (int i = 0; i < Pre; i++) x[i] = (int)((x[i] * 62259L) >> 16);
                for (int j = 0; j < Post; j++) y[j] = (int)((y[j] * 62259L) >> 16);
                for (int s = 0; s < count; s++)
                {
                    int i = proj.SourceOf(s), j = proj.TargetOf(s);
                    if (postSpiked[j] != 0) c[s] += (x[i] + 4) >> 3;
                    if (preSpiked[i] != 0 && y[j] != 0) c[s] -= (y[j] * 98304L + (1L << 18)) >> 19;
                    largest = Math.Max(largest, Math.Abs(c[s]));
                }
                for (int i = 0; i < Pre; i++) if (preSpiked[i] != 0) x[i] = 6554;
                for (int j = 0; j < Post; j++)
                {
                    if (postSpiked[j] == 0) continue;
                    y[j] = 6554;
                    if (++spikesInWindow[j] == 2) multiSpikeWindows++;
                }
                if (rig.Rule.TickInWindow != 0) continue;
                Array.Clear(spikesInWindow);
                rig.Net.Synchronize();
                for (int s = 0; s < count; s++) Assert.AreEqual(c[s], (long)rig.Rule.EligibilityQ13[s], $"eligibility {s} at tick {t}");
                for (int i = 0; i < Pre; i++) Assert.AreEqual(x[i], rig.Rule.PreTraceQ16[i], $"pre trace {i} at tick {t}");
                compared++;
            }
            CollectionAssert.AreEqual(before, proj.Weights, "d0 = 0 and no reward: the weights must not move");
            Assert.IsTrue(largest < 30000, $"the reference must stay clear of saturation: |c| up to {largest}");
            Assert.IsTrue(largest > 2000, $"the eligibilities must really move: |c| up to {largest}");
            if (updateTicks > 1) Assert.IsTrue(multiSpikeWindows > 10, $"windows with two post spikes of a neuron: {multiSpikeWindows}");
            Assert.IsTrue(compared >= 1000 / updateTicks - 1);
        }

        [TestMethod]
        public void Footprint_CountsEveryTraceMaskLagAndTable()
        {
            Rig rig = Build(true, 1);
            int synapses = rig.Plastic.SynapseCount;
            // The default lag: ⌈√240⌉ = 16 windows, tables of 17 entries.
            Assert.AreEqual(240, synapses);
            Assert.AreEqual(16, rig.Rule.MaxLag);
            int tables = 17;
            // Per synapse: c (2). Per source: x, spike mask, lag (9). Per target: y, spike mask, live
            // list entry (12). Per rule: the S table (8 per lag), the window scratch (4 per tick), 8 ints
            // and a long of state, an int and 4 longs of row scratch.
            Assert.AreEqual(synapses * 2, rig.Rule.SynapseStateBytes);
            Assert.AreEqual(Pre * 9 + Post * 12 + tables * 8 + 10 * 4 + 8 * 4 + 8 + 4 + 4 * 8, rig.Rule.NeuronStateBytes);
            Assert.AreEqual(rig.Rule.SynapseStateBytes + rig.Rule.NeuronStateBytes, rig.Rule.StateBytes);
            // F^L and F^-L.
            Assert.AreEqual(tables * 8, rig.Rule.ParameterBytes);
            Rig dense = Build(false, 1);
            Assert.AreEqual(Pre * Post * 2, dense.Rule.SynapseStateBytes, "dense: one eligibility per weight, no index");
            // ⌈√360⌉ = 19.
            Assert.AreEqual(19, dense.Rule.MaxLag);
            Assert.AreEqual(20 * 8, dense.Rule.ParameterBytes);
            // The largest lag: 256-entry tables, 4 KB of them (2 KB of S in the state, 2 KB of F^L and F^-L).
            Rig longest = Build(true, new RewardStdpParameters { MaxLagWindows = 255 });
            Assert.AreEqual(256 * 8, longest.Rule.ParameterBytes);
            Assert.AreEqual(rig.Rule.NeuronStateBytes + (256 - 17) * 8, longest.Rule.NeuronStateBytes);
        }

        [TestMethod]
        public void MaxLag_DefaultsToTheRootOfTheSynapseCountAndIsChecked()
        {
            Assert.AreEqual(1, RewardStdp.DefaultMaxLag(0));
            Assert.AreEqual(1, RewardStdp.DefaultMaxLag(1));
            Assert.AreEqual(2, RewardStdp.DefaultMaxLag(2));
            Assert.AreEqual(4, RewardStdp.DefaultMaxLag(10));
            Assert.AreEqual(10, RewardStdp.DefaultMaxLag(90));
            Assert.AreEqual(10, RewardStdp.DefaultMaxLag(100));
            Assert.AreEqual(11, RewardStdp.DefaultMaxLag(101));
            Assert.AreEqual(254, RewardStdp.DefaultMaxLag(254 * 254));
            Assert.AreEqual(255, RewardStdp.DefaultMaxLag(254 * 254 + 1));
            Assert.AreEqual(255, RewardStdp.DefaultMaxLag(80_000));
            Assert.AreEqual(255, RewardStdp.DefaultMaxLag(int.MaxValue));

            // The rule writes the value it chose into its copy of the parameters; the caller's stay as they were.
            var given = new RewardStdpParameters();
            Rig rig = Build(true, given);
            Assert.AreEqual(0, given.MaxLagWindows);
            Assert.AreEqual(16, rig.Rule.Parameters.MaxLagWindows);
            Assert.AreEqual(16, rig.Rule.MaxLag);
            Assert.AreEqual(7, Build(false, new RewardStdpParameters { MaxLagWindows = 7 }).Rule.MaxLag);
            foreach (int bad in new[] { -1, 256 })
            {
                var error = Assert.ThrowsExactly<ModelException>(() => Build(true, new RewardStdpParameters { MaxLagWindows = bad }));
                StringAssert.Contains(error.Message, "MaxLagWindows " + bad + " must be in 1..255, or 0 for the default");
            }
        }

        /// <summary>
        /// Between ticks no row is MaxLag windows behind, and rows whose source is silent do reach
        /// MaxLag − 1 (so the forced catch-up is what bounds them); with MaxLag = 1 every row is
        /// up to date after every window, as in the per-window rule.
        /// </summary>
        [TestMethod]
        [DataRow(1)]
        [DataRow(3)]
        [DataRow(0)]
        [DataRow(255)]
        public void RowLag_StaysBelowMaxLag(int maxLag)
        {
            Rig rig = Build(true, new RewardStdpParameters { MaxLagWindows = maxLag });
            int limit = rig.Rule.MaxLag;
            int largest = 0;
            for (int t = 0; t < 4000; t++)
            {
                rig.Net.Step(rig.Spikes, Draw(rig, 1, 20));
                foreach (byte lag in rig.Rule.RowLag) largest = Math.Max(largest, lag);
                Assert.IsTrue(largest < limit, $"a row {largest} windows behind with MaxLag {limit} at tick {t}");
            }
            Assert.AreEqual(limit - 1, largest, "silent rows must fall as far behind as allowed");
        }

        [TestMethod]
        public void UpdateTicksBeyondTheSpikeMaskIsRejected()
        {
            var b = new NetworkBuilder(1000, 1);
            var pre = b.AddInput("pre", 2);
            var post = b.AddLif("post", 2, new LifParameters());
            Projection proj = b.AddDense("w", pre, post, 6);
            b.Build();
            var error = Assert.ThrowsExactly<ModelException>(() => new RewardStdp(proj, new RewardStdpParameters { UpdateTicks = 33 }));
            StringAssert.Contains(error.Message, "UpdateTicks 33 must be in 1..32");
            Assert.ThrowsExactly<ModelException>(() => new RewardStdp(proj, new RewardStdpParameters { UpdateTicks = 0 }));
        }
    }
}
