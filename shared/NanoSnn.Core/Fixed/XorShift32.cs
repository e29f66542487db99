namespace NanoSnn
{
    /// <summary>
    /// Marsaglia's xorshift32 generator (shifts 13, 17, 5; period 2^32 - 1). Tiny, integer
    /// only and identical on every host, which is what stochastic rounding, encoders and
    /// weight initialization need for bit-exact lockstep between the ESP32 and the desktop.
    /// Not for cryptography.
    /// </summary>
    public sealed class XorShift32
    {
        private uint _state;

        /// <summary>Creates a generator; a zero seed (the one fixed point) is replaced by a constant.</summary>
        public XorShift32(uint seed)
        {
            Seed(seed);
        }

        /// <summary>The raw state, for checkpoints and state hashes. Never zero.</summary>
        public uint State
        {
            get { return _state; }
            set { _state = value == 0 ? 0x9E3779B9u : value; }
        }

        /// <summary>Restarts the sequence from <paramref name="seed"/>, scrambled so that nearby seeds diverge at once.</summary>
        public void Seed(uint seed)
        {
            // One round of a 32-bit integer hash (lowbias32) decorrelates seeds 1, 2, 3...
            uint x = seed;
            x ^= x >> 16; x *= 0x7FEB352Du;
            x ^= x >> 15; x *= 0x846CA68Bu;
            x ^= x >> 16;
            State = x;
        }

        /// <summary>The next 32 uniformly distributed bits.</summary>
        public uint NextUInt()
        {
            uint x = _state;
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            _state = x;
            return x;
        }

        /// <summary>A uniform int in [0, bound) for bound &gt; 0 (multiply-shift; bias below 2^-32·bound).</summary>
        public int NextInt(int bound)
        {
            if (bound <= 0) return 0;
            return (int)(((ulong)NextUInt() * (uint)bound) >> 32);
        }

        /// <summary>True with probability probQ16 / 65536.</summary>
        public bool NextBernoulli(int probQ16)
        {
            return (int)(NextUInt() >> 16) < probQ16;
        }

        /// <summary>
        /// An approximately standard-normal sample in Q16 (Irwin-Hall: sum of 12 uniforms
        /// minus 6). Range ±6.0; used for weight initialization and sensor noise, not per synapse per tick.
        /// </summary>
        public int NextGaussianQ16()
        {
            int sum = 0;
            for (int i = 0; i < 12; i++) sum += (int)(NextUInt() >> 16);
            return sum - 6 * 65536;
        }
    }
}
