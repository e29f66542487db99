namespace NanoSnn
{
    /// <summary>
    /// CRC-32 (IEEE 802.3: reflected polynomial 0xEDB88320, initial and final value
    /// 0xFFFFFFFF; the CRC of "123456789" is 0xCBF43926). It detects every single-bit error
    /// and every burst up to 32 bits, which is what guards model files and checkpoints.
    /// </summary>
    public static class Crc32
    {
        // 1 KB table built at type initialization (once, at boot on the device).
        private static readonly uint[] Table = BuildTable(0xEDB88320u);

        /// <summary>The 256-entry lookup table of the reflected CRC with <paramref name="polynomial"/> (reflected form); <see cref="Crc32C"/> builds its own with this.</summary>
        internal static uint[] BuildTable(uint polynomial)
        {
            uint[] table = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                uint c = n;
                for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? polynomial ^ (c >> 1) : c >> 1;
                table[n] = c;
            }
            return table;
        }

        /// <summary>CRC-32 of <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/>.</summary>
        public static uint Compute(byte[] data, int offset, int count)
        {
            return Finish(Append(Start, data, offset, count));
        }

        /// <summary>Initial register value for incremental use with <see cref="Append"/>.</summary>
        public const uint Start = 0xFFFFFFFFu;

        /// <summary>Feeds bytes into a running register.</summary>
        public static uint Append(uint register, byte[] data, int offset, int count)
        {
            return AppendWith(Table, register, data, offset, count);
        }

        /// <summary>Feeds bytes into a running register of the CRC whose table is <paramref name="table"/> (see <see cref="BuildTable"/>).</summary>
        internal static uint AppendWith(uint[] table, uint register, byte[] data, int offset, int count)
        {
            int end = offset + count;
            for (int i = offset; i < end; i++) register = table[(register ^ data[i]) & 0xFF] ^ (register >> 8);
            return register;
        }

        /// <summary>The CRC from a running register.</summary>
        public static uint Finish(uint register)
        {
            return register ^ 0xFFFFFFFFu;
        }
    }
}
