using System;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoSnn.Cli.Persistence;

namespace NanoSnn.Cli.Tests
{
    /// <summary>The host's file-backed block store keeps the <see cref="IBlockStore"/> contract and carries A/B checkpoints.</summary>
    [TestClass]
    public sealed class FileBlockStoreTests
    {
        [TestMethod]
        public void UnwrittenBytesReadErasedAndWritesEraseAndReadsRoundTrip()
        {
            using TempFiles temp = new TempFiles();
            string dir = temp.PathOf("store");
            var store = new FileBlockStore(dir, 256, 64);
            Assert.IsTrue(Directory.Exists(dir));
            Assert.AreEqual(2, store.RegionCount);
            var buffer = new byte[256];
            store.Read(0, 0, buffer, 0, 256);
            foreach (byte b in buffer) Assert.AreEqual((byte)0xFF, b);
            Assert.IsFalse(File.Exists(store.PathOf(0)), "reading creates no file");

            byte[] data = { 1, 2, 3, 4, 5 };
            store.Write(1, 100, data, 1, 3);
            store.Flush(1);
            Assert.AreEqual(103L, new FileInfo(Path.Combine(dir, "checkpoint-b.bin")).Length, "the file grows to the last byte written");
            store.Read(1, 98, buffer, 0, 8);
            CollectionAssert.AreEqual(new byte[] { 0xFF, 0xFF, 2, 3, 4, 0xFF, 0xFF, 0xFF }, buffer[..8]);

            store.Erase(1, 1); // bytes 64..127
            store.Read(1, 98, buffer, 0, 8);
            CollectionAssert.AreEqual(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF }, buffer[..8]);
            Assert.AreEqual(103L, new FileInfo(store.PathOf(1)).Length, "erasing does not grow or shrink the file");
            store.Erase(1, 3);
            store.Erase(0, 0);
            Assert.AreEqual(103L, new FileInfo(store.PathOf(1)).Length);
            Assert.IsFalse(File.Exists(store.PathOf(0)));

            Assert.ThrowsExactly<ArgumentException>(() => store.Read(2, 0, buffer, 0, 1));
            Assert.ThrowsExactly<ArgumentException>(() => store.Write(0, 255, buffer, 0, 2));
            Assert.ThrowsExactly<ArgumentException>(() => store.Erase(0, 4));
            Assert.ThrowsExactly<ArgumentException>(() => new FileBlockStore(dir, 100, 64));
        }

        [TestMethod]
        public void CheckpointsSavedToFilesLoadBackAndAlternate()
        {
            using TempFiles temp = new TempFiles();
            string dir = temp.PathOf("store");
            Network network = SensorNetwork.Build(4);
            int capacity = ModelWriter.MeasureBytes(network, true);
            var checkpoints = new CheckpointStore(new FileBlockStore(dir, 64 * 1024, 4096), capacity);
            Assert.IsTrue(checkpoints.Save(network));
            network.Step(new[] { 0, 1 }, 2);
            Assert.IsTrue(checkpoints.Save(network));
            Assert.AreEqual(1, checkpoints.LiveSlot);

            // A reader that knows nothing of the writer's sector size.
            CheckpointLoad load = new CheckpointStore(FileBlockStore.OpenExisting(dir), 1).TryLoadNewest();
            Assert.AreEqual(1, load.Slot, load.Describe());
            Assert.AreEqual(2u, load.Sequence);
            Assert.AreEqual(network.ComputeStateHash(), load.Network.ComputeStateHash());
            Assert.AreEqual(4096 + capacity, (int)new FileInfo(Path.Combine(dir, "checkpoint-b.bin")).Length);
        }
    }
}
