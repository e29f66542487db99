#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace NanoSnn.PortableTests
{
    /// <summary>
    /// The operator panel and the hand reward: the safety behaviour of a device controller
    /// (motors off at boot, a speed cap while learning, fall back to Safe on sensor loss) and
    /// what the buttons do, with test doubles in place of pins.
    /// </summary>
    [TestClass]
    public class OperatorPanelTests
    {
        private sealed class TestButton : ButtonBase
        {
            public TestButton() : base(true, 0, 1000000) { LevelHigh = true; }
            public bool LevelHigh;
            protected override bool ReadLevelHigh() { return LevelHigh; }
        }

        private sealed class TestMotor : MotorDriverBase
        {
            public TestMotor() : base(0, 0, 20000) { }
            public int A;
            public int B;
            protected override void WriteBridge(int inputAPer10k, int inputBPer10k) { A = inputAPer10k; B = inputBPer10k; }
        }

        private sealed class TestOutput : DigitalOutputBase
        {
            public TestOutput() : base(false) { }
            public bool High;
            protected override void WriteLevel(bool high) { High = high; }
        }

        private sealed class FixedSensors : ISensorInputs
        {
            public int Value;
            public bool Fail;
            public int Channels { get { return 1; } }
            public bool TryRead(int[] samples) { if (Fail) return false; samples[0] = Value; return true; }
        }

        private sealed class CountingRule : Plasticity
        {
            public int RewardSum;
            public int Updates;
            public override void Reward(int rewardQ16) { RewardSum += rewardQ16; }
            public override void Update(Network network) { Updates++; }
            public override void ResetState() { }
            public override int ParameterBytes { get { return 0; } }
            public override int StateBytes { get { return 0; } }
            public override uint HashState(uint hash) { return hash; }
        }

        private sealed class ConstantReward : LearningSignal
        {
            public ConstantReward() : base(1) { Supervises = true; }
            public override void Evaluate(int[] samples, int[] previousCommandsPercent, long tick)
            {
                RewardQ16 = 100;
                TargetQ16[0] = 7;
                TargetClass = 3;
                TargetValid = true;
            }
            public override void Reset() { }
        }

        /// <summary>Everything a panel test needs, built fresh per test (device tests run without an instance).</summary>
        private sealed class Rig
        {
            public Rig(LearningSignal inner)
            {
                NetworkBuilder b = new NetworkBuilder(1000, 1);
                InputPopulation input = b.AddInput("in", 2);
                ReadoutPopulation readout = b.AddReadout("out", 2, 0, 0);
                DenseProjection dense = b.AddDense("in-out", input, readout, 2);
                // A rising sensor (input 0) drives both readouts to +1.0 (x200 %): full speed ahead.
                dense.Weights[0] = 16384;
                dense.Weights[1] = 16384;
                Network = b.Build();
                Rule = new CountingRule();
                Network.Attach(Rule);
                int[] thresholds = { 10 };
                Sensors = new FixedSensors();
                Left = new TestMotor();
                Right = new TestMotor();
                Enable = new TestOutput();
                Led = new TestOutput();
                MotorDriverBase[] motors = { Left, Right };
                Actuators = new ActuatorBank(motors, null, Enable);
                Signal = new ButtonRewardSignal(inner);
                Controller = new Controller(Network, Sensors, new ThresholdCrossingEncoder(thresholds, 0),
                    new ReadoutCommandDecoder(readout, 200 * FixedPoint.OneQ16), Actuators, Signal);
                ModeButton = new TestButton();
                RewardButton = new TestButton();
                Panel = new OperatorPanel(Controller, Actuators, ModeButton, RewardButton, Signal, Led);
            }

            public readonly Network Network;
            public readonly CountingRule Rule;
            public readonly FixedSensors Sensors;
            public readonly TestMotor Left;
            public readonly TestMotor Right;
            public readonly TestOutput Enable;
            public readonly TestOutput Led;
            public readonly ActuatorBank Actuators;
            public readonly ButtonRewardSignal Signal;
            public readonly Controller Controller;
            public readonly TestButton ModeButton;
            public readonly TestButton RewardButton;
            public readonly OperatorPanel Panel;
            public long NowUs;

            /// <summary>One tick: panel, then controller; 1 ms apart.</summary>
            public void Tick()
            {
                NowUs += 1000;
                Panel.Update(NowUs);
                Controller.Tick();
            }

            public void Click(TestButton button)
            {
                button.LevelHigh = false;
                Tick();
                button.LevelHigh = true;
                Tick();
            }
        }

        [TestMethod]
        public void Panel_BootsSafeWithMotorsOffEvenWhenTheNetworkCommandsFullSpeed()
        {
            Rig r = new Rig(null);
            r.Tick();
            r.Sensors.Value = 20; // the network now commands +100 %
            r.Tick();
            Assert.AreEqual(100, r.Controller.Commands[0], "the network does command full speed");
            Assert.AreEqual((int)OperatorMode.Safe, (int)r.Panel.Mode);
            Assert.AreEqual(0, r.Left.A, "but the motor stays off in Safe");
            Assert.IsFalse(r.Enable.High, "and the bridge is not enabled");
            Assert.IsFalse(r.Controller.Learning, "no learning in Safe");
            Assert.AreEqual(0, r.Rule.Updates);
        }

        [TestMethod]
        public void Panel_ClicksCycleSafeLearnRunWithSpeedCaps()
        {
            Rig r = new Rig(null);
            r.Tick();
            r.Click(r.ModeButton);
            Assert.AreEqual((int)OperatorMode.Learn, (int)r.Panel.Mode);
            Assert.IsTrue(r.Controller.Learning);
            Assert.IsTrue(r.Enable.High);
            r.Sensors.Value = 20;
            r.Tick();
            Assert.AreEqual(4000, r.Left.A, "Learn caps the motors at 40 %");
            Assert.IsTrue(r.Rule.Updates > 0);

            r.Sensors.Value = 0;
            r.Click(r.ModeButton);
            Assert.AreEqual((int)OperatorMode.Run, (int)r.Panel.Mode);
            Assert.IsFalse(r.Controller.Learning);
            int updates = r.Rule.Updates;
            r.Sensors.Value = 20;
            r.Tick();
            Assert.AreEqual(10000, r.Left.A, "Run allows full speed");
            Assert.AreEqual(updates, r.Rule.Updates, "no learning in Run");
            Assert.IsTrue(r.Led.IsOn, "the LED is steady in Run");

            r.Click(r.ModeButton);
            Assert.AreEqual((int)OperatorMode.Safe, (int)r.Panel.Mode);
            Assert.AreEqual(0, r.Left.A);
            Assert.IsFalse(r.Enable.High);
            Assert.AreEqual(3L, r.Panel.ModeChanges);
        }

        [TestMethod]
        public void Panel_RewardButtonRewardsOnlyWhileLearning()
        {
            Rig r = new Rig(null);
            r.Tick();
            r.Click(r.RewardButton);
            Assert.AreEqual(0, r.Rule.RewardSum, "Safe: the reward is dropped");
            Assert.AreEqual(1L, r.Panel.ButtonRewards);

            r.Click(r.ModeButton); // Learn
            r.RewardButton.LevelHigh = false;
            r.Tick();
            Assert.AreEqual(FixedPoint.OneQ16, r.Rule.RewardSum, "the press is rewarded with the next tick");
            Assert.AreEqual(FixedPoint.OneQ16, r.Controller.DeliveredRewardQ16);
            r.Tick();
            r.Tick();
            Assert.AreEqual(FixedPoint.OneQ16, r.Rule.RewardSum, "one press is one reward, however long it is held");
            Assert.AreEqual(0, r.Controller.DeliveredRewardQ16);
        }

        [TestMethod]
        public void Panel_LongPressRequestsACheckpointOnce()
        {
            Rig r = new Rig(null);
            r.Tick();
            r.ModeButton.LevelHigh = false;
            for (int t = 0; t < 1100; t++) r.Tick();
            r.ModeButton.LevelHigh = true;
            r.Tick();
            Assert.AreEqual((int)OperatorMode.Safe, (int)r.Panel.Mode, "a long press does not change the mode");
            Assert.IsTrue(r.Panel.TakeCheckpointRequest());
            Assert.IsFalse(r.Panel.TakeCheckpointRequest(), "the request is taken once");
            Assert.AreEqual(1L, r.Panel.CheckpointRequests);
        }

        [TestMethod]
        public void Panel_SensorLossFallsBackToSafe()
        {
            Rig r = new Rig(null);
            r.Panel.SensorFaultLimit = 5;
            r.Tick();
            r.Click(r.ModeButton); // Learn
            r.Sensors.Fail = true;
            for (int t = 0; t < 4; t++) r.Tick();
            Assert.AreEqual((int)OperatorMode.Learn, (int)r.Panel.Mode, "a few failed reads are tolerated");
            r.Sensors.Fail = false;
            r.Tick();
            r.Sensors.Fail = true;
            for (int t = 0; t < 5; t++) r.Tick();
            Assert.AreEqual((int)OperatorMode.Learn, (int)r.Panel.Mode, "the count restarts after a good read");
            r.Tick();
            r.Tick();
            Assert.AreEqual((int)OperatorMode.Safe, (int)r.Panel.Mode);
            Assert.AreEqual(1L, r.Panel.SafetyStops);
            Assert.IsFalse(r.Enable.High);
        }

        [TestMethod]
        public void ButtonReward_AddsToTheInnerSignalAndPassesSupervisionThrough()
        {
            ButtonRewardSignal s = new ButtonRewardSignal(new ConstantReward());
            Assert.IsTrue(s.Supervises);
            int[] samples = new int[1];
            int[] commands = new int[1];
            s.Give(1000);
            s.Give(24);
            Assert.AreEqual(1024, s.PendingQ16);
            s.Evaluate(samples, commands, 0);
            Assert.AreEqual(1124, s.RewardQ16);
            Assert.AreEqual(7, s.TargetQ16[0]);
            Assert.AreEqual(3, s.TargetClass);
            Assert.IsTrue(s.TargetValid);
            s.Evaluate(samples, commands, 1);
            Assert.AreEqual(100, s.RewardQ16, "the hand reward is delivered once");
            s.Give(int.MaxValue);
            s.Evaluate(samples, commands, 2);
            Assert.AreEqual(int.MaxValue, s.RewardQ16, "saturates");
            Assert.AreEqual(2L, s.HandRewards);
            s.Reset();
            Assert.AreEqual(0L, s.HandRewards);
        }

        /// <summary>A sink that counts frames and keeps the bytes of the first ones.</summary>
        private sealed class CountingSink : ITelemetrySink
        {
            public int Frames;
            public int Bytes;
            public byte FirstByte;
            public void Write(byte[] buffer, int offset, int count)
            {
                if (Frames == 0) FirstByte = buffer[offset];
                Frames++;
                Bytes += count;
            }
        }

        [TestMethod]
        public void TelemetryObserver_RecordsEveryControllerTickWithTheDeliveredReward()
        {
            Rig r = new Rig(null);
            CountingSink sink = new CountingSink();
            TelemetryObserver telemetry = new TelemetryObserver(r.Controller, sink, null);
            r.Controller.Observer = telemetry;
            Assert.AreEqual(1, sink.Frames, "the stream header goes out at once");
            Assert.AreEqual(0xA5, (int)sink.FirstByte, "frames start with the sync bytes");
            r.Tick();
            r.Click(r.ModeButton); // Learn
            r.RewardButton.LevelHigh = false;
            for (int t = 0; t < 40; t++) r.Tick();
            Assert.AreEqual(43L, telemetry.Writer.TicksRecorded);
            Assert.IsTrue(sink.Frames >= 2, "32 records make a ticks frame");
            telemetry.Writer.Finish();
            Assert.IsTrue(sink.Bytes > 0);
        }
    }
}
