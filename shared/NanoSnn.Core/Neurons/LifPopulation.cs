namespace NanoSnn
{
    /// <summary>
    /// Leaky integrate-and-fire neurons, optionally with an adaptive threshold (ALIF,
    /// Bellec et al. 2020). Per tick, for neuron j with synaptic input I_j (Q16):
    /// <code>
    /// v_j ← α·v_j + I_j + bias − z_j(t−1)·v_th      (Subtract reset; Zero reset sets v_j = 0 at the spike)
    /// a_j ← ρ·a_j + z_j(t−1)                          (ALIF only; a in Q16, one spike = 1.0)
    /// z_j = v_j ≥ v_th + β·a_j and not refractory
    /// </code>
    /// α = exp(−dt/τ_m) and ρ = exp(−dt/τ_a) are Decay12 multipliers fixed at build time.
    /// v is clamped to ±<see cref="FixedPoint.StateLimitQ16"/>.
    /// </summary>
    public sealed class LifPopulation : Population
    {
        /// <summary>Creates a LIF (or, with <paramref name="adaptive"/>, ALIF) population for tick length <paramref name="dtUs"/>.</summary>
        public LifPopulation(string name, int size, LifParameters parameters, int dtUs, bool adaptive)
            : base(name, adaptive ? PopulationKind.Alif : PopulationKind.Lif, size, true, true)
        {
            if (parameters == null) throw new ModelException("population '" + name + "': parameters missing");
            Validate(name, parameters, adaptive);
            Parameters = parameters.Clone();
            Adaptive = adaptive;
            MembraneDecay12 = Decay.FromTau(parameters.TauMembraneUs, dtUs);
            AdaptationDecay12 = adaptive ? Decay.FromTau(parameters.TauAdaptationUs, dtUs) : 0;
            MembraneQ16 = new int[size];
            RefractoryLeft = new byte[size];
            AdaptationQ16 = new int[adaptive ? size : 0];
        }

        /// <summary>The parameters this population was built with (a private copy).</summary>
        public readonly LifParameters Parameters;

        /// <summary>True for ALIF.</summary>
        public readonly bool Adaptive;

        /// <summary>α as Decay12.</summary>
        public readonly int MembraneDecay12;

        /// <summary>ρ as Decay12 (0 for plain LIF).</summary>
        public readonly int AdaptationDecay12;

        /// <summary>Membrane potentials v, Q16. After a spike with Subtract reset this still holds the pre-reset value.</summary>
        public readonly int[] MembraneQ16;

        /// <summary>Remaining refractory ticks per neuron.</summary>
        public readonly byte[] RefractoryLeft;

        /// <summary>ALIF adaptation a, Q16 (empty for LIF).</summary>
        public readonly int[] AdaptationQ16;

        /// <inheritdoc/>
        public override int BiasQ16 { get { return Parameters.BiasQ16; } }

        /// <summary>The effective threshold of neuron j, Q16: v_th, plus β·a_j for ALIF.</summary>
        public int ThresholdOf(int j)
        {
            int th = Parameters.ThresholdQ16;
            if (!Adaptive) return th;
            return FixedPoint.SaturateToInt(th + (((long)Parameters.AdaptationBetaQ16 * AdaptationQ16[j]) >> 16));
        }

        private static void Validate(string name, LifParameters p, bool adaptive)
        {
            string where = "population '" + name + "': ";
            if (p.ThresholdQ16 <= 0 || p.ThresholdQ16 >= FixedPoint.StateLimitQ16)
                throw new ModelException(where + "ThresholdQ16 " + p.ThresholdQ16 + " must be in 1..2^30-1");
            if (p.TauMembraneUs < 0) throw new ModelException(where + "TauMembraneUs must be >= 0 (0 = no memory)");
            if (p.RefractoryTicks < 0 || p.RefractoryTicks > 255)
                throw new ModelException(where + "RefractoryTicks " + p.RefractoryTicks + " must be in 0..255");
            if (p.Reset != ResetMode.Subtract && p.Reset != ResetMode.Zero)
                throw new ModelException(where + "unknown reset mode " + (int)p.Reset);
            if (p.BiasQ16 <= -FixedPoint.StateLimitQ16 || p.BiasQ16 >= FixedPoint.StateLimitQ16)
                throw new ModelException(where + "BiasQ16 must be within ±2^30");
            if (adaptive)
            {
                if (p.TauAdaptationUs < 0) throw new ModelException(where + "TauAdaptationUs must be >= 0");
                if (p.AdaptationBetaQ16 < 0 || p.AdaptationBetaQ16 > 64 * FixedPoint.OneQ16)
                    throw new ModelException(where + "AdaptationBetaQ16 must be in 0..64.0 (Q16)");
            }
        }

        /// <inheritdoc/>
        public override void Integrate()
        {
            int[] v = MembraneQ16;
            int[] input = InputQ16;
            byte[] spiked = Spiked;
            byte[] refractory = RefractoryLeft;
            int[] list = SpikeList;
            int n = Size;
            int alpha = MembraneDecay12;
            int th = Parameters.ThresholdQ16;
            int bias = Parameters.BiasQ16;
            int subtract = Parameters.Reset == ResetMode.Subtract ? th : 0;
            bool zeroReset = Parameters.Reset == ResetMode.Zero;
            byte refractoryTicks = (byte)Parameters.RefractoryTicks;
            const int limit = FixedPoint.StateLimitQ16;
            int count = 0;

            if (!Adaptive)
            {
                for (int j = 0; j < n; j++)
                {
                    // |decayed v| <= 2^30 and |input + bias - reset| < 2^30 (builder's bound): no int overflow.
                    int x = FixedPoint.MultiplyDecay(v[j], alpha) + input[j] + bias;
                    if (spiked[j] != 0) x -= subtract;
                    input[j] = 0;
                    if (x > limit) x = limit; else if (x < -limit) x = -limit;
                    byte z = 0;
                    if (refractory[j] != 0) refractory[j]--;
                    else if (x >= th)
                    {
                        z = 1;
                        list[count++] = j;
                        refractory[j] = refractoryTicks;
                        if (zeroReset) x = 0;
                    }
                    v[j] = x;
                    spiked[j] = z;
                }
            }
            else
            {
                int[] a = AdaptationQ16;
                int rho = AdaptationDecay12;
                long beta = Parameters.AdaptationBetaQ16;
                for (int j = 0; j < n; j++)
                {
                    int x = FixedPoint.MultiplyDecay(v[j], alpha) + input[j] + bias;
                    int adapt = FixedPoint.MultiplyDecay(a[j], rho);
                    if (spiked[j] != 0)
                    {
                        x -= subtract;
                        adapt += FixedPoint.OneQ16;
                    }
                    if (adapt > limit) adapt = limit;
                    a[j] = adapt;
                    input[j] = 0;
                    if (x > limit) x = limit; else if (x < -limit) x = -limit;
                    long threshold = th + ((beta * adapt) >> 16);
                    byte z = 0;
                    if (refractory[j] != 0) refractory[j]--;
                    else if (x >= threshold)
                    {
                        z = 1;
                        list[count++] = j;
                        refractory[j] = refractoryTicks;
                        if (zeroReset) x = 0;
                    }
                    v[j] = x;
                    spiked[j] = z;
                }
            }
            SpikeCount = count;
            TotalSpikes += count;
        }

        /// <inheritdoc/>
        public override void ResetState()
        {
            base.ResetState();
            System.Array.Clear(MembraneQ16, 0, MembraneQ16.Length);
            System.Array.Clear(RefractoryLeft, 0, RefractoryLeft.Length);
            System.Array.Clear(AdaptationQ16, 0, AdaptationQ16.Length);
        }

        /// <inheritdoc/>
        public override int StateBytes
        {
            get { return base.StateBytes + MembraneQ16.Length * 4 + RefractoryLeft.Length + AdaptationQ16.Length * 4; }
        }

        /// <inheritdoc/>
        public override uint HashState(uint hash)
        {
            hash = base.HashState(hash);
            hash = StateHash.AddInts(hash, MembraneQ16);
            hash = StateHash.AddBytes(hash, RefractoryLeft);
            return StateHash.AddInts(hash, AdaptationQ16);
        }
    }
}
