using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace NanoSnn.Tests.Reference
{
    /// <summary>
    /// The fixed-point LIF, ALIF and readout populations against the float64 reference.
    /// <para>
    /// Exactness argument. With identical spikes, inputs, biases and thresholds are exact
    /// in both models (weights are binary fractions), so the only differences are the 12-bit
    /// decay multipliers (|α̂ − α| ≤ 2^-13) and the rounding of each decay product (≤ 2^-17).
    /// The membrane error therefore obeys e ← α·e + |α̂ − α|·|v| + 2^-17 (likewise for the
    /// ALIF adaptation, and the floor in β·a adds 2^-16 to the threshold). While every
    /// threshold comparison has a float margin |v − A| larger than that running bound, the
    /// two models must emit identical spikes. The tests track the bound along the trajectory,
    /// so they prove the scenario is non-marginal instead of assuming it.
    /// </para>
    /// </summary>
    [TestClass]
    public sealed class LifReferenceTests
    {
        private const double RoundingError = 1.0 / (1 << 17);

        private static Network BuildScenario(uint seed, int weightQuantumShift, bool recurrent, int inputs, int lifSize, int alifSize)
        {
            var b = new NetworkBuilder(1000, seed);
            var input = b.AddInput("in", inputs);
            var lifP = new LifParameters { TauMembraneUs = 10000, ThresholdQ16 = 65536, Reset = ResetMode.Subtract };
            var lif = b.AddLif("lif", lifSize, lifP);
            var alifP = new LifParameters
            {
                TauMembraneUs = 20000, ThresholdQ16 = 65536, Reset = ResetMode.Zero, RefractoryTicks = 3,
                TauAdaptationUs = 100000, AdaptationBetaQ16 = 32768,
            };
            var alif = b.AddAlif("alif", alifSize, alifP);
            var readout = b.AddReadout("out", 3, 30000, 1000);
            const int shift = 8;
            var rng = new XorShift32(seed * 7919u + 1);
            Fill(b.AddDense("in-lif", input, lif, shift), rng, -2, 7, weightQuantumShift);
            Fill(b.AddDense("in-alif", input, alif, shift), rng, -2, 7, weightQuantumShift);
            if (recurrent)
            {
                Fill(b.AddSparseRandom("lif-lif", lif, lif, shift, 5), rng, -3, 3, weightQuantumShift);
                Fill(b.AddSparseRandom("alif-lif", alif, lif, shift, 5), rng, -3, 3, weightQuantumShift);
            }
            Fill(b.AddDense("lif-out", lif, readout, shift), rng, -4, 4, weightQuantumShift);
            Fill(b.AddDense("alif-out", alif, readout, shift), rng, -4, 4, weightQuantumShift);
            return b.Build();
        }

        // Weights uniform in [lo, hi] sixteenths of the threshold, on a grid of 2^-quantum of that.
        private static void Fill(Projection p, XorShift32 rng, int lo, int hi, int quantumShift)
        {
            int steps = (hi - lo) << quantumShift;
            for (int k = 0; k < p.Weights.Length; k++)
            {
                int q = rng.NextInt(steps + 1) + (lo << quantumShift);
                // value = q / 16 / 2^quantum of 1.0; weight units are 2^shift / 65536.
                int w = (q << 12 >> quantumShift) >> p.WeightShift;
                p.Weights[k] = (short)w;
            }
        }

        private sealed class Comparison
        {
            public long NeuronTicks, Agreements, MarginalDecisions, FirstMismatchTick = -1;
            public double MaxReadoutError, MaxReadoutBound;
            public long SpikesFixed, SpikesFloat;
        }

        private static Comparison Compare(Network net, int ticks, int inputProbQ16, uint inputSeed, bool trackBounds)
        {
            var reference = new FloatNetwork(net);
            var encoder = new BernoulliRateEncoder(net.InputSize, inputSeed);
            int[] spikes = new int[net.InputSize];
            var result = new Comparison();
            // Error bounds per population and neuron: membrane/readout (ev) and adaptation (ea).
            var ev = new double[net.Populations.Length][];
            var ea = new double[net.Populations.Length][];
            for (int p = 0; p < ev.Length; p++)
            {
                ev[p] = new double[net.Populations[p].Size];
                ea[p] = new double[net.Populations[p].Size];
            }

            for (int t = 0; t < ticks; t++)
            {
                int n = encoder.EncodeUniform(inputProbQ16, spikes, 0, 0);
                // Bounds must be propagated with the pre-step state (the values that get decayed).
                if (trackBounds) AdvanceBounds(net, ev, ea);
                net.Step(spikes, n);
                reference.Step(spikes, n);
                foreach (Population pop in net.Populations)
                {
                    var f = reference.Pops[pop.Index];
                    if (pop is LifPopulation lif)
                    {
                        for (int j = 0; j < pop.Size; j++)
                        {
                            bool zf = pop.Spiked[j] != 0;
                            result.NeuronTicks++;
                            if (zf == f.Z[j]) result.Agreements++;
                            else if (result.FirstMismatchTick < 0) result.FirstMismatchTick = t;
                            if (zf) result.SpikesFixed++;
                            if (f.Z[j]) result.SpikesFloat++;
                            if (trackBounds && !double.IsNaN(f.Margin[j]))
                            {
                                double bound = ev[pop.Index][j] + f.Beta * ea[pop.Index][j] + (lif.Adaptive ? 2 * RoundingError : 0);
                                if (Math.Abs(f.Margin[j]) <= bound) result.MarginalDecisions++;
                            }
                            if (zf && lif.Parameters.Reset == ResetMode.Zero) ev[pop.Index][j] = 0;
                        }
                    }
                    else if (pop is ReadoutPopulation r)
                    {
                        for (int k = 0; k < pop.Size; k++)
                        {
                            double err = Math.Abs(r.ValueQ16[k] / 65536.0 - f.Y[k]);
                            result.MaxReadoutError = Math.Max(result.MaxReadoutError, err);
                            result.MaxReadoutBound = Math.Max(result.MaxReadoutBound, ev[pop.Index][k]);
                        }
                    }
                }
            }
            return result;
        }

        private static void AdvanceBounds(Network net, double[][] ev, double[][] ea)
        {
            foreach (Population pop in net.Populations)
            {
                if (pop is LifPopulation lif)
                {
                    double alpha = FloatNetwork.DecayOf(lif.Parameters.TauMembraneUs, net.DtUs);
                    double alphaHat = lif.MembraneDecay12 / 4096.0;
                    double rho = FloatNetwork.DecayOf(lif.Parameters.TauAdaptationUs, net.DtUs);
                    double rhoHat = lif.AdaptationDecay12 / 4096.0;
                    for (int j = 0; j < pop.Size; j++)
                    {
                        double v = Math.Abs(lif.MembraneQ16[j] / 65536.0);
                        ev[pop.Index][j] = alpha * ev[pop.Index][j] + Math.Abs(alphaHat - alpha) * v + RoundingError;
                        if (lif.Adaptive)
                        {
                            double a = lif.AdaptationQ16[j] / 65536.0;
                            ea[pop.Index][j] = rho * ea[pop.Index][j] + Math.Abs(rhoHat - rho) * a + RoundingError;
                        }
                    }
                }
                else if (pop is ReadoutPopulation r)
                {
                    double kappa = FloatNetwork.DecayOf(r.TauUs, net.DtUs);
                    double kappaHat = r.Decay12 / 4096.0;
                    for (int k = 0; k < pop.Size; k++)
                        ev[pop.Index][k] = kappa * ev[pop.Index][k] + Math.Abs(kappaHat - kappa) * Math.Abs(r.ValueQ16[k] / 65536.0) + RoundingError;
                }
            }
        }

        // Bimodal weights: most synapses are a sub-threshold drizzle (|w| <= 0.05), a few are
        // kicks well above the threshold (1.5 for LIF; 4.0 for ALIF, whose adaptive threshold
        // 1 + a/8 stays near 1.6 at the ~5 % kick rate). Membranes then sit far below or far
        // above threshold, which is what "no marginal crossings" means in practice.
        // Both spiking populations reset to zero: a subtractive reset leaves a continuous
        // residual that, over 10^5 comparisons, eventually lands within the error bound of the
        // threshold (observed: 2 of 200,000), so it cannot be certified non-marginal; it is
        // covered by the tolerance test and by the portable single-neuron tests instead.
        // Time constants are chosen so that 4096·exp(-dt/tau) lies within 3e-4 of an integer
        // (10.745, 19.773, 92.590, 31.005 ms): the 12-bit decays are then practically exact and
        // the scenario isolates the per-tick rounding. Quantized decays in general are covered
        // by RandomScenarios_AgreeWithinTolerance.
        private static Network BuildBimodalScenario(uint seed)
        {
            var b = new NetworkBuilder(1000, seed);
            var input = b.AddInput("in", 20);
            var lif = b.AddLif("lif", 30, new LifParameters { TauMembraneUs = 10745, Reset = ResetMode.Zero, RefractoryTicks = 1 });
            var alif = b.AddAlif("alif", 10, new LifParameters
            {
                TauMembraneUs = 19773, Reset = ResetMode.Zero, RefractoryTicks = 3,
                TauAdaptationUs = 92590, AdaptationBetaQ16 = 8192,
            });
            var readout = b.AddReadout("out", 3, 31005, 1000);
            var rng = new XorShift32(seed);
            const int shift = 4;
            Bimodal(b.AddDense("in-lif", input, lif, shift), rng, 0.10, 1.5);
            Bimodal(b.AddDense("in-alif", input, alif, shift), rng, 0.05, 4.0);
            Bimodal(b.AddSparseRandom("lif-lif", lif, lif, shift, 5), rng, 0.0, 0.0);
            Bimodal(b.AddSparseRandom("alif-lif", alif, lif, shift, 5), rng, 0.0, 0.0);
            Bimodal(b.AddDense("lif-out", lif, readout, shift), rng, 0.0, 0.0);
            Bimodal(b.AddDense("alif-out", alif, readout, shift), rng, 0.0, 0.0);
            return b.Build();
        }

        private static void Bimodal(Projection p, XorShift32 rng, double kickProbability, double kick)
        {
            double unit = Math.Pow(2, p.WeightShift) / 65536.0;
            for (int k = 0; k < p.Weights.Length; k++)
            {
                bool big = rng.NextInt(1000) < kickProbability * 1000;
                double value = big ? kick : (rng.NextInt(2001) - 1000) / 1000.0 * 0.05;
                p.Weights[k] = (short)Math.Round(value / unit);
            }
        }

        [TestMethod]
        public void NonMarginalScenario_SpikeTrainsMatchExactly()
        {
            Network net = BuildBimodalScenario(seed: 3);
            Comparison c = Compare(net, ticks: 5000, inputProbQ16: 3277, inputSeed: 11, trackBounds: true);
            Console.WriteLine($"neuron-ticks {c.NeuronTicks}, spikes fixed {c.SpikesFixed} float {c.SpikesFloat}, marginal {c.MarginalDecisions}, readout err {c.MaxReadoutError:E3} (bound {c.MaxReadoutBound:E3})");
            Assert.IsTrue(c.SpikesFloat > 2000, "the scenario must actually spike to test anything");
            Assert.AreEqual(0L, c.MarginalDecisions, "scenario is not certified non-marginal: its design changed");
            Assert.AreEqual(-1L, c.FirstMismatchTick, "spike trains differ");
            Assert.AreEqual(c.NeuronTicks, c.Agreements);
            Assert.IsTrue(c.MaxReadoutError <= c.MaxReadoutBound, $"readout error {c.MaxReadoutError} exceeds the proven bound {c.MaxReadoutBound}");
        }

        [TestMethod]
        public void RandomScenarios_AgreeWithinTolerance()
        {
            // Fine-grained random weights: some comparisons are marginal, a spike flips, and in a
            // recurrent network the two trajectories then drift apart (chaos, not error). What
            // must hold is the statistics: rates agree closely and most of the raster matches.
            double worstRate = 0, worstAgreement = 1;
            for (uint seed = 1; seed <= 8; seed++)
            {
                Network net = BuildScenario(seed, weightQuantumShift: 8, recurrent: true, inputs: 20, lifSize: 30, alifSize: 10);
                Comparison c = Compare(net, ticks: 2000, inputProbQ16: 3277, inputSeed: seed + 100, trackBounds: false);
                double rateError = Math.Abs(c.SpikesFixed - c.SpikesFloat) / (double)Math.Max(1, c.SpikesFloat);
                double agreement = c.Agreements / (double)c.NeuronTicks;
                Console.WriteLine($"seed {seed}: spikes fixed {c.SpikesFixed} float {c.SpikesFloat} (rel. diff {rateError:P2}), raster agreement {agreement:P3}, first mismatch tick {c.FirstMismatchTick}");
                worstRate = Math.Max(worstRate, rateError);
                worstAgreement = Math.Min(worstAgreement, agreement);
                Assert.IsTrue(c.SpikesFloat > 1000, "scenario must spike");
            }
            // Tolerances (measured: count difference <= 0.31 %, agreement >= 95.07 % over these
            // seeds). The first marginal flip comes within 25..150 ticks; afterwards the recurrent
            // trajectories decorrelate, so raster agreement mostly measures the chaos of the
            // network, while the spike count (the rate) is what quantization must preserve.
            Assert.IsTrue(worstRate <= 0.01, $"spike-count difference {worstRate:P2} above 1 %");
            Assert.IsTrue(worstAgreement >= 0.93, $"raster agreement {worstAgreement:P3} below 93 %");
        }

        [TestMethod]
        public void Decay_FromTau_IsCorrectlyRoundedExponential()
        {
            int worst = 0;
            foreach (int dt in new[] { 100, 500, 1000, 2000 })
            {
                for (double tau = 1; tau < 2e9; tau *= 1.07)
                {
                    int t = (int)tau;
                    double exact = 4096 * Math.Exp(-(double)dt / t);
                    int d = Decay.FromTau(t, dt);
                    int err = Math.Abs(d - (int)Math.Round(exact, MidpointRounding.AwayFromZero));
                    // Exactly rounded, except where the true value sits within 1e-6 of a .5 tie.
                    if (Math.Abs(exact - Math.Floor(exact) - 0.5) > 1e-6) Assert.AreEqual(0, err, $"tau {t} dt {dt}: {d} vs {exact}");
                    worst = Math.Max(worst, err);
                }
            }
            Assert.IsTrue(worst <= 1);
            Assert.AreEqual(0, Decay.FromTau(0, 1000));
            Assert.AreEqual(4096, Decay.FromTau(int.MaxValue, 1));
        }
    }
}
