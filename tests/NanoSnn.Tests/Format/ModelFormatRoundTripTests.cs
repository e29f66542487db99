using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace NanoSnn.Tests.Format
{
    /// <summary>Load → write gives the same bytes, and the loaded network is the saved one.</summary>
    [TestClass]
    public sealed class ModelFormatRoundTripTests
    {
        [TestMethod]
        [DataRow(true)]
        [DataRow(false)]
        public void LoadThenWrite_GivesIdenticalBytes(bool state)
        {
            byte[] file = state ? FormatTestModel.WithState() : FormatTestModel.WithoutState();
            Network loaded = ModelReader.Load(file);
            byte[] again = FormatTestModel.Save(loaded, state);
            CollectionAssert.AreEqual(file, again);
            // And once more from the re-written bytes.
            CollectionAssert.AreEqual(file, FormatTestModel.Save(ModelReader.Load(again), state));
        }

        [TestMethod]
        public void Checkpoint_KeepsTheStateHashAndContinuesInLockstep()
        {
            Network original = FormatTestModel.Build();
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
        public void ModelWithoutState_LoadsAsTheResetNetwork()
        {
            Network original = FormatTestModel.Build();
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
