using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace NanoSnn.Tests.Core
{
    [TestClass]
    public sealed class AllocationTests
    {
        [TestMethod]
        public void TenThousandTicksOfEveryFeature_AllocateNothing()
        {
            var scenario = new EveryFeatureScenario(5);
            // Warm up so the JIT has compiled every path (tiering may allocate on first calls).
            for (int i = 0; i < 1100; i++) scenario.Tick();

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 10000; i++) scenario.Tick();
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.AreEqual(0L, allocated, "bytes allocated by 10,000 ticks");
            foreach (Population p in scenario.Network.Populations)
                if (p.IsSpiking) Assert.IsTrue(p.TotalSpikes > 0, $"population {p.Name} never spiked: the scenario would not exercise it");
            Assert.IsTrue(scenario.Network.SynapticEvents > 0);
        }

        private sealed class SineSensors : ISensorInputs
        {
            private int _t;
            public int Channels => 4;
            public bool TryRead(int[] samples)
            {
                _t++;
                samples[0] = (_t * 37) % 1000;          // rate-coded ramp
                samples[1] = (_t / 3) % 4;              // edge counts
                samples[2] = ((_t / 50) % 2) * 500;     // square wave for send-on-delta
                samples[3] = (_t * 7) % 200 - 100;      // reward source
                return (_t % 97) != 0;                  // an occasional failed read
            }
        }

        private sealed class NullActuators : IActuatorOutputs
        {
            public int Sum;
            public int Channels => 2;
            public void Write(int[] commandsPercent) { Sum += commandsPercent[0] - commandsPercent[1]; }
        }

        private sealed class SampleReward : LearningSignal
        {
            public SampleReward() : base(2) { Supervises = true; }
            public override void Evaluate(int[] samples, int[] previousCommandsPercent, long tick)
            {
                RewardQ16 = samples[3] > 90 ? 32768 : 0;
                TargetQ16[0] = samples[0] * 64;
                TargetQ16[1] = -samples[0] * 64;
                TargetValid = (tick & 1) == 0;
            }
            public override void Reset() { }
        }

        private sealed class HashObserver : IControllerObserver
        {
            public uint Hash;
            public void AfterTick(Controller controller)
            {
                if ((controller.Network.Tick & 63) == 0) Hash ^= controller.Network.ComputeStateHash();
            }
        }

        [TestMethod]
        public void TenThousandControllerTicks_AllocateNothing()
        {
            var builder = new NetworkBuilder(1000, 11);
            var input = builder.AddInput("in", 1 + 1 + 2 + 1);
            var lif = builder.AddLif("lif", 32, new LifParameters());
            var readout = builder.AddReadout("out", 2, 20000, 0);
            var inLif = builder.AddDense("in-lif", input, lif, 4);
            var lifOut = builder.AddDense("lif-out", lif, readout, 2);
            var rng = new XorShift32(5);
            for (int k = 0; k < inLif.Weights.Length; k++) inLif.Weights[k] = (short)(rng.NextInt(6000) - 1000);
            for (int k = 0; k < lifOut.Weights.Length; k++) lifOut.Weights[k] = (short)(rng.NextInt(4000) - 2000);
            var network = builder.Build();
            var stdp = new RewardStdp(inLif, new RewardStdpParameters());
            network.Attach(stdp);

            var encoder = new EncoderBank(new SpikeEncoder[] { new RateEncoder(1, 0, 1000, 40000, 3), new PulseCountEncoder(1, 8), new SendOnDeltaEncoder(new[] { 100 }), new PulseCountEncoder(1, 2) });
            var sensors = new SineSensors();
            var actuators = new NullActuators();
            var observer = new HashObserver();
            var controller = new Controller(network, sensors, encoder, new ReadoutCommandDecoder(readout, 100 * FixedPoint.OneQ16), actuators, new SampleReward());
            controller.Observer = observer;

            for (int i = 0; i < 1100; i++) controller.Tick();
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 10000; i++) controller.Tick();
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.AreEqual(0L, allocated, "bytes allocated by 10,000 controller ticks");
            Assert.IsTrue(lif.TotalSpikes > 0, "the network never spiked: the test would not exercise it");
            Assert.IsTrue(controller.SensorFaults > 0, "the failed-read path was not exercised");
            Assert.IsTrue(stdp.WeightUpdates > 0, "learning never ran");
        }

        [TestMethod]
        public void AllocationMeasurement_CanFail()
        {
            // Guards the guard: the same measurement sees a deliberate allocation.
            long before = GC.GetAllocatedBytesForCurrentThread();
            var sink = new int[10];
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.IsTrue(allocated >= 40, $"measured {allocated} bytes for new int[10]");
            GC.KeepAlive(sink);
        }
    }
}
