using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace NanoSnn.Tests.Core
{
    /// <summary>
    /// The board layer runs inside the tick: polling the buttons, reading the sensor bank,
    /// driving the motors and the LED must allocate nothing, like the rest of the tick.
    /// </summary>
    [TestClass]
    public sealed class BoardAllocationTests
    {
        private sealed class NoisyAnalog : AnalogInputBase
        {
            private int _t;
            public NoisyAnalog() : base(4095) { }
            protected override bool TryReadCounts(out int counts)
            {
                _t++;
                counts = (_t * 97) % 4096;
                return _t % 211 != 0;
            }
        }

        private sealed class RunningCounter : PulseCounterBase
        {
            private long _count = 65000;
            public RunningCounter() : base(16) { }
            protected override bool TryReadCount(out long count)
            {
                _count = (_count + 3) & 0xFFFF;
                count = _count;
                return true;
            }
        }

        private sealed class BouncyButton : ButtonBase
        {
            private int _t;
            public BouncyButton() : base(true, 2000, 1000000) { }
            protected override bool ReadLevelHigh()
            {
                _t++;
                return (_t / 700) % 2 == 0 || _t % 5 == 0;
            }
        }

        private sealed class NullMotor : MotorDriverBase
        {
            public long Sum;
            public NullMotor() : base(3, 15, 50) { }
            protected override void WriteBridge(int inputAPer10k, int inputBPer10k) { Sum += inputAPer10k - inputBPer10k; }
        }

        private sealed class NullOutput : DigitalOutputBase
        {
            public int Highs;
            public NullOutput() : base(false) { }
            protected override void WriteLevel(bool high) { if (high) Highs++; }
        }

        [TestMethod]
        public void TenThousandTicksThroughTheBoardLayer_AllocateNothing()
        {
            NetworkBuilder builder = new NetworkBuilder(1000, 3);
            InputPopulation input = builder.AddInput("in", 2 * 2 + 1);
            LifPopulation lif = builder.AddLif("lif", 24, new LifParameters());
            ReadoutPopulation readout = builder.AddReadout("out", 2, 20000, 0);
            DenseProjection inLif = builder.AddDense("in-lif", input, lif, 4);
            DenseProjection lifOut = builder.AddDense("lif-out", lif, readout, 2);
            XorShift32 rng = new XorShift32(9);
            for (int k = 0; k < inLif.Weights.Length; k++) inLif.Weights[k] = (short)(rng.NextInt(8000) - 1000);
            for (int k = 0; k < lifOut.Weights.Length; k++) lifOut.Weights[k] = (short)(rng.NextInt(4000) - 2000);
            Network network = builder.Build();

            NoisyAnalog a0 = new NoisyAnalog();
            NoisyAnalog a1 = new NoisyAnalog();
            a1.Calibrate(0, -1000, 4096, 1000);
            SensorBank sensors = new SensorBank(new SensorChannel[] { a0, a1, new RunningCounter() });
            SpikeEncoder encoder = new EncoderBank(new SpikeEncoder[] { new SendOnDeltaEncoder(new[] { 40, 40 }), new PulseCountEncoder(1, 8) });
            NullMotor left = new NullMotor();
            NullMotor right = new NullMotor();
            NullOutput led = new NullOutput();
            ActuatorBank actuators = new ActuatorBank(new MotorDriverBase[] { left, right }, null, new NullOutput());
            ButtonRewardSignal signal = new ButtonRewardSignal(null);
            Controller controller = new Controller(network, sensors, encoder, new ReadoutCommandDecoder(readout, 100 * FixedPoint.OneQ16), actuators, signal);
            BouncyButton mode = new BouncyButton();
            BouncyButton reward = new BouncyButton();
            OperatorPanel panel = new OperatorPanel(controller, actuators, mode, reward, signal, led);
            panel.SensorFaultLimit = 0;

            long nowUs = 0;
            for (int i = 0; i < 1500; i++)
            {
                nowUs += 1000;
                panel.Update(nowUs);
                controller.Tick();
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 10000; i++)
            {
                nowUs += 1000;
                panel.Update(nowUs);
                controller.Tick();
                if (panel.TakeCheckpointRequest()) nowUs += 1;
            }
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.AreEqual(0L, allocated, "bytes allocated by 10,000 ticks through the board layer");
            Assert.IsTrue(panel.ModeChanges > 2, "the scenario must change modes, saw " + panel.ModeChanges);
            Assert.IsTrue(signal.HandRewards > 0, "the scenario must deliver hand rewards");
            Assert.IsTrue(left.Writes > 10, "the scenario must drive the motors, saw " + left.Writes + " writes");
            Assert.IsTrue(sensors.ChannelFaults[0] > 0, "the scenario must exercise failed reads");
            Assert.IsTrue(led.Highs > 0);
        }
    }
}
