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
