using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoSnn.Firmware.App;
using NanoSnn.Firmware.Boards;
using NanoSnn.Tests.Persistence;

namespace NanoSnn.Tests.Firmware
{
    /// <summary>
    /// The firmware's own boot and checkpoint code (<see cref="DeviceCheckpoints"/>, the core's
    /// <see cref="CheckpointStore"/> and <see cref="CheckpointHandoff"/>) over a flash-like block
    /// store: boot → learn for a while → snapshot on the tick thread → write on the writer thread,
    /// with the power cut after every byte of that write → reboot. The reboot must run either the
    /// state of the previous checkpoint (or the deployed model, on the first checkpoint) or the
    /// state of the new one, bit for bit, continue in lockstep with a run that never failed,
    /// never attach its learning rule twice, and checkpoint again.
    /// </summary>
    [TestClass]
    public sealed class FirmwareCheckpointTests
    {
        private const int Sector = 64;
        private const int Region = 96 * Sector;

        /// <summary>A small model of the device's layout (8 inputs, 2 readouts), as deployed: no state, no rules.</summary>
        private static byte[] DeployedModel()
        {
            var b = new NetworkBuilder(1000, 3);
            var input = b.AddInput("in", 8);
            var lif = new LifParameters { TauMembraneUs = 20000, RefractoryTicks = 2, BiasQ16 = FixedPoint.OneQ16 / 40 };
            var hidden = b.AddLif("lif", 12, lif);
            var output = b.AddReadout("out", 2, 30000, 0);
            var rng = new XorShift32(7);
            b.AddDense("in-lif", input, hidden, 4).InitializeGaussian(rng, FixedPoint.OneQ16 * 6 / 10);
            b.AddDense("lif-out", hidden, output, 4).InitializeGaussian(rng, FixedPoint.OneQ16 / 20);
            Network net = b.Build();
            byte[] bytes = new byte[ModelWriter.MeasureBytes(net, false)];
            ModelWriter.Write(net, false, bytes, 0);
            return bytes;
        }

        /// <summary>What the device does between checkpoints: sensor spikes and reward presses, both a function of the tick, so a run from a given state is reproducible.</summary>
        private static void Learn(Network net, int ticks)
        {
            var spikes = new int[8];
            for (int t = 0; t < ticks; t++)
            {
                long tick = net.Tick;
                int n = 0;
                for (int i = 0; i < 8; i++) if (((tick * 2654435761L >> (i + 3)) & 3) == 0) spikes[n++] = i;
                net.Step(spikes, n);
                if (tick % 20 == 19) net.Reward(tick % 40 == 19 ? FixedPoint.OneQ16 : -FixedPoint.OneQ16 / 2);
            }
        }

        /// <summary>Boot exactly as FirmwareApp does, minus files and pins.</summary>
        private static DeviceCheckpoints Boot(IBlockStore medium, byte[] deployed)
        {
            DeviceCheckpoints device = DeviceCheckpoints.Load(medium);
            if (device.NeedsModel) Assert.IsTrue(device.UseModel(deployed, deployed.Length, "I:\\model.nsnn"), device.Notes);
            device.UseBuiltIn(1);
            device.Prepare(2 * medium.RegionBytes, "test-board");
            Assert.IsNotNull(device.Handoff, device.Disabled);
            Assert.AreEqual(1, device.Network.Rules.Length, "one reward-STDP rule, never two");
            return device;
        }

        /// <summary>The state hash after <paramref name="ticks"/> more ticks of a network booted from <paramref name="checkpoint"/> bytes.</summary>
        private static uint HashAfter(byte[] checkpoint, int ticks)
        {
            Network net = ModelReader.Load(checkpoint, 0, checkpoint.Length);
            Learn(net, ticks);
            return net.ComputeStateHash();
        }

        private static byte[] BytesOf(Network net)
        {
            var bytes = new byte[ModelWriter.MeasureBytes(net, true)];
            ModelWriter.Write(net, true, bytes, 0);
            return bytes;
        }

