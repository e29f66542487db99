using System;
using System.Collections.Concurrent;
using System.IO;
using System.Threading;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoSnn.Tests.Format;

namespace NanoSnn.Tests.Persistence
{
    /// <summary>
    /// The hand-off of a checkpoint from the ticking thread to the writer thread: a snapshot is
    /// written exactly as taken, a second one is refused while the first is pending, failures
    /// are counted with their reason and leave the previous checkpoint live, the ticking half
    /// allocates nothing, and with two real threads and a slow medium every checkpoint on the
    /// medium is the network exactly as it was when its snapshot was taken.
    /// </summary>
    [TestClass]
    public sealed class CheckpointHandoffTests
    {
        private static MemoryBlockStore NewMedium() => new MemoryBlockStore(2, CheckpointFixture.RegionBytes, CheckpointFixture.SectorBytes);

        private static Network Reload(IBlockStore medium) => new CheckpointStore(medium, 1).TryLoadNewest().Network;

        [TestMethod]
        public void ASnapshotIsWrittenAsTakenAndASecondIsRefusedWhilePending()
        {
            Network net = CheckpointFixture.Build();
            var rng = new XorShift32(11);
            MemoryBlockStore medium = NewMedium();
            var handoff = new CheckpointHandoff(new CheckpointStore(medium, ModelWriter.MeasureBytes(net, true)));
            Assert.AreEqual(-1L, handoff.LastSnapshotTick);
            Assert.IsFalse(handoff.WritePending(), "nothing pending");

            FormatTestModel.Drive(net, rng, 10);
            uint atSnapshot = net.ComputeStateHash();
            long tick = net.Tick;
            Assert.IsTrue(handoff.TrySnapshot(net));
            Assert.IsTrue(handoff.Pending);
            Assert.AreEqual(tick, handoff.LastSnapshotTick);
            Assert.AreEqual(ModelWriter.MeasureBytes(net, true), handoff.LastSnapshotBytes);

            // The network moves on; a second snapshot must not touch the pending one.
            FormatTestModel.Drive(net, rng, 10);
            Assert.AreNotEqual(atSnapshot, net.ComputeStateHash());
            Assert.IsFalse(handoff.TrySnapshot(net));
            Assert.AreEqual(1, handoff.Refused);
            Assert.AreEqual(tick, handoff.LastSnapshotTick);
            Assert.IsTrue(Reload(medium) == null, "nothing reaches the medium before the writer runs");

            Assert.IsTrue(handoff.WritePending());
            Assert.IsFalse(handoff.Pending);
            Assert.AreEqual(1, handoff.Written);
            Assert.AreEqual(tick, handoff.LastWrittenTick);
            Assert.IsNull(handoff.LastError);
            Network loaded = Reload(medium);
            Assert.AreEqual(tick, loaded.Tick);
            Assert.AreEqual(atSnapshot, loaded.ComputeStateHash(), "the checkpoint is the network at its snapshot");

            Assert.IsTrue(handoff.TrySnapshot(net), "free again after the write");
            Assert.IsTrue(handoff.WritePending());
            Assert.AreEqual(2, handoff.Written);
            Assert.AreEqual(net.ComputeStateHash(), Reload(medium).ComputeStateHash());
            Assert.AreEqual(1, handoff.Store.LiveSlot);
        }

        /// <summary>Fails every write after <see cref="FailWrites"/> is set, or silently drops header writes.</summary>
        private sealed class BrokenMedium : IBlockStore
        {
            public readonly MemoryBlockStore Inner = NewMedium();
            public bool FailWrites, DropHeaders;
            public int RegionCount => 2;
            public int RegionBytes => Inner.RegionBytes;
            public int SectorBytes => Inner.SectorBytes;
            public void Erase(int region, int sector) => Inner.Erase(region, sector);
            public void Read(int region, int position, byte[] buffer, int offset, int count) => Inner.Read(region, position, buffer, offset, count);
            public void Flush(int region) => Inner.Flush(region);

