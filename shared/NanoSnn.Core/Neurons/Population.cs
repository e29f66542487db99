namespace NanoSnn
{
    /// <summary>Which neuron model a population runs; stored in model files.</summary>
    public enum PopulationKind
    {
        /// <summary>Spike sources set from the tick's input spike indices.</summary>
        Input = 1,
        /// <summary>Leaky integrate-and-fire.</summary>
        Lif = 2,
        /// <summary>LIF with an adaptive threshold (ALIF).</summary>
        Alif = 3,
        /// <summary>Leaky, non-spiking readout units.</summary>
        Readout = 4,
        /// <summary>Izhikevich (2003) neurons; stored in model files from version 2 on.</summary>
        Izhikevich = 5,
    }

    /// <summary>
    /// A group of neurons of one model, stored as a structure of arrays. Projections add
    /// their weights into <see cref="InputQ16"/>; <see cref="Integrate"/> turns that input
    /// into new state and spikes and clears it.
    /// </summary>
    public abstract class Population
    {
        /// <summary>Creates a population of <paramref name="size"/> neurons.</summary>
        protected Population(string name, PopulationKind kind, int size, bool spiking, bool receivesInput)
        {
            if (size <= 0 || size > MaxSize)
                throw new ModelException("population '" + name + "': size " + size + " is outside 1.." + MaxSize);
            Name = name;
            Kind = kind;
            Size = size;
            Spiked = new byte[spiking ? size : 0];
            SpikeList = new int[spiking ? size : 0];
            InputQ16 = new int[receivesInput ? size : 0];
        }

        /// <summary>Largest population (sparse projections index targets with 16 bits).</summary>
        public const int MaxSize = 65535;

        /// <summary>Name, unique within a network.</summary>
        public readonly string Name;

        /// <summary>Neuron model.</summary>
        public readonly PopulationKind Kind;

        /// <summary>Number of neurons.</summary>
        public readonly int Size;

        /// <summary>Synaptic input accumulated this tick, Q16; cleared by <see cref="Integrate"/>.</summary>
        public readonly int[] InputQ16;

        /// <summary>1 where the neuron spiked in its latest update, else 0 (empty for non-spiking populations).</summary>
        public readonly byte[] Spiked;

        /// <summary>Indices of the neurons that spiked in the latest update; the first <see cref="SpikeCount"/> are valid.</summary>
        public readonly int[] SpikeList;

        /// <summary>Number of valid entries in <see cref="SpikeList"/>.</summary>
        public int SpikeCount;

        /// <summary>Spikes emitted since the network was built or its counters were reset.</summary>
        public long TotalSpikes;

        /// <summary>Position of this population in its network (set by the builder).</summary>
        public int Index { get; internal set; }

        /// <summary>Largest |input| one tick may deliver (a bias included), Q16; proved by the builder.</summary>
        internal long InputBoundQ16;

        /// <summary>Whether the neurons emit spikes.</summary>
        public bool IsSpiking { get { return Spiked.Length > 0; } }

        /// <summary>Constant input added every tick, Q16 (0 where the model has none).</summary>
        public virtual int BiasQ16 { get { return 0; } }

        /// <summary>Advances the neurons by one tick using and clearing <see cref="InputQ16"/>.</summary>
        public abstract void Integrate();

        /// <summary>Returns every state variable to its value at build time.</summary>
        public virtual void ResetState()
        {
            System.Array.Clear(Spiked, 0, Spiked.Length);
            System.Array.Clear(InputQ16, 0, InputQ16.Length);
            SpikeCount = 0;
        }

        /// <summary>Bytes of parameters (per-neuron arrays only).</summary>
        public virtual int ParameterBytes { get { return 0; } }

        /// <summary>Bytes of per-neuron state buffers: input accumulator, spike flags and list, plus the model's own.</summary>
        public virtual int StateBytes
        {
            get { return InputQ16.Length * 4 + Spiked.Length + SpikeList.Length * 4; }
        }

        /// <summary>Folds the population's state into a running state hash.</summary>
        public virtual uint HashState(uint hash)
        {
            hash = StateHash.AddBytes(hash, Spiked);
            return StateHash.Add(hash, SpikeCount);
        }

        /// <summary>Rebuilds <see cref="SpikeList"/> from <see cref="Spiked"/> (after a state restore).</summary>
        internal void RebuildSpikeList()
        {
            int n = 0;
            for (int i = 0; i < Spiked.Length; i++)
                if (Spiked[i] != 0) SpikeList[n++] = i;
            SpikeCount = n;
        }
    }
}
