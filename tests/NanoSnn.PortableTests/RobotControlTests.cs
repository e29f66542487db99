#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace NanoSnn.PortableTests
{
    /// <summary>
    /// The robot controllers' learning signals and brains, with scripted samples instead of a
    /// robot: the push-pull avoidance reward, the imitation targets, and the direction in which
    /// the avoidance brain learns.
    /// </summary>
    [TestClass]
    public class RobotControlTests
    {
        // Samples: [left proximity, right proximity, bumper, left counts, right counts].
        private static AvoidanceRewardParameters TwoSensorReward()
        {
            AvoidanceRewardParameters p = new AvoidanceRewardParameters();
            p.ProximityChannel = 0;
            p.SteeringPerMille = new int[] { 1000, -1000 };
            p.FrontPerMille = new int[] { 500, 500 };
            p.ProximityFullScale = 100;
            p.BumpChannel = 2;
            p.OdometryChannel = 3;
            p.PeriodTicks = 10;
            p.TurnFullScaleCounts = 10;
            p.ProgressFullScaleCounts = 10;
            p.TurnGainQ16 = FixedPoint.OneQ16 / 4;
            p.BumpGainQ16 = FixedPoint.OneQ16;
            p.BlockedTurnQ16 = FixedPoint.OneQ16 / 2;
            p.RewardScaleQ16 = FixedPoint.OneQ16;
            p.RewardLimitQ16 = 2 * FixedPoint.OneQ16;
            p.CollisionPenaltyQ16 = FixedPoint.OneQ16;
            return p;
        }

        /// <summary>Runs one control step of constant samples; returns the reward of its last tick (the others must be 0).</summary>
        private static int Step(AvoidanceReward reward, int[] samples)
        {
            int[] previous = new int[2];
            for (int t = 0; t < 9; t++)
            {
                reward.Evaluate(samples, previous, t);
                Assert.AreEqual(0, reward.RewardQ16, "no reward inside a step");
            }
            reward.Evaluate(samples, previous, 9);
            return reward.RewardQ16;
        }

        [TestMethod]
        public void AvoidanceReward_PushesAwayFromTheObstacleSide()
        {
            AvoidanceReward reward = new AvoidanceReward(TwoSensorReward());
            Assert.AreEqual(5, reward.ChannelsRead);
            // Left obstacle at half scale: demand 0.5; blockage 0.25 pushes to the same side by 0.125.
            int[] left = { 50, 0, 0, 0, 0 };
            Assert.AreEqual(40960, Step(reward, left));
            Assert.AreEqual(32768, reward.DemandQ16);
            Assert.AreEqual(16384, reward.BlockedQ16);
            Assert.AreEqual(1L, reward.Steps);
            int[] right = { 0, 50, 0, 0, 0 };
            Assert.AreEqual(-40960, Step(reward, right), "mirror image");
            int[] none = { 0, 0, 0, 0, 0 };
            Assert.AreEqual(0, Step(reward, none));
        }

        [TestMethod]
        public void AvoidanceReward_ABlockedWayAheadAmplifiesTheSideTheDemandLeansTo()
        {
            AvoidanceReward reward = new AvoidanceReward(TwoSensorReward());
            // demand ±0.1, blockage 0.45 → ±(0.1 + 0.225) = ±0.325
            int[] leftish = { 50, 40, 0, 0, 0 };
            Assert.AreEqual(21298, Step(reward, leftish)); // 6553 + 14745 (each truncated)
            int[] rightish = { 40, 50, 0, 0, 0 };
            Assert.AreEqual(-21298, Step(reward, rightish));
        }

        [TestMethod]
        public void AvoidanceReward_OpposesAMeasuredTurnAndTheBumperAmplifies()
        {
            AvoidanceReward reward = new AvoidanceReward(TwoSensorReward());
            int[] drifting = { 0, 0, 0, 2, 1 }; // left wheel ahead by 10 counts per step: a turn of 1.0 to the right
            Assert.AreEqual(-16384, Step(reward, drifting), "−turnGain·turn");
            Assert.AreEqual(FixedPoint.OneQ16, reward.TurnQ16);
            int[] pressed = { 50, 0, 1, 0, 0 };
            Assert.AreEqual(81920, Step(reward, pressed), "(0.5 + 0.125)·(1 + 1·1)");
            Assert.AreEqual(FixedPoint.OneQ16, reward.BumpQ16);
        }

        [TestMethod]
        public void AvoidanceReward_CarriesWhatRoundingWouldDrop()
        {
            AvoidanceRewardParameters p = TwoSensorReward();
            p.FrontPerMille = new int[0];
            p.RewardScaleQ16 = 1; // demand 0.5 → half an LSB per step
            AvoidanceReward reward = new AvoidanceReward(p);
            int[] left = { 50, 0, 0, 0, 0 };
            int sum = 0;
            for (int s = 0; s < 100; s++) sum += Step(reward, left);
            Assert.IsTrue(sum >= 49 && sum <= 51, "100 steps of 0.5 LSB delivered " + sum);
        }

        [TestMethod]
        public void AvoidanceReward_ScoreIsProgressMinusTimeInContact()
        {
            AvoidanceReward reward = new AvoidanceReward(TwoSensorReward());
            int[] cruising = { 0, 0, 0, 1, 1 };
            Step(reward, cruising);
            Assert.AreEqual(FixedPoint.OneQ16, reward.ScoreQ16);
            int[] stuck = { 0, 0, 1, 1, 1 };
            Step(reward, stuck);
            Assert.AreEqual(0, reward.ScoreQ16, "progress 1.0 minus penalty 1.0·(whole step in contact)");
            reward.Reset();
            Assert.AreEqual(0L, reward.Steps);
        }

        [TestMethod]
        public void AvoidanceReward_RejectsInconsistentParameters()
        {
            AvoidanceRewardParameters p = TwoSensorReward();
            p.FrontPerMille = new int[] { 1 };
            bool frontLength = false;
            try { new AvoidanceReward(p); } catch (ModelException) { frontLength = true; }
            Assert.IsTrue(frontLength, "front weights need one entry per sensor");
            p = TwoSensorReward();
            p.PeriodTicks = 0;
            bool period = false;
            try { new AvoidanceReward(p); } catch (ModelException) { period = true; }
            Assert.IsTrue(period, "a step needs at least one tick");
        }

        [TestMethod]
        public void ImitationSignal_TargetsAreTheDecoderInverted()
        {
            ImitationSignal signal = new ImitationSignal(1, 2, 0, 50 * FixedPoint.OneQ16, 50);
            Assert.IsTrue(signal.Supervises);
            int[] samples = { 1, 75, 25 };
            signal.Evaluate(samples, new int[2], 0);
            Assert.IsTrue(signal.TargetValid);
            Assert.AreEqual(32768, signal.TargetQ16[0]);
            Assert.AreEqual(-32768, signal.TargetQ16[1]);
            samples[0] = 0;
            signal.Evaluate(samples, new int[2], 1);
            Assert.IsFalse(signal.TargetValid, "teach switch off");
        }

        /// <summary>A robot (8 distance sensors) that sees an obstacle on its left and never moves (the motors are not connected).</summary>
        private sealed class ObstacleOnTheLeft : ISensorInputs, IActuatorOutputs
        {
            public readonly int[] Last = new int[2];
            public int Channels { get { return 11; } }
            int IActuatorOutputs.Channels { get { return 2; } }
            public bool TryRead(int[] samples)
            {
                for (int c = 0; c < 11; c++) samples[c] = 0;
                samples[0] = 250; // 90° left
                samples[1] = 300; // 60° left
                return true;
            }
            public void Write(int[] commandsPercent)
            {
                Last[0] = commandsPercent[0];
                Last[1] = commandsPercent[1];
            }
        }

        private static int MeanTurnPercent(Controller controller, ObstacleOnTheLeft robot, int ticks)
        {
            long sum = 0;
            for (int t = 0; t < ticks; t++)
            {
                controller.Tick();
                sum += robot.Last[0] - robot.Last[1];
            }
            return (int)(sum / ticks);
        }

        [TestMethod]
        public void AvoidanceBrain_LearnsToTurnAwayFromAnObstacleOnTheLeft()
        {
            // Eight times the default learning rate, so that a few thousand ticks show the direction.
            AvoidanceBrainParameters parameters = new AvoidanceBrainParameters();
            parameters.Reward.RewardScaleQ16 *= 8;
            AvoidanceBrain brain = AvoidanceBrain.Build(parameters, 3, 0);
            Assert.AreEqual(11, brain.Channels);
            Assert.AreEqual(brain.Encoder.Outputs, brain.Network.InputSize);
            ObstacleOnTheLeft robot = new ObstacleOnTheLeft();
            Controller controller = brain.Connect(robot, robot);
            controller.Learning = false;
            int naive = MeanTurnPercent(controller, robot, 2000);
            // The naive network drives both sides alike: a few percent of turn at most.
            Assert.IsTrue(naive > -10 && naive < 10, "naive turn " + naive + " %");
            controller.Learning = true;
            MeanTurnPercent(controller, robot, 20000);
            controller.Learning = false;
            int learned = MeanTurnPercent(controller, robot, 2000);
            // Left wheel faster = a right turn, away from the obstacle. In seeds 1 to 5 the naive
            // network turned within ±6 % and the learned one used the push-pull's full range
            // (left +100 %, right −100 %: 200); half of that range leaves a wide margin.
            Assert.IsTrue(learned > 100, "learned turn " + learned + " % (naive " + naive + " %)");
        }

        /// <summary>8 distance sensors that see nothing, with a remote control commanding 80 % / 20 % and the teach switch on.</summary>
        private sealed class TeachingRemote : ISensorInputs, IActuatorOutputs
        {
            public int Channels { get { return 14; } }
            int IActuatorOutputs.Channels { get { return 2; } }
            public bool TryRead(int[] samples)
            {
                for (int c = 0; c < 14; c++) samples[c] = 0;
                samples[11] = 80;
                samples[12] = 20;
                samples[13] = 1;
                return true;
            }
            public void Write(int[] commandsPercent) { }
        }

        [TestMethod]
        public void ImitationBrain_DeliversTheTeachersCommandsAsTargets()
        {
            ImitationBrain brain = ImitationBrain.Build(new ImitationBrainParameters(), 5);
            Assert.AreEqual(14, brain.Channels);
            Assert.AreEqual(11, brain.TeacherChannel);
            TeachingRemote remote = new TeachingRemote();
            Controller controller = brain.Connect(remote, remote);
            controller.Tick();
            Assert.IsTrue(controller.DeliveredSupervision);
            // cruise 50, gain 50: 80 % → y* = 0.6, 20 % → −0.6 (39321.6, truncated toward zero)
            Assert.AreEqual(39321, brain.Rule.TargetQ16[0]);
            Assert.AreEqual(-39321, brain.Rule.TargetQ16[1]);
            Assert.IsTrue(brain.Rule.TargetValid);
        }
    }
}
