using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoSnn.Cli.World;

namespace NanoSnn.Cli.Tests
{
    /// <summary>The simulated world: geometry, kinematics, sensors, collisions, determinism, arena files.</summary>
    [TestClass]
    public sealed class WorldTests
    {
        private static Arena Empty(double size = 10, string start = "5 5 0")
        {
            return ArenaParser.Parse("size " + size + " " + size + "\nstart " + start + "\n", "test");
        }

        /// <summary>A robot without noise or mismatch, so that its motion can be computed by hand.</summary>
        private static RobotSpec Ideal()
        {
            return new RobotSpec { WheelSlip = 0, MotorMismatch = 0, SensorNoiseMm = 0 };
        }

        private static void Drive(RobotWorld world, int left, int right, int ticks)
        {
            int[] commands = { left, right };
            for (int t = 0; t < ticks; t++)
            {
                world.Write(commands);
                world.Step();
            }
        }

        [TestMethod]
        public void ExactMathMatchesTheLibraryWithinRounding()
        {
            for (double x = -50; x < 50; x += 0.0137)
            {
                Assert.AreEqual(Math.Sin(x), ExactMath.Sin(x), 1e-12, "sin " + x);
                Assert.AreEqual(Math.Cos(x), ExactMath.Cos(x), 1e-12, "cos " + x);
            }
            Assert.AreEqual(Math.PI - 0.5, ExactMath.WrapAngle(Math.PI - 0.5 + 4 * Math.PI), 1e-12);
        }

        [TestMethod]
        public void RaysHitWallsBoxesAndPillarsAtTheRightDistance()
        {
            Arena arena = ArenaParser.Parse("size 4 4\nbox 2 0.5 3 1.5\npillar 1 3 0.25\nwall 0.5 2 0.5 3.5\n", "rays");
            Assert.AreEqual(1.0, arena.CastRay(1, 1, 1, 0, 10), 1e-12, "to the box's left face");
            Assert.AreEqual(0.75, arena.CastRay(1, 2, 0, 1, 10), 1e-12, "to the pillar");
            Assert.AreEqual(0.5, arena.CastRay(1, 2.5, -1, 0, 10), 1e-12, "to the thin wall");
            Assert.AreEqual(0.5, arena.CastRay(3.5, 1, 1, 0, 10), 1e-12, "to the outer wall");
            Assert.AreEqual(0.3, arena.CastRay(3.5, 1, 1, 0, 0.3), 1e-12, "nothing within range: the range");
            double d = 1 / Math.Sqrt(2);
            Assert.AreEqual(Math.Sqrt(2), arena.CastRay(1, 0.5, d, d, 10), 1e-9, "diagonal to the box corner region");
        }

        [TestMethod]
        public void StraightDrivingReachesTheCommandedSpeed()
        {
            RobotSpec spec = Ideal();
            RobotWorld world = new RobotWorld(Empty(), spec, 1000, 1);
            Drive(world, 50, 50, 1000);
            Assert.AreEqual(0.5 * spec.MaxWheelSpeedMps, world.Speed, 1e-6, "after 25 motor time constants");
            Assert.AreEqual(0, world.TurnRate, 1e-12);
            // One second at the lagged speed: v·(1 s − τ) to first order.
            Assert.AreEqual(5 + 0.2 * (1 - spec.MotorTauS), world.X, 0.002);
            Assert.AreEqual(5, world.Y, 1e-12);
            Assert.AreEqual(0, world.Heading, 1e-12);
        }

        [TestMethod]
        public void OppositeWheelsSpinInPlaceAtTwiceTheWheelSpeedOverTheBase()
        {
            RobotSpec spec = Ideal();
            RobotWorld world = new RobotWorld(Empty(), spec, 1000, 1);
            Drive(world, -25, 25, 1000);
            double wheel = 0.25 * spec.MaxWheelSpeedMps;
            Assert.AreEqual(2 * wheel / spec.WheelBaseM, world.TurnRate, 1e-6, "counter-clockwise");
            Assert.AreEqual(0, world.Speed, 1e-12);
            Assert.AreEqual(5, world.X, 1e-9);
            Assert.AreEqual(5, world.Y, 1e-9);
        }

