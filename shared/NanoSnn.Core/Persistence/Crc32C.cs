namespace NanoSnn
{
    /// <summary>
    /// CRC-32C (Castagnoli: reflected polynomial 0x82F63B78, initial and final value
    /// 0xFFFFFFFF; the CRC of "123456789" is 0xE3069283), the checksum a checkpoint header
    /// keeps of its payload.
    /// </summary>
    /// <remarks>
    /// Why not <see cref="Crc32"/>: the payload is a model file that ends with its own CRC-32,
    /// and the CRC-32 of any message followed by its CRC-32 is the same constant (the residue
    /// 0x2144DF1C). A CRC-32 in the header would therefore match every intact model of the
    /// same length, and a header could not tell its own payload from a stale one. A different
    /// polynomial has no such blind spot and keeps CRC-32's guarantees (every burst up to 32
    /// bits). The 1 KB table belongs to the instance, so only firmware that checkpoints pays it.
    /// </remarks>
    public sealed class Crc32C
    {
        /// <summary>RAM of the lookup table: 256 entries of 4 bytes.</summary>
        public const int TableBytes = 256 * 4;

        private readonly uint[] _table;

        /// <summary>Builds the table (once per checkpoint store, at set-up).</summary>
        public Crc32C()
        {
            _table = Crc32.BuildTable(0x82F63B78u);
        }

        /// <summary>Initial register value for incremental use with <see cref="Append"/>.</summary>
        public const uint Start = 0xFFFFFFFFu;

        /// <summary>CRC-32C of <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/>.</summary>
        public uint Compute(byte[] data, int offset, int count)
        {
            return Finish(Append(Start, data, offset, count));
        }

        /// <summary>Feeds bytes into a running register.</summary>
        public uint Append(uint register, byte[] data, int offset, int count)
        {
            return Crc32.AppendWith(_table, register, data, offset, count);
        }

        /// <summary>The CRC from a running register.</summary>
        public static uint Finish(uint register)
        {
            return register ^ 0xFFFFFFFFu;
        }
    }
}
