namespace NanoSnn
{
    /// <summary>
    /// Rate coding: channel c spikes in a tick with probability p_c (Probability Q16), drawn
    /// from the encoder's own generator so that encoding never disturbs the network's.
    /// </summary>
    public sealed class BernoulliRateEncoder
    {
        /// <summary>Creates an encoder for <paramref name="channels"/> channels.</summary>
        public BernoulliRateEncoder(int channels, uint seed)
        {
            if (channels <= 0) throw new System.ArgumentException("channels must be positive");
            Channels = channels;
            Rng = new XorShift32(seed);
        }

        /// <summary>Number of channels.</summary>
        public readonly int Channels;

        /// <summary>The encoder's generator (its state belongs in checkpoints and hashes of a closed loop).</summary>
        public readonly XorShift32 Rng;

        /// <summary>
        /// Writes the spiking channels' indices (plus <paramref name="indexOffset"/>) to
        /// <paramref name="spikes"/> from position <paramref name="start"/>; returns the new end.
        /// </summary>
        public int Encode(int[] probabilitiesQ16, int[] spikes, int start, int indexOffset)
        {
            int n = start;
            for (int c = 0; c < Channels; c++)
                if ((int)(Rng.NextUInt() >> 16) < probabilitiesQ16[c]) spikes[n++] = c + indexOffset;
            return n;
        }

        /// <summary>As <see cref="Encode"/> with one probability for every channel.</summary>
        public int EncodeUniform(int probabilityQ16, int[] spikes, int start, int indexOffset)
        {
            int n = start;
            for (int c = 0; c < Channels; c++)
                if ((int)(Rng.NextUInt() >> 16) < probabilityQ16) spikes[n++] = c + indexOffset;
            return n;
        }
    }
}
