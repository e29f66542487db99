namespace NanoSnn
{
    /// <summary>
    /// A ring buffer of whole frames (byte strings of 1..65535 bytes), allocated once: a
    /// producer puts frames, a consumer takes them back in order, each exactly as it was put.
    /// A frame that does not fit is refused whole, never split or truncated, so a reader of the
    /// taken frames sees complete frames or none. Not thread-safe: a device that fills it on the
    /// tick thread and drains it on a sender thread wraps both calls in one lock. Allocates nothing.
    /// </summary>
    /// <remarks>Each frame is stored as a 2-byte little-endian length followed by its bytes.</remarks>
    public sealed class FrameRing
    {
        /// <summary>Bytes of the length prefix stored with each frame.</summary>
        public const int PrefixBytes = 2;

        /// <summary>Largest frame a ring can hold.</summary>
        public const int MaxFrameBytes = 65535;

        private readonly byte[] _ring;
        private int _head;
        private int _tail;
        private int _used;

        /// <summary>Creates a ring of <paramref name="capacityBytes"/> bytes (prefixes included; at least 3).</summary>
        public FrameRing(int capacityBytes)
        {
            if (capacityBytes < PrefixBytes + 1) throw new System.ArgumentException("frame ring: capacity must be at least " + (PrefixBytes + 1) + " bytes, not " + capacityBytes);
            _ring = new byte[capacityBytes];
        }

        /// <summary>Capacity in bytes, prefixes included.</summary>
        public int CapacityBytes { get { return _ring.Length; } }

        /// <summary>Bytes in use, prefixes included.</summary>
        public int UsedBytes { get { return _used; } }

        /// <summary>Frames waiting.</summary>
        public int Count;

        /// <summary>
        /// Stores <paramref name="buffer"/>[<paramref name="offset"/>..+<paramref name="count"/>) as one
        /// frame; false (nothing stored) when it is empty, longer than <see cref="MaxFrameBytes"/> or does not fit.
        /// </summary>
        public bool TryPut(byte[] buffer, int offset, int count)
        {
            if (count < 1 || count > MaxFrameBytes || count + PrefixBytes > _ring.Length - _used) return false;
            Put((byte)count);
            Put((byte)(count >> 8));
            int first = _ring.Length - _head;
            if (first > count) first = count;
            System.Array.Copy(buffer, offset, _ring, _head, first);
            if (count > first) System.Array.Copy(buffer, offset + first, _ring, 0, count - first);
            _head = (_head + count) % _ring.Length;
            _used += count;
            Count++;
            return true;
        }

        /// <summary>
        /// Copies the oldest frame to <paramref name="frame"/> from 0 and removes it; returns its
        /// length, 0 when the ring is empty. Throws when <paramref name="frame"/> is too small (the frame stays).
        /// </summary>
        public int TryTake(byte[] frame)
        {
            if (_used == 0) return 0;
            int count = _ring[_tail] | (_ring[(_tail + 1) % _ring.Length] << 8);
            if (frame.Length < count) throw new System.ArgumentException("frame ring: the next frame has " + count + " bytes, the buffer " + frame.Length);
            _tail = (_tail + PrefixBytes) % _ring.Length;
            int first = _ring.Length - _tail;
            if (first > count) first = count;
            System.Array.Copy(_ring, _tail, frame, 0, first);
            if (count > first) System.Array.Copy(_ring, 0, frame, first, count - first);
            _tail = (_tail + count) % _ring.Length;
            _used -= count + PrefixBytes;
            Count--;
            return count;
        }

        private void Put(byte value)
        {
            _ring[_head] = value;
            _head = (_head + 1) % _ring.Length;
            _used++;
        }
    }
}
