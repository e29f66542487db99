using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoSnn.Cli.Tasks;
using NanoSnn.Cli.World;

namespace NanoSnn.Cli.Tests
{
    /// <summary>
    /// Reduced versions of the robot tasks (seconds, not minutes, of wall time) that assert the
    /// direction of learning against a control: the same controller, world and noise without
    /// learning (or without learning after the change). The margins come from the full runs in
    /// the README and from these reduced runs for seeds 1 to 6; each is stated where it is used.
    /// </summary>
    [TestClass]
    public sealed class RobotLearningTests
    {
        private static RobotTaskResult Run(string task, uint seed, double minutes, bool learning, bool stopAtChange = false)
        {
            var options = new RobotTaskOptions { Seed = seed, Minutes = minutes, Learning = learning, StopLearningAtChange = stopAtChange };
            return RobotTasks.Run(task, options, null);
        }

        /// <summary>
        /// The figure's final weights are those of a synchronized copy: R-STDP leaves rows that did
        /// not pair behind, so the live weights are not the learned ones, and synchronizing the live
        /// network would change its later rounding draws (its state, the --save checkpoint, a log's
        /// final hash). The run's network must come out unsynchronized.
        /// </summary>
        [TestMethod]
        public void FinalWeightsAreSynchronizedOnACopyAndTheRunsNetworkIsLeftAsItRan()
        {
            RobotTaskResult r = Run("avoid", 3, 2, true);
            Network network = r.Network;
            Assert.AreEqual(r.StateHash, network.ComputeStateHash(), "reading the final weights changed the network");
            byte[] checkpoint = new byte[ModelWriter.MeasureBytes(network, true)];
            ModelWriter.Write(network, true, checkpoint, 0);
            Network copy = ModelReader.Load(checkpoint);
            copy.Synchronize();
            Assert.AreNotEqual(network.ComputeStateHash(), copy.ComputeStateHash(), "a synchronize is a state change: the test can fail");
            int stale = 0;
            for (int k = 0; k < r.LearnedProjections.Count; k++)
            {
                Projection p = r.LearnedProjections[k];
                CollectionAssert.AreEqual(copy.Projections[p.Index].Weights, r.FinalWeights[k], p.Name);
                for (int i = 0; i < p.Weights.Length; i++) if (p.Weights[i] != r.FinalWeights[k][i]) stale++;
            }
            Assert.IsTrue(stale > 0, "some live weights lag behind the synchronized ones (else the copy would not be needed)");
        }

        [TestMethod]
        [DataRow(1u)]
        [DataRow(2u)]
        public void Avoid_CollidesFarLessThanTheNaiveControllerAfterThreeMinutes(uint seed)
        {
            RobotTaskResult learned = Run("avoid", seed, 6, true);
            RobotTaskResult naive = Run("avoid", seed, 6, false);
            double l = learned.Log.CollisionsPerMinute(180, 360);
            double n = naive.Log.CollisionsPerMinute(180, 360);
            // The naive network's weights are too small to steer before contact: it collided 9 to 19
            // times per minute in minutes 3 to 6 (seeds 1 to 3); after 3 minutes of learning the
            // controller collided at most once per minute. A quarter leaves a margin of 3.5.
            Assert.IsTrue(n >= 5, "the naive controller should collide often; it collided " + n + " times per minute");
            Assert.IsTrue(l <= 0.25 * n, "learned " + l + " collisions per minute, naive " + n);
        }

        [TestMethod]
        public void Imitate_LearnsTheTeachersCommandsFarBetterThanTheNaiveNetwork()
        {
            RobotTaskResult learned = Run("imitate", 2, 5, true);
            RobotTaskResult naive = Run("imitate", 2, 5, false);
            double l = learned.Metric("imitation_nmse");
            double n = naive.Metric("imitation_nmse");
            // An untrained readout is no better than the teacher's mean command (NMSE about 1 or
            // more: 1.03 to 2.1 for seeds 1 to 3); after 4 minutes of teaching the held-out NMSE
            // was 0.08 to 0.36 (0.09 for this seed). 0.3 and a factor 3 below the naive network.
            Assert.IsTrue(n >= 0.9, "naive NMSE " + n);
            Assert.IsTrue(l <= 0.3 && l <= n / 3, "learned NMSE " + l + ", naive " + n);
        }

