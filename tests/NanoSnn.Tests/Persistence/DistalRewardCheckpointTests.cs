using System;
using System.Collections.Generic;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoSnn.Cli.Experiments;
using NanoSnn.Tests.Format;

namespace NanoSnn.Tests.Persistence
{
    /// <summary>
    /// The distal-reward network of <c>nanosnn experiment distal-reward</c> (Izhikevich 2007:
    /// RS + FS Izhikevich neurons with noise, sparse excitatory and inhibitory projections,
    /// reward STDP), reduced to 320 + 80 neurons with the published 100 synapses each, saved in
    /// the middle of a run with rewards, loaded and continued: the state hash must equal the
    /// uninterrupted run's after every tick, both through <see cref="ModelWriter"/> /
    /// <see cref="ModelReader"/> and through a <see cref="CheckpointStore"/> on a
    /// <see cref="MemoryBlockStore"/>.
    /// </summary>
    [TestClass]
    public sealed class DistalRewardCheckpointTests
    {
        private const int Ticks = 8000;

        private static DistalRewardOptions Options() => new DistalRewardOptions { Seed = 5, Excitatory = 320, Inhibitory = 80, SynapsesPerNeuron = 100 };

        /// <summary>
        /// The experiment's reward schedule, the part of a run that lives outside the network:
        /// a reward of 0.5 is queued whenever n1 or n2 fires (the experiment queues one only when
        /// n2 fires within 20 ms after n1, about once a minute at first; every n1 and n2 spike
        /// gives this short run a reward or two a second) and arrives after a delay of 100 to 600 ms drawn from
        /// the driver's own generator. A device would checkpoint this state next to the network's;
        /// the test copies it.
        /// </summary>
        private sealed class RewardDriver
        {
            public int N1, N2;
            public XorShift32 Delays;
            public List<long> Pending = new List<long>();
            public int Delivered;

            public RewardDriver Clone()
            {
                var copy = new RewardDriver { N1 = N1, N2 = N2, Delays = new XorShift32(1), Delivered = Delivered };
                copy.Delays.State = Delays.State;
                copy.Pending.AddRange(Pending);
                return copy;
            }

            /// <summary>One tick of the experiment's loop: step, watch n2, deliver the rewards now due.</summary>
            public void Tick(Network network)
            {
                network.Step(null, 0);
                long t = network.Tick;
                byte[] spiked = network.Populations[0].Spiked;
                if (spiked[N1] != 0 || spiked[N2] != 0) Pending.Add(t + 100 + Delays.NextInt(501));
                for (int k = Pending.Count - 1; k >= 0; k--)
                {
                    if (Pending[k] > t) continue;
                    Pending.RemoveAt(k);
                    network.Reward(DistalRewardExperiment.RewardQ16);
                    Delivered++;
                }
            }
        }

        private static RewardDriver NewDriver(DistalRewardExperiment.Setup setup) => new RewardDriver { N1 = setup.N1, N2 = setup.N2, Delays = new XorShift32(0xD15EA5Eu) };

        /// <summary>The uninterrupted run: the state hash after every tick (index = tick - 1).</summary>
        private static uint[] Reference(out RewardDriver driver)
        {
            DistalRewardExperiment.Setup setup = DistalRewardExperiment.Build(Options());
            driver = NewDriver(setup);
            var hashes = new uint[Ticks];
            for (int t = 0; t < Ticks; t++)
            {
                driver.Tick(setup.Network);
                hashes[t] = setup.Network.ComputeStateHash();
            }
            return hashes;
        }

        private static uint[] _reference;
        private static int _referenceRewards;

        private static uint[] ReferenceHashes()
        {
            if (_reference == null)
            {
                _reference = Reference(out RewardDriver driver);
                _referenceRewards = driver.Delivered;
            }
            return _reference;
        }

        /// <summary>Runs until the first tick at or after <paramref name="from"/> with a reward on its way and dopamine up: the rule's state is then far from rest.</summary>
        private static void RunToABusyMoment(Network network, RewardDriver driver, int from)
        {
            var rule = (RewardStdp)network.Rules[0];
            while (network.Tick < from || driver.Pending.Count == 0 || rule.DopamineQ16 == 0) driver.Tick(network);
            Assert.IsTrue(network.Tick < Ticks / 2, "no busy moment before tick " + Ticks / 2);
        }

        /// <summary>Continues <paramref name="network"/> to the end of the run, checking the hash after every tick.</summary>
        private static void ContinueInLockstep(Network network, RewardDriver driver, uint[] reference, string what)
        {
            Assert.AreEqual(reference[network.Tick - 1], network.ComputeStateHash(), what + ": hash at the save point (tick " + network.Tick + ")");
            while (network.Tick < Ticks)
            {
                driver.Tick(network);
                Assert.AreEqual(reference[network.Tick - 1], network.ComputeStateHash(), what + ": diverged at tick " + network.Tick);
            }
        }

