namespace NanoSnn
{
    /// <summary>
    /// Sample channels that the network does not see: they are read by the learning signal
    /// only (a remote control's teaching commands and its teach switch, a mode button). Put it
    /// in an <see cref="EncoderBank"/> at their position; it owns no input indices.
    /// </summary>
    public sealed class UnencodedChannels : SpikeEncoder
    {
        /// <summary>Covers <paramref name="channels"/> sample channels.</summary>
        public UnencodedChannels(int channels)
            : base(channels, 0)
        {
        }

        /// <summary>Emits nothing.</summary>
        public override int Encode(int[] samples, int sampleStart, int[] spikes, int start, int indexOffset)
        {
            return start;
        }

        /// <inheritdoc/>
        public override void Reset()
        {
        }
    }
}
