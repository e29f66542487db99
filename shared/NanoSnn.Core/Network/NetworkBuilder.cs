namespace NanoSnn
{
    /// <summary>
    /// Describes a network (populations, projections, tick length, seed) and builds it,
    /// checking every size, parameter and connection and proving that no tick can overflow
    /// a neuron's integer input. Populations update in the order they are added.
    /// </summary>
    public sealed class NetworkBuilder
    {
        private Population[] _populations = new Population[0];
        private Projection[] _projections = new Projection[0];
        private bool _built;

        /// <summary>A builder for 1 ms ticks and seed 1.</summary>
        public NetworkBuilder()
            : this(1000, 1)
        {
        }

        /// <summary>A builder for ticks of <paramref name="dtUs"/> µs whose network generator starts from <paramref name="seed"/>.</summary>
        public NetworkBuilder(int dtUs, uint seed)
        {
            if (dtUs <= 0 || dtUs > 1000000) throw new ModelException("tick length " + dtUs + " µs must be in 1..1000000");
            DtUs = dtUs;
            Seed = seed;
            Rng = new XorShift32(seed ^ 0x5EEDu);
        }

        /// <summary>Tick length in µs.</summary>
        public readonly int DtUs;

        /// <summary>Seed of the built network's generator.</summary>
        public readonly uint Seed;

        /// <summary>Generator for initializing weights and connectivity while describing the network.</summary>
        public readonly XorShift32 Rng;

        /// <summary>Adds <paramref name="size"/> input channels.</summary>
        public InputPopulation AddInput(string name, int size)
        {
            return (InputPopulation)Add(new InputPopulation(CheckName(name, true), size));
        }

        /// <summary>Adds LIF neurons.</summary>
        public LifPopulation AddLif(string name, int size, LifParameters parameters)
        {
            return (LifPopulation)Add(new LifPopulation(CheckName(name, true), size, parameters, DtUs, false));
        }

        /// <summary>Adds adaptive-threshold LIF (ALIF) neurons.</summary>
        public LifPopulation AddAlif(string name, int size, LifParameters parameters)
        {
            return (LifPopulation)Add(new LifPopulation(CheckName(name, true), size, parameters, DtUs, true));
        }

        /// <summary>Adds leaky non-spiking readout units with time constant <paramref name="tauUs"/> and bias.</summary>
        public ReadoutPopulation AddReadout(string name, int size, int tauUs, int biasQ16)
        {
            return (ReadoutPopulation)Add(new ReadoutPopulation(CheckName(name, true), size, tauUs, biasQ16, DtUs));
        }

        /// <summary>
        /// Adds Izhikevich neurons (regular spiking until changed with
        /// <see cref="IzhikevichPopulation.SetModel"/>) with a uniform noise current of
        /// amplitude <paramref name="noiseAmplitudeQ16"/> (0 = none). Needs 1 ms ticks.
        /// </summary>
        public IzhikevichPopulation AddIzhikevich(string name, int size, int noiseAmplitudeQ16)
        {
            // The name and tick are checked before the seed is drawn (arguments run left to right).
            return (IzhikevichPopulation)Add(new IzhikevichPopulation(CheckIzhikevich(name), size, noiseAmplitudeQ16, Rng.NextUInt()));
        }

        /// <summary>
        /// Adds Izhikevich neurons whose noise generator starts from <paramref name="noiseSeed"/>
        /// instead of a draw from <see cref="Rng"/>: the model reader restores a stored seed this way.
        /// </summary>
        internal IzhikevichPopulation AddIzhikevich(string name, int size, int noiseAmplitudeQ16, uint noiseSeed)
        {
            return (IzhikevichPopulation)Add(new IzhikevichPopulation(CheckIzhikevich(name), size, noiseAmplitudeQ16, noiseSeed));
        }

        /// <summary>Adds an all-to-all projection with zero weights.</summary>
        public DenseProjection AddDense(string name, Population source, Population target, int weightShift)
        {
            CheckMember(name, source, target);
            return (DenseProjection)Add(new DenseProjection(name, source, target, weightShift));
        }

        /// <summary>Adds a sparse projection from a CSR row table and target indices (copied), with zero weights.</summary>
        public SparseProjection AddSparse(string name, Population source, Population target, int weightShift, int[] rowStart, ushort[] targetIndex)
        {
            CheckMember(name, source, target);
            return (SparseProjection)Add(new SparseProjection(name, source, target, weightShift, rowStart, targetIndex));
        }

        /// <summary>Adds a sparse projection in which each source reaches <paramref name="fanOut"/> random distinct targets (no self-connections when source is target).</summary>
        public SparseProjection AddSparseRandom(string name, Population source, Population target, int weightShift, int fanOut)
        {
            CheckMember(name, source, target);
            ushort[] targets;
            int[] rows = SparseProjection.RandomRows(source.Size, target.Size, fanOut, source == target, Rng, out targets);
            return (SparseProjection)Add(new SparseProjection(name, source, target, weightShift, rows, targets));
        }

        /// <summary>Checks the whole description and returns the network. A builder builds once.</summary>
        public Network Build()
        {
            if (_built) throw new ModelException("this builder has already built its network");
            if (_populations.Length == 0) throw new ModelException("a network needs at least one population");
            for (int p = 0; p < _populations.Length; p++)
            {
                Population pop = _populations[p];
                if (pop.Kind == PopulationKind.Input) continue;
                long bound = FixedPoint.Abs((long)pop.BiasQ16);
                LifPopulation lif = pop as LifPopulation;
                if (lif != null) bound += lif.Parameters.ThresholdQ16;
                for (int q = 0; q < _projections.Length; q++)
                {
                    Projection proj = _projections[q];
                    if (proj.Target != pop) continue;
                    bound += ((long)proj.MaxFanIn * 32768) << proj.WeightShift;
                }
                if (bound >= FixedPoint.StateLimitQ16)
                    throw new ModelException("population '" + pop.Name + "': worst-case input per tick (" + bound
                        + " Q16, fan-in x max weight x 2^shift + bias + threshold) must stay below 2^30; lower the weight shift or fan-in of its projections");
                pop.InputBoundQ16 = bound;
            }
            _built = true;
            return new Network(DtUs, Seed, _populations, _projections);
        }

        private string CheckName(string name, bool population)
        {
            if (_built) throw new ModelException("the network has been built; describe a new one with a new builder");
            if (name == null || name.Length == 0 || name.Length > 64)
                throw new ModelException("names must have 1..64 characters");
            for (int i = 0; i < name.Length; i++)
            {
                char c = name[i];
                if (c < 33 || c > 126) throw new ModelException("name '" + name + "' must be printable ASCII without spaces");
            }
            for (int p = 0; p < _populations.Length; p++)
                if (_populations[p].Name == name) throw new ModelException("a population is already called '" + name + "'");
            for (int q = 0; q < _projections.Length; q++)
                if (_projections[q].Name == name) throw new ModelException("a projection is already called '" + name + "'");
            if (population && _populations.Length >= 255) throw new ModelException("at most 255 populations");
            return name;
        }

        private string CheckIzhikevich(string name)
        {
            CheckName(name, true);
            if (DtUs != 1000) throw new ModelException("population '" + name + "': Izhikevich neurons need 1000 µs ticks, the network has " + DtUs);
            return name;
        }

        private void CheckMember(string name, Population source, Population target)
        {
            CheckName(name, false);
            if (_projections.Length >= 255) throw new ModelException("at most 255 projections");
            if (!Contains(source) || !Contains(target))
                throw new ModelException("projection '" + name + "': source and target must be populations of this builder");
        }

        private bool Contains(Population pop)
        {
            for (int p = 0; p < _populations.Length; p++) if (_populations[p] == pop) return true;
            return false;
        }

        private Population Add(Population pop)
        {
            Population[] grown = new Population[_populations.Length + 1];
            System.Array.Copy(_populations, grown, _populations.Length);
            pop.Index = _populations.Length;
            grown[_populations.Length] = pop;
            _populations = grown;
            return pop;
        }

        private Projection Add(Projection proj)
        {
            Projection[] grown = new Projection[_projections.Length + 1];
            System.Array.Copy(_projections, grown, _projections.Length);
            proj.Index = _projections.Length;
            grown[_projections.Length] = proj;
            _projections = grown;
            return proj;
        }
    }
}
