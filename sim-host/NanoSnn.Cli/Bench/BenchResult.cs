namespace NanoSnn.Cli.Bench
{
    /// <summary>The figures of one benchmark configuration. Timing figures vary between runs; all others are deterministic.</summary>
    public sealed class BenchResult
    {
        /// <summary>Workload name.</summary>
        public string Workload;

        /// <summary>Layer sizes.</summary>
        public int Inputs, Hidden, Outputs;

        /// <summary>Timed ticks.</summary>
        public int Steps;

        /// <summary>Input spike probability per tick, as given on the command line.</summary>
        public double InputRate;

        /// <summary>Input spike probability per tick as Probability Q16.</summary>
        public int InputProbQ16;

        /// <summary>Seed.</summary>
        public uint Seed;

        /// <summary>Ticks run before timing (machine-dependent: at least a count and a duration).</summary>
        public int WarmupSteps;

        /// <summary>Seconds of the timed loop.</summary>
        public double Seconds;

        /// <summary>Synaptic events in the timed loop.</summary>
        public long SynapticEvents;

        /// <summary>Bytes the benchmark thread allocated during the timed loop.</summary>
        public long AllocatedBytes;

        /// <summary>Mean rates over the timed loop, Hz.</summary>
        public double HiddenRateHz, OutputRateHz;

        /// <summary>Weight bytes per synapse.</summary>
        public double BytesPerSynapse;

        /// <summary>Synapses.</summary>
        public int Synapses;

        /// <summary>Parameters plus state, bytes.</summary>
        public int FootprintBytes;

        /// <summary>State hash after the timed loop (deterministic for a seed).</summary>
        public uint StateHash;

        /// <summary>Ticks per second.</summary>
        public double StepsPerSecond { get { return Steps / Seconds; } }

        /// <summary>Synaptic events per second.</summary>
        public double SynapticEventsPerSecond { get { return SynapticEvents / Seconds; } }

        /// <summary>Allocated bytes per tick.</summary>
        public double AllocatedBytesPerStep { get { return AllocatedBytes / (double)Steps; } }
    }
}
