using System;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoSnn.Tests.Format;

namespace NanoSnn.Tests.Persistence
{
    /// <summary>
    /// Boot and save of the A/B checkpoint store: alternation, first boot, damaged slots
    /// (every single-bit flip in either slot, both slots damaged), stale payloads, models the
    /// reader rejects, store failures, sequence wrap-around, and a save that allocates nothing.
    /// </summary>
    [TestClass]
    public sealed class CheckpointStoreTests
    {
        private static MemoryBlockStore NewMedium() => new MemoryBlockStore(2, CheckpointFixture.RegionBytes, CheckpointFixture.SectorBytes);

        private static CheckpointLoad Boot(IBlockStore medium, int capacity) => new CheckpointStore(medium, capacity).TryLoadNewest();

        [TestMethod]
        public void SavesAlternateBetweenTheSlotsWithRisingSequenceNumbers()
        {
            byte[][] snapshots = CheckpointFixture.Snapshots(5);
            int capacity = CheckpointFixture.Capacity(snapshots);
            MemoryBlockStore medium = NewMedium();
            var store = new CheckpointStore(medium, capacity);
            Assert.AreEqual(CheckpointFixture.SectorBytes, store.PayloadOffset);
            Assert.AreEqual(-1, store.LiveSlot);
            for (int i = 0; i < snapshots.Length; i++)
            {
                Assert.IsTrue(store.Save(ModelReader.Load(snapshots[i])));
                Assert.AreEqual(i % 2, store.LiveSlot);
                Assert.AreEqual((uint)(i + 1), store.LiveSequence);
                CheckpointLoad load = Boot(medium, capacity);
                Assert.AreEqual(i % 2, load.Slot, load.Describe());
                Assert.AreEqual((uint)(i + 1), load.Sequence);
                Assert.IsFalse(load.Fallback);
                Assert.IsTrue(CheckpointFixture.Same(snapshots[i], CheckpointFixture.BytesOf(load.Network)), load.Describe());
                StringAssert.Contains(load.Describe(), "loaded checkpoint from slot " + (i % 2 == 0 ? "A" : "B") + " (sequence " + (i + 1) + ")");
                if (i > 0) Assert.AreEqual(CheckpointSlotState.Valid, load.Slots[1 - i % 2].State, "the older slot stays valid");
            }
        }

        [TestMethod]
        public void ALoadedCheckpointContinuesInLockstepWithTheOriginal()
        {
            Network original = CheckpointFixture.Build();
            MemoryBlockStore medium = NewMedium();
            var store = new CheckpointStore(medium, ModelWriter.MeasureBytes(original, true));
            Assert.IsTrue(store.Save(original));
            Network resumed = Boot(medium, store.CapacityBytes).Network;
            Assert.AreEqual(original.ComputeStateHash(), resumed.ComputeStateHash());
            var a = new XorShift32(9);
            var b = new XorShift32(9);
            for (int t = 0; t < 300; t++)
            {
                FormatTestModel.Drive(original, a, 1);
                FormatTestModel.Drive(resumed, b, 1);
                Assert.AreEqual(original.ComputeStateHash(), resumed.ComputeStateHash(), "diverged at tick " + original.Tick);
            }
        }

        [TestMethod]
        public void FirstBootWithAnEmptyStore_FallsBackToTheFlashedModel()
        {
            Network flashed = CheckpointFixture.Build();
            byte[] model = FormatTestModel.Save(flashed, false);
            MemoryBlockStore medium = NewMedium();
            var store = new CheckpointStore(medium, ModelWriter.MeasureBytes(flashed, true));

            CheckpointLoad none = store.TryLoadNewest();
            Assert.IsNull(none.Network);
            Assert.IsTrue(none.StoreEmpty);
            Assert.IsFalse(none.FromCheckpoint);
            Assert.AreEqual(-1, store.LiveSlot);
            Assert.AreEqual(CheckpointSlotState.Erased, none.Slots[0].State);
            Assert.AreEqual(CheckpointSlotState.Erased, none.Slots[1].State);
            Assert.AreEqual("no checkpoint: the store is empty (first boot)", none.Describe());

            CheckpointLoad boot = store.LoadNewestOrModel(model, 0, model.Length);
            Assert.IsFalse(boot.FromCheckpoint);
            Assert.AreEqual(-1, boot.Slot);
            CollectionAssert.AreEqual(model, FormatTestModel.Save(boot.Network, false));
            StringAssert.Contains(boot.Describe(), "started from the flashed model");

            // The first checkpoint goes to slot A with sequence 1; then boot prefers it to the flashed model.
            Assert.IsTrue(store.Save(boot.Network));
            CheckpointLoad second = new CheckpointStore(medium, store.CapacityBytes).LoadNewestOrModel(model, 0, model.Length);
            Assert.AreEqual(0, second.Slot);
            Assert.AreEqual(1u, second.Sequence);
            Assert.IsTrue(second.FromCheckpoint);
        }

