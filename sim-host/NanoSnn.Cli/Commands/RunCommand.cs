using System;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using NanoSnn.Cli.Output;
using NanoSnn.Cli.Plots;
using NanoSnn.Cli.Scenarios;
using NanoSnn.Cli.Telemetry;
using Spectre.Console;

namespace NanoSnn.Cli.Commands
{
    /// <summary><c>nanosnn run</c>: simulates the default sensor scenario and prints a summary.</summary>
    public static class RunCommand
    {
        /// <summary>A run still going after this long (ms) shows a live progress bar for the rest.</summary>
        public const int ProgressAfterMilliseconds = 300;

        private const int Chunk = 1000;

        /// <summary>Builds the command.</summary>
        public static Command Create(CliContext context)
        {
            Option<int> steps = CliOptions.Int("--steps", "Ticks to simulate (1 ms each for the built-in network)", 10000, 1, int.MaxValue);
            Option<uint> seed = CliOptions.Seed("Seed of the network's weights and of the simulated sensors");
            Option<FileInfo> model = CliOptions.File("--model", "Simulate this model file instead of the built-in sensor network (it needs "
                + (2 * SensorNetwork.Channels) + " input channels)");
            Option<FileInfo> save = CliOptions.File("--save", "After the run, write the network with its state (a checkpoint) to FILE");
            Option<FileInfo> saveInitial = CliOptions.File("--save-initial", "Before the first tick, write the network with its state to FILE: "
                + "the model a recorded log starts from, which 'nanosnn verify LOG --model FILE' needs (the --save checkpoint is the state at the end)");
            Option<FileInfo> record = CliOptions.File("--record", "Write the run's telemetry (format v1: inputs, sensor samples, PWM duties, activity and "
                + "state hashes) to FILE, for 'nanosnn verify' and 'nanosnn monitor'");
            Option<int> hashInterval = CliOptions.Int("--hash-interval", "With --record: a state hash (with per-population, projection and rule hashes) "
                + "every N ticks; 0 = only the final hash", 100, 0, 65535);
            Option<int> rewardEvery = CliOptions.Int("--reward-every", "Deliver a reward to the model's learning rules (e.g. reward STDP) before every "
                + "N-th tick of the network's life (ticks N-1, 2N-1, ... counted from 0), so that a --model with rules learns; --record logs the "
                + "rewards and 'nanosnn verify' replays them; 0 = no rewards", 0, 0, int.MaxValue);
            Option<double> reward = CliOptions.Number("--reward", "With --reward-every: the size of each reward (Izhikevich 2007 uses 0.5; "
                + "rounded to Q16, 0 delivers nothing)", 0.5, -16, 16);
            Option<bool> json = CliOptions.Json("Print one JSON object instead of tables");
            Option<FileInfo> plot = CliOptions.File("--plot", "Write an SVG figure of the run to FILE: sensor samples, a spike raster of the first "
                + RunRecorder.RasterTicks + " ticks, population rates and readouts");

            Command command = new Command("run",
                "Simulate the built-in sensor scenario: " + SensorNetwork.Channels + " simulated sensor channels (slow sines plus noise, about ±1000 units), "
                + "send-on-delta encoded (delta " + SensorNetwork.SensorDelta + ") into the reference sensor network; prints rates, synaptic events, "
                + "footprint, the decoded PWM duties and the final state hash. A --model's learning rules run every tick; --reward-every "
                + "gives reward-modulated ones a reward schedule.");
            command.Options.Add(steps);
            command.Options.Add(seed);
            command.Options.Add(model);
            command.Options.Add(save);
            command.Options.Add(saveInitial);
            command.Options.Add(record);
            command.Options.Add(hashInterval);
            command.Options.Add(rewardEvery);
            command.Options.Add(reward);
            command.Options.Add(json);
            command.Options.Add(plot);
            command.SetAction(parse => CommandRunner.Guard(context, () => Execute(context,
                parse.GetValue(steps), parse.GetValue(seed), parse.GetValue(model), parse.GetValue(save), parse.GetValue(json), parse.GetValue(plot),
                parse.GetValue(saveInitial), parse.GetValue(record), parse.GetValue(hashInterval), parse.GetValue(rewardEvery), parse.GetValue(reward))));
            return command;
        }

        private static int Execute(CliContext context, int steps, uint seed, FileInfo model, FileInfo save, bool json, FileInfo plot,
            FileInfo saveInitial, FileInfo record, int hashInterval, int rewardEvery, double reward)
        {
            Network network = model == null ? SensorNetwork.Build(seed) : ModelFiles.Load(ModelFiles.Read(model), model.ToString());
            SensorScenario scenario;
            try
            {
                scenario = new SensorScenario(network, seed);
            }
            catch (ArgumentException e)
            {
                throw CommandFailure.Usage((model == null ? "" : model + ": ") + e.Message, e);
            }
            scenario.RewardEveryTicks = rewardEvery;
            scenario.RewardQ16 = (int)Math.Round(reward * FixedPoint.OneQ16);
            network.ResetCounters();
            long firstTick = network.Tick;

            int savedInitial = saveInitial == null ? 0 : ModelFiles.Save(network, true, saveInitial);
            RunRecorder recorder = plot == null ? null : new RunRecorder(scenario, steps);
            using (ScenarioTelemetry telemetry = record == null ? null : ScenarioTelemetry.Open(scenario, record, hashInterval))
            {
                Simulate(context.LiveProgress && !json ? context.Console : null, scenario, recorder, telemetry, steps);
                if (telemetry != null) telemetry.Finish();

                RunReport report = new RunReport(scenario, model == null ? null : model.ToString(), seed, steps, firstTick);
                report.SavedInitialBytes = savedInitial;
                if (telemetry != null) report.Recorded(record.ToString(), telemetry.Recorder.Writer);
                return Report(context, report, network, save, json, plot, recorder, model, seed, steps);
            }
        }

