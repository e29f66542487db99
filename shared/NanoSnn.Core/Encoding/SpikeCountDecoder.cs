namespace NanoSnn
{
    /// <summary>
    /// Counts each neuron's spikes over tumbling windows of a fixed number of ticks. When a
    /// window closes the counts are copied to <see cref="Counts"/> and <see cref="WindowClosed"/>
    /// is true for that tick; <see cref="Winner"/> is the class decision (most spikes).
    /// </summary>
    public sealed class SpikeCountDecoder
    {
        private readonly int[] _running;
        private int _ticks;

        /// <summary>Creates a decoder for <paramref name="population"/> with windows of <paramref name="windowTicks"/> ticks.</summary>
        public SpikeCountDecoder(Population population, int windowTicks)
        {
            if (population == null || !population.IsSpiking) throw new System.ArgumentException("a spiking population is required");
            if (windowTicks <= 0) throw new System.ArgumentException("window must be at least one tick");
            Population = population;
            WindowTicks = windowTicks;
            _running = new int[population.Size];
            Counts = new int[population.Size];
        }

        /// <summary>The decoded population.</summary>
        public readonly Population Population;

        /// <summary>Window length in ticks.</summary>
        public readonly int WindowTicks;

        /// <summary>Spike counts of the last closed window.</summary>
        public readonly int[] Counts;

        /// <summary>True in the tick that closed a window.</summary>
        public bool WindowClosed;

        /// <summary>Neuron with the most spikes in the last closed window (lowest index on ties), or -1 if none spiked.</summary>
        public int Winner = -1;

        /// <summary>Adds the population's spikes of the tick just run; call once per tick after Step.</summary>
        public void Update()
        {
            int[] list = Population.SpikeList;
            for (int k = 0; k < Population.SpikeCount; k++) _running[list[k]]++;
            _ticks++;
            WindowClosed = _ticks >= WindowTicks;
            if (!WindowClosed) return;
            int best = -1;
            int bestCount = 0;
            for (int j = 0; j < _running.Length; j++)
            {
                int c = _running[j];
                Counts[j] = c;
                if (c > bestCount) { bestCount = c; best = j; }
                _running[j] = 0;
            }
            Winner = best;
            _ticks = 0;
        }

        /// <summary>Starts a new window now.</summary>
        public void Reset()
        {
            System.Array.Clear(_running, 0, _running.Length);
            _ticks = 0;
            WindowClosed = false;
        }
    }
}
