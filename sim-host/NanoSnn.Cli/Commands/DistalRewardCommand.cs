using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using NanoSnn.Cli.Experiments;
using NanoSnn.Cli.Plots;
using Spectre.Console;

namespace NanoSnn.Cli.Commands
{
    /// <summary><c>nanosnn experiment distal-reward</c>: Izhikevich's (2007) distal-reward experiment with reward-modulated STDP.</summary>
    public static class DistalRewardCommand
    {
        /// <summary>Longest run accepted, simulated minutes.</summary>
        public const double MaxMinutes = 100_000;

        /// <summary>Builds the command.</summary>
        public static Command Create(CliContext context)
        {
            var defaults = new DistalRewardOptions();
            Option<uint> seed = CliOptions.Seed("Seed of the network, its noise and the reward delays");
            Option<double> minutes = CliOptions.Positive("--minutes", "Simulated minutes (fractions allowed, e.g. 0.5)", defaults.Minutes);
            Option<bool> noReward = new Option<bool>("--no-reward") { Description = "Control run: the rewards are not delivered (same network and noise)" };
            string description = "Distal reward (Izhikevich 2007): " + defaults.Excitatory + " regular-spiking + " + defaults.Inhibitory + " fast-spiking neurons, "
                + defaults.SynapsesPerNeuron + " synapses each, reward-modulated STDP. One excitatory synapse n1->n2 starts at 0; whenever n2 fires within "
                + DistalRewardExperiment.PairingWindowMs + " ms after n1, a reward arrives 1 to 3 s later. Reports whether the reward singles that synapse "
                + "out and drives it to the cap (" + (DistalRewardExperiment.CapWeight / (double)DistalRewardExperiment.OneWeight).ToString(CultureInfo.InvariantCulture)
                + "): its final weight, the minute it reached 97.5 % of the cap and its percentile among all excitatory weights.";
            return ExperimentCommand.Define(context, "distal-reward", description, new Option[] { seed, minutes, noReward },
                "the reinforced weight over time and the final excitatory weight histogram", "distal-reward-seed<S>[-no-reward].svg",
                "Print one JSON object instead of the summary",
                (parse, run) => Execute(run, parse.GetValue(seed), parse.GetValue(minutes), parse.GetValue(noReward)));
        }

        private static int Execute(ExperimentRun run, uint seed, double minutes, bool noReward)
        {
            if (Math.Round(minutes * 60000) < 1) throw CommandFailure.Usage("option --minutes: " + minutes.ToString("R", CultureInfo.InvariantCulture)
                + " is shorter than one tick (1 ms); use at least 0.0001");
            if (minutes > MaxMinutes) throw CommandFailure.Usage("option --minutes: " + minutes.ToString("R", CultureInfo.InvariantCulture)
                + " is too long; use at most " + MaxMinutes.ToString(CultureInfo.InvariantCulture) + " (about 70 simulated days)");
            var options = new DistalRewardOptions { Seed = seed, Minutes = minutes, NoReward = noReward };

            DistalRewardResult result = run.Progress("distal-reward seed " + seed + (noReward ? " (no reward)" : ""), minutes, report =>
                DistalRewardExperiment.Run(options, (minute, weight) => report(minute,
                    "t " + minute.ToString("0.00", CultureInfo.InvariantCulture) + " min, reinforced w " + weight.ToString("0.000", CultureInfo.InvariantCulture))));

            return run.Finish("distal-reward-seed" + seed.ToString(CultureInfo.InvariantCulture) + (noReward ? "-no-reward" : "") + ".svg",
                () => Figure(result), result.WallSeconds, w =>
                {
                    w.WriteNumber("seed", result.Seed);
                    w.WriteNumber("minutes", result.Minutes);
                    w.WriteBoolean("reward", result.Reward);
                    w.WriteNumber("final_weight", result.FinalWeight);
                    w.WriteNumber("weight_cap", result.WeightCap);
                    if (result.MinuteReached.HasValue) w.WriteNumber("minute_reached", result.MinuteReached.Value); else w.WriteNull("minute_reached");
                    ExperimentCommand.Number(w, "final_percentile", result.FinalPercentile);
                    w.WriteNumber("rewards_delivered", result.RewardsDelivered);
                    w.WriteNumber("pairings", result.Pairings);
                    ExperimentCommand.Number(w, "mean_rate_hz", result.MeanRateHz);
                }, plotPath => Summary(run.Context, result, plotPath));
        }

