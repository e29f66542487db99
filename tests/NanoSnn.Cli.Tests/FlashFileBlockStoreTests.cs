using System;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoSnn.Cli.Fit;
using NanoSnn.Firmware.Storage;

namespace NanoSnn.Cli.Tests
{
    /// <summary>
    /// The firmware's flash block store, compiled from firmware/NanoSnn.Firmware/Storage and run
    /// on host files (its FileStream calls have the same signatures in .NET and nanoFramework):
    /// it keeps the <see cref="IBlockStore"/> contract, pre-sizes without touching a checkpoint
    /// already there, carries the device's boot-and-save sequence across "reboots" (new
    /// instances), and writes the layout <c>nanosnn inspect DIR</c> reads. What it cannot show:
    /// how littlefs on the chip behaves at a power cut (see the store's remarks and the README).
    /// </summary>
    [TestClass]
    public sealed class FlashFileBlockStoreTests
    {
        private static string Root(string dir)
        {
            Directory.CreateDirectory(dir);
            return dir + Path.DirectorySeparatorChar;
        }

        private static void AssertErased(byte[] buffer, int from, int to, string what)
        {
            for (int i = from; i < to; i++) Assert.AreEqual((byte)0xFF, buffer[i], what + ": byte " + i);
        }

        [TestMethod]
        public void KeepsTheBlockStoreContract()
        {
            using TempFiles temp = new TempFiles();
            string root = Root(temp.PathOf("flash"));
            var store = new FlashFileBlockStore(root, 4 * 512, 512);
            Assert.AreEqual(2, store.RegionCount);
            Assert.AreEqual(2048, store.RegionBytes);
            Assert.AreEqual(512, store.SectorBytes);
            Assert.AreEqual(root + "checkpoint-a.bin", store.PathOf(0));
            Assert.AreEqual(root + "checkpoint-b.bin", store.PathOf(1));

            // Nothing exists yet: everything reads erased and nothing is created.
            var buffer = new byte[2048];
            store.Read(1, 0, buffer, 0, 2048);
            AssertErased(buffer, 0, 2048, "no file");
            store.Erase(0, 3);
            store.Flush(0);
            Assert.IsFalse(File.Exists(store.PathOf(0)) || File.Exists(store.PathOf(1)), "reads, erases and flushes of missing files create nothing");

            // Pre-sizing creates both files, erased, and commits them.
            store.Presize(1024);
            foreach (int r in new[] { 0, 1 })
            {
                Assert.AreEqual(1024, store.FileBytes(r));
                byte[] file = File.ReadAllBytes(store.PathOf(r));
                Assert.AreEqual(1024, file.Length);
                AssertErased(file, 0, 1024, "pre-sized file " + r);
            }

            // Writes land at their position (in chunks of FillBytes), reads see them, the rest stays erased.
            var data = new byte[700];
            for (int i = 0; i < data.Length; i++) data[i] = (byte)(i * 13 + 1);
            store.Write(1, 100, data, 0, 700);
            store.Read(1, 0, buffer, 0, 2048);
            AssertErased(buffer, 0, 100, "before the write");
            for (int i = 0; i < 700; i++) Assert.AreEqual(data[i], buffer[100 + i], "written byte " + i);
            AssertErased(buffer, 800, 2048, "after the write (and past the file's end)");
            store.Flush(1);
            byte[] onDisk = File.ReadAllBytes(store.PathOf(1));
            Assert.AreEqual(1024, onDisk.Length, "a write inside the file does not grow it");
            for (int i = 0; i < 700; i++) Assert.AreEqual(data[i], onDisk[100 + i]);

            // Erasing a sector sets exactly that sector to 0xFF, and never grows the file.
            store.Erase(1, 1);
            store.Erase(1, 3);
            store.Flush(1);
            onDisk = File.ReadAllBytes(store.PathOf(1));
            Assert.AreEqual(1024, onDisk.Length);
            for (int i = 0; i < 412; i++) Assert.AreEqual(data[i], onDisk[100 + i], "sector 0 keeps its bytes");
            AssertErased(onDisk, 512, 1024, "erased sector 1");

            // A write past the end grows the file, the gap erased (only if the files were not pre-sized).
            store.Write(0, 1500, data, 0, 10);
            store.Flush(0);
            Assert.AreEqual(1510, store.FileBytes(0));
            onDisk = File.ReadAllBytes(store.PathOf(0));
            Assert.AreEqual(1510, onDisk.Length);
            AssertErased(onDisk, 0, 1500, "the gap");

            // A new instance (a reboot) sees the same lengths and bytes.
            var again = new FlashFileBlockStore(root, 4 * 512, 512);
            Assert.AreEqual(1510, again.FileBytes(0));
            Assert.AreEqual(1024, again.FileBytes(1));
            again.Read(1, 100, buffer, 0, 412);
            for (int i = 0; i < 412; i++) Assert.AreEqual(data[i], buffer[i]);

            // Pre-sizing never shrinks a file and refuses more than a region.
            again.Presize(512);
            Assert.AreEqual(1510, new FileInfo(again.PathOf(0)).Length);
            Assert.ThrowsExactly<ArgumentException>(() => again.Presize(2049));

            Assert.ThrowsExactly<ArgumentException>(() => store.Read(2, 0, buffer, 0, 1));
            Assert.ThrowsExactly<ArgumentException>(() => store.Write(0, 2047, buffer, 0, 2));
            Assert.ThrowsExactly<ArgumentException>(() => store.Erase(0, 4));
            Assert.ThrowsExactly<ArgumentException>(() => store.Erase(0, -1));
            Assert.ThrowsExactly<ArgumentNullException>(() => store.Write(0, 0, null, 0, 1));
            Assert.ThrowsExactly<ArgumentException>(() => new FlashFileBlockStore(root, 1000, 512));
            Assert.ThrowsExactly<ArgumentException>(() => new FlashFileBlockStore(root, 512, 0));
        }

