using System;
using System.Diagnostics;

namespace NanoSnn.Cli.Experiments
{
    /// <summary>
    /// Settings of the e-prop pattern-generation task (shared/design/ALGORITHMS.md). The
    /// defaults are the reference task; smaller values make the reduced test version.
    /// </summary>
    public sealed class EpropPatternConfig
    {
        public int Inputs = 100;
        public int Recurrent = 100;
        public int SequenceTicks = 1000;
        public int Iterations = 2000;
        public double InputRateHz = 50;
        public double TauMembraneMs = 30;
        public double TauOutMs = 30;
        public double Threshold = 0.03;
        public double Gamma = 0.3;
        /// <summary>c_reg; the per-tick regularization strength is c_reg / SequenceTicks (rates in spikes per tick).</summary>
        public double RegularizationC = 300;
        public double TargetRateHz = 10;
        /// <summary>η per sequence, in the units of ALGORITHMS.md (neuron input scaled by ζ = 1 − α).</summary>
        public double LearningRate = 1e-4;
        public EpropEligibility Eligibility = EpropEligibility.Factorized;
        public EpropFeedback Feedback = EpropFeedback.Random;
        /// <summary>0 = one update per sequence (the reference task); 1 = every tick (no per-synapse accumulator); K = every K ticks.</summary>
        public int UpdateIntervalTicks;
        /// <summary>ALIF instead of LIF (β = AdaptationBeta, τ_a = TauAdaptationMs).</summary>
        public bool Adaptive;
        public double AdaptationBeta = 0.03;
        public double TauAdaptationMs = 200;
        public bool LearnInput = true;
        public bool LearnRecurrent = true;
        /// <summary>False runs the network with the rule switched off (a control).</summary>
        public bool LearningEnabled = true;
        public bool RunFixed = true;
        public bool RunFloat = true;
        public uint Seed = 1;
    }

    /// <summary>Learning curves and final metrics of one run.</summary>
    public sealed class EpropPatternResult
    {
        /// <summary>Normalized MSE of each iteration (sequence), measured with the weights the sequence started with.</summary>
        public double[] NmseFixed = new double[0];
        public double[] NmseFloat = new double[0];
        /// <summary>Mean NMSE of the last (up to) 10 iterations.</summary>
        public double FinalNmseFixed = double.NaN;
        public double FinalNmseFloat = double.NaN;
        public int Iterations;
        public string Mode = "";
        public double Seconds;
        public int FixedFootprintBytes;
        public int RuleStateBytesPerSynapse;
        public double MeanRateHzFixed;

        /// <summary>First iteration whose NMSE is at most <paramref name="nmse"/>, or -1 (e.g. 0.15 for the acceptance criterion).</summary>
        public static int FirstIterationAtOrBelow(double[] curve, double nmse)
        {
            for (int k = 0; k < curve.Length; k++) if (curve[k] <= nmse) return k;
            return -1;
        }

        public double MeanRateHzFloat;

        /// <summary>Target of the sequence (per tick), and the readout of the last iteration, fixed and float (empty when that side did not run).</summary>
        public double[] Target = new double[0];
        public double[] LastOutputFixed = new double[0];
        public double[] LastOutputFloat = new double[0];
    }

