using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using NanoSnn.Cli.Output;
using NanoSnn.Cli.Plots;
using NanoSnn.Cli.Scenarios;
using NanoSnn.Cli.Tasks;
using NanoSnn.Cli.Telemetry;
using NanoSnn.Cli.World;
using Spectre.Console;

namespace NanoSnn.Cli.Commands
{
    /// <summary>
    /// <c>nanosnn run</c>: a controller in the simulated robot world (tasks adapt, avoid, imitate;
    /// adapt by default), or the older open-loop sensor scenario (<c>--task sensor</c>).
    /// </summary>
    public static class RunCommand
    {
        /// <summary>A run still going after this long (ms) shows a live progress bar for the rest.</summary>
        public const int ProgressAfterMilliseconds = 300;

        /// <summary>The task run without --task.</summary>
        public const string DefaultTask = "adapt";

        /// <summary>Longest run accepted, simulated minutes.</summary>
        public const double MaxMinutes = 100_000;

        private const int Chunk = 1000;

        private static readonly string[] Tasks = { "adapt", "avoid", "imitate", "sensor" };

        /// <summary>Builds the command.</summary>
        public static Command Create(CliContext context)
        {
            Option<string> task = CliOptions.Choice("--task", "What to run: adapt (learn obstacle avoidance in arena A, then a change, then back: "
                + "recovery and retention), avoid (a naive R-STDP network learns obstacle avoidance), imitate (e-prop learns a teacher's "
                + "commands, then drives alone), sensor (the open-loop sensor scenario)", DefaultTask, Tasks);
            Option<uint> seed = CliOptions.Seed("Seed of the network's weights, the encoders and the simulated world");
            Option<double?> minutes = CliOptions.OptionalPositive("--minutes", "Simulated minutes of a robot task (default: adapt " + RobotTasks.AdaptMinutes
                + ", avoid " + RobotTasks.AvoidMinutes + ", imitate " + RobotTasks.ImitateMinutes + "; phases keep their proportions)");
            Option<string> arena = new Option<string>("--arena")
            {
                Description = "Arena A of a robot task: a built-in name (" + BuiltInArenas.Describe() + ") or an arena FILE (text: "
                    + "size W H, box X0 Y0 X1 Y1, pillar X Y R, wall X0 Y0 X1 Y1, start X Y HEADING; metres, degrees)",
                HelpName = "NAME|FILE",
            };
            Option<string> arenaB = new Option<string>("--arena-b") { Description = "Arena B of adapt --change arena (default b)", HelpName = "NAME|FILE" };
            Option<string> change = CliOptions.Choice("--change", "What adapt changes after arena A: motor (the right motor loses 30 % of its strength), "
                + "sensor (two distance sensors' cables swapped), arena (the robot is carried to arena B)", "motor", "motor", "sensor", "arena");
            Option<double?> rasterAt = CliOptions.OptionalPositive("--raster-at", "Start of the spike raster's 2-s window, simulated seconds "
                + "(default: the first close encounter in the last fifth of the run)");
            Option<int> steps = CliOptions.Int("--steps", "Sensor task: ticks to simulate (1 ms each for the built-in network)", 10000, 1, int.MaxValue);
            Option<FileInfo> model = CliOptions.File("--model", "Sensor task: simulate this model file instead of the built-in sensor network (it needs "
                + (2 * SensorNetwork.Channels) + " input channels)");
            Option<FileInfo> save = CliOptions.File("--save", "After the run, write the network with its learning rules and state (a checkpoint) to FILE");
            Option<FileInfo> saveInitial = CliOptions.File("--save-initial", "Before the first tick, write the network with its rules and state to FILE: "
                + "the model a recorded log starts from, which 'nanosnn verify LOG --model FILE' needs (the --save checkpoint is the state at the end)");
            Option<FileInfo> record = CliOptions.File("--record", "Write the run's telemetry (format v2, what the firmware sends: input spikes, rewards and "
                + "supervision, learning on or off, sensor samples, commands or PWM duties, activity and state hashes) to FILE, for 'nanosnn verify' and 'nanosnn monitor'");
            Option<int> hashInterval = CliOptions.Int("--hash-interval", "With --record: a state hash (with per-population, projection and rule hashes) "
                + "every N ticks; 0 = only the final hash", 100, 0, 65535);
            Option<int> rewardEvery = CliOptions.Int("--reward-every", "Sensor task: deliver a reward to the model's learning rules (e.g. reward STDP) before "
                + "every N-th tick of the network's life (ticks N-1, 2N-1, ... counted from 0), so that a --model with rules learns; --record logs the "
                + "rewards and 'nanosnn verify' replays them; 0 = no rewards", 0, 0, int.MaxValue);
            Option<double> reward = CliOptions.Number("--reward", "Sensor task, with --reward-every: the size of each reward (Izhikevich 2007 uses 0.5; "
                + "rounded to Q16, 0 delivers nothing)", 0.5, -16, 16);
            Option<bool> json = CliOptions.Json("Print one JSON object instead of tables");
            Option<FileInfo> plot = CliOptions.File("--plot", "Write the SVG figure to FILE (robot tasks: trajectories, learning curves, spike raster, "
                + "weight histograms; default run-TASK-seedS.svg in the current folder. Sensor task: sensors, raster, rates and readouts; only with --plot)");
            Option<bool> noPlot = new Option<bool>("--no-plot") { Description = "Do not write the figure of a robot task" };
            Option<bool> noLearning = new Option<bool>("--no-learning") { Description = "Robot tasks: the control run, the naive controller as built, learning off (same world and noise)" };

            Command command = new Command("run",
                "Simulate a controller in the robot world, the same controller the firmware runs: a differential-drive robot with "
                + new RobotSpec().Sensors + " distance sensors, a bumper and wheel encoders in a 2D arena. Prints live progress, a summary "
                + "table (or one JSON object with --json) and writes an SVG figure. With --task sensor: the open-loop sensor scenario "
                + "(simulated sensor channels, send-on-delta encoded into the reference sensor network).");
            foreach (Option option in new Option[] { task, seed, minutes, arena, arenaB, change, rasterAt, noLearning, steps, model, rewardEvery, reward,
                save, saveInitial, record, hashInterval, json, plot, noPlot })
                command.Options.Add(option);
            command.SetAction(parse => CommandRunner.Guard(context, () =>
            {
                string name = parse.GetValue(task);
                if (name == "sensor")
                {
                    foreach (Option robotOnly in new Option[] { minutes, arena, arenaB, change, rasterAt, noPlot, noLearning })
                        if (Given(parse, robotOnly)) throw CommandFailure.Usage("option " + robotOnly.Name + " applies to the robot tasks, not to --task sensor");
                    return ExecuteSensor(context, parse.GetValue(steps), parse.GetValue(seed), parse.GetValue(model), parse.GetValue(save), parse.GetValue(json),
                        parse.GetValue(plot), parse.GetValue(saveInitial), parse.GetValue(record), parse.GetValue(hashInterval), parse.GetValue(rewardEvery), parse.GetValue(reward));
                }
                foreach (Option sensorOnly in new Option[] { steps, model, rewardEvery, reward })
                    if (Given(parse, sensorOnly)) throw CommandFailure.Usage("option " + sensorOnly.Name + " applies to --task sensor; robot tasks take --minutes");
                if (name != "adapt" && (Given(parse, change) || Given(parse, arenaB)))
                    throw CommandFailure.Usage("options --change and --arena-b apply to --task adapt");
                var options = new RobotTaskOptions
                {
                    Seed = parse.GetValue(seed),
                    Minutes = parse.GetValue(minutes) ?? 0,
                    Arena = ResolveArena(parse.GetValue(arena), "--arena"),
                    ArenaB = ResolveArena(parse.GetValue(arenaB), "--arena-b"),
                    Change = Enum.Parse<WorldChange>(parse.GetValue(change), true),
                    RasterAtSeconds = parse.GetValue(rasterAt) ?? -1,
                    Learning = !parse.GetValue(noLearning),
                };
                if (options.Minutes > MaxMinutes) throw CommandFailure.Usage("option --minutes: " + options.Minutes.ToString("R", CultureInfo.InvariantCulture)
                    + " is too long; use at most " + MaxMinutes.ToString(CultureInfo.InvariantCulture));
                if (options.Minutes > 0 && options.Minutes * 60000 < 10) throw CommandFailure.Usage("option --minutes: "
                    + options.Minutes.ToString("R", CultureInfo.InvariantCulture) + " is shorter than a few ticks; use at least 0.001");
                string plotPath = ExperimentCommand.PlotPath(parse.GetValue(plot), parse.GetValue(noPlot),
                    "run-" + name + "-seed" + options.Seed.ToString(CultureInfo.InvariantCulture) + (options.Learning ? "" : "-no-learning") + ".svg");
                return ExecuteRobot(context, name, options, parse.GetValue(save), parse.GetValue(saveInitial), parse.GetValue(record), parse.GetValue(hashInterval),
                    parse.GetValue(json), plotPath);
            }));
            return command;
        }

