using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using NanoSnn.Cli.Experiments;
using NanoSnn.Cli.Plots;
using Spectre.Console;

namespace NanoSnn.Cli.Commands
{
    /// <summary><c>nanosnn experiment eprop-pattern</c>: the e-prop pattern-generation task, fixed point against the float64 reference.</summary>
    public static class EpropPatternCommand
    {
        /// <summary>Acceptance: the fixed-point NMSE must get to this value within the iterations.</summary>
        public const double NmseGoal = 0.15;

        /// <summary>Acceptance: the final fixed-point NMSE must be at most this factor times the float one.</summary>
        public const double FloatFactor = 1.5;

        /// <summary>Builds the command.</summary>
        public static Command Create(CliContext context)
        {
            var defaults = new EpropPatternConfig();
            Option<uint> seed = CliOptions.Seed("Seed of the input spikes, the target and the initial weights");
            Option<int> iterations = CliOptions.Int("--iterations", "Training iterations (1 s sequences)", defaults.Iterations, 1, 1_000_000);
            Option<string> mode = CliOptions.Choice("--mode", "Eligibility traces: factorized (the on-device rule) or exact", "factorized", "factorized", "exact");
            string description = "E-prop pattern generation: " + defaults.Inputs + " frozen " + defaults.InputRateHz + " Hz Poisson inputs, " + defaults.Recurrent
                + " LIF neurons and a leaky readout learn a sum of four sines over " + defaults.SequenceTicks + " ms sequences, in fixed point and in the "
                + "float64 reference from the same initial weights. Reports the final NMSE (mean of the last 10 iterations) of both and whether the "
                + "acceptance holds: fixed NMSE <= " + NmseGoal.ToString(CultureInfo.InvariantCulture) + " within the iterations and <= "
                + FloatFactor.ToString(CultureInfo.InvariantCulture) + " x the float NMSE.";
            return ExperimentCommand.Define(context, "eprop-pattern", description, new Option[] { seed, iterations, mode },
                "the learning curves (NMSE per iteration, fixed and float) and the last output", "eprop-pattern-<mode>-seed<S>.svg",
                "Print one JSON object instead of the table",
                (parse, run) => Execute(run, parse.GetValue(seed), parse.GetValue(iterations), parse.GetValue(mode)));
        }

