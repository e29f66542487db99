namespace NanoSnn
{
    /// <summary>
    /// An <see cref="IBlockStore"/> in one byte array: for the tests, for the simulator and for
    /// a board without flash (where a checkpoint then survives a soft restart of the
    /// application, not a power cut). Starts erased (0xFF). Allocation-free after construction.
    /// </summary>
    public sealed class MemoryBlockStore : IBlockStore
    {
        private readonly int _regionCount;
        private readonly int _regionBytes;
        private readonly int _sectorBytes;

        /// <summary>Creates <paramref name="regionCount"/> erased regions of <paramref name="regionBytes"/> bytes with sectors of <paramref name="sectorBytes"/>.</summary>
        /// <exception cref="System.ArgumentException">A size is not positive, or the region is not a whole number of sectors.</exception>
        public MemoryBlockStore(int regionCount, int regionBytes, int sectorBytes)
        {
            if (regionCount < 1 || regionBytes < 1 || sectorBytes < 1 || regionBytes % sectorBytes != 0 || (long)regionCount * regionBytes > int.MaxValue)
                throw new System.ArgumentException("memory block store: " + regionCount + " regions of " + regionBytes + " bytes with " + sectorBytes
                    + "-byte sectors; sizes must be positive, regions a whole number of sectors and the total below 2 GB");
            _regionCount = regionCount;
            _regionBytes = regionBytes;
            _sectorBytes = sectorBytes;
            Bytes = new byte[regionCount * regionBytes];
            for (int i = 0; i < Bytes.Length; i++) Bytes[i] = 0xFF;
        }

        /// <summary>The whole medium, region after region: region r starts at r·<see cref="RegionBytes"/>. Tests corrupt it directly.</summary>
        public readonly byte[] Bytes;

        /// <inheritdoc/>
        public int RegionCount { get { return _regionCount; } }

        /// <inheritdoc/>
        public int RegionBytes { get { return _regionBytes; } }

        /// <inheritdoc/>
        public int SectorBytes { get { return _sectorBytes; } }

        /// <inheritdoc/>
        public void Erase(int region, int sector)
        {
            BlockStoreArguments.CheckSector(sector, _regionBytes, _sectorBytes);
            int at = Start(region) + sector * _sectorBytes;
            for (int i = 0; i < _sectorBytes; i++) Bytes[at + i] = 0xFF;
        }

        /// <inheritdoc/>
        public void Read(int region, int position, byte[] buffer, int offset, int count)
        {
            Check(region, position, buffer, offset, count);
            System.Array.Copy(Bytes, Start(region) + position, buffer, offset, count);
        }

        /// <inheritdoc/>
        public void Write(int region, int position, byte[] buffer, int offset, int count)
        {
            Check(region, position, buffer, offset, count);
            System.Array.Copy(buffer, offset, Bytes, Start(region) + position, count);
        }

        /// <inheritdoc/>
        public void Flush(int region)
        {
            Start(region);
        }

        private int Start(int region)
        {
            BlockStoreArguments.CheckRegion(region, _regionCount);
            return region * _regionBytes;
        }

        private void Check(int region, int position, byte[] buffer, int offset, int count)
        {
            BlockStoreArguments.CheckRegion(region, _regionCount);
            BlockStoreArguments.CheckSpan(position, buffer, offset, count, _regionBytes, "region");
        }
    }
}
