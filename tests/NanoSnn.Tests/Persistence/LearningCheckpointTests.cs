using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoSnn.Tests.Format;

namespace NanoSnn.Tests.Persistence
{
    /// <summary>
    /// The whole story on a learning network: checkpoints every 100 ticks into A/B slots, the
    /// power fails in the middle of a checkpoint, the device reboots from the last complete
    /// one and, fed the same inputs again, ends exactly where the run that never failed ends.
    /// </summary>
    [TestClass]
    public sealed class LearningCheckpointTests
    {
        [TestMethod]
        [DataRow("all")]
        [DataRow("eprop-exact-alif-interval7")]
        [DataRow("eprop-exact-alif-sequence")]
        [DataRow("rstdp-sparse-baseline")]
        [DataRow("homeostasis")]
        public void APowerCutWhileLearning_ResumesFromTheLastCheckpointBitExact(string configuration)
        {
            Network reference = LearningNetworks.Build(configuration);
            LearningNetworks.Run(reference, 600);

            Network device = LearningNetworks.Build(configuration);
            var store = new FaultyBlockStore(256 * 64, 64) { Torn = TornSector.Garbage };
            int capacity = ModelWriter.MeasureBytes(device, true);
            var checkpoints = new CheckpointStore(store, capacity);
            Assert.IsNull(checkpoints.TryLoadNewest().Network, "first boot: empty store");
            for (int i = 0; i < 3; i++)
            {
                LearningNetworks.Run(device, 100);
                Assert.IsTrue(checkpoints.Save(device));
            }
            LearningNetworks.Run(device, 100);
            // The fourth checkpoint (tick 400) is cut off half-way through.
            store.Arm(long.MaxValue);
            var probe = new CheckpointStore(new MemoryBlockStore(2, store.RegionBytes, store.SectorBytes), capacity);
            Assert.IsTrue(probe.Save(device));
            store.Arm(capacity / 2);
            Assert.ThrowsExactly<PowerCutException>(() => checkpoints.Save(device));

            store.Disarm();
            CheckpointLoad boot = new CheckpointStore(store, capacity).TryLoadNewest();
            Assert.IsTrue(boot.FromCheckpoint, boot.Describe());
            Assert.AreEqual(3u, boot.Sequence, boot.Describe());
            Assert.AreEqual(300L, boot.Network.Tick);
            Assert.AreEqual(device.Rules.Length, boot.Network.Rules.Length);
            LearningNetworks.Run(boot.Network, 300);
            Assert.AreEqual(reference.ComputeStateHash(), boot.Network.ComputeStateHash(), boot.Describe());
            for (int q = 0; q < reference.Projections.Length; q++)
                CollectionAssert.AreEqual(reference.Projections[q].Weights, boot.Network.Projections[q].Weights, reference.Projections[q].Name);
        }
    }
}
