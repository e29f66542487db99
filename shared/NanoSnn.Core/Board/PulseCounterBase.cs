namespace NanoSnn
{
    /// <summary>
    /// A pulse-counter channel: the sample is the number of edges since the previous read,
    /// taken as the difference of a free-running hardware count. The difference is wrap-safe
    /// for a counter of <see cref="CounterBits"/> bits (a 16-bit PCNT register, a 32-bit or a
    /// software-extended 64-bit count) and signed, so a quadrature counter that runs backwards
    /// gives negative samples. A board subclass only reads the count (<see cref="TryReadCount"/>).
    /// </summary>
    /// <remarks>
    /// The first read only primes the reference and reports 0. The difference is taken modulo
    /// 2^bits and read as a signed number, so it is right as long as fewer than 2^(bits−1)
    /// edges arrive between two reads (32,767 for 16 bits: 32 MHz at a 1 ms tick).
    /// A failed read reports 0; the edges are told by the next good read.
    /// </remarks>
    public abstract class PulseCounterBase : SensorChannel
    {
        private bool _primed;

        /// <summary>Creates a channel over a counter of <paramref name="counterBits"/> bits (2..64).</summary>
        protected PulseCounterBase(int counterBits)
            : base(false)
        {
            if (counterBits < 2 || counterBits > 64) throw new System.ArgumentException("pulse counter: counterBits must be in 2..64, not " + counterBits);
            CounterBits = counterBits;
        }

        /// <summary>Width of the hardware count, bits.</summary>
        public readonly int CounterBits;

        /// <summary>The count at the last good read.</summary>
        public long LastCount;

        /// <summary>Edges seen since construction or <see cref="Reset"/> (signed sum of the samples).</summary>
        public long TotalEdges;

        /// <summary>Reads the free-running count; false when the read failed. Must not allocate.</summary>
        protected abstract bool TryReadCount(out long count);

        /// <summary>The signed difference <paramref name="now"/> − <paramref name="before"/> modulo 2^<see cref="CounterBits"/>.</summary>
        public long Difference(long before, long now)
        {
            long delta = unchecked(now - before);
            int bits = CounterBits;
            if (bits == 64) return delta;
            long modulus = 1L << bits;
            delta &= modulus - 1;
            if (delta >= modulus >> 1) delta -= modulus;
            return delta;
        }

        /// <inheritdoc/>
        public override bool TryRead(out int value)
        {
            long count;
            if (!TryReadCount(out count))
            {
                value = 0;
                return false;
            }
            if (!_primed)
            {
                _primed = true;
                LastCount = count;
                value = 0;
                return true;
            }
            long delta = Difference(LastCount, count);
            LastCount = count;
            TotalEdges += delta;
            value = FixedPoint.SaturateToInt(delta);
            return true;
        }

        /// <summary>Forgets the reference; the next read primes it again.</summary>
        public override void Reset()
        {
            _primed = false;
            TotalEdges = 0;
        }
    }
}
