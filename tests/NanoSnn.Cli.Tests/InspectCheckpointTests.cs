using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoSnn.Cli.Persistence;

namespace NanoSnn.Cli.Tests
{
    /// <summary><c>nanosnn inspect</c> on a checkpoint store directory, on a single slot file and on a model with learning rules.</summary>
    [TestClass]
    public sealed class InspectCheckpointTests
    {
        /// <summary>A store in <paramref name="dir"/> with two checkpoints of the sensor network: A at tick 0, B at tick 3.</summary>
        private static Network WriteStore(string dir)
        {
            Network network = SensorNetwork.Build(3);
            var checkpoints = new CheckpointStore(new FileBlockStore(dir, 32 * 1024, 4096), ModelWriter.MeasureBytes(network, true));
            Assert.IsTrue(checkpoints.Save(network));
            for (int t = 0; t < 3; t++) network.Step(new[] { t }, 1);
            Assert.IsTrue(checkpoints.Save(network));
            return network;
        }

        [TestMethod]
        public void AStoreDirectory_LoadsTheNewestSlotAndDescribesBoth()
        {
            using TempFiles temp = new TempFiles();
            string dir = temp.PathOf("ckpt");
            Network network = WriteStore(dir);
            CliRun run = CliRun.Invoke("inspect", dir);
            Assert.AreEqual(0, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Output, "checkpoint store " + dir + ": loaded checkpoint from slot B (sequence 2)" + System.Environment.NewLine + "  slot A: valid, sequence 1, ");
            StringAssert.Contains(run.Output, System.Environment.NewLine + "  slot B: valid, sequence 2, ");
            StringAssert.Contains(run.Output, "checkpoint-b.bin (slot B, sequence 2, payload at byte 4096)");
            StringAssert.Contains(run.Output, "state section: yes, a checkpoint at tick 3");
            StringAssert.Contains(run.Output, "state hash 0x" + network.ComputeStateHash().ToString("X8"));
        }

        [TestMethod]
        public void ADamagedNewestSlot_FallsBackAndSaysWhy()
        {
            using TempFiles temp = new TempFiles();
            string dir = temp.PathOf("ckpt");
            WriteStore(dir);
            string b = Path.Combine(dir, "checkpoint-b.bin");
            byte[] bytes = File.ReadAllBytes(b);
            bytes[4096 + 200] ^= 0x04;
            File.WriteAllBytes(b, bytes);
            CliRun run = CliRun.Invoke("inspect", dir);
            Assert.AreEqual(0, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Output, "loaded checkpoint from slot A (sequence 1), the older one: the newer slot was rejected");
            StringAssert.Contains(run.Output, "slot B: rejected (BadPayloadChecksum): sequence 2");
            StringAssert.Contains(run.Output, "state section: yes, a checkpoint at tick 0");
        }

        [TestMethod]
        public void BothSlotsDamaged_ExitsTwoNamingBoth()
        {
            using TempFiles temp = new TempFiles();
            string dir = temp.PathOf("ckpt");
            WriteStore(dir);
            foreach (string name in new[] { "checkpoint-a.bin", "checkpoint-b.bin" })
            {
                string path = Path.Combine(dir, name);
                byte[] bytes = File.ReadAllBytes(path);
                bytes[10] ^= 0x01;
                File.WriteAllBytes(path, bytes);
            }
            CliRun run = CliRun.Invoke("inspect", dir);
            Assert.AreEqual(2, run.ExitCode, run.ToString());
            Assert.AreEqual("", run.Output);
            StringAssert.Contains(run.Error, "no valid checkpoint: slot A: rejected (BadHeaderChecksum)");
            StringAssert.Contains(run.Error, "slot B: rejected (BadHeaderChecksum)");
        }

        [TestMethod]
        public void ASingleSlotFile_IsInspectedOnItsOwn()
        {
            using TempFiles temp = new TempFiles();
            string dir = temp.PathOf("ckpt");
            WriteStore(dir);
            CliRun run = CliRun.Invoke("inspect", Path.Combine(dir, "checkpoint-b.bin"));
            Assert.AreEqual(0, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Output, "loaded checkpoint from slot B (sequence 2)" + System.Environment.NewLine + "  slot A: erased");
            StringAssert.Contains(run.Output, "tick 3");

            string copy = temp.PathOf("copy.bin");
            File.Copy(Path.Combine(dir, "checkpoint-a.bin"), copy);
            CliRun a = CliRun.Invoke("inspect", copy);
            Assert.AreEqual(0, a.ExitCode, a.ToString());
            StringAssert.Contains(a.Output, "checkpoint slot file " + copy + ": loaded checkpoint from slot A (sequence 1)");
        }

