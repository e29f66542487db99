using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace NanoSnn.Tests.Format
{
    /// <summary>Load → write gives the same bytes, and the loaded network is the saved one.</summary>
    [TestClass]
    public sealed class ModelFormatRoundTripTests
    {
        /// <summary>The sample network <paramref name="sample"/> names: "main" (<see cref="FormatTestModel.Build"/>) or "izh" (<see cref="FormatTestModel.BuildIzhikevich"/>).</summary>
        private static Network Build(string sample) => sample == "izh" ? FormatTestModel.BuildIzhikevich() : FormatTestModel.Build();

        [TestMethod]
        [DataRow("checkpoint", true)]
        [DataRow("model", false)]
        [DataRow("izh-checkpoint", true)]
        [DataRow("izh-model", false)]
        public void LoadThenWrite_GivesIdenticalBytes(string sample, bool state)
        {
            byte[] file = FormatTestModel.Sample(sample);
            Assert.AreEqual(state, FormatTestModel.HasState(file));
            Network loaded = ModelReader.Load(file);
            byte[] again = FormatTestModel.Save(loaded, state);
            CollectionAssert.AreEqual(file, again);
            // And once more from the re-written bytes.
            CollectionAssert.AreEqual(file, FormatTestModel.Save(ModelReader.Load(again), state));
        }

        [TestMethod]
        [DataRow("main")]
        [DataRow("izh")]
        public void Checkpoint_KeepsTheStateHashAndContinuesInLockstep(string sample)
        {
            Network original = Build(sample);
            Assert.IsTrue(original.Populations[1].TotalSpikes > 0 && original.Populations[2].TotalSpikes > 0, "sample model too quiet");
            Network loaded = ModelReader.Load(FormatTestModel.Save(original, true));
            Assert.AreEqual(original.ComputeStateHash(), loaded.ComputeStateHash());
            Assert.AreEqual(original.Tick, loaded.Tick);

            var a = new XorShift32(3);
            var b = new XorShift32(3);
            for (int t = 0; t < 200; t++)
            {
                FormatTestModel.Drive(original, a, 1);
                FormatTestModel.Drive(loaded, b, 1);
                Assert.AreEqual(original.ComputeStateHash(), loaded.ComputeStateHash(), "diverged at tick " + original.Tick);
            }
        }

        [TestMethod]
        public void IzhikevichCheckpoint_RestoresEveryNeuronVariableAndTheNoiseGenerator()
        {
            Network original = FormatTestModel.BuildIzhikevich();
            Network loaded = ModelReader.Load(FormatTestModel.Save(original, true));
            for (int p = 1; p <= 2; p++)
            {
                var a = (IzhikevichPopulation)original.Populations[p];
                var b = (IzhikevichPopulation)loaded.Populations[p];
                Assert.AreEqual(a.NoiseAmplitudeQ16, b.NoiseAmplitudeQ16);
                Assert.AreEqual(a.NoiseSeed, b.NoiseSeed);
                Assert.AreEqual(a.NoiseState, b.NoiseState);
                CollectionAssert.AreEqual(a.AQ24, b.AQ24);
                CollectionAssert.AreEqual(a.BQ24, b.BQ24);
                CollectionAssert.AreEqual(a.CQ16, b.CQ16);
                CollectionAssert.AreEqual(a.DQ16, b.DQ16);
                CollectionAssert.AreEqual(a.MembraneQ16, b.MembraneQ16);
                CollectionAssert.AreEqual(a.RecoveryQ16, b.RecoveryQ16);
                CollectionAssert.AreEqual(a.Spiked, b.Spiked);
                Assert.AreEqual(a.SpikeCount, b.SpikeCount);
            }
            // The noisy population's generator has moved on from its seed, and is restored, not re-seeded.
            var noisy = (IzhikevichPopulation)loaded.Populations[1];
            Assert.AreNotEqual(new XorShift32(noisy.NoiseSeed).State, noisy.NoiseState);
        }

        [TestMethod]
        [DataRow("main")]
        [DataRow("izh")]
        public void ModelWithoutState_LoadsAsTheResetNetwork(string sample)
        {
            Network original = Build(sample);
            Network loaded = ModelReader.Load(FormatTestModel.Save(original, false));
            original.ResetState();
            Assert.AreEqual(original.ComputeStateHash(), loaded.ComputeStateHash());
            Assert.AreEqual(0L, loaded.Tick);
        }

        [TestMethod]
        public void ModelInsideALargerBuffer_IsFoundByPeekLengthAndLoads()
        {
            byte[] file = FormatTestModel.WithState();
            var slot = new byte[file.Length + 300];
            for (int i = 0; i < slot.Length; i++) slot[i] = (byte)(i * 37 + 11);
            System.Array.Copy(file, 0, slot, 100, file.Length);
            Assert.AreEqual(file.Length, ModelFormat.PeekLength(slot, 100, slot.Length - 100));
            Network loaded = ModelReader.Load(slot, 100, ModelFormat.PeekLength(slot, 100, slot.Length - 100));
            CollectionAssert.AreEqual(file, FormatTestModel.Save(loaded, true));

            // Offsets in errors are relative to the model's start, not the buffer's.
            slot[100 + 5] ^= 1;
            ModelFormatException e = null;
            try { ModelReader.Load(slot, 100, file.Length); }
            catch (ModelFormatException x) { e = x; }
            Assert.IsNotNull(e);
            Assert.AreEqual(ModelFormatError.UnsupportedVersion, e.Error);
            Assert.AreEqual(4, e.Offset);
        }
    }
}
