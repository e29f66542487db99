namespace NanoSnn
{
    /// <summary>
    /// One position in a model file that either measures, writes or reads-and-validates the
    /// same list of fields. A learning rule lists its state once, in
    /// <see cref="Plasticity.TransferState"/>, as calls like
    /// <c>x = cursor.Int32(x, min, max, "name")</c> and <c>cursor.Ints(array, min, max, "name")</c>:
    /// measuring counts the bytes, writing stores the values and returns them unchanged, reading
    /// loads, checks the range and returns what it read. So writer and reader cannot drift apart.
    /// </summary>
    /// <remarks>
    /// Writing allocates nothing (field names must be literals; they are only used on errors).
    /// Reading throws <see cref="ModelFormatException"/>: BadSection when the bytes run out,
    /// InvalidValue (naming the field, the element index and the byte offset) for a value out
    /// of range. Each <see cref="Network"/> owns one cursor for writing, so checkpointing it
    /// allocates nothing; a network must not be written from two threads at once.
    /// </remarks>
    internal sealed class FormatCursor
    {
        private const int ModeMeasure = 0, ModeWrite = 1, ModeRead = 2;

        private int _mode;
        private byte[] _data;
        private int _origin;
        private int _limit;
        private int _at;
        private string _context = "";

        internal FormatCursor()
        {
        }

        /// <summary>True while reading a file (a rule then also restores what it derives from the state).</summary>
        public bool Reading { get { return _mode == ModeRead; } }

        /// <summary>The absolute position in the buffer (while measuring: the byte count so far).</summary>
        internal int Position { get { return _at; } }

        internal void BeginMeasure()
        {
            _mode = ModeMeasure;
            _data = null;
            _at = 0;
        }

        internal void BeginWrite(byte[] buffer, int at)
        {
            _mode = ModeWrite;
            _data = buffer;
            _at = at;
        }

        /// <summary>Reading <paramref name="data"/> from <paramref name="at"/>; offsets in errors count from <paramref name="origin"/>; nothing is read at or past <paramref name="limit"/>.</summary>
        internal void BeginRead(byte[] data, int origin, int at, int limit, string context)
        {
            _mode = ModeRead;
            _data = data;
            _origin = origin;
            _at = at;
            _limit = limit;
            _context = context;
        }

        /// <summary>Drops the reference to the caller's buffer.</summary>
        internal void End()
        {
            _data = null;
        }

        private ModelFormatException Invalid(string field, int index, int at, long value, long min, long max)
        {
            string name = _context + field + (index >= 0 ? " " + index : "");
            return new ModelFormatException(ModelFormatError.InvalidValue, name, at - _origin, value + " is outside " + min + ".." + max);
        }

        /// <summary>An InvalidValue error for <paramref name="field"/> at absolute position <paramref name="at"/> (for checks that span several fields).</summary>
        public ModelFormatException Fail(string field, int at, string detail)
        {
            return new ModelFormatException(ModelFormatError.InvalidValue, _context + field, at - _origin, detail);
        }

        private void Need(long bytes, string field)
        {
            if (bytes > _limit - _at)
                throw new ModelFormatException(ModelFormatError.BadSection, _context + field, _at - _origin,
                    "needs " + bytes + " bytes but only " + (_limit - _at) + " remain in the section");
        }

        /// <summary>A byte in <paramref name="min"/>..<paramref name="max"/> (both within 0..255).</summary>
        public int UInt8(int value, int min, int max, string field)
        {
            if (_mode == ModeWrite) _data[_at] = (byte)value;
            else if (_mode == ModeRead)
            {
                Need(1, field);
                value = _data[_at];
                if (value < min || value > max) throw Invalid(field, -1, _at, value, min, max);
            }
            _at += 1;
            return value;
        }

        /// <summary>A little-endian 16-bit value in <paramref name="min"/>..<paramref name="max"/> (both within 0..65535).</summary>
        public int UInt16(int value, int min, int max, string field)
        {
            if (_mode == ModeWrite) LittleEndian.WriteUInt16(_data, _at, value);
            else if (_mode == ModeRead)
            {
                Need(2, field);
                value = LittleEndian.ReadUInt16(_data, _at);
                if (value < min || value > max) throw Invalid(field, -1, _at, value, min, max);
            }
            _at += 2;
            return value;
        }

        /// <summary>A flag stored as one byte, 0 or 1.</summary>
        public bool Bool(bool value, string field)
        {
            return UInt8(value ? 1 : 0, 0, 1, field) != 0;
        }

        /// <summary>A little-endian 32-bit value in <paramref name="min"/>..<paramref name="max"/>.</summary>
        public int Int32(int value, int min, int max, string field)
        {
            if (_mode == ModeWrite) LittleEndian.WriteInt32(_data, _at, value);
            else if (_mode == ModeRead)
            {
                Need(4, field);
                value = LittleEndian.ReadInt32(_data, _at);
                if (value < min || value > max) throw Invalid(field, -1, _at, value, min, max);
            }
            _at += 4;
            return value;
        }

        /// <summary>A little-endian unsigned 32-bit value (any value is valid: seeds, generator states).</summary>
        public uint UInt32(uint value, string field)
        {
            return (uint)Int32((int)value, int.MinValue, int.MaxValue, field);
        }

        /// <summary>A little-endian 64-bit value in <paramref name="min"/>..<paramref name="max"/>.</summary>
        public long Int64(long value, long min, long max, string field)
        {
            if (_mode == ModeWrite) LittleEndian.WriteInt64(_data, _at, value);
            else if (_mode == ModeRead)
            {
                Need(8, field);
                value = LittleEndian.ReadInt64(_data, _at);
                if (value < min || value > max) throw Invalid(field, -1, _at, value, min, max);
            }
            _at += 8;
            return value;
        }

        /// <summary>Every element of <paramref name="values"/> as a 32-bit value in <paramref name="min"/>..<paramref name="max"/> (the length is known to both sides).</summary>
        public void Ints(int[] values, int min, int max, string field)
        {
            int n = values.Length;
            if (_mode == ModeWrite)
            {
                for (int i = 0; i < n; i++) LittleEndian.WriteInt32(_data, _at + 4 * i, values[i]);
            }
            else if (_mode == ModeRead)
            {
                Need(4L * n, field);
                for (int i = 0; i < n; i++)
                {
                    int v = LittleEndian.ReadInt32(_data, _at + 4 * i);
                    if (v < min || v > max) throw Invalid(field, i, _at + 4 * i, v, min, max);
                }
                // Validated first, stored after: a rejected file leaves no partial array behind.
                for (int i = 0; i < n; i++) values[i] = LittleEndian.ReadInt32(_data, _at + 4 * i);
            }
            _at += 4 * n;
        }

        /// <summary>Every element of <paramref name="values"/> as a 16-bit value in <paramref name="min"/>..<paramref name="max"/>.</summary>
        public void Shorts(short[] values, int min, int max, string field)
        {
            int n = values.Length;
            if (_mode == ModeWrite)
            {
                for (int i = 0; i < n; i++) LittleEndian.WriteUInt16(_data, _at + 2 * i, values[i]);
            }
            else if (_mode == ModeRead)
            {
                Need(2L * n, field);
                for (int i = 0; i < n; i++)
                {
                    int v = LittleEndian.ReadInt16(_data, _at + 2 * i);
                    if (v < min || v > max) throw Invalid(field, i, _at + 2 * i, v, min, max);
                }
                for (int i = 0; i < n; i++) values[i] = LittleEndian.ReadInt16(_data, _at + 2 * i);
            }
            _at += 2 * n;
        }

        /// <summary>Every element of <paramref name="values"/> as a byte in <paramref name="min"/>..<paramref name="max"/>.</summary>
        public void Bytes(byte[] values, int min, int max, string field)
        {
            int n = values.Length;
            if (_mode == ModeWrite)
            {
                System.Array.Copy(values, 0, _data, _at, n);
            }
            else if (_mode == ModeRead)
            {
                Need(n, field);
                for (int i = 0; i < n; i++)
                {
                    int v = _data[_at + i];
                    if (v < min || v > max) throw Invalid(field, i, _at + i, v, min, max);
                }
                System.Array.Copy(_data, _at, values, 0, n);
            }
            _at += n;
        }
    }
}
