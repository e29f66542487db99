using System;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace NanoSnn.Tests.Format
{
    /// <summary>
    /// Model format v2 carries the learning rules: a checkpoint taken while learning, loaded
    /// and driven on, stays bit-exact with the run that was never interrupted, for every rule
    /// kind and configuration; the state hash covers every stored bit of rule state; rule
    /// sections are validated field by field; v1 files still load.
    /// </summary>
    [TestClass]
    public sealed class ModelFormatPlasticityTests
    {
        public static System.Collections.Generic.IEnumerable<object[]> Configurations => LearningNetworks.Configurations.Select(c => new object[] { c });

        [TestMethod]
        [DynamicData(nameof(Configurations))]
        public void SaveLoadContinue_IsBitExactWithTheUninterruptedRun(string configuration)
        {
            Network original = LearningNetworks.Build(configuration);
            LearningNetworks.Run(original, 200);
            byte[] checkpoint = FormatTestModel.Save(original, true);
            Network resumed = ModelReader.Load(checkpoint);
            Assert.AreEqual(original.Rules.Length, resumed.Rules.Length);
            for (int r = 0; r < original.Rules.Length; r++) Assert.AreEqual(original.Rules[r].GetType(), resumed.Rules[r].GetType());
            Assert.AreEqual(original.ComputeStateHash(), resumed.ComputeStateHash(), "hash after load");
            CollectionAssert.AreEqual(checkpoint, FormatTestModel.Save(resumed, true), "a loaded checkpoint re-writes to the same bytes");

            // Control: the same checkpoint with the rules' state reset (what v1 would have kept) must
            // differ in hash and, driven on, in weights, or this test could not tell a lost state from a kept one.
            Network withoutRuleState = ModelReader.Load(checkpoint);
            foreach (Plasticity rule in withoutRuleState.Rules) rule.ResetState();
            Assert.AreNotEqual(original.ComputeStateHash(), withoutRuleState.ComputeStateHash(), "the hash must cover the rules' state");

            short[][] atCheckpoint = LearningNetworks.Weights(original);
            uint rulesAtCheckpoint = RuleHash(original);
            for (int t = 0; t < 400; t++)
            {
                LearningNetworks.Run(original, 1);
                LearningNetworks.Run(resumed, 1);
                Assert.AreEqual(original.ComputeStateHash(), resumed.ComputeStateHash(), configuration + ": diverged at tick " + original.Tick);
            }
            short[][] end = LearningNetworks.Weights(original);
            bool weightsChanged = false;
            for (int q = 0; q < end.Length; q++)
            {
                CollectionAssert.AreEqual(end[q], resumed.Projections[q].Weights, configuration + ": weights of " + original.Projections[q].Name);
                weightsChanged |= !end[q].SequenceEqual(atCheckpoint[q]);
            }
            // Homeostasis learns thresholds, not weights; the others must have moved weights.
            Assert.IsTrue(configuration == "homeostasis" ? RuleHash(original) != rulesAtCheckpoint : weightsChanged,
                configuration + ": nothing was learned after the checkpoint, so learning was not exercised");
            LearningNetworks.Run(withoutRuleState, 400);
            Assert.AreNotEqual(original.ComputeStateHash(), withoutRuleState.ComputeStateHash(), configuration + ": without the rule state the run ends the same");
        }

        private static uint RuleHash(Network net)
        {
            uint h = StateHash.Empty;
            foreach (Plasticity rule in net.Rules) h = rule.HashState(h);
            return h;
        }

        [TestMethod]
        [DynamicData(nameof(Configurations))]
        public void ModelWithoutState_LoadsTheRulesReset(string configuration)
        {
            Network original = LearningNetworks.Build(configuration);
            original.Rules[0].Enabled = configuration != "homeostasis";
            LearningNetworks.Run(original, 150);
            byte[] model = FormatTestModel.Save(original, false);
            Network loaded = ModelReader.Load(model);
            CollectionAssert.AreEqual(model, FormatTestModel.Save(loaded, false));
            Assert.AreEqual(original.Rules[0].Enabled, loaded.Rules[0].Enabled);
            original.ResetState();
            Assert.AreEqual(original.ComputeStateHash(), loaded.ComputeStateHash());
            // Parameters and bindings survive: both learn identically from here.
            LearningNetworks.Run(original, 100);
            LearningNetworks.Run(loaded, 100);
            Assert.AreEqual(original.ComputeStateHash(), loaded.ComputeStateHash());
        }

        [TestMethod]
        public void AReEnabledRuleResumesFromItsStoredState()
        {
            Network original = LearningNetworks.Build("all");
            LearningNetworks.Run(original, 100);
            original.Rules[1].Enabled = false;
            LearningNetworks.Run(original, 50);
            Network loaded = ModelReader.Load(FormatTestModel.Save(original, true));
            Assert.IsFalse(loaded.Rules[1].Enabled);
            Assert.IsTrue(loaded.Rules[0].Enabled);
            original.Rules[1].Enabled = true;
            loaded.Rules[1].Enabled = true;
            LearningNetworks.Run(original, 100);
            LearningNetworks.Run(loaded, 100);
            Assert.AreEqual(original.ComputeStateHash(), loaded.ComputeStateHash());
        }

        /// <summary>
        /// Every bit of every rule state section, flipped (CRC repaired): the reader either rejects
        /// the value or loads a network whose state hash differs. Only the counters (weight updates,
        /// epochs), which do not change what a network does, are stored without being hashed.
        /// </summary>
        [TestMethod]
        public void EveryStoredBitOfRuleState_IsHashedOrRejected()
        {
            byte[] file = FormatTestModel.WithState();
            uint hash = ModelReader.Load(file).ComputeStateHash();
            var layout = new ModelLayout(file);
            int rejected = 0, hashed = 0, counters = 0;
            for (int r = 0; r < layout.RuleStates.Count; r++)
            {
                SectionInfo section = layout.RuleStates[r];
                // Rule 1 (reward STDP) and rule 2 (synaptic scaling) end with an i64 counter.
                int counterFrom = r == 1 || r == 2 ? section.Payload + section.Length - 8 : int.MaxValue;
                for (int i = section.Payload; i < section.Payload + section.Length; i++)
                    for (int bit = 0; bit < 8; bit++)
                    {
                        byte[] mutant = (byte[])file.Clone();
                        mutant[i] ^= (byte)(1 << bit);
                        FormatTestModel.FixLengthAndCrc(mutant);
                        Network net;
                        try
                        {
                            net = ModelReader.Load(mutant);
                        }
                        catch (ModelFormatException e)
                        {
                            Assert.AreEqual(ModelFormatError.InvalidValue, e.Error, e.Message);
                            StringAssert.StartsWith(e.Field, "rule " + r + " state: ");
                            Assert.IsTrue(e.Offset >= i - 7 && e.Offset <= i, "offset " + e.Offset + " for a flip at " + i + ": " + e.Message);
                            rejected++;
                            continue;
                        }
                        if (i >= counterFrom)
                        {
                            Assert.AreEqual(hash, net.ComputeStateHash(), "counter byte " + i);
                            counters++;
                            continue;
                        }
                        Assert.AreNotEqual(hash, net.ComputeStateHash(), "rule " + r + " state byte " + (i - section.Payload) + " bit " + bit + " is stored but not hashed");
                        hashed++;
                    }
            }
            Console.WriteLine("rejected " + rejected + ", hashed " + hashed + ", counters " + counters);
            Assert.IsTrue(rejected > 500 && hashed > 2000, "rejected " + rejected + ", hashed " + hashed);
            // Every counter bit but the sign bit (a negative count is rejected) loads unhashed.
            Assert.AreEqual(2 * (8 * 8 - 1), counters);
        }

        // ---- validation of the rule sections ----------------------------------------------

        private static byte[] Edited(Action<byte[], ModelLayout> edit)
        {
            byte[] file = FormatTestModel.WithState();
            edit(file, new ModelLayout(file));
            return FormatTestModel.FixLengthAndCrc(file);
        }

        // Payload offsets of the sample's rule sections (see FormatTestModel.AttachRules).
        private const int Kind = 0, Enabled = 1, Reserved = 2, Binding = 4;
        private const int EpropRecurrent = Binding, EpropReadout = Binding + 1, EpropInput = Binding + 2, EpropRecurrentProjection = Binding + 3,
            EpropOutput = Binding + 4, EpropEligibilityAt = Binding + 5, EpropLearn = Binding + 8, EpropGamma = Binding + 9, EpropShift = Binding + 17;
        private const int StdpProjection = Binding, StdpTraceOnSpike = Binding + 1, StdpUpdateTicks = Binding + 13, StdpSign = Binding + 37, StdpMaxLag = Binding + 45;
        private const int ScalingTargetRate = Binding + 1;
        private const int HomeostasisStep = Binding + 1, HomeostasisMax = Binding + 5;

        private static void ExpectField(Func<ModelLayout, int> at, Action<byte[], int> write, string field, bool exactOffset = true)
        {
            int offset = at(new ModelLayout(FormatTestModel.WithState()));
            byte[] bad = Edited((d, l) => write(d, at(l)));
            FormatTestModel.Expect(bad, ModelFormatError.InvalidValue, field, exactOffset ? offset : -1);
        }

        private static Action<byte[], int> U8(int v) => (d, at) => d[at] = (byte)v;

        private static Action<byte[], int> I32(int v) => (d, at) => LittleEndian.WriteInt32(d, at, v);

        [TestMethod]
        public void RuleHeaderFields_OutOfRange_AreInvalidValue()
        {
            foreach (int kind in new[] { 0, 5, 255 })
                ExpectField(l => l.Rules[2].Payload + Kind, U8(kind), "rule 2 kind");
            ExpectField(l => l.Rules[0].Payload + Enabled, U8(2), "rule 0 enabled");
            ExpectField(l => l.Rules[3].Payload + Reserved, U8(1), "rule 3 reserved");
            ExpectField(l => l.Rules[3].Payload + Reserved + 1, U8(0x80), "rule 3 reserved", exactOffset: false);
            // Another kind's fields read from this section: rejected by a field, a binding or the section's length.
            for (int r = 0; r < 4; r++)
                for (int kind = 1; kind <= 4; kind++)
                {
                    if (kind == r + 1) continue;
                    ModelFormatException e = FormatTestModel.Reject(Edited((d, l) => d[l.Rules[r].Payload + Kind] = (byte)kind));
                    StringAssert.StartsWith(e.Field, "rule " + r + " ", e.Message);
                    Assert.IsTrue(e.Error == ModelFormatError.InvalidValue || e.Error == ModelFormatError.BadSection, e.Message);
                }
        }

        [TestMethod]
        public void EpropBindingsAndParameters_AreChecked()
        {
            // Populations 0 in, 1 lif, 2 alif, 3 out; projections 0 in-lif (dense), 1 lif-lif (sparse), 3 in-alif (dense), 6 alif-out.
            ExpectField(l => l.Rules[0].Payload + EpropRecurrent, U8(4), "rule 0 recurrent population");
            ExpectField(l => l.Rules[0].Payload + EpropRecurrent, U8(0), "rule 0 recurrent population");   // the input population
            ExpectField(l => l.Rules[0].Payload + EpropReadout, U8(1), "rule 0 readout population");       // a LIF population
            ExpectField(l => l.Rules[0].Payload + EpropInput, U8(7), "rule 0 input projection");          // beyond 0..6, not 255
            ExpectField(l => l.Rules[0].Payload + EpropInput, U8(1), "rule 0 input projection");          // sparse
            ExpectField(l => l.Rules[0].Payload + EpropOutput, U8(255), "rule 0 output projection");      // required
            ExpectField(l => l.Rules[0].Payload + EpropRecurrentProjection, U8(0), "rule 0 parameters", exactOffset: false); // in-lif is not alif -> alif
            ExpectField(l => l.Rules[0].Payload + EpropEligibilityAt, U8(2), "rule 0 eligibility");
            ExpectField(l => l.Rules[0].Payload + EpropLearn, U8(8), "rule 0 learn flags");
            ExpectField(l => l.Rules[0].Payload + EpropGamma, I32(0), "rule 0 gamma");
            ExpectField(l => l.Rules[0].Payload + EpropGamma, I32(65537), "rule 0 gamma");
            ExpectField(l => l.Rules[0].Payload + EpropShift, I32(25), "rule 0 learning rate shift");
            // A model (no state) whose e-prop rule has no input projection (255 = none) loads and keeps it that way.
            byte[] noInput = FormatTestModel.WithoutState();
            noInput[new ModelLayout(noInput).Rules[0].Payload + EpropInput] = 255;
            Network net = ModelReader.Load(FormatTestModel.FixLengthAndCrc(noInput));
            Assert.IsNull(((EpropRule)net.Rules[0]).Input);
            CollectionAssert.AreEqual(noInput, FormatTestModel.Save(net, false));
            // In the checkpoint the rule's state then has no input traces: the state section is too long for it.
            FormatTestModel.Expect(Edited((d, l) => d[l.Rules[0].Payload + EpropInput] = 255), ModelFormatError.BadSection, "rule 0 state length");
        }

        [TestMethod]
        public void OtherRuleBindingsAndParameters_AreChecked()
        {
            ExpectField(l => l.Rules[1].Payload + StdpProjection, U8(7), "rule 1 projection");
            // "lif-out" ends in a readout, which does not spike: the rule's own check, reported at the binding.
            ExpectField(l => l.Rules[1].Payload + StdpProjection, U8(5), "rule 1 projection");
            ExpectField(l => l.Rules[1].Payload + StdpTraceOnSpike, I32(65537), "rule 1 trace on spike");
            ExpectField(l => l.Rules[1].Payload + StdpUpdateTicks, I32(0), "rule 1 update ticks");
            ExpectField(l => l.Rules[1].Payload + StdpSign, I32(0), "rule 1 projection", exactOffset: false);   // sign 0: the constructor's check
            ExpectField(l => l.Rules[1].Payload + StdpSign, I32(2), "rule 1 modulation sign");
            // The max lag is stored as the rule's own, 1..255; 0 (the parameter's "default") never is.
            ExpectField(l => l.Rules[1].Payload + StdpMaxLag, I32(0), "rule 1 max lag windows");
            ExpectField(l => l.Rules[1].Payload + StdpMaxLag, I32(256), "rule 1 max lag windows");
            ExpectField(l => l.Rules[1].Payload + StdpMaxLag, I32(-1), "rule 1 max lag windows");
            ExpectField(l => l.Rules[2].Payload + ScalingTargetRate, I32(0), "rule 2 target rate");
            ExpectField(l => l.Rules[2].Payload + ScalingTargetRate, I32((1 << 24) + 1), "rule 2 target rate");
            ExpectField(l => l.Rules[3].Payload + Binding, U8(0), "rule 3 population");                  // an input population
            ExpectField(l => l.Rules[3].Payload + HomeostasisStep, I32((1 << 28) + 1), "rule 3 step");
            // A step above the maximum: the rule's own check (it would overflow θ), reported at the binding.
            ExpectField(l => l.Rules[3].Payload + HomeostasisMax, I32(1000), "rule 3 population", exactOffset: false);
        }

        /// <summary>Offsets into the sample's rule state sections.</summary>
        private static int StdpState(ModelLayout l, int field) => l.RuleStates[1].Payload + field;

        [TestMethod]
        public void RuleStateValues_OutOfRange_AreInvalidValue()
        {
            Network sample = FormatTestModel.Build();
            var stdp = (RewardStdp)sample.Rules[1];
            int sources = stdp.PreTraceQ16.Length, targets = stdp.PostTraceQ16.Length, elig = stdp.EligibilityQ13.Length * 2;
            int preAt = 4, maskAt = preAt + sources * 4, lagAt = maskAt + sources * 4, postAt = lagAt + sources;
            int postMaskAt = postAt + targets * 4, dopamineAt = postMaskAt + targets * 4 + elig;
            ExpectField(l => StdpState(l, 0), I32(stdp.Parameters.UpdateTicks), "rule 1 state: tick in window");
            ExpectField(l => StdpState(l, preAt + 4), I32(-1), "rule 1 state: pre trace 1");
            Assert.AreEqual(RewardStdp.DefaultMaxLag(stdp.Projection.SynapseCount), stdp.MaxLag, "the sample's rule has the default lag");
            ExpectField(l => StdpState(l, lagAt), U8(stdp.MaxLag), "rule 1 state: row lag 0");
            ExpectField(l => StdpState(l, postAt), I32(65537), "rule 1 state: post trace 0");
            ExpectField(l => StdpState(l, dopamineAt), I32((1 << 30) + 1), "rule 1 state: dopamine");
            ExpectField(l => StdpState(l, dopamineAt + 8), I32(2), "rule 1 state: segment sign");
            ExpectField(l => StdpState(l, dopamineAt + 20), I32(65537), "rule 1 state: table decay factor");
            // S_0, the drift of no window, is 0; the rest of the table may hold any value.
            ExpectField(l => StdpState(l, dopamineAt + 24), (d, at) => LittleEndian.WriteInt64(d, at, 1), "rule 1 state: drift table");
            Assert.AreEqual(dopamineAt + 24 + (stdp.MaxLag + 1) * 8 + 8, new ModelLayout(FormatTestModel.WithState()).RuleStates[1].Length, "the drift table has MaxLag + 1 entries");
            ExpectField(l => l.RuleStates[1].Payload + l.RuleStates[1].Length - 8, (d, at) => LittleEndian.WriteInt64(d, at, -1), "rule 1 state: weight updates");
            // Spike bits may only exist for the ticks of the window so far (bit 31 is always after the current tick: windows are at most 32 ticks and the last tick wraps to 0).
            ExpectField(l => StdpState(l, maskAt), I32(int.MinValue), "rule 1 state: pre spike mask 0");

            // e-prop: ticks since update 0..interval-1 (5 in the sample), target valid 0/1, refractory-before within the refractory period.
            ExpectField(l => l.RuleStates[0].Payload, I32(5), "rule 0 state: ticks since update");
            ExpectField(l => l.RuleStates[0].Payload + 4, U8(2), "rule 0 state: target valid");
            var eprop = (EpropRule)sample.Rules[0];
            int refractoryAt = 4 + 1 + 4 + eprop.TargetQ16.Length * 4 + 2 * eprop.Recurrent.Size * 4;
            ExpectField(l => l.RuleStates[0].Payload + refractoryAt, U8(2), "rule 0 state: refractory before 0");
            ExpectField(l => l.RuleStates[0].Payload + 9 + eprop.TargetQ16.Length * 4, I32(-1), "rule 0 state: pseudo-derivative 0");

            // Scaling: rates 0..2^24, steps within ±max step; homeostasis: θ within 0..max, ticks to decay 1..interval.
            var scaling = (SynapticScaling)sample.Rules[2];
            ExpectField(l => l.RuleStates[2].Payload, I32((1 << 24) + 1), "rule 2 state: rate estimate 0");
            ExpectField(l => l.RuleStates[2].Payload + scaling.RateEstimateQ24.Length * 4, I32(scaling.MaxStepQ16 + 1), "rule 2 state: step 0");
            ExpectField(l => l.RuleStates[3].Payload, I32((1 << 16) + 1), "rule 3 state: threshold 0");
            ExpectField(l => l.RuleStates[3].Payload + 6 * 4, I32(4), "rule 3 state: ticks to decay");
        }

        /// <summary>
        /// The stored max lag sizes the rule's state: a checkpoint whose parameter is edited to
        /// another valid value is rejected at the state (its drift table has the wrong length, or a
        /// lag is out of range), and a model without state loads with the edited lag.
        /// </summary>
        [TestMethod]
        public void TheStoredMaxLagSizesTheRuleState()
        {
            Network sample = FormatTestModel.Build();
            var stdp = (RewardStdp)sample.Rules[1];
            foreach (int lag in new[] { 1, stdp.MaxLag - 1, stdp.MaxLag + 1, 255 })
            {
                ModelFormatException e = FormatTestModel.Reject(Edited((d, l) => LittleEndian.WriteInt32(d, l.Rules[1].Payload + StdpMaxLag, lag)));
                StringAssert.StartsWith(e.Field, "rule 1 state", e.Message);
                Assert.IsTrue(e.Error == ModelFormatError.BadSection || e.Error == ModelFormatError.InvalidValue, e.Message);
            }
            byte[] model = FormatTestModel.WithoutState();
            LittleEndian.WriteInt32(model, new ModelLayout(model).Rules[1].Payload + StdpMaxLag, 200);
            Network loaded = ModelReader.Load(FormatTestModel.FixLengthAndCrc(model));
            var rule = (RewardStdp)loaded.Rules[1];
            Assert.AreEqual(200, rule.MaxLag);
            Assert.AreEqual(200, rule.Parameters.MaxLagWindows);
            Assert.AreEqual(201 * 8, rule.ParameterBytes);
            CollectionAssert.AreEqual(model, FormatTestModel.Save(loaded, false));
        }

        [TestMethod]
        public void RuleStateSectionsOfTheWrongLengthOrOrder_AreBadSection()
        {
            // One byte more in a rule state section (the file stays consistent otherwise).
            byte[] file = FormatTestModel.WithState();
            var layout = new ModelLayout(file);
            SectionInfo s2 = layout.RuleStates[2];
            byte[] longer = FormatTestModel.Splice(file, s2.Payload + s2.Length, 0, new byte[] { 0 });
            LittleEndian.WriteInt32(longer, s2.Header + 4, s2.Length + 1);
            FormatTestModel.Expect(FormatTestModel.FixLengthAndCrc(longer), ModelFormatError.BadSection, "rule 2 state length", s2.Payload + s2.Length);
            // One byte less: the last field runs out of bytes.
            byte[] shorter = FormatTestModel.Splice(file, s2.Payload + s2.Length - 1, 1, Array.Empty<byte>());
            LittleEndian.WriteInt32(shorter, s2.Header + 4, s2.Length - 1);
            FormatTestModel.Expect(FormatTestModel.FixLengthAndCrc(shorter), ModelFormatError.BadSection, "rule 2 state: epochs");
            // A rule state section where the state section belongs.
            FormatTestModel.Expect(Edited((d, l) => LittleEndian.WriteUInt16(d, l.State.Header, ModelFormat.SectionPlasticityState)),
                ModelFormatError.BadSection, "state section type", layout.State.Header);
            FormatTestModel.Expect(Edited((d, l) => LittleEndian.WriteUInt16(d, l.RuleStates[0].Header, ModelFormat.SectionPlasticity)),
                ModelFormatError.BadSection, "rule 0 state type", layout.RuleStates[0].Header);
            FormatTestModel.Expect(Edited((d, l) => LittleEndian.WriteUInt16(d, l.Network.Payload + 12, 3)), ModelFormatError.BadSection, "section count", 12);
            FormatTestModel.Expect(Edited((d, l) => LittleEndian.WriteUInt16(d, l.Network.Payload + 14, 1)), ModelFormatError.InvalidValue, "network reserved");
        }

        /// <summary>
        /// A forged checkpoint: 200 homeostasis rules on a 4,000-neuron population, the state flag
        /// set, the rule states cut off. Built, all rules would take 3.2 MB; the reader stops at
        /// the first rule whose state cannot fit any more.
        /// </summary>
        [TestMethod]
        public void ForgedCheckpointWithoutRuleStates_IsRejectedBeforeBuildingTheOtherRules()
        {
            var b = new NetworkBuilder(1000, 3);
            InputPopulation input = b.AddInput("in", 1);
            LifPopulation lif = b.AddLif("lif", 4000, new LifParameters());
            b.AddDense("in-lif", input, lif, 0);
            Network net = b.Build();
            for (int r = 0; r < 200; r++) net.Attach(new IntrinsicHomeostasis(lif, 1, 1, 1, 1, 1));
            byte[] full = FormatTestModel.Save(net, true);
            var layout = new ModelLayout(full);
            int cut = layout.RuleStates[0].Header;
            byte[] forged = new byte[cut + 4];
            Array.Copy(full, forged, cut);
            LittleEndian.WriteUInt16(forged, 12, layout.Sections.Count);
            FormatTestModel.FixLengthAndCrc(forged);
            GC.Collect();
            long before = GC.GetAllocatedBytesForCurrentThread();
            FormatTestModel.Expect(forged, ModelFormatError.BadSection, "rule 0 state", layout.Rules[1].Header);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.IsTrue(allocated < 400_000, "allocated " + allocated + " bytes before rejecting a " + forged.Length + "-byte file");
        }

        // ---- the writer ------------------------------------------------------------------

        private sealed class CustomRule : Plasticity
        {
            public override void Update(Network network) { }
            public override void ResetState() { }
            public override int ParameterBytes => 0;
            public override int StateBytes => 0;
            public override uint HashState(uint hash) => hash;
        }

        [TestMethod]
        public void TheWriterRefusesRulesItCannotStore()
        {
            Network net = LearningNetworks.Build("homeostasis");
            net.Attach(new CustomRule());
            var e = Assert.ThrowsExactly<ModelException>(() => ModelWriter.MeasureBytes(net, true));
            StringAssert.Contains(e.Message, "rule 1 is not one the model format stores");
            Assert.ThrowsExactly<ModelException>(() => ModelWriter.Write(net, false, new byte[1 << 16], 0));

            // A rule bound to another network's projection.
            Network other = LearningNetworks.Build("homeostasis");
            Network host = LearningNetworks.Build("homeostasis");
            host.Attach(new RewardStdp(other.FindProjection("in-hid"), new RewardStdpParameters()));
            e = Assert.ThrowsExactly<ModelException>(() => ModelWriter.MeasureBytes(host, false));
            StringAssert.Contains(e.Message, "'in-hid' is not a projection of the network being written");
        }

        [TestMethod]
        public void WritingACheckpointWithEveryRuleKind_AllocatesNothing()
        {
            Network net = LearningNetworks.Build("all");
            LearningNetworks.Run(net, 50);
            var buffer = new byte[ModelWriter.MeasureBytes(net, true)];
            ModelWriter.Write(net, true, buffer, 0);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 20; i++)
            {
                ModelWriter.MeasureBytes(net, true);
                ModelWriter.Write(net, true, buffer, 0);
            }
            Assert.AreEqual(0L, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        // ---- version 1 -------------------------------------------------------------------

        [TestMethod]
        public void Version1Files_StillLoad()
        {
            byte[] v1 = FormatTestModel.Sample("v1-checkpoint");
            Assert.AreEqual(1, LittleEndian.ReadUInt16(v1, 4));
            Network built = FormatTestModel.Build(rules: false);
            Network loaded = ModelReader.Load(v1);
            Assert.AreEqual(0, loaded.Rules.Length);
            Assert.AreEqual(built.ComputeStateHash(), loaded.ComputeStateHash());
            Assert.AreEqual(0x1BC5B2ADu, loaded.ComputeStateHash(), "the hash the v1 sample was written with");
            // Re-written, it is a v2 file of the same network.
            byte[] v2 = FormatTestModel.Save(loaded, true);
            Assert.AreEqual(2, LittleEndian.ReadUInt16(v2, 4));
            CollectionAssert.AreEqual(FormatTestModel.Save(built, true), v2);
            Assert.AreEqual(v1.Length + 4, v2.Length, "v2 adds the rule count and a reserved word to the network section");

            Network model = ModelReader.Load(FormatTestModel.Sample("v1-model"));
            built.ResetState();
            Assert.AreEqual(built.ComputeStateHash(), model.ComputeStateHash());

            // A v1 body under a v2 version number: the network section is too short for v2.
            byte[] relabelled = (byte[])v1.Clone();
            LittleEndian.WriteUInt16(relabelled, 4, 2);
            FormatTestModel.Expect(FormatTestModel.FixLengthAndCrc(relabelled), ModelFormatError.BadSection, "network section length", 40);
        }
    }
}
