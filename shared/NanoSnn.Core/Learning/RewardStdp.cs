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
    /// projection's weight shift and rounded stochastically). The eligibility decay is rounded
    /// stochastically as well (unbiased, and 0 stays 0): truncating it would remove up to one LSB
    /// per update on top of the 1 %, which at |c| = 100 LSB triples the decay and erases the
    /// memory that has to bridge the reward delay. The decays of the traces and of d truncate
    /// toward zero so that small values reach 0 instead of sticking (rounding to nearest stalls at
    /// |x| &lt; 0.5/(1 − factor) LSB, which for d would be 0.0015, about the tonic level); their
    /// bias is below 1 LSB per tick, at most 20 LSB in all (0.3 % of the trace a spike sets).
    /// <para><b>How it runs.</b> The weights are stored source-major (the rows of the
    /// projection), so all per-synapse work walks rows; nothing is indexed by target:</para>
    /// <list type="bullet">
    /// <item><b>Depression at once.</b> A pre spike of i brings row i up to date (see below; the
    /// spike is propagated from this row next tick) and subtracts 1.5·y_j along it.</item>
    /// <item><b>Potentiation at the window's end.</b> A post spike only sets bit τ (its tick in the
    /// window) of the target's spike mask. At the window's end each source's pre trace is replayed
    /// over the window from its value at the window's start and the source's own spike mask, and a
    /// row whose replayed trace is nonzero in Q13 at some tick walks its targets' masks and adds
    /// Σ over the set bits τ of x_i(τ) to c_ij. That is exactly what the per-tick rule adds: c does
    /// not decay inside a window (Izhikevich decays it once per K ms, like the weights), the
    /// additions commute, and each term is rounded to Q13 on its own as before; only a saturation
    /// of c at ±4.0 may happen at another point of the sum. (A per-tick eligibility decay would
    /// fold F^(K−1−τ) into the replayed trace, which is still per source.)</item>
    /// <item><b>Drift lazily, per row.</b> Between pairings a synapse only drifts once per
    /// window: w += m_k·c, c ← F·c. Every row falls one window behind at each window's end and is
    /// brought up to date in one step when it is needed: at a spike of its source, after
    /// <see cref="MaxLag"/> windows, when m changes sign or F changes, and by
    /// <see cref="Synchronize"/>. The catch-up over L windows is closed form, c ← F^L·c and
    /// w ← clamp(w + S_L·c) with S_L = Σ_l m_l·F^l from tables of the rule, MaxLag + 1 entries
    /// each (<see cref="RewardStdpParameters.MaxLagWindows"/>: by default ⌈√synapses⌉, at most
    /// 255). Clamping once equals clamping every window because the pending increments share
    /// one sign: c keeps its sign while it decays, and m is not allowed to change sign within a
    /// lag. For L = 1 the catch-up is the per-window update itself (and MaxLag = 1 is the
    /// per-window rule).</item>
    /// <item><b>Potentiating a row that is behind</b> re-bases the synapse instead of catching the
    /// row up: with (w_t, c_t) = (clamp(w + S_L·c), F^L·c) its true state at the window's start,
    /// the stored pair becomes c' = c + F^-L·Δc and w' = w_t − S_L·c', which the row's eventual
    /// catch-up maps to exactly clamp(w_t + S'·(c_t + Δc)), the per-window result (w_t is in
    /// bounds and, again, all later increments share a sign). Where a value would not fit 16 bits,
    /// c would saturate or F^-L exceeds 2, the row is caught up first and Δc added directly.</item>
    /// </list>
    /// <para>So synapse arithmetic happens only along rows whose source spiked, at synapses whose
    /// target spiked while the source's trace was alive, and once per <see cref="MaxLag"/> windows;
    /// a window costs a pass over the sources, a scan of the rows with a live trace (one in five
    /// in the distal-reward network at 1.3 Hz) and MaxLag steps of the drift table. Rounding (weights and eligibility decay) is
    /// stochastic and unbiased as in the per-window rule, with one draw per catch-up instead of one
    /// per window: the same mean, a smaller variance.</para>
    /// <para>Consequences for readers: between windows, <see cref="EligibilityQ13"/> lacks the
    /// current window's potentiation, and the weights and eligibilities of a row that is behind are
    /// referred to its last catch-up (a re-based synapse may even hold a weight outside the bounds
    /// there). Call <see cref="Synchronize"/> (or <see cref="Network.Synchronize"/>) before
    /// reading weights or writing them out, and before another rule or the caller changes this
    /// projection's weights; it is itself a catch-up, so it changes later rounding draws, never
    /// the expected dynamics.</para>
    /// <para>Memory: per plastic synapse the weight (2 bytes, the projection's) and the
    /// eligibility (2 bytes), nothing else. Per source neuron: the window-start trace (4), the
    /// spike mask (4) and the lag (1); per target neuron: the trace (4), the spike mask (4) and a
    /// slot in the list of live traces (4); per rule: the F^L, F^-L and S_L tables
    /// ((MaxLag + 1)·16 bytes), K ints of scratch and a few scalars.</para>
    /// <para>The F^L and F^-L tables depend only on F and could be shared by rules with the same
    /// factor; they are not: with MaxLag sized to the projection a small rule's tables are a few
    /// hundred bytes, a large rule's 4 KB are small against its synapses, and each rule may
    /// change its own F at any window (rebuilding its tables), which sharing would complicate.</para>
    /// </remarks>
    public sealed class RewardStdp : Plasticity
    {
        /// <summary>
        /// Largest <see cref="RewardStdpParameters.MaxLagWindows"/>: the lag of a row is a byte.
        /// A row that never pairs then costs one catch-up per 255 windows, 0.4 % of a per-window sweep.
        /// </summary>
        public const int MaxLagLimit = 255;

        /// <summary>
        /// The default <see cref="RewardStdpParameters.MaxLagWindows"/> for a projection of
        /// <paramref name="synapses"/> synapses: ⌈√synapses⌉ in 1..<see cref="MaxLagLimit"/>
        /// (it balances the drift-table update, MaxLag steps per window, against the forced
        /// catch-ups, at most synapses/MaxLag synapses per window).
        /// </summary>
        public static int DefaultMaxLag(int synapses)
        {
            int lag = 1;
            while (lag < MaxLagLimit && lag * lag < synapses) lag++;
            return lag;
        }

        /// <summary>Most ticks per window (the spike masks are 32-bit).</summary>
        public const int MaxUpdateTicks = 32;

        // Weyl increments of the two rounding draws (golden ratio and another odd constant).
        private const uint WeightDrawStep = 0x9E3779B9u;
        private const uint DecayDrawStep = 0x7F4A7C15u;

        private readonly Projection _projection;
        private readonly SparseProjection _sparse;
        private readonly int _targetSize;
        private readonly int _weightShift;
        private readonly int _windowTicks;
        private readonly int _maxLag;
        // 32 − 13 − WeightShift (4..19): see ScaleDrift.
        private readonly int _drawShift;
        private readonly int[] _decayPowerQ30;
        private readonly int[] _inversePowerQ30;
        private readonly long[] _driftQ32;
        private readonly int[] _potentiationQ13;
        // The targets whose post trace is nonzero, in no particular order: only they decay.
        private readonly int[] _liveTargets;
        private int _liveCount;
        private int _tableFactor16;
        private int _tickInWindow;
        private int _segmentSign;
        private uint _weightDraw;
        private uint _decayDraw;
        // The row being potentiated at a window's end: windows behind (0: up to date), and for a
        // row behind, the drift S of those windows (scaled, see ScaleDrift), F^L and F^-L (Q30).
        private int _rowBehind;
        private long _rowDriftScaled;
        private long _rowPowerQ30;
        private long _rowInverseQ30;
        private long _rowDriftQ32;

        /// <summary>Creates the rule for <paramref name="projection"/> (parameters are copied).</summary>
        public RewardStdp(Projection projection, RewardStdpParameters parameters)
        {
            if (projection == null) throw new ModelException("reward STDP: projection is required");
            if (parameters == null) throw new ModelException("reward STDP: parameters are required");
            string where = "reward STDP on '" + projection.Name + "': ";
            if (!projection.Target.IsSpiking) throw new ModelException(where + "the target must spike");
            if (parameters.UpdateTicks < 1 || parameters.UpdateTicks > MaxUpdateTicks)
                throw new ModelException(where + "UpdateTicks " + parameters.UpdateTicks + " must be in 1.." + MaxUpdateTicks);
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
            if (parameters.MaxLagWindows < 0 || parameters.MaxLagWindows > MaxLagLimit)
                throw new ModelException(where + "MaxLagWindows " + parameters.MaxLagWindows + " must be in 1.." + MaxLagLimit + ", or 0 for the default");

            _projection = projection;
            _sparse = projection as SparseProjection;
            if (_sparse == null && !(projection is DenseProjection)) throw new ModelException(where + "unsupported projection kind " + (int)projection.Kind);
            Parameters = parameters.Clone();
            if (Parameters.MaxLagWindows == 0) Parameters.MaxLagWindows = DefaultMaxLag(projection.SynapseCount);
            _maxLag = Parameters.MaxLagWindows;
            int sources = projection.Source.Size;
            _targetSize = projection.Target.Size;
            _weightShift = projection.WeightShift;
            _windowTicks = Parameters.UpdateTicks;
            _drawShift = 32 - (13 + _weightShift);
            PreTraceQ16 = new int[sources];
            PreSpikeMask = new uint[sources];
            RowLag = new byte[sources];
            PostTraceQ16 = new int[_targetSize];
            _liveTargets = new int[_targetSize];
            PostSpikeMask = new uint[_targetSize];
            EligibilityQ13 = new short[projection.SynapseCount];
            _decayPowerQ30 = new int[_maxLag + 1];
            _inversePowerQ30 = new int[_maxLag + 1];
            _driftQ32 = new long[_maxLag + 1];
            _potentiationQ13 = new int[_windowTicks];
            BuildDecayTable(Parameters.EligibilityDecayFactor16);
        }

        private static void CheckFactor(string what, int factor16)
        {
            if (factor16 < 0 || factor16 > 65536) throw new ModelException(what + " " + factor16 + " must be in 0..65536 (Factor16)");
        }

        /// <summary>
        /// The parameters (a private copy; change them only between ticks). <see cref="RewardStdpParameters.UpdateTicks"/>
        /// and <see cref="RewardStdpParameters.MaxLagWindows"/> are read once, when the rule is built (a
        /// MaxLagWindows of 0 is replaced by the value chosen); the pre-trace constants act on a window when it ends.
        /// </summary>
        public readonly RewardStdpParameters Parameters;

        /// <summary>
        /// Most windows a row may be left behind (1..<see cref="MaxLagLimit"/>): the
        /// <see cref="RewardStdpParameters.MaxLagWindows"/> the rule was built with; its catch-up
        /// tables have MaxLag + 1 entries.
        /// </summary>
        public int MaxLag { get { return _maxLag; } }

        /// <summary>The projection whose weights this rule changes.</summary>
        public Projection Projection { get { return _projection; } }

        /// <summary>
        /// Presynaptic traces x at the start of the current window, Q16, one per source neuron
        /// (the window's end replays them; <see cref="PreTraceNowQ16"/> gives the present value).
        /// </summary>
        public readonly int[] PreTraceQ16;

        /// <summary>Per source neuron: bit τ is set if it spiked at tick τ of the current window.</summary>
        public readonly uint[] PreSpikeMask;

        /// <summary>Per source neuron: windows whose drift its row has not received yet (0..<see cref="MaxLag"/> − 1 between ticks).</summary>
        public readonly byte[] RowLag;

        /// <summary>Postsynaptic traces y, Q16, one per target neuron.</summary>
        public readonly int[] PostTraceQ16;

        /// <summary>Per target neuron: bit τ is set if it spiked at tick τ of the current window.</summary>
        public readonly uint[] PostSpikeMask;

        /// <summary>Eligibility c per synapse (same order as the weights), Q13; see the remarks for when it is current.</summary>
        public readonly short[] EligibilityQ13;

        /// <summary>Phasic dopamine d, Q16.</summary>
        public int DopamineQ16;

        /// <summary>Running mean of the rewards (used when <see cref="RewardStdpParameters.BaselineShift"/> &gt; 0), Q16.</summary>
        public int RewardBaselineQ16;

        /// <summary>Windows completed (weight updates) since build or reset.</summary>
        public long WeightUpdates;

        /// <summary>Ticks done in the current window (0..K−1).</summary>
        public int TickInWindow { get { return _tickInWindow; } }

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

        /// <summary>
        /// The present pre trace of <paramref name="source"/> (after the last tick's spikes), Q16:
        /// the window-start trace replayed over the ticks done so far. For tests and telemetry.
        /// </summary>
        public int PreTraceNowQ16(int source)
        {
            int x = PreTraceQ16[source];
            uint mask = PreSpikeMask[source];
            long decay = Parameters.TraceDecayFactor16;
            for (int tau = 0; tau < _tickInWindow; tau++)
            {
                x = (int)((x * decay) >> 16);
                if (((mask >> tau) & 1) != 0) x = Parameters.TraceOnSpikeQ16;
            }
            return x;
        }

        /// <inheritdoc/>
        public override void Update(Network network)
        {
            RewardStdpParameters p = Parameters;
            int[] post = PostTraceQ16;
            long traceDecay = p.TraceDecayFactor16;
            // Most post traces are 0 (a trace lives 124 ticks; at 1.3 Hz that is one neuron in six),
            // so only the live ones decay; a trace that reaches 0 leaves the list.
            int[] live = _liveTargets;
            int liveCount = _liveCount;
            for (int k = 0; k < liveCount; k++)
            {
                int j = live[k];
                int y = (int)((post[j] * traceDecay) >> 16);
                post[j] = y;
                if (y == 0) live[k--] = live[--liveCount];
            }

            uint bit = 1u << _tickInWindow;

            // Post before pre, at once: each pre spike brings its row up to date (so that it is
            // also current when the spike is propagated) and subtracts gain times the post traces.
            Population source = _projection.Source;
            int preCount = source.SpikeCount;
            int[] preList = source.SpikeList;
            long gain = p.DepressionGainQ16;
            short[] c = EligibilityQ13;
            byte[] lag = RowLag;
            uint[] preMask = PreSpikeMask;
            for (int k = 0; k < preCount; k++)
            {
                int i = preList[k];
                if (lag[i] != 0) CatchUp(i);
                preMask[i] |= bit;
                int s;
                int end;
                if (_sparse != null)
                {
                    s = _sparse.RowStart[i];
                    end = _sparse.RowStart[i + 1];
                    ushort[] targets = _sparse.TargetIndex;
                    for (; s < end; s++)
                    {
                        int y = post[targets[s]];
                        if (y == 0) continue;
                        c[s] = FixedPoint.SaturateToShort(c[s] - (int)((y * gain + (1L << 18)) >> 19));
                    }
                }
                else
                {
                    s = i * _targetSize;
                    for (int j = 0; j < _targetSize; j++, s++)
                    {
                        int y = post[j];
                        if (y != 0) c[s] = FixedPoint.SaturateToShort(c[s] - (int)((y * gain + (1L << 18)) >> 19));
                    }
                }
            }

            // Pre before post is collected at the window's end: a post spike is only remembered.
            Population target = _projection.Target;
            int postCount = target.SpikeCount;
            int[] postList = target.SpikeList;
            uint[] postMask = PostSpikeMask;
            int onSpike = p.TraceOnSpikeQ16;
            for (int k = 0; k < postCount; k++)
            {
                int j = postList[k];
                postMask[j] |= bit;
                if (post[j] == 0 && onSpike != 0) live[liveCount++] = j;
                post[j] = onSpike;
            }
            _liveCount = liveCount;

            if (++_tickInWindow == _windowTicks)
            {
                _tickInWindow = 0;
                EndWindow(network.Rng);
            }

            int d = DopamineQ16;
            long dopamineDecay = p.DopamineDecayFactor16;
            DopamineQ16 = d >= 0 ? (int)((d * dopamineDecay) >> 16) : -(int)((-(long)d * dopamineDecay) >> 16);
        }

        /// <summary>
        /// Brings every row that was left behind up to date with all completed windows (the
        /// current window's potentiation is added when it ends). Allocation-free.
        /// </summary>
        public override void Synchronize()
        {
            byte[] lag = RowLag;
            for (int i = 0; i < lag.Length; i++)
                if (lag[i] != 0) CatchUp(i);
        }

        /// <summary>
        /// The weight of <paramref name="synapse"/> as a catch-up of its row would leave it now,
        /// rounded to nearest instead of stochastically (so the real catch-up may differ by one
        /// unit), without changing anything. For observers (plots, progress, thresholds):
        /// <see cref="Synchronize"/> is itself a rounding step, so calling it to look would make a
        /// run depend on how often it is looked at.
        /// </summary>
        public int CaughtUpWeight(int synapse)
        {
            short[] w = _projection.Weights;
            if (synapse < 0 || synapse >= w.Length) throw new System.ArgumentOutOfRangeException("synapse");
            int row = _projection.SourceOf(synapse);
            int lag = RowLag[row];
            if (lag == 0) return w[synapse];
            return (int)Drifted(w[synapse], ScaleDrift(_driftQ32[lag]), EligibilityQ13[synapse], 1L << 31, Parameters.WeightMin, Parameters.WeightMax);
        }

        /// <summary>Catch-up of row i over its pending windows (all completed).</summary>
        private void CatchUp(int i)
        {
            int l = RowLag[i];
            UpdateRange(i, _driftQ32[l], _decayPowerQ30[l]);
            RowLag[i] = 0;
        }

        /// <summary>
        /// The window's end: record m in the drift table, then walk the sources: replay the pre
        /// trace, add the deferred potentiation to the rows whose trace is alive, and let every row
        /// fall one window behind.
        /// </summary>
        private void EndWindow(XorShift32 rng)
        {
            RewardStdpParameters p = Parameters;
            int m = ModulationQ16;
            if (p.EligibilityDecayFactor16 != _tableFactor16)
            {
                Synchronize();
                BuildDecayTable(p.EligibilityDecayFactor16);
            }
            // One clamp per catch-up is exact only while the pending increments share a sign.
            int sign = m > 0 ? 1 : (m < 0 ? -1 : 0);
            if (sign != 0)
            {
                if (sign == -_segmentSign) Synchronize();
                _segmentSign = sign;
            }
            // S_L over the last L windows, discounted from the oldest: S'_L = S_(L−1) + m·F^(L−1).
            long[] drift = _driftQ32;
            int[] power = _decayPowerQ30;
            int maxLag = _maxLag;
            for (int l = maxLag; l >= 1; l--) drift[l] = drift[l - 1] + ((m * (long)power[l - 1] + (1L << 13)) >> 14);

            // Two draws per window start the Weyl sequences of the rounding (one add per synapse
            // instead of one generator step; each synapse's draw is uniform, the rounding unbiased).
            _weightDraw = rng.NextUInt();
            _decayDraw = rng.NextUInt();

            int[] pre = PreTraceQ16;
            uint[] preMask = PreSpikeMask;
            byte[] lag = RowLag;
            int[] potentiation = _potentiationQ13;
            long traceDecay = p.TraceDecayFactor16;
            int onSpike = p.TraceOnSpikeQ16;
            int ticks = _windowTicks;
            for (int i = 0; i < pre.Length; i++)
            {
                int x = pre[i];
                uint spikes = preMask[i];
                if ((x | (int)spikes) != 0)
                {
                    // Replay the pre trace over the window: x(τ) after the decay, before the spike.
                    int any = 0;
                    for (int tau = 0; tau < ticks; tau++)
                    {
                        x = (int)((x * traceDecay) >> 16);
                        int q = (x + 4) >> 3;
                        potentiation[tau] = q;
                        any |= q;
                        if (((spikes >> tau) & 1) != 0) x = onSpike;
                    }
                    pre[i] = x;
                    preMask[i] = 0;
                    if (any != 0) PotentiateRow(i, m);
                }
                // Every row falls one window behind: its drift is applied when it is next caught up.
                int late = lag[i] + 1;
                lag[i] = (byte)late;
                if (late >= maxLag) CatchUp(i);
            }
            System.Array.Clear(PostSpikeMask, 0, PostSpikeMask.Length);
            WeightUpdates++;
        }

        /// <summary>
        /// Adds the window's deferred potentiation to row i, whose pre trace over the window is in
        /// the scratch: one pass over the targets' spike masks, arithmetic only where a target spiked.
        /// </summary>
        private void PotentiateRow(int i, int modulationQ16)
        {
            int behind = RowLag[i];
            _rowBehind = behind;
            if (behind != 0)
            {
                // The windows the row is behind end before this one: their drift is the table's
                // without this window's m, which the table already holds.
                _rowDriftQ32 = _driftQ32[behind + 1] - ((modulationQ16 * (long)_decayPowerQ30[behind] + (1L << 13)) >> 14);
                _rowPowerQ30 = _decayPowerQ30[behind];
                _rowInverseQ30 = _inversePowerQ30[behind];
                _rowDriftScaled = ScaleDrift(_rowDriftQ32);
                // Re-basing needs F^-L and an S that the scaling did not cut.
                if (_rowInverseQ30 == 0 || _rowDriftScaled == DriftLimit || _rowDriftScaled == -DriftLimit) CatchUpBeforeWindow(i);
            }
            uint[] postMask = PostSpikeMask;
            if (_sparse != null)
            {
                int end = _sparse.RowStart[i + 1];
                ushort[] targets = _sparse.TargetIndex;
                for (int s = _sparse.RowStart[i]; s < end; s++)
                {
                    uint spikes = postMask[targets[s]];
                    if (spikes != 0) Potentiate(i, s, spikes);
                }
            }
            else
            {
                int s = i * _targetSize;
                for (int j = 0; j < postMask.Length; j++, s++)
                {
                    uint spikes = postMask[j];
                    if (spikes != 0) Potentiate(i, s, spikes);
                }
            }
        }

        /// <summary>Brings row i (being potentiated) up to the start of this window, so that c can change directly.</summary>
        private void CatchUpBeforeWindow(int i)
        {
            UpdateRange(i, _rowDriftQ32, _rowPowerQ30);
            RowLag[i] = 0;
            _rowBehind = 0;
        }

        /// <summary>
        /// c_s += the potentiation for the post spikes in <paramref name="postSpikes"/>. In a row
        /// that is up to date, directly (saturating). In a row L windows behind, the synapse is
        /// re-based instead: its true state at this window's start is (w_t, c_t) = (clamp(w +
        /// S·c), F^L·c); after the addition the stored pair becomes c' = c + F^-L·Δc and
        /// w' = w_t − S·c', which the row's eventual catch-up maps to exactly clamp(w_t + S'·(c_t +
        /// Δc)) for the windows from this one on. When a value would not fit (or the sum would
        /// saturate), the row is caught up first and the addition is direct.
        /// </summary>
        private void Potentiate(int i, int s, uint postSpikes)
        {
            int[] potentiation = _potentiationQ13;
            int add = 0;
            for (int tau = 0; postSpikes != 0; tau++, postSpikes >>= 1)
                if ((postSpikes & 1) != 0) add += potentiation[tau];
            if (add == 0) return;
            short[] c = EligibilityQ13;
            if (_rowBehind != 0)
            {
                short[] w = _projection.Weights;
                long e = c[s];
                long reached = ((e * _rowPowerQ30 + (1L << 29)) >> 30) + add;
                if (reached >= short.MinValue && reached <= short.MaxValue)
                {
                    _weightDraw += WeightDrawStep;
                    _decayDraw += DecayDrawStep;
                    long rebased = e + ((add * _rowInverseQ30 + (_decayDraw >> 2)) >> 30);
                    // One draw for both roundings of w: their errors cancel where the clamp is idle.
                    long weightTrue = Drifted(w[s], _rowDriftScaled, e, _weightDraw, Parameters.WeightMin, Parameters.WeightMax);
                    long weight = weightTrue - ((_rowDriftScaled * rebased + _weightDraw) >> 32);
                    if (rebased >= short.MinValue && rebased <= short.MaxValue && weight >= short.MinValue && weight <= short.MaxValue)
                    {
                        c[s] = (short)rebased;
                        w[s] = (short)weight;
                        return;
                    }
                }
                CatchUpBeforeWindow(i);
            }
            c[s] = FixedPoint.SaturateToShort(c[s] + add);
        }

        // |S·2^DrawShift| at which the scaling cuts (see ScaleDrift).
        private const long DriftLimit = (1L << 48) - 1;

        /// <summary>
        /// S (Q32) × c (Q13) is Δw in Q45 and the weight unit is 2^(WeightShift − 16), so Δw =
        /// S·c / 2^(29 + WeightShift) units. Scaled to S·2^DrawShift in Q16, DrawShift = 32 − 13 −
        /// WeightShift, the floor becomes ">> 32", and a uniform 32-bit draw added before it rounds
        /// up with the fraction's probability. The scaled value is cut at ±(2^48 − 1) so that its
        /// product with c fits a long: there one LSB of c already moves the weight by 2^16 units,
        /// across its whole range, so the cut changes nothing. Both the catch-up and the re-basing
        /// scale the Q32 sums of the table, whose differences are exact, so they agree to 2^-17 units.
        /// </summary>
        private long ScaleDrift(long driftQ32)
        {
            int up = _drawShift - 16;
            long scaled;
            if (up >= 0)
            {
                long limit = DriftLimit >> up;
                scaled = (driftQ32 > limit ? limit : (driftQ32 < -limit ? -limit : driftQ32)) << up;
            }
            else
            {
                long limit = DriftLimit << -up;
                long cut = driftQ32 > limit ? limit : (driftQ32 < -limit ? -limit : driftQ32);
                scaled = (cut + (1L << (-up - 1))) >> -up;
            }
            return scaled > DriftLimit ? DriftLimit : (scaled < -DriftLimit ? -DriftLimit : scaled);
        }

        /// <summary>
        /// w += S_L·c (stochastic rounding, clamped) and c ← F^L·c (stochastic rounding) over
        /// row i: the catch-up over L windows, S_L in Q32 and F^L in Q30 from the tables.
        /// </summary>
        private void UpdateRange(int i, long driftQ32, long factorQ30)
        {
            short[] c = EligibilityQ13;
            short[] w = _projection.Weights;
            long scaled = ScaleDrift(driftQ32);
            // F (Q30) becomes Q32 so that its rounding is a ">> 32" as well; F ≤ 1 keeps it ≤ 2^32.
            long factorQ32 = factorQ30 << 2;
            long lo = Parameters.WeightMin;
            long hi = Parameters.WeightMax;
            uint weightDraw = _weightDraw;
            uint decayDraw = _decayDraw;
            int s;
            int end;
            if (_sparse != null)
            {
                s = _sparse.RowStart[i];
                end = _sparse.RowStart[i + 1];
            }
            else
            {
                s = i * _targetSize;
                end = s + _targetSize;
            }
            for (; s < end; s++)
            {
                long e = c[s];
                weightDraw += WeightDrawStep;
                decayDraw += DecayDrawStep;
                // Drifted, written out: a static call per synapse is a real call on nanoFramework.
                long x = w[s] + ((scaled * e + weightDraw) >> 32);
                w[s] = (short)(x < lo ? lo : (x > hi ? hi : x));
                c[s] = (short)((e * factorQ32 + decayDraw) >> 32);
            }
            _weightDraw = weightDraw;
            _decayDraw = decayDraw;
        }

        /// <summary>
        /// w + S·c in weight units (S scaled, see <see cref="ScaleDrift"/>; c in Q13), rounded with
        /// <paramref name="draw"/> (a uniform 32-bit draw rounds stochastically, 2^31 to nearest),
        /// clamped to [<paramref name="lo"/>, <paramref name="hi"/>]: the weight step of a catch-up.
        /// </summary>
        private static long Drifted(long weight, long scaledDrift, long eligibilityQ13, long draw, long lo, long hi)
        {
            long x = weight + ((scaledDrift * eligibilityQ13 + draw) >> 32);
            return x < lo ? lo : (x > hi ? hi : x);
        }

        /// <summary>
        /// F^L and F^-L in Q30 for L = 0..MaxLag, rounded step by step (relative error below 10^-7
        /// at L = 255); F^-L is 0 where it exceeds 2.0 (re-basing then falls back to a catch-up). Clears S.
        /// </summary>
        private void BuildDecayTable(int factor16)
        {
            int[] power = _decayPowerQ30;
            int[] inverse = _inversePowerQ30;
            power[0] = 1 << 30;
            inverse[0] = 1 << 30;
            for (int l = 1; l < power.Length; l++)
            {
                power[l] = (int)(((long)power[l - 1] * factor16 + (1L << 15)) >> 16);
                long up = factor16 == 0 || inverse[l - 1] == 0 ? 0 : (((long)inverse[l - 1] << 16) + (factor16 >> 1)) / factor16;
                inverse[l] = up > int.MaxValue ? 0 : (int)up;
            }
            System.Array.Clear(_driftQ32, 0, _driftQ32.Length);
            _tableFactor16 = factor16;
        }

        /// <inheritdoc/>
        public override void ResetState()
        {
            System.Array.Clear(PreTraceQ16, 0, PreTraceQ16.Length);
            System.Array.Clear(PreSpikeMask, 0, PreSpikeMask.Length);
            System.Array.Clear(RowLag, 0, RowLag.Length);
            System.Array.Clear(PostTraceQ16, 0, PostTraceQ16.Length);
            _liveCount = 0;
            System.Array.Clear(PostSpikeMask, 0, PostSpikeMask.Length);
            System.Array.Clear(EligibilityQ13, 0, EligibilityQ13.Length);
            System.Array.Clear(_potentiationQ13, 0, _potentiationQ13.Length);
            BuildDecayTable(Parameters.EligibilityDecayFactor16);
            DopamineQ16 = 0;
            RewardBaselineQ16 = 0;
            WeightUpdates = 0;
            _tickInWindow = 0;
            _segmentSign = 0;
            _weightDraw = 0;
            _decayDraw = 0;
        }

        /// <summary>Bytes of the per-synapse state: the eligibility, 2 per synapse (the weight is the projection's).</summary>
        public int SynapseStateBytes { get { return EligibilityQ13.Length * 2; } }

        /// <summary>
        /// Bytes of everything else the rule keeps: per source (trace, spike mask, lag: 9), per
        /// target (trace, spike mask, live-list slot: 12), the S table, the window scratch and
        /// the scalars (the F^L and F^-L tables are <see cref="ParameterBytes"/>).
        /// </summary>
        public int NeuronStateBytes
        {
            get
            {
                return PreTraceQ16.Length * 4 + PreSpikeMask.Length * 4 + RowLag.Length
                    + PostTraceQ16.Length * 4 + PostSpikeMask.Length * 4 + _liveTargets.Length * 4
                    + _driftQ32.Length * 8 + _potentiationQ13.Length * 4
                    // d, baseline, tick in window, segment sign, two draws, table factor, live count (ints), the update count (long)
                    + 8 * 4 + 8
                    // the row being potentiated: windows behind (int), S scaled and in Q32, F^L, F^-L (longs)
                    + 4 + 4 * 8;
            }
        }

        /// <inheritdoc/>
        public override int ParameterBytes { get { return _decayPowerQ30.Length * 4 + _inversePowerQ30.Length * 4; } }

        /// <inheritdoc/>
        public override int StateBytes { get { return SynapseStateBytes + NeuronStateBytes; } }

        /// <inheritdoc/>
        public override uint HashState(uint hash)
        {
            hash = StateHash.AddInts(hash, PreTraceQ16);
            // (The live-target list is not hashed: it holds the targets with y ≠ 0, and its order
            // changes no value.)
            hash = StateHash.AddInts(hash, PostTraceQ16);
            hash = StateHash.AddShorts(hash, EligibilityQ13);
            for (int i = 0; i < PreSpikeMask.Length; i++) hash = StateHash.Add(hash, (int)PreSpikeMask[i]);
            hash = StateHash.AddBytes(hash, RowLag);
            for (int j = 0; j < PostSpikeMask.Length; j++) hash = StateHash.Add(hash, (int)PostSpikeMask[j]);
            for (int l = 0; l < _driftQ32.Length; l++) hash = StateHash.Add(hash, _driftQ32[l]);
            hash = StateHash.Add(hash, DopamineQ16);
            hash = StateHash.Add(hash, RewardBaselineQ16);
            hash = StateHash.Add(hash, _tickInWindow);
            hash = StateHash.Add(hash, _segmentSign);
            hash = StateHash.Add(hash, (int)_weightDraw);
            hash = StateHash.Add(hash, (int)_decayDraw);
            // The tables' factor: it differs from the parameter's only until the next window.
            return StateHash.Add(hash, _tableFactor16);
        }

        // Model format v2 checkpoint. The lazy per-row state is stored as it is, not caught up
        // first: a catch-up is a rounding step, so synchronizing on save would make a run that
        // checkpoints differ from one that does not. Layout: i32 tick in window, i32 window-start
        // pre trace × source, u32 pre spike mask × source, u8 lag × source, i32 post trace ×
        // target, u32 post spike mask × target, i16 eligibility × synapse, i32 dopamine, i32
        // reward baseline, i32 segment sign, u32 weight draw, u32 decay draw, i32 decay factor of
        // the tables, i64 drift S_L × (MaxLag + 1) (S_0 = 0), i64 weight updates (a counter:
        // stored, not hashed); MaxLag is stored with the parameters. The F^L tables follow from
        // the stored factor; the live-target list is the set of targets with a nonzero trace,
        // rebuilt on load (its order changes no value).
        internal override void TransferState(FormatCursor c)
        {
            _tickInWindow = c.Int32(_tickInWindow, 0, _windowTicks - 1, "tick in window");
            c.Ints(PreTraceQ16, 0, FixedPoint.OneQ16, "pre trace");
            SpikeMasks(c, PreSpikeMask, "pre spike mask");
            // A row reaching MaxLag is caught up at once, so between ticks a lag is below it.
            c.Bytes(RowLag, 0, _maxLag - 1, "row lag");
            c.Ints(PostTraceQ16, 0, FixedPoint.OneQ16, "post trace");
            SpikeMasks(c, PostSpikeMask, "post spike mask");
            c.Shorts(EligibilityQ13, short.MinValue, short.MaxValue, "eligibility");
            DopamineQ16 = c.Int32(DopamineQ16, -FixedPoint.StateLimitQ16, FixedPoint.StateLimitQ16, "dopamine");
            RewardBaselineQ16 = c.Int32(RewardBaselineQ16, -FixedPoint.StateLimitQ16, FixedPoint.StateLimitQ16, "reward baseline");
            _segmentSign = c.Int32(_segmentSign, -1, 1, "segment sign");
            _weightDraw = c.UInt32(_weightDraw, "weight draw");
            _decayDraw = c.UInt32(_decayDraw, "decay draw");
            int factor = c.Int32(_tableFactor16, 0, 65536, "table decay factor");
            if (c.Reading && factor != _tableFactor16) BuildDecayTable(factor);
            long[] drift = _driftQ32;
            // S_0, the drift of no window, is 0; the catch-ups read S_1..S_MaxLag.
            drift[0] = c.Int64(drift[0], 0, 0, "drift table");
            for (int l = 1; l < drift.Length; l++) drift[l] = c.Int64(drift[l], long.MinValue, long.MaxValue, "drift table");
            WeightUpdates = c.Int64(WeightUpdates, 0, long.MaxValue, "weight updates");
            if (c.Reading)
            {
                int live = 0;
                for (int j = 0; j < PostTraceQ16.Length; j++)
                    if (PostTraceQ16[j] != 0) _liveTargets[live++] = j;
                _liveCount = live;
            }
        }

        // The spike masks of the window so far: only its first _tickInWindow ticks may have bits.
        private void SpikeMasks(FormatCursor c, uint[] masks, string field)
        {
            uint futureBits = _tickInWindow == 0 ? 0xFFFFFFFFu : ~((1u << _tickInWindow) - 1);
            for (int i = 0; i < masks.Length; i++)
            {
                int at = c.Position;
                masks[i] = c.UInt32(masks[i], field);
                if ((masks[i] & futureBits) != 0) throw c.Fail(field + " " + i, at, "has bits at or after tick " + _tickInWindow + " of the window");
            }
        }
    }
}
