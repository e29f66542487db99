using System;
using System.CommandLine;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using NanoSnn.Cli.Output;
using NanoSnn.Cli.Telemetry;
using Spectre.Console;

namespace NanoSnn.Cli.Commands
{
    /// <summary><c>nanosnn monitor (--file CAPTURE | --udp PORT)</c>: live figures of a telemetry stream.</summary>
    public static class MonitorCommand
    {
        /// <summary>Builds the command.</summary>
        public static Command Create(CliContext context)
        {
            Option<FileInfo> file = CliOptions.File("--file", "Read a telemetry capture file (e.g. from 'nanosnn run --record' or a serial capture) to its end, then print a summary");
            Option<int?> udp = CliOptions.OptionalInt("--udp", "Listen for telemetry datagrams on this UDP port (all local addresses) until --duration, --frames or Ctrl+C", 1, 65535);
            Option<double> duration = new Option<double>("--duration") { Description = "With --udp: stop after this many seconds; 0 = until --frames or Ctrl+C [>= 0]" };
            duration.Validators.Add(result =>
            {
                double v = result.GetValueOrDefault<double>();
                if (!(v >= 0) || double.IsInfinity(v)) result.AddError("option --duration: " + v + " is not valid; use a number of seconds >= 0");
            });
            Option<int?> frames = CliOptions.OptionalInt("--frames", "Stop after this many valid frames", 1, int.MaxValue);
            Option<int> interval = CliOptions.Int("--interval", "Milliseconds between two updates of the live display or two plain status lines", 1000, 50, 60000);
            Option<bool> json = CliOptions.Json("Print one JSON object with the summary at the end (ticks, rates, rewards, frames read/skipped/lost) instead of tables");
            Command command = new Command("monitor",
                "Watch a telemetry stream (format v2): the latest tick, input spike rate per channel, network spike rate, rewards, the decoded outputs, "
                + "whether learning is on (the rules' enabled flags) and how often it was switched, state hashes, and the frames read, skipped (damaged) and lost (sequence gaps), with ticks missing. On an interactive terminal a live "
                + "table refreshes every --interval; otherwise one plain line per interval. --file ends at the end of the file; --udp ends after --duration "
                + "seconds, --frames frames or Ctrl+C. Exit codes: 0 ok, 1 socket or read failure, 2 bad input.");
            foreach (Option o in new Option[] { file, udp, duration, frames, interval, json }) command.Options.Add(o);
            command.Validators.Add(result =>
            {
                bool hasFile = result.GetResult(file) != null, hasUdp = result.GetResult(udp) != null;
                if (hasFile == hasUdp) result.AddError("give exactly one of --file CAPTURE or --udp PORT");
            });
            command.SetAction(parse => CommandRunner.Guard(context, () => Execute(context, parse.GetValue(file), parse.GetValue(udp), parse.GetValue(duration),
                parse.GetValue(frames), parse.GetValue(interval), parse.GetValue(json))));
            return command;
        }

        private static int Execute(CliContext context, FileInfo file, int? udp, double duration, int? maxFrames, int interval, bool json)
        {
            TelemetryStats stats = new TelemetryStats();
            TelemetryDecoder decoder;
            string source;
            if (file != null)
            {
                source = file.ToString();
                using Stream stream = VerifyCommand.OpenLog(file);
                TelemetryReader reader = new TelemetryReader(stream);
                decoder = reader.Decoder;
                try
                {
                    for (TelemetryFrame f = reader.Next(); f != null; f = reader.Next())
                    {
                        stats.Add(f);
                        if (maxFrames.HasValue && decoder.FramesRead >= maxFrames.Value) break;
                    }
                }
                catch (IOException e)
                {
                    throw CommandFailure.Runtime("cannot read '" + file + "': " + e.Message, e);
                }
            }
            else
            {
                source = "udp:" + udp.Value;
                decoder = new TelemetryDecoder();
                Listen(context, udp.Value, duration, maxFrames, interval, json, stats, decoder);
            }
            if (json) WriteJson(context.Out, source, stats, decoder);
            else context.Console.Write(Summary(source, stats, decoder, true));
            return ExitCodes.Ok;
        }

