namespace NanoSnn
{
    /// <summary>
    /// Izhikevich (2003) neurons in fixed point, with per-neuron parameters a, b, c, d.
    /// Per 1 ms tick, with I = synaptic input + optional uniform noise current:
    /// <code>
    /// v ← v + 0.5·(0.04·v² + 5·v + 140 − u + I)     (twice: two 0.5 ms Euler half-steps)
    /// u ← u + a·(b·v − u)
    /// if v ≥ 30 mV: spike, v ← c, u ← u + d
    /// </code>
    /// Units are those of the model: v and u in mV, I in mV per ms, time in ms. The tick
    /// length is fixed at 1 ms by the equations (the builder rejects other tick lengths).
    /// </summary>
    /// <remarks>
    /// Formats and ranges:
    /// <list type="bullet">
    /// <item>v, u, c, d and I in <b>Q16</b> mV (mV/ms for I). v is held in
    /// [<see cref="MinMembraneQ16"/>, <see cref="PeakQ16"/>] = [−256, 30] mV and u in ±1024 mV;
    /// the peak clamp means that once a half-step reaches 30 mV the second half-step is
    /// skipped and u sees v = 30 (the float reference in the tests does the same; without
    /// it the quadratic term makes v explode to thousands of mV before the reset).</item>
    /// <item>a and b in <b>Q24</b> (relative error below 10^-6 for the published values).</item>
    /// <item>0.04·v² + 5·v = (0.04·v + 5)·v is evaluated in <c>long</c> with the factor
    /// (0.04·v + 5) kept in Q32: rounding it to Q16 first would be multiplied by |v| ≈ 60 and
    /// cost ten Q16 LSB per step. 0.04 is round(0.04·2^32) (relative error 10^-9);
    /// |0.04·v·2^32·2^16| &lt; 2^52 and |(0.04·v + 5)·v| &lt; 2^60 in Q48, so nothing overflows for v
    /// in [−256, 30] mV. The final shift to Q16 rounds to nearest.</item>
    /// <item>Noise: per neuron and tick a uniform current in [−A/2, A/2) with A =
    /// <see cref="NoiseAmplitudeQ16"/> (13 mV/ms in Izhikevich 2007), from the population's own
    /// generator so that adding noise does not perturb the network's learning generator.</item>
    /// </list>
    /// </remarks>
    public sealed class IzhikevichPopulation : Population
    {
        /// <summary>Spike detection level and peak of v, 30 mV in Q16.</summary>
        public const int PeakQ16 = 30 << 16;

        /// <summary>Lower bound of v, −256 mV in Q16 (reached only with absurd inhibitory input).</summary>
        public const int MinMembraneQ16 = -(256 << 16);

        /// <summary>Bound of |u|, 1024 mV in Q16.</summary>
        public const int RecoveryLimitQ16 = 1024 << 16;

        /// <summary>Largest noise amplitude, 1024 mV/ms in Q16.</summary>
        public const int MaxNoiseAmplitudeQ16 = 1024 << 16;

        /// <summary>Largest a, 1.0 in Q24 (a ≥ 0; beyond 1 the recovery update overshoots).</summary>
        public const int MaxAQ24 = 1 << 24;

        /// <summary>Bound of |b|, 4.0 in Q24 (keeps the rest value b·c within the bound of |u|).</summary>
        public const int MaxAbsBQ24 = 4 << 24;

        /// <summary>Bound of |d|, 256 mV in Q16.</summary>
        public const int MaxAbsDQ16 = 256 << 16;

        /// <summary>Regular spiking (excitatory) a = 0.02 in Q24.</summary>
        public const int RegularSpikingAQ24 = 335544;

        /// <summary>Regular spiking d = 8 mV in Q16.</summary>
        public const int RegularSpikingDQ16 = 8 << 16;

        /// <summary>Fast spiking (inhibitory) a = 0.1 in Q24.</summary>
        public const int FastSpikingAQ24 = 1677722;

        /// <summary>Fast spiking d = 2 mV in Q16.</summary>
        public const int FastSpikingDQ16 = 2 << 16;

        /// <summary>b = 0.2 in Q24 (both published types).</summary>
        public const int DefaultBQ24 = 3355443;

        /// <summary>c = −65 mV in Q16 (both published types).</summary>
        public const int DefaultCQ16 = -(65 << 16);

        // round(0.04 * 2^32)
        private const long PointZeroFourQ32 = 171798692L;
        private const long FiveQ32 = 5L << 32;
        private const long HundredFortyQ16 = 140L << 16;

