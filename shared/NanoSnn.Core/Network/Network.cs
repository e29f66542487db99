namespace NanoSnn
{
    /// <summary>
    /// A spiking network that runs one tick per <see cref="Step"/>: encode (the caller's
    /// spike indices) → propagate → integrate → learn → observe. All memory is allocated by
    /// <see cref="NetworkBuilder.Build"/>; stepping allocates nothing.
    /// </summary>
    public sealed class Network
    {
        private readonly InputPopulation[] _inputs;
        private readonly Population[] _updateOrder;
        private readonly Projection[][] _incoming;
        private Plasticity[] _rules = new Plasticity[0];

        internal Network(int dtUs, uint seed, Population[] populations, Projection[] projections)
        {
            DtUs = dtUs;
            Seed = seed;
            Populations = populations;
            Projections = projections;
            Rng = new XorShift32(seed);

            int inputs = 0;
            int others = 0;
            for (int p = 0; p < populations.Length; p++)
            {
                if (populations[p].Kind == PopulationKind.Input) inputs++; else others++;
            }
            _inputs = new InputPopulation[inputs];
            _updateOrder = new Population[others];
            _incoming = new Projection[populations.Length][];
            int ni = 0;
            int no = 0;
            int inputSize = 0;
            for (int p = 0; p < populations.Length; p++)
            {
                Population pop = populations[p];
                if (pop.Kind == PopulationKind.Input)
                {
                    InputPopulation input = (InputPopulation)pop;
                    input.FirstInputIndex = inputSize;
                    inputSize += input.Size;
                    _inputs[ni++] = input;
                }
                else
                {
                    _updateOrder[no++] = pop;
                }
                int count = 0;
                for (int q = 0; q < projections.Length; q++) if (projections[q].Target == pop) count++;
                Projection[] incoming = new Projection[count];
                count = 0;
                for (int q = 0; q < projections.Length; q++) if (projections[q].Target == pop) incoming[count++] = projections[q];
                _incoming[p] = incoming;
            }
            InputSize = inputSize;
        }

        /// <summary>Tick length in µs.</summary>
        public readonly int DtUs;

        /// <summary>Seed of <see cref="Rng"/> (and of the builder's initialization).</summary>
        public readonly uint Seed;

        /// <summary>All populations in update order.</summary>
        public readonly Population[] Populations;

        /// <summary>All projections.</summary>
        public readonly Projection[] Projections;

        /// <summary>The network's own generator: stochastic rounding in learning rules draws from it.</summary>
        public readonly XorShift32 Rng;

        /// <summary>Number of input channels: the input populations' sizes, concatenated in order.</summary>
        public readonly int InputSize;

        /// <summary>Ticks run since build (or the last state reset).</summary>
        public long Tick;

        /// <summary>Synaptic events (one weight added to one target) since build or <see cref="ResetCounters"/>.</summary>
        public long SynapticEvents;

        /// <summary>Synaptic events of the latest tick.</summary>
        public int TickSynapticEvents;

        /// <summary>The cursor <see cref="ModelWriter"/> writes this network's rules through, so that a checkpoint allocates nothing.</summary>
        internal readonly FormatCursor Cursor = new FormatCursor();

        /// <summary>Learning rules, in the order they run.</summary>
        public Plasticity[] Rules { get { return _rules; } }

        /// <summary>Attaches a learning rule (set-up time only: this allocates).</summary>
        public void Attach(Plasticity rule)
        {
            if (rule == null) throw new System.ArgumentNullException("rule");
            Plasticity[] grown = new Plasticity[_rules.Length + 1];
            System.Array.Copy(_rules, grown, _rules.Length);
            grown[_rules.Length] = rule;
            _rules = grown;
        }

        /// <summary>
        /// Runs one tick. <paramref name="inputSpikes"/>[0..count) are the indices (into the
        /// concatenated input channels, 0..<see cref="InputSize"/>-1) that spike this tick;
        /// repeated indices count once.
        /// </summary>
        /// <exception cref="System.ArgumentException">An index is outside 0..InputSize-1 (nothing has been updated then).</exception>
        public void Step(int[] inputSpikes, int count)
        {
            if (count < 0 || (count > 0 && (inputSpikes == null || count > inputSpikes.Length)))
                throw new System.ArgumentException("spike count " + count + " does not fit the spike array");
            for (int k = 0; k < count; k++)
            {
                int index = inputSpikes[k];
                if (index < 0 || index >= InputSize)
                    throw new System.ArgumentException("input spike index " + index + " at position " + k + " is outside 0.." + (InputSize - 1));
            }

            // encode: the caller's spike indices become the input populations' spikes
            InputPopulation[] inputs = _inputs;
            for (int p = 0; p < inputs.Length; p++) inputs[p].BeginTick();
            for (int k = 0; k < count; k++)
            {
                int index = inputSpikes[k];
                int p = 0;
                while (p < inputs.Length - 1 && index >= inputs[p + 1].FirstInputIndex) p++;
                inputs[p].AddSpike(index - inputs[p].FirstInputIndex);
            }

            // propagate + integrate, population by population (see Projection for the delays)
            int events = 0;
            Population[] order = _updateOrder;
            for (int p = 0; p < order.Length; p++)
            {
                Population pop = order[p];
                Projection[] incoming = _incoming[pop.Index];
                for (int q = 0; q < incoming.Length; q++) events += incoming[q].Propagate();
                pop.Integrate();
            }

            // learn
            Plasticity[] rules = _rules;
            for (int r = 0; r < rules.Length; r++)
                if (rules[r].Enabled) rules[r].Update(this);

            // observe
            Tick++;
            TickSynapticEvents = events;
            SynapticEvents += events;
        }

        /// <summary>Delivers a reward (Q16) to every attached rule (<see cref="Plasticity.Reward"/>); call between ticks.</summary>
        public void Reward(int rewardQ16)
        {
            Plasticity[] rules = _rules;
            for (int r = 0; r < rules.Length; r++) rules[r].Reward(rewardQ16);
        }

        /// <summary>
        /// Lets every attached rule complete its deferred work (<see cref="Plasticity.Synchronize"/>);
        /// call between ticks before reading weights (a checkpoint stores deferred work as it is and needs no call). Allocation-free.
        /// </summary>
        public void Synchronize()
        {
            Plasticity[] rules = _rules;
            for (int r = 0; r < rules.Length; r++) rules[r].Synchronize();
        }

        /// <summary>Sets the next tick's supervision on every attached rule (<see cref="Plasticity.Supervise"/>).</summary>
        public void Supervise(int[] targetQ16, int targetClass, bool valid)
        {
            Plasticity[] rules = _rules;
            for (int r = 0; r < rules.Length; r++) rules[r].Supervise(targetQ16, targetClass, valid);
        }

        /// <summary>The population called <paramref name="name"/>, or null.</summary>
        public Population FindPopulation(string name)
        {
            for (int p = 0; p < Populations.Length; p++) if (Populations[p].Name == name) return Populations[p];
            return null;
        }

        /// <summary>The projection called <paramref name="name"/>, or null.</summary>
        public Projection FindProjection(string name)
        {
            for (int q = 0; q < Projections.Length; q++) if (Projections[q].Name == name) return Projections[q];
            return null;
        }

        /// <summary>Synapses in all projections.</summary>
        public int SynapseCount
        {
            get
            {
                int n = 0;
                for (int q = 0; q < Projections.Length; q++) n += Projections[q].SynapseCount;
                return n;
            }
        }

        /// <summary>Bytes of parameter arrays: weights, connectivity and learning-rule parameters.</summary>
        public int ParameterBytes
        {
            get
            {
                int n = 0;
                for (int p = 0; p < Populations.Length; p++) n += Populations[p].ParameterBytes;
                for (int q = 0; q < Projections.Length; q++) n += Projections[q].ParameterBytes;
                for (int r = 0; r < _rules.Length; r++) n += _rules[r].ParameterBytes;
                return n;
            }
        }

        /// <summary>Bytes of state buffers: membranes, spikes, refractory counters, traces.</summary>
        public int StateBytes
        {
            get
            {
                int n = 0;
                for (int p = 0; p < Populations.Length; p++) n += Populations[p].StateBytes;
                for (int r = 0; r < _rules.Length; r++) n += _rules[r].StateBytes;
                return n;
            }
        }

        /// <summary>Footprint in bytes (NeuroBench convention): parameters plus state buffers.</summary>
        public int FootprintBytes { get { return ParameterBytes + StateBytes; } }

        /// <summary>Fingerprint of everything that determines future behaviour: tick, generator, state, weights, rules.</summary>
        public uint ComputeStateHash()
        {
            uint h = StateHash.Add(StateHash.Empty, Tick);
            h = StateHash.Add(h, (int)Rng.State);
            for (int p = 0; p < Populations.Length; p++) h = Populations[p].HashState(h);
            for (int q = 0; q < Projections.Length; q++) h = StateHash.AddShorts(h, Projections[q].Weights);
            for (int r = 0; r < _rules.Length; r++) h = _rules[r].HashState(h);
            return h;
        }

        /// <summary>Returns neurons and rules to their initial state and the generator to its seed; weights are kept.</summary>
        public void ResetState()
        {
            for (int p = 0; p < Populations.Length; p++) Populations[p].ResetState();
            for (int r = 0; r < _rules.Length; r++) _rules[r].ResetState();
            Rng.Seed(Seed);
            Tick = 0;
        }

        /// <summary>Zeroes the spike and synaptic-event counters.</summary>
        public void ResetCounters()
        {
            for (int p = 0; p < Populations.Length; p++) Populations[p].TotalSpikes = 0;
            SynapticEvents = 0;
            TickSynapticEvents = 0;
        }
    }
}
