namespace NanoSnn
{
    /// <summary>
    /// Intrinsic homeostasis: an adaptive threshold θ per neuron (Diehl and Cook 2015) that
    /// rises by a fixed step on every spike and decays slowly toward 0, integer only:
    /// <code>
    /// θ_j ← θ_j + Δθ·z_j  (clamped to [0, θ_max])
    /// every DecayIntervalTicks: θ_j ← θ_j − θ_j / 2^DecayShift     (τ ≈ interval·2^shift ticks)
    /// next tick's input: I_j −= CurrentGain·θ_j
    /// </code>
    /// The threshold acts through the input because a rule owns no neuron's threshold: with
    /// CurrentGain = 1 − α for a LIF with membrane decay α and subtractive reset, a
    /// constant θ is exactly a threshold raised by θ (the membrane is then offset by −θ).
    /// For other models it is an adaptive inhibitory bias with the same homeostatic effect.
    /// </summary>
    /// <remarks>
    /// θ in Q16 (the target's input units); CurrentGain in Q16. The worst-case extra input
    /// CurrentGain·θ_max is checked against the network's proved input bound at construction,
    /// so the target's integer input still cannot overflow.
    /// </remarks>
    public sealed class IntrinsicHomeostasis : Plasticity
    {
        private readonly Population _target;
        private int _ticksToDecay;

        /// <summary>Creates the rule for <paramref name="target"/> (a population of a built network).</summary>
        public IntrinsicHomeostasis(Population target, int stepQ16, int maxQ16, int decayIntervalTicks, int decayShift, int currentGainQ16)
        {
            if (target == null) throw new ModelException("intrinsic homeostasis: target is required");
            string where = "intrinsic homeostasis on '" + target.Name + "': ";
            if (!target.IsSpiking || target.InputQ16.Length == 0) throw new ModelException(where + "the target must spike and receive input");
            // step <= max keeps θ + step below 2^29: the clamp to the maximum cannot be preceded by an overflow.
            if (stepQ16 < 0 || maxQ16 < 0 || maxQ16 > (1 << 28) || stepQ16 > maxQ16)
                throw new ModelException(where + "step " + stepQ16 + " and maximum " + maxQ16 + " must satisfy 0 <= step <= maximum <= 4096.0 (Q16)");
            if (decayIntervalTicks < 1) throw new ModelException(where + "decay interval must be >= 1 tick");
            if (decayShift < 1 || decayShift > 30) throw new ModelException(where + "decay shift must be in 1..30");
            if (currentGainQ16 < 0 || currentGainQ16 > FixedPoint.OneQ16) throw new ModelException(where + "current gain must be in 0..1.0 (Q16)");
            long extra = ((long)maxQ16 * currentGainQ16) >> 16;
            if (target.InputBoundQ16 + extra >= FixedPoint.StateLimitQ16)
                throw new ModelException(where + "worst-case input " + (target.InputBoundQ16 + extra) + " (Q16) would reach 2^30; lower the maximum or the gain");
            _target = target;
            StepQ16 = stepQ16;
            MaxQ16 = maxQ16;
            DecayIntervalTicks = decayIntervalTicks;
            DecayShift = decayShift;
            CurrentGainQ16 = currentGainQ16;
            ThresholdQ16 = new int[target.Size];
            _ticksToDecay = decayIntervalTicks;
        }

        /// <summary>The population whose threshold adapts.</summary>
        public Population Target { get { return _target; } }

        /// <summary>Increase of θ per spike, Q16.</summary>
        public readonly int StepQ16;

        /// <summary>Upper bound of θ, Q16.</summary>
        public readonly int MaxQ16;

        /// <summary>Ticks between two decay steps.</summary>
        public readonly int DecayIntervalTicks;

        /// <summary>Each decay step removes θ / 2^DecayShift.</summary>
        public readonly int DecayShift;

        /// <summary>Input removed per unit of θ per tick, Q16.</summary>
        public readonly int CurrentGainQ16;

        /// <summary>Adaptive threshold θ per neuron, Q16.</summary>
        public readonly int[] ThresholdQ16;

        /// <inheritdoc/>
        public override void Update(Network network)
        {
            int[] theta = ThresholdQ16;
            int[] list = _target.SpikeList;
            int count = _target.SpikeCount;
            int max = MaxQ16;
            int step = StepQ16;
            for (int k = 0; k < count; k++)
            {
                int j = list[k];
                int x = theta[j] + step;
                theta[j] = x > max ? max : x;
            }
            if (--_ticksToDecay <= 0)
            {
                _ticksToDecay = DecayIntervalTicks;
                int shift = DecayShift;
                for (int j = 0; j < theta.Length; j++) theta[j] -= theta[j] >> shift;
            }
            ApplyToInput();
        }

        // The next tick's input carries −gain·θ from the end of this learn phase on.
        private void ApplyToInput()
        {
            int[] theta = ThresholdQ16;
            int[] input = _target.InputQ16;
            long gain = CurrentGainQ16;
            for (int j = 0; j < theta.Length; j++)
                if (theta[j] != 0) input[j] -= (int)((theta[j] * gain + 32768) >> 16);
        }

        /// <inheritdoc/>
        public override void ResetState()
        {
            System.Array.Clear(ThresholdQ16, 0, ThresholdQ16.Length);
            _ticksToDecay = DecayIntervalTicks;
        }

        /// <inheritdoc/>
        public override int ParameterBytes { get { return 0; } }

        /// <inheritdoc/>
        public override int StateBytes { get { return ThresholdQ16.Length * 4 + 4; } }

        /// <inheritdoc/>
        public override uint HashState(uint hash)
        {
            hash = StateHash.AddInts(hash, ThresholdQ16);
            return StateHash.Add(hash, _ticksToDecay);
        }

        // Model format v2 checkpoint: i32 θ × target, i32 ticks to decay. The input the last
        // learn phase left in the target (−gain·θ) is not stored: it follows from θ and is
        // re-applied on load, as the population's input starts empty.
        internal override void TransferState(FormatCursor c)
        {
            c.Ints(ThresholdQ16, 0, MaxQ16, "threshold");
            _ticksToDecay = c.Int32(_ticksToDecay, 1, DecayIntervalTicks, "ticks to decay");
            if (c.Reading) ApplyToInput();
        }
    }
}
