namespace NanoSnn
{
    /// <summary>
    /// The sensors a controller reads once per tick: analog channels (ADC, distance), edge
    /// counts (pulse counters) and digital levels (bumpers, buttons), all as integers in the
    /// units the model's encoders expect. The firmware implements it with pins, the simulator
    /// with a simulated world, the tests with a small double; the decisions stay in the core.
    /// </summary>
    public interface ISensorInputs
    {
        /// <summary>Number of sample channels.</summary>
        int Channels { get; }

        /// <summary>
        /// Writes this tick's samples to <paramref name="samples"/>[0..Channels); returns false
        /// when a read failed (the controller then keeps the previous samples and counts a
        /// fault). Must not allocate.
        /// </summary>
        bool TryRead(int[] samples);
    }
}
