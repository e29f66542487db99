namespace NanoSnn
{
    /// <summary>Little-endian reads and writes on byte arrays (no BitConverter: its endianness is the host's).</summary>
    public static class LittleEndian
    {
        /// <summary>Writes a 16-bit value.</summary>
        public static void WriteUInt16(byte[] b, int at, int value)
        {
            b[at] = (byte)value;
            b[at + 1] = (byte)(value >> 8);
        }

        /// <summary>Writes a 32-bit value.</summary>
        public static void WriteInt32(byte[] b, int at, int value)
        {
            b[at] = (byte)value;
            b[at + 1] = (byte)(value >> 8);
            b[at + 2] = (byte)(value >> 16);
            b[at + 3] = (byte)(value >> 24);
        }

        /// <summary>Writes a 64-bit value.</summary>
        public static void WriteInt64(byte[] b, int at, long value)
        {
            WriteInt32(b, at, (int)value);
            WriteInt32(b, at + 4, (int)(value >> 32));
        }

        /// <summary>Reads an unsigned 16-bit value.</summary>
        public static int ReadUInt16(byte[] b, int at)
        {
            return b[at] | (b[at + 1] << 8);
        }

        /// <summary>Reads a signed 16-bit value.</summary>
        public static short ReadInt16(byte[] b, int at)
        {
            return (short)(b[at] | (b[at + 1] << 8));
        }

        /// <summary>Reads a 32-bit value.</summary>
        public static int ReadInt32(byte[] b, int at)
        {
            return b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24);
        }

        /// <summary>Reads a 64-bit value.</summary>
        public static long ReadInt64(byte[] b, int at)
        {
            return (uint)ReadInt32(b, at) | ((long)ReadInt32(b, at + 4) << 32);
        }
    }
}
