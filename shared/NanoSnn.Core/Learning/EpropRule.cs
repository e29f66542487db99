namespace NanoSnn
{
    /// <summary>
    /// e-prop (Bellec et al. 2020) for one recurrent LIF or ALIF population with an input
    /// projection, a recurrent projection and an output projection onto leaky readouts, in
    /// integer arithmetic. See shared/design/ALGORITHMS.md for the float equations; this
    /// class implements them tick by tick in the learn phase:
    /// <code>
    /// ψ_j   = (γ/v_th)·max(0, 1 − |v_j − A_j|/v_th)            (0 while refractory)
    /// z̄_i   ← α·z̄_i + z_i                                         (inputs: x_i(t); recurrent: z_i(t−1))
    /// e_ji  = ψ_j·z̄_i            ALIF exact: ψ_j·(z̄_i − β·ε_ji), ε_ji ← ψ_j(t−1)·z̄_i(t−1) + (ρ − ψ_j(t−1)·β)·ε_ji
    /// ē_ji  ← κ·ē_ji + e_ji      (factorized: ē_ji ≈ (1−κ)·ψ̄_j·z̄̄_i with ψ̄, z̄̄ filtered by κ)
    /// L_j   = Σ_k B_jk·err_k,  err_k = y_k − y*_k  or  softmax(y)_k − onehot_k
    /// R_j   = λ·(f_j − f_target)                                  (online rate regularization)
    /// ΔW_ji = −η·Σ_t (L_j·ē_ji + R_j·e_ji),   ΔWout_kj = −η_out·Σ_t err_k·F_κ(z_j)
    /// </code>
    /// </summary>
    /// <remarks>
    /// Formats (every value saturates at the stated bound instead of wrapping):
    /// <list type="bullet">
    /// <item>ψ, z̄, F_κ(z), ψ̄, z̄̄, e, ē, ε, L, R, err, rates: Q16 ints, bounded to ±2^30
    /// (16,384.0). One spike adds 1.0 to a trace.</item>
    /// <item>Per-neuron "post factors" (−η·L_j·(1−κ)·ψ̄_j, −η·R_j·ψ_j, −η·err_k): Q20 ints,
    /// ±2048.0 with a resolution of 1e-6, so that η ~ 1e-4 keeps significant bits.</item>
    /// <item>Per-synapse product post (Q20, &lt; 2^31) × pre (Q16, ≤ 2^30) reaches 2^61, so it
    /// is a long; it is shifted to weight LSBs with 16 fraction bits (Q16 LSB), i.e. right by
    /// 4 + LearningRateShift + WeightShift (and saturated to int where it is accumulated).</item>
    /// <item>Weight changes are rounded stochastically with the network generator, so a 0.3-LSB
    /// change moves the weight by one LSB 30 % of the time; weights saturate at the short
    /// bounds. Exact mode and accumulators use <see cref="FixedPoint.StochasticShift"/> per
    /// synapse. Factorized updates applied every tick exploit that each term of a row's
    /// change (presynaptic i) is rank one, postL_j·z̄̄_i + postR_j·z̄_i: the row's
    /// stochastically rounded changes are drawn by systematic sampling along the prefix sums
    /// of |postL| (and of the non-zero |postR|), so a row costs one lookup per LSB that moves
    /// rather than one visit per synapse; each synapse still moves by floor or ceil of its
    /// change with the right probabilities. Rows whose changes exceed n_rec/2 LSBs, and the
    /// readout rows, visit every synapse and round with a dither (one random phase per row,
    /// golden-ratio steps).</item>
    /// <item>Products ψ·z̄ (≤ 2^26·2^30), L·ψ̄ (≤ 2^60) and β·ε are formed in long for the same
    /// reason: each factor alone fits an int, their product does not.</item>
    /// <item>Learning rates: η = LearningRateQ16/65536·2^−LearningRateShift (input and
    /// recurrent), η_out likewise; the shift goes into the final right shift, so η = 1e-7
    /// keeps 16 significant bits.</item>
    /// <item>Accumulators (interval ≠ 1): int in Q16 weight LSBs, saturating at ±32,768 LSB,
    /// i.e. beyond the whole weight range.</item>
    /// <item>Softmax: p_k = e^−(max−y_k)/Σ with <see cref="Decay.ExpNegQ30"/>, in Q16.
    /// A <see cref="TargetClass"/> outside 0..n_out−1 means "no class is correct".</item>
    /// </list>
    /// The traces use ζ = 1 (one spike adds 1.0), like the core's membranes; networks written
    /// with ζ = 1 − α store ζ·W and use ζ²·η (see the pattern experiment). Factorized ALIF drops
    /// the ε term (the adaptation path of the gradient).
    /// Memory per plastic synapse beyond its 2-byte weight: factorized 0 bytes, exact LIF 4
    /// (ē), exact ALIF 8 (ē, ε); plus 4 (accumulator) when <see cref="EpropParameters.UpdateIntervalTicks"/> ≠ 1.
    /// Factorized every-tick sampling adds 28 bytes per recurrent neuron (prefix sums, bucket table).
    /// Only dense projections are supported. While <see cref="Plasticity.Enabled"/> is false
    /// nothing runs, traces included (they resume from where they stopped).
    /// </remarks>
    public sealed class EpropRule : Plasticity
    {
        private const int Limit = FixedPoint.StateLimitQ16;

        /// <summary>Creates the rule; all buffers are allocated here.</summary>
        /// <param name="network">The network that owns the populations (for the tick length).</param>
        /// <param name="recurrent">The LIF/ALIF population that learns.</param>
        /// <param name="readout">The readout population.</param>
        /// <param name="input">Dense projection from an earlier spiking population into <paramref name="recurrent"/>, or null.</param>
        /// <param name="recurrentProjection">Dense projection from <paramref name="recurrent"/> to itself, or null.</param>
        /// <param name="output">Dense projection from <paramref name="recurrent"/> to <paramref name="readout"/>.</param>
        /// <param name="parameters">Rule parameters (copied).</param>
        public EpropRule(Network network, LifPopulation recurrent, ReadoutPopulation readout, DenseProjection input,
            DenseProjection recurrentProjection, DenseProjection output, EpropParameters parameters)
        {
            const string where = "e-prop: ";
            if (network == null || recurrent == null || readout == null || output == null || parameters == null)
                throw new ModelException(where + "network, recurrent population, readout, output projection and parameters are required");
            if (!Contains(network, recurrent) || !Contains(network, readout))
                throw new ModelException(where + "populations must belong to the network");
            if (output.Source != recurrent || output.Target != readout)
                throw new ModelException(where + "output projection '" + output.Name + "' must go from '" + recurrent.Name + "' to '" + readout.Name + "'");
            if (readout.Index < recurrent.Index)
                throw new ModelException(where + "readout '" + readout.Name + "' must be added after '" + recurrent.Name + "'");
            if (input != null && (input.Target != recurrent || input.IsRecurrent))
                throw new ModelException(where + "input projection '" + input.Name + "' must target '" + recurrent.Name + "' from a population added before it");
            if (recurrentProjection != null && (recurrentProjection.Source != recurrent || recurrentProjection.Target != recurrent))
                throw new ModelException(where + "recurrent projection '" + recurrentProjection.Name + "' must go from '" + recurrent.Name + "' to itself");
            EpropParameters p = parameters.Clone();
            if (p.GammaQ16 <= 0 || p.GammaQ16 > FixedPoint.OneQ16)
                throw new ModelException(where + "GammaQ16 " + p.GammaQ16 + " must be in 1..65536 (0..1.0]");
            if (p.LearningRateQ16 <= 0 || p.LearningRateQ16 > FixedPoint.OneQ16)
                throw new ModelException(where + "LearningRateQ16 " + p.LearningRateQ16 + " must be in 1..65536");
            if (p.LearningRateShift < 0 || p.LearningRateShift > 24)
                throw new ModelException(where + "LearningRateShift " + p.LearningRateShift + " must be in 0..24");
            if (p.OutputLearningRateQ16 <= 0 || p.OutputLearningRateQ16 > FixedPoint.OneQ16)
                throw new ModelException(where + "OutputLearningRateQ16 " + p.OutputLearningRateQ16 + " must be in 1..65536");
            if (p.OutputLearningRateShift < 0 || p.OutputLearningRateShift > 24)
                throw new ModelException(where + "OutputLearningRateShift " + p.OutputLearningRateShift + " must be in 0..24");
            if (p.UpdateIntervalTicks < 0) throw new ModelException(where + "UpdateIntervalTicks must be >= 0 (0 = until ApplyAccumulated)");
            if (p.RateRegularizationQ16 < 0) throw new ModelException(where + "RateRegularizationQ16 must be >= 0");
            if (p.RateTargetQ16 < 0 || p.RateTargetQ16 > FixedPoint.OneQ16) throw new ModelException(where + "RateTargetQ16 must be in 0..65536 (spikes per tick)");
            if (p.RateTauUs <= 0) throw new ModelException(where + "RateTauUs must be > 0");
            if (p.FeedbackScaleQ16 < 0 || p.FeedbackScaleQ16 > 8 * FixedPoint.OneQ16) throw new ModelException(where + "FeedbackScaleQ16 must be in 0..8.0");
            if (p.FeedbackWeightShift < 0 || p.FeedbackWeightShift > 15) throw new ModelException(where + "FeedbackWeightShift must be in 0..15");
            if (p.Task != EpropTask.Regression && p.Task != EpropTask.Classification) throw new ModelException(where + "unknown task " + (int)p.Task);
            if (p.Eligibility != EpropEligibility.Factorized && p.Eligibility != EpropEligibility.Exact) throw new ModelException(where + "unknown eligibility mode " + (int)p.Eligibility);
            if (p.Feedback != EpropFeedback.Random && p.Feedback != EpropFeedback.Symmetric) throw new ModelException(where + "unknown feedback mode " + (int)p.Feedback);

            int vth = recurrent.Parameters.ThresholdQ16;
            long psiScale = ((long)p.GammaQ16 << 16) / vth;
            if (psiScale > (1L << 26))
                throw new ModelException(where + "gamma / v_th = " + (psiScale >> 16) + " exceeds 1024: raise the threshold or lower gamma");

            Parameters = p;
            Recurrent = recurrent;
            Readout = readout;
            Input = input;
            RecurrentProjection = recurrentProjection;
            Output = output;
            _psiScaleQ16 = (int)psiScale;
            _vth = vth;
            _vthShift = -1;
            for (int shift = 0; shift < 31; shift++) if (vth == 1 << shift) _vthShift = shift;
            _alpha = recurrent.MembraneDecay12;
            _kappa = readout.Decay12;
            _rho = recurrent.AdaptationDecay12;
            _beta = recurrent.Adaptive ? recurrent.Parameters.AdaptationBetaQ16 : 0;
            _rateDecay = Decay.FromTau(p.RateTauUs, network.DtUs);
            _exact = p.Eligibility == EpropEligibility.Exact;
            _alifExact = _exact && recurrent.Adaptive;
            _accumulate = p.UpdateIntervalTicks != 1;

            int nRec = recurrent.Size;
            int nOut = readout.Size;
            int nIn = input == null ? 0 : input.Source.Size;
            bool learnIn = input != null && p.LearnInput;
            bool learnRec = recurrentProjection != null && p.LearnRecurrent;
            _learnIn = learnIn;
            _learnRec = learnRec;
            _learnOut = p.LearnOutput;

            TargetQ16 = new int[nOut];
            ErrorQ16 = new int[nOut];
            LearningSignalQ16 = new int[nRec];
            PseudoDerivativeQ16 = new int[nRec];
            RateQ16 = new int[nRec];
            _softmaxQ30 = new long[p.Task == EpropTask.Classification ? nOut : 0];
            _psiPrev = new int[_alifExact ? nRec : 0];
            _epsDecayQ16 = new int[_alifExact ? nRec : 0];
            _psiBar = new int[_exact ? 0 : nRec];
            _refractoryPrev = new byte[nRec];
            _postL = new int[nRec];
            _postR = new int[nRec];
            _postOut = new int[nOut];

            _inTrace = new int[learnIn ? nIn : 0];
            _inTracePrev = new int[learnIn && _alifExact ? nIn : 0];
            _inTraceBar = new int[learnIn && !_exact ? nIn : 0];
            _recTrace = new int[learnRec ? nRec : 0];
            _recTracePrev = new int[learnRec && _alifExact ? nRec : 0];
            _recTraceBar = new int[learnRec && !_exact ? nRec : 0];
            _outTrace = new int[_learnOut ? nRec : 0];

            int inSyn = learnIn ? input.SynapseCount : 0;
            int recSyn = learnRec ? recurrentProjection.SynapseCount : 0;
            int outSyn = _learnOut ? output.SynapseCount : 0;
            _inEbar = new int[_exact ? inSyn : 0];
            _recEbar = new int[_exact ? recSyn : 0];
            _inEps = new int[_alifExact ? inSyn : 0];
            _recEps = new int[_alifExact ? recSyn : 0];
            _inAcc = new int[_accumulate ? inSyn : 0];
            _recAcc = new int[_accumulate ? recSyn : 0];
            _outAcc = new int[_accumulate ? outSyn : 0];
            _sampleRows = !_exact && !_accumulate && (learnIn || learnRec);
            _cumL = new long[_sampleRows ? nRec + 1 : 0];
            _cumR = new long[_sampleRows ? nRec + 1 : 0];
            _activeR = new int[_sampleRows ? nRec : 0];
            // Four buckets per column: the column of a bucket's start is usually the answer.
            // short is enough: a dense recurrent projection has at most 2^30 synapses, so n_rec <= 32,768.
            _bucketL = new short[_sampleRows ? 4 * nRec : 0];

            if (p.Feedback == EpropFeedback.Random)
            {
                FeedbackWeights = new short[nRec * nOut];
                XorShift32 rng = new XorShift32(p.FeedbackSeed);
                for (int s = 0; s < FeedbackWeights.Length; s++)
                {
                    long b = ((long)rng.NextGaussianQ16() * p.FeedbackScaleQ16) >> 16;
                    FeedbackWeights[s] = FixedPoint.SaturateToShort(FixedPoint.SaturateToInt(b >> p.FeedbackWeightShift));
                }
            }
            else
            {
                FeedbackWeights = new short[0];
            }
            ResetState();
        }

        /// <summary>Parameters (a private copy).</summary>
        public readonly EpropParameters Parameters;

        /// <summary>The learning LIF/ALIF population.</summary>
        public readonly LifPopulation Recurrent;

        /// <summary>The readout population.</summary>
        public readonly ReadoutPopulation Readout;

        /// <summary>Input projection (may be null).</summary>
        public readonly DenseProjection Input;

        /// <summary>Recurrent projection (may be null).</summary>
        public readonly DenseProjection RecurrentProjection;

        /// <summary>Output projection.</summary>
        public readonly DenseProjection Output;

        /// <summary>Regression targets y*_k, Q16, set by the caller before each tick.</summary>
        public readonly int[] TargetQ16;

        /// <summary>Classification target: the index of the correct readout.</summary>
        public int TargetClass;

        /// <summary>Whether this tick is supervised; when false err = 0 (traces and rate regularization still run).</summary>
        public bool TargetValid = true;

        /// <summary>The latest readout error err_k, Q16.</summary>
        public readonly int[] ErrorQ16;

        /// <summary>The latest learning signal L_j, Q16 (without the rate term).</summary>
        public readonly int[] LearningSignalQ16;

        /// <summary>The latest pseudo-derivative ψ_j, Q16.</summary>
        public readonly int[] PseudoDerivativeQ16;

        /// <summary>Online firing-rate estimate f_j in spikes per tick, Q16 (starts at the target rate).</summary>
        public readonly int[] RateQ16;

        /// <summary>Random feedback B, row-major by recurrent neuron: B_jk = FeedbackWeights[j·nOut + k]·2^FeedbackWeightShift/65536; empty when symmetric.</summary>
        public readonly short[] FeedbackWeights;

        /// <summary>Ticks accumulated since the last weight update.</summary>
        public int TicksSinceUpdate;

        private readonly int _psiScaleQ16, _vth, _vthShift, _alpha, _kappa, _rho, _beta, _rateDecay;
        private readonly bool _exact, _alifExact, _accumulate, _learnIn, _learnRec, _learnOut;
        private readonly long[] _softmaxQ30;
        private readonly int[] _psiPrev, _epsDecayQ16, _psiBar, _postL, _postR, _postOut;
        private readonly byte[] _refractoryPrev;
        private readonly int[] _inTrace, _inTracePrev, _inTraceBar, _recTrace, _recTracePrev, _recTraceBar, _outTrace;
        private readonly int[] _inEbar, _recEbar, _inEps, _recEps, _inAcc, _recAcc, _outAcc;
        // Row sampling of the factorized every-tick update (empty otherwise): prefix sums of |postL|
        // and of the non-zero |postR|, the columns of the latter, and per-tick totals and limits.
        private readonly long[] _cumL, _cumR;
        private readonly int[] _activeR;
        private readonly short[] _bucketL;
        private int _bucketShift;
        private readonly bool _sampleRows;
        private int _countR;
        private long _totalL, _totalR, _limitL, _limitR;

        private static bool Contains(Network network, Population pop)
        {
            for (int p = 0; p < network.Populations.Length; p++) if (network.Populations[p] == pop) return true;
            return false;
        }

        /// <summary>Bytes per plastic synapse of per-synapse state (eligibility, ε, accumulator), excluding the weight.</summary>
        public int StateBytesPerSynapse
        {
            get { return (_exact ? 4 : 0) + (_alifExact ? 4 : 0) + (_accumulate ? 4 : 0); }
        }

        /// <inheritdoc/>
        public override void Supervise(int[] targetQ16, int targetClass, bool valid)
        {
            TargetValid = valid;
            TargetClass = targetClass;
            if (targetQ16 == null) return;
            int n = targetQ16.Length < TargetQ16.Length ? targetQ16.Length : TargetQ16.Length;
            for (int k = 0; k < n; k++) TargetQ16[k] = targetQ16[k];
        }

        /// <inheritdoc/>
        public override void Update(Network network)
        {
            ComputeError();
            ComputeNeuronFactors();
            if (_sampleRows) PrepareRowSampling();
            XorShift32 rng = network.Rng;
            int nRec = Recurrent.Size;
            if (_learnIn)
            {
                byte[] x = Input.Source.Spiked;
                AdvanceTrace(_inTrace, _inTracePrev, x, _alpha);
                if (!_exact) FilterTrace(_inTraceBar, _inTrace, _kappa);
                LearnProjection(Input.Weights, Input.Source.Size, _inTrace, _inTracePrev, _inTraceBar, _inEbar, _inEps, _inAcc,
                    4 + Parameters.LearningRateShift + Input.WeightShift, false, rng);
            }
            if (_learnRec)
            {
                // The recurrent projection delivered z(t-1): use the trace before adding z(t).
                if (!_exact) FilterTrace(_recTraceBar, _recTrace, _kappa);
                LearnProjection(RecurrentProjection.Weights, nRec, _recTrace, _recTracePrev, _recTraceBar, _recEbar, _recEps, _recAcc,
                    4 + Parameters.LearningRateShift + RecurrentProjection.WeightShift, true, rng);
                AdvanceTrace(_recTrace, _recTracePrev, Recurrent.Spiked, _alpha);
            }
            if (_learnOut)
            {
                AdvanceTrace(_outTrace, null, Recurrent.Spiked, _kappa);
                LearnOutput(4 + Parameters.OutputLearningRateShift + Output.WeightShift, rng);
            }
            if (_accumulate)
            {
                TicksSinceUpdate++;
                if (Parameters.UpdateIntervalTicks > 0 && TicksSinceUpdate >= Parameters.UpdateIntervalTicks) ApplyAccumulated(network);
            }
        }

        /// <summary>Applies and clears the accumulated weight changes (stochastic rounding). Nothing to do when updating every tick.</summary>
        public void ApplyAccumulated(Network network)
        {
            TicksSinceUpdate = 0;
            if (!_accumulate) return;
            XorShift32 rng = network.Rng;
            if (_learnIn) ApplyAccumulator(Input.Weights, _inAcc, rng);
            if (_learnRec) ApplyAccumulator(RecurrentProjection.Weights, _recAcc, rng);
            if (_learnOut) ApplyAccumulator(Output.Weights, _outAcc, rng);
        }

        private static void ApplyAccumulator(short[] w, int[] acc, XorShift32 rng)
        {
            for (int s = 0; s < acc.Length; s++)
            {
                int a = acc[s];
                if (a == 0) continue;
                acc[s] = 0;
                w[s] = FixedPoint.SaturateToShort(w[s] + FixedPoint.StochasticShift(a, 16, rng));
            }
        }

        private void ComputeError()
        {
            int[] err = ErrorQ16;
            int n = err.Length;
            if (!TargetValid)
            {
                System.Array.Clear(err, 0, n);
                return;
            }
            int[] y = Readout.ValueQ16;
            if (Parameters.Task == EpropTask.Regression)
            {
                int[] target = TargetQ16;
                for (int k = 0; k < n; k++)
                    err[k] = (int)FixedPoint.Clamp((long)y[k] - target[k], -Limit, Limit);
                return;
            }
            // Softmax with the integer exponential: p_k = e^-(max - y_k) / sum, every exponent <= 0.
            int max = y[0];
            for (int k = 1; k < n; k++) if (y[k] > max) max = y[k];
            long[] ex = _softmaxQ30;
            long sum = 0;
            for (int k = 0; k < n; k++)
            {
                long e = Decay.ExpNegQ30(((long)max - y[k]) << 14);
                ex[k] = e;
                sum += e;
            }
            // sum >= 2^30 (the maximum's own term is 1.0), and e << 16 <= 2^46: no overflow.
            for (int k = 0; k < n; k++)
            {
                int prob = (int)((ex[k] << 16) / sum);
                err[k] = k == TargetClass ? prob - FixedPoint.OneQ16 : prob;
            }
        }

        private void ComputeNeuronFactors()
        {
            LifPopulation rec = Recurrent;
            int nRec = rec.Size;
            int nOut = ErrorQ16.Length;
            int[] v = rec.MembraneQ16;
            byte[] z = rec.Spiked;
            byte[] refractory = rec.RefractoryLeft;
            int[] err = ErrorQ16;
            int[] psiArr = PseudoDerivativeQ16;
            int[] rate = RateQ16;
            int[] signal = LearningSignalQ16;
            long eta = Parameters.LearningRateQ16;
            int vth = _vth;
            int rateDecay = _rateDecay;
            // (1 - d)·1.0 in Q16 for a spike entering the rate estimate.
            int rateStep = (FixedPoint.OneDecay12 - rateDecay) << 4;
            long reg = Parameters.RateRegularizationQ16;
            int rateTarget = Parameters.RateTargetQ16;
            bool random = Parameters.Feedback == EpropFeedback.Random;
            short[] b = random ? FeedbackWeights : Output.Weights;
            int feedbackDown = 16 - (random ? Parameters.FeedbackWeightShift : Output.WeightShift);
            int kappa = _kappa;
            int oneMinusKappa = FixedPoint.OneDecay12 - kappa;
            long rhoQ16 = (long)_rho << 4;
            long psiScale = _psiScaleQ16;
            int vthShift = _vthShift;
            bool exact = _exact;
            bool alifExact = _alifExact;
            byte[] refractoryPrev = _refractoryPrev;
            int[] psiBar = _psiBar;
            int[] postLArr = _postL;
            int[] postRArr = _postR;
            for (int j = 0; j < nRec; j++)
            {
                int psi = 0;
                if (refractoryPrev[j] == 0)
                {
                    long h = vth - FixedPoint.Abs((long)v[j] - rec.ThresholdOf(j));
                    // A shift when v_th is a power of two (the numerator is positive: the same result).
                    if (h > 0) psi = (int)(vthShift >= 0 ? (psiScale * h) >> vthShift : (psiScale * h) / vth);
                }
                refractoryPrev[j] = refractory[j];
                if (alifExact)
                {
                    int psiPrev = psiArr[j];
                    _psiPrev[j] = psiPrev;
                    _epsDecayQ16[j] = (int)FixedPoint.Clamp(rhoQ16 - (((long)psiPrev * _beta) >> 16), -Limit, Limit);
                }
                psiArr[j] = psi;

                int f = FixedPoint.MultiplyDecay(rate[j], rateDecay);
                if (z[j] != 0) f += rateStep;
                rate[j] = f;

                long l = 0;
                int row = j * nOut;
                for (int k = 0; k < nOut; k++) l += (long)b[row + k] * err[k];
                int signalQ16 = (int)FixedPoint.Clamp(l >> feedbackDown, -Limit, Limit);
                signal[j] = signalQ16;
                long regQ16 = reg == 0 ? 0 : FixedPoint.Clamp((reg * (f - rateTarget)) >> 16, -Limit, Limit);

                if (exact)
                {
                    // Q16·Q16 = Q32, >> 12 = Q20.
                    postLArr[j] = (int)FixedPoint.Clamp(-((signalQ16 * eta) >> 12), int.MinValue + 1, int.MaxValue);
                    postRArr[j] = (int)FixedPoint.Clamp(-((regQ16 * eta) >> 12), int.MinValue + 1, int.MaxValue);
                }
                else
                {
                    int bar = psiBar[j];
                    bar = (int)FixedPoint.Clamp((long)FixedPoint.MultiplyDecay(bar, kappa) + psi, -Limit, Limit);
                    psiBar[j] = bar;
                    // L·ψ̄ (Q32) -> Q20, times (1 - κ) and η; clamped between steps so nothing exceeds 2^62.
                    long post = ((signalQ16 * (long)bar) >> 12) * oneMinusKappa >> 12;
                    post = FixedPoint.Clamp(post, -(1L << 40), 1L << 40);
                    postLArr[j] = (int)FixedPoint.Clamp(-((post * eta) >> 16), int.MinValue + 1, int.MaxValue);
                    // The rate term only where ψ ≠ 0 (a minority of neurons when spiking is sparse).
                    long postR = psi == 0 ? 0 : FixedPoint.Clamp((regQ16 * psi) >> 12, -(1L << 40), 1L << 40);
                    postRArr[j] = (int)FixedPoint.Clamp(-((postR * eta) >> 16), int.MinValue + 1, int.MaxValue);
                }
            }
            long etaOut = Parameters.OutputLearningRateQ16;
            for (int k = 0; k < nOut; k++)
                _postOut[k] = (int)FixedPoint.Clamp(-((err[k] * etaOut) >> 12), int.MinValue + 1, int.MaxValue);
        }

        // cur <- decay·cur + spike (Q16, one spike = 1.0); prev (if non-empty and not null) keeps the old value.
        private static void AdvanceTrace(int[] cur, int[] prev, byte[] spiked, int decay12)
        {
            bool keep = prev != null && prev.Length > 0;
            for (int i = 0; i < cur.Length; i++)
            {
                int x = cur[i];
                if (keep) prev[i] = x;
                x = (x >> 12) * decay12 + (((x & 0xFFF) * decay12 + 2048) >> 12);
                if (spiked[i] != 0) x += FixedPoint.OneQ16;
                if (x > Limit) x = Limit;
                cur[i] = x;
            }
        }

        // bar <- κ·bar + cur.
        private static void FilterTrace(int[] bar, int[] cur, int kappa)
        {
            for (int i = 0; i < bar.Length; i++)
            {
                int x = bar[i];
                long y = (long)((x >> 12) * kappa + (((x & 0xFFF) * kappa + 2048) >> 12)) + cur[i];
                bar[i] = y > Limit ? Limit : (y < -Limit ? -Limit : (int)y);
            }
        }

        private void LearnProjection(short[] w, int nSrc, int[] pre, int[] prePrev, int[] preBar, int[] ebar, int[] eps, int[] acc,
            int shift, bool skipDiagonal, XorShift32 rng)
        {
            int n = Recurrent.Size;
            int[] postL = _postL;
            int[] postR = _postR;
            bool apply = !_accumulate;
            if (!_exact && apply)
            {
                LearnFactorizedEveryTick(w, nSrc, pre, preBar, shift, skipDiagonal, rng);
                return;
            }
            if (!_exact)
            {
                for (int i = 0; i < nSrc; i++)
                {
                    long pb = preBar[i];
                    long pc = pre[i];
                    int row = i * n;
                    for (int j = 0; j < n; j++)
                    {
                        int pl = postL[j];
                        int pr = postR[j];
                        if ((pl | pr) == 0 || (skipDiagonal && j == i)) continue;
                        long q = (pl * pb + pr * pc) >> shift;
                        int dq = q > int.MaxValue ? int.MaxValue : (q < int.MinValue ? int.MinValue : (int)q);
                        if (dq == 0) continue;
                        int s = row + j;
                        acc[s] = FixedPoint.SaturatingAdd(acc[s], dq);
                    }
                }
                return;
            }

            int[] psi = PseudoDerivativeQ16;
            int[] psiPrev = _psiPrev;
            int[] epsDecay = _epsDecayQ16;
            int kappa = _kappa;
            long beta = _beta;
            bool alif = _alifExact;
            for (int i = 0; i < nSrc; i++)
            {
                long p = pre[i];
                long pp = alif ? prePrev[i] : 0;
                int row = i * n;
                for (int j = 0; j < n; j++)
                {
                    if (skipDiagonal && j == i) continue;
                    int s = row + j;
                    long e;
                    if (alif)
                    {
                        long ep = ((epsDecay[j] * (long)eps[s]) >> 16) + ((psiPrev[j] * pp) >> 16);
                        ep = ep > Limit ? Limit : (ep < -Limit ? -Limit : ep);
                        eps[s] = (int)ep;
                        long x = p - ((beta * ep) >> 16);
                        x = x > Limit ? Limit : (x < -Limit ? -Limit : x);
                        e = (psi[j] * x) >> 16;
                    }
                    else
                    {
                        e = (psi[j] * p) >> 16;
                    }
                    e = e > Limit ? Limit : (e < -Limit ? -Limit : e);
                    int eb = ebar[s];
                    long nb = (long)((eb >> 12) * kappa + (((eb & 0xFFF) * kappa + 2048) >> 12)) + e;
                    nb = nb > Limit ? Limit : (nb < -Limit ? -Limit : nb);
                    ebar[s] = (int)nb;
                    long q = (postL[j] * nb + postR[j] * e) >> shift;
                    int dq = q > int.MaxValue ? int.MaxValue : (q < int.MinValue ? int.MinValue : (int)q);
                    if (dq == 0) continue;
                    if (apply)
                    {
                        int step = dq >> 16;
                        int fraction = dq & 0xFFFF;
                        if (fraction != 0 && (int)(rng.NextUInt() >> 16) < fraction) step++;
                        int nw = w[s] + step;
                        w[s] = (short)(nw > short.MaxValue ? short.MaxValue : (nw < short.MinValue ? short.MinValue : nw));
                    }
                    else acc[s] = FixedPoint.SaturatingAdd(acc[s], dq);
                }
            }
        }

        // The factorized update applied every tick (the rule's hot path). Row i (presynaptic) changes
        // by q_j = (postL_j·pb_i + postR_j·pc_i) >> shift in Q16 weight LSBs, mostly a small fraction
        // of one LSB. Rather than visit every synapse to round its change stochastically, the row's
        // changes are drawn by systematic sampling (see SampleRow): each term is rank one, so the
        // row's L term needs only the prefix sums of |postL| (PrepareRowSampling, once per tick),
        // and the cost of a row is proportional to the number of LSBs that actually move. A row
        // whose changes add up to more than n/2 LSBs (where visiting every synapse is cheaper), or
        // whose products could overflow, takes the dense loop instead.
        private void LearnFactorizedEveryTick(short[] w, int nSrc, int[] pre, int[] preBar, int shift, bool skipDiagonal, XorShift32 rng)
        {
            int n = Recurrent.Size;
            int[] postL = _postL;
            int[] postR = _postR;
            long denseMass = (long)n << 15;
            long totalL = _totalL, totalR = _totalR, limitL = _limitL, limitR = _limitR;
            for (int i = 0; i < nSrc; i++)
            {
                long pb = preBar[i];
                long pc = pre[i];
                long ab = pb < 0 ? -pb : pb;
                long ac = pc < 0 ? -pc : pc;
                int row = i * n;
                if (ab <= limitL && ac <= limitR)
                {
                    // Expected LSB changes of the row, Q16 (no overflow: the limits are MaxValue / total).
                    long massL = (totalL * ab) >> shift;
                    long massR = (totalR * ac) >> shift;
                    if (massL + massR <= denseMass)
                    {
                        int diagonal = skipDiagonal ? i : -1;
                        // One draw per row: the high half offsets the L term, the low half the R term.
                        uint draw = rng.NextUInt();
                        uint offsetR = draw & 0xFFFF;
                        if (massL > 0) SampleRow(w, row, postL, _cumL, _bucketL, _bucketShift, ab, pb < 0, shift, massL, draw >> 16, diagonal);
                        if (massR > offsetR) SampleSparseRow(w, row, postR, _activeR, _cumR, _countR, ac, pc < 0, shift, massR, offsetR, diagonal);
                        continue;
                    }
                }
                // Self-connections never learn: the dense loop updates the diagonal like any synapse, then it is restored.
                short keep = skipDiagonal ? w[row + i] : (short)0;
                LearnRowDense(w, row, n, postL, postR, pb, pc, shift, rng.NextUInt());
                if (skipDiagonal) w[row + i] = keep;
            }
        }

        // Prefix sums of |postL| over all columns and of |postR| over the columns where it is not 0
        // (ψ_j ≠ 0: a minority when spiking is sparse), and the largest row factor that keeps
        // total·factor below 2^63.
        private void PrepareRowSampling()
        {
            int[] postL = _postL;
            int[] postR = _postR;
            long[] cumL = _cumL;
            long[] cumR = _cumR;
            int[] active = _activeR;
            long sumL = 0, sumR = 0;
            int count = 0;
            for (int j = 0; j < postL.Length; j++)
            {
                long l = postL[j];
                long sign = l >> 63;
                sumL += (l ^ sign) - sign; // |l| without a branch: the signs are random
                cumL[j + 1] = sumL;
                long r = postR[j];
                if (r != 0)
                {
                    active[count] = j;
                    sumR += r < 0 ? -r : r;
                    count++;
                    cumR[count] = sumR;
                }
            }
            // Buckets of 2^k prefix-sum units, k the least with total >> k < bucket count; each
            // holds the column whose interval contains the bucket's start.
            short[] bucket = _bucketL;
            int k = 0;
            while ((sumL >> k) >= bucket.Length) k++;
            int used = (int)(sumL >> k);
            int n = postL.Length;
            // Column m gets the buckets whose start lies in [cumL[m], cumL[m+1]).
            int b = 0;
            for (int m = 0; m < n; m++)
            {
                long last = (cumL[m + 1] - 1) >> k;
                if (last > used) last = used;
                while (b <= last) bucket[b++] = (short)m;
            }
            while (b <= used) bucket[b++] = (short)(n - 1);
            _bucketShift = k;
            _totalL = sumL;
            _totalR = sumR;
            _countR = count;
            _limitL = sumL == 0 ? long.MaxValue : long.MaxValue / sumL;
            _limitR = sumR == 0 ? long.MaxValue : long.MaxValue / sumR;
        }

        // Systematic sampling of the row term postL_j·factor (factor = |pre|; negative: pre < 0).
        // Column j owns the interval [B(j), B(j+1)) with B(j) = (cum[j]·factor) >> shift, in Q16
        // LSBs; the points offset, offset + 65536, ... (offset uniform in 0..65535) each move the
        // weight they land on by one LSB towards the sign of postL_j·pre. An interval of length
        // x·65536 holds floor(x) or floor(x) + 1 points, the latter with probability frac(x):
        // exactly stochastic rounding of each synapse's change, at the cost of one lookup per LSB
        // moved instead of one visit per synapse. The draws of one row are negatively correlated
        // (their sum is fixed to within one LSB); rows and ticks draw anew. The lookup turns a
        // point into prefix-sum units (rounded down), takes the column that holds the start of
        // its bucket and steps forward to the exact interval, usually zero steps.
        // mass = B(n) > 0; diagonal: the column that never learns (or -1).
        private static void SampleRow(short[] w, int row, int[] post, long[] cum, short[] bucket, int bucketShift, long factor,
            bool negative, int shift, long mass, uint offset, int diagonal)
        {
            // Prefix-sum units per Q16 LSB with 16 fraction bits (shift <= 43, so no overflow); the
            // point's position c = y·inv stays below total·2^16 < 2^62 because y < mass, and grows
            // by exactly 65536·inv from one point to the next.
            long inv = (1L << (shift + 16)) / factor;
            long c = offset * inv;
            long step = inv << 16;
            int down = 16 + bucketShift;
            int flip = negative ? -1 : 0;
            for (long y = offset; y < mass; y += 65536, c += step)
            {
                int j = bucket[(int)(c >> down)];
                // One step forward is common (a bucket that straddles a column boundary): taken by
                // arithmetic, 1 iff B(j + 1) <= y (both in 0..2^62), not by a branch; more are rare.
                j += (int)(((ulong)(y - ((cum[j + 1] * factor) >> shift)) >> 63) ^ 1);
                while (((cum[j + 1] * factor) >> shift) <= y) j++;
                if (j == diagonal) continue;
                int s = row + j;
                // +1 or -1: the sign of postL_j·pre (postL_j is not 0: its interval is not empty).
                int nw = w[s] + (((post[j] ^ flip) >> 31) | 1);
                w[s] = (short)(nw > short.MaxValue ? short.MaxValue : (nw < short.MinValue ? short.MinValue : nw));
            }
        }

        // The same for the sparse row term postR_j·factor over the columns index[0..count-1]
        // (ψ_j ≠ 0), with a binary search: the rate term moves few LSBs.
        private static void SampleSparseRow(short[] w, int row, int[] post, int[] index, long[] cum, int count, long factor, bool negative,
            int shift, long mass, uint offset, int diagonal)
        {
            int m = 0;
            for (long y = offset; y < mass; y += 65536)
            {
                // The first column at or after m whose interval ends beyond y (B(count) = mass > y).
                int hi = count - 1;
                while (m < hi)
                {
                    int mid = (m + hi) >> 1;
                    if (((cum[mid + 1] * factor) >> shift) > y) hi = mid; else m = mid + 1;
                }
                int j = index[m];
                if (j == diagonal) continue;
                int s = row + j;
                int nw = (post[j] < 0) != negative ? w[s] - 1 : w[s] + 1;
                w[s] = (short)(nw > short.MaxValue ? short.MaxValue : (nw < short.MinValue ? short.MinValue : nw));
            }
        }

        // One row of the factorized update, or a readout row (pc = 0), every synapse visited:
        // q = (postL·pb + postR·pc) >> shift (Q16 LSBs, < 2^58) rounded stochastically by
        // dithering, floor((q + d) / 65536) with d uniform in 0..65535 rounding up with probability
        // frac(q / 65536). The dither of the row is a Weyl sequence (golden-ratio steps) from one
        // random phase: each draw is uniform, so the rounding stays unbiased, at the price of one
        // add per synapse instead of one generator step.
        private static void LearnRowDense(short[] w, int row, int n, int[] postL, int[] postR, long pb, long pc, int shift, uint phase)
        {
            for (int j = 0; j < n; j++)
            {
                phase += 0x9E3779B9u;
                long nw = w[row + j] + ((((postL[j] * pb + postR[j] * pc) >> shift) + (phase >> 16)) >> 16);
                w[row + j] = (short)(nw > short.MaxValue ? short.MaxValue : (nw < short.MinValue ? short.MinValue : nw));
            }
        }

        private void LearnOutput(int shift, XorShift32 rng)
        {
            short[] w = Output.Weights;
            int[] trace = _outTrace;
            int[] post = _postOut;
            int[] acc = _outAcc;
            int nOut = post.Length;
            if (!_accumulate)
            {
                // Applied every tick: every synapse of a row with a non-zero trace (the rows are n_out
                // synapses long). A readout row has one term, post_k·F_κ(z_j): LearnRowDense with pc = 0.
                for (int j = 0; j < trace.Length; j++)
                {
                    long t = trace[j];
                    if (t != 0) LearnRowDense(w, j * nOut, nOut, post, post, t, 0, shift, rng.NextUInt());
                }
                return;
            }
            for (int j = 0; j < trace.Length; j++)
            {
                long t = trace[j];
                if (t == 0) continue;
                int row = j * nOut;
                for (int k = 0; k < nOut; k++)
                {
                    long q = (post[k] * t) >> shift;
                    int dq = q > int.MaxValue ? int.MaxValue : (q < int.MinValue ? int.MinValue : (int)q);
                    if (dq == 0) continue;
                    int s = row + k;
                    acc[s] = FixedPoint.SaturatingAdd(acc[s], dq);
                }
            }
        }

        /// <summary>Clears traces, eligibilities, accumulators and the supervision (targets 0, class 0, valid); rate estimates restart at the target rate. Weights are kept.</summary>
        public override void ResetState()
        {
            System.Array.Clear(TargetQ16, 0, TargetQ16.Length);
            TargetClass = 0;
            TargetValid = true;
            System.Array.Clear(ErrorQ16, 0, ErrorQ16.Length);
            System.Array.Clear(LearningSignalQ16, 0, LearningSignalQ16.Length);
            System.Array.Clear(PseudoDerivativeQ16, 0, PseudoDerivativeQ16.Length);
            for (int j = 0; j < RateQ16.Length; j++) RateQ16[j] = Parameters.RateTargetQ16;
            System.Array.Clear(_softmaxQ30, 0, _softmaxQ30.Length);
            Clear(_psiPrev); Clear(_epsDecayQ16); Clear(_psiBar); Clear(_postL); Clear(_postR); Clear(_postOut);
            System.Array.Clear(_refractoryPrev, 0, _refractoryPrev.Length);
            Clear(_inTrace); Clear(_inTracePrev); Clear(_inTraceBar);
            Clear(_recTrace); Clear(_recTracePrev); Clear(_recTraceBar); Clear(_outTrace);
            Clear(_inEbar); Clear(_recEbar); Clear(_inEps); Clear(_recEps);
            Clear(_inAcc); Clear(_recAcc); Clear(_outAcc);
            System.Array.Clear(_cumL, 0, _cumL.Length);
            System.Array.Clear(_cumR, 0, _cumR.Length);
            Clear(_activeR);
            System.Array.Clear(_bucketL, 0, _bucketL.Length);
            _bucketShift = 0;
            _countR = 0;
            _totalL = _totalR = 0;
            TicksSinceUpdate = 0;
        }

        private static void Clear(int[] a) { System.Array.Clear(a, 0, a.Length); }

        /// <inheritdoc/>
        public override int ParameterBytes { get { return FeedbackWeights.Length * 2; } }

        /// <inheritdoc/>
        public override int StateBytes
        {
            get
            {
                int ints = TargetQ16.Length + ErrorQ16.Length + LearningSignalQ16.Length + PseudoDerivativeQ16.Length + RateQ16.Length
                    + _psiPrev.Length + _epsDecayQ16.Length + _psiBar.Length + _postL.Length + _postR.Length + _postOut.Length
                    + _inTrace.Length + _inTracePrev.Length + _inTraceBar.Length
                    + _recTrace.Length + _recTracePrev.Length + _recTraceBar.Length + _outTrace.Length
                    + _inEbar.Length + _recEbar.Length + _inEps.Length + _recEps.Length
                    + _inAcc.Length + _recAcc.Length + _outAcc.Length + _activeR.Length;
                return ints * 4 + (_softmaxQ30.Length + _cumL.Length + _cumR.Length) * 8 + _refractoryPrev.Length + _bucketL.Length * 2;
            }
        }

        /// <summary>
        /// Bytes of rule state held per synapse (eligibilities, ALIF ε, accumulators), summed over
        /// the plastic projections; 0 in factorized mode with updates every tick. The rest of
        /// <see cref="StateBytes"/> is per neuron.
        /// </summary>
        public int SynapseStateBytes
        {
            get
            {
                return (_inEbar.Length + _recEbar.Length + _inEps.Length + _recEps.Length
                    + _inAcc.Length + _recAcc.Length + _outAcc.Length) * 4;
            }
        }

        /// <inheritdoc/>
        public override uint HashState(uint hash)
        {
            hash = StateHash.Add(hash, TicksSinceUpdate);
            hash = StateHash.AddInts(hash, PseudoDerivativeQ16);
            hash = StateHash.AddInts(hash, RateQ16);
            hash = StateHash.AddInts(hash, _psiBar);
            hash = StateHash.AddBytes(hash, _refractoryPrev);
            hash = StateHash.AddInts(hash, _inTrace);
            hash = StateHash.AddInts(hash, _inTracePrev);
            hash = StateHash.AddInts(hash, _inTraceBar);
            hash = StateHash.AddInts(hash, _recTrace);
            hash = StateHash.AddInts(hash, _recTracePrev);
            hash = StateHash.AddInts(hash, _recTraceBar);
            hash = StateHash.AddInts(hash, _outTrace);
            hash = StateHash.AddInts(hash, _inEbar);
            hash = StateHash.AddInts(hash, _recEbar);
            hash = StateHash.AddInts(hash, _inEps);
            hash = StateHash.AddInts(hash, _recEps);
            hash = StateHash.AddInts(hash, _inAcc);
            hash = StateHash.AddInts(hash, _recAcc);
            hash = StateHash.AddInts(hash, _outAcc);
            hash = StateHash.AddInts(hash, TargetQ16);
            hash = StateHash.Add(hash, TargetClass);
            return StateHash.Add(hash, TargetValid ? 1 : 0);
        }

        // Model format v2 checkpoint, in this order: i32 ticks since update, u8 target valid,
        // i32 target class, i32 target × readout, i32 ψ × recurrent, i32 rate × recurrent,
        // i32 ψ̄ × recurrent (factorized), u8 refractory-before × recurrent, the traces
        // (i32 × input: z̄, z̄(t−1) for exact ALIF, z̄̄ for factorized; the same × recurrent; i32 F_κ(z)
        // × recurrent), then per synapse i32 ē (exact), ε (exact ALIF) and accumulators (interval ≠ 1),
        // input, recurrent, output. Array lengths follow from the parameters and the network.
        // Not stored: error, learning signal, ψ(t−1) copy, ε decay, post factors and softmax,
        // which Update recomputes before using them.
        internal override void TransferState(FormatCursor c)
        {
            int interval = Parameters.UpdateIntervalTicks;
            TicksSinceUpdate = c.Int32(TicksSinceUpdate, 0, interval == 0 ? int.MaxValue : interval - 1, "ticks since update");
            TargetValid = c.Bool(TargetValid, "target valid");
            TargetClass = c.Int32(TargetClass, int.MinValue, int.MaxValue, "target class");
            c.Ints(TargetQ16, int.MinValue, int.MaxValue, "target");
            c.Ints(PseudoDerivativeQ16, 0, Limit, "pseudo-derivative");
            c.Ints(RateQ16, 0, Limit, "rate");
            c.Ints(_psiBar, 0, Limit, "filtered pseudo-derivative");
            c.Bytes(_refractoryPrev, 0, Recurrent.Parameters.RefractoryTicks, "refractory before");
            c.Ints(_inTrace, 0, Limit, "input trace");
            c.Ints(_inTracePrev, 0, Limit, "previous input trace");
            c.Ints(_inTraceBar, 0, Limit, "filtered input trace");
            c.Ints(_recTrace, 0, Limit, "recurrent trace");
            c.Ints(_recTracePrev, 0, Limit, "previous recurrent trace");
            c.Ints(_recTraceBar, 0, Limit, "filtered recurrent trace");
            c.Ints(_outTrace, 0, Limit, "output trace");
            c.Ints(_inEbar, -Limit, Limit, "input eligibility");
            c.Ints(_recEbar, -Limit, Limit, "recurrent eligibility");
            c.Ints(_inEps, -Limit, Limit, "input adaptation eligibility");
            c.Ints(_recEps, -Limit, Limit, "recurrent adaptation eligibility");
            c.Ints(_inAcc, int.MinValue, int.MaxValue, "input accumulator");
            c.Ints(_recAcc, int.MinValue, int.MaxValue, "recurrent accumulator");
            c.Ints(_outAcc, int.MinValue, int.MaxValue, "output accumulator");
        }
    }
}
