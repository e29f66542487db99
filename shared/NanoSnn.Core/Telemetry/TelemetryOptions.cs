namespace NanoSnn
{
    /// <summary>
    /// What a <see cref="TelemetryWriter"/> records, set before it is created. The defaults
    /// suit a 1 ms tick: a state hash every 100 ticks, 32 ticks per frame, activity counts on,
    /// component hashes off (they cost 4 bytes per population, projection and rule per hash).
    /// </summary>
    public sealed class TelemetryOptions
    {
        /// <summary>A record carries the state hash when Network.Tick after its step is a multiple of this; 0 = never. 0..65535.</summary>
        public int HashIntervalTicks = 100;

        /// <summary>Records per ticks frame (a frame also ends early when the buffer is full). 1..65535.</summary>
        public int TicksPerFrame = 32;

        /// <summary>Sensor samples per record (0..255); a tick recorded without them passes null.</summary>
        public int SensorChannels;

        /// <summary>Decoded outputs per record (0..255); a tick recorded without them passes null.</summary>
        public int OutputChannels;

        /// <summary>Supervision targets per record (0..255), for <see cref="TelemetryWriter.RecordSupervisedTick"/>.</summary>
        public int TargetChannels;

        /// <summary>Whether every state hash is followed by one hash per component (see <see cref="TelemetryFormat.ComponentHash"/>), so verify can say which part diverged.</summary>
        public bool ComponentHashes;

        /// <summary>Whether every record carries the number of spikes of the non-input populations (a per-tick lockstep check and the monitor's network rate).</summary>
        public bool Activity = true;

        /// <summary>Bytes of the frame buffer; 0 = <see cref="TelemetryWriter.DefaultBufferBytes"/>, or the minimum (<see cref="TelemetryWriter.RequiredBufferBytes"/>) if that is larger. A frame never exceeds it, so a UDP sink wants it below the path MTU.</summary>
        public int BufferBytes;
    }
}
