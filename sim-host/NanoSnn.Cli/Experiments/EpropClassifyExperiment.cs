using System;
using System.Diagnostics;

namespace NanoSnn.Cli.Experiments
{
    /// <summary>Settings of the e-prop temporal-pattern classification task.</summary>
    public sealed class EpropClassifyConfig
    {
        /// <summary>Distance sensors (each gives two send-on-delta inputs).</summary>
        public int Sensors = 4;
        /// <summary>Background Poisson inputs (20 Hz) that keep the recurrent network awake.</summary>
        public int NoiseInputs = 8;
        public int Recurrent = 60;
        public bool Adaptive = true;
        public int TrainTrialsPerClass = 30;
        public int TestTrialsPerClass = 50;
        public int Epochs = 15;
        /// <summary>Trial length, ticks; the dips are over by tick 300, so the recall window starts at least 50 ms later.</summary>
        public int TrialTicks = 450;
        /// <summary>Supervision (and decision) window: the last RecallTicks of each trial.</summary>
        public int RecallTicks = 130;
        public double LearningRate = 1.0 / 8192;
        public double OutputLearningRate = 1.0 / 2048;
        public EpropEligibility Eligibility = EpropEligibility.Factorized;
        public bool RunFloat = true;
        public uint Seed = 1;
    }

    /// <summary>Learning curve and held-out accuracies.</summary>
    public sealed class EpropClassifyResult
    {
        /// <summary>Training accuracy of each epoch (decided with the weights of that moment), fixed and float.</summary>
        public double[] TrainAccuracyFixed = new double[0];
        public double[] TrainAccuracyFloat = new double[0];
        public double TestAccuracyFixed = double.NaN;
        public double TestAccuracyFloat = double.NaN;
        public int Epochs;
        public int TestTrials;
        public string Mode = "";
        public double Seconds;
    }

    /// <summary>
    /// Three classes of temporal patterns over four distance sensors (think of an obstacle
    /// crossing a row of range finders): a dip that sweeps left → right, one that sweeps right
    /// → left, and all four sensors dipping together. Amplitude, timing, baseline and noise
    /// vary per trial. The distances are send-on-delta encoded (20 mm per spike); background
    /// Poisson inputs keep the network active. Supervision is delayed: the target class is
    /// only given in the last <see cref="EpropClassifyConfig.RecallTicks"/> ticks, after the
    /// sweep, and the decision is the readout with the largest mean over that window. The class
    /// is in the order of the dips, not in their count or size, so it needs memory (ALIF by
    /// default). Fixed point and the float64 reference learn from the same trials and start
    /// from the same weights; held-out accuracy is measured on separate trials with learning off.
    /// </summary>
    public sealed class EpropClassifyExperiment
    {
        /// <summary>Classes of the task: sweep left→right, right→left, all together.</summary>
        public const int Classes = 3;

        private sealed class Trial
        {
            public int Class;
            public int[][] Spikes;
        }