        [TestMethod]
        public void EverySingleBitFlipInEitherSlot_LoadsTheOtherSlotOrIsHarmless()
        {
            byte[][] snapshots = CheckpointFixture.Snapshots(2);
            int capacity = CheckpointFixture.Capacity(snapshots);
            MemoryBlockStore medium = NewMedium();
            var writer = new CheckpointStore(medium, capacity);
            Assert.IsTrue(writer.SaveBytes(snapshots[0], 0, snapshots[0].Length)); // A, sequence 1
            Assert.IsTrue(writer.SaveBytes(snapshots[1], 0, snapshots[1].Length)); // B, sequence 2
            int used = CheckpointFixture.SectorBytes + snapshots[0].Length;
            var counts = new int[10];
            int harmless = 0;
            for (int slot = 0; slot < 2; slot++)
            {
                byte[] other = snapshots[1 - slot];
                for (int i = 0; i < used; i++)
                    for (int bit = 0; bit < 8; bit++)
                    {
                        int at = slot * medium.RegionBytes + i;
                        medium.Bytes[at] ^= (byte)(1 << bit);
                        CheckpointLoad load = Boot(medium, capacity);
                        medium.Bytes[at] ^= (byte)(1 << bit);
                        string where = "slot " + slot + " byte " + i + " bit " + bit + ": " + load.Describe();
                        byte[] loaded = CheckpointFixture.BytesOf(load.Network);
                        CheckpointSlotState state = load.Slots[slot].State;
                        if (i >= CheckpointHeader.Bytes && i < CheckpointFixture.SectorBytes)
                        {
                            // Padding of the header sector: nobody reads it.
                            Assert.AreEqual(CheckpointSlotState.Valid, state, where);
                            Assert.IsTrue(CheckpointFixture.Same(snapshots[1], loaded), where);
                            harmless++;
                            continue;
                        }
                        CheckpointSlotState expected = i < 4 ? CheckpointSlotState.BadMagic
                            : i < CheckpointHeader.Bytes ? CheckpointSlotState.BadHeaderChecksum
                            : CheckpointSlotState.BadPayloadChecksum;
                        Assert.AreEqual(expected, state, where);
                        Assert.AreEqual(1 - slot, load.Slot, where);
                        Assert.IsTrue(CheckpointFixture.Same(other, loaded), where);
                        Assert.AreEqual(CheckpointSlotState.Valid, load.Slots[1 - slot].State, where);
                        // The newer slot damaged: an older checkpoint is loaded, and that is said.
                        Assert.AreEqual(slot == 1 && expected == CheckpointSlotState.BadPayloadChecksum, load.Fallback, where);
                        StringAssert.Contains(load.Describe(), "slot " + CheckpointStore.SlotName(slot) + ": rejected (" + CheckpointSlotReport.StateName(expected) + ")");
                        counts[(int)state]++;
                    }
            }
            Assert.AreEqual(2 * 4 * 8, counts[(int)CheckpointSlotState.BadMagic]);
            Assert.AreEqual(2 * 28 * 8, counts[(int)CheckpointSlotState.BadHeaderChecksum]);
            Assert.AreEqual(2 * snapshots[0].Length * 8, counts[(int)CheckpointSlotState.BadPayloadChecksum]);
            Assert.AreEqual(2 * (CheckpointFixture.SectorBytes - CheckpointHeader.Bytes) * 8, harmless);
        }

