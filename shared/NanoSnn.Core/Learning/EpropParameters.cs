namespace NanoSnn
{
    /// <summary>How an e-prop rule keeps its eligibility traces.</summary>
    public enum EpropEligibility
    {
        /// <summary>
        /// Per-neuron traces only: the post factor ψ_j and the presynaptic trace z̄_i are
        /// low-pass filtered with κ separately and ē_ji ≈ (1 − κ)·ψ̄_j·z̄̄_i. No per-synapse
        /// state beyond the weight (ReckOn-style). For ALIF the adaptation term ε is dropped.
        /// </summary>
        Factorized = 0,

        /// <summary>Per-synapse κ-filtered eligibility ē_ji (Q16 int), plus ALIF's per-synapse ε_ji.</summary>
        Exact = 1,
    }

    /// <summary>Where the learning signal's feedback weights B_jk come from.</summary>
    public enum EpropFeedback
    {
        /// <summary>A fixed random matrix drawn once from <see cref="EpropParameters.FeedbackSeed"/> (random e-prop, no weight transport).</summary>
        Random = 0,

        /// <summary>B = W_out transposed, read live from the output projection (symmetric e-prop).</summary>
        Symmetric = 1,
    }

    /// <summary>What the readout error compares against.</summary>
    public enum EpropTask
    {
        /// <summary>err_k = y_k − y*_k with Q16 targets set by the caller every tick.</summary>
        Regression = 0,

        /// <summary>err_k = softmax(y)_k − onehot(class)_k (fixed-point softmax).</summary>
        Classification = 1,
    }

    /// <summary>
    /// Parameters of an <see cref="EpropRule"/>, in one place. Learning rate η is
    /// <c>LearningRateQ16 / 65536 · 2^−LearningRateShift</c> (e.g. 1e-4 = 53687/65536·2^−13),
    /// so that small rates keep 16 significant bits.
    /// </summary>
    public sealed class EpropParameters
    {
        /// <summary>Eligibility mode.</summary>
        public EpropEligibility Eligibility = EpropEligibility.Factorized;

        /// <summary>Feedback (B) mode.</summary>
        public EpropFeedback Feedback = EpropFeedback.Random;

        /// <summary>Regression or classification.</summary>
        public EpropTask Task = EpropTask.Regression;

        /// <summary>Pseudo-derivative dampening γ, Q16 (default 0.3).</summary>
        public int GammaQ16 = 19661;

        /// <summary>Mantissa of η (input and recurrent projections), Q16 in (0, 65536].</summary>
        public int LearningRateQ16 = 53687;

        /// <summary>Right shift of η (0..24).</summary>
        public int LearningRateShift = 13;

        /// <summary>Mantissa of the output projection's learning rate η_out, Q16 in (0, 65536].</summary>
        public int OutputLearningRateQ16 = 53687;

        /// <summary>Right shift of η_out (0..24). Separate from η because input and recurrent weights often need a different step (e.g. when inputs are scaled by 1 − α).</summary>
        public int OutputLearningRateShift = 13;

        /// <summary>
        /// Ticks between weight updates: 1 applies every tick (no accumulator is allocated),
        /// K &gt; 1 accumulates K ticks in a per-synapse int accumulator, 0 accumulates until
        /// <see cref="EpropRule.ApplyAccumulated"/> is called (e.g. once per sequence).
        /// </summary>
        public int UpdateIntervalTicks = 1;

        /// <summary>Rate-regularization strength λ, Q16: the learning signal gets λ·(f_j − f_target) added (0 = off).</summary>
        public int RateRegularizationQ16;

        /// <summary>Target firing rate f_target in spikes per tick, Q16 (10 Hz at 1 ms ticks = 655).</summary>
        public int RateTargetQ16 = 655;

        /// <summary>Time constant of the online rate estimate f_j, µs (default 1 s).</summary>
        public int RateTauUs = 1000000;

        /// <summary>Standard deviation of the random feedback entries, Q16 (default 1/sqrt(100) = 0.1).</summary>
        public int FeedbackScaleQ16 = 6554;

        /// <summary>Scale of the stored random feedback entries: b means b·2^FeedbackWeightShift/65536 (0..15; default 4, i.e. Q12, range ±8).</summary>
        public int FeedbackWeightShift = 4;

        /// <summary>Seed of the random feedback matrix.</summary>
        public uint FeedbackSeed = 12345;

        /// <summary>Whether the input projection learns.</summary>
        public bool LearnInput = true;

        /// <summary>Whether the recurrent projection learns (self-connections never do).</summary>
        public bool LearnRecurrent = true;

        /// <summary>Whether the output projection learns.</summary>
        public bool LearnOutput = true;

        /// <summary>A copy, so that a rule can keep the values it was given.</summary>
        public EpropParameters Clone()
        {
            return (EpropParameters)MemberwiseClone();
        }
    }
}
