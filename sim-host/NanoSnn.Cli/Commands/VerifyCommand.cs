using System;
using System.CommandLine;
using System.IO;
using NanoSnn.Cli.Output;
using NanoSnn.Cli.Telemetry;
using Spectre.Console;

namespace NanoSnn.Cli.Commands
{
    /// <summary><c>nanosnn verify LOG --model FILE</c>: lockstep replay of a telemetry log.</summary>
    public static class VerifyCommand
    {
        /// <summary>Exit code when the replay diverged.</summary>
        public const int Divergence = 1;

        /// <summary>Builds the command.</summary>
        public static Command Create(CliContext context)
        {
            Argument<FileInfo> log = new Argument<FileInfo>("log") { Description = "Telemetry log (format v2), e.g. from 'nanosnn run --record LOG' or captured from a device" };
            Option<FileInfo> model = CliOptions.File("--model", "The model the log starts from (with its state, e.g. 'nanosnn run --save-initial FILE'); required");
            model.Required = true;
            Option<bool> json = CliOptions.Json("Print one JSON object (bit_exact, ticks, first_divergent_tick, ...) instead of tables");
            Command command = new Command("verify",
                "Replay a telemetry log through the core, starting from the model the log starts from, and compare every recorded check. "
                + "Per tick, in the order the device used: reward (if any) via Network.Reward, supervision (if any) via Network.Supervise, "
                + "Network.Step with the recorded input spikes; then the recorded activity (spikes of the non-input populations) and, every "
                + "hash interval, the state hash. Whatever learning rules the model carries learn during the replay exactly as on the device. "
                + "Reports 'bit-exact over N ticks' or the first divergent tick with the log's and the replay's values, the last tick whose "
                + "state hash matched and, when the log has component hashes, which population, projection or rule differs. "
                + "Exit codes: 0 bit-exact; 1 divergence; 2 unreadable input (missing file, bad model, a log header that does not match "
                + "the model or its state, a log with missing ticks or without any state hash).");
            command.Arguments.Add(log);
            command.Options.Add(model);
            command.Options.Add(json);
            command.SetAction(parse => CommandRunner.Guard(context, () => Execute(context, parse.GetValue(log), parse.GetValue(model), parse.GetValue(json))));
            return command;
        }

        private static int Execute(CliContext context, FileInfo log, FileInfo modelFile, bool json)
        {
            Network network = ModelFiles.Load(ModelFiles.Read(modelFile), modelFile.ToString());
            Stream stream = OpenLog(log);
            VerifyResult result;
            try
            {
                result = LockstepVerifier.Verify(network, new TelemetryReader(stream));
            }
            catch (TelemetryMismatchException e)
            {
                throw CommandFailure.Usage(log + ": " + e.Message, e);
            }
            catch (IOException e)
            {
                throw CommandFailure.Runtime("cannot read '" + log + "': " + e.Message, e);
            }
            finally
            {
                stream.Dispose();
            }
            if (json) WriteJson(context.Out, log.ToString(), modelFile.ToString(), result);
            else WriteTables(context.Console, log.ToString(), modelFile.ToString(), result);
            if (result.Diverged) return Divergence;
            if (!result.BitExact)
            {
                context.Error.WriteLine("nanosnn: " + log + ": " + result.IncompleteReason);
                return ExitCodes.Usage;
            }
            return ExitCodes.Ok;
        }