        [TestMethod]
        public void BothSlotsDamaged_IsAClearErrorAndBootFallsBackToTheFlashedModel()
        {
            byte[][] snapshots = CheckpointFixture.Snapshots(2);
            int capacity = CheckpointFixture.Capacity(snapshots);
            MemoryBlockStore medium = NewMedium();
            var writer = new CheckpointStore(medium, capacity);
            writer.SaveBytes(snapshots[0], 0, snapshots[0].Length);
            writer.SaveBytes(snapshots[1], 0, snapshots[1].Length);
            medium.Bytes[CheckpointFixture.SectorBytes + 100] ^= 0x10;              // slot A payload
            medium.Bytes[medium.RegionBytes + CheckpointHeader.SequenceAt] ^= 0x01; // slot B header

            var store = new CheckpointStore(medium, capacity);
            CheckpointLoad load = store.TryLoadNewest();
            Assert.IsNull(load.Network);
            Assert.IsFalse(load.StoreEmpty);
            Assert.AreEqual(-1, store.LiveSlot);
            Assert.AreEqual(CheckpointSlotState.BadPayloadChecksum, load.Slots[0].State);
            Assert.AreEqual(CheckpointSlotState.BadHeaderChecksum, load.Slots[1].State);
            string message = load.Describe();
            StringAssert.StartsWith(message, "no valid checkpoint: slot A: rejected (BadPayloadChecksum): sequence 1, payload of " + snapshots[0].Length + " bytes at offset 64 has CRC-32C 0x");
            StringAssert.Contains(message, "; slot B: rejected (BadHeaderChecksum): header CRC-32 at byte 28 stores 0x");
            Console.WriteLine(message);

            byte[] model = FormatTestModel.Save(CheckpointFixture.Build(), false);
            CheckpointLoad boot = store.LoadNewestOrModel(model, 0, model.Length);
            Assert.IsNotNull(boot.Network);
            Assert.IsFalse(boot.FromCheckpoint);
            StringAssert.EndsWith(boot.Describe(), "; started from the flashed model");

            // Writing goes on: the next checkpoint lands in A with a sequence above every intact header (B's is not).
            Assert.IsTrue(store.Save(boot.Network));
            Assert.AreEqual(0, store.LiveSlot);
            Assert.AreEqual(2u, store.LiveSequence);
            Assert.AreEqual(0, Boot(medium, capacity).Slot);

            // No checkpoint and a bad flashed model: the model's own error.
            Assert.ThrowsExactly<ModelFormatException>(() => new CheckpointStore(NewMedium(), capacity).LoadNewestOrModel(new byte[40], 0, 40));
        }

        [TestMethod]
        public void AStaleCompleteModelUnderANewHeader_IsRejected()
        {
            // Every intact model file ends with its own CRC-32, so the CRC-32 of any of them is the
            // same residue: a CRC-32 in the header could not tell a checkpoint from a stale one.
            byte[][] snapshots = CheckpointFixture.Snapshots(3);
            Assert.AreEqual(Crc32.Compute(snapshots[0], 0, snapshots[0].Length), Crc32.Compute(snapshots[1], 0, snapshots[1].Length));
            Assert.AreEqual(0x2144DF1Cu, Crc32.Compute(snapshots[2], 0, snapshots[2].Length));
            var crc32c = new Crc32C();
            Assert.AreNotEqual(crc32c.Compute(snapshots[0], 0, snapshots[0].Length), crc32c.Compute(snapshots[1], 0, snapshots[1].Length));

            // A header written for snapshot 2 over snapshot 0's payload (what a lost payload write would leave).
            MemoryBlockStore medium = NewMedium();
            CheckpointFixture.Place(medium, 0, 5, snapshots[2]);
            CheckpointFixture.Place(medium, 1, 4, snapshots[1]);
            Array.Copy(snapshots[0], 0, medium.Bytes, CheckpointFixture.SectorBytes, snapshots[0].Length);
            CheckpointLoad load = Boot(medium, CheckpointFixture.Capacity(snapshots));
            Assert.AreEqual(CheckpointSlotState.BadPayloadChecksum, load.Slots[0].State, load.Describe());
            Assert.AreEqual(1, load.Slot);
            Assert.IsTrue(load.Fallback);
            Assert.IsTrue(CheckpointFixture.Same(snapshots[1], CheckpointFixture.BytesOf(load.Network)));
        }

        [TestMethod]
        public void Crc32C_MatchesTheCastagnoliCheckValue()
        {
            byte[] check = System.Text.Encoding.ASCII.GetBytes("123456789");
            var crc = new Crc32C();
            Assert.AreEqual(0xE3069283u, crc.Compute(check, 0, check.Length));
            Assert.AreEqual(0u, crc.Compute(check, 0, 0));
            uint running = crc.Append(Crc32C.Start, check, 0, 4);
            Assert.AreEqual(0xE3069283u, Crc32C.Finish(crc.Append(running, check, 4, 5)));
        }

