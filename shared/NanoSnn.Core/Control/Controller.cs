namespace NanoSnn
{
    /// <summary>
    /// The controller loop the firmware and the simulator both run, one call to
    /// <see cref="Tick"/> per tick:
    /// <code>
    /// read sensors → encode → (learning signal → network.Reward / network.Supervise)
    ///              → network.Step (propagate, integrate, learn) → decode → drive actuators → observe
    /// </code>
    /// The reward and supervision of tick t are decided from tick t's samples (the
    /// consequence of tick t−1's commands) and delivered before step t; telemetry records
    /// them with tick t so a replay delivers them at the same point. Everything is allocated
    /// here; <see cref="Tick"/> allocates nothing.
    /// </summary>
    public sealed class Controller
    {
        private readonly ISensorInputs _sensors;
        private readonly IActuatorOutputs _actuators;

        /// <summary>
        /// Wires a controller. The encoder's outputs must equal the network's input size, the
        /// decoder's commands the actuators' channels and the sensors' channels the encoder's;
        /// <paramref name="signal"/> may be null (no learning signal).
        /// </summary>
        public Controller(Network network, ISensorInputs sensors, SpikeEncoder encoder, CommandDecoder decoder,
            IActuatorOutputs actuators, LearningSignal signal)
        {
            if (network == null) throw new ModelException("controller: network is required");
            if (sensors == null) throw new ModelException("controller: sensors are required");
            if (encoder == null) throw new ModelException("controller: encoder is required");
            if (decoder == null) throw new ModelException("controller: decoder is required");
            if (actuators == null) throw new ModelException("controller: actuators are required");
            if (sensors.Channels != encoder.Channels)
                throw new ModelException("controller: the sensors give " + sensors.Channels + " channels but the encoder reads " + encoder.Channels);
            if (encoder.Outputs != network.InputSize)
                throw new ModelException("controller: the encoder has " + encoder.Outputs + " outputs but the network has " + network.InputSize + " inputs");
            if (decoder.Commands != actuators.Channels)
                throw new ModelException("controller: the decoder gives " + decoder.Commands + " commands but the actuators take " + actuators.Channels);

            Network = network;
            _sensors = sensors;
            Encoder = encoder;
            Decoder = decoder;
            _actuators = actuators;
            Signal = signal;
            Samples = new int[sensors.Channels];
            Spikes = new int[encoder.Outputs];
            Commands = new int[decoder.Commands];
        }

        /// <summary>The network.</summary>
        public readonly Network Network;

        /// <summary>The encoder of the sensor samples.</summary>
        public readonly SpikeEncoder Encoder;

        /// <summary>The decoder of the actuator commands.</summary>
        public readonly CommandDecoder Decoder;

        /// <summary>The learning signal, or null.</summary>
        public readonly LearningSignal Signal;

        /// <summary>This tick's sensor samples (the previous tick's after a failed read).</summary>
        public readonly int[] Samples;

        /// <summary>This tick's input spike indices, [0..<see cref="SpikeCount"/>).</summary>
        public readonly int[] Spikes;

        /// <summary>Number of input spikes this tick.</summary>
        public int SpikeCount;

        /// <summary>This tick's commands, signed percent.</summary>
        public readonly int[] Commands;

        /// <summary>Reward delivered before this tick's step, Q16 (0 when none or learning is off).</summary>
        public int DeliveredRewardQ16;

        /// <summary>Whether supervision was delivered before this tick's step.</summary>
        public bool DeliveredSupervision;

        /// <summary>Sensor reads that failed since build or reset.</summary>
        public long SensorFaults;

        /// <summary>Sees every finished tick (telemetry, recording), or null.</summary>
        public IControllerObserver Observer;

        private bool _learning = true;

        /// <summary>
        /// Whether learning runs: switches every attached rule and the delivery of the learning
        /// signal (a mode button, or a test phase). Switching off keeps all learned state. Set it
        /// between ticks; telemetry records the rules' Enabled flags with every tick (see
        /// <see cref="TelemetryFormat"/>), so a replay switches where the device did.
        /// </summary>
        public bool Learning
        {
            get { return _learning; }
            set
            {
                _learning = value;
                Plasticity[] rules = Network.Rules;
                for (int r = 0; r < rules.Length; r++) rules[r].Enabled = value;
            }
        }

        /// <summary>Runs one tick of the loop. Allocates nothing.</summary>
        public void Tick()
        {
            // read + encode
            if (!_sensors.TryRead(Samples)) SensorFaults++;
            SpikeCount = Encoder.Encode(Samples, 0, Spikes, 0, 0);

            // the third factor, decided from this tick's samples and last tick's commands
            DeliveredRewardQ16 = 0;
            DeliveredSupervision = false;
            LearningSignal signal = Signal;
            if (signal != null)
            {
                signal.Evaluate(Samples, Commands, Network.Tick);
                if (_learning)
                {
                    if (signal.RewardQ16 != 0)
                    {
                        Network.Reward(signal.RewardQ16);
                        DeliveredRewardQ16 = signal.RewardQ16;
                    }
                    if (signal.Supervises)
                    {
                        Network.Supervise(signal.TargetQ16, signal.TargetClass, signal.TargetValid);
                        DeliveredSupervision = true;
                    }
                }
            }

            // propagate, integrate, learn
            Network.Step(Spikes, SpikeCount);

            // decode + act
            Decoder.Decode(Commands);
            _actuators.Write(Commands);

            // observe
            IControllerObserver observer = Observer;
            if (observer != null) observer.AfterTick(this);
        }

        /// <summary>Resets the encoder, decoder, signal and fault count (not the network, not the learned weights).</summary>
        public void ResetLoop()
        {
            Encoder.Reset();
            Decoder.Reset();
            if (Signal != null) Signal.Reset();
            System.Array.Clear(Commands, 0, Commands.Length);
            SensorFaults = 0;
        }
    }
}
