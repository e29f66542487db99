namespace NanoSnn
{
    /// <summary>
    /// A robot controller that learns obstacle avoidance with reward-modulated STDP, the same
    /// on the device and in the simulator. Samples: S distance sensors (proximity), a bumper,
    /// the left and right wheel encoder counts since the previous tick (read by the reward only;
    /// then, optionally, more channels it ignores). Commands: left and right motor, percent.
    /// <code>
    /// proximity ×S ─rate─┐
    /// bumper       ─rate─┴─► "in" (S+1) ──dense, R-STDP (+1)──► "left"  (LIF) ─┐ push-pull
    ///                                   ──dense, R-STDP (−1)──► "right" (LIF) ─┘ rate decoder ─► motors
    /// tonic (bias)       ──► "tonic" (1) ─dense, R-STDP (±1, faster)─► both     (the trim)
    /// reward: <see cref="AvoidanceReward"/> (steering demand from the distance sensors and bumper minus the turn the encoders measure)
    /// </code>
    /// "left" speeds the left wheel and slows the right one (a right turn), "right" the reverse;
    /// both motors cruise at <see cref="AvoidanceBrainParameters.CruisePercent"/>. The naive
    /// network drives both populations alike, so it drives straight into whatever it meets.
    /// The always-active tonic input's synapses learn a trim: with one weak motor the robot
    /// turns in open space, the reward opposes the turn, and the trim grows on the weak side.
    /// Its rules learn faster than the sensors' (a larger trace), because drifting in open space
    /// gives a small reward, and slowing the sensors' learning instead would leave a naive
    /// network colliding for longer.
    /// </summary>
    public sealed class AvoidanceBrain
    {
        private AvoidanceBrain()
        {
        }

        /// <summary>The network: "in", "tonic", "left", "right"; projections "in-left", "in-right", "tonic-left", "tonic-right" (all learned).</summary>
        public Network Network;

        /// <summary>Input population: S proximity, bumper.</summary>
        public InputPopulation Input;

        /// <summary>The tonic (bias) input.</summary>
        public InputPopulation Tonic;

        /// <summary>The motor population that turns the robot right (speeds the left wheel).</summary>
        public LifPopulation Left;

        /// <summary>The motor population that turns the robot left.</summary>
        public LifPopulation Right;

        /// <summary>R-STDP on "in-left" (modulation sign +1).</summary>
        public RewardStdp LeftRule;

        /// <summary>R-STDP on "in-right" (modulation sign −1).</summary>
        public RewardStdp RightRule;

        /// <summary>R-STDP on "tonic-left" (+1).</summary>
        public RewardStdp LeftTrimRule;

        /// <summary>R-STDP on "tonic-right" (−1).</summary>
        public RewardStdp RightTrimRule;

        /// <summary>The sample encoder.</summary>
        public EncoderBank Encoder;

        /// <summary>The push-pull rate decoder.</summary>
        public RateCommandDecoder Decoder;

        /// <summary>The reward.</summary>
        public AvoidanceReward Reward;

        /// <summary>The parameters (a private copy, with the reward's channels filled in).</summary>
        public AvoidanceBrainParameters Parameters;

        /// <summary>Sample channels the brain reads: S + 3 (the encoder's channels, without any ignored extra ones).</summary>
        public int Channels { get { return Parameters.SteeringPerMille.Length + 3; } }

        /// <summary>
        /// Builds the brain for 1 ms ticks with weights drawn from <paramref name="seed"/>;
        /// <paramref name="extraChannels"/> sample channels after the brain's own are ignored
        /// by the network (they may carry a teacher's commands for another signal).
        /// </summary>
        public static AvoidanceBrain Build(AvoidanceBrainParameters parameters, uint seed, int extraChannels)
        {
            if (parameters == null) throw new ModelException("avoidance brain: parameters are required");
            AvoidanceBrainParameters p = parameters.Clone();
            int sensors = p.SteeringPerMille.Length;
            if (sensors < 1) throw new ModelException("avoidance brain: at least one distance sensor is needed");
            if (p.MotorNeurons < 1) throw new ModelException("avoidance brain: MotorNeurons must be >= 1");
            if (extraChannels < 0) throw new ModelException("avoidance brain: extraChannels must be >= 0");
            int maxWeight = p.MaxWeightQ16 >> p.WeightShift;
            if (maxWeight > short.MaxValue) throw new ModelException("avoidance brain: MaxWeightQ16 does not fit the weight shift " + p.WeightShift);

            AvoidanceBrain brain = new AvoidanceBrain();
            brain.Parameters = p;
            NetworkBuilder b = new NetworkBuilder(1000, seed);
            brain.Input = b.AddInput("in", sensors + 1);
            brain.Tonic = b.AddInput("tonic", 1);
            LifParameters lif = new LifParameters();
            lif.TauMembraneUs = p.MotorTauUs;
            lif.RefractoryTicks = 2;
            lif.BiasQ16 = p.MotorBiasQ16;
            brain.Left = b.AddLif("left", p.MotorNeurons, lif);
            brain.Right = b.AddLif("right", p.MotorNeurons, lif);
            DenseProjection toLeft = b.AddDense("in-left", brain.Input, brain.Left, p.WeightShift);
            DenseProjection toRight = b.AddDense("in-right", brain.Input, brain.Right, p.WeightShift);
            DenseProjection trimLeft = b.AddDense("tonic-left", brain.Tonic, brain.Left, p.WeightShift);
            DenseProjection trimRight = b.AddDense("tonic-right", brain.Tonic, brain.Right, p.WeightShift);
            // Both populations start alike in distribution (but not synapse by synapse).
            FillUniform(toLeft, b.Rng, p.InitialWeightQ16, p.InitialSpreadQ16);
            FillUniform(toRight, b.Rng, p.InitialWeightQ16, p.InitialSpreadQ16);
            FillUniform(trimLeft, b.Rng, p.InitialWeightQ16, p.InitialSpreadQ16);
            FillUniform(trimRight, b.Rng, p.InitialWeightQ16, p.InitialSpreadQ16);

            brain.Network = b.Build();

            RewardStdpParameters stdp = new RewardStdpParameters();
            stdp.DepressionGainQ16 = p.DepressionGainQ16;
            stdp.TraceOnSpikeQ16 = p.TraceOnSpikeQ16;
            stdp.EligibilityDecayFactor16 = p.EligibilityDecayFactor16;
            stdp.TonicQ16 = 0; // no reward, no change: the robot must not drift while nothing happens
            stdp.WeightMin = 0;
            stdp.WeightMax = maxWeight;
            stdp.ModulationSign = 1;
            brain.LeftRule = new RewardStdp(toLeft, stdp);
            stdp.ModulationSign = -1;
            brain.RightRule = new RewardStdp(toRight, stdp);
            stdp.TraceOnSpikeQ16 = p.TrimTraceOnSpikeQ16;
            stdp.ModulationSign = 1;
            brain.LeftTrimRule = new RewardStdp(trimLeft, stdp);
            stdp.ModulationSign = -1;
            brain.RightTrimRule = new RewardStdp(trimRight, stdp);
            brain.Network.Attach(brain.LeftRule);
            brain.Network.Attach(brain.RightRule);
            brain.Network.Attach(brain.LeftTrimRule);
            brain.Network.Attach(brain.RightTrimRule);

            SpikeEncoder[] parts = new SpikeEncoder[extraChannels > 0 ? 5 : 4];
            parts[0] = new RateEncoder(sensors, 0, p.ProximityFullScale, p.InputMaxProbabilityQ16, seed * 2654435761u + 11);
            parts[1] = new RateEncoder(1, 0, 1, p.InputMaxProbabilityQ16, seed * 2654435761u + 12);
            parts[2] = new TonicEncoder(1, p.TonicProbabilityQ16, seed * 2654435761u + 13);
            parts[3] = new UnencodedChannels(2); // wheel encoders: the reward reads them
            if (extraChannels > 0) parts[4] = new UnencodedChannels(extraChannels);
            brain.Encoder = new EncoderBank(parts);

            Population[] motors = new Population[2];
            motors[0] = brain.Left;
            motors[1] = brain.Right;
            int g = p.SteerGainPercent;
            int h = p.BrakeGainPercent;
            int[] gains = new int[4];
            gains[0] = g - h; gains[1] = -g - h;   // left wheel: + left population, − right population, − braking
            gains[2] = -g - h; gains[3] = g - h;   // right wheel
            int[] offsets = new int[2];
            int spontaneous = (int)(((long)2 * h * SpontaneousRateQ16(p) + 32768) >> 16);
            offsets[0] = FixedPoint.Clamp(p.CruisePercent + spontaneous, -100, 100);
            offsets[1] = offsets[0];
            brain.Decoder = new RateCommandDecoder(motors, gains, offsets, p.RateTauUs, 1000);

            AvoidanceRewardParameters r = p.Reward;
            r.ProximityChannel = 0;
            r.SteeringPerMille = new int[sensors];
            System.Array.Copy(p.SteeringPerMille, r.SteeringPerMille, sensors);
            if (p.FrontPerMille.Length != sensors) throw new ModelException("avoidance brain: FrontPerMille needs one entry per distance sensor (" + sensors + ")");
            r.FrontPerMille = new int[sensors];
            System.Array.Copy(p.FrontPerMille, r.FrontPerMille, sensors);
            r.ProximityFullScale = p.ProximityFullScale;
            r.BumpChannel = sensors;
            r.OdometryChannel = sensors + 1;
            brain.Reward = new AvoidanceReward(r);
            return brain;
        }

        /// <summary>Wires the brain between a robot's sensors and motors.</summary>
        public Controller Connect(ISensorInputs sensors, IActuatorOutputs motors)
        {
            return new Controller(Network, sensors, Encoder, Decoder, motors, Reward);
        }

        /// <summary>
        /// Firing rate of a motor neuron driven by its bias alone, Q16 spikes per tick: the bias
        /// charges v toward bias/(1 − α); the neuron fires every T ticks, T the first tick at which
        /// the charge reaches threshold, plus the refractory ticks. Integer simulation, as the
        /// neuron would run.
        /// </summary>
        public static int SpontaneousRateQ16(AvoidanceBrainParameters p)
        {
            if (p.MotorBiasQ16 <= 0) return 0;
            int alpha = Decay.FromTau(p.MotorTauUs, 1000);
            int v = 0;
            for (int t = 1; t <= 10000; t++)
            {
                v = FixedPoint.MultiplyDecay(v, alpha) + p.MotorBiasQ16;
                if (v >= FixedPoint.OneQ16) return FixedPoint.OneQ16 / t;
            }
            return 0;
        }

        private static void FillUniform(Projection projection, XorShift32 rng, int centerQ16, int spreadQ16)
        {
            short[] w = projection.Weights;
            int shift = projection.WeightShift;
            for (int s = 0; s < w.Length; s++)
            {
                int v = centerQ16 - spreadQ16 + rng.NextInt(2 * spreadQ16 + 1);
                w[s] = FixedPoint.SaturateToShort(v >> shift);
            }
        }
    }
}
