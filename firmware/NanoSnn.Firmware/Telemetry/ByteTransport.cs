namespace NanoSnn.Firmware.Telemetry
{
    /// <summary>
    /// A way out for telemetry bytes (serial, UDP). A send that fails is counted and dropped:
    /// telemetry never stops or slows the tick by retrying. <see cref="Write"/> has the shape of
    /// the core's telemetry sink (<c>Write(byte[], int, int)</c>), so a transport can serve as the
    /// sink of the core's telemetry writer as it is.
    /// </summary>
    public abstract class ByteTransport
    {
        /// <summary>Name for the boot log and status lines.</summary>
        public abstract string Name { get; }

        /// <summary>Bytes sent since boot.</summary>
        public long BytesSent;

        /// <summary>Sends that failed since boot.</summary>
        public long Failures;

        /// <summary>Why the last send failed, or null.</summary>
        public string LastError;

        /// <summary>Sends the bytes; a failure is counted in <see cref="Failures"/>, never thrown.</summary>
        public void Write(byte[] buffer, int offset, int count)
        {
            Send(buffer, offset, count);
        }

        /// <summary>Sends <paramref name="buffer"/>[<paramref name="offset"/>..+<paramref name="count"/>); false when it failed.</summary>
        public bool Send(byte[] buffer, int offset, int count)
        {
            try
            {
                WriteBytes(buffer, offset, count);
                BytesSent += count;
                return true;
            }
            catch (System.Exception e)
            {
                Failures++;
                LastError = e.Message;
                return false;
            }
        }

        /// <summary>Writes the bytes to the medium; throws on failure.</summary>
        protected abstract void WriteBytes(byte[] buffer, int offset, int count);
    }
}
