using System;
using System.Globalization;
using System.IO;
using NanoSnn.Cli.Tasks;
using Spectre.Console;

namespace NanoSnn.Cli.Output
{
    /// <summary>The summary of a robot task run: tables for people, one JSON object for scripts.</summary>
    public static class RobotReport
    {
        /// <summary>Renders the summary as a header line, a metric table and the acceptance checks.</summary>
        public static void WriteTables(IAnsiConsole console, RobotTaskResult r, string plotPath, string savedTo, RunFiles files)
        {
            Network net = r.Network;
            console.WriteLine("nanosnn run: task " + r.Task + ", seed " + r.Seed + ", " + Units.Fixed(r.Minutes, 2) + " simulated minutes ("
                + Units.Count(r.Ticks) + " ticks of " + Units.Time(net.DtUs) + ") in " + Units.Fixed(r.WallSeconds, 1) + " s");
            console.WriteLine(r.Setup);
            Table table = new Table().Title("results");
            table.AddColumn("metric");
            table.AddColumn(new TableColumn("value").RightAligned());
            foreach (RobotMetric m in r.Metrics)
                table.AddRow(Markup.Escape(m.Label), Markup.Escape(Cell(m)));
            table.AddRow("network", Markup.Escape(Units.Count(net.SynapseCount) + " synapses, footprint " + Units.Count(net.FootprintBytes) + " B"));
            table.AddRow("final tick / state hash", Markup.Escape(Units.Count(net.Tick) + " / " + Units.Hash(r.StateHash)));
            console.Write(table);
            Table checks = new Table().Title("acceptance");
            checks.AddColumn("criterion");
            checks.AddColumn("met");
            foreach (var (criterion, met) in r.Checks) checks.AddRow(Markup.Escape(criterion), met ? "yes" : "NO");
            console.Write(checks);
            if (plotPath != null) console.WriteLine("plot: " + plotPath);
            if (savedTo != null) console.WriteLine("saved: " + savedTo + " (" + Units.Count(files.SavedBytes) + " B, with rules and state)");
            if (files.SavedInitialBytes > 0) console.WriteLine("saved initial: " + Units.Count(files.SavedInitialBytes) + " B, the state before the first tick");
            if (files.RecordPath != null)
                console.WriteLine("recorded: " + files.RecordPath + " (" + Units.Count(files.RecordBytes) + " B in " + Units.Count(files.RecordFrames) + " frames, "
                    + Units.Fixed(files.BytesPerTick, 2) + " B per tick)" + (files.RecordLearningSwitches > 0 ? "; learning switched " + Units.Count(files.RecordLearningSwitches)
                    + (files.RecordLearningSwitches == 1 ? " time" : " times") + ", recorded" : ""));
        }

        /// <summary>Writes one JSON object on one line.</summary>
        public static void WriteJson(TextWriter output, RobotTaskResult r, string arena, string arenaB, string change, string plotPath, RunFiles files)
        {
            JsonLine.Write(output, w =>
            {
                w.WriteString("task", r.Task);
                w.WriteNumber("seed", r.Seed);
                w.WriteNumber("minutes", r.Minutes);
                w.WriteNumber("ticks", r.Ticks);
                w.WriteString("arena", arena);
                if (arenaB != null) w.WriteString("arena_b", arenaB);
                if (change != null) w.WriteString("change", change);
                foreach (RobotMetric m in r.Metrics)
                {
                    if (double.IsNaN(m.Value) || double.IsInfinity(m.Value)) w.WriteNull(m.Key);
                    else w.WriteNumber(m.Key, Math.Round(m.Value, 4));
                }
                w.WriteStartArray("checks");
                foreach (var (criterion, met) in r.Checks)
                {
                    w.WriteStartObject();
                    w.WriteString("criterion", criterion);
                    w.WriteBoolean("met", met);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteNumber("synapses", r.Network.SynapseCount);
                w.WriteNumber("footprint_bytes", r.Network.FootprintBytes);
                w.WriteString("state_hash", Units.Hash(r.StateHash));
                w.WriteNumber("seconds", Math.Round(r.WallSeconds, 3));
                if (plotPath == null) w.WriteNull("plot"); else w.WriteString("plot", plotPath);
                files.WriteJson(w, true);
            });
        }

        private static string Cell(RobotMetric m)
        {
            if (double.IsNaN(m.Value)) return "n/a";
            string v = m.Value.ToString(m.Format, CultureInfo.InvariantCulture);
            return m.Unit.Length == 0 ? v : v + " " + m.Unit;
        }
    }
}