    /// <summary>
    /// The e-prop pattern-generation task: 100 frozen 50 Hz Poisson inputs, 100 LIF neurons
    /// and one leaky readout learn to reproduce a sum of four sines over 1 s sequences, in
    /// fixed point (<see cref="EpropRule"/>) and in the float64 reference
    /// (<see cref="EpropFloatReference"/>) from the same initial weights.
    /// </summary>
    /// <remarks>
    /// ALGORITHMS.md writes the membrane input as ζ·I with ζ = 1 − α, and Bellec et al.'s
    /// readout filters spikes with (1 − κ)·z (their exp_convolve); the core uses ζ = 1 for
    /// both. The networks are the same when weights are stored as W' = ζ·W (ζ_out = 1 − κ for
    /// the readout), and plain SGD with step η on W is SGD with step ζ²·η on W'. So weights
    /// start at ζ·N(0,1)/sqrt(fan-in) and the learning rates are ζ²·η and ζ_out²·η. The
    /// learning signal passes through the readout's filter too, so the random feedback B is
    /// scaled like W'_out: ζ_out·N(0,1)/sqrt(n_rec). One update per sequence; no
    /// self-connections.
    /// </remarks>
    public sealed class EpropPatternExperiment
    {
        /// <summary>Runs the task; <paramref name="progress"/> (may be null) gets (iteration, nmse fixed, nmse float) after each iteration.</summary>
        public EpropPatternResult Run(EpropPatternConfig c, Action<int, double, double> progress)
        {
            var watch = Stopwatch.StartNew();
            var random = new Random((int)c.Seed);
            int T = c.SequenceTicks;

            // frozen input spikes
            int[][] spikes = new int[T][];
            var scratch = new int[c.Inputs];
            double p = c.InputRateHz / 1000.0;
            for (int t = 0; t < T; t++)
            {
                int n = 0;
                for (int i = 0; i < c.Inputs; i++) if (random.NextDouble() < p) scratch[n++] = i;
                spikes[t] = new int[n];
                Array.Copy(scratch, spikes[t], n);
            }

            // target: sum of 4 sines, shifted to start at 0, max |target| = 1
            double[] target = new double[T];
            double[] periods = { 1000, 500, 333, 200 };
            double[] amp = new double[4], phase = new double[4];
            for (int m = 0; m < 4; m++) { amp[m] = 0.5 + 1.5 * random.NextDouble(); phase[m] = 2 * Math.PI * random.NextDouble(); }
            for (int t = 0; t < T; t++)
                for (int m = 0; m < 4; m++) target[t] += amp[m] * Math.Sin(2 * Math.PI * t / periods[m] + phase[m]);
            double t0 = target[0], maxAbs = 0;
            for (int t = 0; t < T; t++) { target[t] -= t0; maxAbs = Math.Max(maxAbs, Math.Abs(target[t])); }
            double mean = 0;
            for (int t = 0; t < T; t++) { target[t] /= maxAbs; mean += target[t]; }
            mean /= T;
            double variance = 0;
            for (int t = 0; t < T; t++) variance += (target[t] - mean) * (target[t] - mean);
            int[] targetQ16 = new int[T];
            for (int t = 0; t < T; t++) targetQ16[t] = (int)Math.Round(target[t] * 65536);

            // network
            double zeta = 1 - Math.Exp(-1.0 / c.TauMembraneMs);
            double zetaOut = 1 - Math.Exp(-1.0 / c.TauOutMs);
            var b = new NetworkBuilder(1000, c.Seed);
            var input = b.AddInput("in", c.Inputs);
            var lp = new LifParameters
            {
                ThresholdQ16 = (int)Math.Round(c.Threshold * 65536),
                TauMembraneUs = (int)Math.Round(c.TauMembraneMs * 1000),
                Reset = ResetMode.Subtract,
                TauAdaptationUs = (int)Math.Round(c.TauAdaptationMs * 1000),
                AdaptationBetaQ16 = c.Adaptive ? (int)Math.Round(c.AdaptationBeta * 65536) : 0,
            };
            LifPopulation rec = c.Adaptive ? b.AddAlif("rec", c.Recurrent, lp) : b.AddLif("rec", c.Recurrent, lp);
            var readout = b.AddReadout("out", 1, (int)Math.Round(c.TauOutMs * 1000), 0);
            var win = b.AddDense("in-rec", input, rec, 0);
            var wrec = b.AddDense("rec-rec", rec, rec, 0);
            var wout = b.AddDense("rec-out", rec, readout, 0);
            Network net = b.Build();
            var init = new XorShift32(c.Seed * 2654435761u + 17);
            win.InitializeGaussian(init, (int)Math.Round(zeta / Math.Sqrt(c.Inputs) * 65536));
            wrec.InitializeGaussian(init, (int)Math.Round(zeta / Math.Sqrt(c.Recurrent - 1) * 65536));
            for (int j = 0; j < c.Recurrent; j++) wrec.Weights[j * c.Recurrent + j] = 0;
            wout.InitializeGaussian(init, (int)Math.Round(zetaOut / Math.Sqrt(c.Recurrent) * 65536));

            var ep = new EpropParameters
            {
                Eligibility = c.Eligibility,
                Feedback = c.Feedback,
                Task = EpropTask.Regression,
                GammaQ16 = (int)Math.Round(c.Gamma * 65536),
                UpdateIntervalTicks = c.UpdateIntervalTicks,
                RateRegularizationQ16 = (int)Math.Round(c.RegularizationC / T * 65536),
                RateTargetQ16 = (int)Math.Round(c.TargetRateHz / 1000.0 * 65536),
                RateTauUs = T * 1000,
                FeedbackScaleQ16 = (int)Math.Round(zetaOut / Math.Sqrt(c.Recurrent) * 65536),
                FeedbackWeightShift = 0,
                FeedbackSeed = c.Seed + 99,
                LearnInput = c.LearnInput,
                LearnRecurrent = c.LearnRecurrent,
            };
            SplitRate(zeta * zeta * c.LearningRate, out ep.LearningRateQ16, out ep.LearningRateShift);
            SplitRate(zetaOut * zetaOut * c.LearningRate, out ep.OutputLearningRateQ16, out ep.OutputLearningRateShift);
            var rule = new EpropRule(net, rec, readout, win, wrec, wout, ep);
            net.Attach(rule);
            rule.Enabled = c.LearningEnabled;
            var reference = new EpropFloatReference(net, rule);
            reference.Enabled = c.LearningEnabled;

            var result = new EpropPatternResult
            {
                Iterations = c.Iterations,
                Mode = (c.Eligibility == EpropEligibility.Exact ? "exact" : "factorized") + (c.Adaptive ? "-alif" : "-lif")
                    + (c.Feedback == EpropFeedback.Symmetric ? "-symmetric" : "-random")
                    + (c.UpdateIntervalTicks == 0 ? "" : "-every" + c.UpdateIntervalTicks),
                NmseFixed = new double[c.RunFixed ? c.Iterations : 0],
                NmseFloat = new double[c.RunFloat ? c.Iterations : 0],
                FixedFootprintBytes = net.FootprintBytes,
                RuleStateBytesPerSynapse = rule.StateBytesPerSynapse,
                Target = target,
                LastOutputFixed = new double[c.RunFixed && c.Iterations > 0 ? T : 0],
                LastOutputFloat = new double[c.RunFloat && c.Iterations > 0 ? T : 0],
            };
            long spikesFixed = 0, spikesFloat = 0;
            for (int it = 0; it < c.Iterations; it++)
            {
                double nf = double.NaN, nr = double.NaN;
                if (c.RunFixed)
                {
                    for (int q = 0; q < net.Populations.Length; q++) net.Populations[q].ResetState();
                    rule.ResetState();
                    double se = 0;
                    for (int t = 0; t < T; t++)
                    {
                        rule.TargetQ16[0] = targetQ16[t];
                        net.Step(spikes[t], spikes[t].Length);
                        double d = readout.ValueQ16[0] / 65536.0 - target[t];
                        se += d * d;
                        if (it == c.Iterations - 1)
                        {
                            spikesFixed += rec.SpikeCount;
                            result.LastOutputFixed[t] = readout.ValueQ16[0] / 65536.0;
                        }
                    }
                    rule.ApplyAccumulated(net);
                    nf = se / variance;
                    result.NmseFixed[it] = nf;
                }
                if (c.RunFloat)
                {
                    reference.ResetState();
                    double se = 0;
                    for (int t = 0; t < T; t++)
                    {
                        reference.Target[0] = target[t];
                        reference.Step(spikes[t], spikes[t].Length);
                        double d = reference.Y[0] - target[t];
                        se += d * d;
                        if (it == c.Iterations - 1)
                        {
                            for (int j = 0; j < c.Recurrent; j++) if (reference.Z[j]) spikesFloat++;
                            result.LastOutputFloat[t] = reference.Y[0];
                        }
                    }
                    reference.ApplyAccumulated();
                    nr = se / variance;
                    result.NmseFloat[it] = nr;
                }
                progress?.Invoke(it, nf, nr);
            }
            result.FinalNmseFixed = TailMean(result.NmseFixed);
            result.FinalNmseFloat = TailMean(result.NmseFloat);
            double seconds = T / 1000.0 * c.Recurrent;
            result.MeanRateHzFixed = spikesFixed / seconds;
            result.MeanRateHzFloat = spikesFloat / seconds;
            result.Seconds = watch.Elapsed.TotalSeconds;
            return result;
        }

        /// <summary>η = q/65536 · 2^−shift with q in (32768, 65536]: 16 significant bits for any η in (2^-24, 1].</summary>
        public static void SplitRate(double eta, out int q16, out int shift)
        {
            shift = 0;
            while (shift < 24 && eta * (1L << shift) < 0.5) shift++;
            q16 = (int)Math.Min(65536, Math.Max(1, Math.Round(eta * (1L << shift) * 65536)));
        }

        private static double TailMean(double[] x)
        {
            if (x.Length == 0) return double.NaN;
            int n = Math.Min(10, x.Length);
            double s = 0;
            for (int k = x.Length - n; k < x.Length; k++) s += x[k];
            return s / n;
        }
    }
}
