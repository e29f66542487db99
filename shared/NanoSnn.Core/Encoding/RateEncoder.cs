namespace NanoSnn
{
    /// <summary>
    /// Rate coding of sampled signals: a sample s of channel c spikes with probability
    /// p = clamp((s − low)/(high − low), 0, 1)·pMax per tick, drawn from the encoder's own
    /// generator (so encoding never disturbs the network's). One output per channel. Suits
    /// proximity-like signals (a distance sensor that fires faster as an obstacle nears).
    /// </summary>
    public sealed class RateEncoder : SpikeEncoder
    {
        private readonly int _low;
        private readonly int _span;
        private readonly int _maxProbabilityQ16;

        /// <summary>
        /// Creates an encoder for <paramref name="channels"/> channels mapping
        /// [<paramref name="low"/>, <paramref name="high"/>] linearly to
        /// [0, <paramref name="maxProbabilityQ16"/>] (Q16, at most 1.0).
        /// </summary>
        public RateEncoder(int channels, int low, int high, int maxProbabilityQ16, uint seed)
            : base(channels, channels)
        {
            if (high <= low) throw new System.ArgumentException("rate encoder: high (" + high + ") must exceed low (" + low + ")");
            if ((long)high - low > 0x7FFF) throw new System.ArgumentException("rate encoder: high - low must be at most 32767, not " + ((long)high - low));
            if (maxProbabilityQ16 < 0 || maxProbabilityQ16 > FixedPoint.OneQ16)
                throw new System.ArgumentException("rate encoder: maxProbabilityQ16 must be in 0..65536, not " + maxProbabilityQ16);
            _low = low;
            _span = high - low;
            _maxProbabilityQ16 = maxProbabilityQ16;
            Seed = seed;
            Rng = new XorShift32(seed);
        }

        /// <summary>Seed of <see cref="Rng"/>, restored by <see cref="Reset"/>.</summary>
        public readonly uint Seed;

        /// <summary>The encoder's generator (part of a closed loop's state).</summary>
        public readonly XorShift32 Rng;

        /// <summary>The spike probability of a sample, Q16.</summary>
        public int ProbabilityQ16(int sample)
        {
            long above = (long)sample - _low;
            if (above <= 0) return 0;
            if (above >= _span) return _maxProbabilityQ16;
            // above < 2^15 and p < 2^17: the product fits an int.
            return (int)(above * _maxProbabilityQ16 / _span);
        }

        /// <inheritdoc/>
        public override int Encode(int[] samples, int sampleStart, int[] spikes, int start, int indexOffset)
        {
            int n = start;
            for (int c = 0; c < Channels; c++)
            {
                int p = ProbabilityQ16(samples[sampleStart + c]);
                // One draw per channel per tick, spiking or not: the stream stays aligned.
                if ((int)(Rng.NextUInt() >> 16) < p) spikes[n++] = c + indexOffset;
            }
            return n;
        }

        /// <inheritdoc/>
        public override void Reset()
        {
            Rng.Seed(Seed);
        }
    }
}
