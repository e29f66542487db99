namespace NanoSnn.Cli.Scenarios
{
    /// <summary>
    /// The default closed chain of <c>nanosnn run</c>: <see cref="SensorWorld"/> samples →
    /// <see cref="SendOnDeltaEncoder"/> (delta <see cref="SensorNetwork.SensorDelta"/>) →
    /// network → readout decoded to PWM duties by <see cref="LinearCommandDecoder"/>.
    /// All buffers are allocated here; <see cref="Tick"/> allocates nothing.
    /// </summary>
    public sealed class SensorScenario
    {
        /// <summary>The scenario's name in summaries.</summary>
        public const string Name = "sensor";

        /// <summary>PWM decoding: duty = clamp(512 + 512·y, 0, 1023), so y = ±1.0 spans the full range.</summary>
        public const int DutyGainQ16 = 512 * FixedPoint.OneQ16, DutyOffset = 512, DutyMin = 0, DutyMax = 1023;

        private readonly SendOnDeltaEncoder _encoder;
        private readonly int[] _samples;
        private readonly int[] _spikes;

        /// <summary>Wires <paramref name="network"/> (whose inputs must be 2 per sensor channel) to a world seeded with <paramref name="seed"/>.</summary>
        /// <exception cref="System.ArgumentException">The network's input size does not match the scenario.</exception>
        public SensorScenario(Network network, uint seed)
        {
            int expected = 2 * SensorNetwork.Channels;
            if (network.InputSize != expected)
                throw new System.ArgumentException("the network has " + network.InputSize + " input channels; the sensor scenario needs "
                    + expected + " (send-on-delta up and down for each of " + SensorNetwork.Channels + " sensor channels)");
            Network = network;
            World = new SensorWorld(SensorNetwork.Channels, network.DtUs, seed);
            int[] deltas = new int[SensorNetwork.Channels];
            for (int c = 0; c < deltas.Length; c++) deltas[c] = SensorNetwork.SensorDelta;
            _encoder = new SendOnDeltaEncoder(deltas);
            _samples = new int[SensorNetwork.Channels];
            _spikes = new int[_encoder.Outputs];
            Decoder = new LinearCommandDecoder(DutyGainQ16, DutyOffset, DutyMin, DutyMax);
            for (int p = 0; p < network.Populations.Length; p++)
            {
                ReadoutPopulation readout = network.Populations[p] as ReadoutPopulation;
                if (readout != null) { Readout = readout; break; }
            }
        }

        /// <summary>The simulated network.</summary>
        public readonly Network Network;

        /// <summary>The simulated sensors.</summary>
        public readonly SensorWorld World;

        /// <summary>Readout-to-duty decoder.</summary>
        public readonly LinearCommandDecoder Decoder;

        /// <summary>The first readout population, or null if the network has none.</summary>
        public readonly ReadoutPopulation Readout;

        /// <summary>Latest sensor samples.</summary>
        public int[] Samples { get { return _samples; } }

        /// <summary>The input spike indices given to the latest step: the first <see cref="SpikeCount"/> entries.</summary>
        public int[] Spikes { get { return _spikes; } }

        /// <summary>Input spikes of the latest step.</summary>
        public int SpikeCount { get; private set; }

        /// <summary>One tick: sample, encode, step (no reward, no supervision: the chain does not learn).</summary>
        public void Tick()
        {
            World.Sample(_samples);
            int count = _encoder.Encode(_samples, _spikes, 0, 0);
            SpikeCount = count;
            Network.Step(_spikes, count);
        }

        /// <summary>Writes the PWM duty of every readout unit into <paramref name="duties"/> (none without a readout); returns how many.</summary>
        public int DecodeDuties(int[] duties)
        {
            if (Readout == null) return 0;
            for (int k = 0; k < Readout.Size; k++) duties[k] = Decoder.Decode(Readout.ValueQ16[k]);
            return Readout.Size;
        }

        /// <summary>The PWM duty decoded from readout unit <paramref name="unit"/>.</summary>
        public int Duty(int unit)
        {
            return Decoder.Decode(Readout.ValueQ16[unit]);
        }
    }
}
