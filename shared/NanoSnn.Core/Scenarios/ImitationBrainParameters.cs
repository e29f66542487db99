namespace NanoSnn
{
    /// <summary>
    /// Parameters of an <see cref="ImitationBrain"/>: the robot's sample layout and the
    /// network's constants, in one place. The defaults are the ones <c>nanosnn run --task imitate</c>
    /// uses for its simulated robot (8 distance sensors of 400 mm range, 1 ms ticks).
    /// </summary>
    public sealed class ImitationBrainParameters
    {
        /// <summary>Number of distance sensors.</summary>
        public int Sensors = 8;

        /// <summary>Distance sensor full scale (their range), in the samples' unit (mm).</summary>
        public int ProximityFullScale = 400;

        /// <summary>Largest input spike probability of a distance sensor and of the bumper, Q16 (0.25: 250 Hz at 1 ms ticks).</summary>
        public int InputMaxProbabilityQ16 = FixedPoint.OneQ16 / 4;

        /// <summary>Spike probability per tick of the tonic (bias) inputs, Q16 (0.1: 100 Hz); they let the readouts hold an offset while no sensor sees anything.</summary>
        public int TonicProbabilityQ16 = 6554;

        /// <summary>Number of tonic inputs.</summary>
        public int TonicInputs = 4;

        /// <summary>Hidden LIF neurons.</summary>
        public int Neurons = 60;

        /// <summary>Membrane time constant, µs.</summary>
        public int TauMembraneUs = 20000;

        /// <summary>Readout time constant, µs: 100 ms, the teacher's own smoothing, so that the readouts can follow it without lag.</summary>
        public int TauReadoutUs = 100000;

        /// <summary>Standard deviation of the initial input weights, Q16 (thresholds).</summary>
        public int InputWeightScaleQ16 = FixedPoint.OneQ16 / 4;

        /// <summary>Standard deviation of the initial output weights, Q16.</summary>
        public int OutputWeightScaleQ16 = FixedPoint.OneQ16 / 64;

        /// <summary>Cruising command (the decoder's offset), %.</summary>
        public int CruisePercent = 50;

        /// <summary>Command per unit of readout, % (command = cruise + gain·y).</summary>
        public int GainPercent = 50;

        /// <summary>e-prop rule parameters (regression, factorized, random feedback, updates every tick, no recurrent projection).</summary>
        public EpropParameters Eprop = DefaultEprop();

        private static EpropParameters DefaultEprop()
        {
            EpropParameters e = new EpropParameters();
            e.Task = EpropTask.Regression;
            e.Eligibility = EpropEligibility.Factorized;
            e.Feedback = EpropFeedback.Random;
            e.UpdateIntervalTicks = 1;
            // η = 0.5·2^-18 ≈ 1.9e-6 and η_out = 0.5·2^-19 ≈ 9.5e-7 per tick. Learning every tick, the
            // readout's least-mean-squares time constant 1/(η_out·Σ_j F(z_j)²) is about a minute:
            // the weights average over many situations. With 16 times larger rates the readouts
            // tracked the last seconds (an offset learned near a wall was undone in open space and
            // back), matched the teacher while learning and missed it by far once frozen.
            e.LearningRateQ16 = 32768;
            e.LearningRateShift = 18;
            e.OutputLearningRateQ16 = 32768;
            e.OutputLearningRateShift = 19;
            e.LearnRecurrent = false;
            e.RateRegularizationQ16 = 6554;   // 0.1
            e.RateTargetQ16 = 1311;           // 20 Hz
            e.RateTauUs = 2000000;
            e.FeedbackScaleQ16 = 16384;       // 0.25
            return e;
        }

        /// <summary>A copy.</summary>
        public ImitationBrainParameters Clone()
        {
            ImitationBrainParameters p = (ImitationBrainParameters)MemberwiseClone();
            p.Eprop = Eprop.Clone();
            return p;
        }
    }
}