        [TestMethod]
        public void AnIntactPayloadTheModelReaderRejects_FallsBackToTheOlderSlot()
        {
            byte[][] snapshots = CheckpointFixture.Snapshots(1);
            int capacity = CheckpointFixture.Capacity(snapshots);
            MemoryBlockStore medium = NewMedium();
            var writer = new CheckpointStore(medium, capacity);
            Assert.IsTrue(writer.SaveBytes(snapshots[0], 0, snapshots[0].Length));
            // A model of a format version this build does not read (e.g. written by newer firmware), correctly checkpointed.
            byte[] future = (byte[])snapshots[0].Clone();
            LittleEndian.WriteUInt16(future, 4, 99);
            Assert.IsTrue(writer.SaveBytes(future, 0, future.Length));

            var store = new CheckpointStore(medium, capacity);
            CheckpointLoad load = store.TryLoadNewest();
            Assert.AreEqual(0, load.Slot);
            Assert.IsTrue(load.Fallback);
            Assert.AreEqual(CheckpointSlotState.ModelRejected, load.Slots[1].State);
            Assert.IsInstanceOfType<ModelFormatException>(load.Slots[1].Error);
            Assert.AreEqual(ModelFormatError.UnsupportedVersion, ((ModelFormatException)load.Slots[1].Error).Error);
            StringAssert.Contains(load.Describe(), "the older one: the newer slot was rejected");
            StringAssert.Contains(load.Describe(), "slot B: rejected (ModelRejected): sequence 2, payload intact but model file rejected (UnsupportedVersion): version at byte 4");
            // The next save replaces the rejected slot, never the one that loaded.
            Assert.IsTrue(store.Save(load.Network));
            Assert.AreEqual(1, store.LiveSlot);
            Assert.AreEqual(3u, store.LiveSequence);
        }

        [TestMethod]
        public void SequenceNumbersWrapAround()
        {
            byte[][] snapshots = CheckpointFixture.Snapshots(4);
            int capacity = CheckpointFixture.Capacity(snapshots);
            MemoryBlockStore medium = NewMedium();
            CheckpointFixture.Place(medium, 0, 0xFFFFFFFEu, snapshots[0]);
            CheckpointFixture.Place(medium, 1, 0xFFFFFFFFu, snapshots[1]);
            var store = new CheckpointStore(medium, capacity);
            CheckpointLoad load = store.TryLoadNewest();
            Assert.AreEqual(1, load.Slot, load.Describe());
            Assert.AreEqual(0xFFFFFFFFu, load.Sequence);

            Assert.IsTrue(store.SaveBytes(snapshots[2], 0, snapshots[2].Length));
            Assert.AreEqual(0, store.LiveSlot);
            Assert.AreEqual(0u, store.LiveSequence, "0xFFFFFFFF + 1 wraps to 0");
            load = Boot(medium, capacity);
            Assert.AreEqual(0, load.Slot, "sequence 0 is newer than 0xFFFFFFFF: " + load.Describe());
            Assert.IsTrue(CheckpointFixture.Same(snapshots[2], CheckpointFixture.BytesOf(load.Network)));

            store = new CheckpointStore(medium, capacity);
            Assert.IsTrue(store.SaveBytes(snapshots[3], 0, snapshots[3].Length));
            Assert.AreEqual(1, store.LiveSlot);
            Assert.AreEqual(1u, store.LiveSequence);
            load = Boot(medium, capacity);
            Assert.AreEqual(1, load.Slot, load.Describe());
            Assert.IsTrue(CheckpointFixture.Same(snapshots[3], CheckpointFixture.BytesOf(load.Network)));

            // Serial-number arithmetic across the whole circle.
            Assert.IsTrue(CheckpointHeader.IsNewer(0, 0xFFFFFFFFu));
            Assert.IsTrue(CheckpointHeader.IsNewer(5, 0xFFFFFFF0u));
            Assert.IsFalse(CheckpointHeader.IsNewer(0xFFFFFFFFu, 0));
            Assert.IsTrue(CheckpointHeader.IsNewer(0x80000000u, 0x7FFFFFFFu));
            Assert.IsFalse(CheckpointHeader.IsNewer(7, 7));
        }

