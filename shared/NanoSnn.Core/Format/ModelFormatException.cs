namespace NanoSnn
{
    /// <summary>The documented reasons a model file is rejected.</summary>
    public enum ModelFormatError
    {
        /// <summary>The data ends before the header or before the length the header declares.</summary>
        Truncated = 1,
        /// <summary>The first four bytes are not "NSNN".</summary>
        BadMagic = 2,
        /// <summary>The format version is not one this build reads.</summary>
        UnsupportedVersion = 3,
        /// <summary>Header size or reserved flag bits are wrong.</summary>
        BadHeader = 4,
        /// <summary>The declared file length differs from the bytes given (trailing data).</summary>
        LengthMismatch = 5,
        /// <summary>The CRC-32 trailer does not match the content.</summary>
        ChecksumMismatch = 6,
        /// <summary>A section is of an unknown or unexpected type, out of order, or its length disagrees with its content.</summary>
        BadSection = 7,
        /// <summary>A field holds a value outside its valid range.</summary>
        InvalidValue = 8,
    }

    /// <summary>
    /// A model file that cannot be loaded. Names the error, the field and the byte offset
    /// where it was found. No network is returned when this is thrown.
    /// </summary>
    public class ModelFormatException : System.Exception
    {
        /// <summary>Creates the exception.</summary>
        public ModelFormatException(ModelFormatError error, string field, int offset, string detail)
            : base(Describe(error, field, offset, detail))
        {
            Error = error;
            Field = field;
            Offset = offset;
        }

        /// <summary>Why the file was rejected.</summary>
        public readonly ModelFormatError Error;

        /// <summary>The field that was wrong.</summary>
        public readonly string Field;

        /// <summary>Byte offset of that field from the start of the file.</summary>
        public readonly int Offset;

        private static string Describe(ModelFormatError error, string field, int offset, string detail)
        {
            return "model file rejected (" + ErrorName(error) + "): " + field + " at byte " + offset + ": " + detail;
        }

        /// <summary>The error's name (enum ToString gives a number on nanoFramework).</summary>
        public static string ErrorName(ModelFormatError error)
        {
            switch (error)
            {
                case ModelFormatError.Truncated: return "Truncated";
                case ModelFormatError.BadMagic: return "BadMagic";
                case ModelFormatError.UnsupportedVersion: return "UnsupportedVersion";
                case ModelFormatError.BadHeader: return "BadHeader";
                case ModelFormatError.LengthMismatch: return "LengthMismatch";
                case ModelFormatError.ChecksumMismatch: return "ChecksumMismatch";
                case ModelFormatError.BadSection: return "BadSection";
                case ModelFormatError.InvalidValue: return "InvalidValue";
                default: return "Error" + (int)error;
            }
        }
    }
}
