using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoSnn.Firmware.App;
using NanoSnn.Firmware.Boards;

namespace NanoSnn.Tests.Firmware
{
    /// <summary>
    /// The firmware's own wiring code (DeviceModel, the board profiles) on the host, with test
    /// doubles where the ESP32 has pins: the default model fits every board, the I/O layout rule
    /// accepts and rejects the right networks, the boot-time learning rules learn from the reward
    /// button in Learn mode, and a tick through all of it allocates nothing.
    /// </summary>
    [TestClass]
    public sealed class FirmwareWiringTests
    {
        private sealed class SineAnalog : AnalogInputBase
        {
            private readonly int _phase;
            private int _t;
            public SineAnalog(int phase) : base(4095) { _phase = phase; }
            protected override bool TryReadCounts(out int counts)
            {
                _t++;
                int x = (_t * 7 + _phase * 500) % 2000; // a triangle wave over most of the ADC range
                counts = 200 + (x < 1000 ? x : 2000 - x) * 3;
                return true;
            }
        }

        private sealed class RecordingMotor : MotorDriverBase
        {
            public int A, B;
            public RecordingMotor() : base(DeviceModelDeadband, 0, 50) { }
            protected override void WriteBridge(int inputAPer10k, int inputBPer10k) { A = inputAPer10k; B = inputBPer10k; }
        }

        private const int DeviceModelDeadband = 5;

        /// <summary>The device's telemetry path without the thread: frames into a FrameRing, drained at once.</summary>
        private sealed class RingSink : ITelemetrySink
        {
            private readonly FrameRing _ring = new FrameRing(4096);
            private readonly byte[] _frame = new byte[TelemetryWriter.DefaultBufferBytes];
            public long Frames, Bytes;
            public void Write(byte[] buffer, int offset, int count)
            {
                if (!_ring.TryPut(buffer, offset, count)) throw new InvalidOperationException("ring full");
                int n;
                while ((n = _ring.TryTake(_frame)) > 0) { Frames++; Bytes += n; }
            }
        }

        private sealed class PressableButton : ButtonBase
        {
            public bool Down;
            public PressableButton() : base(true, 20000, 2000000) { }
            protected override bool ReadLevelHigh() => !Down;
        }

        private sealed class NullOutput : DigitalOutputBase
        {
            public NullOutput() : base(false) { }
            protected override void WriteLevel(bool high) { }
        }

        [TestMethod]
        public void TheDefaultModelWithItsRulesFitsEveryBoardProfile()
        {
            foreach (BoardConfig board in new[] { Esp32DevKitC.Create(), Esp32Wrover.Create(), Esp32S3.Create() })
            {
                Network network = SensorNetwork.Build(1);
                int rules = DeviceModel.AttachRules(network);
                Assert.AreEqual(2, rules, "reward STDP on in-lif and in-alif");
                int checkpoint = ModelWriter.MeasureBytes(network, true);
                int ram = network.FootprintBytes + checkpoint + CheckpointStore.OverheadBytes;
                Assert.IsTrue(ram <= board.ModelBudgetBytes,
                    board.Name + ": footprint " + network.FootprintBytes + " + checkpoint buffer " + checkpoint + " + store " + CheckpointStore.OverheadBytes + " > budget " + board.ModelBudgetBytes);
                int slots = 2 * CheckpointStore.SlotBytesFor(checkpoint, 4096);
                Assert.IsTrue(slots <= board.CheckpointFlashBytes, board.Name + ": 2 slot files of " + slots / 2 + " bytes > checkpoint flash budget " + board.CheckpointFlashBytes);
                Assert.IsFalse(DeviceModel.UsesPulseInputs(network, board), "the reference network reads the 4 analog channels only");
                Assert.AreEqual(network.InputSize, DeviceModel.BuildEncoder(board, false).Outputs);
                Assert.AreEqual(2, DeviceModel.FindReadout(network).Size);
            }
        }

        [TestMethod]
        public void AttachRules_KeepsTheRulesACheckpointOrModelBrings()
        {
            Network network = SensorNetwork.Build(1);
            Assert.AreEqual(2, DeviceModel.AttachRules(network));
            Assert.AreEqual(0, DeviceModel.AttachRules(network), "a second boot-time attach must not double the rules");
            Assert.AreEqual(2, network.Rules.Length);

            // A checkpoint carries its rules (format v2): loading it and attaching again changes nothing.
            byte[] checkpoint = new byte[ModelWriter.MeasureBytes(network, true)];
            ModelWriter.Write(network, true, checkpoint, 0);
            Network loaded = ModelReader.Load(checkpoint, 0, checkpoint.Length);
            Assert.AreEqual(0, DeviceModel.AttachRules(loaded));
            Assert.AreEqual(2, loaded.Rules.Length);
            Assert.AreEqual(checkpoint.Length, ModelWriter.MeasureBytes(loaded, true), "the checkpoint size stays the one the slots were sized for");

            // A model that brings a rule on one input projection gets the firmware's rule on the other only.
            Network partial = SensorNetwork.Build(1);
            partial.Attach(new RewardStdp(partial.FindProjection("in-alif"), new RewardStdpParameters()));
            Assert.AreEqual(1, DeviceModel.AttachRules(partial));
            Assert.IsTrue(DeviceModel.HasRewardStdp(partial, partial.FindProjection("in-lif")));
            Assert.AreEqual(2, partial.Rules.Length);
        }

