namespace NanoSnn
{
    /// <summary>
    /// Parameters of <see cref="RewardStdp"/>, in one place; the defaults are the constants of
    /// Izhikevich (2007, Cereb. Cortex 17:2443) for 1 ms ticks.
    /// </summary>
    /// <remarks>
    /// <b>Factor16</b> (int, suffix <c>Factor16</c>): a multiplier in [0, 65536], 65536 = 1.0.
    /// The learning rule uses it instead of Decay12 because its slow decays (0.995, 0.99)
    /// need the finer step: 0.995 as Decay12 is off by 1.2·10^-4 per tick, a 2.4 % error in
    /// the integral of a dopamine pulse; as Factor16 by 5·10^-6.
    /// </remarks>
    public sealed class RewardStdpParameters
    {
        /// <summary>Value a pre or post trace is set to by a spike, Q16 (0.1).</summary>
        public int TraceOnSpikeQ16 = 6554;

        /// <summary>Per-tick trace multiplier, Factor16 (0.95).</summary>
        public int TraceDecayFactor16 = 62259;

        /// <summary>Post-before-pre depression: this times the post trace is subtracted, Q16 (1.5).</summary>
        public int DepressionGainQ16 = 98304;

        /// <summary>Ticks between weight updates K (10), 1..32 (the rule keeps a 32-bit spike mask per neuron and window); read when the rule is built.</summary>
        public int UpdateTicks = 10;

        /// <summary>Eligibility multiplier applied at each weight update, Factor16 (0.99).</summary>
        public int EligibilityDecayFactor16 = 64881;

        /// <summary>Per-tick dopamine multiplier, Factor16 (0.995).</summary>
        public int DopamineDecayFactor16 = 65208;

        /// <summary>Tonic dopamine d0, Q16 (0.002). Not affected by <see cref="ModulationSign"/>.</summary>
        public int TonicQ16 = 131;

        /// <summary>Smallest weight (in the projection's short units; 0 keeps excitatory weights excitatory).</summary>
        public int WeightMin;

        /// <summary>Largest weight (in the projection's short units).</summary>
        public int WeightMax = short.MaxValue;

        /// <summary>+1 or −1: the sign with which rewards act on this rule's synapses (push-pull pairs use opposite signs).</summary>
        public int ModulationSign = 1;

        /// <summary>
        /// 0: rewards act as given. k in 1..16: each reward r acts as r − r̄, and the running mean
        /// r̄ ← r̄ + (r − r̄)/2^k is updated afterwards (for dense rewards, given every step).
        /// </summary>
        public int BaselineShift;

        /// <summary>
        /// Most windows a row of synapses may be left behind before it is caught up by force
        /// (1..<see cref="RewardStdp.MaxLagLimit"/>; 1 is the per-window rule), or 0 (default): the rule
        /// chooses <see cref="RewardStdp.DefaultMaxLag"/> of its projection's synapses when it is built
        /// and writes the choice into its copy of the parameters. It sizes the rule's catch-up tables,
        /// 16 bytes per window, and is read once, when the rule is built.
        /// </summary>
        /// <remarks>
        /// Between its source's spikes a row costs one catch-up (a pass over the row) per MaxLag
        /// windows, and every window end updates the rule's drift table, MaxLag steps: per window
        /// about synapses/MaxLag + MaxLag, least at MaxLag = √synapses, which is what the default
        /// picks. The 90 synapses of a robot's sensor projection then need 11 table entries
        /// (176 bytes) instead of 256 (4 KB); 65,025 synapses or more keep 255. Results depend on
        /// it only through the stochastic rounding (one draw per catch-up), not in expectation.
        /// </remarks>
        public int MaxLagWindows;

        /// <summary>A copy, so that a rule can keep the values it was given.</summary>
        public RewardStdpParameters Clone()
        {
            RewardStdpParameters p = new RewardStdpParameters();
            p.TraceOnSpikeQ16 = TraceOnSpikeQ16;
            p.TraceDecayFactor16 = TraceDecayFactor16;
            p.DepressionGainQ16 = DepressionGainQ16;
            p.UpdateTicks = UpdateTicks;
            p.EligibilityDecayFactor16 = EligibilityDecayFactor16;
            p.DopamineDecayFactor16 = DopamineDecayFactor16;
            p.TonicQ16 = TonicQ16;
            p.WeightMin = WeightMin;
            p.WeightMax = WeightMax;
            p.ModulationSign = ModulationSign;
            p.BaselineShift = BaselineShift;
            p.MaxLagWindows = MaxLagWindows;
            return p;
        }
    }
}