        private static int Report(CliContext context, RunReport report, Network network, FileInfo save, bool json, FileInfo plot, RunRecorder recorder,
            FileInfo model, uint seed, int steps)
        {
            if (save != null) report.SavedBytes = ModelFiles.Save(network, true, save);
            if (plot != null)
            {
                try
                {
                    recorder.Figure("nanosnn run: " + (model == null ? "built-in sensor network" : model.Name) + ", seed " + seed + ", "
                        + steps.ToString("N0", CultureInfo.InvariantCulture) + " ticks").Save(plot.FullName);
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    throw CommandFailure.Runtime("cannot write the plot " + plot + ": " + e.Message, e);
                }
            }
            if (json) report.WriteJson(context.Out);
            else report.WriteTables(context.Console, save == null ? null : save.ToString());
            return ExitCodes.Ok;
        }

        /// <summary>The sensor scenario's telemetry: spikes, sensor samples and PWM duties of every tick.</summary>
        private sealed class ScenarioTelemetry : IDisposable
        {
            private readonly SensorScenario _scenario;
            private readonly int[] _duties;

            private ScenarioTelemetry(SensorScenario scenario, TelemetryRecorder recorder, int outputs)
            {
                _scenario = scenario;
                Recorder = recorder;
                _duties = new int[Math.Max(outputs, scenario.Readout == null ? 0 : scenario.Readout.Size)];
            }

            public readonly TelemetryRecorder Recorder;

            public static ScenarioTelemetry Open(SensorScenario scenario, FileInfo file, int hashInterval)
            {
                int outputs = scenario.Readout == null ? 0 : Math.Min(scenario.Readout.Size, 255);
                TelemetryOptions options = new TelemetryOptions
                {
                    HashIntervalTicks = hashInterval,
                    SensorChannels = scenario.Samples.Length,
                    OutputChannels = outputs,
                    ComponentHashes = true,
                };
                try
                {
                    return new ScenarioTelemetry(scenario, new TelemetryRecorder(scenario.Network, options, file.FullName), outputs);
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    throw CommandFailure.Runtime("cannot write the telemetry log " + file + ": " + e.Message, e);
                }
                catch (ArgumentException e)
                {
                    throw CommandFailure.Usage("cannot record this network: " + e.Message, e);
                }
            }

            public void Tick()
            {
                _scenario.DecodeDuties(_duties);
                Recorder.Tick(_scenario.Spikes, _scenario.SpikeCount, _scenario.DeliveredRewardQ16, _scenario.Samples, _duties);
            }

            public void Finish()
            {
                Recorder.Finish();
            }

            public void Dispose()
            {
                Recorder.Dispose();
            }
        }

        private static void Tick(SensorScenario scenario, RunRecorder recorder, ScenarioTelemetry telemetry)
        {
            scenario.Tick();
            if (recorder != null) recorder.Record();
            if (telemetry != null) telemetry.Tick();
        }

        // Ticks without output first; only a run that is still going after ProgressAfterMilliseconds
        // gets a progress bar, so short runs print nothing but their summary.
        private static void Simulate(IAnsiConsole live, SensorScenario scenario, RunRecorder recorder, ScenarioTelemetry telemetry, int steps)
        {
            Stopwatch clock = Stopwatch.StartNew();
            int done = 0;
            while (done < steps && (live == null || clock.ElapsedMilliseconds < ProgressAfterMilliseconds))
            {
                int n = Math.Min(Chunk, steps - done);
                for (int t = 0; t < n; t++) Tick(scenario, recorder, telemetry);
                done += n;
            }
            if (done == steps) return;
            int start = done;
            live.Progress()
                .AutoClear(true)
                .Columns(new ProgressColumn[]
                {
                    new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                    new ElapsedTimeColumn(), new RemainingTimeColumn(),
                })
                .Start(progress =>
                {
                    ProgressTask task = progress.AddTask("simulating " + steps.ToString("N0", CultureInfo.InvariantCulture) + " ticks", true, steps);
                    task.Value = start;
                    for (int at = start; at < steps;)
                    {
                        int n = Math.Min(Math.Max(Chunk, steps / 1000), steps - at);
                        for (int t = 0; t < n; t++) Tick(scenario, recorder, telemetry);
                        at += n;
                        task.Value = at;
                    }
                });
        }
    }
}