        [TestMethod]
        public void TheLayoutRuleAcceptsAnalogOrAnalogPlusPulsesAndNamesBothOtherwise()
        {
            BoardConfig board = Esp32DevKitC.Create();
            Assert.IsTrue(DeviceModel.UsesPulseInputs(Net(12, 2), board));
            Assert.AreEqual(12, DeviceModel.BuildEncoder(board, true).Outputs);
            Assert.AreEqual(4 + 4, DeviceModel.BuildEncoder(board, true).Channels, "4 analog channels, then 4 pulse inputs");
            ModelException e = Assert.ThrowsExactly<ModelException>(() => DeviceModel.UsesPulseInputs(Net(10, 2), board));
            StringAssert.Contains(e.Message, "10 inputs");
            StringAssert.Contains(e.Message, "8 (");
            StringAssert.Contains(e.Message, "12 (");
            ModelException r = Assert.ThrowsExactly<ModelException>(() => DeviceModel.FindReadout(Net(8, 3)));
            StringAssert.Contains(r.Message, "3 units");
        }

        private static Network Net(int inputs, int outputs)
        {
            var b = new NetworkBuilder(1000, 1);
            var input = b.AddInput("in", inputs);
            var readout = b.AddReadout("out", outputs, 20000, 0);
            b.AddDense("in-out", input, readout, 2);
            return b.Build();
        }

        [TestMethod]
        public void RewardButtonPressesInLearnModeReachTheLearnedWeightsAndNothingAllocates()
        {
            var (rewarded, allocated, presses) = RunLearnMode(pressReward: true);
            var (unrewarded, _, _) = RunLearnMode(pressReward: false);

            Assert.AreEqual(0L, allocated, "bytes allocated by 5,000 ticks of the firmware's wiring in Learn with rewards and telemetry");
            Assert.AreEqual(20L, presses);
            int differ = 0;
            for (int k = 0; k < rewarded.Length; k++) if (rewarded[k] != unrewarded[k]) differ++;
            Assert.IsTrue(differ > 0, "the same run with and without reward presses must end with different input weights");
        }

        /// <summary>Boots the firmware wiring on test doubles, clicks into Learn, then 20 rounds of (press reward 100 ms, wait 150 ms).</summary>
        private static (short[] Weights, long Allocated, long Presses) RunLearnMode(bool pressReward)
        {
            BoardConfig board = Esp32DevKitC.Create();
            Network network = SensorNetwork.Build(1);
            DeviceModel.AttachRules(network);
            var channels = new SensorChannel[board.AnalogChannels.Length];
            for (int c = 0; c < channels.Length; c++)
            {
                var analog = new SineAnalog(c);
                analog.Calibrate(0, -DeviceModel.AnalogUnitsSpan, board.AnalogMaxValue + 1, DeviceModel.AnalogUnitsSpan);
                channels[c] = analog;
            }
            var sensors = new SensorBank(channels);
            var actuators = new ActuatorBank(new MotorDriverBase[] { new RecordingMotor(), new RecordingMotor() }, null, new NullOutput());
            var signal = new ButtonRewardSignal(null);
            var controller = new Controller(network, sensors, DeviceModel.BuildEncoder(board, false),
                new ReadoutCommandDecoder(DeviceModel.FindReadout(network), DeviceModel.PercentPerUnitQ16), actuators, signal);
            var mode = new PressableButton();
            var reward = new PressableButton();
            var panel = new OperatorPanel(controller, actuators, mode, reward, signal, new NullOutput());
            var sink = new RingSink();
            var telemetry = new TelemetryObserver(controller, sink, null);
            controller.Observer = telemetry;

            long now = 0;
            void Tick() { now += 1000; panel.Update(now); controller.Tick(); }
            for (int t = 0; t < 500; t++) Tick();
            mode.Down = true; for (int t = 0; t < 50; t++) Tick();
            mode.Down = false; for (int t = 0; t < 50; t++) Tick();
            Assert.AreEqual(OperatorMode.Learn, panel.Mode);

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int round = 0; round < 20; round++)
            {
                reward.Down = pressReward; for (int t = 0; t < 100; t++) Tick();
                reward.Down = false; for (int t = 0; t < 150; t++) Tick();
            }
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.AreEqual(controller.Network.Tick, telemetry.Writer.TicksRecorded, "every tick is recorded");
            Assert.IsTrue(sink.Frames > 5000 / 32, "frames went through the ring: " + sink.Frames);
            return ((short[])((DenseProjection)network.FindProjection("in-lif")).Weights.Clone(), allocated, panel.ButtonRewards);
        }
    }
}
