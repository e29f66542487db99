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

        /// <summary>
        /// Reward schedule: a reward of <see cref="RewardQ16"/> goes to the network's learning
        /// rules (<see cref="Network.Reward"/>) before the step of every tick t with
        /// (t + 1) mod N = 0, t being <see cref="Network.Tick"/> before the step (so the N-th,
        /// 2N-th, ... tick of the network's life); 0 = no rewards. A fixed schedule, not a task:
        /// it lets a model's reward-modulated rules (R-STDP) learn in a run that can be recorded
        /// and replayed.
        /// </summary>
        public int RewardEveryTicks;

        /// <summary>Size of a scheduled reward, Q16 (0 delivers nothing).</summary>
        public int RewardQ16;

        /// <summary>The reward delivered before the latest step, Q16 (0 when none): what telemetry records for the tick.</summary>
        public int DeliveredRewardQ16 { get; private set; }

        /// <summary>Rewards delivered since the scenario was created.</summary>
        public long RewardsDelivered { get; private set; }

        /// <summary>One tick: sample, encode, deliver the scheduled reward (if due), step. No supervision.</summary>
        public void Tick()
        {
            World.Sample(_samples);
            int count = _encoder.Encode(_samples, _spikes, 0, 0);
            SpikeCount = count;
            DeliveredRewardQ16 = 0;
            if (RewardEveryTicks > 0 && RewardQ16 != 0 && (Network.Tick + 1) % RewardEveryTicks == 0)
            {
                Network.Reward(RewardQ16);
                DeliveredRewardQ16 = RewardQ16;
                RewardsDelivered++;
            }
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
