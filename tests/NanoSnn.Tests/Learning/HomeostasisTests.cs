using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace NanoSnn.Tests.Learning
{
    /// <summary>
    /// Intrinsic homeostasis (adaptive threshold) and synaptic scaling: each against a float64
    /// reference fed with the same spikes, plus a reduced closed-loop experiment.
    /// </summary>
    [TestClass]
    public sealed class HomeostasisTests
    {
        private static readonly LifParameters Lif = new LifParameters { TauMembraneUs = 20000, ThresholdQ16 = 65536, Reset = ResetMode.Subtract };

        [TestMethod]
        public void AdaptiveThreshold_MatchesFloatReferenceAndLowersTheRate()
        {
            // One LIF neuron per bias level; the rule raises θ by 0.05 per spike and lets it decay
            // by 1/2^6 every 100 ticks (τ ≈ 6.4 s).
            var b = new NetworkBuilder(1000, 2);
            var lif = b.AddLif("lif", 4, new LifParameters { TauMembraneUs = 20000, ThresholdQ16 = 65536, Reset = ResetMode.Subtract, BiasQ16 = 6000 });
            Network net = b.Build();
            int gain = (4096 - lif.MembraneDecay12) * 16; // (1 − α) in Q16: θ acts as a threshold shift
            var rule = new IntrinsicHomeostasis(lif, 3277, 4 << 16, 100, 6, gain);
            net.Attach(rule);
            double[] theta = new double[4];
            int early = 0, late = 0;
            for (int t = 0; t < 20000; t++)
            {
                net.Step(null, 0);
                for (int j = 0; j < 4; j++) if (lif.Spiked[j] != 0) theta[j] = Math.Min(4.0, theta[j] + 3277 / 65536.0);
                if (t % 100 == 99) for (int j = 0; j < 4; j++) theta[j] *= 1 - 1.0 / 64;
                if (t < 1000) early += lif.SpikeCount; else if (t >= 19000) late += lif.SpikeCount;
            }
            // Truncation of the decay removes at most 1 LSB per decay step: 200 steps → ≤ 200 LSB = 0.003.
            for (int j = 0; j < 4; j++) Assert.AreEqual(theta[j], rule.ThresholdQ16[j] / 65536.0, 0.004, $"θ of neuron {j}");
            Assert.IsTrue(theta[0] > 0.2, $"θ rose to {theta[0]}");
            Assert.IsTrue(late < early * 0.8, $"rate per second fell from {early} to {late} spikes");
        }

        [TestMethod]
        public void SynapticScaling_MatchesFloatReference()
        {
            var b = new NetworkBuilder(1000, 4);
            var input = b.AddInput("in", 20);
            var drive = b.AddInput("drive", 10);
            var post = b.AddLif("post", 10, new LifParameters { TauMembraneUs = 0, ThresholdQ16 = 65536, Reset = ResetMode.Zero });
            DenseProjection plastic = b.AddDense("w", input, post, 0);
            plastic.Fill(1000);
            DenseProjection d = b.AddDense("driveW", drive, post, 2);
            for (int j = 0; j < 10; j++) d.Weights[j * 10 + j] = 32767;
            Network net = b.Build();
            int target = SynapticScaling.RateToQ24(10000, 1000); // 10 Hz
            var rule = new SynapticScaling(plastic, target, 8, 500, 6554, 3277); // gain 0.1, max step 0.05
            net.Attach(rule);

            double[] r = new double[10];
            double[] w = new double[200];
            for (int s = 0; s < 200; s++) w[s] = 1000;
            var rng = new XorShift32(9);
            int[] spikes = new int[30];
            for (int t = 0; t < 10000; t++)
            {
                int n = 0;
                for (int j = 0; j < 10; j++) if (rng.NextInt(1000) < 2 + 4 * j) spikes[n++] = 20 + j; // 2..38 Hz
                net.Step(spikes, n);
                for (int j = 0; j < 10; j++) r[j] = r[j] * (1 - 1.0 / 256) + (post.Spiked[j] != 0 ? 1.0 / 256 : 0);
                if (t % 500 == 499)
                {
                    for (int j = 0; j < 10; j++)
                    {
                        double g = Math.Clamp(0.1 * (0.01 - r[j]) / 0.01, -0.05, 0.05);
                        for (int i = 0; i < 20; i++) w[i * 10 + j] += g * w[i * 10 + j];
                    }
                }
            }
            for (int j = 0; j < 10; j++) Assert.AreEqual(r[j], rule.RateEstimateQ24[j] / (double)(1 << 24), 2e-4, $"rate estimate {j}");
            // 20 epochs of zero-mean stochastic rounding (s.d. ≤ 0.5·√20 ≈ 2.2 LSB) plus the slightly
            // different rate estimate: allow 1 % of the weight.
            for (int s = 0; s < 200; s++) Assert.AreEqual(w[s], plastic.Weights[s], 10, $"weight {s}");
            Assert.IsTrue(plastic.Weights[0] > 1300, "the slow neuron's inputs were scaled up");
            Assert.IsTrue(plastic.Weights[9] < 800, "the fast neuron's inputs were scaled down");
        }

        /// <summary>
        /// Reduced homeostasis experiment: 200 Poisson inputs drive 100 recurrently coupled LIF
        /// neurons; synaptic scaling on both projections holds the rate at 10 Hz. The input rate is
        /// stepped ×3 up at 60 s and back down at 180 s. The estimate window is 1 s and each epoch
        /// (1 s) changes weights by at most 3 %: slow control, fast sensing.
        /// </summary>
        [TestMethod]
        public void RecurrentNetwork_ReturnsToTargetRateAfterInputSteps_WithoutOscillation()
        {
            var b = new NetworkBuilder(1000, 21);
            var input = b.AddInput("in", 200);
            var lif = b.AddLif("lif", 100, Lif);
            SparseProjection ff = b.AddSparseRandom("ff", input, lif, 4, 20);
            SparseProjection rec = b.AddSparseRandom("rec", lif, lif, 4, 10);
            ff.Fill(600);
            rec.Fill(300);
            Network net = b.Build();
            int target = SynapticScaling.RateToQ24(10000, 1000);
            net.Attach(new SynapticScaling(ff, target, 10, 1000, 6554, 1966));
            net.Attach(new SynapticScaling(rec, target, 10, 1000, 6554, 1966));

            var rng = new XorShift32(5);
            int[] spikes = new int[200];
            double[] rateBySecond = new double[300];
            for (int t = 0; t < 300000; t++)
            {
                int prob = t >= 60000 && t < 180000 ? 30 : 10; // per mille: 10 Hz, then 30 Hz
                int n = 0;
                for (int i = 0; i < 200; i++) if (rng.NextInt(1000) < prob) spikes[n++] = i;
                net.Step(spikes, n);
                rateBySecond[t / 1000] += lif.SpikeCount / 100.0;
            }
            Assert.IsTrue(rateBySecond[62] > 15, $"the step up must first raise the rate: {rateBySecond[62]:F1} Hz");
            Assert.IsTrue(rateBySecond[182] < 7, $"the step down must first lower the rate: {rateBySecond[182]:F1} Hz");
            foreach (int end in new[] { 180, 300 })
            {
                const int window = 20;
                double mean = 0;
                for (int s = end - window; s < end; s++) mean += rateBySecond[s] / window;
                double variance = 0, lag1 = 0;
                for (int s = end - window; s < end; s++)
                {
                    variance += (rateBySecond[s] - mean) * (rateBySecond[s] - mean) / window;
                    if (s > end - window) lag1 += (rateBySecond[s] - mean) * (rateBySecond[s - 1] - mean) / (window - 1);
                }
                double sd = Math.Sqrt(variance);
                double autocorrelation = variance > 0 ? lag1 / variance : 0;
                Assert.AreEqual(10.0, mean, 2.0, $"mean rate over the {window} s before {end} s (within 20 % of the target)");
                // No sustained oscillation: a slow one would show as a large spread, a fast
                // (period-2) one as a strongly negative lag-1 autocorrelation of the per-second rates.
                // The recurrent network's own per-second fluctuation is about ±1.3 Hz.
                Assert.IsTrue(sd < 2.0, $"per-second rates before {end} s have s.d. {sd:F2} Hz");
                Assert.IsTrue(Math.Abs(autocorrelation) < 0.6, $"lag-1 autocorrelation {autocorrelation:F2} before {end} s");
            }
        }
    }
}