        [TestMethod]
        [DataRow(0, TornSector.Prefix, false)]
        [DataRow(0, TornSector.Garbage, false)]
        [DataRow(1, TornSector.Prefix, false)]
        [DataRow(1, TornSector.Garbage, false)]
        [DataRow(1, TornSector.Stale, false)]
        [DataRow(1, TornSector.Prefix, true)]
        public void APowerCutAtEveryByteOfACheckpoint_RebootsToThePreviousOrTheNewStateAndContinuesBitExact(int earlier, TornSector torn, bool cached)
        {
            byte[] deployed = DeployedModel();
            var medium = new FaultyBlockStore(Region, Sector) { Torn = torn, CacheWrites = cached, Lost = LostWrites.Alternate };

            // Boot on an empty store (the deployed model, rules attached at boot), learn, and take `earlier` checkpoints.
            DeviceCheckpoints first = Boot(medium, deployed);
            Assert.AreEqual(1, first.RulesAttached);
            StringAssert.Contains(first.Boot.Describe(), "no checkpoint: the store is empty (first boot)");
            for (int k = 0; k < earlier; k++)
            {
                Learn(first.Network, 50);
                Assert.IsTrue(first.Handoff.TrySnapshot(first.Network));
                Assert.IsTrue(first.Handoff.WritePending());
                Assert.AreEqual(1, first.Handoff.Written, first.Handoff.LastError);
            }
            byte[] start = (byte[])medium.Medium.Bytes.Clone();
            byte[] previous = BytesOf(first.Network);   // what a reboot runs if the next checkpoint is lost
            Learn(first.Network, 50);
            byte[] next = BytesOf(first.Network);       // what the next checkpoint holds
            uint previousContinued = HashAfter(previous, 30), nextContinued = HashAfter(next, 30);

            // The bytes (erased or written) and flushes of one complete checkpoint.
            DeviceCheckpoints probe = Boot(medium, deployed);
            Learn(probe.Network, 50);
            Assert.IsTrue(probe.Handoff.TrySnapshot(probe.Network));
            medium.Arm(long.MaxValue);
            Assert.IsTrue(probe.Handoff.WritePending());
            Assert.AreEqual(1, probe.Handoff.Written, probe.Handoff.LastError);
            long total = medium.BytesIssued + medium.Flushes;

            int kept = 0, lost = 0;
            for (long budget = 0; budget <= total; budget++)
            {
                Array.Copy(start, medium.Medium.Bytes, start.Length);
                medium.Disarm();
                string where = "cut after " + budget + " of " + total + " (" + torn + (cached ? ", cached" : "") + ", " + earlier + " earlier checkpoint(s))";

                // Boot, learn, snapshot on the tick thread, then the writer thread's save, cut short.
                DeviceCheckpoints device = Boot(medium, deployed);
                Assert.AreEqual(earlier > 0, device.Boot.FromCheckpoint, where + ": " + device.Boot.Describe());
                Learn(device.Network, 50);
                Assert.IsTrue(device.Handoff.TrySnapshot(device.Network), where);
                medium.Arm(budget);
                Assert.IsTrue(device.Handoff.WritePending(), where);
                bool completed = device.Handoff.Written == 1;
                Assert.AreEqual(budget >= total, completed, where + ": " + device.Handoff.LastError);
                Assert.AreEqual(!completed, medium.CutHappened, where);
                if (!completed) StringAssert.Contains(device.Handoff.LastError, "power cut", where);
                Assert.IsFalse(device.Handoff.Pending, where + ": the buffer is released after a failed write");

                // Reboot.
                medium.Disarm();
                DeviceCheckpoints rebooted = Boot(medium, deployed);
                byte[] running = BytesOf(rebooted.Network);
                if (CheckpointFixture.Same(running, next))
                {
                    kept++;
                    Assert.IsTrue(rebooted.Boot.FromCheckpoint, where);
                    Assert.AreEqual(0, rebooted.RulesAttached, where + ": the checkpoint brings its rule");
                    Learn(rebooted.Network, 30);
                    Assert.AreEqual(nextContinued, rebooted.Network.ComputeStateHash(), where + ": continues in lockstep");
                }
                else
                {
                    lost++;
                    Assert.IsFalse(completed, where + ": a completed checkpoint must be what the reboot runs. " + rebooted.Boot.Describe());
                    Assert.IsTrue(CheckpointFixture.Same(running, previous), where + ": neither the previous nor the new state. " + rebooted.Boot.Describe());
                    Assert.AreEqual(earlier > 0, rebooted.Boot.FromCheckpoint, where + ": " + rebooted.Boot.Describe());
                    Learn(rebooted.Network, 30);
                    Assert.AreEqual(previousContinued, rebooted.Network.ComputeStateHash(), where + ": continues in lockstep");
                }

                // The device recovers: its next checkpoint lands and the boot after it runs that state
                // (checked at every 8th cut and in the header, to keep the test quick).
                if (budget % 8 != 0 && budget < total - 2 * Sector) continue;
                Assert.IsTrue(rebooted.Handoff.TrySnapshot(rebooted.Network), where);
                Assert.IsTrue(rebooted.Handoff.WritePending(), where);
                Assert.AreEqual(1, rebooted.Handoff.Written, where + ": " + rebooted.Handoff.LastError);
                DeviceCheckpoints again = Boot(medium, deployed);
                Assert.AreEqual(rebooted.Network.ComputeStateHash(), again.Network.ComputeStateHash(), where);
            }
            Console.WriteLine(total + " cuts: new state " + kept + ", previous state " + lost);
            Assert.IsTrue(kept > 0 && lost > 0, "new " + kept + ", previous " + lost + ": both outcomes must occur");
        }

