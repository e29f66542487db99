#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace NanoSnn.PortableTests
{
    /// <summary>
    /// A/B checkpoints of a learning network on both hosts: a checkpoint loaded at boot
    /// continues bit for bit, a damaged newest slot falls back to the older one, an empty store
    /// is reported as the first boot. The power-cut and fuzz tests are host-only: tests/NanoSnn.Tests/Persistence.
    /// </summary>
    [TestClass]
    public class CheckpointTests
    {
        /// <summary>The sample network with one rule of each kind attached.</summary>
        private static Network BuildLearningNetwork()
        {
            Network net = TestSupport.BuildSampleNetwork();
            LifPopulation lif = (LifPopulation)net.FindPopulation("lif");
            LifPopulation alif = (LifPopulation)net.FindPopulation("alif");
            ReadoutPopulation output = (ReadoutPopulation)net.FindPopulation("out");
            EpropParameters eprop = new EpropParameters();
            eprop.Eligibility = EpropEligibility.Exact;
            eprop.UpdateIntervalTicks = 4;
            eprop.LearningRateShift = 4;
            eprop.OutputLearningRateShift = 4;
            net.Attach(new EpropRule(net, alif, output, (DenseProjection)net.FindProjection("in-alif"), null, (DenseProjection)net.FindProjection("alif-out"), eprop));
            RewardStdpParameters stdp = new RewardStdpParameters();
            stdp.UpdateTicks = 3;
            stdp.WeightMin = -20000;
            stdp.WeightMax = 20000;
            net.Attach(new RewardStdp(net.FindProjection("lif-alif"), stdp));
            net.Attach(new SynapticScaling(net.FindProjection("in-lif"), SynapticScaling.RateToQ24(40000, 1000), 4, 6, 6554, 1966));
            net.Attach(new IntrinsicHomeostasis(lif, 3277, 1 << 16, 3, 4, 3 << 12));
            return net;
        }

        /// <summary>Inputs from <paramref name="rng"/>; supervision and rewards from the tick number.</summary>
        private static void Drive(Network net, XorShift32 rng, int ticks)
        {
            int[] targets = new int[2];
            for (int t = 0; t < ticks; t++)
            {
                long tick = net.Tick;
                targets[0] = (int)(tick % 50) * 800 - 20000;
                targets[1] = 15000 - (int)(tick % 30) * 1000;
                net.Supervise(targets, (int)(tick / 25 % 2), true);
                if (tick % 10 == 9) net.Reward(tick % 20 == 9 ? 30000 : -10000);
                TestSupport.RunRandom(net, rng, 1, 22000);
            }
        }

        [TestMethod]
        public void ACheckpointLoadedAtBoot_ContinuesBitExactWithLearning()
        {
            Network original = BuildLearningNetwork();
            XorShift32 inputs = new XorShift32(21);
            Drive(original, inputs, 120);
            MemoryBlockStore medium = new MemoryBlockStore(2, 16 * 512, 512);
            CheckpointStore store = new CheckpointStore(medium, ModelWriter.MeasureBytes(original, true));
            Assert.IsTrue(store.Save(original));
            Assert.AreEqual(0, store.LiveSlot);

            CheckpointLoad boot = new CheckpointStore(medium, store.CapacityBytes).TryLoadNewest();
            Assert.IsTrue(boot.FromCheckpoint, boot.Describe());
            Network resumed = boot.Network;
            Assert.AreEqual(4, resumed.Rules.Length);
            Assert.AreEqual(original.ComputeStateHash(), resumed.ComputeStateHash());

            XorShift32 inputsAgain = new XorShift32(0);
            inputsAgain.State = inputs.State;
            for (int t = 0; t < 150; t++)
            {
                Drive(original, inputs, 1);
                Drive(resumed, inputsAgain, 1);
                Assert.AreEqual(original.ComputeStateHash(), resumed.ComputeStateHash(), "diverged at tick " + original.Tick);
            }
        }

        [TestMethod]
        public void ADamagedNewestSlot_FallsBackToTheOlderCheckpoint()
        {
            Network net = BuildLearningNetwork();
            XorShift32 inputs = new XorShift32(5);
            MemoryBlockStore medium = new MemoryBlockStore(2, 16 * 512, 512);
            CheckpointStore store = new CheckpointStore(medium, ModelWriter.MeasureBytes(net, true));
            Drive(net, inputs, 40);
            Assert.IsTrue(store.Save(net));
            uint older = net.ComputeStateHash();
            Drive(net, inputs, 40);
            Assert.IsTrue(store.Save(net));
            Assert.AreEqual(1, store.LiveSlot);

            medium.Bytes[medium.RegionBytes + store.PayloadOffset + 300] ^= 0x20;
            CheckpointLoad boot = new CheckpointStore(medium, store.CapacityBytes).TryLoadNewest();
            Assert.AreEqual(0, boot.Slot);
            Assert.AreEqual(1u, boot.Sequence);
            Assert.IsTrue(boot.Fallback);
            Assert.AreEqual((int)CheckpointSlotState.BadPayloadChecksum, (int)boot.Slots[1].State);
            Assert.AreEqual(older, boot.Network.ComputeStateHash());
        }

        [TestMethod]
        public void AnEmptyStore_IsTheFirstBoot()
        {
            CheckpointLoad boot = new CheckpointStore(new MemoryBlockStore(2, 4096, 512), 1000).TryLoadNewest();
            Assert.IsNull(boot.Network);
            Assert.IsTrue(boot.StoreEmpty);
            Assert.AreEqual(-1, boot.Slot);
        }
    }
}
