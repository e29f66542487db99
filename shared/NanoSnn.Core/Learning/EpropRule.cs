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
    /// 4 + LearningRateShift + WeightShift, and saturated to int.</item>
    /// <item>Weight changes: the Q16-LSB amount is applied with
    /// <see cref="FixedPoint.StochasticShift"/> (network generator), so a 0.3-LSB change
    /// moves the weight by one LSB 30 % of the time; weights saturate at the short bounds.</item>
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

        private readonly int _psiScaleQ16, _vth, _alpha, _kappa, _rho, _beta, _rateDecay;
        private readonly bool _exact, _alifExact, _accumulate, _learnIn, _learnRec, _learnOut;
        private readonly long[] _softmaxQ30;
        private readonly int[] _psiPrev, _epsDecayQ16, _psiBar, _postL, _postR, _postOut;
        private readonly byte[] _refractoryPrev;
        private readonly int[] _inTrace, _inTracePrev, _inTraceBar, _recTrace, _recTracePrev, _recTraceBar, _outTrace;
        private readonly int[] _inEbar, _recEbar, _inEps, _recEps, _inAcc, _recAcc, _outAcc;

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
            int oneMinusKappa = FixedPoint.OneDecay12 - _kappa;
            long rhoQ16 = (long)_rho << 4;
            for (int j = 0; j < nRec; j++)
            {
                int psi = 0;
                if (_refractoryPrev[j] == 0)
                {
                    long h = vth - FixedPoint.Abs((long)v[j] - rec.ThresholdOf(j));
                    if (h > 0) psi = (int)((_psiScaleQ16 * h) / vth);
                }
                _refractoryPrev[j] = refractory[j];
                if (_alifExact)
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

                if (_exact)
                {
                    // Q16·Q16 = Q32, >> 12 = Q20.
                    _postL[j] = (int)FixedPoint.Clamp(-((signalQ16 * eta) >> 12), int.MinValue + 1, int.MaxValue);
                    _postR[j] = (int)FixedPoint.Clamp(-((regQ16 * eta) >> 12), int.MinValue + 1, int.MaxValue);
                }
                else
                {
                    int bar = _psiBar[j];
                    bar = (int)FixedPoint.Clamp((long)FixedPoint.MultiplyDecay(bar, _kappa) + psi, -Limit, Limit);
                    _psiBar[j] = bar;
                    // L·ψ̄ (Q32) -> Q20, times (1 - κ) and η; clamped between steps so nothing exceeds 2^62.
                    long post = ((signalQ16 * (long)bar) >> 12) * oneMinusKappa >> 12;
                    post = FixedPoint.Clamp(post, -(1L << 40), 1L << 40);
                    _postL[j] = (int)FixedPoint.Clamp(-((post * eta) >> 16), int.MinValue + 1, int.MaxValue);
                    long postR = (regQ16 * psi) >> 12;
                    postR = FixedPoint.Clamp(postR, -(1L << 40), 1L << 40);
                    _postR[j] = (int)FixedPoint.Clamp(-((postR * eta) >> 16), int.MinValue + 1, int.MaxValue);
                }
            }
            long etaOut = Parameters.OutputLearningRateQ16;
            for (int k = 0; k < nOut; k++)
                _postOut[k] = (int)FixedPoint.Clamp(-((err[k] * etaOut) >> 12), int.MinValue + 1, int.MaxValue);
        }

        // cur <- decay·cur + spike (Q16, one spike = 1.0); prev (if non-empty and not null) keeps the old value.
        private static void AdvanceTrace(int[] cur, int[] prev, byte[] spiked, int decay12)
        {
            bool keep = prev != null && prev.Length > 0 && prev != cur;
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
                // Factorized, applied every tick: the hot loop of the rule (every synapse every tick).
                // The stochastic rounding draws of one row form a Weyl sequence (golden-ratio steps)
                // from one random phase per row: each synapse's draw is uniform, so the rounding stays
                // unbiased, at the price of one add per synapse instead of one generator step. The
                // loop is branch-free where the outcome is random; the recurrent diagonal is computed
                // like any synapse and then restored (self-connections never learn).
                for (int i = 0; i < nSrc; i++)
                {
                    long pb = preBar[i];
                    long pc = pre[i];
                    int row = i * n;
                    short diagonal = skipDiagonal ? w[row + i] : (short)0;
                    uint phase = rng.NextUInt();
                    for (int j = 0; j < n; j++)
                    {
                        long q = (postL[j] * pb + postR[j] * pc) >> shift;
                        if (q > int.MaxValue) q = int.MaxValue; else if (q < int.MinValue) q = int.MinValue;
                        int dq = (int)q;
                        phase += 0x9E3779B9u;
                        // Round up iff draw < fraction: the sign bit of draw - fraction (both in 0..65535).
                        int nw = w[row + j] + (dq >> 16) + (int)((uint)((int)(phase >> 16) - (dq & 0xFFFF)) >> 31);
                        w[row + j] = (short)(nw > short.MaxValue ? short.MaxValue : (nw < short.MinValue ? short.MinValue : nw));
                    }
                    if (skipDiagonal) w[row + i] = diagonal;
                }
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

        private void LearnOutput(int shift, XorShift32 rng)
        {
            short[] w = Output.Weights;
            int[] trace = _outTrace;
            int[] post = _postOut;
            int[] acc = _outAcc;
            int nOut = post.Length;
            bool apply = !_accumulate;
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
                    + _inAcc.Length + _recAcc.Length + _outAcc.Length;
                return ints * 4 + _softmaxQ30.Length * 8 + _refractoryPrev.Length;
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