        [TestMethod]
        public void TheDevicesBootAndSaveSequence_SurvivesReboots_AndNanosnnInspectReadsTheFiles()
        {
            using TempFiles temp = new TempFiles();
            string dir = temp.PathOf("flash");
            string root = Root(dir);
            const int Sector = FlashFileBlockStore.FlashSectorBytes;
            const int Region = 96 * 1024 / 2; // the DevKitC's checkpoint flash budget, halved

            // First boot: nothing on the flash.
            var flash = new FlashFileBlockStore(root, Region, Sector);
            var store = new CheckpointStore(flash, 1);
            Assert.IsTrue(store.TryLoadNewest().StoreEmpty);
            Network network = SensorNetwork.Build(2);
            int checkpoint = ModelWriter.MeasureBytes(network, true);
            int slot = CheckpointStore.SlotBytesFor(checkpoint, Sector);
            store.SetCapacity(checkpoint);
            flash.Presize(slot);
            Assert.IsTrue(store.Save(network));
            for (int t = 0; t < 5; t++) network.Step(new[] { t }, 1);
            Assert.IsTrue(store.Save(network));
            Assert.AreEqual(1, store.LiveSlot);

            // Reboot: a new instance over the same files loads the newest checkpoint.
            var rebooted = new CheckpointStore(new FlashFileBlockStore(root, Region, Sector), 1);
            CheckpointLoad boot = rebooted.TryLoadNewest();
            Assert.AreEqual(1, boot.Slot, boot.Describe());
            Assert.AreEqual(2u, boot.Sequence);
            Assert.AreEqual(network.ComputeStateHash(), boot.Network.ComputeStateHash());
            rebooted.SetCapacity(checkpoint);
            boot.Network.Step(new[] { 1 }, 1);
            Assert.IsTrue(rebooted.Save(boot.Network));
            Assert.AreEqual(0, rebooted.LiveSlot, "the third checkpoint replaces the oldest");
            foreach (string name in new[] { "checkpoint-a.bin", "checkpoint-b.bin" })
                Assert.AreEqual(slot, (int)new FileInfo(Path.Combine(dir, name)).Length, name + " keeps its pre-sized length");

            CliRun run = CliRun.Invoke("inspect", dir);
            Assert.AreEqual(0, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Output, "loaded checkpoint from slot A (sequence 3)");
            StringAssert.Contains(run.Output, "state hash 0x" + boot.Network.ComputeStateHash().ToString("X8"));
        }

        [TestMethod]
        public void FitCountsTheFirmwaresEraseBuffer()
        {
            // Read at run time: both are constants of two assemblies that cannot reference each other.
            static object Constant(Type type, string name) => type.GetField(name).GetRawConstantValue();
            Assert.AreEqual(Constant(typeof(FlashFileBlockStore), "FillBytes"), Constant(typeof(FitBudget), "FlashEraseBufferBytes"));
            Assert.AreEqual(Constant(typeof(FlashFileBlockStore), "FlashSectorBytes"), Constant(typeof(FitBudget), "FlashSectorBytes"));
        }
    }
}
