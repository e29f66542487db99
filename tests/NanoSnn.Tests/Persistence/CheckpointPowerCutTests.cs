using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace NanoSnn.Tests.Persistence
{
    /// <summary>
    /// The power is cut at every byte offset of a checkpoint write (every erased byte, every
    /// written byte, every flush), with the sector in progress left torn in each of the ways
    /// flash tears, or with unflushed writes lost or reordered. After each cut the device
    /// reboots: it must load exactly the previous checkpoint or exactly the new one (compared
    /// byte for byte and by state hash), never a mixture, never nothing when something was
    /// there, and the next save must work.
    /// </summary>
    [TestClass]
    public sealed class CheckpointPowerCutTests
    {
        private sealed class Tally
        {
            public int Cuts, Old, New, Nothing;
            public override string ToString() => Cuts + " cuts: previous checkpoint " + Old + ", new checkpoint " + New + ", none (empty store) " + Nothing;
        }

        /// <summary>
        /// Saves snapshot <paramref name="existing"/> into a store that already holds snapshots
        /// 0..existing-1, cutting the power after every possible number of bytes.
        /// </summary>
        private static Tally CutEverywhere(int existing, TornSector torn, bool cache, LostWrites lost)
        {
            byte[][] snapshots = CheckpointFixture.Snapshots(existing + 2);
            int capacity = CheckpointFixture.Capacity(snapshots);
            var store = new FaultyBlockStore(CheckpointFixture.RegionBytes, CheckpointFixture.SectorBytes) { Torn = torn, CacheWrites = cache, Lost = lost };
            var setup = new CheckpointStore(store, capacity);
            for (int i = 0; i < existing; i++) Assert.IsTrue(setup.SaveBytes(snapshots[i], 0, snapshots[i].Length));
            byte[] start = (byte[])store.Medium.Bytes.Clone();
            byte[] previous = existing == 0 ? null : snapshots[existing - 1];
            byte[] next = snapshots[existing];
            byte[] after = snapshots[existing + 1];
            uint previousHash = previous == null ? 0 : ModelReader.Load(previous).ComputeStateHash();
            Network nextNetwork = ModelReader.Load(next);
            uint nextHash = nextNetwork.ComputeStateHash();

            // The budget of a complete save: every byte erased or written plus every flush.
            var probe = new CheckpointStore(store, capacity);
            probe.TryLoadNewest();
            store.Arm(long.MaxValue);
            Assert.IsTrue(probe.Save(nextNetwork));
            long total = store.BytesIssued + store.Flushes;

            var tally = new Tally();
            for (long budget = 0; budget <= total; budget++)
            {
                Array.Copy(start, store.Medium.Bytes, start.Length);
                store.Disarm();
                var device = new CheckpointStore(store, capacity);
                CheckpointLoad boot = device.TryLoadNewest();
                Assert.AreEqual(previous != null, boot.FromCheckpoint, boot.Describe());

                store.Arm(budget);
                bool completed;
                try
                {
                    Assert.IsTrue(device.Save(nextNetwork));
                    completed = true;
                }
                catch (PowerCutException)
                {
                    completed = false;
                    tally.Cuts++;
                }
                string where = "cut after " + budget + " of " + total + " (" + torn + (cache ? ", cached, lost " + lost : "") + ")";
                Assert.AreEqual(budget >= total, completed, where);

                // Reboot.
                store.Disarm();
                var rebooted = new CheckpointStore(store, capacity);
                CheckpointLoad load = rebooted.TryLoadNewest();
                byte[] loaded = load.Network == null ? null : CheckpointFixture.BytesOf(load.Network);
                if (CheckpointFixture.Same(loaded, next))
                {
                    Assert.AreEqual(nextHash, load.Network.ComputeStateHash(), where);
                    tally.New++;
                }
                else if (CheckpointFixture.Same(loaded, previous))
                {
                    Assert.IsFalse(completed, where + ": a completed save must load as the newest checkpoint. " + load.Describe());
                    Assert.AreEqual(previousHash, load.Network.ComputeStateHash(), where);
                    tally.Old++;
                }
                else
                {
                    Assert.IsNull(loaded, where + ": loaded a checkpoint that is neither the previous nor the new one. " + load.Describe());
                    Assert.IsNull(previous, where + ": the previous checkpoint was lost. " + load.Describe());
                    tally.Nothing++;
                }

                // The store recovers: the next save lands and is what the following boot loads
                // (checked at every 4th cut and at every cut in the header, to keep the test quick).
                if (budget % 4 != 0 && budget < total - 2 * CheckpointFixture.SectorBytes) continue;
                Assert.IsTrue(rebooted.SaveBytes(after, 0, after.Length), where);
                CheckpointLoad again = new CheckpointStore(store, capacity).TryLoadNewest();
                Assert.IsTrue(CheckpointFixture.Same(after, CheckpointFixture.BytesOf(again.Network)), where + ": " + again.Describe());
            }
            Console.WriteLine(tally);
            // Both outcomes occur, so the test can tell a lost checkpoint from a kept one.
            Assert.IsTrue(tally.New > 0 && tally.Old + tally.Nothing > 0, tally.ToString());
            Assert.AreEqual(total, (long)tally.Cuts, tally.ToString());
            return tally;
        }

        [TestMethod]
        [DataRow(0, TornSector.Prefix)]
        [DataRow(0, TornSector.Erased)]
        [DataRow(0, TornSector.Stale)]
        [DataRow(0, TornSector.Garbage)]
        [DataRow(1, TornSector.Prefix)]
        [DataRow(1, TornSector.Erased)]
        [DataRow(1, TornSector.Stale)]
        [DataRow(1, TornSector.Garbage)]
        [DataRow(2, TornSector.Prefix)]
        [DataRow(2, TornSector.Erased)]
        [DataRow(2, TornSector.Stale)]
        [DataRow(2, TornSector.Garbage)]
        [DataRow(3, TornSector.Stale)]
        public void CutAtEveryByte_LoadsThePreviousOrTheNewCheckpoint(int existing, TornSector torn)
        {
            Tally tally = CutEverywhere(existing, torn, false, LostWrites.All);
            // Only a cut before the header's last byte loses the new checkpoint; everything later keeps it.
            if (existing == 0) Assert.AreEqual(0, tally.Old, tally.ToString());
            else Assert.AreEqual(0, tally.Nothing, tally.ToString());
        }

        [TestMethod]
        [DataRow(0, LostWrites.All)]
        [DataRow(0, LostWrites.AllButLatest)]
        [DataRow(0, LostWrites.Alternate)]
        [DataRow(2, LostWrites.All)]
        [DataRow(2, LostWrites.AllButLatest)]
        [DataRow(2, LostWrites.Alternate)]
        public void CutWithUnflushedWritesLostOrReordered_LoadsThePreviousOrTheNewCheckpoint(int existing, LostWrites lost)
        {
            CutEverywhere(existing, TornSector.Prefix, true, lost);
        }

        [TestMethod]
        public void CutAtEveryByte_WithFlashSizedSectors()
        {
            // 4 KB sectors as on the ESP32: the header sector is mostly padding, erases dominate.
            byte[][] snapshots = CheckpointFixture.Snapshots(3);
            int capacity = CheckpointFixture.Capacity(snapshots);
            var store = new FaultyBlockStore(3 * 4096, 4096) { Torn = TornSector.Garbage };
            Assert.IsTrue(new CheckpointStore(store, capacity).SaveBytes(snapshots[0], 0, snapshots[0].Length));
            byte[] start = (byte[])store.Medium.Bytes.Clone();
            int old = 0, fresh = 0;
            for (long budget = 0; ; budget += 7)
            {
                Array.Copy(start, store.Medium.Bytes, start.Length);
                store.Disarm();
                var device = new CheckpointStore(store, capacity);
                device.TryLoadNewest();
                store.Arm(budget);
                bool completed = true;
                try { device.SaveBytes(snapshots[1], 0, snapshots[1].Length); }
                catch (PowerCutException) { completed = false; }
                store.Disarm();
                CheckpointLoad load = new CheckpointStore(store, capacity).TryLoadNewest();
                byte[] loaded = CheckpointFixture.BytesOf(load.Network);
                if (CheckpointFixture.Same(loaded, snapshots[1])) fresh++;
                else
                {
                    Assert.IsTrue(CheckpointFixture.Same(loaded, snapshots[0]), "budget " + budget + ": " + load.Describe());
                    Assert.IsFalse(completed);
                    old++;
                }
                if (completed) break;
            }
            Assert.IsTrue(old > 1000 && fresh > 0, "previous " + old + ", new " + fresh);
        }
    }
}
