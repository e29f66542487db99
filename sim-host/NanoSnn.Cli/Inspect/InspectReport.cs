using System.Text;
using NanoSnn.Cli.Output;
using Spectre.Console;

namespace NanoSnn.Cli.Inspect
{
    /// <summary>The description <c>nanosnn inspect</c> prints: file, network, populations, projections, formats, footprint.</summary>
    public sealed class InspectReport
    {
        private readonly string _path;
        private readonly ModelFileHeader _header;
        private readonly Network _network;

        /// <summary>Describes the network loaded from <paramref name="path"/>.</summary>
        public InspectReport(string path, ModelFileHeader header, Network network)
        {
            _path = path;
            _header = header;
            _network = network;
        }

        /// <summary>Writes the description.</summary>
        public void Write(IAnsiConsole console)
        {
            Network n = _network;
            console.WriteLine("model file " + _path + ": " + Units.Count(_header.SizeBytes) + " bytes, CRC-32 " + Units.Hash(_header.Crc)
                + " (verified), format version " + _header.Version + ", " + _header.Sections + " sections");
            console.WriteLine("state section: " + (_header.HasState ? "yes, a checkpoint at tick " + Units.Count(n.Tick)
                + " (generator state " + Units.Hash(n.Rng.State) + ")" : "no (a model: the state starts at rest)"));
            console.WriteLine("network: tick " + Units.Time(n.DtUs) + ", seed " + n.Seed + ", " + n.Populations.Length + " populations, "
                + n.Projections.Length + " projections, " + n.InputSize + " input channels, state hash " + Units.Hash(n.ComputeStateHash()));
            console.Write(Populations());
            console.Write(Projections());
            if (n.Rules.Length == 0) console.WriteLine("learning rules: none");
            else console.Write(Rules());
            console.Write(Formats(n));
            console.Write(Footprint());
        }

        private Table Populations()
        {
            Table table = new Table().Title("populations");
            table.AddColumn(new TableColumn("#").RightAligned());
            table.AddColumn("name");
            table.AddColumn("kind");
            table.AddColumn(new TableColumn("size").RightAligned());
            table.AddColumn("parameters");
            table.AddColumn(new TableColumn("param B").RightAligned());
            table.AddColumn(new TableColumn("state B").RightAligned());
            foreach (Population p in _network.Populations)
            {
                table.AddRow(p.Index.ToString(), Markup.Escape(p.Name), Names.Of(p.Kind), Units.Count(p.Size),
                    Markup.Escape(Parameters(p)), Units.Count(p.ParameterBytes), Units.Count(p.StateBytes));
            }
            return table;
        }

        private string Parameters(Population p)
        {
            StringBuilder s = new StringBuilder();
            LifPopulation lif = p as LifPopulation;
            if (lif != null)
            {
                LifParameters lp = lif.Parameters;
                s.Append("threshold ").Append(Units.Q16(lp.ThresholdQ16)).Append('\n');
                s.Append("tau_m ").Append(Units.Time(lp.TauMembraneUs)).Append(", decay ").Append(Units.Decay12(lif.MembraneDecay12)).Append('\n');
                s.Append("bias ").Append(Units.Q16(lp.BiasQ16)).Append(" per tick\n");
                s.Append("reset ").Append(Names.Of(lp.Reset)).Append(", refractory ").Append(lp.RefractoryTicks).Append(" ticks (")
                    .Append(Units.Time(lp.RefractoryTicks * _network.DtUs)).Append(')');
                if (lif.Adaptive)
                {
                    s.Append("\nadaptation tau_a ").Append(Units.Time(lp.TauAdaptationUs)).Append(", decay ").Append(Units.Decay12(lif.AdaptationDecay12));
                    s.Append("\nadaptation beta ").Append(Units.Q16(lp.AdaptationBetaQ16)).Append(" per spike");
                }
                return s.ToString();
            }
            ReadoutPopulation readout = p as ReadoutPopulation;
            if (readout != null)
            {
                s.Append("tau ").Append(Units.Time(readout.TauUs)).Append(", decay ").Append(Units.Decay12(readout.Decay12)).Append('\n');
                s.Append("bias ").Append(Units.Q16(readout.Bias)).Append(" per tick");
                return s.ToString();
            }
            InputPopulation input = p as InputPopulation;
            if (input != null)
                return "input channels " + input.FirstInputIndex + ".." + (input.FirstInputIndex + p.Size - 1) + " (no dynamics)";
            IzhikevichPopulation izh = p as IzhikevichPopulation;
            if (izh != null) return Izhikevich(izh);
            return "";
        }

        /// <summary>Most parameter runs listed one per line; the rest are counted.</summary>
        public const int ListedRuns = 6;

