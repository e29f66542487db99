using System;
using System.IO;

namespace NanoSnn.Cli.Telemetry
{
    /// <summary>Reads frames from a stream (a log file) through a <see cref="TelemetryDecoder"/>; only the stream's own I/O exceptions escape.</summary>
    public sealed class TelemetryReader
    {
        private readonly Stream _stream;
        private readonly byte[] _chunk = new byte[16384];
        private int _chunkAt;
        private int _chunkEnd;

        /// <summary>Reads from <paramref name="stream"/> (not disposed by the reader).</summary>
        public TelemetryReader(Stream stream)
        {
            _stream = stream ?? throw new ArgumentNullException(nameof(stream));
        }

        /// <summary>The decoder with the counts of frames read and skipped.</summary>
        public readonly TelemetryDecoder Decoder = new TelemetryDecoder();

        /// <summary>The next valid frame, or null at the end of the stream.</summary>
        public TelemetryFrame Next()
        {
            while (true)
            {
                if (Decoder.TryRead(out TelemetryFrame frame)) return frame;
                if (_chunkAt == _chunkEnd)
                {
                    if (_chunkEnd < 0) return null;
                    int n = _stream.Read(_chunk, 0, _chunk.Length);
                    if (n <= 0)
                    {
                        _chunkEnd = -1;
                        _chunkAt = -1;
                        Decoder.Complete();
                        continue;
                    }
                    _chunkAt = 0;
                    _chunkEnd = n;
                }
                _chunkAt += Decoder.Write(_chunk, _chunkAt, _chunkEnd - _chunkAt);
            }
        }
    }
}
