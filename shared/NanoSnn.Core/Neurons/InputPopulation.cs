namespace NanoSnn
{
    /// <summary>Spike sources: the encoders' or the log's spike indices of the current tick.</summary>
    public sealed class InputPopulation : Population
    {
        /// <summary>Creates <paramref name="size"/> input channels.</summary>
        public InputPopulation(string name, int size)
            : base(name, PopulationKind.Input, size, true, false)
        {
        }

        /// <summary>Offset of channel 0 in the network's concatenated input index space (set by the builder).</summary>
        public int FirstInputIndex { get; internal set; }

        /// <summary>Clears last tick's spikes.</summary>
        internal void BeginTick()
        {
            int[] list = SpikeList;
            byte[] spiked = Spiked;
            for (int k = 0; k < SpikeCount; k++) spiked[list[k]] = 0;
            SpikeCount = 0;
        }

        /// <summary>Marks channel <paramref name="channel"/> as spiking this tick; duplicates count once.</summary>
        internal void AddSpike(int channel)
        {
            if (Spiked[channel] != 0) return;
            Spiked[channel] = 1;
            SpikeList[SpikeCount++] = channel;
            TotalSpikes++;
        }

        /// <summary>Inputs have no dynamics: spikes are set by the network's Step.</summary>
        public override void Integrate()
        {
        }
    }
}
