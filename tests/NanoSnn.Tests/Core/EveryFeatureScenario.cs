namespace NanoSnn.Tests.Core
{
    /// <summary>
    /// A closed loop that exercises every feature of the core in one tick: three encoders
    /// into two input populations, LIF with both resets and refractoriness, ALIF, readouts,
    /// dense, sparse, recurrent and feedback projections, both decoders, the state hash and
    /// a checkpoint into a preallocated buffer.
    /// </summary>
    public sealed class EveryFeatureScenario
    {
        public readonly Network Network;
        private readonly BernoulliRateEncoder _rate;
        private readonly SendOnDeltaEncoder _delta;
        private readonly ThresholdCrossingEncoder _crossing;
        private readonly SpikeCountDecoder _counts;
        private readonly LinearCommandDecoder _command;
        private readonly ReadoutPopulation _out;
        private readonly int[] _spikes;
        private readonly int[] _samples = new int[4];
        private readonly int[] _rateProbabilities;
        public readonly byte[] Checkpoint;
        private readonly XorShift32 _signal = new XorShift32(99);
        public long CommandSum;
        public uint LastHash;

        public EveryFeatureScenario(uint seed)
        {
            var b = new NetworkBuilder(1000, seed);
            var rateIn = b.AddInput("rate", 16);
            var sensorIn = b.AddInput("sensors", 16); // 8 send-on-delta + 8 threshold-crossing outputs
            var sub = b.AddLif("sub", 40, new LifParameters { Reset = ResetMode.Subtract, TauMembraneUs = 20000, BiasQ16 = 500 });
            var zero = b.AddLif("zero", 20, new LifParameters { Reset = ResetMode.Zero, RefractoryTicks = 3, TauMembraneUs = 10000 });
            var alif = b.AddAlif("alif", 20, new LifParameters { TauAdaptationUs = 200000, AdaptationBetaQ16 = 20000 });
            _out = b.AddReadout("out", 3, 30000, 0);
            b.AddDense("rate-sub", rateIn, sub, 4).InitializeGaussian(b.Rng, 30000);
            b.AddDense("sensors-zero", sensorIn, zero, 4).InitializeGaussian(b.Rng, 40000);
            b.AddSparseRandom("sub-sub", sub, sub, 4, 6).InitializeGaussian(b.Rng, 15000);
            b.AddSparseRandom("sub-alif", sub, alif, 4, 8).InitializeGaussian(b.Rng, 30000);
            b.AddSparseRandom("alif-sub", alif, sub, 4, 5).InitializeGaussian(b.Rng, 10000); // feedback: one-tick delay
            b.AddDense("zero-alif", zero, alif, 4).InitializeGaussian(b.Rng, 20000);
            b.AddDense("sub-out", sub, _out, 2).InitializeGaussian(b.Rng, 5000);
            b.AddDense("alif-out", alif, _out, 2).InitializeGaussian(b.Rng, 5000);
            Network = b.Build();

            _rate = new BernoulliRateEncoder(16, seed + 1);
            _rateProbabilities = new int[16];
            for (int c = 0; c < 16; c++) _rateProbabilities[c] = 1000 + 400 * c;
            _delta = new SendOnDeltaEncoder(new[] { 30, 30, 50, 50 });
            _crossing = new ThresholdCrossingEncoder(new[] { 0, 100, -100, 0 }, 20);
            _counts = new SpikeCountDecoder(sub, 50);
            _command = new LinearCommandDecoder(512 * 65536, 512, 0, 1023);
            _spikes = new int[Network.InputSize];
            Checkpoint = new byte[ModelWriter.MeasureBytes(Network, true)];
        }

        public void Tick()
        {
            long t = Network.Tick;
            for (int c = 0; c < 4; c++)
                _samples[c] = (int)((t * (c + 1) * 7) % 800) - 400 + (int)(_signal.NextUInt() % 21) - 10;
            int n = _rate.Encode(_rateProbabilities, _spikes, 0, 0);
            n = _delta.Encode(_samples, _spikes, n, 16);
            n = _crossing.Encode(_samples, _spikes, n, 24);
            Network.Step(_spikes, n);
            _counts.Update();
            if (_counts.WindowClosed) CommandSum += _counts.Winner;
            for (int k = 0; k < _out.Size; k++) CommandSum += _command.Decode(_out.ValueQ16[k]);
            if (t % 100 == 0) LastHash = Network.ComputeStateHash();
            if (t % 1000 == 0) ModelWriter.Write(Network, true, Checkpoint, 0);
        }
    }
}
