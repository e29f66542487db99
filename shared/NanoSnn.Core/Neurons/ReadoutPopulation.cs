namespace NanoSnn
{
    /// <summary>
    /// Leaky, non-spiking readout units: y_k ← κ·y_k + I_k + b_k, with κ = exp(−dt/τ_out)
    /// as Decay12 and y clamped to ±<see cref="FixedPoint.StateLimitQ16"/>. Decoders turn
    /// y into commands.
    /// </summary>
    public sealed class ReadoutPopulation : Population
    {
        /// <summary>Creates <paramref name="size"/> readout units for tick length <paramref name="dtUs"/>.</summary>
        public ReadoutPopulation(string name, int size, int tauUs, int biasQ16, int dtUs)
            : base(name, PopulationKind.Readout, size, false, true)
        {
            if (tauUs < 0) throw new ModelException("population '" + name + "': tau must be >= 0 µs (0 = no memory)");
            if (biasQ16 <= -FixedPoint.StateLimitQ16 || biasQ16 >= FixedPoint.StateLimitQ16)
                throw new ModelException("population '" + name + "': BiasQ16 must be within ±2^30");
            TauUs = tauUs;
            Bias = biasQ16;
            Decay12 = Decay.FromTau(tauUs, dtUs);
            ValueQ16 = new int[size];
        }

        /// <summary>Time constant τ_out in µs.</summary>
        public readonly int TauUs;

        /// <summary>κ as Decay12.</summary>
        public readonly int Decay12;

        /// <summary>Constant input b added every tick, Q16 (the same for every unit).</summary>
        public readonly int Bias;

        /// <summary>Readout values y, Q16.</summary>
        public readonly int[] ValueQ16;

        /// <inheritdoc/>
        public override int BiasQ16 { get { return Bias; } }

        /// <inheritdoc/>
        public override void Integrate()
        {
            int[] y = ValueQ16;
            int[] input = InputQ16;
            int kappa = Decay12;
            int b = Bias;
            const int limit = FixedPoint.StateLimitQ16;
            for (int k = 0; k < y.Length; k++)
            {
                int x = FixedPoint.MultiplyDecay(y[k], kappa) + input[k] + b;
                input[k] = 0;
                if (x > limit) x = limit; else if (x < -limit) x = -limit;
                y[k] = x;
            }
        }

        /// <inheritdoc/>
        public override void ResetState()
        {
            base.ResetState();
            System.Array.Clear(ValueQ16, 0, ValueQ16.Length);
        }

        /// <inheritdoc/>
        public override int StateBytes { get { return base.StateBytes + ValueQ16.Length * 4; } }

        /// <inheritdoc/>
        public override uint HashState(uint hash)
        {
            return StateHash.AddInts(base.HashState(hash), ValueQ16);
        }
    }
}
