using System;

namespace NanoSnn.Cli.Experiments
{
    /// <summary>
    /// A float64 model of a network trained by an <see cref="EpropRule"/>: input → LIF/ALIF
    /// (input + recurrent dense projections) → leaky readout, with the same e-prop equations
    /// as the fixed-point rule but real-valued state, exact exponential decays and no
    /// rounding. It starts from the fixed network's weights (converted exactly,
    /// w·2^shift/65536) and the rule's feedback matrix, so the two can be held side by side.
    /// Used by the host tests (linked into tests/NanoSnn.Tests) and by
    /// <see cref="EpropPatternExperiment"/>.
    /// </summary>
    public sealed class EpropFloatReference
    {
        public readonly int NIn, NRec, NOut;
        /// <summary>Weights in real units, same layouts as the fixed projections (row-major by source).</summary>
        public readonly double[] WIn, WRec, WOut;
        /// <summary>Random feedback B_jk at [j·NOut + k] (unused when symmetric).</summary>
        public readonly double[] B;
        /// <summary>Weight changes applied since construction (real units), per projection.</summary>
        public readonly double[] AppliedIn, AppliedRec, AppliedOut;
        public readonly double[] V, A, Y, Psi, Rate, Target;
        public readonly bool[] Z;
        public int TargetClass;
        public bool TargetValid = true;
        public bool Enabled = true;

        private readonly bool _adaptive, _exact, _alifExact, _symmetric, _classification, _learnIn, _learnRec, _learnOut;
        private readonly double _alpha, _kappa, _rho, _beta, _vth, _gamma, _eta, _etaOut, _lambda, _f0, _rateDecay, _bias, _readoutBias;
        private readonly int _refractoryTicks, _interval;
        private readonly int[] _refractory;
        private readonly bool[] _zPrev, _x;
        private readonly double[] _input, _err, _psiPrev, _psiBar, _postL, _postR, _postOut;
        private readonly double[] _inTrace, _inPrev, _inBar, _recTrace, _recPrev, _recBar, _outTrace;
        private readonly double[] _inEbar, _recEbar, _inEps, _recEps, _inAcc, _recAcc, _outAcc;
        private readonly bool[] _refPrev;
        private int _ticks;

        /// <summary>
        /// Builds the reference. With <paramref name="quantizedDecays"/> the decays are the core's
        /// Decay12 multipliers (/4096) instead of exact exponentials: the same model with the same
        /// constants, so that a comparison isolates the arithmetic of the learning rule.
        /// </summary>
        public EpropFloatReference(Network network, EpropRule rule, bool quantizedDecays = false)
        {
            LifPopulation rec = rule.Recurrent;
            LifParameters lp = rec.Parameters;
            EpropParameters p = rule.Parameters;
            if (lp.Reset != ResetMode.Subtract) throw new ArgumentException("the reference models subtractive reset only");
            double dt = network.DtUs;
            NIn = rule.Input == null ? 0 : rule.Input.Source.Size;
            NRec = rec.Size;
            NOut = rule.Readout.Size;
            _adaptive = rec.Adaptive;
            _exact = p.Eligibility == EpropEligibility.Exact;
            _alifExact = _exact && _adaptive;
            _symmetric = p.Feedback == EpropFeedback.Symmetric;
            _classification = p.Task == EpropTask.Classification;
            _learnIn = rule.Input != null && p.LearnInput;
            _learnRec = rule.RecurrentProjection != null && p.LearnRecurrent;
            _learnOut = p.LearnOutput;
            _alpha = Math.Exp(-dt / lp.TauMembraneUs);
            _kappa = rule.Readout.TauUs <= 0 ? 0 : Math.Exp(-dt / rule.Readout.TauUs);
            _rho = _adaptive ? Math.Exp(-dt / lp.TauAdaptationUs) : 0;
            _beta = _adaptive ? lp.AdaptationBetaQ16 / 65536.0 : 0;
            _vth = lp.ThresholdQ16 / 65536.0;
            _bias = lp.BiasQ16 / 65536.0;
            _readoutBias = rule.Readout.Bias / 65536.0;
            _refractoryTicks = lp.RefractoryTicks;
            _gamma = p.GammaQ16 / 65536.0;
            _eta = p.LearningRateQ16 / 65536.0 / (1L << p.LearningRateShift);
            _etaOut = p.OutputLearningRateQ16 / 65536.0 / (1L << p.OutputLearningRateShift);
            _lambda = p.RateRegularizationQ16 / 65536.0;
            _f0 = p.RateTargetQ16 / 65536.0;
            _rateDecay = Math.Exp(-dt / p.RateTauUs);
            if (quantizedDecays)
            {
                _alpha = rec.MembraneDecay12 / 4096.0;
                _kappa = rule.Readout.Decay12 / 4096.0;
                _rho = rec.AdaptationDecay12 / 4096.0;
                _rateDecay = Decay.FromTau(p.RateTauUs, network.DtUs) / 4096.0;
            }
            _interval = p.UpdateIntervalTicks;

            WIn = Convert(rule.Input);
            WRec = Convert(rule.RecurrentProjection);
            WOut = Convert(rule.Output);
            B = new double[rule.FeedbackWeights.Length];
            for (int s = 0; s < B.Length; s++) B[s] = rule.FeedbackWeights[s] * (double)(1 << p.FeedbackWeightShift) / 65536.0;
            AppliedIn = new double[WIn.Length];
            AppliedRec = new double[WRec.Length];
            AppliedOut = new double[WOut.Length];

            V = new double[NRec]; A = new double[NRec]; Y = new double[NOut]; Psi = new double[NRec]; Rate = new double[NRec];
            Target = new double[NOut];
            Z = new bool[NRec]; _zPrev = new bool[NRec]; _x = new bool[NIn]; _refractory = new int[NRec]; _refPrev = new bool[NRec];
            _input = new double[NRec]; _err = new double[NOut];
            _psiPrev = new double[NRec]; _psiBar = new double[NRec]; _postL = new double[NRec]; _postR = new double[NRec]; _postOut = new double[NOut];
            _inTrace = new double[NIn]; _inPrev = new double[NIn]; _inBar = new double[NIn];
            _recTrace = new double[NRec]; _recPrev = new double[NRec]; _recBar = new double[NRec]; _outTrace = new double[NRec];
            _inEbar = new double[WIn.Length]; _recEbar = new double[WRec.Length];
            _inEps = new double[WIn.Length]; _recEps = new double[WRec.Length];
            _inAcc = new double[WIn.Length]; _recAcc = new double[WRec.Length]; _outAcc = new double[WOut.Length];
            ResetState();
        }

