namespace NanoSnn.Cli.Scenarios
{
    /// <summary>
    /// Simulated sensor signals for the default scenario: each channel is an offset plus a
    /// slow and a faster sine (random frequencies, amplitudes and phases drawn from the seed)
    /// plus Gaussian noise, in sensor units spanning roughly ±1000 (ADC-like counts). Integer
    /// arithmetic only (see <see cref="IntegerSine"/>), so a seed gives the same samples on
    /// every host.
    /// </summary>
    public sealed class SensorWorld
    {
        /// <summary>Slow component: 0.10..0.50 Hz, amplitude 500..700 units.</summary>
        private const int SlowMinMilliHz = 100, SlowSpanMilliHz = 400, SlowMinAmplitude = 500, SlowSpanAmplitude = 200;

        /// <summary>Faster component: 0.5..2.0 Hz, amplitude 120..240 units.</summary>
        private const int FastMinMilliHz = 500, FastSpanMilliHz = 1500, FastMinAmplitude = 120, FastSpanAmplitude = 120;

        /// <summary>Offsets within ±100 units; noise σ in units.</summary>
        private const int OffsetSpan = 100, NoiseSigma = 8;

        private readonly XorShift32 _noise;
        private readonly int[] _offset;
        private readonly int[] _slowAmplitude;
        private readonly int[] _fastAmplitude;
        private readonly uint[] _slowStep;
        private readonly uint[] _fastStep;
        private readonly uint[] _slowPhase;
        private readonly uint[] _fastPhase;

        /// <summary>Creates <paramref name="channels"/> channels sampled every <paramref name="dtUs"/> µs.</summary>
        public SensorWorld(int channels, int dtUs, uint seed)
        {
            if (channels <= 0) throw new System.ArgumentOutOfRangeException(nameof(channels), "must be positive");
            Channels = channels;
            DtUs = dtUs;
            XorShift32 rng = new XorShift32(seed ^ 0x5E2502u);
            _offset = new int[channels];
            _slowAmplitude = new int[channels];
            _fastAmplitude = new int[channels];
            _slowStep = new uint[channels];
            _fastStep = new uint[channels];
            _slowPhase = new uint[channels];
            _fastPhase = new uint[channels];
            for (int c = 0; c < channels; c++)
            {
                _offset[c] = rng.NextInt(2 * OffsetSpan + 1) - OffsetSpan;
                _slowAmplitude[c] = SlowMinAmplitude + rng.NextInt(SlowSpanAmplitude + 1);
                _fastAmplitude[c] = FastMinAmplitude + rng.NextInt(FastSpanAmplitude + 1);
                _slowStep[c] = IntegerSine.PhaseStep(SlowMinMilliHz + rng.NextInt(SlowSpanMilliHz + 1), dtUs);
                _fastStep[c] = IntegerSine.PhaseStep(FastMinMilliHz + rng.NextInt(FastSpanMilliHz + 1), dtUs);
                _slowPhase[c] = rng.NextUInt();
                _fastPhase[c] = rng.NextUInt();
            }
            _noise = new XorShift32(seed ^ 0x0A15Eu);
        }

        /// <summary>Number of channels.</summary>
        public readonly int Channels;

        /// <summary>Sampling period, µs.</summary>
        public readonly int DtUs;

        /// <summary>Writes one sample per channel (sensor units) and advances time by one tick. Allocates nothing.</summary>
        public void Sample(int[] samples)
        {
            for (int c = 0; c < Channels; c++)
            {
                int slow = (_slowAmplitude[c] * IntegerSine.SinQ15(_slowPhase[c])) >> 15;
                int fast = (_fastAmplitude[c] * IntegerSine.SinQ15(_fastPhase[c])) >> 15;
                int noise = (int)(((long)_noise.NextGaussianQ16() * NoiseSigma) >> 16);
                samples[c] = _offset[c] + slow + fast + noise;
                _slowPhase[c] += _slowStep[c];
                _fastPhase[c] += _fastStep[c];
            }
        }
    }
}
