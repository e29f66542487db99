using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoSnn.Cli.Scenarios;
using NanoSnn.Cli.Workloads;

namespace NanoSnn.Cli.Tests
{
    [TestClass]
    public sealed class ScenarioTests
    {
        [TestMethod]
        public void IntegerSineTracksTheFloatSine()
        {
            int worst = 0;
            for (long p = 0; p < (1L << 32); p += 1234567)
            {
                int expected = (int)Math.Round(Math.Sin(2 * Math.PI * p / 4294967296.0) * 32768);
                worst = Math.Max(worst, Math.Abs(IntegerSine.SinQ15((uint)p) - Math.Clamp(expected, -32768, 32767)));
            }
            Assert.IsTrue(worst <= 14, "worst error " + worst + " Q15 LSB");
            Assert.AreEqual(0, IntegerSine.SinQ15(0));
            Assert.AreEqual(32767, IntegerSine.SinQ15(1u << 30));
            Assert.AreEqual(-32768, IntegerSine.SinQ15(3u << 30));
        }

        [TestMethod]
        public void SensorWorldSpansAboutPlusMinusAThousandAndRepeats()
        {
            SensorWorld a = new SensorWorld(4, 1000, 11);
            SensorWorld b = new SensorWorld(4, 1000, 11);
            int[] sa = new int[4], sb = new int[4];
            int min = int.MaxValue, max = int.MinValue;
            for (int t = 0; t < 20000; t++)
            {
                a.Sample(sa);
                b.Sample(sb);
                CollectionAssert.AreEqual(sa, sb);
                foreach (int s in sa) { min = Math.Min(min, s); max = Math.Max(max, s); }
            }
            Assert.IsTrue(min < -500 && min > -1200, "min " + min);
            Assert.IsTrue(max > 500 && max < 1200, "max " + max);
        }

        [TestMethod]
        public void SensorScenarioTickAllocatesNothing()
        {
            SensorScenario scenario = new SensorScenario(SensorNetwork.Build(1), 1);
            for (int t = 0; t < 100; t++) scenario.Tick();
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int t = 0; t < 1000; t++) scenario.Tick();
            Assert.AreEqual(0L, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        [TestMethod]
        public void FeedForwardRestartReproducesTheRun()
        {
            FeedForwardWorkload w = new FeedForwardWorkload(30, 40, 5, 3277, 9);
            for (int t = 0; t < 500; t++) w.Tick();
            uint first = w.Network.ComputeStateHash();
            long spikes = w.Hidden.TotalSpikes;
            w.Restart();
            for (int t = 0; t < 500; t++) w.Tick();
            Assert.AreEqual(first, w.Network.ComputeStateHash());
            Assert.AreEqual(spikes, w.Hidden.TotalSpikes);
            Assert.IsTrue(spikes > 0);
            Assert.AreEqual(2.0, w.WeightBytesPerSynapse);
        }
    }
}
