namespace NanoSnn
{
    /// <summary>
    /// Persistent storage as the checkpoint code sees it: <see cref="RegionCount"/> regions of
    /// <see cref="RegionBytes"/> bytes each, erased in sectors of <see cref="SectorBytes"/>,
    /// read and written at any byte position, and made durable by <see cref="Flush"/>.
    /// The model is NOR flash: the device implements it with files on internal flash (one file
    /// per region, named by <see cref="CheckpointStore.RegionFileName"/>), the host with files
    /// in a directory, the tests and RAM-only boards with <see cref="MemoryBlockStore"/>.
    /// </summary>
    /// <remarks>
    /// Contract, which <see cref="CheckpointStore"/> relies on and nothing more:
    /// <list type="bullet">
    /// <item>Bytes never written, and bytes of an erased sector, read as 0xFF.</item>
    /// <item><see cref="Write"/> is only issued to bytes erased since their last write; it may
    /// be buffered and reach the medium in any order until <see cref="Flush"/>.</item>
    /// <item>When <see cref="Flush"/> returns, everything written or erased in that region
    /// before the call survives a power cut. A power cut during any call may leave the sectors
    /// it touches torn: partly written, erased, or holding their previous content.</item>
    /// <item>Arguments outside the region throw <see cref="System.ArgumentException"/>; a
    /// failing medium throws whatever its I/O layer throws.</item>
    /// </list>
    /// Buffers are plain byte arrays with an offset and a count (no Span, no generics) so that
    /// the same interface compiles for nanoFramework 1.x and a write allocates nothing.
    /// </remarks>
    public interface IBlockStore
    {
        /// <summary>Number of independent regions (a checkpoint store needs 2: slot A and slot B).</summary>
        int RegionCount { get; }

        /// <summary>Capacity of each region in bytes, a multiple of <see cref="SectorBytes"/>.</summary>
        int RegionBytes { get; }

        /// <summary>Erase unit in bytes (4096 on ESP32 NOR flash).</summary>
        int SectorBytes { get; }

        /// <summary>Sets sector <paramref name="sector"/> of <paramref name="region"/> to 0xFF.</summary>
        void Erase(int region, int sector);

        /// <summary>Copies <paramref name="count"/> bytes from <paramref name="position"/> of the region into <paramref name="buffer"/> at <paramref name="offset"/>.</summary>
        void Read(int region, int position, byte[] buffer, int offset, int count);

        /// <summary>Stores <paramref name="count"/> bytes of <paramref name="buffer"/> from <paramref name="offset"/> at <paramref name="position"/> of the region.</summary>
        void Write(int region, int position, byte[] buffer, int offset, int count);

        /// <summary>Returns once every earlier write and erase of <paramref name="region"/> is durable.</summary>
        void Flush(int region);
    }
}