            public void Write(int region, int position, byte[] buffer, int offset, int count)
            {
                if (FailWrites) throw new IOException("flash write error in region " + region);
                if (DropHeaders && position == 0) return;
                Inner.Write(region, position, buffer, offset, count);
            }
        }

        [TestMethod]
        public void AFailedReadBack_OnAStoreNeverScanned_NamesTheSlotTheSaveWrote()
        {
            Network net = CheckpointFixture.Build();
            var medium = new BrokenMedium();
            int capacity = ModelWriter.MeasureBytes(net, true);
            Assert.IsTrue(new CheckpointStore(medium, capacity).Save(net), "slot A holds a checkpoint");

            // A new store has not scanned yet: the save scans, finds A live and writes B.
            var handoff = new CheckpointHandoff(new CheckpointStore(medium, capacity));
            medium.DropHeaders = true;
            FormatTestModel.Drive(net, new XorShift32(6), 3);
            Assert.IsTrue(handoff.TrySnapshot(net));
            Assert.IsTrue(handoff.WritePending());
            Assert.AreEqual(1, handoff.Failed);
            StringAssert.Contains(handoff.LastError, "did not read back intact: slot B: erased");
            Assert.AreEqual(0, handoff.Store.LiveSlot);
        }

        [TestMethod]
        public void AFailedWrite_IsCountedWithItsReasonAndThePreviousCheckpointStaysLive()
        {
            Network net = CheckpointFixture.Build();
            var rng = new XorShift32(4);
            var medium = new BrokenMedium();
            var handoff = new CheckpointHandoff(new CheckpointStore(medium, ModelWriter.MeasureBytes(net, true)));
            FormatTestModel.Drive(net, rng, 5);
            Assert.IsTrue(handoff.TrySnapshot(net));
            Assert.IsTrue(handoff.WritePending());
            uint first = net.ComputeStateHash();

            FormatTestModel.Drive(net, rng, 5);
            medium.FailWrites = true;
            Assert.IsTrue(handoff.TrySnapshot(net));
            Assert.IsTrue(handoff.WritePending());
            Assert.AreEqual(1, handoff.Written);
            Assert.AreEqual(1, handoff.Failed);
            Assert.IsFalse(handoff.Pending, "a failure releases the buffer");
            StringAssert.Contains(handoff.LastError, "checkpoint of tick " + net.Tick + " failed: flash write error in region 1");
            Assert.AreEqual(0, handoff.Store.LiveSlot);
            Assert.AreEqual(first, Reload(medium).ComputeStateHash());

            medium.FailWrites = false;
            medium.DropHeaders = true;
            Assert.IsTrue(handoff.TrySnapshot(net));
            Assert.IsTrue(handoff.WritePending());
            Assert.AreEqual(2, handoff.Failed);
            StringAssert.Contains(handoff.LastError, "did not read back intact: slot B: erased");
            Assert.AreEqual(first, Reload(medium).ComputeStateHash());

            medium.DropHeaders = false;
            Assert.IsTrue(handoff.TrySnapshot(net));
            Assert.IsTrue(handoff.WritePending());
            Assert.AreEqual(2, handoff.Written);
            Assert.IsNull(handoff.LastError, "a success clears the error");
            Assert.AreEqual(net.ComputeStateHash(), Reload(medium).ComputeStateHash());
        }

