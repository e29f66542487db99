namespace NanoSnn
{
    /// <summary>
    /// Model format v1: one little-endian binary layout for models and checkpoints.
    /// <code>
    /// header   0  "NSNN"                     magic
    ///          4  u16 version = 1
    ///          6  u16 header size = 16
    ///          8  u32 file length            bytes, CRC included
    ///         12  u16 section count          = 1 + populations + projections (+1 with state)
    ///         14  u16 flags                  bit 0: a state section follows; other bits 0
    /// section     u16 type, u16 reserved = 0, u32 payload length, payload
    ///   1 Network     u32 dt µs, u32 seed, u16 populations, u16 projections
    ///   2 Population  u8 kind, u8 reset mode, u8 refractory ticks, u8 name length, name (ASCII),
    ///                 u32 size, i32 threshold Q16, i32 tau µs, i32 bias Q16,
    ///                 i32 tau adaptation µs, i32 beta Q16   (fields a kind does not use are 0;
    ///                 a readout's time constant is in "tau")
    ///   3 Projection  u8 kind, u8 weight shift, u8 source index, u8 target index,
    ///                 u8 name length, name, u32 synapses,
    ///                 sparse only: u32 row start × (source size + 1), u16 target × synapses,
    ///                 i16 weight × synapses
    ///   4 State       i64 tick, u32 generator state, then per population in order:
    ///                 u8 spiked × size (spiking kinds), LIF/ALIF: i32 membrane × size,
    ///                 u8 refractory × size, ALIF: i32 adaptation × size; readout: i32 value × size
    /// trailer     u32 CRC-32 of every preceding byte
    /// </code>
    /// Sections come in exactly that order. Loading checks the header, the length and the
    /// CRC before it parses anything, then every field; it returns a complete network or
    /// throws <see cref="ModelFormatException"/>.
    /// </summary>
    public static class ModelFormat
    {
        /// <summary>The format version this build writes and reads.</summary>
        public const int Version = 1;

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

        /// <summary>The magic bytes "NSNN".</summary>
        public const int Magic0 = 0x4E, Magic1 = 0x53, Magic2 = 0x4E, Magic3 = 0x4E;

        /// <summary>
        /// Bytes a population of <paramref name="kind"/> and <paramref name="size"/> neurons
        /// stores in the state section: spike flags, plus membrane (4), refractory counter (1)
        /// and for ALIF adaptation (4) per LIF neuron, or the value (4) per readout unit.
        /// </summary>
        public static long StateBytes(PopulationKind kind, int size)
        {
            if (kind == PopulationKind.Input) return size;
            if (kind == PopulationKind.Lif) return 6L * size;
            if (kind == PopulationKind.Alif) return 10L * size;
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