        private static double[] Convert(Projection q)
        {
            if (q == null) return new double[0];
            double scale = Math.Pow(2, q.WeightShift) / 65536.0;
            var w = new double[q.Weights.Length];
            for (int s = 0; s < w.Length; s++) w[s] = q.Weights[s] * scale;
            return w;
        }

        /// <summary>Clears neuron state, traces and accumulators (like resetting the fixed populations and the rule).</summary>
        public void ResetState()
        {
            Array.Clear(V); Array.Clear(A); Array.Clear(Y); Array.Clear(Psi); Array.Fill(Rate, _f0);
            Array.Clear(Z); Array.Clear(_zPrev); Array.Clear(_refractory); Array.Clear(_refPrev);
            Array.Clear(_psiPrev); Array.Clear(_psiBar);
            Array.Clear(_inTrace); Array.Clear(_inPrev); Array.Clear(_inBar);
            Array.Clear(_recTrace); Array.Clear(_recPrev); Array.Clear(_recBar); Array.Clear(_outTrace);
            Array.Clear(_inEbar); Array.Clear(_recEbar); Array.Clear(_inEps); Array.Clear(_recEps);
            Array.Clear(_inAcc); Array.Clear(_recAcc); Array.Clear(_outAcc);
            _ticks = 0;
        }

        /// <summary>One tick: inputs x(t) are indices 0..NIn-1 in spikes[0..count).</summary>
        public void Step(int[] spikes, int count)
        {
            Array.Clear(_x);
            for (int k = 0; k < count; k++) _x[spikes[k]] = true;

            // network dynamics (as NanoSnn.Network: propagate then integrate, population by population)
            Array.Clear(_input);
            for (int i = 0; i < NIn; i++)
                if (_x[i]) { int row = i * NRec; for (int j = 0; j < NRec; j++) _input[j] += WIn[row + j]; }
            if (WRec.Length > 0)
                for (int i = 0; i < NRec; i++)
                    if (Z[i]) { int row = i * NRec; for (int j = 0; j < NRec; j++) _input[j] += WRec[row + j]; }
            Array.Copy(Z, _zPrev, NRec);
            for (int j = 0; j < NRec; j++)
            {
                double v = _alpha * V[j] + _input[j] + _bias;
                if (_zPrev[j]) v -= _vth;
                if (_adaptive) A[j] = _rho * A[j] + (_zPrev[j] ? 1.0 : 0.0);
                bool z = false;
                if (_refractory[j] > 0) _refractory[j]--;
                else if (v >= _vth + _beta * A[j]) { z = true; _refractory[j] = _refractoryTicks; }
                V[j] = v;
                Z[j] = z;
            }
            for (int k = 0; k < NOut; k++)
            {
                double s = 0;
                for (int j = 0; j < NRec; j++) if (Z[j]) s += WOut[j * NOut + k];
                Y[k] = _kappa * Y[k] + s + _readoutBias;
            }
            if (Enabled) Learn();
        }