        [TestMethod]
        public void LearningRulesAreListed()
        {
            using TempFiles temp = new TempFiles();
            Network network = SensorNetwork.Build(3);
            network.Attach(new RewardStdp(network.FindProjection("lif-alif"), new RewardStdpParameters { UpdateTicks = 20 }));
            network.Attach(new IntrinsicHomeostasis(network.FindPopulation("alif"), 3277, 1 << 16, 10, 8, 3 << 12));
            network.Rules[1].Enabled = false;
            string file = temp.PathOf("learning.nsnn");
            byte[] bytes = new byte[ModelWriter.MeasureBytes(network, true)];
            ModelWriter.Write(network, true, bytes, 0);
            File.WriteAllBytes(file, bytes);
            CliRun run = CliRun.Invoke("inspect", file);
            Assert.AreEqual(0, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Output, "format version 2");
            StringAssert.Contains(run.Output, "learning rules (in the order they run");
            // The lag the rule chose for its 768 synapses (64 sources, 12 each), ⌈√768⌉ = 28, read back from the file.
            Assert.AreEqual(768, network.FindProjection("lif-alif").SynapseCount);
            StringAssert.Contains(run.Output, "reward STDP (update every 20 ticks, rows at most 28 windows behind)");
            StringAssert.Contains(run.Output, "'lif-alif'");
            StringAssert.Contains(run.Output, "intrinsic homeostasis");
            StringAssert.Contains(run.Output, "│ no ");

            File.WriteAllBytes(file, ModelBytes(SensorNetwork.Build(3)));
            CliRun plain = CliRun.Invoke("inspect", file);
            StringAssert.Contains(plain.Output, "learning rules: none");
        }

        [TestMethod]
        public void TheDistalRewardNetwork_IsDescribedWithItsIzhikevichParameters()
        {
            // The network of 'nanosnn experiment distal-reward' as it is built, run for 300 ticks and checkpointed into a store.
            using TempFiles temp = new TempFiles();
            Experiments.DistalRewardExperiment.Setup setup = Experiments.DistalRewardExperiment.Build(new Experiments.DistalRewardOptions());
            Network network = setup.Network;
            for (int t = 0; t < 300; t++) network.Step(null, 0);
            string dir = temp.PathOf("ckpt");
            var checkpoints = new CheckpointStore(new FileBlockStore(dir, 1 << 20, 4096), ModelWriter.MeasureBytes(network, true));
            Assert.IsTrue(checkpoints.Save(network));
            CliRun run = CliRun.Invoke("inspect", dir);
            Assert.AreEqual(0, run.ExitCode, run.ToString());
            string o = run.Output;
            StringAssert.Contains(o, "loaded checkpoint from slot A (sequence 1)");
            StringAssert.Contains(o, "state section: yes, a checkpoint at tick 300");
            StringAssert.Contains(o, "state hash 0x" + network.ComputeStateHash().ToString("X8"));
            StringAssert.Contains(o, "izhikevich");
            StringAssert.Contains(o, "noise uniform ±6.500 mV/ms");
            StringAssert.Contains(o, "2 parameter runs");
            StringAssert.Contains(o, "neurons 0..799: a 0.0200, b 0.2000,");
            StringAssert.Contains(o, "c -65.000 mV, d 8.000 mV");
            StringAssert.Contains(o, "(regular spiking)");
            StringAssert.Contains(o, "neurons 800..999: a 0.1000, b 0.2000,");
            StringAssert.Contains(o, "(fast spiking)");
            StringAssert.Contains(o, "Q24 int32");
            StringAssert.Contains(o, "reward STDP");
            StringAssert.Contains(o, "'excitatory'");
        }

        private static byte[] ModelBytes(Network network)
        {
            byte[] bytes = new byte[ModelWriter.MeasureBytes(network, false)];
            ModelWriter.Write(network, false, bytes, 0);
            return bytes;
        }

        [TestMethod]
        public void ADirectoryWithoutSlotFiles_IsNotAStore()
        {
            using TempFiles temp = new TempFiles();
            CliRun run = CliRun.Invoke("inspect", temp.Directory);
            Assert.AreEqual(2, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, "is a directory without checkpoint-a.bin or checkpoint-b.bin: not a checkpoint store");
        }
    }
}