        private static void Listen(CliContext context, int port, double duration, int? maxFrames, int interval, bool json, TelemetryStats stats, TelemetryDecoder decoder)
        {
            UdpClient client;
            try
            {
                client = new UdpClient(new IPEndPoint(IPAddress.Any, port));
            }
            catch (SocketException e)
            {
                throw CommandFailure.Runtime("cannot listen on UDP port " + port + ": " + e.Message, e);
            }
            using (client)
            using (CancellationTokenSource stop = new CancellationTokenSource())
            {
                ConsoleCancelEventHandler onCancel = (s, e) => { e.Cancel = true; stop.Cancel(); };
                Console.CancelKeyPress += onCancel;
                try
                {
                    Stopwatch clock = Stopwatch.StartNew();
                    bool Done() => stop.IsCancellationRequested || (duration > 0 && clock.Elapsed.TotalSeconds >= duration)
                        || (maxFrames.HasValue && decoder.FramesRead >= maxFrames.Value);
                    void Pump(Action refresh)
                    {
                        long nextRefresh = interval;
                        client.Client.ReceiveTimeout = 50;
                        IPEndPoint from = new IPEndPoint(IPAddress.Any, 0);
                        while (!Done())
                        {
                            try
                            {
                                byte[] datagram = client.Receive(ref from);
                                for (int at = 0; at < datagram.Length;)
                                {
                                    at += decoder.Write(datagram, at, datagram.Length - at);
                                    while (!Done() && decoder.TryRead(out TelemetryFrame f)) stats.Add(f);
                                }
                            }
                            catch (SocketException e) when (e.SocketErrorCode == SocketError.TimedOut || e.SocketErrorCode == SocketError.WouldBlock)
                            {
                            }
                            if (clock.ElapsedMilliseconds >= nextRefresh)
                            {
                                nextRefresh = clock.ElapsedMilliseconds + interval;
                                refresh();
                                stats.Window.Clear();
                            }
                        }
                    }

                    string source = "udp:" + port;
                    if (context.LiveProgress && !json)
                    {
                        context.Console.Live(Summary(source, stats, decoder, false)).AutoClear(true)
                            .Start(live => Pump(() => live.UpdateTarget(Summary(source, stats, decoder, false))));
                    }
                    else if (!json)
                    {
                        context.Out.WriteLine("nanosnn monitor: listening on UDP port " + port);
                        Pump(() => context.Out.WriteLine(StatusLine(stats, decoder)));
                    }
                    else Pump(() => { });
                }
                catch (SocketException e)
                {
                    throw CommandFailure.Runtime("UDP receive failed on port " + port + ": " + e.Message, e);
                }
                finally
                {
                    Console.CancelKeyPress -= onCancel;
                }
            }
        }

        /// <summary>One plain status line: the window's rates since the previous line.</summary>
        private static string StatusLine(TelemetryStats s, TelemetryDecoder d)
        {
            return "tick " + (s.LastTick < 0 ? "-" : Units.Count(s.LastTick)) + "  in " + Units.Fixed(s.InputRateHz(s.Window), 2) + " Hz/ch  network "
                + Units.Fixed(s.NetworkSpikesPerSecond(s.Window), 1) + " spikes/s  rewards " + s.Window.Rewards + "  outputs " + s.OutputsText()
                + "  frames " + d.FramesRead + " read, " + d.FramesSkipped + " skipped, " + d.FramesLost + " lost, " + Units.Count(s.TicksMissing) + " ticks missing";
        }

