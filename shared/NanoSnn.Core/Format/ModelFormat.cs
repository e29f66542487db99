namespace NanoSnn
{
    /// <summary>
    /// Model format v2 (v1 is still read): one little-endian binary layout for models and
    /// checkpoints, including the learning rules and their state.
    /// <code>
    /// header   0  "NSNN"                     magic
    ///          4  u16 version = 2            (1: no rule sections, network section of 12 bytes)
    ///          6  u16 header size = 16
    ///          8  u32 file length            bytes, CRC included
    ///         12  u16 section count          = 1 + populations + projections + rules, + 1 + rules with state
    ///         14  u16 flags                  bit 0: the state sections follow; other bits 0
    /// section     u16 type, u16 reserved = 0, u32 payload length, payload
    ///   1 Network     u32 dt µs, u32 seed, u16 populations, u16 projections, v2: u16 rules, u16 reserved = 0
    ///   2 Population  u8 kind, u8 reset mode, u8 refractory ticks, u8 name length, name (ASCII),
    ///                 u32 size, i32 threshold Q16, i32 tau µs, i32 bias Q16,
    ///                 i32 tau adaptation µs, i32 beta Q16   (fields a kind does not use are 0;
    ///                 a readout's time constant is in "tau")
    ///                 kinds 1 input, 2 LIF, 3 ALIF, 4 readout, 5 Izhikevich (v2 only; all the
    ///                 fields above after the size are 0), which continues with
    ///                 i32 noise amplitude Q16 mV/ms (0..1024.0), u32 noise seed, u32 runs R (1..size),
    ///                 then R parameter runs: u32 neurons (≥ 1), i32 a Q24 (0..1.0), i32 b Q24 (−4.0..4.0),
    ///                 i32 c Q16 mV (−256 &lt; c &lt; 30), i32 d Q16 mV (−256..256); the runs cover the
    ///                 neurons in order, sum to the size, and neighbouring runs differ (one run per
    ///                 maximal block of equal a, b, c, d, so a file has one spelling)
    ///   3 Projection  u8 kind, u8 weight shift, u8 source index, u8 target index,
    ///                 u8 name length, name, u32 synapses,
    ///                 sparse only: u32 row start × (source size + 1), u16 target × synapses,
    ///                 i16 weight × synapses
    ///   5 Plasticity  v2, one per learning rule in the order the rules run:
    ///                 u8 kind, u8 enabled (0/1), u16 reserved = 0, then per kind
    ///                 (populations and projections by index; 32-bit values unless noted):
    ///     1 e-prop             u8 recurrent population, u8 readout population, u8 input projection
    ///                          (255: none), u8 recurrent projection (255: none), u8 output projection,
    ///                          u8 eligibility (0 factorized, 1 exact), u8 feedback (0 random, 1 symmetric),
    ///                          u8 task (0 regression, 1 classification), u8 learn (bit 0 input,
    ///                          1 recurrent, 2 output), gamma Q16, η Q16, η shift, η_out Q16, η_out shift,
    ///                          update interval ticks, rate regularization Q16, rate target Q16,
    ///                          rate tau µs, feedback scale Q16, feedback weight shift, u32 feedback seed
    ///     2 reward STDP        u8 projection, trace on spike Q16, trace decay Factor16, depression gain Q16,
    ///                          update ticks, eligibility decay Factor16, dopamine decay Factor16,
    ///                          tonic Q16, weight min, weight max, modulation sign, baseline shift,
    ///                          max lag windows (1..255: the value the rule was built with; it sizes the state)
    ///     3 synaptic scaling   u8 projection, target rate Q24, rate shift, epoch ticks, gain Q16, max step Q16
    ///     4 homeostasis        u8 population, step Q16, max Q16, decay interval ticks, decay shift, current gain Q16
    ///   4 State       i64 tick, u32 generator state, then per population in order:
    ///                 u8 spiked × size (spiking kinds), LIF/ALIF: i32 membrane × size,
    ///                 u8 refractory × size, ALIF: i32 adaptation × size; readout: i32 value × size;
    ///                 Izhikevich: i32 v Q16 × size (−256 ≤ v &lt; 30 mV, as after every tick),
    ///                 i32 u Q16 × size (|u| ≤ 1024 mV), u32 noise generator state (not 0)
    ///   6 Rule state  v2, with the state flag, one per rule in order after the state section:
    ///                 the fields the rule lists in its TransferState (traces, eligibilities,
    ///                 dopamine, accumulators, counters; see each rule), lengths implied by the
    ///                 rule's parameters and the network
    /// trailer     u32 CRC-32 of every preceding byte
    /// </code>
    /// Sections come in exactly that order. Loading checks the header, the length and the
    /// CRC before it parses anything, then every field; it returns a complete network, with
    /// its rules attached, or throws <see cref="ModelFormatException"/>. A file without the
    /// state flag loads every rule in its reset state. Feedback matrices and other values a
    /// rule derives from its parameters are rebuilt, not stored.
    /// </summary>
    public static class ModelFormat
    {
        /// <summary>The format version this build writes (and the newest it reads).</summary>
        public const int Version = 2;

        /// <summary>The oldest format version this build reads.</summary>
        public const int OldestVersion = 1;

        /// <summary>Bytes of the header.</summary>
        public const int HeaderBytes = 16;

        /// <summary>Bytes of a section header.</summary>
        public const int SectionHeaderBytes = 8;

        /// <summary>Bytes of the CRC trailer.</summary>
        public const int TrailerBytes = 4;

        /// <summary>Header flag: a state section is present.</summary>
        public const int FlagState = 1;

        /// <summary>Section type of the network parameters.</summary>
        public const int SectionNetwork = 1;

        /// <summary>Section type of one population.</summary>
        public const int SectionPopulation = 2;

        /// <summary>Section type of one projection.</summary>
        public const int SectionProjection = 3;

        /// <summary>Section type of the dynamic state (checkpoints).</summary>
        public const int SectionState = 4;

        /// <summary>Section type of one learning rule's kind, bindings and parameters (v2).</summary>
        public const int SectionPlasticity = 5;

        /// <summary>Section type of one learning rule's state (v2 checkpoints).</summary>
        public const int SectionPlasticityState = 6;

        /// <summary>Payload bytes of the network section in <paramref name="version"/>.</summary>
        public static int NetworkPayloadBytes(int version)
        {
            return version == 1 ? 12 : 16;
        }

        /// <summary>The magic bytes "NSNN".</summary>
        public const int Magic0 = 0x4E, Magic1 = 0x53, Magic2 = 0x4E, Magic3 = 0x4E;

        /// <summary>Bytes of one Izhikevich parameter run: neurons, a, b, c, d.</summary>
        public const int IzhikevichRunBytes = 20;

        /// <summary>Bytes an Izhikevich population section holds after the common fields, before its runs: noise amplitude, noise seed, run count.</summary>
        public const int IzhikevichHeaderBytes = 12;

        /// <summary>
        /// Bytes a population of <paramref name="kind"/> and <paramref name="size"/> neurons
        /// stores in the state section: spike flags, plus membrane (4), refractory counter (1)
        /// and for ALIF adaptation (4) per LIF neuron, v and u (4 + 4) per Izhikevich neuron
        /// and its population's noise generator (4), or the value (4) per readout unit.
        /// </summary>
        public static long StateBytes(PopulationKind kind, int size)
        {
            if (kind == PopulationKind.Input) return size;
            if (kind == PopulationKind.Lif) return 6L * size;
            if (kind == PopulationKind.Alif) return 10L * size;
            if (kind == PopulationKind.Izhikevich) return 9L * size + 4;
            return 4L * size;
        }

        /// <summary>
        /// The declared total length of the model at <paramref name="offset"/>, or -1 if fewer
        /// than <see cref="HeaderBytes"/> bytes are available or the magic is wrong. Lets a
        /// caller find a model inside a larger buffer (a checkpoint slot) before loading it.
        /// </summary>
        public static int PeekLength(byte[] data, int offset, int available)
        {
            if (data == null || available < HeaderBytes || offset < 0 || offset > data.Length - HeaderBytes) return -1;
            if (data[offset] != Magic0 || data[offset + 1] != Magic1 || data[offset + 2] != Magic2 || data[offset + 3] != Magic3) return -1;
            return LittleEndian.ReadInt32(data, offset + 8);
        }
    }
}