        [TestMethod]
        public void EqualSequenceNumbers_PreferSlotAAndTheNextSaveGoesToB()
        {
            byte[][] snapshots = CheckpointFixture.Snapshots(3);
            int capacity = CheckpointFixture.Capacity(snapshots);
            MemoryBlockStore medium = NewMedium();
            CheckpointFixture.Place(medium, 0, 9, snapshots[0]);
            CheckpointFixture.Place(medium, 1, 9, snapshots[1]);
            var store = new CheckpointStore(medium, capacity);
            Assert.AreEqual(0, store.TryLoadNewest().Slot);
            Assert.IsTrue(store.SaveBytes(snapshots[2], 0, snapshots[2].Length));
            Assert.AreEqual(1, store.LiveSlot);
            Assert.AreEqual(10u, store.LiveSequence);
        }

        [TestMethod]
        public void HeaderFieldsOutOfRange_AreRejectedWithoutReadingOutsideTheSlot()
        {
            byte[][] snapshots = CheckpointFixture.Snapshots(2);
            int capacity = CheckpointFixture.Capacity(snapshots);
            var cases = new (int Field, int Value, CheckpointSlotState State)[]
            {
                (CheckpointHeader.VersionAt, 2, CheckpointSlotState.UnsupportedLayout),
                (CheckpointHeader.SizeAt, 33, CheckpointSlotState.UnsupportedLayout),
                (CheckpointHeader.ReservedAt, 1, CheckpointSlotState.UnsupportedLayout),
                (CheckpointHeader.PayloadOffsetAt, 0, CheckpointSlotState.BadPayloadRange),
                (CheckpointHeader.PayloadOffsetAt, 31, CheckpointSlotState.BadPayloadRange),
                (CheckpointHeader.PayloadOffsetAt, CheckpointFixture.RegionBytes + 1, CheckpointSlotState.BadPayloadRange),
                (CheckpointHeader.PayloadOffsetAt, int.MinValue, CheckpointSlotState.BadPayloadRange),
                (CheckpointHeader.PayloadLengthAt, 0, CheckpointSlotState.BadPayloadRange),
                (CheckpointHeader.PayloadLengthAt, -1, CheckpointSlotState.BadPayloadRange),
                (CheckpointHeader.PayloadLengthAt, CheckpointFixture.RegionBytes - 63, CheckpointSlotState.BadPayloadRange),
                (CheckpointHeader.PayloadLengthAt, int.MaxValue, CheckpointSlotState.BadPayloadRange),
                (CheckpointHeader.PayloadLengthAt, snapshots[1].Length - 1, CheckpointSlotState.BadPayloadChecksum),
            };
            foreach (var c in cases)
            {
                MemoryBlockStore medium = NewMedium();
                CheckpointFixture.Place(medium, 0, 1, snapshots[0]);
                CheckpointFixture.Place(medium, 1, 2, snapshots[1]);
                int b = medium.RegionBytes;
                if (c.Field == CheckpointHeader.VersionAt || c.Field == CheckpointHeader.SizeAt) LittleEndian.WriteUInt16(medium.Bytes, b + c.Field, c.Value);
                else LittleEndian.WriteInt32(medium.Bytes, b + c.Field, c.Value);
                // Re-seal the header so that only the field check can object.
                LittleEndian.WriteInt32(medium.Bytes, b + CheckpointHeader.HeaderCrcAt, (int)Crc32.Compute(medium.Bytes, b, CheckpointHeader.HeaderCrcAt));
                CheckpointLoad load = Boot(medium, capacity);
                string where = "field " + c.Field + " = " + c.Value + ": " + load.Describe();
                Assert.AreEqual(c.State, load.Slots[1].State, where);
                Assert.AreEqual(0, load.Slot, where);
            }
        }

        [TestMethod]
        public void AForeignOrZeroedHeader_IsBadMagic()
        {
            byte[][] snapshots = CheckpointFixture.Snapshots(1);
            MemoryBlockStore medium = NewMedium();
            CheckpointFixture.Place(medium, 1, 1, snapshots[0]);
            Array.Clear(medium.Bytes, 0, CheckpointHeader.Bytes);
            CheckpointLoad load = Boot(medium, CheckpointFixture.Capacity(snapshots));
            Assert.AreEqual(CheckpointSlotState.BadMagic, load.Slots[0].State);
            Assert.AreEqual(1, load.Slot);
            StringAssert.Contains(load.Describe(), "slot A: rejected (BadMagic): header at byte 0 does not start with 'NSCK'");
        }