        /// <summary>Runs the task; <paramref name="progress"/> (may be null) gets (epoch, train accuracy fixed, train accuracy float).</summary>
        public EpropClassifyResult Run(EpropClassifyConfig c, Action<int, double, double> progress)
        {
            var watch = Stopwatch.StartNew();
            var random = new Random((int)c.Seed);
            Trial[] train = MakeTrials(c, random, c.TrainTrialsPerClass * Classes);
            Trial[] test = MakeTrials(c, random, c.TestTrialsPerClass * Classes);

            int inputs = 2 * c.Sensors + c.NoiseInputs;
            double zeta = 1 - Math.Exp(-1.0 / 30);
            var b = new NetworkBuilder(1000, c.Seed);
            var input = b.AddInput("in", inputs);
            var lp = new LifParameters
            {
                ThresholdQ16 = 65536, TauMembraneUs = 30000, Reset = ResetMode.Subtract, RefractoryTicks = 2,
                TauAdaptationUs = 200000, AdaptationBetaQ16 = c.Adaptive ? 11796 : 0, // β = 0.18
            };
            LifPopulation rec = c.Adaptive ? b.AddAlif("rec", c.Recurrent, lp) : b.AddLif("rec", c.Recurrent, lp);
            var readout = b.AddReadout("out", Classes, 30000, 0);
            var win = b.AddDense("in-rec", input, rec, 2);
            var wrec = b.AddDense("rec-rec", rec, rec, 2);
            // shift 3: ±4.0. Cross-entropy on separable classes keeps growing the readout weights
            // (the float reference passes 2.0 within 20 epochs); a saturated readout leaves a
            // permanent error that the recurrent weights then chase.
            var wout = b.AddDense("rec-out", rec, readout, 3);
            Network net = b.Build();
            var init = new XorShift32(c.Seed * 2654435761u + 5);
            win.InitializeGaussian(init, (int)(0.5 * 65536));
            wrec.InitializeGaussian(init, (int)(zeta / 0.03 / Math.Sqrt(c.Recurrent) * 65536));
            for (int j = 0; j < c.Recurrent; j++) wrec.Weights[j * c.Recurrent + j] = 0;
            wout.InitializeGaussian(init, (int)(zeta / Math.Sqrt(c.Recurrent) * 65536));
            var ep = new EpropParameters
            {
                Eligibility = c.Eligibility,
                Task = EpropTask.Classification,
                UpdateIntervalTicks = 0,
                RateRegularizationQ16 = 19661,
                RateTargetQ16 = 655,
                RateTauUs = c.TrialTicks * 1000,
                FeedbackScaleQ16 = 19661, // 0.3
                FeedbackSeed = c.Seed + 7,
            };
            EpropPatternExperiment.SplitRate(c.LearningRate, out ep.LearningRateQ16, out ep.LearningRateShift);
            EpropPatternExperiment.SplitRate(c.OutputLearningRate, out ep.OutputLearningRateQ16, out ep.OutputLearningRateShift);
            var rule = new EpropRule(net, rec, readout, win, wrec, wout, ep);
            net.Attach(rule);
            var reference = new EpropFloatReference(net, rule);

            var result = new EpropClassifyResult
            {
                Epochs = c.Epochs,
                TestTrials = test.Length,
                Mode = (c.Eligibility == EpropEligibility.Exact ? "exact" : "factorized") + (c.Adaptive ? "-alif" : "-lif"),
                TrainAccuracyFixed = new double[c.Epochs],
                TrainAccuracyFloat = new double[c.RunFloat ? c.Epochs : 0],
            };
            var order = new int[train.Length];
            for (int k = 0; k < order.Length; k++) order[k] = k;
            var sums = new double[Classes];
            for (int epoch = 0; epoch < c.Epochs; epoch++)
            {
                for (int k = order.Length - 1; k > 0; k--)
                {
                    int m = random.Next(k + 1);
                    int tmp = order[k]; order[k] = order[m]; order[m] = tmp;
                }
                int correctFixed = 0, correctFloat = 0;
                for (int n = 0; n < order.Length; n++)
                {
                    Trial trial = train[order[n]];
                    if (RunFixed(c, net, rule, readout, trial, sums, true)) correctFixed++;
                    if (c.RunFloat && RunFloat(c, reference, trial, sums, true)) correctFloat++;
                }
                result.TrainAccuracyFixed[epoch] = correctFixed / (double)train.Length;
                if (c.RunFloat) result.TrainAccuracyFloat[epoch] = correctFloat / (double)train.Length;
                if (progress != null) progress(epoch, result.TrainAccuracyFixed[epoch], c.RunFloat ? result.TrainAccuracyFloat[epoch] : double.NaN);
            }
            int testFixed = 0, testFloat = 0;
            for (int n = 0; n < test.Length; n++)
            {
                if (RunFixed(c, net, rule, readout, test[n], sums, false)) testFixed++;
                if (c.RunFloat && RunFloat(c, reference, test[n], sums, false)) testFloat++;
            }
            result.TestAccuracyFixed = testFixed / (double)test.Length;
            result.TestAccuracyFloat = c.RunFloat ? testFloat / (double)test.Length : double.NaN;
            result.Seconds = watch.Elapsed.TotalSeconds;
            return result;
        }

