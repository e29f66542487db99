namespace NanoSnn
{
    /// <summary>
    /// A robot controller that learns by imitation with e-prop, the same on the device and in
    /// the simulator: while a teacher (a remote control) drives, its commands are the readouts'
    /// targets; afterwards the network drives alone. Samples: S distance sensors (proximity), a
    /// bumper, the two wheel encoders' counts (not used by the network), the teacher's left and
    /// right commands (%) and the teach switch (nonzero while teaching). Commands: left and right
    /// motor, percent.
    /// <code>
    /// proximity ×S ─rate─┐
    /// bumper       ─rate─┼─► "in" ──e-prop──► "hidden" (LIF) ──e-prop──► "out" (2 readouts) ─► cruise + gain·y ─► motors
    /// tonic (bias) ──────┘
    /// teacher commands + teach switch ─► <see cref="ImitationSignal"/> ─► targets (y* = (command − cruise)/gain)
    /// </code>
    /// The hidden layer has no recurrent synapses: the teacher's commands are a function of the
    /// present samples, so the network needs no memory, and in the simulator (a 6-sensor robot)
    /// recurrent weights learned by e-prop made the imitation noisier (held-out NMSE 0.09 to 0.44
    /// over seeds 1 to 8, against 0.07 to 0.17 without them) and the tick 2.5 times slower.
    /// </summary>
    public sealed class ImitationBrain
    {
        private ImitationBrain()
        {
        }

        /// <summary>The network: "in", "hidden", "out"; projections "in-hidden", "hidden-out".</summary>
        public Network Network;

        /// <summary>The hidden population.</summary>
        public LifPopulation Hidden;

        /// <summary>The two readouts (left, right motor).</summary>
        public ReadoutPopulation Readout;

        /// <summary>The learning rule.</summary>
        public EpropRule Rule;

        /// <summary>The sample encoder.</summary>
        public EncoderBank Encoder;

        /// <summary>The readout decoder (command = cruise + gain·y).</summary>
        public ReadoutCommandDecoder Decoder;

        /// <summary>The supervision from the teacher's channels.</summary>
        public ImitationSignal Signal;

        /// <summary>The parameters (a private copy).</summary>
        public ImitationBrainParameters Parameters;

        /// <summary>Sample channel of the teacher's left command (the right one follows, then the teach switch).</summary>
        public int TeacherChannel { get { return Parameters.Sensors + 3; } }

        /// <summary>Sample channels the brain reads: S + 6.</summary>
        public int Channels { get { return Parameters.Sensors + 6; } }

        /// <summary>Builds the brain for 1 ms ticks with weights drawn from <paramref name="seed"/>.</summary>
        public static ImitationBrain Build(ImitationBrainParameters parameters, uint seed)
        {
            if (parameters == null) throw new ModelException("imitation brain: parameters are required");
            ImitationBrainParameters p = parameters.Clone();
            if (p.Sensors < 1) throw new ModelException("imitation brain: at least one distance sensor is needed");
            if (p.Neurons < 1) throw new ModelException("imitation brain: Neurons must be >= 1");
            if (p.TonicInputs < 0) throw new ModelException("imitation brain: TonicInputs must be >= 0");
            if (p.GainPercent <= 0 || p.GainPercent > 200) throw new ModelException("imitation brain: GainPercent must be in 1..200");

            ImitationBrain brain = new ImitationBrain();
            brain.Parameters = p;
            NetworkBuilder b = new NetworkBuilder(1000, seed);
            InputPopulation input = b.AddInput("in", p.Sensors + 1 + p.TonicInputs);
            LifParameters lif = new LifParameters();
            lif.TauMembraneUs = p.TauMembraneUs;
            lif.RefractoryTicks = 2;
            brain.Hidden = b.AddLif("hidden", p.Neurons, lif);
            brain.Readout = b.AddReadout("out", 2, p.TauReadoutUs, 0);
            DenseProjection win = b.AddDense("in-hidden", input, brain.Hidden, 3);
            DenseProjection wout = b.AddDense("hidden-out", brain.Hidden, brain.Readout, 3);
            win.InitializeGaussian(b.Rng, p.InputWeightScaleQ16);
            wout.InitializeGaussian(b.Rng, p.OutputWeightScaleQ16);
            brain.Network = b.Build();

            EpropParameters e = p.Eprop.Clone();
            e.FeedbackSeed = seed * 2654435761u + 21;
            brain.Rule = new EpropRule(brain.Network, brain.Hidden, brain.Readout, win, null, wout, e);
            brain.Network.Attach(brain.Rule);

            SpikeEncoder[] parts = new SpikeEncoder[p.TonicInputs > 0 ? 5 : 4];
            // Regular (sigma-delta) rate coding: the readouts are compared with a smooth teacher, and
            // Bernoulli spikes would add ±30 % noise over the readout's time constant.
            parts[0] = new RegularRateEncoder(p.Sensors, 0, p.ProximityFullScale, p.InputMaxProbabilityQ16);
            parts[1] = new RegularRateEncoder(1, 0, 1, p.InputMaxProbabilityQ16);
            int k = 2;
            if (p.TonicInputs > 0) parts[k++] = new TonicEncoder(p.TonicInputs, p.TonicProbabilityQ16, seed * 2654435761u + 13);
            parts[k++] = new UnencodedChannels(2); // wheel encoders
            parts[k] = new UnencodedChannels(3);   // teacher's commands and teach switch
            brain.Encoder = new EncoderBank(parts);

            int gainQ16 = p.GainPercent * FixedPoint.OneQ16;
            brain.Decoder = new ReadoutCommandDecoder(brain.Readout, gainQ16, p.CruisePercent);
            brain.Signal = new ImitationSignal(p.Sensors + 3, 2, p.Sensors + 5, gainQ16, p.CruisePercent);
            return brain;
        }

        /// <summary>Wires the brain between a robot's sensors (with the teacher's channels) and motors.</summary>
        public Controller Connect(ISensorInputs sensors, IActuatorOutputs motors)
        {
            return new Controller(Network, sensors, Encoder, Decoder, motors, Signal);
        }
    }
}
