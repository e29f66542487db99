namespace NanoSnn
{
    /// <summary>
    /// Reward-modulated STDP (three-factor rule, Izhikevich 2007) on one dense or sparse
    /// projection. Per tick t, in the learn phase (after every population has integrated):
    /// <code>
    /// x_i ← 0.95·x_i,  y_j ← 0.95·y_j                       (pre and post traces)
    /// c_ij += x_i           for every post spike of j at t    (pre before post)
    /// c_ij −= 1.5·y_j       for every pre spike of i at t     (post before pre)
    /// x_i ← 0.1 if i spiked at t,  y_j ← 0.1 if j spiked at t
    /// every K ticks: w_ij ← clamp(w_ij + (d0 + s·d)·c_ij, w_min, w_max);  c_ij ← 0.99·c_ij
    /// d ← 0.995·d                                               (dopamine; rewards add to d)
    /// </code>
    /// Spikes of the same tick pair with neither term. s = ±1 is the rule's modulation sign.
    /// </summary>
    /// <remarks>
    /// Formats: traces x, y and dopamine d in Q16 (d and the baseline are clamped to ±2^30);
    /// eligibility c in <b>Q13</b> <c>short</c> (range ±4.0, resolution 1.2·10^-4, saturating);
    /// weights in the projection's own units (Δw_real = (d0 + s·d)·c, converted with the
    /// projection's weight shift and rounded stochastically: two draws from <see cref="Network.Rng"/>
    /// per update, spread over the synapses as a Weyl sequence). The eligibility decay is rounded
    /// stochastically as well (unbiased, and 0 stays 0). The decays of the traces and of d truncate
    /// toward zero so that small values reach 0 instead of sticking (rounding to nearest stalls at
    /// |x| &lt; 0.5/(1 − factor) LSB, which for d would be 0.0015, about the tonic level); their
    /// bias is below 1 LSB per tick, at most 20 LSB in all (0.3 % of the trace a spike sets).
    /// <para>Memory per plastic synapse: the weight (2 bytes, the projection's) and the
    /// eligibility (2 bytes). A sparse projection additionally gets a by-target index
    /// (4-byte synapse id + 2-byte source id per synapse, plus 4 bytes per target) so that a
    /// post spike reaches its incoming synapses directly; a dense one needs none.</para>
    /// </remarks>
    public sealed class RewardStdp : Plasticity
    {
        private readonly Projection _projection;
        private readonly SparseProjection _sparse;
        private readonly int _sourceSize;
        private readonly int _targetSize;
        private readonly int _weightShift;
        private int _ticksToUpdate;

        /// <summary>Creates the rule for <paramref name="projection"/> (parameters are copied).</summary>
        public RewardStdp(Projection projection, RewardStdpParameters parameters)
        {
            if (projection == null) throw new ModelException("reward STDP: projection is required");
            if (parameters == null) throw new ModelException("reward STDP: parameters are required");
            string where = "reward STDP on '" + projection.Name + "': ";
            if (!projection.Target.IsSpiking) throw new ModelException(where + "the target must spike");
            if (parameters.UpdateTicks < 1) throw new ModelException(where + "UpdateTicks must be >= 1");
            if (parameters.ModulationSign != 1 && parameters.ModulationSign != -1) throw new ModelException(where + "ModulationSign must be +1 or -1");
            if (parameters.WeightMin < short.MinValue || parameters.WeightMax > short.MaxValue || parameters.WeightMin > parameters.WeightMax)
                throw new ModelException(where + "weight bounds must satisfy -32768 <= WeightMin <= WeightMax <= 32767");
            if (parameters.BaselineShift < 0 || parameters.BaselineShift > 16) throw new ModelException(where + "BaselineShift must be in 0..16");
            CheckFactor(where + "TraceDecayFactor16", parameters.TraceDecayFactor16);
            CheckFactor(where + "EligibilityDecayFactor16", parameters.EligibilityDecayFactor16);
            CheckFactor(where + "DopamineDecayFactor16", parameters.DopamineDecayFactor16);
            if (parameters.TraceOnSpikeQ16 < 0 || parameters.TraceOnSpikeQ16 > FixedPoint.OneQ16) throw new ModelException(where + "TraceOnSpikeQ16 must be in 0..1.0");
            if (parameters.DepressionGainQ16 < 0 || parameters.DepressionGainQ16 > 16 * FixedPoint.OneQ16) throw new ModelException(where + "DepressionGainQ16 must be in 0..16.0");
            if (parameters.TonicQ16 < -FixedPoint.OneQ16 || parameters.TonicQ16 > FixedPoint.OneQ16) throw new ModelException(where + "TonicQ16 must be in -1.0..1.0");

            _projection = projection;
            _sparse = projection as SparseProjection;
            if (_sparse == null && !(projection is DenseProjection)) throw new ModelException(where + "unsupported projection kind " + (int)projection.Kind);
            Parameters = parameters.Clone();
            _sourceSize = projection.Source.Size;
            _targetSize = projection.Target.Size;
            _weightShift = projection.WeightShift;
            PreTraceQ16 = new int[_sourceSize];
            PostTraceQ16 = new int[_targetSize];
            EligibilityQ13 = new short[projection.SynapseCount];
            _ticksToUpdate = Parameters.UpdateTicks;

            if (_sparse != null)
            {
                // By-target index: counting sort of the synapses by target, sources ascending.
                int[] start = new int[_targetSize + 1];
                ushort[] targets = _sparse.TargetIndex;
                for (int s = 0; s < targets.Length; s++) start[targets[s] + 1]++;
                for (int j = 0; j < _targetSize; j++) start[j + 1] += start[j];
                int[] fill = new int[_targetSize];
                IncomingSynapse = new int[targets.Length];
                IncomingSource = new ushort[targets.Length];
                int[] rows = _sparse.RowStart;
                for (int i = 0; i < _sourceSize; i++)
                {
                    for (int s = rows[i]; s < rows[i + 1]; s++)
                    {
                        int j = targets[s];
                        int at = start[j] + fill[j]++;
                        IncomingSynapse[at] = s;
                        IncomingSource[at] = (ushort)i;
                    }
                }
                IncomingStart = start;
            }
            else
            {
                IncomingStart = new int[0];
                IncomingSynapse = new int[0];
                IncomingSource = new ushort[0];
            }
        }

        private static void CheckFactor(string what, int factor16)
        {
            if (factor16 < 0 || factor16 > 65536) throw new ModelException(what + " " + factor16 + " must be in 0..65536 (Factor16)");
        }

        /// <summary>The parameters (a private copy; change them only between ticks).</summary>
        public readonly RewardStdpParameters Parameters;

        /// <summary>The projection whose weights this rule changes.</summary>
        public Projection Projection { get { return _projection; } }

        /// <summary>Presynaptic traces x, Q16, one per source neuron.</summary>
        public readonly int[] PreTraceQ16;

        /// <summary>Postsynaptic traces y, Q16, one per target neuron.</summary>
        public readonly int[] PostTraceQ16;

        /// <summary>Eligibility c per synapse (same order as the weights), Q13.</summary>
        public readonly short[] EligibilityQ13;

        /// <summary>Sparse only: first entry of each target in <see cref="IncomingSynapse"/> (length target size + 1).</summary>
        public readonly int[] IncomingStart;

        /// <summary>Sparse only: synapse ids grouped by target.</summary>
        public readonly int[] IncomingSynapse;

        /// <summary>Sparse only: source neuron of each entry of <see cref="IncomingSynapse"/>.</summary>
        public readonly ushort[] IncomingSource;

        /// <summary>Phasic dopamine d, Q16.</summary>
        public int DopamineQ16;

        /// <summary>Running mean of the rewards (used when <see cref="RewardStdpParameters.BaselineShift"/> &gt; 0), Q16.</summary>
        public int RewardBaselineQ16;

        /// <summary>Weight updates done since build or reset.</summary>
        public long WeightUpdates;

        /// <summary>
        /// Delivers a reward (Q16; Izhikevich 2007 uses +0.5): d += r, or d += r − r̄ with a
        /// baseline. Call between ticks; allocation-free.
        /// </summary>
        public override void Reward(int rewardQ16)
        {
            int effective = rewardQ16;
            int shift = Parameters.BaselineShift;
            if (shift > 0)
            {
                long error = (long)rewardQ16 - RewardBaselineQ16;
                effective = (int)FixedPoint.Clamp(error, -FixedPoint.StateLimitQ16, FixedPoint.StateLimitQ16);
                RewardBaselineQ16 = (int)FixedPoint.Clamp(RewardBaselineQ16 + ((error + (1L << (shift - 1))) >> shift), -FixedPoint.StateLimitQ16, FixedPoint.StateLimitQ16);
            }
            DopamineQ16 = (int)FixedPoint.Clamp((long)DopamineQ16 + effective, -FixedPoint.StateLimitQ16, FixedPoint.StateLimitQ16);
        }

        /// <summary>Present modulation d0 + s·d, Q16.</summary>
        public int ModulationQ16 { get { return Parameters.TonicQ16 + Parameters.ModulationSign * DopamineQ16; } }

        /// <inheritdoc/>
        public override void Update(Network network)
        {
            RewardStdpParameters p = Parameters;
            Population source = _projection.Source;
            Population target = _projection.Target;
            int[] pre = PreTraceQ16;
            int[] post = PostTraceQ16;
            short[] c = EligibilityQ13;
            long traceDecay = p.TraceDecayFactor16;

            for (int i = 0; i < pre.Length; i++) pre[i] = (int)((pre[i] * traceDecay) >> 16);
            for (int j = 0; j < post.Length; j++) post[j] = (int)((post[j] * traceDecay) >> 16);

            // Pre before post: each post spike collects the pre traces of its incoming synapses.
            int postCount = target.SpikeCount;
            int[] postList = target.SpikeList;
            if (_sparse != null)
            {
                int[] start = IncomingStart;
                int[] ids = IncomingSynapse;
                ushort[] from = IncomingSource;
                for (int k = 0; k < postCount; k++)
                {
                    int j = postList[k];
                    int end = start[j + 1];
                    for (int e = start[j]; e < end; e++)
                    {
                        int x = pre[from[e]];
                        if (x == 0) continue;
                        int s = ids[e];
                        c[s] = FixedPoint.SaturateToShort(c[s] + ((x + 4) >> 3));
                    }
                }
            }
            else
            {
                int t = _targetSize;
                for (int k = 0; k < postCount; k++)
                {
                    int j = postList[k];
                    for (int i = 0, s = j; i < _sourceSize; i++, s += t)
                    {
                        int x = pre[i];
                        if (x != 0) c[s] = FixedPoint.SaturateToShort(c[s] + ((x + 4) >> 3));
                    }
                }
            }

            // Post before pre: each pre spike subtracts gain times the post traces of its targets.
            int preCount = source.SpikeCount;
            int[] preList = source.SpikeList;
            long gain = p.DepressionGainQ16;
            if (_sparse != null)
            {
                int[] rows = _sparse.RowStart;
                ushort[] targets = _sparse.TargetIndex;
                for (int k = 0; k < preCount; k++)
                {
                    int i = preList[k];
                    int end = rows[i + 1];
                    for (int s = rows[i]; s < end; s++)
                    {
                        int y = post[targets[s]];
                        if (y == 0) continue;
                        c[s] = FixedPoint.SaturateToShort(c[s] - (int)((y * gain + (1L << 18)) >> 19));
                    }
                }
            }
            else
            {
                int t = _targetSize;
                for (int k = 0; k < preCount; k++)
                {
                    int row = preList[k] * t;
                    for (int j = 0; j < t; j++)
                    {
                        int y = post[j];
                        if (y != 0) c[row + j] = FixedPoint.SaturateToShort(c[row + j] - (int)((y * gain + (1L << 18)) >> 19));
                    }
                }
            }

            int onSpike = p.TraceOnSpikeQ16;
            for (int k = 0; k < preCount; k++) pre[preList[k]] = onSpike;
            for (int k = 0; k < postCount; k++) post[postList[k]] = onSpike;

            if (--_ticksToUpdate <= 0)
            {
                _ticksToUpdate = p.UpdateTicks;
                UpdateWeights(network.Rng);
            }

            int d = DopamineQ16;
            long dopamineDecay = p.DopamineDecayFactor16;
            DopamineQ16 = d >= 0 ? (int)((d * dopamineDecay) >> 16) : -(int)((-(long)d * dopamineDecay) >> 16);
        }

        /// <summary>
        /// The K-tick sweep: w += (d0 + s·d)·c with stochastic rounding, clamped, then c decays.
        /// One pass over the synapses, the hot loop of the rule (every synapse every K ticks):
        /// the rounding draws of one sweep form a Weyl sequence (golden-ratio steps) from one
        /// random phase per sweep, so each synapse's draw is uniform and the rounding unbiased
        /// at the price of one add per synapse instead of one generator step.
        /// </summary>
        private void UpdateWeights(XorShift32 rng)
        {
            RewardStdpParameters p = Parameters;
            short[] c = EligibilityQ13;
            short[] w = _projection.Weights;
            long m = ModulationQ16;
            // m (Q16) × c (Q13) is Δw in Q29; the weight unit is 2^(WeightShift - 16).
            int shift = 13 + _weightShift;
            long mask = (1L << shift) - 1;
            int drawShift = 32 - shift;
            int lo = p.WeightMin;
            int hi = p.WeightMax;
            long keep = p.EligibilityDecayFactor16;
            uint phase = rng.NextUInt();
            uint decayPhase = rng.NextUInt();
            int n = c.Length;
            for (int s = 0; s < n; s++)
            {
                int e = c[s];
                if (e == 0) continue;
                phase += 0x9E3779B9u;
                decayPhase += 0x7F4A7C15u;
                long product = m * e;
                // Branch-free where the outcome is random: round up iff draw < fraction
                // (the sign bit of draw - fraction).
                int x = w[s] + (int)(product >> shift) + (int)((ulong)((long)(phase >> drawShift) - (product & mask)) >> 63);
                if (x < lo) x = lo; else if (x > hi) x = hi;
                w[s] = (short)x;
                // The decay is rounded stochastically too: truncating it would remove up to one
                // LSB per update on top of the 1 %, which at |c| = 100 LSB triples the decay and
                // erases the memory that has to bridge the reward delay.
                c[s] = (short)((e * keep + (decayPhase >> 16)) >> 16);
            }
            WeightUpdates++;
        }

        /// <inheritdoc/>
        public override void ResetState()
        {
            System.Array.Clear(PreTraceQ16, 0, PreTraceQ16.Length);
            System.Array.Clear(PostTraceQ16, 0, PostTraceQ16.Length);
            System.Array.Clear(EligibilityQ13, 0, EligibilityQ13.Length);
            DopamineQ16 = 0;
            RewardBaselineQ16 = 0;
            WeightUpdates = 0;
            _ticksToUpdate = Parameters.UpdateTicks;
        }

        /// <inheritdoc/>
        public override int ParameterBytes
        {
            get { return IncomingStart.Length * 4 + IncomingSynapse.Length * 4 + IncomingSource.Length * 2; }
        }

        /// <summary>Bytes of the per-synapse by-target index (sparse projections; 0 for dense).</summary>
        public int SynapseIndexBytes
        {
            get { return IncomingSynapse.Length * 4 + IncomingSource.Length * 2; }
        }

        /// <inheritdoc/>
        public override int StateBytes
        {
            get { return PreTraceQ16.Length * 4 + PostTraceQ16.Length * 4 + EligibilityQ13.Length * 2 + 4 * 4; }
        }

        /// <inheritdoc/>
        public override uint HashState(uint hash)
        {
            hash = StateHash.AddInts(hash, PreTraceQ16);
            hash = StateHash.AddInts(hash, PostTraceQ16);
            hash = StateHash.AddShorts(hash, EligibilityQ13);
            hash = StateHash.Add(hash, DopamineQ16);
            hash = StateHash.Add(hash, RewardBaselineQ16);
            return StateHash.Add(hash, _ticksToUpdate);
        }

        // Model format v2 checkpoint: i32 pre trace × source, i32 post trace × target,
        // i16 eligibility × synapse, i32 dopamine, i32 reward baseline, i32 ticks to update,
        // i64 weight updates (a counter: stored, not hashed). The by-target index is derived
        // from the projection and rebuilt by the constructor.
        internal override void TransferState(FormatCursor c)
        {
            c.Ints(PreTraceQ16, 0, FixedPoint.OneQ16, "pre trace");
            c.Ints(PostTraceQ16, 0, FixedPoint.OneQ16, "post trace");
            c.Shorts(EligibilityQ13, short.MinValue, short.MaxValue, "eligibility");
            DopamineQ16 = c.Int32(DopamineQ16, -FixedPoint.StateLimitQ16, FixedPoint.StateLimitQ16, "dopamine");
            RewardBaselineQ16 = c.Int32(RewardBaselineQ16, -FixedPoint.StateLimitQ16, FixedPoint.StateLimitQ16, "reward baseline");
            // Not bounded by UpdateTicks: the parameters may be changed between ticks.
            _ticksToUpdate = c.Int32(_ticksToUpdate, 1, int.MaxValue, "ticks to update");
            WeightUpdates = c.Int64(WeightUpdates, 0, long.MaxValue, "weight updates");
        }
    }
}
