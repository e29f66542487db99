using System;

namespace NanoSnn.Cli.Telemetry
{
    /// <summary>
    /// A frame payload whose CRC matched but whose content breaks the format (a field out of
    /// range, a record running past the payload). The only exception <see cref="TelemetryParser"/>
    /// throws; <see cref="TelemetryDecoder"/> catches it and skips the frame.
    /// </summary>
    public sealed class TelemetryFormatException : Exception
    {
        /// <summary>Creates the exception for <paramref name="field"/> at payload byte <paramref name="offset"/>.</summary>
        public TelemetryFormatException(string field, int offset, string detail)
            : base("telemetry frame rejected: " + field + " at payload byte " + offset + ": " + detail)
        {
            Field = field;
            Offset = offset;
        }

        /// <summary>The field that was wrong.</summary>
        public readonly string Field;

        /// <summary>Byte offset of that field from the start of the payload.</summary>
        public readonly int Offset;
    }
}