        private readonly XorShift32 _noise;
        private readonly uint _noiseSeed;

        /// <summary>
        /// Creates <paramref name="size"/> regular-spiking neurons at rest (v = c, u = b·c);
        /// change models with <see cref="SetModel"/>. <paramref name="noiseAmplitudeQ16"/> = 0 turns the noise off.
        /// </summary>
        public IzhikevichPopulation(string name, int size, int noiseAmplitudeQ16, uint noiseSeed)
            : base(name, PopulationKind.Izhikevich, size, true, true)
        {
            if (noiseAmplitudeQ16 < 0 || noiseAmplitudeQ16 > MaxNoiseAmplitudeQ16)
                throw new ModelException("population '" + name + "': noise amplitude " + noiseAmplitudeQ16 + " must be in 0..1024.0 mV/ms (Q16)");
            NoiseAmplitudeQ16 = noiseAmplitudeQ16;
            _noiseSeed = noiseSeed;
            _noise = new XorShift32(noiseSeed);
            AQ24 = new int[size];
            BQ24 = new int[size];
            CQ16 = new int[size];
            DQ16 = new int[size];
            MembraneQ16 = new int[size];
            RecoveryQ16 = new int[size];
            SetRegularSpiking(0, size);
        }

        /// <summary>Amplitude A of the uniform noise current in [−A/2, A/2), Q16 mV/ms.</summary>
        public readonly int NoiseAmplitudeQ16;

        /// <summary>Recovery time scale a per neuron, Q24.</summary>
        public readonly int[] AQ24;

        /// <summary>Recovery sensitivity b per neuron, Q24.</summary>
        public readonly int[] BQ24;

        /// <summary>Reset potential c per neuron, Q16 mV.</summary>
        public readonly int[] CQ16;

        /// <summary>Recovery jump d per neuron, Q16 mV.</summary>
        public readonly int[] DQ16;

        /// <summary>Membrane potential v, Q16 mV (already reset to c in the tick of a spike).</summary>
        public readonly int[] MembraneQ16;

        /// <summary>Recovery variable u, Q16 mV.</summary>
        public readonly int[] RecoveryQ16;

        /// <summary>Seed of the noise generator: <see cref="ResetState"/> restarts it from here (model files store it).</summary>
        public uint NoiseSeed { get { return _noiseSeed; } }

        /// <summary>The noise generator's current state (never zero): checkpoints store it so that the noise continues where it was.</summary>
        public uint NoiseState { get { return _noise.State; } }

        /// <summary>Restores the noise generator's state from a checkpoint (the reader has checked it is not zero).</summary>
        internal void RestoreNoiseState(uint state)
        {
            _noise.State = state;
        }

        /// <summary>Whether neurons <paramref name="i"/> and <paramref name="j"/> have the same a, b, c and d.</summary>
        public bool SameModel(int i, int j)
        {
            return AQ24[i] == AQ24[j] && BQ24[i] == BQ24[j] && CQ16[i] == CQ16[j] && DQ16[i] == DQ16[j];
        }

        /// <summary>
        /// Number of maximal runs of consecutive neurons with the same a, b, c and d (1 for a
        /// uniform population, 2 for the distal-reward network's RS block followed by its FS
        /// block): model files store one parameter set per run, not four values per neuron.
        /// </summary>
        public int ParameterRuns
        {
            get
            {
                int runs = 1;
                for (int j = 1; j < Size; j++) if (!SameModel(j - 1, j)) runs++;
                return runs;
            }
        }

        /// <summary>
        /// Sets the model of neurons first..first+count-1 and puts them at rest (v = c, u = b·c).
        /// Set-up time only.
        /// </summary>
        public void SetModel(int first, int count, int aQ24, int bQ24, int cQ16, int dQ16)
        {
            string where = "population '" + Name + "': ";
            if (first < 0 || count < 0 || first + count > Size)
                throw new ModelException(where + "neurons " + first + ".." + (first + count - 1) + " are outside 0.." + (Size - 1));
            if (aQ24 < 0 || aQ24 > MaxAQ24) throw new ModelException(where + "a must be in 0..1.0 (Q24)");
            if (bQ24 < -MaxAbsBQ24 || bQ24 > MaxAbsBQ24) throw new ModelException(where + "b must be in -4.0..4.0 (Q24)");
            if (cQ16 <= MinMembraneQ16 || cQ16 >= PeakQ16) throw new ModelException(where + "c must be in -256..30 mV (Q16), both ends excluded");
            if (dQ16 < -MaxAbsDQ16 || dQ16 > MaxAbsDQ16) throw new ModelException(where + "d must be in -256..256 mV (Q16)");
            for (int j = first; j < first + count; j++)
            {
                AQ24[j] = aQ24;
                BQ24[j] = bQ24;
                CQ16[j] = cQ16;
                DQ16[j] = dQ16;
            }
            RestNeurons(first, count);
        }

