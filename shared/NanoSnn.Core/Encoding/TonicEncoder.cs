namespace NanoSnn
{
    /// <summary>
    /// Inputs that spike with a fixed probability every tick whatever the samples say: bias
    /// units. Their plastic synapses learn an offset, e.g. the trim that makes a robot with one
    /// weaker motor drive straight again. Reads no sample channel; draws from its own generator
    /// so that it never disturbs the network's.
    /// </summary>
    public sealed class TonicEncoder : SpikeEncoder
    {
        private readonly int _probabilityQ16;

        /// <summary>Creates <paramref name="outputs"/> tonic inputs spiking with probability <paramref name="probabilityQ16"/> (Q16) per tick.</summary>
        public TonicEncoder(int outputs, int probabilityQ16, uint seed)
            : base(0, outputs)
        {
            if (outputs < 1) throw new System.ArgumentException("tonic encoder: at least one output is needed");
            if (probabilityQ16 < 0 || probabilityQ16 > FixedPoint.OneQ16)
                throw new System.ArgumentException("tonic encoder: probability must be in 0..65536, not " + probabilityQ16);
            _probabilityQ16 = probabilityQ16;
            Seed = seed;
            Rng = new XorShift32(seed);
        }

        /// <summary>Seed of <see cref="Rng"/>, restored by <see cref="Reset"/>.</summary>
        public readonly uint Seed;

        /// <summary>The encoder's generator (part of a closed loop's state).</summary>
        public readonly XorShift32 Rng;

        /// <inheritdoc/>
        public override int Encode(int[] samples, int sampleStart, int[] spikes, int start, int indexOffset)
        {
            int n = start;
            for (int k = 0; k < Outputs; k++)
                if ((int)(Rng.NextUInt() >> 16) < _probabilityQ16) spikes[n++] = k + indexOffset;
            return n;
        }

        /// <inheritdoc/>
        public override void Reset()
        {
            Rng.Seed(Seed);
        }
    }
}
