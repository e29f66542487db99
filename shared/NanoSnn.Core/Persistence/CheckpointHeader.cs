namespace NanoSnn
{
    /// <summary>
    /// The header at the start of each checkpoint slot (a region of an <see cref="IBlockStore"/>),
    /// little-endian, 32 bytes:
    /// <code>
    ///  0  "NSCK"                 magic
    ///  4  u16 layout version = 1
    ///  6  u16 header size = 32
    ///  8  u32 sequence number     newer = (int)(a − b) &gt; 0, so it may wrap around
    /// 12  u32 payload offset      from the slot's start; the writer uses the first sector boundary after the header
    /// 16  u32 payload length      bytes
    /// 20  u32 payload CRC-32C     of the payload bytes (Castagnoli: see Crc32C for why not CRC-32)
    /// 24  u32 reserved = 0
    /// 28  u32 header CRC-32       of bytes 0..27 (Crc32)
    /// </code>
    /// The payload is a complete model file with its state section (<see cref="ModelWriter"/>).
    /// The header is written last, after the payload has been flushed, into a sector of its
    /// own that was erased first: until the last of its 32 bytes is durable the slot has no
    /// valid header, so a write cut short can never look like a checkpoint.
    /// </summary>
    public static class CheckpointHeader
    {
        /// <summary>Bytes of the header.</summary>
        public const int Bytes = 32;

        /// <summary>The layout version this build writes and reads.</summary>
        public const int Version = 1;

        /// <summary>The magic bytes "NSCK".</summary>
        public const int Magic0 = 0x4E, Magic1 = 0x53, Magic2 = 0x43, Magic3 = 0x4B;

        /// <summary>Offset of the layout version.</summary>
        public const int VersionAt = 4;

        /// <summary>Offset of the header size.</summary>
        public const int SizeAt = 6;

        /// <summary>Offset of the sequence number.</summary>
        public const int SequenceAt = 8;

        /// <summary>Offset of the payload offset.</summary>
        public const int PayloadOffsetAt = 12;

        /// <summary>Offset of the payload length.</summary>
        public const int PayloadLengthAt = 16;

        /// <summary>Offset of the payload CRC-32C.</summary>
        public const int PayloadCrcAt = 20;

        /// <summary>Offset of the reserved word.</summary>
        public const int ReservedAt = 24;

        /// <summary>Offset of the header CRC-32.</summary>
        public const int HeaderCrcAt = 28;

        /// <summary>Encodes a header into <paramref name="buffer"/> at <paramref name="at"/> (allocation-free); <paramref name="payloadCrc"/> is the payload's <see cref="Crc32C"/>.</summary>
        public static void Write(byte[] buffer, int at, uint sequence, int payloadOffset, int payloadLength, uint payloadCrc)
        {
            buffer[at] = Magic0; buffer[at + 1] = Magic1; buffer[at + 2] = Magic2; buffer[at + 3] = Magic3;
            LittleEndian.WriteUInt16(buffer, at + VersionAt, Version);
            LittleEndian.WriteUInt16(buffer, at + SizeAt, Bytes);
            LittleEndian.WriteInt32(buffer, at + SequenceAt, (int)sequence);
            LittleEndian.WriteInt32(buffer, at + PayloadOffsetAt, payloadOffset);
            LittleEndian.WriteInt32(buffer, at + PayloadLengthAt, payloadLength);
            LittleEndian.WriteInt32(buffer, at + PayloadCrcAt, (int)payloadCrc);
            LittleEndian.WriteInt32(buffer, at + ReservedAt, 0);
            LittleEndian.WriteInt32(buffer, at + HeaderCrcAt, (int)Crc32.Compute(buffer, at, HeaderCrcAt));
        }

        /// <summary>Whether the four bytes at <paramref name="at"/> are "NSCK" (a slot file rather than a model file).</summary>
        public static bool HasMagic(byte[] data, int at, int available)
        {
            return data != null && available >= 4 && at >= 0 && at <= data.Length - 4
                && data[at] == Magic0 && data[at + 1] == Magic1 && data[at + 2] == Magic2 && data[at + 3] == Magic3;
        }

        /// <summary>Whether sequence number <paramref name="a"/> is newer than <paramref name="b"/> (serial-number arithmetic: valid across the 2^32 wrap-around).</summary>
        public static bool IsNewer(uint a, uint b)
        {
            return (int)(a - b) > 0;
        }
    }
}
