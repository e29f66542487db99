namespace NanoSnn
{
    /// <summary>
    /// Commands from the firing rates of spiking populations (motor neurons): each population's
    /// rate r_p (spikes per neuron per tick, Q16) is low-pass filtered with time constant τ, and
    /// <code>
    /// command_k = clamp(offset_k + Σ_p gain_kp · r_p, −100, 100)      (percent)
    /// </code>
    /// With two motor populations L and R and gains [[+g, −g], [−g, +g]] this is the push-pull
    /// drive of a differential robot: L speeds the left wheel and slows the right one (a right
    /// turn), R the reverse, and the offsets are the cruising speed. The natural decoder for
    /// reward-modulated STDP, whose learning acts on spiking motor neurons.
    /// </summary>
    /// <remarks>
    /// Rates are Q16 spikes per neuron per tick (1.0 = every neuron every tick; 50 Hz at 1 ms
    /// ticks = 0.05 = 3277). Gains are whole percent per unit of rate, so a gain of 1000 turns
    /// 0.1 spikes per neuron per tick (100 Hz at 1 ms) into 100 %. The filter
    /// r ← κ·r + (1 − κ)·(spikes/size) uses a Decay12 κ = exp(−dt/τ); the product gain·r is
    /// formed in long and rounded to nearest.
    /// </remarks>
    public sealed class RateCommandDecoder : CommandDecoder
    {
        private readonly Population[] _populations;
        private readonly int[] _gainPercent;
        private readonly int[] _offsetPercent;
        private readonly int _decay12;

        /// <summary>
        /// Creates a decoder over <paramref name="populations"/> (spiking; the array is copied).
        /// <paramref name="gainPercent"/> is row-major [command·populations + population];
        /// <paramref name="offsetPercent"/> has one entry per command (its length sets the number
        /// of commands). <paramref name="tauUs"/> is the rate filter's time constant
        /// (0 = this tick's spikes only) for ticks of <paramref name="dtUs"/>.
        /// </summary>
        public RateCommandDecoder(Population[] populations, int[] gainPercent, int[] offsetPercent, int tauUs, int dtUs)
            : base(offsetPercent == null ? 0 : offsetPercent.Length)
        {
            if (populations == null || populations.Length == 0) throw new System.ArgumentException("rate decoder: at least one population is needed");
            for (int p = 0; p < populations.Length; p++)
            {
                if (populations[p] == null || !populations[p].IsSpiking)
                    throw new System.ArgumentException("rate decoder: population " + p + " must be a spiking population");
            }
            if (gainPercent == null || gainPercent.Length != Commands * populations.Length)
                throw new System.ArgumentException("rate decoder: gains must have commands x populations = " + (Commands * populations.Length) + " entries");
            for (int g = 0; g < gainPercent.Length; g++)
            {
                if (gainPercent[g] < -1000000 || gainPercent[g] > 1000000)
                    throw new System.ArgumentException("rate decoder: gain " + g + " (" + gainPercent[g] + ") must be within +-1,000,000 % per unit rate");
            }
            for (int k = 0; k < offsetPercent.Length; k++)
            {
                if (offsetPercent[k] < -100 || offsetPercent[k] > 100)
                    throw new System.ArgumentException("rate decoder: offset of command " + k + " (" + offsetPercent[k] + ") must be in -100..100");
            }
            if (tauUs < 0 || dtUs <= 0) throw new System.ArgumentException("rate decoder: tau must be >= 0 and the tick positive");
            _populations = new Population[populations.Length];
            System.Array.Copy(populations, _populations, populations.Length);
            _gainPercent = new int[gainPercent.Length];
            System.Array.Copy(gainPercent, _gainPercent, gainPercent.Length);
            _offsetPercent = new int[offsetPercent.Length];
            System.Array.Copy(offsetPercent, _offsetPercent, offsetPercent.Length);
            _decay12 = Decay.FromTau(tauUs, dtUs);
            RateQ16 = new int[populations.Length];
        }

        /// <summary>Filtered rate of each population, Q16 spikes per neuron per tick.</summary>
        public readonly int[] RateQ16;

        /// <summary>The decoded populations (a copy of the array given).</summary>
        public Population[] Populations { get { return _populations; } }

        /// <summary>Filter multiplier κ, Decay12.</summary>
        public int Decay12 { get { return _decay12; } }

        /// <inheritdoc/>
        public override void Decode(int[] commandsPercent)
        {
            int np = _populations.Length;
            int keep = _decay12;
            int take = FixedPoint.OneDecay12 - keep;
            for (int p = 0; p < np; p++)
            {
                Population pop = _populations[p];
                // spikes/size in Q16: at most 65535·65536, which fits a long, not an int.
                int fraction = (int)(((long)pop.SpikeCount << 16) / pop.Size);
                RateQ16[p] = FixedPoint.MultiplyDecay(RateQ16[p], keep) + ((fraction * take + 2048) >> 12);
            }
            for (int k = 0; k < Commands; k++)
            {
                long sum = 0;
                int row = k * np;
                for (int p = 0; p < np; p++) sum += (long)_gainPercent[row + p] * RateQ16[p];
                long command = _offsetPercent[k] + ((sum + 32768) >> 16);
                commandsPercent[k] = command < -100 ? -100 : (command > 100 ? 100 : (int)command);
            }
        }

        /// <summary>Forgets the rates (the commands fall back to the offsets).</summary>
        public override void Reset()
        {
            System.Array.Clear(RateQ16, 0, RateQ16.Length);
        }
    }
}
