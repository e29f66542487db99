namespace NanoSnn
{
    /// <summary>
    /// Rate coding of sampled signals: a sample s of channel c spikes with probability
    /// p = clamp((s − low)/(high − low), 0, 1)·pMax per tick, drawn from the encoder's own
    /// generator (so encoding never disturbs the network's). One output per channel. Suits
    /// proximity-like signals (a distance sensor that fires faster as an obstacle nears).
    /// </summary>
    public sealed class RateEncoder : LinearRateEncoder
    {
        /// <summary>
        /// Creates an encoder for <paramref name="channels"/> channels mapping
        /// [<paramref name="low"/>, <paramref name="high"/>] linearly to
        /// [0, <paramref name="maxProbabilityQ16"/>] (Q16, at most 1.0).
        /// </summary>
        public RateEncoder(int channels, int low, int high, int maxProbabilityQ16, uint seed)
            : base("rate encoder", channels, low, high, maxProbabilityQ16)
        {
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
