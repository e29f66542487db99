using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using NanoSnn.Cli.Bench;
using NanoSnn.Cli.Workloads;

namespace NanoSnn.Cli.Commands
{
    /// <summary><c>nanosnn bench</c>: ticks per second, synaptic events per second, bytes and allocations of a workload.</summary>
    public static class BenchCommand
    {
        /// <summary>The workloads, ff first (the default).</summary>
        public static readonly string[] Workloads = { FeedForwardWorkload.Name, EpropWorkload.Name, DistalRewardWorkload.Name };

        /// <summary>The e-prop recurrent sizes run when --rec is not given.</summary>
        public static readonly int[] EpropMatrixRecurrent = { 64, 128, 256 };

        /// <summary>E-prop defaults: inputs and readouts.</summary>
        public const int EpropInputs = 32, EpropOutputs = 4;

        /// <summary>Eligibility modes of the e-prop workload.</summary>
        public static readonly string[] EpropModes = { "factorized", "exact" };

        /// <summary>The matrix run when no size is given: 100 inputs, these hidden sizes, 10 outputs.</summary>
        public static readonly int[] MatrixHidden = { 256, 1024, 4096 };

        /// <summary>Default sizes.</summary>
        public const int DefaultInputs = 100, DefaultHidden = 256, DefaultOutputs = 10;

        /// <summary>Largest total synapse count (weights alone take 2 bytes each).</summary>
        public const long MaxSynapses = 1L << 27;

        /// <summary>Builds the command.</summary>
        public static Command Create(CliContext context)
        {
            Option<string> workload = new Option<string>("--workload")
            {
                Description = "Workload: ff = Bernoulli inputs -> dense -> hidden LIF -> dense -> output LIF; "
                    + "eprop = " + EpropInputs + " Bernoulli inputs -> recurrent LIF -> " + EpropOutputs + " readouts, e-prop learning every tick on 1,000-tick sequences; "
                    + "distal-reward = 1,000 Izhikevich neurons with reward-modulated STDP (Izhikevich 2007), 10 simulated seconds",
                DefaultValueFactory = _ => FeedForwardWorkload.Name,
            };
            workload.AcceptOnlyFromAmong(Workloads);
            Option<int?> rec = CliOptions.OptionalInt("--rec", "eprop only: recurrent neurons n_rec (default: the matrix " + string.Join(", ", EpropMatrixRecurrent) + ")", 1, 4096);
            Option<string> mode = new Option<string>("--mode") { Description = "eprop only: eligibility mode (default: both)" };
            mode.AcceptOnlyFromAmong(EpropModes);
            Option<int?> inputs = CliOptions.OptionalInt("--inputs", "Input channels (default " + DefaultInputs + ")", 1, Population.MaxSize);
            Option<int?> hidden = CliOptions.OptionalInt("--hidden", "Hidden LIF neurons (default " + DefaultHidden + ")", 1, Population.MaxSize);
            Option<int?> outputs = CliOptions.OptionalInt("--outputs", "Output LIF neurons (default " + DefaultOutputs + ")", 1, Population.MaxSize);
            Option<int?> steps = CliOptions.OptionalInt("--steps", "Timed ticks per configuration (default: " + BenchDefaults.Describe() + ")", 1, int.MaxValue);
            Option<double> rate = CliOptions.Probability("--input-rate", "Spike probability of each input per tick", 0.05);
            Option<uint> seed = CliOptions.Seed("Seed of the weights and of the input spikes");
            Option<bool> json = CliOptions.Json("Print one JSON object per configuration, one per line");

            Command command = new Command("bench",
                "Measure a workload on one core: ticks/s, synaptic events/s, weight bytes per synapse, footprint and bytes allocated per tick (must be 0). "
                + "Without --inputs/--hidden/--outputs it runs the matrix " + DefaultInputs + " -> {" + string.Join(", ", MatrixHidden) + "} -> " + DefaultOutputs + "; "
                + "eprop without --rec runs n_rec in {" + string.Join(", ", EpropMatrixRecurrent) + "}, in both modes without --mode.");
            command.Options.Add(workload);
            command.Options.Add(inputs);
            command.Options.Add(hidden);
            command.Options.Add(outputs);
            command.Options.Add(rec);
            command.Options.Add(mode);
            command.Options.Add(steps);
            command.Options.Add(rate);
            command.Options.Add(seed);
            command.Options.Add(json);
            command.SetAction(parse => CommandRunner.Guard(context, () =>
            {
                string name = parse.GetValue(workload);
                OptionResult rateResult = parse.GetResult(rate);
                bool rateGiven = rateResult != null && !rateResult.Implicit;
                if (name == EpropWorkload.Name)
                {
                    Reject(name, "--hidden", parse.GetValue(hidden) != null, "use --rec for the recurrent size");
                    return ExecuteEprop(context, parse.GetValue(inputs), parse.GetValue(rec), parse.GetValue(outputs), parse.GetValue(mode),
                        parse.GetValue(steps), parse.GetValue(rate), parse.GetValue(seed), parse.GetValue(json));
                }
                Reject(name, "--rec", parse.GetValue(rec) != null, "it applies to --workload eprop only");
                Reject(name, "--mode", parse.GetValue(mode) != null, "it applies to --workload eprop only");
                if (name == DistalRewardWorkload.Name)
                {
                    const string fixedNetwork = "the distal-reward network is fixed (1,000 Izhikevich neurons, no inputs)";
                    Reject(name, "--inputs", parse.GetValue(inputs) != null, fixedNetwork);
                    Reject(name, "--hidden", parse.GetValue(hidden) != null, fixedNetwork);
                    Reject(name, "--outputs", parse.GetValue(outputs) != null, fixedNetwork);
                    Reject(name, "--input-rate", rateGiven, fixedNetwork);
                    return ExecuteDistalReward(context, parse.GetValue(steps), parse.GetValue(seed), parse.GetValue(json));
                }
                return Execute(context, name, parse.GetValue(inputs), parse.GetValue(hidden), parse.GetValue(outputs), parse.GetValue(steps),
                    parse.GetValue(rate), parse.GetValue(seed), parse.GetValue(json));
            }));
            return command;
        }