        private static bool Given(ParseResult parse, Option option)
        {
            OptionResult result = parse.GetResult(option);
            return result != null && !result.Implicit;
        }

        /// <summary>A built-in arena by name, else an arena file; null when <paramref name="value"/> is null.</summary>
        private static Arena ResolveArena(string value, string option)
        {
            if (value == null) return null;
            Arena builtIn = BuiltInArenas.Find(value);
            if (builtIn != null) return builtIn;
            if (Directory.Exists(value)) throw CommandFailure.Usage("option " + option + ": '" + value + "' is a directory, not an arena file");
            if (!File.Exists(value))
                throw CommandFailure.Usage("option " + option + ": '" + value + "' is neither a built-in arena (" + string.Join(", ", BuiltInArenas.Names) + ") nor a file");
            string text;
            try
            {
                text = File.ReadAllText(value);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw CommandFailure.Runtime("cannot read the arena " + value + ": " + e.Message, e);
            }
            try
            {
                return ArenaParser.Parse(text, value);
            }
            catch (ArenaFormatException e)
            {
                throw CommandFailure.Usage(e.Message, e);
            }
        }

        private static int ExecuteRobot(CliContext context, string task, RobotTaskOptions options, FileInfo save, FileInfo saveInitial, FileInfo record,
            int hashInterval, bool json, string plotPath)
        {
            double total = options.Minutes > 0 ? options.Minutes : RobotTasks.DefaultMinutes(task);
            var files = new RunFiles();
            TelemetryRecorder telemetry = null;
            // Before the first tick, with the controller wired: the model a log starts from, and the log's header.
            options.Started = controller =>
            {
                if (saveInitial != null) files.SavedInitialBytes = ModelFiles.Save(controller.Network, true, saveInitial);
                if (record != null) telemetry = RecordController(controller, record, hashInterval);
            };
            RobotTaskResult result;
            try
            {
                result = ExperimentCommand.WithProgress(context, json, task + " seed " + options.Seed, total,
                    report => RobotTasks.Run(task, options, (minute, status) => report(minute, status)));
                telemetry?.Finish();
            }
            catch (ArgumentException e)
            {
                // A start pose inside an obstacle, a robot that cannot be built: bad input.
                throw CommandFailure.Usage(e.Message, e);
            }
            finally
            {
                telemetry?.Dispose();
            }
            if (plotPath != null) ExperimentCommand.SavePlot(RobotFigure.Build(result), plotPath);
            files.SavedBytes = save == null ? 0 : ModelFiles.Save(result.Network, true, save);
            if (telemetry != null) files.Recorded(record.ToString(), telemetry.Writer);
            if (json)
            {
                RobotReport.WriteJson(context.Out, result, (options.Arena ?? options.ArenaA).Name,
                    task == "adapt" && options.Change == WorldChange.Arena ? options.ArenaBResolved.Name : null,
                    task == "adapt" ? options.Change.ToString().ToLowerInvariant() : null, plotPath, files);
            }
            else
            {
                RobotReport.WriteTables(context.Console, result, plotPath, save?.ToString(), files);
            }
            return ExitCodes.Ok;
        }

        /// <summary>Records a robot run's controller to <paramref name="file"/> through the core's <see cref="TelemetryObserver"/>.</summary>
        private static TelemetryRecorder RecordController(Controller controller, FileInfo file, int hashInterval)
        {
            try
            {
                return TelemetryRecorder.ForController(controller, new TelemetryOptions { HashIntervalTicks = hashInterval, ComponentHashes = true }, file.FullName);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw CommandFailure.Runtime("cannot write the telemetry log " + file + ": " + e.Message, e);
            }
        }

        private static int ExecuteSensor(CliContext context, int steps, uint seed, FileInfo model, FileInfo save, bool json, FileInfo plot,
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
                report.Files.SavedInitialBytes = savedInitial;
                if (telemetry != null) report.Files.Recorded(record.ToString(), telemetry.Recorder.Writer);
                if (save != null) report.Files.SavedBytes = ModelFiles.Save(network, true, save);
                if (plot != null)
                {
                    try
                    {
                        recorder.Figure("nanosnn run --task sensor: " + (model == null ? "built-in sensor network" : model.Name) + ", seed " + seed + ", "
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
