using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using NanoSnn.Cli.Experiments;
using NanoSnn.Cli.Plots;
using Spectre.Console;

namespace NanoSnn.Cli.Commands
{
    /// <summary><c>nanosnn experiment eprop-classify</c>: the e-prop temporal-pattern classification task.</summary>
    public static class EpropClassifyCommand
    {
        /// <summary>Classes of the task (sweep left→right, right→left, all together).</summary>
        public const int Classes = EpropClassifyExperiment.Classes;

        /// <summary>Builds the command.</summary>
        public static Command Create(CliContext context)
        {
            var defaults = new EpropClassifyConfig();
            Option<uint> seed = CliOptions.Seed("Seed of the trials and the initial weights");
            Option<string> mode = CliOptions.Choice("--mode", "Eligibility traces: factorized (the on-device rule) or exact", "factorized", "factorized", "exact");
            Option<int> epochs = CliOptions.Int("--epochs", "Training epochs", defaults.Epochs, 1, 100_000);
            Option<int> trainTrials = CliOptions.Int("--train-trials", "Training trials per class", defaults.TrainTrialsPerClass, 1, 100_000);
            Option<int> testTrials = CliOptions.Int("--test-trials", "Held-out test trials per class", defaults.TestTrialsPerClass, 1, 100_000);
            string description = "E-prop classification of temporal patterns: " + defaults.Sensors + " distance sensors, send-on-delta encoded, see a dip that sweeps "
                + "left to right, right to left, or all at once (" + Classes + " classes); " + defaults.Recurrent + " ALIF neurons learn with delayed "
                + "supervision (the last " + defaults.RecallTicks + " ms of each " + defaults.TrialTicks + " ms trial), in fixed point and in the float64 "
                + "reference. Reports the held-out test accuracy of both (chance = 1/" + Classes + ").";
            return ExperimentCommand.Define(context, "eprop-classify", description, new Option[] { seed, mode, epochs, trainTrials, testTrials },
                "the training accuracy per epoch (fixed and float) with the test accuracies", "eprop-classify-<mode>-seed<S>.svg",
                "Print one JSON object instead of the table",
                (parse, run) => Execute(run, parse.GetValue(seed), parse.GetValue(mode), parse.GetValue(epochs), parse.GetValue(trainTrials), parse.GetValue(testTrials)));
        }

        private static int Execute(ExperimentRun run, uint seed, string mode, int epochs, int trainTrials, int testTrials)
        {
            var config = new EpropClassifyConfig
            {
                Seed = seed,
                Eligibility = mode == "exact" ? EpropEligibility.Exact : EpropEligibility.Factorized,
                Epochs = epochs,
                TrainTrialsPerClass = trainTrials,
                TestTrialsPerClass = testTrials,
            };

            EpropClassifyResult result = run.Progress("eprop-classify " + mode, epochs, report =>
                new EpropClassifyExperiment().Run(config, (epoch, fixedAccuracy, floatAccuracy) => report(epoch + 1,
                    "epoch " + (epoch + 1).ToString(CultureInfo.InvariantCulture) + "/" + epochs.ToString(CultureInfo.InvariantCulture)
                    + " train acc. fixed " + ExperimentCommand.Format(fixedAccuracy, "0.000") + " float " + ExperimentCommand.Format(floatAccuracy, "0.000"))));

            return run.Finish("eprop-classify-" + mode + "-seed" + seed.ToString(CultureInfo.InvariantCulture) + ".svg", () => Figure(result, seed), result.Seconds, w =>
            {
                w.WriteString("mode", mode);
                w.WriteString("variant", result.Mode);
                w.WriteNumber("seed", seed);
                w.WriteNumber("classes", Classes);
                w.WriteNumber("epochs", result.Epochs);
                w.WriteNumber("train_trials", trainTrials * Classes);
                w.WriteNumber("test_trials", result.TestTrials);
                ExperimentCommand.Number(w, "accuracy_fixed", result.TestAccuracyFixed);
                ExperimentCommand.Number(w, "accuracy_float", result.TestAccuracyFloat);
                ExperimentCommand.Numbers(w, "train_accuracy_fixed", result.TrainAccuracyFixed);
                ExperimentCommand.Numbers(w, "train_accuracy_float", result.TrainAccuracyFloat);
            }, plotPath =>
            {
                Table table = ExperimentCommand.MetricTable("e-prop classification, " + result.Mode + ", seed " + seed);
                ExperimentCommand.Row(table, "classes (chance)", Classes + " (" + ExperimentCommand.Format(1.0 / Classes, "0.000") + ")");
                ExperimentCommand.Row(table, "epochs x training trials", epochs + " x " + (trainTrials * Classes));
                ExperimentCommand.Row(table, "test trials", result.TestTrials.ToString(CultureInfo.InvariantCulture));
                ExperimentCommand.Row(table, "test accuracy, fixed point", ExperimentCommand.Format(result.TestAccuracyFixed, "0.000"));
                ExperimentCommand.Row(table, "test accuracy, float64", ExperimentCommand.Format(result.TestAccuracyFloat, "0.000"));
                ExperimentCommand.Row(table, "last-epoch training accuracy, fixed / float",
                    ExperimentCommand.Format(Last(result.TrainAccuracyFixed), "0.000") + " / " + ExperimentCommand.Format(Last(result.TrainAccuracyFloat), "0.000"));
                ExperimentCommand.Row(table, "wall time", ExperimentCommand.Format(result.Seconds, "0.0") + " s");
                run.Context.Console.Write(table);
                if (plotPath != null) run.Context.Console.WriteLine("plot: " + plotPath);
            });
        }

        private static double Last(double[] x) => x.Length == 0 ? double.NaN : x[x.Length - 1];

        private static SvgFigure Figure(EpropClassifyResult result, uint seed)
        {
            var figure = new SvgFigure("nanosnn experiment eprop-classify: " + result.Mode + ", seed " + seed + ", test accuracy fixed "
                + ExperimentCommand.Format(result.TestAccuracyFixed, "0.000") + ", float " + ExperimentCommand.Format(result.TestAccuracyFloat, "0.000"));
            double[] x = new double[result.Epochs];
            for (int i = 0; i < x.Length; i++) x[i] = i + 1;
            var series = new List<SvgFigure.Series>();
            if (result.TrainAccuracyFixed.Length > 0) series.Add(new SvgFigure.Series("train, fixed point", x, result.TrainAccuracyFixed));
            if (result.TrainAccuracyFloat.Length > 0) series.Add(new SvgFigure.Series("train, float64", x, result.TrainAccuracyFloat));
            series.Add(new SvgFigure.Series("test, fixed point", x, Constant(x.Length, result.TestAccuracyFixed)));
            if (!double.IsNaN(result.TestAccuracyFloat)) series.Add(new SvgFigure.Series("test, float64", x, Constant(x.Length, result.TestAccuracyFloat)));
            series.Add(new SvgFigure.Series("chance", x, Constant(x.Length, 1.0 / Classes)));
            figure.AddLines("accuracy per epoch (test: held out, after training)", "epoch", "accuracy", series);
            return figure;
        }

        private static double[] Constant(int n, double value)
        {
            double[] y = new double[n];
            for (int i = 0; i < n; i++) y[i] = value;
            return y;
        }
    }
}
