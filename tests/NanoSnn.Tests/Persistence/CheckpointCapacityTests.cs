using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoSnn.Tests.Format;

namespace NanoSnn.Tests.Persistence
{
    /// <summary>
    /// Sizing a checkpoint store for a device: the slot a checkpoint needs, the RAM the store
    /// takes besides its buffer, and a store that loads with capacity 1 and is sized after the
    /// load without forgetting which slot it loaded.
    /// </summary>
    [TestClass]
    public sealed class CheckpointCapacityTests
    {
        [TestMethod]
        public void SlotBytesFor_IsTheHeaderSectorPlusThePayloadInWholeSectors()
        {
            Assert.AreEqual(64, CheckpointStore.PayloadOffsetFor(64));
            Assert.AreEqual(32, CheckpointStore.PayloadOffsetFor(16));
            Assert.AreEqual(4096, CheckpointStore.PayloadOffsetFor(4096));
            Assert.AreEqual(64 + 128, CheckpointStore.SlotBytesFor(100, 64));
            Assert.AreEqual(64 + 128, CheckpointStore.SlotBytesFor(128, 64));
            Assert.AreEqual(64 + 192, CheckpointStore.SlotBytesFor(129, 64));
            Assert.AreEqual(4096 + 7 * 4096, CheckpointStore.SlotBytesFor(28326, 4096));
            Assert.ThrowsExactly<ArgumentException>(() => CheckpointStore.SlotBytesFor(0, 64));
            Assert.ThrowsExactly<ArgumentException>(() => CheckpointStore.SlotBytesFor(int.MaxValue - 10, 4096));
            Assert.ThrowsExactly<ArgumentException>(() => CheckpointStore.PayloadOffsetFor(0));

            // The computed slot is exactly large enough: the checkpoint saves into it, and not into one sector less.
            Network net = CheckpointFixture.Build();
            int size = ModelWriter.MeasureBytes(net, true);
            foreach (int sector in new[] { 16, 64, 512, 4096 })
            {
                int slot = CheckpointStore.SlotBytesFor(size, sector);
                var store = new CheckpointStore(new MemoryBlockStore(2, slot, sector), size);
                Assert.IsTrue(store.Save(net), "sector " + sector);
                Assert.AreEqual(net.ComputeStateHash(), new CheckpointStore(store.Store, 1).TryLoadNewest().Network.ComputeStateHash());
                Assert.ThrowsExactly<ArgumentException>(() => new CheckpointStore(new MemoryBlockStore(2, slot - sector, sector), size), "sector " + sector);
            }
        }

        [TestMethod]
        public void OverheadBytes_IsWhatTheStoreAllocatesBesidesItsBuffer()
        {
            var medium = new MemoryBlockStore(2, 64 * 1024, 4096);
            const int capacity = 20000;
            new CheckpointStore(medium, capacity); // warm-up: JIT and type loading
            long before = GC.GetAllocatedBytesForCurrentThread();
            var store = new CheckpointStore(medium, capacity);  // OverheadBytes = 1,024 + 256 + 32
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            GC.KeepAlive(store);
            long beyond = allocated - capacity - CheckpointStore.OverheadBytes;
            // The rest is object and array headers (the store, the CRC, two slot reports and five arrays): a few hundred bytes.
            Assert.IsTrue(beyond >= 0 && beyond <= 512, "allocated " + allocated + " bytes: " + beyond + " beyond the buffer and OverheadBytes");
        }

        [TestMethod]
        public void ALoadWithCapacityOne_ThenSetCapacity_SparesTheLoadedSlot()
        {
            // Slot A: a good checkpoint (sequence 1). Slot B: newer (sequence 2), intact CRC, but not a model.
            byte[][] snapshots = CheckpointFixture.Snapshots(2);
            int capacity = CheckpointFixture.Capacity(snapshots);
            var medium = new MemoryBlockStore(2, CheckpointFixture.RegionBytes, CheckpointFixture.SectorBytes);
            var writer = new CheckpointStore(medium, capacity);
            Assert.IsTrue(writer.SaveBytes(snapshots[0], 0, snapshots[0].Length));
            byte[] notAModel = new byte[300];
            for (int i = 0; i < notAModel.Length; i++) notAModel[i] = (byte)(i * 7);
            Assert.IsTrue(writer.SaveBytes(notAModel, 0, notAModel.Length));

            var device = new CheckpointStore(medium, 1);
            CheckpointLoad boot = device.TryLoadNewest();
            Assert.AreEqual(0, boot.Slot, boot.Describe());
            Assert.IsTrue(boot.Fallback);
            Assert.AreEqual(CheckpointSlotState.ModelRejected, boot.Slots[1].State);
            Assert.AreEqual(1, device.CapacityBytes);
            var tooSmall = Assert.ThrowsExactly<ArgumentException>(() => device.Save(boot.Network));
            StringAssert.Contains(tooSmall.Message, "SetCapacity");

            device.SetCapacity(capacity);
            Assert.AreEqual(capacity, device.CapacityBytes);
            Assert.AreEqual(0, device.LiveSlot, "the load's verdict survives SetCapacity");
            FormatTestModel.Drive(boot.Network, new XorShift32(3), 5);
            Assert.IsTrue(device.Save(boot.Network));
            Assert.AreEqual(1, device.LiveSlot, "the save went to B, the slot that could not be loaded");
            Assert.AreEqual(3u, device.LiveSequence);
            CheckpointLoad again = new CheckpointStore(medium, 1).TryLoadNewest();
            Assert.AreEqual(1, again.Slot, again.Describe());
            Assert.AreEqual(CheckpointSlotState.Valid, again.Slots[0].State, "the checkpoint that was loaded is still there");
            Assert.AreEqual(1u, again.Slots[0].Sequence);

            Assert.ThrowsExactly<ArgumentException>(() => device.SetCapacity(0));
            var tooBig = Assert.ThrowsExactly<ArgumentException>(() => device.SetCapacity(CheckpointFixture.RegionBytes - CheckpointFixture.SectorBytes + 1));
            StringAssert.Contains(tooBig.Message, "the slot holds at most " + (CheckpointFixture.RegionBytes - CheckpointFixture.SectorBytes) + " bytes");
            Assert.AreEqual(capacity, device.CapacityBytes, "a refused capacity leaves the buffer as it was");
        }
    }
}
