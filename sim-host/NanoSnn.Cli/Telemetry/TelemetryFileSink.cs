using System;
using System.IO;

namespace NanoSnn.Cli.Telemetry
{
    /// <summary>Writes frames to a file (the host's telemetry sink); a write error surfaces as the stream's IOException.</summary>
    public sealed class TelemetryFileSink : ITelemetrySink, IDisposable
    {
        private readonly Stream _stream;

        /// <summary>Creates (or truncates) <paramref name="path"/>.</summary>
        public TelemetryFileSink(string path)
        {
            _stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        }

        /// <inheritdoc/>
        public void Write(byte[] buffer, int offset, int count)
        {
            _stream.Write(buffer, offset, count);
        }

        /// <summary>Flushes and closes the file.</summary>
        public void Dispose()
        {
            _stream.Dispose();
        }
    }
}
