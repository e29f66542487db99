using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace NanoSnn.Tests.Learning
{
    /// <summary>Izhikevich neurons, reward STDP (sparse and dense), synaptic scaling and the adaptive threshold allocate nothing per tick.</summary>
    [TestClass]
    public sealed class LearningAllocationTests
    {
        [TestMethod]
        public void EveryLearningFeature_AllocatesNothingPerTick()
        {
            var b = new NetworkBuilder(1000, 8);
            var input = b.AddInput("in", 40);
            IzhikevichPopulation izh = b.AddIzhikevich("izh", 60, 13 << 16);
            izh.SetFastSpiking(48, 12);
            var lif = b.AddLif("lif", 30, new LifParameters { TauMembraneUs = 20000, ThresholdQ16 = 65536 });
            SparseProjection inIzh = b.AddSparseRandom("in-izh", input, izh, 6, 10);
            SparseProjection rec = b.AddSparseRandom("rec", izh, izh, 4, 10);
            DenseProjection izhLif = b.AddDense("izh-lif", izh, lif, 4);
            inIzh.Fill(500);
            rec.Fill(4096);
            izhLif.Fill(800);
            Network net = b.Build();
            var stdpSparse = new RewardStdp(rec, new RewardStdpParameters { WeightMin = 0, WeightMax = 16384 });
            var stdpDense = new RewardStdp(izhLif, new RewardStdpParameters { WeightMax = 4000, ModulationSign = -1, BaselineShift = 4 });
            net.Attach(stdpSparse);
            net.Attach(stdpDense);
            net.Attach(new SynapticScaling(izhLif, SynapticScaling.RateToQ24(10000, 1000), 10, 200, 6554, 1966));
            net.Attach(new IntrinsicHomeostasis(lif, 3277, 1 << 16, 10, 8, 3 << 12));
            var rng = new XorShift32(3);
            int[] spikes = new int[40];

            void Tick(int t)
            {
                int n = 0;
                for (int i = 0; i < 40; i++) if (rng.NextInt(100) < 5) spikes[n++] = i;
                net.Step(spikes, n);
                if (t % 250 == 0)
                {
                    stdpSparse.Reward(32768);
                    stdpDense.Reward(16384);
                }
            }

            for (int t = 0; t < 3000; t++) Tick(t);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int t = 0; t < 10000; t++) Tick(t);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.AreEqual(0L, allocated, "bytes allocated by 10,000 ticks");
            Assert.IsTrue(izh.TotalSpikes > 0 && lif.TotalSpikes > 0, "both populations must spike for the test to mean anything");
            Assert.IsTrue(stdpSparse.WeightUpdates > 0 && stdpDense.WeightUpdates > 0);
        }
    }
}
