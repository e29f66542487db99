namespace NanoSnn
{
    /// <summary>
    /// One sample channel of a <see cref="SensorBank"/>: reads an integer in the units the
    /// model's encoder expects. Subclasses decide the conversion; board subclasses of those
    /// only read the hardware.
    /// </summary>
    public abstract class SensorChannel
    {
        /// <summary>
        /// Sets what a failed read reports: <paramref name="holdsOnFault"/> true keeps the
        /// previous sample (a level: an analog value is still roughly right), false reports 0
        /// (a count: the edges are told by the next good read, so holding would count them twice).
        /// </summary>
        protected SensorChannel(bool holdsOnFault)
        {
            HoldsOnFault = holdsOnFault;
        }

        /// <summary>Whether a failed read keeps the previous sample (true) or reports 0 (false).</summary>
        public readonly bool HoldsOnFault;

        /// <summary>Reads this tick's sample; false when the hardware read failed. Must not allocate.</summary>
        public abstract bool TryRead(out int value);

        /// <summary>Returns the channel to its freshly built state (the default does nothing).</summary>
        public virtual void Reset() { }
    }
}
