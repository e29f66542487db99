using System.IO;
using NanoSnn.Cli.Inspect;
using NanoSnn.Cli.Scenarios;
using Spectre.Console;

namespace NanoSnn.Cli.Output
{
    /// <summary>The summary of a <c>nanosnn run</c>: gathered once after the run, rendered as tables or one JSON object.</summary>
    public sealed class RunReport
    {
        private readonly Network _network;
        private readonly SensorScenario _scenario;
        private readonly string _model;
        private readonly uint _seed;
        private readonly int _steps;
        private readonly long _firstTick;
        private readonly double _seconds;
        private readonly uint _stateHash;

        /// <summary>Gathers the figures of a finished run of <paramref name="steps"/> ticks that started at tick <paramref name="firstTick"/>.</summary>
        public RunReport(SensorScenario scenario, string model, uint seed, int steps, long firstTick)
        {
            _scenario = scenario;
            _network = scenario.Network;
            _model = model;
            _seed = seed;
            _steps = steps;
            _firstTick = firstTick;
            _seconds = steps * (double)_network.DtUs / 1e6;
            _stateHash = _network.ComputeStateHash();
        }

        /// <summary>The checkpoints and the telemetry log the run wrote.</summary>
        public readonly RunFiles Files = new RunFiles();

        /// <summary>Mean firing rate of a spiking population over the run, Hz.</summary>
        public double RateHz(Population population)
        {
            return population.TotalSpikes / (double)population.Size / _seconds;
        }

        /// <summary>Bytes of projection parameters (weights plus connectivity) per synapse.</summary>
        public double ConnectivityBytesPerSynapse
        {
            get
            {
                long bytes = 0;
                foreach (Projection projection in _network.Projections) bytes += projection.ParameterBytes;
                int synapses = _network.SynapseCount;
                return synapses == 0 ? 0 : bytes / (double)synapses;
            }
        }