        /// <summary>A store whose reads of one region fail, or whose writes silently vanish.</summary>
        private sealed class FailingStore : IBlockStore
        {
            public readonly MemoryBlockStore Inner = NewMedium();
            public int FailReadsOf = -1;
            public bool DropHeaderWrites;
            public int RegionCount => 2;
            public int RegionBytes => Inner.RegionBytes;
            public int SectorBytes => Inner.SectorBytes;
            public void Erase(int region, int sector) => Inner.Erase(region, sector);
            public void Flush(int region) => Inner.Flush(region);

            public void Read(int region, int position, byte[] buffer, int offset, int count)
            {
                if (region == FailReadsOf) throw new IOException("flash read error in region " + region);
                Inner.Read(region, position, buffer, offset, count);
            }

            public void Write(int region, int position, byte[] buffer, int offset, int count)
            {
                if (DropHeaderWrites && position == 0) return;
                Inner.Write(region, position, buffer, offset, count);
            }
        }

        [TestMethod]
        public void AFailingRead_IsReportedAndTheOtherSlotLoads()
        {
            byte[][] snapshots = CheckpointFixture.Snapshots(2);
            int capacity = CheckpointFixture.Capacity(snapshots);
            var store = new FailingStore();
            var writer = new CheckpointStore(store, capacity);
            writer.SaveBytes(snapshots[0], 0, snapshots[0].Length);
            writer.SaveBytes(snapshots[1], 0, snapshots[1].Length);
            store.FailReadsOf = 1;
            CheckpointLoad load = Boot(store, capacity);
            Assert.AreEqual(0, load.Slot);
            Assert.AreEqual(CheckpointSlotState.ReadFailed, load.Slots[1].State);
            Assert.IsInstanceOfType<IOException>(load.Slots[1].Error);
            StringAssert.Contains(load.Describe(), "slot B: rejected (ReadFailed): flash read error in region 1");
        }

        [TestMethod]
        public void AWriteTheMediumDropped_IsCaughtByTheReadBackAndTheOldCheckpointStaysLive()
        {
            byte[][] snapshots = CheckpointFixture.Snapshots(2);
            int capacity = CheckpointFixture.Capacity(snapshots);
            var store = new FailingStore();
            var checkpoints = new CheckpointStore(store, capacity);
            Assert.IsTrue(checkpoints.SaveBytes(snapshots[0], 0, snapshots[0].Length));
            store.DropHeaderWrites = true;
            Assert.IsFalse(checkpoints.SaveBytes(snapshots[1], 0, snapshots[1].Length));
            Assert.AreEqual(0, checkpoints.LiveSlot);
            Assert.AreEqual(1u, checkpoints.LiveSequence);
            Assert.AreEqual(CheckpointSlotState.Erased, checkpoints.Report(1).State);
            // The next attempt goes to the same (non-live) slot again.
            store.DropHeaderWrites = false;
            Assert.IsTrue(checkpoints.SaveBytes(snapshots[1], 0, snapshots[1].Length));
            Assert.AreEqual(1, checkpoints.LiveSlot);
            Assert.AreEqual(2u, checkpoints.LiveSequence);
        }

        [TestMethod]
        public void Saving_AllocatesNothing()
        {
            Network net = CheckpointFixture.Build();
            MemoryBlockStore medium = NewMedium();
            var store = new CheckpointStore(medium, ModelWriter.MeasureBytes(net, true));
            Assert.IsTrue(store.Save(net)); // warm-up (the first save also scans the slots)
            store.Scan();
            long before = GC.GetAllocatedBytesForCurrentThread();
            bool ok = true;
            for (int i = 0; i < 20; i++)
            {
                ok &= store.Save(net);
                store.Scan();
            }
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.IsTrue(ok);
            Assert.AreEqual(0L, allocated, "bytes allocated by 20 checkpoints and scans");
            Assert.AreEqual(21u, store.LiveSequence);

            // A first save on a fresh store scans the slots first, and also allocates nothing.
            var fresh = new CheckpointStore(NewMedium(), store.CapacityBytes);
            before = GC.GetAllocatedBytesForCurrentThread();
            Assert.IsTrue(fresh.Save(net));
            Assert.AreEqual(0L, GC.GetAllocatedBytesForCurrentThread() - before, "first save");
        }