        [TestMethod]
        public void TheEncodersCountWheelTravel()
        {
            RobotSpec spec = Ideal();
            RobotWorld world = new RobotWorld(Empty(), spec, 1000, 1);
            int[] samples = new int[world.Channels];
            long left = 0, right = 0;
            int[] commands = { 50, 25 };
            for (int t = 0; t < 2000; t++)
            {
                world.Write(commands);
                world.Step();
                world.TryRead(samples);
                left += samples[world.OdometryChannel];
                right += samples[world.OdometryChannel + 1];
            }
            // 2 s at 0.2 and 0.1 m/s less the distance lost to the motors' lag (speed·τ), at 1000 counts per metre.
            Assert.AreEqual(1000 * (0.2 * 2 - 0.2 * spec.MotorTauS), left, 2);
            Assert.AreEqual(1000 * (0.1 * 2 - 0.1 * spec.MotorTauS), right, 2);
        }

        [TestMethod]
        public void DistanceSensorsReportProximityInMillimetres()
        {
            RobotSpec spec = Ideal();
            // Facing +x, 0.3 m from the right wall's face to the body: the front sensors see it.
            Arena arena = ArenaParser.Parse("size 2 2\nstart " + (2 - 0.3 - spec.RadiusM).ToString(System.Globalization.CultureInfo.InvariantCulture) + " 1 0\n", "sense");
            RobotWorld world = new RobotWorld(arena, spec, 1000, 1);
            int[] samples = new int[world.Channels];
            world.TryRead(samples);
            int front = Array.IndexOf(spec.SensorAnglesDeg, 12.0);
            double expected = (spec.SensorRangeM - (0.3 + spec.RadiusM * (1 - Math.Cos(12 * Math.PI / 180))) / Math.Cos(12 * Math.PI / 180)) * 1000;
            Assert.AreEqual(expected, samples[front], 1.0, "12° sensor");
            int left = Array.IndexOf(spec.SensorAnglesDeg, 90.0);
            Assert.AreEqual(0, samples[left], "nothing within range on the left");
            Assert.AreEqual(0, samples[world.BumpChannel]);
        }

        [TestMethod]
        public void DrivingIntoAWallStopsAtTheBodyAndCountsOneCollisionPerSecondOfPushing()
        {
            RobotSpec spec = Ideal();
            RobotWorld world = new RobotWorld(Empty(2, "1 1 0"), spec, 1000, 1);
            Drive(world, 80, 80, 4000); // reaches the wall after about 2.6 s, then pushes for about 1.4 s
            Assert.AreEqual(2 - spec.RadiusM, world.X, 1e-9, "the body stops at the wall");
            Assert.AreEqual(1, world.Y, 1e-9, "a head-on push does not slide");
            Assert.IsTrue(world.InContact);
            int[] samples = new int[world.Channels];
            world.TryRead(samples);
            Assert.AreEqual(1, samples[world.BumpChannel]);
            Assert.AreEqual(2L, world.Collisions, "the contact, then one more after a second of pushing");
            Drive(world, -50, -50, 300);
            Assert.IsFalse(world.InContact);
            Drive(world, 50, 50, 300);
            Assert.AreEqual(2L, world.Collisions, "touching again within a second of leaving is the same collision");
        }

        [TestMethod]
        public void AnAngledPushSlidesAlongTheWall()
        {
            RobotSpec spec = Ideal();
            RobotWorld world = new RobotWorld(Empty(2, "1 1 45"), spec, 1000, 1);
            Drive(world, 60, 60, 6000);
            Assert.IsTrue(world.Y > 1.5, "slid along the wall: y " + world.Y);
            Assert.AreEqual(2 - spec.RadiusM, world.X, 1e-6);
        }

        [TestMethod]
        public void TheSameSeedGivesTheSameTrajectoryAndAnotherSeedAnother()
        {
            double[] Run(uint seed)
            {
                RobotWorld world = new RobotWorld(BuiltInArenas.Find("a"), new RobotSpec(), 1000, seed);
                int[] samples = new int[world.Channels];
                long sum = 0;
                for (int t = 0; t < 20000; t++)
                {
                    int[] commands = { 60 + (t / 700) % 30, 40 + (t / 900) % 40 };
                    world.Write(commands);
                    world.Step();
                    world.TryRead(samples);
                    foreach (int s in samples) sum += s;
                }
                return new[] { world.X, world.Y, world.Heading, sum, world.Collisions };
            }
            CollectionAssert.AreEqual(Run(7), Run(7));
            CollectionAssert.AreNotEqual(Run(7), Run(8));
        }