        /// <summary>Renders the summary as tables.</summary>
        public void WriteTables(IAnsiConsole console, string savedTo)
        {
            string source = _model == null ? "built-in sensor network" : "model " + _model;
            console.WriteLine("nanosnn run: scenario " + SensorScenario.Name + ", " + source + ", seed " + _seed + ", "
                + Units.Count(_steps) + " ticks of " + Units.Time(_network.DtUs) + " (" + Units.Fixed(_seconds, 3) + " s simulated)"
                + (_firstTick != 0 ? ", resumed at tick " + Units.Count(_firstTick) : ""));

            Table populations = new Table().Title("populations");
            populations.AddColumn("population");
            populations.AddColumn("kind");
            populations.AddColumn(new TableColumn("size").RightAligned());
            populations.AddColumn(new TableColumn("spikes").RightAligned());
            populations.AddColumn(new TableColumn("mean rate (Hz)").RightAligned());
            foreach (Population p in _network.Populations)
            {
                populations.AddRow(Markup.Escape(p.Name), Names.Of(p.Kind), Units.Count(p.Size),
                    p.IsSpiking ? Units.Count(p.TotalSpikes) : "-", p.IsSpiking ? Units.Fixed(RateHz(p), 2) : "-");
            }
            console.Write(populations);

            Table summary = new Table().Title("summary");
            summary.AddColumn("quantity");
            summary.AddColumn("value");
            summary.AddRow("synaptic events", Units.Count(_network.SynapticEvents) + " total, "
                + Units.Fixed(_network.SynapticEvents / (double)_steps, 1) + " per tick");
            summary.AddRow("synapses", Units.Count(_network.SynapseCount));
            summary.AddRow("footprint", Units.Count(_network.ParameterBytes) + " B parameters + " + Units.Count(_network.StateBytes)
                + " B state = " + Units.Count(_network.FootprintBytes) + " B");
            summary.AddRow("bytes per synapse", Units.Fixed(ConnectivityBytesPerSynapse, 2) + " (weights + connectivity), "
                + Units.Fixed(_network.SynapseCount == 0 ? 0 : _network.FootprintBytes / (double)_network.SynapseCount, 2) + " (whole footprint)");
            ReadoutPopulation readout = _scenario.Readout;
            if (readout == null) summary.AddRow("readout", "none (the model has no readout population)");
            else
            {
                for (int k = 0; k < readout.Size; k++)
                {
                    summary.AddRow(Markup.Escape("readout '" + readout.Name + "'[" + k + "]"), "y = " + Units.Q16(readout.ValueQ16[k])
                        + " -> PWM duty " + _scenario.Duty(k) + " of " + SensorScenario.DutyMin + ".." + SensorScenario.DutyMax);
                }
            }
            Plasticity[] rules = _network.Rules;
            if (rules.Length == 0) summary.AddRow("learning", "no learning rules");
            for (int r = 0; r < rules.Length; r++)
                summary.AddRow("learning rule " + r, Markup.Escape(InspectReport.RuleKind(rules[r]) + " on " + InspectReport.RuleTarget(rules[r])
                    + (rules[r].Enabled ? "" : ", disabled")));
            if (_scenario.RewardEveryTicks > 0)
                summary.AddRow("rewards", Units.Count(_scenario.RewardsDelivered) + " of " + Units.Q16(_scenario.RewardQ16) + ", one every "
                    + Units.Count(_scenario.RewardEveryTicks) + " ticks" + (rules.Length == 0 ? " (no learning rule receives them)" : ""));
            summary.AddRow("final tick", Units.Count(_network.Tick));
            summary.AddRow("state hash", Units.Hash(_stateHash));
            if (Files.SavedInitialBytes > 0) summary.AddRow("saved initial", Units.Count(Files.SavedInitialBytes) + " B, the state before the first tick");
            if (savedTo != null) summary.AddRow("saved", Markup.Escape(savedTo) + " (" + Units.Count(Files.SavedBytes) + " B, with state)");
            if (Files.RecordPath != null)
                summary.AddRow("recorded", Markup.Escape(Files.RecordPath) + " (" + Units.Count(Files.RecordBytes) + " B in " + Units.Count(Files.RecordFrames) + " frames, "
                    + Units.Fixed(Files.BytesPerTick, 2) + " B per tick)");
            console.Write(summary);
        }

        /// <summary>Writes one JSON object on one line.</summary>
        public void WriteJson(TextWriter output)
        {
            JsonLine.Write(output, w =>
            {
                w.WriteString("scenario", SensorScenario.Name);
                if (_model == null) w.WriteNull("model"); else w.WriteString("model", _model);
                w.WriteNumber("steps", _steps);
                w.WriteNumber("seed", _seed);
                w.WriteNumber("dt_us", _network.DtUs);
                w.WriteNumber("first_tick", _firstTick);
                w.WriteNumber("tick", _network.Tick);
                w.WriteStartObject("rates");
                foreach (Population p in _network.Populations)
                    if (p.IsSpiking) w.WriteNumber(p.Name, System.Math.Round(RateHz(p), 4));
                w.WriteEndObject();
                w.WriteNumber("syn_events", _network.SynapticEvents);
                w.WriteNumber("syn_events_per_tick", System.Math.Round(_network.SynapticEvents / (double)_steps, 3));
                w.WriteNumber("synapses", _network.SynapseCount);
                w.WriteNumber("parameter_bytes", _network.ParameterBytes);
                w.WriteNumber("state_bytes", _network.StateBytes);
                w.WriteNumber("footprint_bytes", _network.FootprintBytes);
                w.WriteStartArray("duties");
                if (_scenario.Readout != null)
                    for (int k = 0; k < _scenario.Readout.Size; k++) w.WriteNumberValue(_scenario.Duty(k));
                w.WriteEndArray();
                w.WriteNumber("rules", _network.Rules.Length);
                w.WriteNumber("rewards", _scenario.RewardsDelivered);
                w.WriteString("state_hash", Units.Hash(_stateHash));
                Files.WriteJson(w, false);
            });
        }
    }
}
