namespace NanoSnn.Firmware.Telemetry
{
    /// <summary>
    /// A way out for telemetry bytes (serial, UDP), fed whole frames by <see cref="TelemetryQueue"/>'s
    /// sender thread. A send that fails is counted and dropped: telemetry never stops or slows the
    /// tick by retrying.
    /// </summary>
    public abstract class ByteTransport
    {
        /// <summary>Bytes sent since boot.</summary>
        public long BytesSent;

        /// <summary>Sends that failed since boot.</summary>
        public long Failures;

        /// <summary>Why the last send failed, or null.</summary>
        public string LastError;

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