        // Noise, then one line per run of neurons with equal a, b, c, d: the way the model file stores them.
        private static string Izhikevich(IzhikevichPopulation izh)
        {
            StringBuilder s = new StringBuilder();
            if (izh.NoiseAmplitudeQ16 == 0) s.Append("noise none");
            else
            {
                s.Append("noise uniform ±").Append(Units.Fixed(izh.NoiseAmplitudeQ16 / 131072.0, 3)).Append(" mV/ms per tick (amplitude ")
                    .Append(Units.Q16(izh.NoiseAmplitudeQ16)).Append("), seed ").Append(Units.Hash(izh.NoiseSeed));
            }
            int runs = izh.ParameterRuns;
            s.Append('\n').Append(runs).Append(runs == 1 ? " parameter set" : " parameter runs").Append(" (a, b in Q24; c, d in Q16 mV)");
            int first = 0;
            for (int r = 0; first < izh.Size; r++)
            {
                int end = first + 1;
                while (end < izh.Size && izh.SameModel(first, end)) end++;
                if (r < ListedRuns)
                {
                    s.Append('\n').Append(end - first == 1 ? "neuron " + first : "neurons " + first + ".." + (end - 1)).Append(": a ")
                        .Append(Units.Fixed(izh.AQ24[first] / 16777216.0, 4)).Append(", b ").Append(Units.Fixed(izh.BQ24[first] / 16777216.0, 4))
                        .Append(", c ").Append(Units.Fixed(izh.CQ16[first] / 65536.0, 3)).Append(" mV, d ").Append(Units.Fixed(izh.DQ16[first] / 65536.0, 3)).Append(" mV");
                    string type = IzhikevichType(izh, first);
                    if (type != null) s.Append(" (").Append(type).Append(')');
                }
                else if (r == ListedRuns)
                {
                    s.Append("\n... ").Append(runs - ListedRuns).Append(" more runs, neurons ").Append(first).Append("..").Append(izh.Size - 1);
                }
                first = end;
            }
            return s.ToString();
        }

        private static string IzhikevichType(IzhikevichPopulation izh, int j)
        {
            if (izh.BQ24[j] != IzhikevichPopulation.DefaultBQ24 || izh.CQ16[j] != IzhikevichPopulation.DefaultCQ16) return null;
            if (izh.AQ24[j] == IzhikevichPopulation.RegularSpikingAQ24 && izh.DQ16[j] == IzhikevichPopulation.RegularSpikingDQ16) return "regular spiking";
            if (izh.AQ24[j] == IzhikevichPopulation.FastSpikingAQ24 && izh.DQ16[j] == IzhikevichPopulation.FastSpikingDQ16) return "fast spiking";
            return null;
        }

        private Table Projections()
        {
            Table table = new Table().Title("projections (weights as values: raw x 2^shift / 65536, threshold 1.0 = 1.0; delay 1 = spikes of the previous tick)");
            table.AddColumn(new TableColumn("#").RightAligned());
            table.AddColumn("name");
            table.AddColumn("kind");
            table.AddColumn("source -> target");
            table.AddColumn(new TableColumn("synapses").RightAligned());
            table.AddColumn("weight format (int16)");
            table.AddColumn(new TableColumn("min").RightAligned());
            table.AddColumn(new TableColumn("max").RightAligned());
            table.AddColumn(new TableColumn("mean").RightAligned());
            table.AddColumn(new TableColumn("sparsity").RightAligned());
            table.AddColumn(new TableColumn("param B").RightAligned());
            foreach (Projection q in _network.Projections)
            {
                WeightStatistics stats = new WeightStatistics(q.Weights);
                int shift = q.WeightShift;
                string route = q.Source.Name + " -> " + q.Target.Name + (q.IsRecurrent ? " (delay 1)" : "");
                string format = "Q16 step " + Units.WeightStep(shift) + " (shift " + shift + ", ±"
                    + Units.Fixed(Units.WeightValue(32768, shift), 4).TrimEnd('0').TrimEnd('.') + ")";
                table.AddRow(q.Index.ToString(), Markup.Escape(q.Name), Names.Of(q.Kind), Markup.Escape(route), Units.Count(q.SynapseCount),
                    Markup.Escape(format), Weight(stats.Min, shift), Weight(stats.Max, shift), Units.Fixed(Units.WeightValue(stats.Mean, shift), 5),
                    Units.Fixed(stats.Sparsity, 3), Units.Count(q.ParameterBytes));
            }
            return table;
        }