        [TestMethod]
        public void ArgumentsAndGeometry_AreChecked()
        {
            Network net = CheckpointFixture.Build();
            int size = ModelWriter.MeasureBytes(net, true);
            Assert.ThrowsExactly<ArgumentNullException>(() => new CheckpointStore(null, 100));
            Assert.ThrowsExactly<ArgumentException>(() => new CheckpointStore(new MemoryBlockStore(1, 4096, 64), 100));
            Assert.ThrowsExactly<ArgumentException>(() => new CheckpointStore(NewMedium(), 0));
            var tooBig = Assert.ThrowsExactly<ArgumentException>(() => new CheckpointStore(NewMedium(), CheckpointFixture.RegionBytes - 63));
            StringAssert.Contains(tooBig.Message, "the slot holds at most " + (CheckpointFixture.RegionBytes - 64) + " bytes");
            var store = new CheckpointStore(NewMedium(), size - 1);
            var small = Assert.ThrowsExactly<ArgumentException>(() => store.Save(net));
            StringAssert.Contains(small.Message, "checkpoint of " + size + " bytes exceeds the store's buffer of " + (size - 1));
            Assert.ThrowsExactly<ArgumentNullException>(() => store.Save(null));
            Assert.ThrowsExactly<ArgumentNullException>(() => store.SaveBytes(null, 0, 1));
            Assert.ThrowsExactly<ArgumentException>(() => store.SaveBytes(new byte[10], 5, 6));
            Assert.ThrowsExactly<ArgumentException>(() => store.SaveBytes(new byte[10], 0, 0));
            Assert.ThrowsExactly<ArgumentException>(() => store.SaveBytes(new byte[CheckpointFixture.RegionBytes], 0, CheckpointFixture.RegionBytes - 63));
            // Header sectors: with 16-byte sectors the 32-byte header takes two, and the payload starts at 32.
            Assert.AreEqual(32, new CheckpointStore(new MemoryBlockStore(2, 4096, 16), 100).PayloadOffset);
            Assert.AreEqual(4096, new CheckpointStore(new MemoryBlockStore(2, 3 * 4096, 4096), 100).PayloadOffset);
            Assert.AreEqual("checkpoint-a.bin", CheckpointStore.RegionFileName(0));
            Assert.AreEqual("checkpoint-b.bin", CheckpointStore.RegionFileName(1));
        }

        [TestMethod]
        public void MemoryBlockStore_ChecksItsArguments()
        {
            Assert.ThrowsExactly<ArgumentException>(() => new MemoryBlockStore(0, 64, 64));
            Assert.ThrowsExactly<ArgumentException>(() => new MemoryBlockStore(2, 100, 64));
            Assert.ThrowsExactly<ArgumentException>(() => new MemoryBlockStore(2, 64, 0));
            Assert.ThrowsExactly<ArgumentException>(() => new MemoryBlockStore(3, 1 << 30, 64));
            var m = new MemoryBlockStore(2, 128, 64);
            Assert.AreEqual(256, m.Bytes.Length);
            foreach (byte b in m.Bytes) Assert.AreEqual((byte)0xFF, b);
            var buffer = new byte[200];
            Assert.ThrowsExactly<ArgumentException>(() => m.Read(2, 0, buffer, 0, 1));
            Assert.ThrowsExactly<ArgumentException>(() => m.Read(-1, 0, buffer, 0, 1));
            Assert.ThrowsExactly<ArgumentException>(() => m.Read(0, 127, buffer, 0, 2));
            Assert.ThrowsExactly<ArgumentException>(() => m.Read(0, -1, buffer, 0, 1));
            Assert.ThrowsExactly<ArgumentException>(() => m.Write(0, 0, buffer, 199, 2));
            Assert.ThrowsExactly<ArgumentException>(() => m.Write(0, int.MaxValue, buffer, 0, 2));
            Assert.ThrowsExactly<ArgumentNullException>(() => m.Write(0, 0, null, 0, 0));
            Assert.ThrowsExactly<ArgumentException>(() => m.Erase(0, 2));
            Assert.ThrowsExactly<ArgumentException>(() => m.Erase(1, -1));
            buffer[0] = 1; buffer[1] = 2;
            m.Write(1, 64, buffer, 0, 2);
            Assert.AreEqual(1, m.Bytes[128 + 64]);
            m.Erase(1, 1);
            Assert.AreEqual(0xFF, m.Bytes[128 + 64]);
        }
    }
}
