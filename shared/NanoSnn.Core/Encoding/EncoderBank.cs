namespace NanoSnn
{
    /// <summary>
    /// Several encoders side by side over one sample array: encoder e reads the samples that
    /// follow those of encoders 0..e−1, and its outputs follow theirs in the input index space.
    /// Example: 6 distance channels rate-coded, then 1 bump channel threshold-coded.
    /// </summary>
    public sealed class EncoderBank : SpikeEncoder
    {
        private readonly SpikeEncoder[] _encoders;

        /// <summary>Creates a bank over <paramref name="encoders"/> (the array is copied; set-up time only).</summary>
        public EncoderBank(SpikeEncoder[] encoders)
            : base(SumChannels(encoders), SumOutputs(encoders))
        {
            _encoders = new SpikeEncoder[encoders.Length];
            System.Array.Copy(encoders, _encoders, encoders.Length);
        }

        private static int SumChannels(SpikeEncoder[] encoders)
        {
            if (encoders == null || encoders.Length == 0) throw new System.ArgumentException("an encoder bank needs at least one encoder");
            int channels = 0;
            for (int e = 0; e < encoders.Length; e++)
            {
                if (encoders[e] == null) throw new System.ArgumentException("encoder " + e + " of the bank is null");
                channels += encoders[e].Channels;
            }
            return channels;
        }

        private static int SumOutputs(SpikeEncoder[] encoders)
        {
            int outputs = 0;
            for (int e = 0; e < encoders.Length; e++) outputs += encoders[e].Outputs;
            return outputs;
        }

        /// <summary>The encoders, in sample and output order.</summary>
        public SpikeEncoder[] Encoders { get { return _encoders; } }

        /// <inheritdoc/>
        public override int Encode(int[] samples, int sampleStart, int[] spikes, int start, int indexOffset)
        {
            int n = start;
            int sample = sampleStart;
            int offset = indexOffset;
            for (int e = 0; e < _encoders.Length; e++)
            {
                SpikeEncoder encoder = _encoders[e];
                n = encoder.Encode(samples, sample, spikes, n, offset);
                sample += encoder.Channels;
                offset += encoder.Outputs;
            }
            return n;
        }

        /// <inheritdoc/>
        public override void Reset()
        {
            for (int e = 0; e < _encoders.Length; e++) _encoders[e].Reset();
        }
    }
}