        [TestMethod]
        public void ChangesApplyToTheRobot()
        {
            RobotSpec spec = Ideal();
            RobotWorld world = new RobotWorld(Empty(), spec, 1000, 1);
            world.MotorStrength[1] = 0.7;
            Drive(world, 50, 50, 1000);
            Assert.IsTrue(world.TurnRate < -0.3, "a weak right motor turns the robot right: " + world.TurnRate);
            RobotWorld remapped = new RobotWorld(ArenaParser.Parse("size 2 2\nstart 1 1.75 0\n", "near the top"), spec, 1000, 1);
            int[] before = new int[remapped.Channels];
            remapped.TryRead(before);
            remapped.SensorMap[0] = 1;
            remapped.SensorMap[1] = 0;
            int[] after = new int[remapped.Channels];
            remapped.TryRead(after);
            Assert.AreEqual(before[0], after[1]);
            Assert.AreEqual(before[1], after[0]);
            Assert.AreNotEqual(before[0], before[1], "the test needs two different readings");
        }

        [TestMethod]
        public void BuiltInArenasParseAndTheirStartsAreFree()
        {
            foreach (string name in BuiltInArenas.Names)
            {
                Arena arena = BuiltInArenas.Find(name);
                Assert.IsNotNull(arena, name);
                new RobotWorld(arena, new RobotSpec(), 1000, 1);
                Assert.IsNull(arena.Overlapping(arena.StartX, arena.StartY, new RobotSpec().RadiusM), name);
            }
            Assert.IsNull(BuiltInArenas.Find("nowhere"));
        }

        [TestMethod]
        [DataRow("box 1 1 2 2\nsize 3 3\n", 1, "before 'size'")]
        [DataRow("size 3 3\nbox 1 1 2\n", 2, "needs 4 numbers (x0 y0 x1 y1), got 3")]
        [DataRow("size 3 3\n\n# comment\npillar 1 one 0.2\n", 4, "'one' is not a number (y of pillar)")]
        [DataRow("size 3 3\nbox 2 2 1 1\n", 2, "x0 < x1 and y0 < y1")]
        [DataRow("size 3 3\npillar 1 1 0\n", 2, "radius 0 is out of range")]
        [DataRow("size 3 3\nwall 1 1 5 1\n", 2, "outside the arena")]
        [DataRow("size 3 3\nstart 1 1 90\nstart 2 2 0\n", 3, "a second 'start'")]
        [DataRow("size 3 3\nsize 4 4\n", 2, "a second 'size'")]
        [DataRow("size 0 3\n", 1, "width 0 is out of range")]
        [DataRow("size 3 3\ncircle 1 1 1\n", 2, "unknown item 'circle'; use name, size, box, pillar, wall or start")]
        [DataRow("# nothing\n", 0, "no 'size WIDTH HEIGHT' line")]
        public void MalformedArenasNameTheLineAndWhatIsValid(string text, int line, string message)
        {
            ArenaFormatException e = Assert.ThrowsExactly<ArenaFormatException>(() => ArenaParser.Parse(text, "my.arena"));
            Assert.AreEqual(line, e.Line);
            StringAssert.StartsWith(e.Message, line > 0 ? "my.arena:" + line + ": " : "my.arena: ");
            StringAssert.Contains(e.Message, message);
        }

        [TestMethod]
        public void AStartInsideAnObstacleIsRejectedWithItsLine()
        {
            Arena arena = ArenaParser.Parse("size 3 3\npillar 1.5 1.5 0.3\nstart 1.6 1.5 0\n", "blocked.arena");
            ArgumentException e = Assert.ThrowsExactly<ArgumentException>(() => new RobotWorld(arena, new RobotSpec(), 1000, 1));
            StringAssert.Contains(e.Message, "on line 3");
            StringAssert.Contains(e.Message, "pillar on line 2");
        }
    }
}
