using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using NanoSnn.Cli.Experiments;
using NanoSnn.Cli.Plots;
using Spectre.Console;

namespace NanoSnn.Cli.Commands
{
    /// <summary><c>nanosnn experiment homeostasis</c>: synaptic scaling holds a recurrent network's rate through an input step.</summary>
    public static class HomeostasisCommand
    {
        private static readonly string[] PhaseNames = { "baseline", "input stepped up", "input back down" };

        /// <summary>Builds the command.</summary>
        public static Command Create(CliContext context)
        {
            var defaults = new HomeostasisOptions();
            Option<uint> seed = new Option<uint>("--seed")
            {
                Description = "Seed of the network and the input spikes [0.." + uint.MaxValue.ToString(CultureInfo.InvariantCulture) + "] (default "
                    + defaults.Seed.ToString(CultureInfo.InvariantCulture) + ", the reference run)",
                DefaultValueFactory = _ => defaults.Seed,
            };
            Option<int> phaseSeconds = CliOptions.Int("--phase-seconds", "Simulated seconds of each of the three phases", defaults.PhaseSeconds, 1, 100_000);
            Option<bool> noScaling = new Option<bool>("--no-scaling") { Description = "Control run: synaptic scaling off" };
            string description = "Homeostasis by synaptic scaling: " + defaults.Inputs + " Poisson inputs at " + defaults.InputRateHz + " Hz drive " + defaults.Neurons
                + " recurrently coupled LIF neurons whose rate is held at " + defaults.TargetRateHz + " Hz. The input rate steps up x" + defaults.StepFactor
                + ", then back down (three phases of " + defaults.PhaseSeconds + " s). Reports the rate at the end of each phase, its standard deviation "
                + "(oscillation) and how long the rate took to settle within 20 % of the target after each step.";
            return ExperimentCommand.Define(context, "homeostasis", description, new Option[] { seed, phaseSeconds, noScaling },
                "the network rate per second with the target line", "homeostasis-seed<S>[-no-scaling].svg", "Print one JSON object instead of the table",
                (parse, run) => Execute(run, parse.GetValue(seed), parse.GetValue(phaseSeconds), parse.GetValue(noScaling)));
        }

        private static int Execute(ExperimentRun run, uint seed, int phaseSeconds, bool noScaling)
        {
            var options = new HomeostasisOptions { Seed = seed, PhaseSeconds = phaseSeconds, NoScaling = noScaling };
            int total = 3 * phaseSeconds;

            HomeostasisResult result = run.Progress("homeostasis seed " + seed + (noScaling ? " (no scaling)" : ""), total, report =>
                HomeostasisExperiment.Run(options, (second, rate) => report(second + 1,
                    "t " + (second + 1).ToString(CultureInfo.InvariantCulture) + "/" + total.ToString(CultureInfo.InvariantCulture) + " s, phase "
                    + (Math.Min(2, second / phaseSeconds) + 1) + ", rate " + rate.ToString("0.0", CultureInfo.InvariantCulture) + " Hz")));

            double oscillation = 0;
            foreach (double sd in result.PhaseEndSdHz) oscillation = Math.Max(oscillation, sd);
            return run.Finish("homeostasis-seed" + seed.ToString(CultureInfo.InvariantCulture) + (noScaling ? "-no-scaling" : "") + ".svg",
                () => Figure(result, seed, phaseSeconds, noScaling), result.WallSeconds, w =>
                {
                    w.WriteNumber("seed", seed);
                    w.WriteBoolean("scaling", !noScaling);
                    w.WriteNumber("phase_seconds", phaseSeconds);
                    w.WriteNumber("target_rate_hz", result.TargetRateHz);
                    ExperimentCommand.Numbers(w, "phase_end_rate_hz", result.PhaseEndRateHz);
                    ExperimentCommand.Numbers(w, "phase_end_sd_hz", result.PhaseEndSdHz);
                    w.WriteStartArray("settle_seconds");
                    foreach (int s in result.SettleSeconds)
                    {
                        if (s >= 0) w.WriteNumberValue(s); else w.WriteNullValue();
                    }
                    w.WriteEndArray();
                    w.WriteNumber("oscillation_sd_hz", oscillation);
                }, plotPath =>
                {
                    Table table = new Table().Title(Markup.Escape("homeostasis, seed " + seed + (noScaling ? " (control: no scaling)" : "") + ", target "
                        + result.TargetRateHz.ToString("0.#", CultureInfo.InvariantCulture) + " Hz, " + phaseSeconds + " s per phase"));
                    table.AddColumn("phase");
                    table.AddColumn(new TableColumn("rate at phase end (Hz)").RightAligned());
                    table.AddColumn(new TableColumn("sd (Hz)").RightAligned());
                    table.AddColumn(new TableColumn("settled after the step").RightAligned());
                    for (int p = 0; p < 3; p++)
                    {
                        string settle = p == 0 ? "-" : result.SettleSeconds[p - 1] >= 0 ? result.SettleSeconds[p - 1] + " s" : "never";
                        table.AddRow(Markup.Escape(PhaseNames[p]), result.PhaseEndRateHz[p].ToString("0.00", CultureInfo.InvariantCulture),
                            result.PhaseEndSdHz[p].ToString("0.00", CultureInfo.InvariantCulture), settle);
                    }
                    run.Context.Console.Write(table);
                    run.Context.Out.WriteLine("oscillation (largest sd at a phase end): " + oscillation.ToString("0.00", CultureInfo.InvariantCulture)
                        + " Hz; wall time " + result.WallSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s" + (plotPath != null ? "; plot " + plotPath : ""));
                });
        }

        private static SvgFigure Figure(HomeostasisResult result, uint seed, int phaseSeconds, bool noScaling)
        {
            var figure = new SvgFigure("nanosnn experiment homeostasis: seed " + seed + (noScaling ? ", control (no scaling)" : "")
                + ", input steps at " + phaseSeconds + " s and " + 2 * phaseSeconds + " s");
            int n = result.RateBySecond.Length;
            double[] x = new double[n], target = new double[n];
            for (int s = 0; s < n; s++)
            {
                x[s] = s + 1;
                target[s] = result.TargetRateHz;
            }
            figure.AddLines("network rate per second", "time (s)", "rate (Hz)", new List<SvgFigure.Series>
            {
                new SvgFigure.Series("rate", x, result.RateBySecond),
                new SvgFigure.Series("target", x, target),
            });
            return figure;
        }
    }
}
