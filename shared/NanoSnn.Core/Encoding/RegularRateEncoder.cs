namespace NanoSnn
{
    /// <summary>
    /// Rate coding without randomness: each channel adds its spike probability
    /// p = clamp((s − low)/(high − low), 0, 1)·pMax to an accumulator every tick and spikes when
    /// the accumulator reaches 1 (a first-order sigma-delta modulator). Over any window the
    /// spike count is within one of p·window, so a readout sees the sample with far less noise
    /// than from Bernoulli spikes (<see cref="RateEncoder"/>), whose count over 100 ticks at
    /// p = 0.1 varies by ±30 %. No generator is needed; the channels start at staggered phases
    /// so that equal samples do not spike in lockstep.
    /// </summary>
    public sealed class RegularRateEncoder : LinearRateEncoder
    {
        private readonly int[] _phaseQ16;

        /// <summary>
        /// Creates an encoder for <paramref name="channels"/> channels mapping
        /// [<paramref name="low"/>, <paramref name="high"/>] linearly to
        /// [0, <paramref name="maxProbabilityQ16"/>] spikes per tick (Q16, at most 1.0).
        /// </summary>
        public RegularRateEncoder(int channels, int low, int high, int maxProbabilityQ16)
            : base("regular rate encoder", channels, low, high, maxProbabilityQ16)
        {
            _phaseQ16 = new int[channels];
            Reset();
        }

        /// <summary>Accumulated phase of each channel, Q16 (a spike when it reaches 1.0).</summary>
        public int[] PhaseQ16 { get { return _phaseQ16; } }

        /// <inheritdoc/>
        public override int Encode(int[] samples, int sampleStart, int[] spikes, int start, int indexOffset)
        {
            int n = start;
            int[] phase = _phaseQ16;
            for (int c = 0; c < Channels; c++)
            {
                int x = phase[c] + ProbabilityQ16(samples[sampleStart + c]);
                if (x >= FixedPoint.OneQ16)
                {
                    x -= FixedPoint.OneQ16;
                    spikes[n++] = c + indexOffset;
                }
                phase[c] = x;
            }
            return n;
        }

        /// <summary>Restores the staggered start phases (channel c starts at the fractional part of c·0.618).</summary>
        public override void Reset()
        {
            for (int c = 0; c < _phaseQ16.Length; c++) _phaseQ16[c] = (int)(((long)c * 40503) & 0xFFFF);
        }
    }
}