        private static Table Summary(string source, TelemetryStats s, TelemetryDecoder d, bool final)
        {
            Table t = new Table().Title(Markup.Escape("nanosnn monitor: " + source + (final ? " (summary)" : " (live)")));
            t.AddColumn("quantity");
            t.AddColumn("value");
            TelemetryStats.Span span = final ? s.Total : s.Window;
            string over = final ? "" : " (last interval)";
            t.AddRow("stream", s.Header == null ? "no stream header seen" : Markup.Escape("dt " + Units.Time(s.Header.DtUs) + ", " + s.Header.InputSize
                + " inputs, seed " + s.Header.Seed + ", start tick " + Units.Count(s.Header.StartTick) + ", hash every " + s.Header.HashIntervalTicks + " ticks"
                + (s.Streams > 1 ? ", " + s.Streams + " streams (restarts)" : "")));
            t.AddRow("tick", s.LastTick < 0 ? "-" : Units.Count(s.LastTick));
            t.AddRow("ticks received", Units.Count(s.Total.Ticks) + ", " + Units.Count(s.TicksMissing) + " missing");
            t.AddRow("input rate" + over, Units.Fixed(s.InputRateHz(span), 2) + " Hz per channel (" + Units.Count(span.InputSpikes) + " spikes)");
            t.AddRow("network rate" + over, span.ActivityTicks == 0 ? "not recorded" : Units.Fixed(s.NetworkSpikesPerSecond(span), 1) + " spikes/s");
            t.AddRow("rewards" + over, Units.Count(span.Rewards) + (span.Rewards == 0 ? "" : ", mean " + Units.Fixed(TelemetryStats.MeanReward(span), 3))
                + (s.LastRewardTick < 0 ? "" : "; last " + Units.Q16(s.LastRewardQ16) + " at tick " + Units.Count(s.LastRewardTick)));
            if (span.Supervised > 0) t.AddRow("supervised ticks" + over, Units.Count(span.Supervised));
            if (s.RulesEnabled != null && s.RulesEnabled.Length > 0)
                t.AddRow("learning", Markup.Escape(s.LearningText() + "; on in " + Units.Count(span.LearningTicks) + " of " + Units.Count(span.Ticks) + " ticks" + over
                    + ", switched " + Units.Count(s.LearningSwitches) + (s.LearningSwitches == 1 ? " time" : " times")));
            t.AddRow("outputs", Markup.Escape(s.OutputsText()));
            t.AddRow("state hash", s.LastHashTick < 0 ? "-" : Units.Hash(s.LastHash) + " after tick " + Units.Count(s.LastHashTick) + " (" + Units.Count(s.Hashes) + " received)");
            t.AddRow("frames", Units.Count(d.FramesRead) + " read, " + Units.Count(d.FramesSkipped) + " skipped, " + Units.Count(d.FramesLost) + " lost, "
                + Units.Count(d.BytesSkipped) + " bytes skipped");
            if (final) t.AddRow("end frame", s.End == null ? "not seen" : "final tick " + Units.Count(s.End.FinalTick) + ", state hash " + Units.Hash(s.End.FinalStateHash));
            return t;
        }

        private static void WriteJson(TextWriter output, string source, TelemetryStats s, TelemetryDecoder d)
        {
            JsonLine.Write(output, w =>
            {
                w.WriteString("source", source);
                w.WriteBoolean("header", s.Header != null);
                if (s.Header != null) w.WriteNumber("dt_us", s.Header.DtUs);
                w.WriteNumber("streams", s.Streams);
                if (s.LastTick >= 0) w.WriteNumber("tick", s.LastTick); else w.WriteNull("tick");
                w.WriteNumber("ticks", s.Total.Ticks);
                w.WriteNumber("ticks_missing", s.TicksMissing);
                w.WriteNumber("input_spikes", s.Total.InputSpikes);
                w.WriteNumber("input_rate_hz", Math.Round(s.InputRateHz(s.Total), 4));
                w.WriteNumber("network_spikes", s.Total.NetworkSpikes);
                w.WriteNumber("network_spikes_per_s", Math.Round(s.NetworkSpikesPerSecond(s.Total), 3));
                w.WriteNumber("rewards", s.Total.Rewards);
                w.WriteNumber("reward_sum", Math.Round(s.Total.RewardSumQ16 / 65536.0, 6));
                w.WriteNumber("supervised_ticks", s.Total.Supervised);
                w.WriteString("learning", s.LearningText());
                w.WriteNumber("learning_ticks", s.Total.LearningTicks);
                w.WriteNumber("learning_switches", s.LearningSwitches);
                w.WriteStartArray("outputs");
                if (s.Outputs != null) foreach (int o in s.Outputs) w.WriteNumberValue(o);
                w.WriteEndArray();
                w.WriteNumber("hashes", s.Hashes);
                if (s.LastHashTick >= 0) w.WriteString("last_hash", Units.Hash(s.LastHash)); else w.WriteNull("last_hash");
                w.WriteBoolean("end_frame", s.End != null);
                w.WriteNumber("frames_read", d.FramesRead);
                w.WriteNumber("frames_skipped", d.FramesSkipped);
                w.WriteNumber("frames_lost", d.FramesLost);
                w.WriteNumber("bytes_skipped", d.BytesSkipped);
            });
        }
    }
}