        private static void Summary(CliContext context, DistalRewardResult result, string plotPath)
        {
            Table table = ExperimentCommand.MetricTable("distal reward, seed " + result.Seed + (result.Reward ? "" : " (control: no reward)"));
            ExperimentCommand.Row(table, "simulated", result.Minutes.ToString("0.###", CultureInfo.InvariantCulture) + " min");
            ExperimentCommand.Row(table, "reinforced weight (final / cap)", result.FinalWeight.ToString("0.000", CultureInfo.InvariantCulture) + " / "
                + result.WeightCap.ToString("0.0", CultureInfo.InvariantCulture));
            ExperimentCommand.Row(table, "reached 97.5 % of the cap at", Reached(result));
            ExperimentCommand.Row(table, "percentile among excitatory weights", ExperimentCommand.Format(result.FinalPercentile, "0.00") + " %");
            ExperimentCommand.Row(table, "pairings / rewards delivered", result.Pairings + " / " + result.RewardsDelivered);
            ExperimentCommand.Row(table, "mean firing rate", ExperimentCommand.Format(result.MeanRateHz, "0.00") + " Hz");
            ExperimentCommand.Row(table, "wall time", ExperimentCommand.Format(result.WallSeconds, "0.0") + " s");
            context.Console.Write(table);
            context.Out.WriteLine("distal-reward seed " + result.Seed + (result.Reward ? "" : " (no reward)") + ": reinforced weight "
                + result.FinalWeight.ToString("0.000", CultureInfo.InvariantCulture) + "/" + result.WeightCap.ToString("0.0", CultureInfo.InvariantCulture)
                + ", cap " + (result.MinuteReached.HasValue ? "reached at " + Reached(result) : "not reached")
                + ", percentile " + ExperimentCommand.Format(result.FinalPercentile, "0.00") + " %, " + result.RewardsDelivered + " rewards in "
                + result.Minutes.ToString("0.###", CultureInfo.InvariantCulture) + " min"
                + (plotPath != null ? "; plot " + plotPath : ""));
        }

        private static string Reached(DistalRewardResult result)
        {
            return result.MinuteReached.HasValue ? "minute " + result.MinuteReached.Value.ToString("0.00", CultureInfo.InvariantCulture) : "never";
        }

        private static SvgFigure Figure(DistalRewardResult result)
        {
            var figure = new SvgFigure("nanosnn experiment distal-reward: seed " + result.Seed + ", " + result.Minutes.ToString("0.###", CultureInfo.InvariantCulture)
                + " min" + (result.Reward ? "" : ", control (no reward)"));
            double[] minutes = new double[result.SampleSeconds.Length];
            double[] cap = new double[minutes.Length];
            for (int i = 0; i < minutes.Length; i++)
            {
                minutes[i] = result.SampleSeconds[i] / 60.0;
                cap[i] = result.WeightCap;
            }
            figure.AddLines("reinforced synapse n1->n2", "time (min)", "weight (1.0 = initial excitatory weight)", new List<SvgFigure.Series>
            {
                new SvgFigure.Series("reinforced weight", minutes, result.SampleWeights),
                new SvgFigure.Series("cap", minutes, cap),
            });
            figure.AddHistogram("final excitatory weights (" + result.FinalExcitatoryWeights.Length.ToString("N0", CultureInfo.InvariantCulture) + " synapses)",
                "weight", result.FinalExcitatoryWeights, 50, result.FinalWeight,
                "reinforced: " + result.FinalWeight.ToString("0.000", CultureInfo.InvariantCulture) + " (" + ExperimentCommand.Format(result.FinalPercentile, "0.0") + " %ile)");
            return figure;
        }
    }
}
