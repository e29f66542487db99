using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using NanoSnn.Cli.Output;
using Spectre.Console;

namespace NanoSnn.Cli.Bench
{
    /// <summary>Renders benchmark results: a table for people, one JSON object per line for scripts.</summary>
    public static class BenchReport
    {
        /// <summary>Writes one result as a JSON line.</summary>
        public static void WriteJson(TextWriter output, BenchResult r)
        {
            JsonLine.Write(output, w =>
            {
                w.WriteString("workload", r.Workload);
                w.WriteNumber("inputs", r.Inputs);
                w.WriteNumber("hidden", r.Hidden);
                w.WriteNumber("outputs", r.Outputs);
                w.WriteNumber("steps", r.Steps);
                w.WriteNumber("input_rate", r.InputRate);
                w.WriteNumber("input_prob_q16", r.InputProbQ16);
                w.WriteNumber("seed", r.Seed);
                WriteTiming(w, r.WarmupSteps, r.Seconds, r.StepsPerSecond, r.SynapticEvents, r.SynapticEventsPerSecond);
                w.WriteNumber("hidden_rate_hz", Math.Round(r.HiddenRateHz, 3));
                w.WriteNumber("output_rate_hz", Math.Round(r.OutputRateHz, 3));
                w.WriteNumber("synapses", r.Synapses);
                w.WriteNumber("bytes_per_synapse", Math.Round(r.BytesPerSynapse, 4));
                WriteFootprintAndHash(w, r.FootprintBytes, r.AllocatedBytesPerStep, r.StateHash);
            });
        }

        /// <summary>The measurement keys every workload's JSON line has, with their rounding.</summary>
        internal static void WriteTiming(Utf8JsonWriter w, long warmupSteps, double seconds, double stepsPerSecond, long synapticEvents, double synapticEventsPerSecond)
        {
            w.WriteNumber("warmup_steps", warmupSteps);
            w.WriteNumber("seconds", Math.Round(seconds, 6));
            w.WriteNumber("steps_per_s", Math.Round(stepsPerSecond, 1));
            w.WriteNumber("syn_events", synapticEvents);
            w.WriteNumber("syn_events_per_s", Math.Round(synapticEventsPerSecond));
        }

        /// <summary>The closing keys every workload's JSON line has: footprint, allocation, state hash.</summary>
        internal static void WriteFootprintAndHash(Utf8JsonWriter w, long footprintBytes, double allocatedBytesPerStep, uint stateHash)
        {
            w.WriteNumber("footprint_bytes", footprintBytes);
            w.WriteNumber("alloc_bytes_per_step", Math.Round(allocatedBytesPerStep, 3));
            w.WriteString("state_hash", Units.Hash(stateHash));
        }

        /// <summary>Writes all results as one table.</summary>
        public static void WriteTable(IAnsiConsole console, IReadOnlyList<BenchResult> results)
        {
            Table table = new Table().Title("nanosnn bench (one core; timing varies, everything else is deterministic per seed)");
            table.AddColumn("workload");
            table.AddColumn("in -> hidden -> out");
            table.AddColumn(new TableColumn("input p").RightAligned());
            table.AddColumn(new TableColumn("steps").RightAligned());
            table.AddColumn(new TableColumn("steps/s").RightAligned());
            table.AddColumn(new TableColumn("syn events/s").RightAligned());
            table.AddColumn(new TableColumn("hidden Hz").RightAligned());
            table.AddColumn(new TableColumn("out Hz").RightAligned());
            table.AddColumn(new TableColumn("synapses").RightAligned());
            table.AddColumn(new TableColumn("B/synapse").RightAligned());
            table.AddColumn(new TableColumn("footprint B").RightAligned());
            table.AddColumn(new TableColumn("alloc B/step").RightAligned());
            foreach (BenchResult r in results)
            {
                table.AddRow(r.Workload, r.Inputs + " -> " + r.Hidden + " -> " + r.Outputs, Units.Fixed(r.InputRate, 3),
                    Units.Count(r.Steps), Units.Rate(r.StepsPerSecond), Units.Rate(r.SynapticEventsPerSecond),
                    Units.Fixed(r.HiddenRateHz, 1), Units.Fixed(r.OutputRateHz, 1), Units.Count(r.Synapses),
                    Units.Fixed(r.BytesPerSynapse, 2), Units.Count(r.FootprintBytes), Units.Fixed(r.AllocatedBytesPerStep, 1));
            }
            console.Write(table);
        }
    }
}