        [TestMethod]
        public void AnInvalidDeployedModel_IsPassedOverWithItsReasonAndTheBuiltInNetworkRuns()
        {
            BoardConfig board = Esp32DevKitC.Create();
            var medium = new MemoryBlockStore(2, board.CheckpointFlashBytes / 2 / 4096 * 4096, 4096);
            DeviceCheckpoints device = DeviceCheckpoints.Load(medium);
            Assert.IsTrue(device.NeedsModel);
            Assert.IsTrue(device.Boot.StoreEmpty);
            byte[] garbage = new byte[100];
            Assert.IsFalse(device.UseModel(garbage, garbage.Length, "I:\\model.nsnn"));
            StringAssert.Contains(device.Notes, "I:\\model.nsnn: ");
            device.UseBuiltIn(5);
            Assert.AreEqual("built-in SensorNetwork, seed 5", device.Source);
            device.Prepare(board.CheckpointFlashBytes, board.Name);
            Assert.AreEqual(2, device.RulesAttached);
            Assert.AreEqual(ModelWriter.MeasureBytes(device.Network, true), device.CheckpointBytes);
            Assert.AreEqual(CheckpointStore.SlotBytesFor(device.CheckpointBytes, 4096), device.SlotBytes);
            Assert.AreEqual(device.CheckpointBytes, device.Store.CapacityBytes, "the save buffer is exactly one checkpoint");
            Assert.IsNotNull(device.Handoff, device.Disabled);
            Assert.AreEqual("", device.Disabled);
        }

        [TestMethod]
        public void ACheckpointLargerThanTheFlashBudget_DisablesCheckpointsAndSaysWhy()
        {
            var medium = new MemoryBlockStore(2, 16 * 4096, 4096);
            DeviceCheckpoints device = DeviceCheckpoints.Load(medium);
            device.UseBuiltIn(1);
            device.Prepare(2 * 4096, "tiny-board");
            Assert.IsNull(device.Handoff);
            StringAssert.Contains(device.Disabled, "a checkpoint of " + device.CheckpointBytes + " bytes needs 2 slots of " + device.SlotBytes + " bytes");
            StringAssert.Contains(device.Disabled, "more than the 8192 bytes tiny-board sets aside for checkpoints (checkpoint_flash_bytes)");
            Assert.AreEqual(1, device.Store.CapacityBytes, "no save buffer is allocated for disabled checkpoints");
            Assert.ThrowsExactly<InvalidOperationException>(() => DeviceCheckpoints.Load(medium).Prepare(1 << 20, "x"));
        }
    }
}