        private static int Execute(ExperimentRun run, uint seed, int iterations, string mode)
        {
            var config = new EpropPatternConfig
            {
                Seed = seed,
                Iterations = iterations,
                Eligibility = mode == "exact" ? EpropEligibility.Exact : EpropEligibility.Factorized,
            };

            EpropPatternResult result = run.Progress("eprop-pattern " + mode, iterations, report =>
                new EpropPatternExperiment().Run(config, (it, fixedNmse, floatNmse) => report(it + 1,
                    "iteration " + (it + 1).ToString(CultureInfo.InvariantCulture) + "/" + iterations.ToString(CultureInfo.InvariantCulture)
                    + " NMSE fixed " + ExperimentCommand.Format(fixedNmse, "0.000") + " float " + ExperimentCommand.Format(floatNmse, "0.000"))));

            int firstFixed = EpropPatternResult.FirstIterationAtOrBelow(result.NmseFixed, NmseGoal);
            int firstFloat = EpropPatternResult.FirstIterationAtOrBelow(result.NmseFloat, NmseGoal);
            bool reached = firstFixed >= 0;
            bool closeToFloat = result.FinalNmseFixed <= FloatFactor * result.FinalNmseFloat;
            bool accepted = reached && closeToFloat;

            return run.Finish("eprop-pattern-" + mode + "-seed" + seed.ToString(CultureInfo.InvariantCulture) + ".svg", () => Figure(result, seed), result.Seconds, w =>
            {
                w.WriteString("mode", mode);
                w.WriteString("variant", result.Mode);
                w.WriteNumber("seed", seed);
                w.WriteNumber("iterations", result.Iterations);
                ExperimentCommand.Number(w, "nmse_fixed", result.FinalNmseFixed);
                ExperimentCommand.Number(w, "nmse_float", result.FinalNmseFloat);
                ExperimentCommand.Number(w, "nmse_fixed_last", result.NmseFixed.Length > 0 ? result.NmseFixed[result.NmseFixed.Length - 1] : double.NaN);
                ExperimentCommand.Number(w, "nmse_float_last", result.NmseFloat.Length > 0 ? result.NmseFloat[result.NmseFloat.Length - 1] : double.NaN);
                w.WriteStartObject("first_iteration_at_or_below_0_15");
                if (firstFixed >= 0) w.WriteNumber("fixed", firstFixed); else w.WriteNull("fixed");
                if (firstFloat >= 0) w.WriteNumber("float", firstFloat); else w.WriteNull("float");
                w.WriteEndObject();
                w.WriteBoolean("accepted", accepted);
                ExperimentCommand.Number(w, "mean_rate_hz_fixed", result.MeanRateHzFixed);
                ExperimentCommand.Number(w, "mean_rate_hz_float", result.MeanRateHzFloat);
                w.WriteNumber("footprint_bytes", result.FixedFootprintBytes);
                w.WriteNumber("rule_state_bytes_per_synapse", result.RuleStateBytesPerSynapse);
            }, plotPath =>
            {
                Table table = ExperimentCommand.MetricTable("e-prop pattern generation, " + result.Mode + ", seed " + seed);
                ExperimentCommand.Row(table, "iterations", iterations.ToString("N0", CultureInfo.InvariantCulture));
                ExperimentCommand.Row(table, "final NMSE fixed (mean of last 10)", ExperimentCommand.Format(result.FinalNmseFixed, "0.0000"));
                ExperimentCommand.Row(table, "final NMSE float64 (mean of last 10)", ExperimentCommand.Format(result.FinalNmseFloat, "0.0000"));
                ExperimentCommand.Row(table, "fixed / float", ExperimentCommand.Format(result.FinalNmseFixed / result.FinalNmseFloat, "0.00"));
                ExperimentCommand.Row(table, "first iteration with NMSE <= 0.15, fixed", firstFixed >= 0 ? firstFixed.ToString(CultureInfo.InvariantCulture) : "never");
                ExperimentCommand.Row(table, "first iteration with NMSE <= 0.15, float", firstFloat >= 0 ? firstFloat.ToString(CultureInfo.InvariantCulture) : "never");
                ExperimentCommand.Row(table, "mean rate (last iteration), fixed / float", ExperimentCommand.Format(result.MeanRateHzFixed, "0.0") + " / "
                    + ExperimentCommand.Format(result.MeanRateHzFloat, "0.0") + " Hz");
                ExperimentCommand.Row(table, "footprint (fixed point)", result.FixedFootprintBytes.ToString("N0", CultureInfo.InvariantCulture) + " B, rule state "
                    + result.RuleStateBytesPerSynapse + " B/synapse");
                ExperimentCommand.Row(table, "wall time", ExperimentCommand.Format(result.Seconds, "0.0") + " s");
                ExperimentCommand.Row(table, "NMSE fixed <= 0.15 within the iterations", reached ? "yes" : "no");
                ExperimentCommand.Row(table, "NMSE fixed <= 1.5 x float", closeToFloat ? "yes" : "no");
                ExperimentCommand.Row(table, "acceptance", accepted ? "PASS" : "FAIL");
                run.Context.Console.Write(table);
                if (plotPath != null) run.Context.Console.WriteLine("plot: " + plotPath);
            });
        }

        private static SvgFigure Figure(EpropPatternResult result, uint seed)
        {
            var figure = new SvgFigure("nanosnn experiment eprop-pattern: " + result.Mode + ", seed " + seed + ", " + result.Iterations + " iterations");
            var curves = new List<SvgFigure.Series>();
            if (result.NmseFixed.Length > 0) curves.Add(new SvgFigure.Series("NMSE fixed point", Iterations(result.NmseFixed.Length), result.NmseFixed));
            if (result.NmseFloat.Length > 0) curves.Add(new SvgFigure.Series("NMSE float64 reference", Iterations(result.NmseFloat.Length), result.NmseFloat));
            double[] x = Iterations(result.Iterations);
            double[] goal = new double[x.Length];
            for (int i = 0; i < goal.Length; i++) goal[i] = NmseGoal;
            curves.Add(new SvgFigure.Series("NMSE 0.15 (acceptance)", x, goal));
            figure.AddLines("learning curves", "iteration", "NMSE", curves, logY: true);
            if (result.Target.Length > 0 && (result.LastOutputFixed.Length > 0 || result.LastOutputFloat.Length > 0))
            {
                double[] t = new double[result.Target.Length];
                for (int i = 0; i < t.Length; i++) t[i] = i;
                var traces = new List<SvgFigure.Series> { new SvgFigure.Series("target", t, result.Target) };
                if (result.LastOutputFixed.Length > 0) traces.Add(new SvgFigure.Series("output, fixed point", t, result.LastOutputFixed));
                if (result.LastOutputFloat.Length > 0) traces.Add(new SvgFigure.Series("output, float64", t, result.LastOutputFloat));
                figure.AddLines("target and readout in the last iteration", "tick (ms)", "y", traces);
            }
            return figure;
        }

        private static double[] Iterations(int n)
        {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) x[i] = i;
            return x;
        }
    }
}