        private void Learn()
        {
            // error
            if (!TargetValid) Array.Clear(_err);
            else if (!_classification) for (int k = 0; k < NOut; k++) _err[k] = Y[k] - Target[k];
            else
            {
                double max = double.NegativeInfinity;
                for (int k = 0; k < NOut; k++) max = Math.Max(max, Y[k]);
                double sum = 0;
                for (int k = 0; k < NOut; k++) { _err[k] = Math.Exp(Y[k] - max); sum += _err[k]; }
                for (int k = 0; k < NOut; k++) _err[k] = _err[k] / sum - (k == TargetClass ? 1.0 : 0.0);
            }
            // per-neuron factors
            for (int j = 0; j < NRec; j++)
            {
                double psi = 0;
                if (!_refPrev[j])
                {
                    double threshold = _vth + _beta * A[j];
                    psi = _gamma / _vth * Math.Max(0.0, 1.0 - Math.Abs(V[j] - threshold) / _vth);
                }
                _refPrev[j] = _refractory[j] > 0;
                _psiPrev[j] = Psi[j];
                Psi[j] = psi;
                Rate[j] = _rateDecay * Rate[j] + (1 - _rateDecay) * (Z[j] ? 1.0 : 0.0);
                double l = 0;
                for (int k = 0; k < NOut; k++) l += (_symmetric ? WOut[j * NOut + k] : B[j * NOut + k]) * _err[k];
                double r = _lambda * (Rate[j] - _f0);
                if (_exact)
                {
                    _postL[j] = -_eta * l;
                    _postR[j] = -_eta * r;
                }
                else
                {
                    _psiBar[j] = _kappa * _psiBar[j] + psi;
                    _postL[j] = -_eta * l * (1 - _kappa) * _psiBar[j];
                    _postR[j] = -_eta * r * psi;
                }
            }
            for (int k = 0; k < NOut; k++) _postOut[k] = -_etaOut * _err[k];

            if (_learnIn)
            {
                for (int i = 0; i < NIn; i++)
                {
                    _inPrev[i] = _inTrace[i];
                    _inTrace[i] = _alpha * _inTrace[i] + (_x[i] ? 1.0 : 0.0);
                    _inBar[i] = _kappa * _inBar[i] + _inTrace[i];
                }
                LearnProjection(NIn, _inTrace, _inPrev, _inBar, _inEbar, _inEps, _inAcc, false);
            }
            if (_learnRec)
            {
                for (int i = 0; i < NRec; i++) _recBar[i] = _kappa * _recBar[i] + _recTrace[i];
                LearnProjection(NRec, _recTrace, _recPrev, _recBar, _recEbar, _recEps, _recAcc, true);
                for (int i = 0; i < NRec; i++)
                {
                    _recPrev[i] = _recTrace[i];
                    _recTrace[i] = _alpha * _recTrace[i] + (Z[i] ? 1.0 : 0.0);
                }
            }
            if (_learnOut)
            {
                for (int j = 0; j < NRec; j++)
                {
                    _outTrace[j] = _kappa * _outTrace[j] + (Z[j] ? 1.0 : 0.0);
                    for (int k = 0; k < NOut; k++) _outAcc[j * NOut + k] += _postOut[k] * _outTrace[j];
                }
            }
            _ticks++;
            if (_interval > 0 && _ticks >= _interval) ApplyAccumulated();
        }

        private void LearnProjection(int nSrc, double[] pre, double[] prePrev, double[] preBar, double[] ebar, double[] eps, double[] acc, bool skipDiagonal)
        {
            for (int i = 0; i < nSrc; i++)
            {
                int row = i * NRec;
                for (int j = 0; j < NRec; j++)
                {
                    if (skipDiagonal && i == j) continue;
                    int s = row + j;
                    if (!_exact)
                    {
                        acc[s] += _postL[j] * preBar[i] + _postR[j] * pre[i];
                        continue;
                    }
                    double e;
                    if (_alifExact)
                    {
                        eps[s] = _psiPrev[j] * prePrev[i] + (_rho - _psiPrev[j] * _beta) * eps[s];
                        e = Psi[j] * (pre[i] - _beta * eps[s]);
                    }
                    else e = Psi[j] * pre[i];
                    ebar[s] = _kappa * ebar[s] + e;
                    acc[s] += _postL[j] * ebar[s] + _postR[j] * e;
                }
            }
        }

        /// <summary>Adds the accumulated changes to the weights and clears the accumulators.</summary>
        public void ApplyAccumulated()
        {
            _ticks = 0;
            Apply(WIn, _inAcc, AppliedIn);
            Apply(WRec, _recAcc, AppliedRec);
            Apply(WOut, _outAcc, AppliedOut);
        }

        private static void Apply(double[] w, double[] acc, double[] applied)
        {
            for (int s = 0; s < w.Length; s++)
            {
                w[s] += acc[s];
                applied[s] += acc[s];
                acc[s] = 0;
            }
        }
    }
}
