namespace NanoSnn
{
    /// <summary>
    /// Send-on-delta coding of sampled signals (ADC counts, distances, any integer unit):
    /// each channel keeps a reference level; when the sample exceeds it by at least delta the
    /// "up" output (2c) spikes and the reference moves up by delta, and symmetrically for
    /// "down" (2c + 1). At most one spike per output per tick, so a jump of k deltas is told
    /// over k ticks; there are two outputs per channel.
    /// </summary>
    public sealed class SendOnDeltaEncoder : SpikeEncoder
    {
        private readonly int[] _reference;
        private readonly int[] _delta;
        private bool _primed;

        /// <summary>Creates an encoder whose channel c fires per <paramref name="deltas"/>[c] units of change (copied; each &gt; 0).</summary>
        public SendOnDeltaEncoder(int[] deltas)
            : base(CheckedChannels(deltas), 2 * deltas.Length)
        {
            _delta = new int[Channels];
            System.Array.Copy(deltas, _delta, Channels);
            _reference = new int[Channels];
        }

        private static int CheckedChannels(int[] deltas)
        {
            if (deltas == null || deltas.Length == 0) throw new System.ArgumentException("at least one channel is needed");
            for (int c = 0; c < deltas.Length; c++)
                if (deltas[c] <= 0) throw new System.ArgumentException("delta of channel " + c + " is " + deltas[c] + "; it must be positive");
            return deltas.Length;
        }

        /// <summary>Current reference level of each channel.</summary>
        public int[] Reference { get { return _reference; } }

        /// <summary>Forgets the reference levels; the next sample re-primes them without spiking.</summary>
        public override void Reset()
        {
            _primed = false;
        }

        /// <summary>
        /// Encodes one tick's samples; the indices (plus <paramref name="indexOffset"/>) go to
        /// <paramref name="spikes"/> from <paramref name="start"/>; returns the new end. The
        /// first call only primes the references.
        /// </summary>
        public override int Encode(int[] samples, int sampleStart, int[] spikes, int start, int indexOffset)
        {
            int n = start;
            if (!_primed)
            {
                System.Array.Copy(samples, sampleStart, _reference, 0, Channels);
                _primed = true;
                return n;
            }
            for (int c = 0; c < Channels; c++)
            {
                // long: sample and reference may be far apart near the int limits.
                long diff = (long)samples[sampleStart + c] - _reference[c];
                int d = _delta[c];
                if (diff >= d)
                {
                    spikes[n++] = 2 * c + indexOffset;
                    _reference[c] += d;
                }
                else if (diff <= -d)
                {
                    spikes[n++] = 2 * c + 1 + indexOffset;
                    _reference[c] -= d;
                }
            }
            return n;
        }
    }
}
