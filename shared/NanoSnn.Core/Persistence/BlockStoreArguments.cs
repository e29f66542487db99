namespace NanoSnn
{
    /// <summary>
    /// The argument checks every <see cref="IBlockStore"/> makes before it touches its medium
    /// (memory, host files, device flash files), written once so that all stores reject the
    /// same calls with the same messages.
    /// </summary>
    public static class BlockStoreArguments
    {
        /// <summary>Throws unless 0 ≤ <paramref name="region"/> &lt; <paramref name="regionCount"/>.</summary>
        public static void CheckRegion(int region, int regionCount)
        {
            if (region < 0 || region >= regionCount)
                throw new System.ArgumentException("region " + region + " is outside 0.." + (regionCount - 1));
        }

        /// <summary>Throws unless <paramref name="sector"/> is one of a region's sectors.</summary>
        public static void CheckSector(int sector, int regionBytes, int sectorBytes)
        {
            if (sector < 0 || sector >= regionBytes / sectorBytes)
                throw new System.ArgumentException("sector " + sector + " is outside 0.." + (regionBytes / sectorBytes - 1));
        }

        /// <summary>
        /// Throws unless <paramref name="count"/> bytes fit both the region at
        /// <paramref name="position"/> and <paramref name="buffer"/> at <paramref name="offset"/>;
        /// <paramref name="regionNoun"/> names a region in the message ("region", "slot").
        /// </summary>
        public static void CheckSpan(int position, byte[] buffer, int offset, int count, int regionBytes, string regionNoun)
        {
            if (buffer == null) throw new System.ArgumentNullException("buffer");
            if (count < 0 || position < 0 || position > regionBytes - count || offset < 0 || offset > buffer.Length - count)
                throw new System.ArgumentException(count + " bytes at position " + position + " (buffer offset " + offset
                    + ") do not fit a " + regionBytes + "-byte " + regionNoun + " and a " + buffer.Length + "-byte buffer");
        }
    }
}