        [TestMethod]
        public void TheTickingHalfAndTheWritingHalf_AllocateNothing()
        {
            Network net = CheckpointFixture.Build();
            var rng = new XorShift32(8);
            var handoff = new CheckpointHandoff(new CheckpointStore(NewMedium(), ModelWriter.MeasureBytes(net, true)));
            Assert.IsTrue(handoff.TrySnapshot(net));
            Assert.IsTrue(handoff.WritePending()); // warm-up
            long snapshotting = 0, writing = 0;
            for (int i = 0; i < 20; i++)
            {
                FormatTestModel.Drive(net, rng, 1);
                long before = GC.GetAllocatedBytesForCurrentThread();
                bool taken = handoff.TrySnapshot(net);
                bool refused = !handoff.TrySnapshot(net);
                snapshotting += GC.GetAllocatedBytesForCurrentThread() - before;
                Assert.IsTrue(taken && refused);
                before = GC.GetAllocatedBytesForCurrentThread();
                Assert.IsTrue(handoff.WritePending());
                writing += GC.GetAllocatedBytesForCurrentThread() - before;
            }
            Assert.AreEqual(0L, snapshotting, "bytes allocated by 20 snapshots and 20 refusals");
            Assert.AreEqual(0L, writing, "bytes allocated by 20 writes to a memory medium");
            Assert.AreEqual(21, handoff.Written);
        }

        /// <summary>A medium slow enough that the ticking thread runs many ticks during one write.</summary>
        private sealed class SlowMedium : IBlockStore
        {
            public readonly MemoryBlockStore Inner = NewMedium();
            public int RegionCount => 2;
            public int RegionBytes => Inner.RegionBytes;
            public int SectorBytes => Inner.SectorBytes;
            public void Erase(int region, int sector) { Thread.SpinWait(2000); Inner.Erase(region, sector); }
            public void Read(int region, int position, byte[] buffer, int offset, int count) => Inner.Read(region, position, buffer, offset, count);
            public void Flush(int region) => Thread.Sleep(1);

            public void Write(int region, int position, byte[] buffer, int offset, int count)
            {
                // Byte by byte, yielding: the ticking thread gets every chance to touch the buffer mid-write.
                for (int i = 0; i < count; i++)
                {
                    Inner.Write(region, position + i, buffer, offset + i, 1);
                    if (i % 64 == 0) Thread.Yield();
                }
            }
        }

        [TestMethod]
        public void TwoThreads_EveryCheckpointIsTheNetworkAtItsSnapshot()
        {
            Network net = CheckpointFixture.Build();
            var rng = new XorShift32(17);
            var medium = new SlowMedium();
            var handoff = new CheckpointHandoff(new CheckpointStore(medium, ModelWriter.MeasureBytes(net, true)));
            var hashAtTick = new ConcurrentDictionary<long, uint>();
            var wake = new AutoResetEvent(false);
            bool stop = false;
            int checkedWrites = 0;
            string mismatch = null;

            var writer = new Thread(() =>
            {
                while (!Volatile.Read(ref stop))
                {
                    wake.WaitOne(50);
                    if (!handoff.WritePending()) continue;
                    // What is on the medium now is the snapshot just written: it must be the network as it was then.
                    Network loaded = Reload(medium.Inner);
                    if (!hashAtTick.TryGetValue(loaded.Tick, out uint expected) || expected != loaded.ComputeStateHash())
                        mismatch ??= "tick " + loaded.Tick + ": the checkpoint is not the network at its snapshot";
                    Interlocked.Increment(ref checkedWrites);
                }
            });
            writer.Start();
            try
            {
                int taken = 0;
                for (int t = 0; t < 2_000_000 && taken < 8; t++)
                {
                    FormatTestModel.Drive(net, rng, 1);
                    hashAtTick[net.Tick] = net.ComputeStateHash();
                    if (t % 5 == 0 && handoff.TrySnapshot(net))
                    {
                        taken++;
                        wake.Set();
                    }
                }
                for (int i = 0; i < 200 && handoff.Pending; i++) Thread.Sleep(10);
            }
            finally
            {
                Volatile.Write(ref stop, true);
                wake.Set();
                writer.Join();
            }
            Assert.IsNull(mismatch, mismatch);
            Assert.AreEqual(0, handoff.Failed, handoff.LastError);
            Assert.IsTrue(handoff.Written >= 3, "written " + handoff.Written);
            Assert.AreEqual(handoff.Written, checkedWrites);
            Assert.IsTrue(handoff.Refused > 0, "the ticking thread never met a pending write: the test did not exercise the refusal");
        }
    }
}
