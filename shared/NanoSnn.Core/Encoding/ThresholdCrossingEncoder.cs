namespace NanoSnn
{
    /// <summary>
    /// Threshold-crossing coding: output 2c spikes when channel c rises through its threshold
    /// and 2c + 1 when it falls back below threshold − hysteresis (the hysteresis stops a
    /// noisy signal near the threshold from chattering).
    /// </summary>
    public sealed class ThresholdCrossingEncoder
    {
        private readonly int[] _threshold;
        private readonly int _hysteresis;
        private readonly byte[] _above;

        /// <summary>Creates an encoder with per-channel thresholds (copied) and a common hysteresis (&gt;= 0).</summary>
        public ThresholdCrossingEncoder(int[] thresholds, int hysteresis)
        {
            if (thresholds == null || thresholds.Length == 0) throw new System.ArgumentException("at least one channel is needed");
            if (hysteresis < 0) throw new System.ArgumentException("hysteresis must be >= 0");
            Channels = thresholds.Length;
            _threshold = new int[Channels];
            System.Array.Copy(thresholds, _threshold, Channels);
            _hysteresis = hysteresis;
            _above = new byte[Channels];
        }

        /// <summary>Number of sampled channels.</summary>
        public readonly int Channels;

        /// <summary>Number of spike outputs (2 per channel: rising, falling).</summary>
        public int Outputs { get { return 2 * Channels; } }

        /// <summary>Treats every channel as below threshold again.</summary>
        public void Reset()
        {
            System.Array.Clear(_above, 0, _above.Length);
        }

        /// <summary>Encodes one tick's samples; returns the new end of <paramref name="spikes"/>.</summary>
        public int Encode(int[] samples, int[] spikes, int start, int indexOffset)
        {
            int n = start;
            for (int c = 0; c < Channels; c++)
            {
                int x = samples[c];
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