        /// <summary>Regular-spiking neurons (a = 0.02, b = 0.2, c = −65, d = 8) for first..first+count-1.</summary>
        public void SetRegularSpiking(int first, int count)
        {
            SetModel(first, count, RegularSpikingAQ24, DefaultBQ24, DefaultCQ16, RegularSpikingDQ16);
        }

        /// <summary>Fast-spiking neurons (a = 0.1, b = 0.2, c = −65, d = 2) for first..first+count-1.</summary>
        public void SetFastSpiking(int first, int count)
        {
            SetModel(first, count, FastSpikingAQ24, DefaultBQ24, DefaultCQ16, FastSpikingDQ16);
        }

        private void RestNeurons(int first, int count)
        {
            for (int j = first; j < first + count; j++)
            {
                MembraneQ16[j] = CQ16[j];
                RecoveryQ16[j] = (int)(((long)BQ24[j] * CQ16[j] + (1L << 23)) >> 24);
            }
        }

        /// <inheritdoc/>
        public override void Integrate()
        {
            int[] v = MembraneQ16;
            int[] u = RecoveryQ16;
            int[] input = InputQ16;
            int[] aArr = AQ24;
            int[] bArr = BQ24;
            byte[] spiked = Spiked;
            long amplitude = NoiseAmplitudeQ16;
            long halfAmplitude = amplitude >> 1;
            // The noise generator's xorshift step is done on a local copy of its state (the same
            // sequence as XorShift32.NextUInt): through the field, every neuron would wait for the
            // previous one's store. With the noise off the draws are multiplied by 0 and the
            // state is not written back, so it is left alone.
            uint noise = _noise.State;
            int count = 0;
            for (int j = 0; j < v.Length; j++)
            {
                noise ^= noise << 13;
                noise ^= noise >> 17;
                noise ^= noise << 5;
                long drive = HundredFortyQ16 - u[j] + input[j] + (((long)(noise >> 16) * amplitude >> 16) - halfAmplitude);
                input[j] = 0;
                long vj = v[j];

                // First 0.5 ms half-step; the second only if the first stayed below the peak.
                long dv = ((((((PointZeroFourQ32 * vj) >> 16) + FiveQ32) * vj) + (1L << 31)) >> 32) + drive;
                vj += (dv + 1) >> 1;
                if (vj < PeakQ16)
                {
                    if (vj < MinMembraneQ16) vj = MinMembraneQ16;
                    dv = ((((((PointZeroFourQ32 * vj) >> 16) + FiveQ32) * vj) + (1L << 31)) >> 32) + drive;
                    vj += (dv + 1) >> 1;
                    if (vj < MinMembraneQ16) vj = MinMembraneQ16;
                }
                if (vj > PeakQ16) vj = PeakQ16;

                long uj = u[j];
                uj += ((long)aArr[j] * ((((long)bArr[j] * vj + (1L << 23)) >> 24) - uj) + (1L << 23)) >> 24;

                byte z = 0;
                if (vj == PeakQ16)
                {
                    z = 1;
                    SpikeList[count++] = j;
                    vj = CQ16[j];
                    uj += DQ16[j];
                }
                if (uj > RecoveryLimitQ16) uj = RecoveryLimitQ16;
                else if (uj < -RecoveryLimitQ16) uj = -RecoveryLimitQ16;
                v[j] = (int)vj;
                u[j] = (int)uj;
                spiked[j] = z;
            }
            if (amplitude != 0) _noise.State = noise;
            SpikeCount = count;
            TotalSpikes += count;
        }

        /// <inheritdoc/>
        public override void ResetState()
        {
            base.ResetState();
            RestNeurons(0, Size);
            _noise.Seed(_noiseSeed);
        }

        /// <inheritdoc/>
        public override int ParameterBytes { get { return Size * 16; } }

        /// <inheritdoc/>
        public override int StateBytes { get { return base.StateBytes + Size * 8; } }

        /// <inheritdoc/>
        public override uint HashState(uint hash)
        {
            hash = base.HashState(hash);
            hash = StateHash.AddInts(hash, MembraneQ16);
            hash = StateHash.AddInts(hash, RecoveryQ16);
            return StateHash.Add(hash, (int)_noise.State);
        }
    }
}
