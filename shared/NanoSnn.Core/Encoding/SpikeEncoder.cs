namespace NanoSnn
{
    /// <summary>
    /// Turns one tick's sensor samples into input spike indices: the encode phase of the tick.
    /// An encoder reads <see cref="Channels"/> samples and owns <see cref="Outputs"/> input
    /// input indices. Implementations keep their state
    /// in arrays allocated at construction and allocate nothing in <see cref="Encode"/>.
    /// </summary>
    public abstract class SpikeEncoder
    {
        /// <summary>Sets the channel and output counts (validated by the subclass first).</summary>
        protected SpikeEncoder(int channels, int outputs)
        {
            if (channels <= 0) throw new System.ArgumentException("an encoder needs at least one channel, not " + channels);
            if (outputs <= 0) throw new System.ArgumentException("an encoder needs at least one output, not " + outputs);
            Channels = channels;
            Outputs = outputs;
        }

        /// <summary>Number of sampled channels read from the sample array, from index 0.</summary>
        public readonly int Channels;

        /// <summary>Number of spike outputs (input indices) this encoder owns.</summary>
        public readonly int Outputs;

        /// <summary>
        /// Encodes one tick's <paramref name="samples"/>[0..Channels): writes the indices of the
        /// outputs that spike (plus <paramref name="indexOffset"/>) to <paramref name="spikes"/>
        /// from position <paramref name="start"/> and returns the new end. At most one spike per
        /// output per tick.
        /// </summary>
        public abstract int Encode(int[] samples, int[] spikes, int start, int indexOffset);

        /// <summary>Returns the encoder to its freshly built state.</summary>
        public abstract void Reset();
    }
}
