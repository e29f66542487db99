namespace NanoSnn
{
    /// <summary>What a LIF neuron's membrane does after a spike.</summary>
    public enum ResetMode
    {
        /// <summary>Subtract the threshold in the next tick (e-prop convention: v ← αv + I − z·v_th).</summary>
        Subtract = 0,
        /// <summary>Set the membrane to zero immediately.</summary>
        Zero = 1,
    }

    /// <summary>
    /// Parameters of a LIF or ALIF population, in one place. Times are in microseconds so
    /// that sub-millisecond ticks work; potentials are Q16 (see <see cref="FixedPoint"/>).
    /// </summary>
    public sealed class LifParameters
    {
        /// <summary>Firing threshold v_th, Q16 (default 1.0). Must be positive.</summary>
        public int ThresholdQ16 = FixedPoint.OneQ16;

        /// <summary>Membrane time constant tau_m in µs (default 20 ms).</summary>
        public int TauMembraneUs = 20000;

        /// <summary>Constant input added every tick, Q16.</summary>
        public int BiasQ16;

        /// <summary>Reset after a spike.</summary>
        public ResetMode Reset = ResetMode.Subtract;

        /// <summary>Ticks after a spike during which the neuron cannot spike (0..255). As in e-prop, the membrane keeps integrating.</summary>
        public int RefractoryTicks;

        /// <summary>ALIF only: adaptation time constant tau_a in µs (default 200 ms).</summary>
        public int TauAdaptationUs = 200000;

        /// <summary>ALIF only: threshold increase per unit of adaptation (one recent spike), Q16. A = v_th + beta·a.</summary>
        public int AdaptationBetaQ16;

        /// <summary>A copy, so that a builder can keep the values it was given.</summary>
        public LifParameters Clone()
        {
            return (LifParameters)MemberwiseClone();
        }
    }
}