        private static void CheckStateIsFarFromRest(Network network)
        {
            var neurons = (IzhikevichPopulation)network.Populations[0];
            var rule = (RewardStdp)network.Rules[0];
            Assert.AreEqual(2, neurons.ParameterRuns, "RS block + FS block");
            Assert.IsTrue(neurons.TotalSpikes > 0);
            Assert.AreNotEqual(0, rule.DopamineQ16);
            int eligible = 0;
            foreach (short c in rule.EligibilityQ13) if (c != 0) eligible++;
            Assert.IsTrue(eligible > 100, eligible + " non-zero eligibilities");
        }

        [TestMethod]
        public void SavedMidRunWithModelWriter_LoadedAndContinued_IsBitExactEveryTick()
        {
            uint[] reference = ReferenceHashes();
            Assert.IsTrue(_referenceRewards >= 10, _referenceRewards + " rewards in the reference run");

            DistalRewardExperiment.Setup setup = DistalRewardExperiment.Build(Options());
            Network original = setup.Network;
            RewardDriver driver = NewDriver(setup);
            RunToABusyMoment(original, driver, 2000);
            CheckStateIsFarFromRest(original);
            Assert.IsTrue(driver.Delivered > 0, "no reward before the save point");

            byte[] checkpoint = FormatTestModel.Save(original, true);
            Console.WriteLine("checkpoint at tick " + original.Tick + ": " + checkpoint.Length + " bytes, " + driver.Delivered + " rewards so far, "
                + driver.Pending.Count + " on their way, " + _referenceRewards + " in the whole reference run of " + Ticks + " ticks");
            Network loaded = ModelReader.Load(checkpoint);
            Assert.AreEqual(original.Tick, loaded.Tick);
            CollectionAssert.AreEqual(checkpoint, FormatTestModel.Save(loaded, true));
            RewardDriver resumedDriver = driver.Clone();
            ContinueInLockstep(loaded, resumedDriver, reference, "loaded");
            Assert.IsTrue(resumedDriver.Delivered > driver.Delivered, "no reward after the save point");
            // Saving did not disturb the network it was taken from.
            ContinueInLockstep(original, driver, reference, "original after its save");
        }

        [TestMethod]
        public void SavedMidRunThroughACheckpointStore_RebootedAndContinued_IsBitExactEveryTick()
        {
            uint[] reference = ReferenceHashes();
            DistalRewardExperiment.Setup setup = DistalRewardExperiment.Build(Options());
            Network device = setup.Network;
            RewardDriver driver = NewDriver(setup);
            int capacity = ModelWriter.MeasureBytes(device, true);
            const int sector = 4096;
            var medium = new MemoryBlockStore(2, (capacity / sector + 2) * sector, sector);
            var store = new CheckpointStore(medium, capacity);
            Assert.IsNull(store.TryLoadNewest().Network, "first boot: empty store");

            // Checkpoints into A, then B; the device keeps running after each.
            RunToABusyMoment(device, driver, 1000);
            Assert.IsTrue(store.Save(device));
            RunToABusyMoment(device, driver, 2000);
            CheckStateIsFarFromRest(device);
            Assert.IsTrue(store.Save(device));
            long savedAt = device.Tick;
            RewardDriver saved = driver.Clone();
            for (int t = 0; t < 300; t++) driver.Tick(device);

            // Power fails; the reboot loads slot B and, fed the same rewards, ends where the uninterrupted run ends.
            CheckpointLoad boot = new CheckpointStore(medium, capacity).TryLoadNewest();
            Assert.IsTrue(boot.FromCheckpoint, boot.Describe());
            Assert.AreEqual(1, boot.Slot, boot.Describe());
            Assert.AreEqual(2u, boot.Sequence);
            Assert.AreEqual(savedAt, boot.Network.Tick);
            ContinueInLockstep(boot.Network, saved, reference, "rebooted from slot B");
            ContinueInLockstep(device, driver, reference, "device after its saves");
        }

        [TestMethod]
        public void CheckpointingTheDistalRewardNetwork_AllocatesNothing()
        {
            DistalRewardExperiment.Setup setup = DistalRewardExperiment.Build(Options());
            Network network = setup.Network;
            RewardDriver driver = NewDriver(setup);
            for (int t = 0; t < 200; t++) driver.Tick(network);
            int capacity = ModelWriter.MeasureBytes(network, true);
            var buffer = new byte[capacity];
            var store = new CheckpointStore(new MemoryBlockStore(2, (capacity / 4096 + 2) * 4096, 4096), capacity);
            ModelWriter.Write(network, true, buffer, 0);
            Assert.IsTrue(store.Save(network));
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 5; i++)
            {
                ModelWriter.MeasureBytes(network, true);
                ModelWriter.Write(network, true, buffer, 0);
                Assert.IsTrue(store.Save(network));
            }
            Assert.AreEqual(0L, GC.GetAllocatedBytesForCurrentThread() - before);
        }
    }
}
