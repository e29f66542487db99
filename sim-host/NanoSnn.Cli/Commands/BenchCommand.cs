using System;
using System.Collections.Generic;
using System.CommandLine;
using NanoSnn.Cli.Bench;
using NanoSnn.Cli.Workloads;

namespace NanoSnn.Cli.Commands
{
    /// <summary><c>nanosnn bench</c>: ticks per second, synaptic events per second, bytes and allocations of a workload.</summary>
    public static class BenchCommand
    {
        /// <summary>Workloads that will come later; asking for one is reported, not guessed.</summary>
        public static readonly string[] PlannedWorkloads = { "eprop", "distal-reward" };

        /// <summary>The matrix run when no size is given: 100 inputs, these hidden sizes, 10 outputs.</summary>
        public static readonly int[] MatrixHidden = { 256, 1024, 4096 };

        /// <summary>Default sizes.</summary>
        public const int DefaultInputs = 100, DefaultHidden = 256, DefaultOutputs = 10;

        /// <summary>Largest total synapse count (weights alone take 2 bytes each).</summary>
        public const long MaxSynapses = 1L << 27;

        /// <summary>Builds the command.</summary>
        public static Command Create(CliContext context)
        {
            string[] workloads = new string[PlannedWorkloads.Length + 1];
            workloads[0] = FeedForwardWorkload.Name;
            Array.Copy(PlannedWorkloads, 0, workloads, 1, PlannedWorkloads.Length);
            Option<string> workload = new Option<string>("--workload")
            {
                Description = "Workload: ff = Bernoulli inputs -> dense -> hidden LIF -> dense -> output LIF (only ff is available so far)",
                DefaultValueFactory = _ => FeedForwardWorkload.Name,
            };
            workload.AcceptOnlyFromAmong(workloads);
            Option<int?> inputs = CliOptions.OptionalInt("--inputs", "Input channels (default " + DefaultInputs + ")", 1, Population.MaxSize);
            Option<int?> hidden = CliOptions.OptionalInt("--hidden", "Hidden LIF neurons (default " + DefaultHidden + ")", 1, Population.MaxSize);
            Option<int?> outputs = CliOptions.OptionalInt("--outputs", "Output LIF neurons (default " + DefaultOutputs + ")", 1, Population.MaxSize);
            Option<int?> steps = CliOptions.OptionalInt("--steps", "Timed ticks per configuration (default: " + BenchDefaults.Describe() + ")", 1, int.MaxValue);
            Option<double> rate = CliOptions.Probability("--input-rate", "Spike probability of each input per tick", 0.05);
            Option<uint> seed = CliOptions.Seed("Seed of the weights and of the input spikes");
            Option<bool> json = CliOptions.Json("Print one JSON object per configuration, one per line");

            Command command = new Command("bench",
                "Measure a workload on one core: ticks/s, synaptic events/s, weight bytes per synapse, footprint and bytes allocated per tick (must be 0). "
                + "Without --inputs/--hidden/--outputs it runs the matrix " + DefaultInputs + " -> {" + string.Join(", ", MatrixHidden) + "} -> " + DefaultOutputs + ".");
            command.Options.Add(workload);
            command.Options.Add(inputs);
            command.Options.Add(hidden);
            command.Options.Add(outputs);
            command.Options.Add(steps);
            command.Options.Add(rate);
            command.Options.Add(seed);
            command.Options.Add(json);
            command.SetAction(parse => CommandRunner.Guard(context, () => Execute(context, parse.GetValue(workload),
                parse.GetValue(inputs), parse.GetValue(hidden), parse.GetValue(outputs), parse.GetValue(steps),
                parse.GetValue(rate), parse.GetValue(seed), parse.GetValue(json))));
            return command;
        }

        private static int Execute(CliContext context, string workload, int? inputs, int? hidden, int? outputs, int? steps,
            double rate, uint seed, bool json)
        {
            if (Array.IndexOf(PlannedWorkloads, workload) >= 0) throw CommandFailure.Usage("workload '" + workload + "' is not available yet");

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
