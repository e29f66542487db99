using System;
using System.Collections.Generic;

namespace NanoSnn.Cli.Fit
{
    /// <summary>
    /// Rebuilds a network with its recurrent (LIF and ALIF) populations resized: every such
    /// population scales with the largest one, so that a model with 64 LIF + 32 ALIF at size
    /// 128 has 128 LIF + 64 ALIF. Dense projections stay dense (their synapses grow with both
    /// ends); sparse ones keep their synapses per source neuron. Input and readout sizes,
    /// neuron parameters and weight shifts are kept; learning rules are re-attached with their
    /// parameters (R-STDP and e-prop; others cannot be rebuilt and are refused; an R-STDP lag
    /// that was the default for the old size becomes the default for the new one).
    /// </summary>
    public sealed class NetworkScaler
    {
        private readonly Network _model;
        private readonly int _largest;

        /// <summary>Prepares to scale <paramref name="model"/>.</summary>
        /// <exception cref="ArgumentException">The model has no LIF/ALIF population, or a population or rule that cannot be rebuilt.</exception>
        public NetworkScaler(Network model)
        {
            _model = model;
            foreach (Population p in model.Populations)
            {
                if (p.Kind == PopulationKind.Lif || p.Kind == PopulationKind.Alif) _largest = Math.Max(_largest, p.Size);
                else if (p.Kind != PopulationKind.Input && p.Kind != PopulationKind.Readout)
                    throw new ArgumentException("population '" + p.Name + "' is of a kind the scaler cannot rebuild (it rebuilds input, LIF, ALIF and readout)");
            }
            if (_largest == 0) throw new ArgumentException("the model has no LIF or ALIF population to scale");
            foreach (Plasticity rule in model.Rules)
                if (!(rule is RewardStdp) && !(rule is EpropRule))
                    throw new ArgumentException("learning rule " + rule.GetType().Name + " cannot be rebuilt at another size (R-STDP and e-prop can)");
        }

        /// <summary>Size of the largest recurrent population now.</summary>
        public int CurrentSize { get { return _largest; } }

        /// <summary>The size of population <paramref name="p"/> when the largest recurrent population has <paramref name="size"/> neurons.</summary>
        public int SizeOf(Population p, int size)
        {
            if (p.Kind != PopulationKind.Lif && p.Kind != PopulationKind.Alif) return p.Size;
            return (int)Math.Max(1, Math.Min(Population.MaxSize, Math.Round((double)p.Size * size / _largest)));
        }

        /// <summary>Synapses of the scaled network (cheap: lets a search skip sizes whose weights alone exceed a budget).</summary>
        public long Synapses(int size)
        {
            long n = 0;
            foreach (Projection q in _model.Projections)
            {
                long source = SizeOf(q.Source, size), target = SizeOf(q.Target, size);
                n += q is SparseProjection ? source * FanOut(q, target) : source * target;
            }
            return n;
        }

        // Synapses per source neuron as in the model, at most the distinct targets available
        // (a recurrent sparse projection has no self-connections).
        private static int FanOut(Projection q, long target)
        {
            int fan = (int)Math.Round((double)q.SynapseCount / q.Source.Size);
            long available = q.Source == q.Target ? target - 1 : target;
            return (int)Math.Max(0, Math.Min(fan, available));
        }

        /// <summary>Builds the scaled network (weights zero) with its rules attached.</summary>
        /// <exception cref="ModelException">The builder refuses it (e.g. the worst-case input bound of 2^30 is exceeded).</exception>
        public Network Build(int size)
        {
            NetworkBuilder b = new NetworkBuilder(_model.DtUs, _model.Seed);
            Dictionary<Population, Population> map = new Dictionary<Population, Population>();
            foreach (Population p in _model.Populations)
            {
                int n = SizeOf(p, size);
                Population made = p.Kind switch
                {
                    PopulationKind.Input => b.AddInput(p.Name, n),
                    PopulationKind.Lif => b.AddLif(p.Name, n, ((LifPopulation)p).Parameters.Clone()),
                    PopulationKind.Alif => b.AddAlif(p.Name, n, ((LifPopulation)p).Parameters.Clone()),
                    _ => b.AddReadout(p.Name, n, ((ReadoutPopulation)p).TauUs, ((ReadoutPopulation)p).Bias),
                };
                map[p] = made;
            }
            foreach (Projection q in _model.Projections)
            {
                Population source = map[q.Source], target = map[q.Target];
                if (q is SparseProjection) b.AddSparseRandom(q.Name, source, target, q.WeightShift, FanOut(q, target.Size));
                else b.AddDense(q.Name, source, target, q.WeightShift);
            }
            Network network = b.Build();
            foreach (Plasticity rule in _model.Rules)
            {
                if (rule is RewardStdp stdp)
                {
                    // A lag the rule chose from its projection's size is chosen again for the new
                    // size (its tables grow with it); a lag set to another value is kept.
                    RewardStdpParameters parameters = stdp.Parameters.Clone();
                    if (stdp.MaxLag == RewardStdp.DefaultMaxLag(stdp.Projection.SynapseCount)) parameters.MaxLagWindows = 0;
                    network.Attach(new RewardStdp(network.FindProjection(stdp.Projection.Name), parameters));
                }
                else if (rule is EpropRule eprop)
                {
                    network.Attach(new EpropRule(network, (LifPopulation)network.FindPopulation(eprop.Recurrent.Name),
                        (ReadoutPopulation)network.FindPopulation(eprop.Readout.Name),
                        eprop.Input == null ? null : (DenseProjection)network.FindProjection(eprop.Input.Name),
                        eprop.RecurrentProjection == null ? null : (DenseProjection)network.FindProjection(eprop.RecurrentProjection.Name),
                        (DenseProjection)network.FindProjection(eprop.Output.Name), eprop.Parameters));
                }
            }
            return network;
        }

        /// <summary>
        /// A template network: <paramref name="inputs"/> → LIF (<paramref name="recurrent"/>, dense
        /// input and dense recurrent projections) → <paramref name="outputs"/> readouts, weight
        /// shift 0, 1 ms ticks, with the learning rule of <paramref name="learning"/>
        /// (none, eprop, eprop-exact, rstdp on the recurrent projection).
        /// </summary>
        public static Network Template(int inputs, int recurrent, int outputs, string learning)
        {
            NetworkBuilder b = new NetworkBuilder(1000, 1);
            InputPopulation input = b.AddInput("in", inputs);
            LifPopulation rec = b.AddLif("rec", recurrent, new LifParameters());
            ReadoutPopulation readout = b.AddReadout("out", outputs, 20000, 0);
            DenseProjection win = b.AddDense("in-rec", input, rec, 0);
            DenseProjection wrec = b.AddDense("rec-rec", rec, rec, 0);
            DenseProjection wout = b.AddDense("rec-out", rec, readout, 0);
            Network network = b.Build();
            if (learning == "rstdp") network.Attach(new RewardStdp(wrec, new RewardStdpParameters()));
            else if (learning == "eprop" || learning == "eprop-exact")
            {
                EpropParameters p = new EpropParameters();
                if (learning == "eprop-exact") p.Eligibility = EpropEligibility.Exact;
                network.Attach(new EpropRule(network, rec, readout, win, wrec, wout, p));
            }
            return network;
        }
    }
}
