using System;
using System.Diagnostics;

namespace NanoSnn.Cli.Experiments
{
    /// <summary>Options of <see cref="HomeostasisExperiment"/>.</summary>
    public sealed class HomeostasisOptions
    {
        /// <summary>Seed of the network and of the input spikes.</summary>
        public uint Seed = 21;

        /// <summary>Poisson input channels.</summary>
        public int Inputs = 200;

        /// <summary>Recurrently connected LIF neurons.</summary>
        public int Neurons = 100;

        /// <summary>Baseline input rate, Hz (stepped ×<see cref="StepFactor"/> up, then back).</summary>
        public int InputRateHz = 10;

        /// <summary>Factor of the input step.</summary>
        public int StepFactor = 3;

        /// <summary>Target firing rate, Hz.</summary>
        public int TargetRateHz = 10;

        /// <summary>Seconds of each phase: baseline, stepped up, back down.</summary>
        public int PhaseSeconds = 120;

        /// <summary>Synaptic scaling off: the control that shows what the step does without homeostasis.</summary>
        public bool NoScaling;
    }

    /// <summary>What <see cref="HomeostasisExperiment.Run"/> measured.</summary>
    public sealed class HomeostasisResult
    {
        /// <summary>Mean network rate per simulated second, Hz.</summary>
        public double[] RateBySecond;

        /// <summary>Mean rate over the last 20 s of each phase, Hz.</summary>
        public double[] PhaseEndRateHz;

        /// <summary>Standard deviation of the per-second rate over the last 20 s of each phase, Hz.</summary>
        public double[] PhaseEndSdHz;

        /// <summary>Seconds after each step until the 5-s mean rate is back within 20 % of the target (-1: never).</summary>
        public int[] SettleSeconds;

        /// <summary>Target rate, Hz.</summary>
        public double TargetRateHz;

        /// <summary>Wall-clock seconds.</summary>
        public double WallSeconds;
    }

    /// <summary>
    /// Synaptic scaling in a recurrent network: Poisson inputs drive recurrently coupled LIF
    /// neurons; <see cref="SynapticScaling"/> on both projections holds their rate at the target.
    /// The input rate steps up by a factor, then back; the network rate jumps, then returns to
    /// the target (fast sensing: 1 s window; slow control: at most 3 % per 1 s epoch). The
    /// host test HomeostasisTests runs the same network with a shorter first phase.
    /// </summary>
    public static class HomeostasisExperiment
    {
        /// <summary>Runs the three phases; <paramref name="progress"/> (may be null) gets the second and its rate.</summary>
        public static HomeostasisResult Run(HomeostasisOptions options, Action<int, double> progress)
        {
            if (options == null) throw new ArgumentNullException(nameof(options));
            var b = new NetworkBuilder(1000, options.Seed);
            InputPopulation input = b.AddInput("in", options.Inputs);
            LifPopulation lif = b.AddLif("lif", options.Neurons, new LifParameters { TauMembraneUs = 20000, ThresholdQ16 = 65536, Reset = ResetMode.Subtract });
            SparseProjection ff = b.AddSparseRandom("ff", input, lif, 4, Math.Max(1, options.Neurons / 5));
            SparseProjection rec = b.AddSparseRandom("rec", lif, lif, 4, Math.Max(1, options.Neurons / 10));
            ff.Fill(600);
            rec.Fill(300);
            Network net = b.Build();
            int target = SynapticScaling.RateToQ24(options.TargetRateHz * 1000, 1000);
            if (!options.NoScaling)
            {
                net.Attach(new SynapticScaling(ff, target, 10, 1000, 6554, 1966));
                net.Attach(new SynapticScaling(rec, target, 10, 1000, 6554, 1966));
            }

            var rng = new XorShift32(options.Seed ^ 0xA5A5u);
            int[] spikes = new int[options.Inputs];
            int seconds = 3 * options.PhaseSeconds;
            double[] rate = new double[seconds];
            var watch = Stopwatch.StartNew();
            for (int t = 0; t < seconds * 1000; t++)
            {
                int phase = t / (options.PhaseSeconds * 1000);
                int perMille = options.InputRateHz * (phase == 1 ? options.StepFactor : 1);
                int n = 0;
                for (int i = 0; i < options.Inputs; i++) if (rng.NextInt(1000) < perMille) spikes[n++] = i;
                net.Step(spikes, n);
                rate[t / 1000] += lif.SpikeCount / (double)options.Neurons;
                if (t % 1000 == 999 && progress != null) progress(t / 1000, rate[t / 1000]);
            }
            watch.Stop();

            var result = new HomeostasisResult
            {
                RateBySecond = rate,
                PhaseEndRateHz = new double[3],
                PhaseEndSdHz = new double[3],
                SettleSeconds = new int[2],
                TargetRateHz = options.TargetRateHz,
                WallSeconds = watch.Elapsed.TotalSeconds,
            };
            for (int p = 0; p < 3; p++)
            {
                int end = (p + 1) * options.PhaseSeconds;
                int start = Math.Max(p * options.PhaseSeconds, end - 20);
                double mean = 0, variance = 0;
                for (int s = start; s < end; s++) mean += rate[s] / (end - start);
                for (int s = start; s < end; s++) variance += (rate[s] - mean) * (rate[s] - mean) / (end - start);
                result.PhaseEndRateHz[p] = mean;
                result.PhaseEndSdHz[p] = Math.Sqrt(variance);
            }
            for (int k = 0; k < 2; k++)
            {
                int step = (k + 1) * options.PhaseSeconds;
                result.SettleSeconds[k] = -1;
                for (int s = step; s + 5 <= step + options.PhaseSeconds; s++)
                {
                    double mean = 0;
                    for (int m = s; m < s + 5; m++) mean += rate[m] / 5;
                    if (Math.Abs(mean - options.TargetRateHz) <= 0.2 * options.TargetRateHz)
                    {
                        result.SettleSeconds[k] = s - step;
                        break;
                    }
                }
            }
            return result;
        }
    }
}
