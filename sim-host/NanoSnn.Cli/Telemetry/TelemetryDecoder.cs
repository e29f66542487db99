using System;

namespace NanoSnn.Cli.Telemetry
{
    /// <summary>
    /// Finds, checks and decodes frames in a byte stream that may be damaged: garbage before,
    /// between or inside frames, truncated or bit-flipped frames. Bytes are pushed in with
    /// <see cref="Write"/> (from a file, a serial port or UDP datagrams) and frames pulled out
    /// with <see cref="TryRead"/>. A candidate frame is a sync pair whose header check byte
    /// matches; it is accepted when its CRC-32 matches and its payload parses. A rejected
    /// candidate costs one byte: scanning resumes right after its first sync byte, so a
    /// damaged frame never hides the frame after it. The buffer is fixed
    /// (<see cref="BufferBytes"/>), whatever lengths the input declares; nothing is thrown for
    /// bad input.
    /// </summary>
    public sealed class TelemetryDecoder
    {
        /// <summary>Bytes of the internal buffer: two of the largest frames.</summary>
        public const int BufferBytes = 2 * TelemetryFormat.MaxFrameBytes;

        private readonly byte[] _buffer = new byte[BufferBytes];
        private int _start;
        private int _end;
        private long _base;          // input offset of _buffer[0]
        private bool _complete;
        private int _lastSequence = -1;

        /// <summary>Valid frames returned.</summary>
        public long FramesRead { get; private set; }

        /// <summary>Candidate frames rejected: bad CRC, truncated by the end of input, unknown version or type, or a payload that does not parse.</summary>
        public long FramesSkipped { get; private set; }

        /// <summary>Bytes that are not part of a valid frame.</summary>
        public long BytesSkipped { get; private set; }

        /// <summary>Frames missing between two valid frames according to their sequence numbers (modulo 256 per gap).</summary>
        public long FramesLost { get; private set; }

        /// <summary>Bytes taken in so far.</summary>
        public long BytesIn { get { return _base + _end; } }

        /// <summary>The latest reason a candidate frame was rejected, or null.</summary>
        public string LastSkipReason { get; private set; }

        /// <summary>Bytes <see cref="Write"/> can take now without a <see cref="TryRead"/> in between.</summary>
        public int Free { get { return BufferBytes - (_end - _start); } }

        /// <summary>Copies up to <paramref name="count"/> bytes in; returns how many were taken (fewer only when the buffer is full: read frames, then write the rest).</summary>
        public int Write(byte[] data, int offset, int count)
        {
            if (_complete) throw new InvalidOperationException("Complete() was called: no more input is accepted");
            if (count <= 0) return 0;
            if (BufferBytes - _end < count && _start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _base += _start;
                _end -= _start;
                _start = 0;
            }
            int n = Math.Min(count, BufferBytes - _end);
            Buffer.BlockCopy(data, offset, _buffer, _end, n);
            _end += n;
            return n;
        }

        /// <summary>Marks the end of input: the bytes left over are decided (a partial frame is skipped) by the next <see cref="TryRead"/> calls.</summary>
        public void Complete()
        {
            _complete = true;
        }

        /// <summary>Forgets a partial frame and the sequence history (a datagram boundary, a reconnect).</summary>
        public void Reset()
        {
            Skip(_end - _start);
            _lastSequence = -1;
        }

        /// <summary>Returns to the state of a new decoder (empty buffer, counts zero) without reallocating the buffer.</summary>
        public void Clear()
        {
            _start = _end = 0;
            _base = 0;
            _complete = false;
            _lastSequence = -1;
            FramesRead = FramesSkipped = BytesSkipped = FramesLost = 0;
            LastSkipReason = null;
        }

        private void Skip(int n)
        {
            _start += n;
            BytesSkipped += n;
        }

        private void Reject(string reason)
        {
            FramesSkipped++;
            LastSkipReason = reason;
            Skip(1);
        }

        /// <summary>The next valid frame, or false when more input is needed (or, after <see cref="Complete"/>, when the input is exhausted).</summary>
        public bool TryRead(out TelemetryFrame frame)
        {
            frame = null;
            byte[] b = _buffer;
            while (true)
            {
                int p = _start;
                while (p + 1 < _end && !(b[p] == TelemetryFormat.Sync0 && b[p + 1] == TelemetryFormat.Sync1)) p++;
                if (p + 1 >= _end)
                {
                    // No sync pair: everything goes, except a last byte that may begin one.
                    int keep = !_complete && _end > _start && b[_end - 1] == TelemetryFormat.Sync0 ? 1 : 0;
                    Skip(_end - keep - _start);
                    return false;
                }
                Skip(p - _start);
                int available = _end - _start;
                if (available < TelemetryFormat.FrameHeaderBytes)
                {
                    if (!_complete) return false;
                    Reject("input ends inside a frame header");
                    continue;
                }
                int at = _start;
                if (b[at + 7] != TelemetryFormat.HeaderCheck(b, at))
                {
                    Skip(1); // a sync pair in other data, not a frame: not counted as a skipped frame
                    continue;
                }
                int payload = LittleEndian.ReadUInt16(b, at + 5);
                int total = TelemetryFormat.FrameHeaderBytes + payload + TelemetryFormat.FrameTrailerBytes;
                if (available < total)
                {
                    if (!_complete) return false;
                    Reject("input ends inside a frame of " + total + " bytes at offset " + (_base + at));
                    continue;
                }
                uint stored = (uint)LittleEndian.ReadInt32(b, at + total - 4);
                if (stored != Crc32.Compute(b, at, total - 4))
                {
                    Reject("CRC-32 mismatch in the frame at offset " + (_base + at));
                    continue;
                }
                int version = b[at + 2];
                int type = b[at + 3];
                int sequence = b[at + 4];
                TelemetryFrame f = new TelemetryFrame { Type = type, Sequence = sequence, Offset = _base + at, Bytes = total };
                string unusable = null;
                if (version != TelemetryFormat.Version)
                    unusable = "version " + version + " (this build reads " + TelemetryFormat.Version + ")"
                        + (version == 1 ? "; v1 did not record learning being switched on or off: record the run again with this build" : "");
                else
                {
                    try
                    {
                        int content = at + TelemetryFormat.FrameHeaderBytes;
                        if (type == TelemetryFormat.FrameStreamHeader) f.Header = TelemetryParser.ParseHeader(b, content, payload);
                        else if (type == TelemetryFormat.FrameTicks) f.Ticks = TelemetryParser.ParseTicks(b, content, payload);
                        else if (type == TelemetryFormat.FrameEnd) f.End = TelemetryParser.ParseEnd(b, content, payload);
                        else unusable = "unknown frame type " + type;
                    }
                    catch (TelemetryFormatException e)
                    {
                        unusable = e.Message;
                    }
                }
                if (unusable != null)
                {
                    // The CRC matched, so this is a whole frame that this build cannot use: skip all of it.
                    FramesSkipped++;
                    LastSkipReason = "frame at offset " + (_base + at) + ": " + unusable;
                    Skip(total);
                    NoteSequence(sequence);
                    continue;
                }
                // A new stream (a restart) may restart the sequence: no loss is counted across it.
                if (type == TelemetryFormat.FrameStreamHeader) _lastSequence = -1;
                NoteSequence(sequence);
                _start += total;
                FramesRead++;
                frame = f;
                return true;
            }
        }

        private void NoteSequence(int sequence)
        {
            if (_lastSequence >= 0) FramesLost += (sequence - _lastSequence - 1) & 0xFF;
            _lastSequence = sequence;
        }
    }
}
