namespace NanoSnn
{
    /// <summary>
    /// Commands from leaky readout neurons: command k = clamp(y_k·gain, −100, 100) percent,
    /// one command per readout (see <see cref="LinearCommandDecoder"/>). The natural decoder
    /// for e-prop, whose readouts are trained to the target commands directly.
    /// </summary>
    public sealed class ReadoutCommandDecoder : CommandDecoder
    {
        private readonly ReadoutPopulation _readout;
        private readonly LinearCommandDecoder _linear;

        /// <summary>
        /// Creates a decoder over <paramref name="readout"/>; <paramref name="percentPerUnitQ16"/>
        /// is the command for a readout value of 1.0 (Q16 percent, e.g. 100.0 = full scale).
        /// </summary>
        public ReadoutCommandDecoder(ReadoutPopulation readout, int percentPerUnitQ16)
            : base(readout == null ? 0 : readout.Size)
        {
            _readout = readout;
            _linear = new LinearCommandDecoder(percentPerUnitQ16, 0, -100, 100);
        }

        /// <summary>The readout population.</summary>
        public ReadoutPopulation Readout { get { return _readout; } }

        /// <inheritdoc/>
        public override void Decode(int[] commandsPercent)
        {
            int[] y = _readout.ValueQ16;
            for (int k = 0; k < Commands; k++) commandsPercent[k] = _linear.Decode(y[k]);
        }

        /// <inheritdoc/>
        public override void Reset() { }
    }
}
