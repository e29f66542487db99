namespace NanoSnn
{
    /// <summary>
    /// Where a <see cref="TelemetryWriter"/> sends complete frames: a serial port or a UDP
    /// socket on the device, a file on the host. The bytes belong to the writer's buffer and
    /// are overwritten by the next frame, so an implementation sends or copies them before it
    /// returns. One call carries exactly one frame (a UDP sink sends it as one datagram).
    /// </summary>
    public interface ITelemetrySink
    {
        /// <summary>Takes one frame of <paramref name="count"/> bytes at <paramref name="offset"/> in <paramref name="buffer"/>.</summary>
        void Write(byte[] buffer, int offset, int count);
    }
}
