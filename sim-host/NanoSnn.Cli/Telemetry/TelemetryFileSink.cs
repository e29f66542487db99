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

        /// <summary>Writes to an open stream (not disposed by the sink).</summary>
        public TelemetryFileSink(Stream stream)
        {
            _stream = stream ?? throw new ArgumentNullException(nameof(stream));
            _ownsNothing = true;
        }

        private readonly bool _ownsNothing;

        /// <inheritdoc/>
        public void Write(byte[] buffer, int offset, int count)
        {
            _stream.Write(buffer, offset, count);
        }

        /// <summary>Flushes and closes the file.</summary>
        public void Dispose()
        {
            if (_ownsNothing) _stream.Flush();
            else _stream.Dispose();
        }
    }
}