        /// <summary>Opens a log file; a missing file or a directory is bad input (exit 2).</summary>
        public static Stream OpenLog(FileInfo log)
        {
            if (Directory.Exists(log.FullName)) throw CommandFailure.Usage("'" + log + "' is a directory, not a telemetry log");
            if (!log.Exists) throw CommandFailure.Usage("telemetry log '" + log + "' not found");
            try
            {
                return new FileStream(log.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw CommandFailure.Runtime("cannot read '" + log + "': " + e.Message, e);
            }
        }

        private static string Verdict(VerifyResult r)
        {
            long last = r.StartTick + r.Ticks - 1;
            if (r.Diverged) return "DIVERGED at tick " + Units.Count(r.FirstDivergentTick);
            if (r.BitExact) return "bit-exact over " + Units.Count(r.Ticks) + " ticks (ticks " + Units.Count(r.StartTick) + ".." + Units.Count(last) + ")";
            return "not verified: " + r.IncompleteReason + " (" + Units.Count(r.Ticks) + " ticks replayed without divergence)";
        }

        private static string Value(VerifyResult r, long v)
        {
            return r.ValuesAreHashes ? LockstepVerifier.Hash(v) : Units.Count(v) + " spikes";
        }

        private static void WriteTables(IAnsiConsole console, string log, string model, VerifyResult r)
        {
            console.WriteLine("nanosnn verify: " + log + " against " + model);
            Table t = new Table().Title("lockstep replay");
            t.AddColumn("quantity");
            t.AddColumn("value");
            t.AddRow("result", Markup.Escape(Verdict(r)));
            if (r.Diverged)
            {
                t.AddRow("failed check", Markup.Escape(r.DivergentCheck + " after the step of tick " + Units.Count(r.FirstDivergentTick) + ": log "
                    + Value(r, r.LogValue) + ", replay " + Value(r, r.ReplayValue)));
                t.AddRow("last matching state", r.LastMatchingTick < 0
                    ? "only the start state (tick " + Units.Count(r.StartTick) + ") matched"
                    : "state hash after tick " + Units.Count(r.LastMatchingTick) + " matched: the divergence began in ticks "
                        + Units.Count(r.LastMatchingTick + 1) + ".." + Units.Count(r.FirstDivergentTick));
                if (r.DifferingComponents.Count > 0) t.AddRow("differs", Markup.Escape(string.Join(", ", r.DifferingComponents)));
                else if (r.DivergentCheck == "state hash")
                    t.AddRow("differs", r.HasComponentHashes ? "no single component (the combined hash only)" : "unknown: the log has no component hashes");
            }
            t.AddRow("checks passed", Units.Count(r.HashesChecked - (r.Diverged && r.DivergentCheck == "state hash" ? 1 : 0)) + " state hashes, "
                + Units.Count(r.ActivityChecked - (r.Diverged && r.DivergentCheck == "activity" ? 1 : 0)) + " activity counts"
                + (r.FinalHashChecked && !(r.Diverged && r.DivergentCheck == "final state hash") ? ", the final state hash" : ""));
            if (r.Header != null && r.Header.Rules > 0)
                t.AddRow("learning", "on (every rule enabled) in " + Units.Count(r.LearningTicks) + " of " + Units.Count(r.Ticks) + " ticks, switched "
                    + Units.Count(r.LearningSwitches) + (r.LearningSwitches == 1 ? " time" : " times"));
            if (r.Header != null)
                t.AddRow("stream", "start tick " + Units.Count(r.Header.StartTick) + ", hash every " + Units.Count(r.Header.HashIntervalTicks) + " ticks, "
                    + r.Header.Rules + (r.Header.Rules == 1 ? " learning rule" : " learning rules") + (r.HasEnd ? ", end frame present" : ", no end frame (stopped early or still running)")
                    + (r.MoreStreams ? "; a second stream follows (not replayed)" : ""));
            t.AddRow("log", Units.Count(r.FramesRead) + " frames read, " + Units.Count(r.FramesSkipped) + " skipped, " + Units.Count(r.BytesSkipped)
                + " bytes skipped, " + Units.Count(r.FramesLost) + " lost" + (r.DuplicateRecords > 0 ? ", " + Units.Count(r.DuplicateRecords) + " duplicate records ignored" : ""));
            console.Write(t);
        }

        private static void WriteJson(TextWriter output, string log, string model, VerifyResult r)
        {
            JsonLine.Write(output, w =>
            {
                w.WriteString("log", log);
                w.WriteString("model", model);
                w.WriteBoolean("bit_exact", r.BitExact);
                w.WriteNumber("ticks", r.Ticks);
                w.WriteNumber("start_tick", r.StartTick);
                if (r.Diverged) w.WriteNumber("first_divergent_tick", r.FirstDivergentTick); else w.WriteNull("first_divergent_tick");
                if (r.Diverged)
                {
                    w.WriteString("check", r.DivergentCheck);
                    if (r.ValuesAreHashes)
                    {
                        w.WriteString("expected", LockstepVerifier.Hash(r.LogValue));
                        w.WriteString("actual", LockstepVerifier.Hash(r.ReplayValue));
                    }
                    else
                    {
                        w.WriteNumber("expected", r.LogValue);
                        w.WriteNumber("actual", r.ReplayValue);
                    }
                    if (r.LastMatchingTick >= 0) w.WriteNumber("last_matching_tick", r.LastMatchingTick); else w.WriteNull("last_matching_tick");
                    w.WriteStartArray("differing_components");
                    foreach (string c in r.DifferingComponents) w.WriteStringValue(c);
                    w.WriteEndArray();
                }
                w.WriteBoolean("complete", r.Complete);
                if (r.IncompleteReason != null) w.WriteString("incomplete_reason", r.IncompleteReason);
                w.WriteNumber("hashes_checked", r.HashesChecked);
                w.WriteNumber("activity_checked", r.ActivityChecked);
                w.WriteNumber("learning_ticks", r.LearningTicks);
                w.WriteNumber("learning_switches", r.LearningSwitches);
                w.WriteBoolean("final_hash_checked", r.FinalHashChecked);
                w.WriteBoolean("end_frame", r.HasEnd);
                w.WriteNumber("frames_read", r.FramesRead);
                w.WriteNumber("frames_skipped", r.FramesSkipped);
                w.WriteNumber("bytes_skipped", r.BytesSkipped);
                w.WriteNumber("frames_lost", r.FramesLost);
            });
        }
    }
}
