namespace NanoSnn.Cli.Inspect
{
    /// <summary>The header and trailer fields of a model file that the loaded network does not carry.</summary>
    public sealed class ModelFileHeader
    {
        /// <summary>Reads the fields of a file that <see cref="ModelReader"/> has already accepted.</summary>
        public ModelFileHeader(byte[] data)
        {
            SizeBytes = data.Length;
            Version = LittleEndian.ReadUInt16(data, 4);
            Sections = LittleEndian.ReadUInt16(data, 12);
            HasState = (LittleEndian.ReadUInt16(data, 14) & ModelFormat.FlagState) != 0;
            Crc = (uint)LittleEndian.ReadInt32(data, data.Length - ModelFormat.TrailerBytes);
        }

        /// <summary>File length in bytes.</summary>
        public readonly int SizeBytes;

        /// <summary>Format version.</summary>
        public readonly int Version;

        /// <summary>Number of sections.</summary>
        public readonly int Sections;

        /// <summary>Whether a state section (a checkpoint) is present.</summary>
        public readonly bool HasState;

        /// <summary>The stored (and verified) CRC-32.</summary>
        public readonly uint Crc;
    }
}
