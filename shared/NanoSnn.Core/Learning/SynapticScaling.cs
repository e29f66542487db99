namespace NanoSnn
{
    /// <summary>
    /// Multiplicative synaptic scaling (Turrigiano 2008; van Rossum, Bi and Turrigiano 2000)
    /// of one projection's weights toward a target firing rate of its target neurons,
    /// integer only. Every tick each target neuron's rate estimate follows its spikes:
    /// <code>
    /// r_j ← r_j + (z_j − r_j) / 2^RateShift                  (r in spikes per tick, Q24)
    /// </code>
    /// and once per epoch of <see cref="EpochTicks"/> ticks every incoming weight is scaled:
    /// <code>
    /// g_j = clamp(Gain·(r* − r_j)/r*, −MaxStep, +MaxStep);   w_ij ← w_ij + g_j·w_ij
    /// </code>
    /// (stochastic rounding from <see cref="Network.Rng"/>; signs never flip because
    /// MaxStep &lt; 1). Sensing is fast (a 2^RateShift-tick window, about a second) and control
    /// slow (a few percent per epoch), as recurrent networks need (Zenke et al. 2013).
    /// </summary>
    /// <remarks>
    /// Rate estimates r in <b>Q24</b> spikes per tick (1 spike per tick = 2^24; 10 Hz at 1 ms
    /// ticks = 167,772). The decay r/2^RateShift truncates, so an estimate below 2^RateShift
    /// (0.06 Hz at RateShift 10 and 1 ms ticks) stops decaying; that only matters for
    /// silent neurons, which scaling then drives upward anyway. Gains and steps in Q16.
    /// </remarks>
    public sealed class SynapticScaling : Plasticity
    {
        private readonly Projection _projection;
        private readonly SparseProjection _sparse;
        private int _ticksToEpoch;

        /// <summary>
        /// Scales the weights of <paramref name="projection"/> toward target rate
        /// <paramref name="targetRatePerTickQ24"/> (see <see cref="RateToQ24"/>).
        /// </summary>
        public SynapticScaling(Projection projection, int targetRatePerTickQ24, int rateShift, int epochTicks, int gainQ16, int maxStepQ16)
        {
            if (projection == null) throw new ModelException("synaptic scaling: projection is required");
            string where = "synaptic scaling on '" + projection.Name + "': ";
            if (!projection.Target.IsSpiking) throw new ModelException(where + "the target must spike");
            if (targetRatePerTickQ24 <= 0 || targetRatePerTickQ24 > (1 << 24)) throw new ModelException(where + "target rate must be in 1..2^24 (Q24 spikes per tick)");
            if (rateShift < 1 || rateShift > 20) throw new ModelException(where + "rate shift must be in 1..20");
            if (epochTicks < 1) throw new ModelException(where + "epoch must be >= 1 tick");
            if (gainQ16 < 0 || gainQ16 > FixedPoint.OneQ16) throw new ModelException(where + "gain must be in 0..1.0 (Q16)");
            if (maxStepQ16 < 0 || maxStepQ16 > FixedPoint.OneQ16 / 2) throw new ModelException(where + "max step must be in 0..0.5 (Q16)");
            _projection = projection;
            _sparse = projection as SparseProjection;
            if (_sparse == null && !(projection is DenseProjection)) throw new ModelException(where + "unsupported projection kind " + (int)projection.Kind);
            TargetRatePerTickQ24 = targetRatePerTickQ24;
            RateShift = rateShift;
            EpochTicks = epochTicks;
            GainQ16 = gainQ16;
            MaxStepQ16 = maxStepQ16;
            RateEstimateQ24 = new int[projection.Target.Size];
            StepQ16 = new int[projection.Target.Size];
            _ticksToEpoch = epochTicks;
        }

        /// <summary>round(rate · dtUs · 2^24 / 10^9): a rate in mHz as Q24 spikes per tick of <paramref name="dtUs"/> µs.</summary>
        public static int RateToQ24(int rateMilliHz, int dtUs)
        {
            return (int)(((long)rateMilliHz * dtUs * (1L << 24) + 500000000L) / 1000000000L);
        }

        /// <summary>The projection whose weights are scaled.</summary>
        public Projection Projection { get { return _projection; } }

        /// <summary>Target rate r*, Q24 spikes per tick.</summary>
        public readonly int TargetRatePerTickQ24;

        /// <summary>The rate estimate's window is 2^RateShift ticks.</summary>
        public readonly int RateShift;

        /// <summary>Ticks between two scalings.</summary>
        public readonly int EpochTicks;

        /// <summary>Relative weight change per unit of relative rate error, Q16.</summary>
        public readonly int GainQ16;

        /// <summary>Largest relative weight change per epoch, Q16.</summary>
        public readonly int MaxStepQ16;

        /// <summary>Rate estimate r per target neuron, Q24 spikes per tick.</summary>
        public readonly int[] RateEstimateQ24;

        /// <summary>Relative step g of each target neuron at the latest epoch, Q16.</summary>
        public readonly int[] StepQ16;

        /// <summary>Scalings done since build or reset.</summary>
        public long Epochs;

        /// <inheritdoc/>
        public override void Update(Network network)
        {
            int[] r = RateEstimateQ24;
            int shift = RateShift;
            for (int j = 0; j < r.Length; j++) r[j] -= r[j] >> shift;
            Population target = _projection.Target;
            int[] list = target.SpikeList;
            int add = (1 << 24) >> shift;
            for (int k = 0; k < target.SpikeCount; k++) r[list[k]] += add;

            if (--_ticksToEpoch > 0) return;
            _ticksToEpoch = EpochTicks;
            Scale(network.Rng);
        }

        private void Scale(XorShift32 rng)
        {
            int[] r = RateEstimateQ24;
            int[] step = StepQ16;
            long rt = TargetRatePerTickQ24;
            int max = MaxStepQ16;
            for (int j = 0; j < r.Length; j++)
            {
                long errorQ16 = ((rt - r[j]) << 16) / rt;
                long g = (errorQ16 * GainQ16) >> 16;
                step[j] = (int)FixedPoint.Clamp(g, -max, max);
            }
            short[] w = _projection.Weights;
            if (_sparse != null)
            {
                ushort[] targets = _sparse.TargetIndex;
                for (int s = 0; s < w.Length; s++) w[s] = ScaleOne(w[s], step[targets[s]], rng);
            }
            else
            {
                int t = _projection.Target.Size;
                for (int s = 0, j = 0; s < w.Length; s++)
                {
                    w[s] = ScaleOne(w[s], step[j], rng);
                    if (++j == t) j = 0;
                }
            }
            Epochs++;
        }

        private static short ScaleOne(short weight, int stepQ16, XorShift32 rng)
        {
            if (weight == 0 || stepQ16 == 0) return weight;
            int product = weight * stepQ16; // |w| < 2^15, |step| <= 2^15: fits an int
            int delta = product >> 16;
            if ((rng.NextUInt() >> 16) < (uint)(product & 0xFFFF)) delta++;
            return FixedPoint.SaturateToShort(weight + delta);
        }

        /// <inheritdoc/>
        public override void ResetState()
        {
            System.Array.Clear(RateEstimateQ24, 0, RateEstimateQ24.Length);
            System.Array.Clear(StepQ16, 0, StepQ16.Length);
            Epochs = 0;
            _ticksToEpoch = EpochTicks;
        }

        /// <inheritdoc/>
        public override int ParameterBytes { get { return 0; } }

        /// <inheritdoc/>
        public override int StateBytes { get { return RateEstimateQ24.Length * 4 + StepQ16.Length * 4 + 4; } }

        /// <inheritdoc/>
        public override uint HashState(uint hash)
        {
            hash = StateHash.AddInts(hash, RateEstimateQ24);
            hash = StateHash.AddInts(hash, StepQ16);
            return StateHash.Add(hash, _ticksToEpoch);
        }

        // Model format v2 checkpoint: i32 rate × target, i32 step × target, i32 ticks to epoch,
        // i64 epochs (a counter: stored, not hashed).
        internal override void TransferState(FormatCursor c)
        {
            c.Ints(RateEstimateQ24, 0, 1 << 24, "rate estimate");
            c.Ints(StepQ16, -MaxStepQ16, MaxStepQ16, "step");
            _ticksToEpoch = c.Int32(_ticksToEpoch, 1, EpochTicks, "ticks to epoch");
            Epochs = c.Int64(Epochs, 0, long.MaxValue, "epochs");
        }
    }
}