        [TestMethod]
        public void Adapt_RecoversFromAWeakMotorOnlyWhileItKeepsLearning()
        {
            RobotTaskResult learning = Run("adapt", 3, 30, true);
            RobotTaskResult stopped = Run("adapt", 3, 30, true, stopAtChange: true);
            Assert.AreEqual(learning.Metric("performance_before"), stopped.Metric("performance_before"), 1e-12, "identical until the change");
            double l = learning.Metric("recovery_ratio");
            double s = stopped.Metric("recovery_ratio");
            // With the right motor at 70 % the frozen controller circles: its exploration stays at
            // 34 to 66 % of the level before the change in seeds 2, 3, 4, 5, 7 (this one: 43 %; in
            // seeds 1, 6, 8 it keeps 87 to 95 %, so this seed is one where it does circle), while
            // the controller that keeps learning its trim is back at 84 to 99 % (this one: 94 %).
            // 0.8 and 0.25 above the frozen one.
            Assert.IsTrue(l >= 0.8, "recovery while learning " + l);
            Assert.IsTrue(l >= s + 0.25, "recovery while learning " + l + ", frozen " + s);
        }

        [TestMethod]
        public void TheCoreDefaultsAreTheSimulatedRobots()
        {
            RobotSpec spec = new RobotSpec();
            AvoidanceBrainParameters run = RobotSetup.AvoidanceParameters(spec);
            AvoidanceBrainParameters core = new AvoidanceBrainParameters();
            CollectionAssert.AreEqual(core.SteeringPerMille, run.SteeringPerMille);
            CollectionAssert.AreEqual(core.FrontPerMille, run.FrontPerMille);
            Assert.AreEqual(core.ProximityFullScale, run.ProximityFullScale);
            Assert.AreEqual(new ImitationBrainParameters().Sensors, spec.Sensors);
        }

        [TestMethod]
        public void ARunIsReproducibleFromItsSeed()
        {
            RobotTaskResult a = Run("avoid", 5, 0.5, true);
            RobotTaskResult b = Run("avoid", 5, 0.5, true);
            RobotTaskResult c = Run("avoid", 6, 0.5, true);
            Assert.AreEqual(a.StateHash, b.StateHash);
            Assert.AreNotEqual(a.StateHash, c.StateHash);
            Assert.AreEqual(a.Log.Trajectory[a.Log.Trajectory.Count - 1], b.Log.Trajectory[b.Log.Trajectory.Count - 1]);
        }

        [TestMethod]
        public void TheControllerTickInsideTheWorldLoopAllocatesNothing()
        {
            RobotSpec spec = new RobotSpec();
            RobotWorld world = new RobotWorld(BuiltInArenas.Find("a"), spec, 1000, 1);
            Controller avoid = AvoidanceBrain.Build(RobotSetup.AvoidanceParameters(spec), 1, 0).Connect(world, world);
            RobotWorld world2 = new RobotWorld(BuiltInArenas.Find("a"), spec, 1000, 2);
            RemoteControl remote = new RemoteControl(world2, new Teacher(spec, 50, 1000)) { Teaching = true };
            ImitationBrainParameters ip = new ImitationBrainParameters { Sensors = spec.Sensors, ProximityFullScale = spec.SensorRangeMm };
            Controller imitate = ImitationBrain.Build(ip, 2).Connect(remote, remote);
            for (int t = 0; t < 5000; t++)
            {
                avoid.Tick(); world.Step();
                imitate.Tick(); world2.Step();
            }
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int t = 0; t < 10000; t++)
            {
                avoid.Tick(); world.Step();
                imitate.Tick(); world2.Step();
            }
            Assert.AreEqual(0L, GC.GetAllocatedBytesForCurrentThread() - before, "bytes allocated by 10,000 ticks of both controllers and worlds");
            Assert.IsTrue(world.PathLengthM > 1 && world2.PathLengthM > 1, "the robots moved");
        }
    }
}
