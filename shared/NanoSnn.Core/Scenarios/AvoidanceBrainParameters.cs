namespace NanoSnn
{
    /// <summary>
    /// Parameters of an <see cref="AvoidanceBrain"/>: the robot's sample layout and the
    /// network's constants, in one place. The defaults are the ones <c>nanosnn run --task avoid</c>
    /// uses for its simulated robot (8 distance sensors at ±12°, ±35°, ±60°, ±90° with 400 mm
    /// range, 1 mm encoder counts, 1 ms ticks).
    /// </summary>
    public sealed class AvoidanceBrainParameters
    {
        /// <summary>Steering weight of each distance sensor, per mille (+ on the left; see <see cref="AvoidanceRewardParameters.SteeringPerMille"/>). Its length is the number of sensors.</summary>
        public int[] SteeringPerMille = { 300, 580, 813, 1000, -1000, -813, -580, -300 };

        /// <summary>How much each distance sensor looks straight ahead, per mille (see <see cref="AvoidanceRewardParameters.FrontPerMille"/>); same length as <see cref="SteeringPerMille"/>.</summary>
        public int[] FrontPerMille = { 0, 0, 300, 1000, 1000, 300, 0, 0 };

        /// <summary>Distance sensor full scale (their range), in the samples' unit (mm).</summary>
        public int ProximityFullScale = 400;

        /// <summary>Largest input spike probability of a distance sensor (at full proximity) and of the bumper, Q16 (0.25: 250 Hz at 1 ms ticks).</summary>
        public int InputMaxProbabilityQ16 = FixedPoint.OneQ16 / 4;

        /// <summary>Spike probability per tick of the tonic (bias) input, Q16 (0.1: 100 Hz at 1 ms ticks). Its learned weights are the trim that keeps the robot straight.</summary>
        public int TonicProbabilityQ16 = 19661;

        /// <summary>LIF neurons per motor population.</summary>
        public int MotorNeurons = 10;

        /// <summary>Motor neurons' membrane time constant, µs.</summary>
        public int MotorTauUs = 20000;

        /// <summary>
        /// Constant input of the motor neurons per tick, Q16 (0.06: about 30 Hz without any input).
        /// R-STDP can only change the synapses of neurons that fire; this spontaneous activity lets
        /// both sides learn (a silent side would never catch up with the first one that learned)
        /// and, through the noisy inputs, makes the robot wander a little (exploration).
        /// </summary>
        public int MotorBiasQ16 = 3946;

        /// <summary>Weight shift of the input→motor projections (2: weights up to 2.0 thresholds).</summary>
        public int WeightShift = 2;

        /// <summary>
        /// Initial weights are uniform in [InitialWeight − spread, InitialWeight + spread], in
        /// thresholds·65536 (Q16): 0.046 ± 0.023, too weak for an obstacle to steer the robot
        /// before it hits it (the naive network).
        /// </summary>
        public int InitialWeightQ16 = 3000;

        /// <summary>Half-width of the initial weight distribution, Q16.</summary>
        public int InitialSpreadQ16 = 1500;

        /// <summary>Largest weight, Q16.</summary>
        public int MaxWeightQ16 = FixedPoint.OneQ16;

        /// <summary>Cruising command of both motors, %.</summary>
        public int CruisePercent = 50;

        /// <summary>Push-pull gain: percent per unit of rate difference (spikes per neuron per tick).</summary>
        public int SteerGainPercent = 800;

        /// <summary>Braking: percent per unit of the summed rate of both populations taken off both wheels (a robot that turns hard slows down). The spontaneous rates' share is added back to the cruise.</summary>
        public int BrakeGainPercent = 300;

        /// <summary>Time constant of the motor rate filter, µs (the control step).</summary>
        public int RateTauUs = 50000;

        /// <summary>
        /// Post-before-pre depression of the STDP eligibility, Q16 (Izhikevich: 1.5; here 0). With
        /// a push-pull reward the sign of a change must come from the reward alone: at the motor
        /// neurons' rates (30 to 300 Hz) depression makes the eligibility of merely co-active
        /// inputs negative, and a negative eligibility turns a reward for one side into growth of
        /// the other side's weights.
        /// </summary>
        public int DepressionGainQ16;

        /// <summary>Value the STDP traces are set to by a spike, Q16 (Izhikevich: 0.1; here 1/32 of it, so that the reward can be 32 times larger and keep its resolution in Q16).</summary>
        public int TraceOnSpikeQ16 = 205;

        /// <summary>The same for the trim's rules (tonic input), Q16: larger, so that the trim learns faster than the sensors' weights.</summary>
        public int TrimTraceOnSpikeQ16 = 820;

        /// <summary>
        /// Eligibility multiplier per weight update (every 10 ticks), Factor16: 0.951, τ_c = 200 ms.
        /// Bing et al. use 1 s; here the reward is decided from the same control step's samples
        /// (no delay to bridge), and in a 3 m room the robot meets a new situation within a second,
        /// so a longer eligibility credits the reward to the previous obstacle.
        /// </summary>
        public int EligibilityDecayFactor16 = 62339;

        /// <summary>
        /// The reward's weighting (period, gains, scale, limits). <see cref="AvoidanceBrain.Build"/> fills in
        /// its sample channels and copies <see cref="SteeringPerMille"/>, <see cref="FrontPerMille"/> and
        /// <see cref="ProximityFullScale"/> into it: set those here, once, not on the reward.
        /// </summary>
        public AvoidanceRewardParameters Reward = new AvoidanceRewardParameters();

        /// <summary>A copy.</summary>
        public AvoidanceBrainParameters Clone()
        {
            AvoidanceBrainParameters p = (AvoidanceBrainParameters)MemberwiseClone();
            p.SteeringPerMille = new int[SteeringPerMille.Length];
            System.Array.Copy(SteeringPerMille, p.SteeringPerMille, SteeringPerMille.Length);
            p.FrontPerMille = new int[FrontPerMille.Length];
            System.Array.Copy(FrontPerMille, p.FrontPerMille, FrontPerMille.Length);
            p.Reward = Reward.Clone();
            return p;
        }
    }
}
