using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace NanoSnn.Tests.Core
{
    [TestClass]
    public sealed class DeterminismTests
    {
        private static uint Run(uint seed, int ticks)
        {
            var s = new EveryFeatureScenario(seed);
            for (int i = 0; i < ticks; i++) s.Tick();
            return s.Network.ComputeStateHash();
        }

        [TestMethod]
        public void SameDescriptionAndSeed_GiveSameHash()
        {
            Assert.AreEqual(Run(3, 2000), Run(3, 2000));
        }

        [TestMethod]
        public void DifferentSeedOrLength_GiveDifferentHash()
        {
            Assert.AreNotEqual(Run(3, 2000), Run(4, 2000));
            Assert.AreNotEqual(Run(3, 2000), Run(3, 2001));
        }

        [TestMethod]
        public void CheckpointAndResume_ContinuesBitExactly()
        {
            // Run A: 3000 ticks straight. Run B: checkpoint at 1500, load into a fresh
            // network, continue with the same input stream. Hashes must agree at the end.
            var a = new EveryFeatureScenario(8);
            var b = new EveryFeatureScenario(8);
            for (int i = 0; i < 1500; i++) { a.Tick(); b.Tick(); }
            var bytes = new byte[ModelWriter.MeasureBytes(b.Network, true)];
            ModelWriter.Write(b.Network, true, bytes, 0);
            Network restored = ModelReader.Load(bytes);
            Assert.AreEqual(b.Network.ComputeStateHash(), restored.ComputeStateHash());

            var spikes = new int[a.Network.InputSize];
            var rng = new XorShift32(77);
            for (int i = 0; i < 1500; i++)
            {
                int n = 0;
                for (int c = 0; c < spikes.Length; c++) if (rng.NextBernoulli(4000)) spikes[n++] = c;
                a.Network.Step(spikes, n);
                restored.Step(spikes, n);
            }
            Assert.AreEqual(a.Network.ComputeStateHash(), restored.ComputeStateHash());
        }

        [TestMethod]
        public void ResetState_ReturnsToTheBuiltState()
        {
            var s = new EveryFeatureScenario(2);
            uint fresh = s.Network.ComputeStateHash();
            for (int i = 0; i < 500; i++) s.Tick();
            Assert.AreNotEqual(fresh, s.Network.ComputeStateHash());
            s.Network.ResetState();
            Assert.AreEqual(fresh, s.Network.ComputeStateHash());
        }
    }
}
