#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace NanoSnn.PortableTests
{
    /// <summary>
    /// Model format (v2) on both hosts: round trips keep every bit of state and weights (LIF and
    /// Izhikevich networks, with learning), and the basic corruptions are answered with the
    /// documented error. The exhaustive robustness tests (every bit flip, every truncation,
    /// fuzzing) are host-only: tests/NanoSnn.Tests/Format.
    /// </summary>
    [TestClass]
    public class ModelFormatTests
    {
        private static Network RunSample()
        {
            Network net = TestSupport.BuildSampleNetwork();
            TestSupport.RunRandom(net, new XorShift32(5), 40, 20000);
            return net;
        }

        [TestMethod]
        public void SampleNetworkHasEveryKindAndSomeActivity()
        {
            Network net = RunSample();
            Assert.AreEqual((int)PopulationKind.Input, (int)net.Populations[0].Kind);
            Assert.AreEqual((int)PopulationKind.Lif, (int)net.Populations[1].Kind);
            Assert.AreEqual((int)PopulationKind.Alif, (int)net.Populations[2].Kind);
            Assert.AreEqual((int)PopulationKind.Readout, (int)net.Populations[3].Kind);
            Assert.AreEqual((int)ProjectionKind.Dense, (int)net.Projections[0].Kind);
            Assert.AreEqual((int)ProjectionKind.Sparse, (int)net.Projections[1].Kind);
            Assert.AreEqual(net.Projections[1].Source.Index, net.Projections[1].Target.Index); // lif -> lif
            Assert.IsTrue(net.Populations[1].TotalSpikes > 0, "the LIF population never spiked");
            Assert.IsTrue(net.Populations[2].TotalSpikes > 0, "the ALIF population never spiked");
            LifPopulation alif = (LifPopulation)net.Populations[2];
            bool adapted = false;
            for (int j = 0; j < alif.Size; j++) if (alif.AdaptationQ16[j] != 0) adapted = true;
            Assert.IsTrue(adapted, "no ALIF adaptation to save");
        }

        [TestMethod]
        public void RoundTripWithState_KeepsHashAndRewritesIdenticalBytes()
        {
            Network original = RunSample();
            byte[] first = TestSupport.Save(original, true);
            Assert.AreEqual(ModelWriter.MeasureBytes(original, true), first.Length);
            Assert.AreEqual(first.Length, ModelFormat.PeekLength(first, 0, first.Length));

            Network loaded = ModelReader.Load(first);
            Assert.AreEqual(original.ComputeStateHash(), loaded.ComputeStateHash());
            Assert.AreEqual(original.Tick, loaded.Tick);
            Assert.AreEqual(original.Rng.State, loaded.Rng.State);
            Assert.AreEqual(original.Populations.Length, loaded.Populations.Length);
            Assert.AreEqual(original.Projections.Length, loaded.Projections.Length);
            Assert.AreEqual(original.SynapseCount, loaded.SynapseCount);
            for (int p = 0; p < original.Populations.Length; p++)
                Assert.AreEqual(original.Populations[p].Name, loaded.Populations[p].Name);

            byte[] second = TestSupport.Save(loaded, true);
            Assert.IsTrue(TestSupport.SameBytes(first, second), "re-written model differs from the one loaded");

            // Both continue identically, tick by tick.
            XorShift32 inputsA = new XorShift32(77);
            XorShift32 inputsB = new XorShift32(77);
            for (int t = 0; t < 30; t++)
            {
                TestSupport.RunRandom(original, inputsA, 1, 20000);
                TestSupport.RunRandom(loaded, inputsB, 1, 20000);
                Assert.AreEqual(original.ComputeStateHash(), loaded.ComputeStateHash(), "diverged at tick " + original.Tick);
            }
        }

        [TestMethod]
        public void RoundTripWithoutState_LoadsTheInitialState()
        {
            Network original = RunSample();
            byte[] model = TestSupport.Save(original, false);
            Assert.IsTrue(model.Length < ModelWriter.MeasureBytes(original, true));
            Network loaded = ModelReader.Load(model);
            Assert.AreEqual(0L, loaded.Tick);
            Assert.IsTrue(TestSupport.SameBytes(model, TestSupport.Save(loaded, false)), "re-written model differs");
            original.ResetState(); // weights are kept, state and generator return to the start
            Assert.AreEqual(original.ComputeStateHash(), loaded.ComputeStateHash());
        }

        [TestMethod]
        public void WriteAndLoadAtAnOffsetInsideALargerBuffer()
        {
            Network original = RunSample();
            int length = ModelWriter.MeasureBytes(original, true);
            byte[] slot = new byte[length + 37];
            Assert.AreEqual(length, ModelWriter.Write(original, true, slot, 30));
            Assert.AreEqual(length, ModelFormat.PeekLength(slot, 30, slot.Length - 30));
            Assert.AreEqual(-1, ModelFormat.PeekLength(slot, 29, slot.Length - 29));
            Assert.AreEqual(-1, ModelFormat.PeekLength(slot, 30, 15));
            Network loaded = ModelReader.Load(slot, 30, length);
            Assert.AreEqual(original.ComputeStateHash(), loaded.ComputeStateHash());

            bool threw = false;
            try
            {
                ModelWriter.Write(original, true, slot, 38);
            }
            catch (System.ArgumentException)
            {
                threw = true;
            }
            Assert.IsTrue(threw, "a buffer that is too small must be rejected");
        }

        [TestMethod]
        public void FlippedCrcByte_IsChecksumMismatch()
        {
            byte[] model = TestSupport.Save(RunSample(), true);
            for (int i = model.Length - 4; i < model.Length; i++)
            {
                byte[] bad = TestSupport.Copy(model);
                bad[i] ^= 0x5A;
                ModelFormatException e = TestSupport.LoadException(bad);
                Assert.IsNotNull(e);
                Assert.AreEqual((int)ModelFormatError.ChecksumMismatch, (int)e.Error);
                Assert.AreEqual(model.Length - 4, e.Offset);
            }
            // A flipped payload byte is caught by the CRC as well.
            byte[] payload = TestSupport.Copy(model);
            payload[model.Length / 2] ^= 1;
            Assert.AreEqual((int)ModelFormatError.ChecksumMismatch, TestSupport.LoadError(payload));
        }

        [TestMethod]
        public void TruncatedData_IsTruncated()
        {
            byte[] model = TestSupport.Save(RunSample(), true);
            int[] lengths = { 0, 1, 4, 15, 16, 19, 20, 21, model.Length / 2, model.Length - 4, model.Length - 1 };
            for (int i = 0; i < lengths.Length; i++)
                Assert.AreEqual((int)ModelFormatError.Truncated, TestSupport.LoadError(TestSupport.Prefix(model, lengths[i])), "prefix of " + lengths[i] + " bytes");
        }

        [TestMethod]
        public void BadMagic_VersionAndAppendedBytes()
        {
            byte[] model = TestSupport.Save(RunSample(), true);
            for (int i = 0; i < 4; i++)
            {
                byte[] bad = TestSupport.Copy(model);
                bad[i] = (byte)'X';
                Assert.AreEqual((int)ModelFormatError.BadMagic, TestSupport.LoadError(bad), "magic byte " + i);
            }
            byte[] version = TestSupport.Copy(model);
            version[4] = 3;
            Assert.AreEqual((int)ModelFormatError.UnsupportedVersion, TestSupport.LoadError(version));
            byte[] header = TestSupport.Copy(model);
            header[6] = 20;
            Assert.AreEqual((int)ModelFormatError.BadHeader, TestSupport.LoadError(header));

            byte[] longer = new byte[model.Length + 1];
            System.Array.Copy(model, longer, model.Length);
            Assert.AreEqual((int)ModelFormatError.LengthMismatch, TestSupport.LoadError(longer));
        }

        /// <summary>
        /// in (4) → 20 Izhikevich neurons (16 RS, 4 FS, noise) with reward STDP on a sparse
        /// recurrent projection, run 60 ticks with a reward every 20.
        /// </summary>
        private static Network RunIzhikevichSample()
        {
            NetworkBuilder b = new NetworkBuilder(1000, 21);
            InputPopulation input = b.AddInput("in", 4);
            IzhikevichPopulation izh = b.AddIzhikevich("izh", 20, 13 << 16);
            izh.SetFastSpiking(16, 4);
            b.AddDense("in-izh", input, izh, 6).InitializeGaussian(b.Rng, 30 << 16);
            b.AddSparseRandom("izh-izh", izh, izh, 4, 5).Fill(4096);
            Network net = b.Build();
            RewardStdpParameters p = new RewardStdpParameters();
            p.UpdateTicks = 5;
            p.WeightMax = 16384;
            net.Attach(new RewardStdp(net.Projections[1], p));
            XorShift32 rng = new XorShift32(8);
            for (int t = 0; t < 3; t++)
            {
                TestSupport.RunRandom(net, rng, 20, 16384);
                net.Reward(32768);
            }
            return net;
        }

        [TestMethod]
        public void IzhikevichCheckpoint_ContinuesBitExactAndRejectsAMembraneAtThePeak()
        {
            Network original = RunIzhikevichSample();
            Assert.IsTrue(original.Populations[1].TotalSpikes > 0, "the Izhikevich population never spiked");
            byte[] first = TestSupport.Save(original, true);
            Network loaded = ModelReader.Load(first);
            Assert.AreEqual(original.ComputeStateHash(), loaded.ComputeStateHash());
            Assert.IsTrue(TestSupport.SameBytes(first, TestSupport.Save(loaded, true)), "re-written checkpoint differs");
            Assert.AreEqual(2, ((IzhikevichPopulation)loaded.Populations[1]).ParameterRuns);
            XorShift32 inputsA = new XorShift32(3);
            XorShift32 inputsB = new XorShift32(3);
            for (int t = 0; t < 40; t++)
            {
                if (t % 10 == 0)
                {
                    original.Reward(-16384);
                    loaded.Reward(-16384);
                }
                TestSupport.RunRandom(original, inputsA, 1, 16384);
                TestSupport.RunRandom(loaded, inputsB, 1, 16384);
                Assert.AreEqual(original.ComputeStateHash(), loaded.ComputeStateHash(), "diverged at tick " + original.Tick);
            }

            // v of the first Izhikevich neuron: after the tick and generator (8 + 4), the input spikes (4) and the izh spikes (20).
            int v0 = StatePayload(first) + 12 + 4 + 20;
            byte[] bad = TestSupport.Copy(first);
            LittleEndian.WriteInt32(bad, v0, IzhikevichPopulation.PeakQ16);
            TestSupport.FixLengthAndCrc(bad);
            ModelFormatException e = TestSupport.LoadException(bad);
            Assert.IsNotNull(e);
            Assert.AreEqual((int)ModelFormatError.InvalidValue, (int)e.Error);
            Assert.AreEqual("state of population 'izh' v 0", e.Field);
            Assert.AreEqual(v0, e.Offset);
        }

        // Offset of the state section's payload, found by walking the section headers.
        private static int StatePayload(byte[] file)
        {
            int at = ModelFormat.HeaderBytes;
            while (at < file.Length - ModelFormat.TrailerBytes)
            {
                if (LittleEndian.ReadUInt16(file, at) == ModelFormat.SectionState) return at + ModelFormat.SectionHeaderBytes;
                at += ModelFormat.SectionHeaderBytes + LittleEndian.ReadInt32(file, at + 4);
            }
            return -1;
        }

        [TestMethod]
        public void ErrorMessagesNameTheFieldAndOffset()
        {
            byte[] model = TestSupport.Save(RunSample(), true);
            model[0] = 0;
            ModelFormatException e = TestSupport.LoadException(model);
            Assert.IsNotNull(e);
            Assert.AreEqual("magic", e.Field);
            Assert.AreEqual(0, e.Offset);
            Assert.IsTrue(e.Message.IndexOf("BadMagic") >= 0, e.Message);
            Assert.IsTrue(e.Message.IndexOf("magic at byte 0") >= 0, e.Message);
        }
    }
}