        private static int Execute(CliContext context, string workload, int? inputs, int? hidden, int? outputs, int? steps,
            double rate, uint seed, bool json)
        {
            List<int[]> configurations = new List<int[]>();
            if (inputs == null && hidden == null && outputs == null)
                foreach (int h in MatrixHidden) configurations.Add(new[] { DefaultInputs, h, DefaultOutputs });
            else
                configurations.Add(new[] { inputs ?? DefaultInputs, hidden ?? DefaultHidden, outputs ?? DefaultOutputs });

            int probQ16 = (int)Math.Round(rate * FixedPoint.CertainProbQ16);
            List<BenchResult> results = new List<BenchResult>();
            foreach (int[] c in configurations)
            {
                FeedForwardWorkload w = Build(c[0], c[1], c[2], probQ16, seed);
                BenchResult result = BenchMeasurement.Measure(w, steps ?? BenchDefaults.Steps(c[0], c[1], c[2], probQ16), rate);
                if (json) BenchReport.WriteJson(context.Out, result);
                results.Add(result);
            }
            if (!json) BenchReport.WriteTable(context.Console, results);
            return ExitCodes.Ok;
        }

        private static void Reject(string workload, string option, bool given, string why)
        {
            if (given) throw CommandFailure.Usage("option " + option + " does not apply to --workload " + workload + ": " + why);
        }

        private static int ExecuteEprop(CliContext context, int? inputs, int? rec, int? outputs, string mode, int? steps, double rate, uint seed, bool json)
        {
            int nIn = inputs ?? EpropInputs;
            int nOut = outputs ?? EpropOutputs;
            int[] sizes = rec == null ? EpropMatrixRecurrent : new[] { rec.Value };
            EpropEligibility[] modes = mode == null
                ? new[] { EpropEligibility.Factorized, EpropEligibility.Exact }
                : new[] { mode == "exact" ? EpropEligibility.Exact : EpropEligibility.Factorized };
            foreach (int n in sizes)
            {
                long synapses = (long)n * (nIn + n + nOut);
                if (synapses > MaxSynapses)
                    throw CommandFailure.Usage(nIn + " -> " + n + " -> " + nOut + " has " + synapses + " synapses; the benchmark allows at most " + MaxSynapses);
            }
            List<EpropBenchResult> results = new List<EpropBenchResult>();
            foreach (int n in sizes)
            {
                foreach (EpropEligibility m in modes)
                {
                    EpropBenchResult result;
                    try
                    {
                        result = LearningBench.MeasureEprop(nIn, n, nOut, rate, m, seed, steps ?? LearningBench.DefaultEpropSteps(nIn, n, nOut, m));
                    }
                    catch (ModelException e)
                    {
                        throw CommandFailure.Usage("cannot build e-prop " + nIn + " -> " + n + " -> " + nOut + ": " + e.Message, e);
                    }
                    if (json) LearningBench.WriteJson(context.Out, result);
                    results.Add(result);
                }
            }
            if (!json) LearningBench.WriteTable(context.Console, results);
            return ExitCodes.Ok;
        }

        private static int ExecuteDistalReward(CliContext context, int? steps, uint seed, bool json)
        {
            DistalRewardBenchResult result = LearningBench.MeasureDistalReward(seed, steps ?? DistalRewardWorkload.DefaultSteps);
            if (json) LearningBench.WriteJson(context.Out, result);
            else LearningBench.WriteTable(context.Console, result);
            return ExitCodes.Ok;
        }

        private static FeedForwardWorkload Build(int inputs, int hidden, int outputs, int probQ16, uint seed)
        {
            long synapses = (long)inputs * hidden + (long)hidden * outputs;
            if (synapses > MaxSynapses)
                throw CommandFailure.Usage(inputs + " -> " + hidden + " -> " + outputs + " has " + synapses + " synapses; the benchmark allows at most " + MaxSynapses);
            try
            {
                return new FeedForwardWorkload(inputs, hidden, outputs, probQ16, seed);
            }
            catch (ModelException e)
            {
                throw CommandFailure.Usage("cannot build " + inputs + " -> " + hidden + " -> " + outputs + ": " + e.Message, e);
            }
        }
    }
}
