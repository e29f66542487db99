namespace NanoSnn
{
    /// <summary>
    /// Threshold-crossing coding: output 2c spikes when channel c rises through its threshold
    /// and 2c + 1 when it falls back below threshold − hysteresis (the hysteresis stops a
    /// noisy signal near the threshold from chattering).
    /// </summary>
    public sealed class ThresholdCrossingEncoder : SpikeEncoder
    {
        private readonly int[] _threshold;
        private readonly int _hysteresis;
        private readonly byte[] _above;

        /// <summary>Creates an encoder with per-channel thresholds (copied) and a common hysteresis (&gt;= 0).</summary>
        public ThresholdCrossingEncoder(int[] thresholds, int hysteresis)
            : base(CheckedChannels(thresholds, hysteresis), 2 * thresholds.Length)
        {
            _threshold = new int[Channels];
            System.Array.Copy(thresholds, _threshold, Channels);
            _hysteresis = hysteresis;
            _above = new byte[Channels];
        }

        private static int CheckedChannels(int[] thresholds, int hysteresis)
        {
            if (thresholds == null || thresholds.Length == 0) throw new System.ArgumentException("at least one channel is needed");
            if (hysteresis < 0) throw new System.ArgumentException("hysteresis must be >= 0");
            return thresholds.Length;
        }

        /// <summary>Treats every channel as below threshold again.</summary>
        public override void Reset()
        {
            System.Array.Clear(_above, 0, _above.Length);
        }

        /// <inheritdoc/>
        public override int Encode(int[] samples, int sampleStart, int[] spikes, int start, int indexOffset)
        {
            int n = start;
            for (int c = 0; c < Channels; c++)
            {
                int x = samples[sampleStart + c];
                if (_above[c] == 0)
                {
                    if (x >= _threshold[c])
                    {
                        _above[c] = 1;
                        spikes[n++] = 2 * c + indexOffset;
                    }
                }
                else if ((long)x < (long)_threshold[c] - _hysteresis)
                {
                    _above[c] = 0;
                    spikes[n++] = 2 * c + 1 + indexOffset;
                }
            }
            return n;
        }
    }
}
