namespace NanoSnn
{
    /// <summary>
    /// The reference sensor network that <c>nanosnn run</c> simulates and the firmware
    /// flashes by default: sampled sensor channels, send-on-delta encoded, drive a recurrent
    /// population of LIF and ALIF neurons whose spikes feed leaky readouts (one per actuator).
    /// <code>
    /// sensors (Channels) --send-on-delta--> "in" (2·Channels)
    ///   "in"  -> "lif"  dense      "lif"  -> "lif"  sparse recurrent   "lif"  -> "alif" sparse
    ///   "in"  -> "alif" dense      "alif" -> "lif"  sparse (1-tick delay)
    ///   "lif" -> "out"  dense      "alif" -> "out"  dense
    /// </code>
    /// </summary>
    public static class SensorNetwork
    {
        /// <summary>Sampled sensor channels.</summary>
        public const int Channels = 4;

        /// <summary>LIF neurons.</summary>
        public const int LifSize = 64;

        /// <summary>ALIF neurons.</summary>
        public const int AlifSize = 32;

        /// <summary>Readout units (actuators).</summary>
        public const int Outputs = 2;

        /// <summary>Recurrent synapses per presynaptic neuron.</summary>
        public const int RecurrentFanOut = 12;

        /// <summary>Send-on-delta step of every channel, in sensor units (the simulated sensors span ±1000).</summary>
        public const int SensorDelta = 40;

        /// <summary>Builds the network with weights drawn from <paramref name="seed"/>.</summary>
        public static Network Build(uint seed)
        {
            NetworkBuilder b = new NetworkBuilder(1000, seed);
            InputPopulation input = b.AddInput("in", 2 * Channels);

            LifParameters lif = new LifParameters();
            lif.TauMembraneUs = 20000;
            lif.RefractoryTicks = 2;
            lif.BiasQ16 = FixedPoint.OneQ16 / 40;
            LifPopulation hidden = b.AddLif("lif", LifSize, lif);

            LifParameters alif = lif.Clone();
            alif.TauAdaptationUs = 300000;
            alif.AdaptationBetaQ16 = FixedPoint.OneQ16 / 5;
            LifPopulation adaptive = b.AddAlif("alif", AlifSize, alif);

            ReadoutPopulation output = b.AddReadout("out", Outputs, 30000, 0);

            // Weight shift 4: weights span ±8.0 in steps of 2^-12 of the threshold.
            const int shift = 4;
            Init(b.AddDense("in-lif", input, hidden, shift), b.Rng, FixedPoint.OneQ16 * 5 / 10);
            Init(b.AddDense("in-alif", input, adaptive, shift), b.Rng, FixedPoint.OneQ16 * 5 / 10);
            Init(b.AddSparseRandom("lif-lif", hidden, hidden, shift, RecurrentFanOut), b.Rng, FixedPoint.OneQ16 / 6);
            Init(b.AddSparseRandom("lif-alif", hidden, adaptive, shift, RecurrentFanOut), b.Rng, FixedPoint.OneQ16 / 6);
            Init(b.AddSparseRandom("alif-lif", adaptive, hidden, shift, RecurrentFanOut), b.Rng, FixedPoint.OneQ16 / 6);
            Init(b.AddDense("lif-out", hidden, output, shift), b.Rng, FixedPoint.OneQ16 / 20);
            Init(b.AddDense("alif-out", adaptive, output, shift), b.Rng, FixedPoint.OneQ16 / 20);
            return b.Build();
        }

        private static void Init(Projection projection, XorShift32 rng, int scaleQ16)
        {
            projection.InitializeGaussian(rng, scaleQ16);
        }
    }
}
