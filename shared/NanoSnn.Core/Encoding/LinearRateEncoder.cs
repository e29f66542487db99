namespace NanoSnn
{
    /// <summary>
    /// Base of the rate encoders: one output per channel, whose spike probability (rate per
    /// tick) maps a sample linearly, p = clamp((s − low)/(high − low), 0, 1)·pMax. The mapping
    /// and its checks live here once; the subclasses decide how a rate becomes spikes
    /// (<see cref="RateEncoder"/>: Bernoulli draws, <see cref="RegularRateEncoder"/>: sigma-delta).
    /// </summary>
    public abstract class LinearRateEncoder : SpikeEncoder
    {
        private readonly int _low;
        private readonly int _span;
        private readonly int _maxProbabilityQ16;

        /// <summary>
        /// Maps [<paramref name="low"/>, <paramref name="high"/>] of <paramref name="channels"/>
        /// channels linearly to [0, <paramref name="maxProbabilityQ16"/>] (Q16, at most 1.0);
        /// <paramref name="what"/> names the encoder in errors.
        /// </summary>
        protected LinearRateEncoder(string what, int channels, int low, int high, int maxProbabilityQ16)
            : base(channels, channels)
        {
            if (high <= low) throw new System.ArgumentException(what + ": high (" + high + ") must exceed low (" + low + ")");
            if ((long)high - low > 0x7FFF) throw new System.ArgumentException(what + ": high - low must be at most 32767, not " + ((long)high - low));
            if (maxProbabilityQ16 < 0 || maxProbabilityQ16 > FixedPoint.OneQ16)
                throw new System.ArgumentException(what + ": maxProbabilityQ16 must be in 0..65536, not " + maxProbabilityQ16);
            _low = low;
            _span = high - low;
            _maxProbabilityQ16 = maxProbabilityQ16;
        }

        /// <summary>The spike probability (rate per tick) of a sample, Q16.</summary>
        public int ProbabilityQ16(int sample)
        {
            long above = (long)sample - _low;
            if (above <= 0) return 0;
            if (above >= _span) return _maxProbabilityQ16;
            // above < 2^15 and p < 2^17: the product fits an int.
            return (int)(above * _maxProbabilityQ16 / _span);
        }
    }
}