        private Table Rules()
        {
            Table table = new Table().Title("learning rules (in the order they run; a checkpoint holds their state)");
            table.AddColumn(new TableColumn("#").RightAligned());
            table.AddColumn("rule");
            table.AddColumn("acts on");
            table.AddColumn("enabled");
            table.AddColumn(new TableColumn("param B").RightAligned());
            table.AddColumn(new TableColumn("state B").RightAligned());
            Plasticity[] rules = _network.Rules;
            for (int r = 0; r < rules.Length; r++)
            {
                table.AddRow(r.ToString(), Markup.Escape(RuleKind(rules[r])), Markup.Escape(RuleTarget(rules[r])), rules[r].Enabled ? "yes" : "no",
                    Units.Count(rules[r].ParameterBytes), Units.Count(rules[r].StateBytes));
            }
            return table;
        }

        /// <summary>A rule's kind and main parameters, as "reward STDP (update every 10 ticks)".</summary>
        internal static string RuleKind(Plasticity rule)
        {
            switch (rule)
            {
                case EpropRule e:
                    return "e-prop (" + (e.Parameters.Eligibility == EpropEligibility.Exact ? "exact" : "factorized") + ", "
                        + (e.Parameters.Task == EpropTask.Classification ? "classification" : "regression") + ", update every "
                        + (e.Parameters.UpdateIntervalTicks == 0 ? "sequence" : e.Parameters.UpdateIntervalTicks + " tick(s)") + ")";
                case RewardStdp s:
                    return "reward STDP (update every " + s.Parameters.UpdateTicks + " ticks, rows at most " + s.MaxLag + " windows behind)";
                case SynapticScaling c:
                    return "synaptic scaling (every " + c.EpochTicks + " ticks)";
                case IntrinsicHomeostasis:
                    return "intrinsic homeostasis";
                default:
                    return rule.GetType().Name;
            }
        }

        /// <summary>What a rule acts on, as "'excitatory'".</summary>
        internal static string RuleTarget(Plasticity rule)
        {
            switch (rule)
            {
                case EpropRule e:
                    return "'" + e.Recurrent.Name + "' -> '" + e.Readout.Name + "' via " + (e.Input == null ? "" : "'" + e.Input.Name + "', ")
                        + (e.RecurrentProjection == null ? "" : "'" + e.RecurrentProjection.Name + "', ") + "'" + e.Output.Name + "'";
                case RewardStdp s:
                    return "'" + s.Projection.Name + "'";
                case SynapticScaling c:
                    return "'" + c.Projection.Name + "'";
                case IntrinsicHomeostasis h:
                    return "'" + h.Target.Name + "'";
                default:
                    return "";
            }
        }

        private static string Weight(int raw, int shift)
        {
            return Units.Fixed(Units.WeightValue(raw, shift), 4) + " (" + raw + ")";
        }

        private static Table Formats(Network network)
        {
            Table table = new Table().Title("number formats");
            table.AddColumn("quantity");
            table.AddColumn("format");
            table.AddRow("membranes, thresholds, biases, readouts, adaptation", "Q16 int32: 1.0 = 65536, state limited to ±16384.0");
            foreach (Population p in network.Populations)
            {
                if (p.Kind != PopulationKind.Izhikevich) continue;
                table.AddRow("Izhikevich v, u, c, d (mV), input and noise (mV/ms)", "Q16 int32: 1 mV = 65536; v in -256..30 mV, |u| <= 1024 mV");
                table.AddRow("Izhikevich a, b", "Q24 int32: 1.0 = 16777216");
                break;
            }
            table.AddRow("decays (per tick)", "Decay12: 4096 = 1.0, round(4096 exp(-dt/tau))");
            table.AddRow("weights", "int16 per synapse; w adds w << shift to the target's Q16 input");
            table.AddRow("sparse connectivity", "CSR: int32 row start per source + 1, uint16 target per synapse");
            return table;
        }

        private Table Footprint()
        {
            Network n = _network;
            int synapses = n.SynapseCount;
            long connectivity = 0;
            foreach (Projection q in n.Projections) connectivity += q.ParameterBytes;
            Table table = new Table().Title("footprint");
            table.AddColumn("quantity");
            table.AddColumn(new TableColumn("bytes").RightAligned());
            table.AddRow("parameters", Units.Count(n.ParameterBytes));
            table.AddRow("state", Units.Count(n.StateBytes));
            table.AddRow("total (parameters + state)", Units.Count(n.FootprintBytes));
            table.AddRow("synapses", Units.Count(synapses));
            table.AddRow("bytes per synapse (weights + connectivity)", synapses == 0 ? "-" : Units.Fixed(connectivity / (double)synapses, 3));
            table.AddRow("bytes per synapse (whole footprint)", synapses == 0 ? "-" : Units.Fixed(n.FootprintBytes / (double)synapses, 3));
            return table;
        }
    }
}
