namespace NanoSnn
{
    /// <summary>
    /// Turns one tick's sensor samples into input spike indices: the encode phase of the tick.
    /// An encoder reads <see cref="Channels"/> samples and owns <see cref="Outputs"/> input
    /// indices. Either may be 0: channels only the learning signal reads own no inputs
    /// (<see cref="UnencodedChannels"/>), bias inputs read no channel (<see cref="TonicEncoder"/>).
    /// Implementations keep their state in arrays allocated at construction and allocate nothing
    /// in <see cref="Encode(int[], int, int[], int, int)"/>.
    /// </summary>
    public abstract class SpikeEncoder
    {
        /// <summary>Sets the channel and output counts (validated by the subclass first).</summary>
        protected SpikeEncoder(int channels, int outputs)
        {
            if (channels < 0) throw new System.ArgumentException("an encoder cannot read " + channels + " channels");
            if (outputs < 0) throw new System.ArgumentException("an encoder cannot have " + outputs + " outputs");
            Channels = channels;
            Outputs = outputs;
        }

        /// <summary>Number of sampled channels read from the sample array.</summary>
        public readonly int Channels;

        /// <summary>Number of spike outputs (input indices) this encoder owns.</summary>
        public readonly int Outputs;

        /// <summary>
        /// Encodes one tick's <paramref name="samples"/>[<paramref name="sampleStart"/> ..
        /// <paramref name="sampleStart"/> + Channels): writes the indices of the outputs that
        /// spike (plus <paramref name="indexOffset"/>) to <paramref name="spikes"/> from position
        /// <paramref name="start"/> and returns the new end. At most one spike per output per
        /// tick. Reading at an offset lets an <see cref="EncoderBank"/> hand each encoder its
        /// part of one sample array without copying it every tick.
        /// </summary>
        public abstract int Encode(int[] samples, int sampleStart, int[] spikes, int start, int indexOffset);

        /// <summary>As <see cref="Encode(int[], int, int[], int, int)"/> with the samples from index 0.</summary>
        public int Encode(int[] samples, int[] spikes, int start, int indexOffset)
        {
            return Encode(samples, 0, spikes, start, indexOffset);
        }

        /// <summary>Returns the encoder to its freshly built state.</summary>
        public abstract void Reset();
    }
}