        private static bool RunFixed(EpropClassifyConfig c, Network net, EpropRule rule, ReadoutPopulation readout, Trial trial, double[] sums, bool learn)
        {
            for (int q = 0; q < net.Populations.Length; q++) net.Populations[q].ResetState();
            rule.ResetState();
            rule.Enabled = learn;
            rule.TargetClass = trial.Class;
            Array.Clear(sums);
            int recallStart = c.TrialTicks - c.RecallTicks;
            for (int t = 0; t < c.TrialTicks; t++)
            {
                rule.TargetValid = t >= recallStart;
                net.Step(trial.Spikes[t], trial.Spikes[t].Length);
                if (t >= recallStart) for (int k = 0; k < sums.Length; k++) sums[k] += readout.ValueQ16[k];
            }
            if (learn) rule.ApplyAccumulated(net);
            rule.Enabled = true;
            return ArgMax(sums) == trial.Class;
        }

        private static bool RunFloat(EpropClassifyConfig c, EpropFloatReference reference, Trial trial, double[] sums, bool learn)
        {
            reference.ResetState();
            reference.Enabled = learn;
            reference.TargetClass = trial.Class;
            Array.Clear(sums);
            int recallStart = c.TrialTicks - c.RecallTicks;
            for (int t = 0; t < c.TrialTicks; t++)
            {
                reference.TargetValid = t >= recallStart;
                reference.Step(trial.Spikes[t], trial.Spikes[t].Length);
                if (t >= recallStart) for (int k = 0; k < sums.Length; k++) sums[k] += reference.Y[k];
            }
            if (learn) reference.ApplyAccumulated();
            reference.Enabled = true;
            return ArgMax(sums) == trial.Class;
        }

        private static int ArgMax(double[] x)
        {
            int best = 0;
            for (int k = 1; k < x.Length; k++) if (x[k] > x[best]) best = k;
            return best;
        }

        private static Trial[] MakeTrials(EpropClassifyConfig c, Random random, int count)
        {
            var trials = new Trial[count];
            int channels = c.Sensors;
            var deltas = new int[channels];
            for (int s = 0; s < channels; s++) deltas[s] = 20; // mm per spike
            var samples = new int[channels];
            var scratch = new int[2 * channels + c.NoiseInputs];
            for (int n = 0; n < count; n++)
            {
                int cls = n % Classes;
                var encoder = new SendOnDeltaEncoder(deltas);
                var baseline = new double[channels];
                for (int s = 0; s < channels; s++) baseline[s] = 800 + 200 * random.NextDouble();
                double depth = 300 + 200 * random.NextDouble();    // mm
                double width = 25 + 10 * random.NextDouble();      // ms (Gaussian dip)
                double start = 40 + 30 * random.NextDouble();      // ms
                double step = 50 + 20 * random.NextDouble();       // ms between neighbouring sensors
                var trial = new Trial { Class = cls, Spikes = new int[c.TrialTicks][] };
                for (int t = 0; t < c.TrialTicks; t++)
                {
                    for (int s = 0; s < channels; s++)
                    {
                        double centre = cls == 0 ? start + s * step
                            : cls == 1 ? start + (channels - 1 - s) * step
                            : start + 1.5 * step;
                        double d = (t - centre) / width;
                        double distance = baseline[s] - depth * Math.Exp(-0.5 * d * d) + 20 * (random.NextDouble() - 0.5);
                        samples[s] = (int)Math.Round(distance);
                    }
                    int k = encoder.Encode(samples, scratch, 0, 0);
                    for (int i = 0; i < c.NoiseInputs; i++) if (random.NextDouble() < 0.02) scratch[k++] = 2 * channels + i;
                    trial.Spikes[t] = new int[k];
                    Array.Copy(scratch, trial.Spikes[t], k);
                }
                trials[n] = trial;
            }
            return trials;
        }
    }
}
