using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace NanoSnn.Tests.Format
{
    /// <summary>
    /// Corruptions that keep the CRC (and length) valid, so only the reader's field and section
    /// validation stands between them and a broken network: each must be answered with the
    /// documented error (InvalidValue for a field, BadSection for the section structure), the
    /// right field name and, where it is a single field, its exact byte offset.
    /// </summary>
    /// <remarks>
    /// Sample model (see <see cref="FormatTestModel.Build"/>): populations 0 "in" (4 inputs),
    /// 1 "lif" (6, refractory 2), 2 "alif" (5, refractory 1), 3 "out" (3 readouts); projections
    /// 0 "in-lif" dense, 1 "lif-lif" sparse (fan-out 2), 2 "lif-alif" sparse, 3 "in-alif" dense,
    /// 4 "alif-lif" sparse, 5 "lif-out" dense, 6 "alif-out" dense; rules 0 e-prop, 1 reward STDP,
    /// 2 synaptic scaling, 3 intrinsic homeostasis (see <see cref="FormatTestModel.AttachRules"/>);
    /// then the state section and the four rule state sections.
    /// </remarks>
    [TestClass]
    public sealed class ModelFormatSemanticTests
    {
        private const int Limit = FixedPoint.StateLimitQ16;

        /// <summary>The sample checkpoint edited in place by <paramref name="edit"/>, with length and CRC repaired.</summary>
        private static byte[] Edited(Action<byte[], ModelLayout> edit)
        {
            byte[] file = FormatTestModel.WithState();
            edit(file, new ModelLayout(file));
            return FormatTestModel.FixLengthAndCrc(file);
        }

        /// <summary>The sample checkpoint with one 32-bit field replaced.</summary>
        private static byte[] WithInt(Func<ModelLayout, int> offset, int value)
        {
            return Edited((d, l) => LittleEndian.WriteInt32(d, offset(l), value));
        }

        /// <summary>Renames a population or projection section (the section and file lengths follow).</summary>
        private static byte[] Renamed(byte[] file, SectionInfo section, string name)
        {
            var bytes = new byte[name.Length + 1];
            bytes[0] = (byte)name.Length;
            for (int i = 0; i < name.Length; i++) bytes[i + 1] = (byte)name[i];
            byte[] result = FormatTestModel.Splice(file, section.NameLengthAt, 1 + section.Name.Length, bytes);
            LittleEndian.WriteInt32(result, section.Header + 4, section.Length + name.Length - section.Name.Length);
            return FormatTestModel.FixLengthAndCrc(result);
        }

        /// <summary>Offsets of the per-population state arrays in the sample checkpoint's state section.</summary>
        private sealed class StateOffsets
        {
            public int Tick, Generator, InSpikes, LifSpikes, LifMembrane, LifRefractory;
            public int AlifSpikes, AlifMembrane, AlifRefractory, AlifAdaptation, OutValue;

            public StateOffsets(ModelLayout layout)
            {
                int at = layout.State.Payload;
                Tick = at; Generator = at + 8; at += 12;
                InSpikes = at; at += 4;
                LifSpikes = at; at += 6; LifMembrane = at; at += 24; LifRefractory = at; at += 6;
                AlifSpikes = at; at += 5; AlifMembrane = at; at += 20; AlifRefractory = at; at += 5; AlifAdaptation = at; at += 20;
                OutValue = at; at += 12;
                Assert.AreEqual(layout.State.Payload + layout.State.Length, at, "state layout of the sample model changed");
            }
        }

        private static byte[] EditedState(Action<byte[], StateOffsets> edit)
        {
            return Edited((d, l) => edit(d, new StateOffsets(l)));
        }

        [TestMethod]
        public void SampleLayoutIsAsDocumented()
        {
            byte[] file = FormatTestModel.WithState();
            var layout = new ModelLayout(file);
            Assert.AreEqual(1 + 4 + 7 + 4 + 1 + 4, layout.Sections.Count);
            Assert.AreEqual(layout.Sections.Count, LittleEndian.ReadUInt16(file, 12));
            Assert.AreEqual(4, layout.Rules.Count);
            Assert.AreEqual(4, layout.RuleStates.Count);
            // Sections in the documented order: network, populations, projections, rules, state, rule states.
            CollectionAssert.AreEqual(new[] { 1, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 5, 5, 5, 5, 4, 6, 6, 6, 6 }, layout.Sections.ConvertAll(x => x.Type));
            Assert.AreEqual(16, layout.Network.Length);
            Assert.AreEqual(4, LittleEndian.ReadUInt16(file, layout.Network.Payload + 12), "rule count");
            CollectionAssert.AreEqual(new[] { "in", "lif", "alif", "out" }, layout.Populations.ConvertAll(s => s.Name));
            CollectionAssert.AreEqual(new[] { "in-lif", "lif-lif", "lif-alif", "in-alif", "alif-lif", "lif-out", "alif-out" }, layout.Projections.ConvertAll(s => s.Name));
            Assert.AreEqual(6, LittleEndian.ReadInt32(file, layout.PopulationSize(1)));
            Assert.AreEqual(24, LittleEndian.ReadInt32(file, layout.ProjectionSynapseCount(0)));
            Assert.AreEqual(12, LittleEndian.ReadInt32(file, layout.ProjectionSynapseCount(1)));
            Assert.AreEqual((int)ProjectionKind.Sparse, file[layout.ProjectionKind(1)]);
            new StateOffsets(layout);
            ModelReader.Load(Edited((d, l) => { })); // the editing itself changes nothing
        }

        // ---- network section -------------------------------------------------------------

        [TestMethod]
        public void NetworkSection_FieldsOutOfRange()
        {
            FormatTestModel.Expect(WithInt(l => l.Network.Payload, 0), ModelFormatError.InvalidValue, "dt", -1);
            FormatTestModel.Expect(WithInt(l => l.Network.Payload, 1000001), ModelFormatError.InvalidValue, "dt");
            FormatTestModel.Expect(WithInt(l => l.Network.Payload, -1000), ModelFormatError.InvalidValue, "dt");
            byte[] noPopulations = Edited((d, l) => LittleEndian.WriteUInt16(d, l.Network.Payload + 8, 0));
            ModelFormatException e = FormatTestModel.Expect(noPopulations, ModelFormatError.InvalidValue, "population count");
            Assert.AreEqual(new ModelLayout(noPopulations).Network.Payload + 8, e.Offset);
            FormatTestModel.Expect(Edited((d, l) => LittleEndian.WriteUInt16(d, l.Network.Payload + 8, 256)), ModelFormatError.InvalidValue, "population count");
            FormatTestModel.Expect(Edited((d, l) => LittleEndian.WriteUInt16(d, l.Network.Payload + 10, 256)), ModelFormatError.InvalidValue, "projection count");
        }

        [TestMethod]
        public void SectionCountMismatch_IsBadSection()
        {
            byte[] file = FormatTestModel.WithState();
            int count = LittleEndian.ReadUInt16(file, 12);
            foreach (int wrong in new[] { 0, count - 1, count + 1, 65535 })
            {
                byte[] bad = Edited((d, l) => LittleEndian.WriteUInt16(d, 12, wrong));
                FormatTestModel.Expect(bad, ModelFormatError.BadSection, "section count", 12);
            }
            // Population or projection counts that disagree with the header's section count.
            FormatTestModel.Expect(Edited((d, l) => LittleEndian.WriteUInt16(d, l.Network.Payload + 8, 5)), ModelFormatError.BadSection, "section count", 12);
            FormatTestModel.Expect(Edited((d, l) => LittleEndian.WriteUInt16(d, l.Network.Payload + 10, 6)), ModelFormatError.BadSection, "section count", 12);
            // Both raised consistently: the fifth population section turns out to be a projection.
            byte[] oneMore = Edited((d, l) =>
            {
                LittleEndian.WriteUInt16(d, l.Network.Payload + 8, 5);
                LittleEndian.WriteUInt16(d, 12, count + 1);
            });
            FormatTestModel.Expect(oneMore, ModelFormatError.BadSection, "population 4 type", new ModelLayout(oneMore).Projections[0].Header);
        }

        // ---- section structure -----------------------------------------------------------

        [TestMethod]
        public void UnknownOrMisplacedSectionType_IsBadSection()
        {
            foreach (int type in new[] { 0, 3, 5, 9, 65535 })
            {
                byte[] bad = Edited((d, l) => LittleEndian.WriteUInt16(d, l.Populations[1].Header, type));
                FormatTestModel.Expect(bad, ModelFormatError.BadSection, "population 1 type", new ModelLayout(FormatTestModel.WithState()).Populations[1].Header);
            }
            FormatTestModel.Expect(Edited((d, l) => LittleEndian.WriteUInt16(d, l.Network.Header, 2)), ModelFormatError.BadSection, "network section type", 16);
            FormatTestModel.Expect(Edited((d, l) => LittleEndian.WriteUInt16(d, l.Projections[0].Header, 7)), ModelFormatError.BadSection, "projection 0 type");
            FormatTestModel.Expect(Edited((d, l) => LittleEndian.WriteUInt16(d, l.State.Header, 5)), ModelFormatError.BadSection, "state section type");
            FormatTestModel.Expect(Edited((d, l) => LittleEndian.WriteUInt16(d, l.Populations[2].Header + 2, 1)), ModelFormatError.BadSection, "population 2 reserved");
        }

        [TestMethod]
        public void SectionLengthDisagreeingWithContent_IsBadSection()
        {
            var layout = new ModelLayout(FormatTestModel.WithState());
            int declared = layout.Populations[1].Length;
            foreach (int wrong in new[] { declared - 1, declared + 1, 0 })
                FormatTestModel.Expect(Edited((d, l) => LittleEndian.WriteInt32(d, l.Populations[1].Header + 4, wrong)), ModelFormatError.BadSection, "population 1 length");
            foreach (int wrong in new[] { -1, int.MinValue, int.MaxValue, 100000 })
                FormatTestModel.Expect(Edited((d, l) => LittleEndian.WriteInt32(d, l.Populations[1].Header + 4, wrong)), ModelFormatError.BadSection, "population 1 length", layout.Populations[1].Header + 4);
            FormatTestModel.Expect(Edited((d, l) => LittleEndian.WriteInt32(d, l.Projections[1].Header + 4, l.Projections[1].Length + 2)), ModelFormatError.BadSection, "projection 1 length");
            FormatTestModel.Expect(Edited((d, l) => LittleEndian.WriteInt32(d, l.State.Header + 4, l.State.Length - 1)), ModelFormatError.BadSection, "state section length");
            FormatTestModel.Expect(Edited((d, l) => LittleEndian.WriteInt32(d, l.Network.Header + 4, 13)), ModelFormatError.BadSection, "network section length");

            // A padding byte inside a population section, counted by the section's length: still rejected.
            byte[] file = FormatTestModel.WithState();
            byte[] padded = FormatTestModel.Splice(file, layout.PopulationBeta(1) + 4, 0, new byte[] { 0 });
            LittleEndian.WriteInt32(padded, layout.Populations[1].Header + 4, layout.Populations[1].Length + 1);
            FormatTestModel.Expect(FormatTestModel.FixLengthAndCrc(padded), ModelFormatError.BadSection, "population 1 length");
        }

        [TestMethod]
        public void BytesAfterTheLastSection_OrAMissingStateSection_AreBadSection()
        {
            byte[] file = FormatTestModel.WithState();
            byte[] extra = FormatTestModel.Splice(file, file.Length - 4, 0, new byte[] { 1, 2, 3 });
            FormatTestModel.Expect(FormatTestModel.FixLengthAndCrc(extra), ModelFormatError.BadSection, "end of sections", file.Length - 4);

            // State flag cleared (and the section count lowered to match): the state sections are left over.
            byte[] noFlag = Edited((d, l) =>
            {
                LittleEndian.WriteUInt16(d, 14, 0);
                LittleEndian.WriteUInt16(d, 12, l.Sections.Count - 1 - l.RuleStates.Count);
            });
            FormatTestModel.Expect(noFlag, ModelFormatError.BadSection, "end of sections", new ModelLayout(file).State.Header);

            // State flag set on a model without state: the state sections are missing. The first
            // rule finds that its state cannot fit any more; without rules, the state section header is missing.
            byte[] model = FormatTestModel.WithoutState();
            var modelLayout = new ModelLayout(model);
            LittleEndian.WriteUInt16(model, 14, ModelFormat.FlagState);
            LittleEndian.WriteUInt16(model, 12, LittleEndian.ReadUInt16(model, 12) + 1 + modelLayout.Rules.Count);
            FormatTestModel.Expect(FormatTestModel.FixLengthAndCrc(model), ModelFormatError.BadSection, "rule 0 state", modelLayout.Rules[1].Header);
            byte[] plain = FormatTestModel.Save(FormatTestModel.Build(rules: false), false);
            LittleEndian.WriteUInt16(plain, 14, ModelFormat.FlagState);
            LittleEndian.WriteUInt16(plain, 12, LittleEndian.ReadUInt16(plain, 12) + 1);
            FormatTestModel.Expect(FormatTestModel.FixLengthAndCrc(plain), ModelFormatError.BadSection, "state section header", plain.Length - 4);
        }

        // ---- populations -----------------------------------------------------------------

        [TestMethod]
        public void PopulationSize_ZeroOrTooLarge_IsInvalidValue()
        {
            var layout = new ModelLayout(FormatTestModel.WithState());
            foreach (int size in new[] { 0, -1, 65536, int.MaxValue, int.MinValue })
                FormatTestModel.Expect(WithInt(l => l.PopulationSize(1), size), ModelFormatError.InvalidValue, "population 1 size", layout.PopulationSize(1));
            FormatTestModel.Expect(WithInt(l => l.PopulationSize(0), 0), ModelFormatError.InvalidValue, "population 0 size", layout.PopulationSize(0));
            FormatTestModel.Expect(WithInt(l => l.PopulationSize(3), 0), ModelFormatError.InvalidValue, "population 3 size", layout.PopulationSize(3));
        }

        [TestMethod]
        public void PopulationKindResetAndNames_OutOfRange()
        {
            var layout = new ModelLayout(FormatTestModel.WithState());
            foreach (int kind in new[] { 0, 6, 255 })
                FormatTestModel.Expect(Edited((d, l) => d[l.Populations[1].Payload] = (byte)kind), ModelFormatError.InvalidValue, "population 1 kind", layout.Populations[1].Payload);
            // Kind 5 (Izhikevich) is a valid kind, but a LIF section relabelled as one lacks its fields.
            ModelFormatException izh = FormatTestModel.Reject(Edited((d, l) => d[l.Populations[1].Payload] = 5));
            Assert.IsTrue(izh.Field.StartsWith("population 1", StringComparison.Ordinal), izh.Message);
            FormatTestModel.Expect(Edited((d, l) => d[l.Populations[1].Payload + 1] = 2), ModelFormatError.InvalidValue, "population 1 reset mode", layout.Populations[1].Payload + 1);

            FormatTestModel.Expect(Edited((d, l) => d[l.Populations[1].AfterName - 2] = (byte)' '), ModelFormatError.InvalidValue, "population 1 name", layout.Populations[1].AfterName - 2);
            FormatTestModel.Expect(Edited((d, l) => d[l.Populations[1].AfterName - 1] = 127), ModelFormatError.InvalidValue, "population 1 name", layout.Populations[1].AfterName - 1);
            FormatTestModel.Expect(Edited((d, l) => d[l.Populations[1].NameLengthAt + 1] = 0), ModelFormatError.InvalidValue, "population 1 name", layout.Populations[1].NameLengthAt + 1);
            FormatTestModel.Expect(Edited((d, l) => d[l.Populations[1].NameLengthAt] = 0), ModelFormatError.InvalidValue, "population 1 name length", layout.Populations[1].NameLengthAt);
            FormatTestModel.Expect(Edited((d, l) => d[l.Populations[1].NameLengthAt] = 65), ModelFormatError.InvalidValue, "population 1 name length", layout.Populations[1].NameLengthAt);
            // A 64-character name is fine.
            byte[] file = FormatTestModel.WithState();
            Network loaded = ModelReader.Load(Renamed(file, layout.Populations[1], new string('x', 64)));
            Assert.AreEqual(new string('x', 64), loaded.Populations[1].Name);
        }

        [TestMethod]
        public void DuplicateNames_AreInvalidValue()
        {
            byte[] file = FormatTestModel.WithState();
            var layout = new ModelLayout(file);
            ModelFormatException e = FormatTestModel.Expect(Renamed(file, layout.Populations[2], "lif"), ModelFormatError.InvalidValue, "population 2", layout.Populations[2].Payload);
            StringAssert.Contains(e.Message, "'lif'");
            e = FormatTestModel.Expect(Renamed(file, layout.Projections[1], "in-lif"), ModelFormatError.InvalidValue, "projection 1", layout.Projections[1].Payload);
            StringAssert.Contains(e.Message, "'in-lif'");
            e = FormatTestModel.Expect(Renamed(file, layout.Projections[0], "out"), ModelFormatError.InvalidValue, "projection 0", layout.Projections[0].Payload);
            StringAssert.Contains(e.Message, "'out'");
        }

        [TestMethod]
        public void LifParametersOutOfRange_AreInvalidValue()
        {
            var layout = new ModelLayout(FormatTestModel.WithState());
            int start = layout.Populations[1].Payload;
            foreach (int threshold in new[] { 0, -1, Limit, int.MaxValue })
            {
                ModelFormatException e = FormatTestModel.Expect(WithInt(l => l.PopulationThreshold(1), threshold), ModelFormatError.InvalidValue, "population 1", start);
                StringAssert.Contains(e.Message, "ThresholdQ16");
            }
            FormatTestModel.Expect(WithInt(l => l.PopulationTau(1), -1), ModelFormatError.InvalidValue, "population 1 tau", layout.PopulationTau(1));
            FormatTestModel.Expect(WithInt(l => l.PopulationBias(1), Limit), ModelFormatError.InvalidValue, "population 1", start);
            FormatTestModel.Expect(WithInt(l => l.PopulationBias(1), -Limit), ModelFormatError.InvalidValue, "population 1", start);
            // Adaptation fields must be zero for a plain LIF.
            FormatTestModel.Expect(WithInt(l => l.PopulationTauAdaptation(1), 1000), ModelFormatError.InvalidValue, "population 1 adaptation", start);
            FormatTestModel.Expect(WithInt(l => l.PopulationBeta(1), 1), ModelFormatError.InvalidValue, "population 1 adaptation", start);
            // ALIF ranges.
            int alif = layout.Populations[2].Payload;
            FormatTestModel.Expect(WithInt(l => l.PopulationBeta(2), 64 * FixedPoint.OneQ16 + 1), ModelFormatError.InvalidValue, "population 2", alif);
            FormatTestModel.Expect(WithInt(l => l.PopulationBeta(2), -1), ModelFormatError.InvalidValue, "population 2", alif);
            FormatTestModel.Expect(WithInt(l => l.PopulationTauAdaptation(2), -1), ModelFormatError.InvalidValue, "population 2 tau adaptation", layout.PopulationTauAdaptation(2));
        }

        [TestMethod]
        public void FieldsThatAKindDoesNotUse_MustBeZero()
        {
            var layout = new ModelLayout(FormatTestModel.WithState());
            // Input population: no reset, refractory, threshold, tau or bias.
            int input = layout.Populations[0].Payload;
            FormatTestModel.Expect(Edited((d, l) => d[l.Populations[0].Payload + 1] = 1), ModelFormatError.InvalidValue, "population 0 reset/refractory/threshold", input);
            FormatTestModel.Expect(Edited((d, l) => d[l.Populations[0].Payload + 2] = 3), ModelFormatError.InvalidValue, "population 0 reset/refractory/threshold", input);
            FormatTestModel.Expect(WithInt(l => l.PopulationThreshold(0), 65536), ModelFormatError.InvalidValue, "population 0 reset/refractory/threshold", input);
            FormatTestModel.Expect(WithInt(l => l.PopulationTau(0), 5), ModelFormatError.InvalidValue, "population 0 tau/bias", input);
            FormatTestModel.Expect(WithInt(l => l.PopulationBias(0), -5), ModelFormatError.InvalidValue, "population 0 tau/bias", input);
            FormatTestModel.Expect(WithInt(l => l.PopulationBeta(0), 5), ModelFormatError.InvalidValue, "population 0 adaptation", input);
            // Readout: no reset, refractory, threshold or adaptation.
            int readout = layout.Populations[3].Payload;
            FormatTestModel.Expect(WithInt(l => l.PopulationThreshold(3), 7), ModelFormatError.InvalidValue, "population 3 reset/refractory/threshold", readout);
            FormatTestModel.Expect(Edited((d, l) => d[l.Populations[3].Payload + 2] = 1), ModelFormatError.InvalidValue, "population 3 reset/refractory/threshold", readout);
            FormatTestModel.Expect(WithInt(l => l.PopulationTauAdaptation(3), 7), ModelFormatError.InvalidValue, "population 3 adaptation", readout);
            FormatTestModel.Expect(WithInt(l => l.PopulationBias(3), Limit), ModelFormatError.InvalidValue, "population 3", readout);
        }

        // ---- projections -----------------------------------------------------------------

        [TestMethod]
        public void WeightShiftKindSourceAndTarget_OutOfRange()
        {
            var layout = new ModelLayout(FormatTestModel.WithState());
            foreach (int shift in new[] { 16, 31, 255 })
                FormatTestModel.Expect(Edited((d, l) => d[l.ProjectionShift(0)] = (byte)shift), ModelFormatError.InvalidValue, "projection 0 weight shift", layout.ProjectionShift(0));
            foreach (int kind in new[] { 0, 3, 255 })
                FormatTestModel.Expect(Edited((d, l) => d[l.ProjectionKind(2)] = (byte)kind), ModelFormatError.InvalidValue, "projection 2 kind", layout.ProjectionKind(2));
            FormatTestModel.Expect(Edited((d, l) => d[l.ProjectionSource(3)] = 4), ModelFormatError.InvalidValue, "projection 3 source", layout.ProjectionSource(3));
            FormatTestModel.Expect(Edited((d, l) => d[l.ProjectionTarget(3)] = 255), ModelFormatError.InvalidValue, "projection 3 target", layout.ProjectionTarget(3));
        }

        [TestMethod]
        public void WorstCaseInputBeyondTheStateLimit_IsInvalidValue()
        {
            // Weight shift 15 on "in-lif": 4 inputs x 32768 << 15 = 2^32 per tick, far beyond 2^30.
            byte[] file = Edited((d, l) => d[l.ProjectionShift(0)] = 15);
            // Reported where the network is built: after the projections, at the first rule section.
            ModelFormatException e = FormatTestModel.Expect(file, ModelFormatError.InvalidValue, "network", new ModelLayout(file).Rules[0].Header);
            StringAssert.Contains(e.Message, "'lif'");
        }

        [TestMethod]
        public void DenseSynapseCountWrong_IsInvalidValue()
        {
            var layout = new ModelLayout(FormatTestModel.WithState());
            foreach (int count in new[] { 23, 25, 0, -1, 48, int.MaxValue, int.MinValue })
                FormatTestModel.Expect(WithInt(l => l.ProjectionSynapseCount(0), count), ModelFormatError.InvalidValue, "projection 0 synapse count", layout.ProjectionSynapseCount(0));
            // A source/target swap changes source x target: 20 synapses of in-alif do not fit alif -> in... (target input) or lif.
            FormatTestModel.Expect(Edited((d, l) => d[l.ProjectionTarget(3)] = 1), ModelFormatError.InvalidValue, "projection 3 synapse count", layout.ProjectionSynapseCount(3));
        }

        [TestMethod]
        public void SparseConnectivityErrors_AreInvalidValue()
        {
            var layout = new ModelLayout(FormatTestModel.WithState());
            int rows = layout.ProjectionRows(1);          // lif-lif: 6 sources, 12 synapses
            int targets = rows + 4 * 7;
            // A target index outside the target population.
            foreach (int target in new[] { 6, 7, 65535 })
            {
                ModelFormatException e = FormatTestModel.Expect(Edited((d, l) => LittleEndian.WriteUInt16(d, targets, target)), ModelFormatError.InvalidValue, "projection 1 target 0", targets);
                StringAssert.Contains(e.Message, target.ToString());
            }
            FormatTestModel.Expect(Edited((d, l) => LittleEndian.WriteUInt16(d, targets + 2 * 11, 6)), ModelFormatError.InvalidValue, "projection 1 target 11", targets + 22);
            // Rows that decrease, run past the synapse count or do not start at 0.
            FormatTestModel.Expect(Edited((d, l) => LittleEndian.WriteInt32(d, rows + 8, 1)), ModelFormatError.InvalidValue, "projection 1 row start 2", rows + 8);
            FormatTestModel.Expect(Edited((d, l) => LittleEndian.WriteInt32(d, rows + 4, 13)), ModelFormatError.InvalidValue, "projection 1 row start 1", rows + 4);
            FormatTestModel.Expect(Edited((d, l) => LittleEndian.WriteInt32(d, rows + 4, -1)), ModelFormatError.InvalidValue, "projection 1 row start 1", rows + 4);
            ModelFormatException start = FormatTestModel.Expect(Edited((d, l) => LittleEndian.WriteInt32(d, rows, 1)), ModelFormatError.InvalidValue, "projection 1", layout.Projections[1].Payload);
            StringAssert.Contains(start.Message, "start at 0");
            ModelFormatException end = FormatTestModel.Expect(Edited((d, l) => LittleEndian.WriteInt32(d, rows + 24, 11)), ModelFormatError.InvalidValue, "projection 1", layout.Projections[1].Payload);
            StringAssert.Contains(end.Message, "ends at 11");
            // Synapse count beyond source x target, or below the last row start.
            FormatTestModel.Expect(WithInt(l => l.ProjectionSynapseCount(1), 37), ModelFormatError.InvalidValue, "projection 1 synapse count", layout.ProjectionSynapseCount(1));
            FormatTestModel.Expect(WithInt(l => l.ProjectionSynapseCount(1), 11), ModelFormatError.InvalidValue, "projection 1 row start 6", rows + 24);
            FormatTestModel.Expect(WithInt(l => l.ProjectionSynapseCount(1), -5), ModelFormatError.InvalidValue, "projection 1 synapse count", layout.ProjectionSynapseCount(1));
        }

        [TestMethod]
        public void ProjectionFromAReadoutOrIntoAnInput_IsInvalidValue()
        {
            // in(3) -> lif(3) dense, lif(3) -> out(3) dense: source and target sizes all equal, so
            // swapping indices keeps the synapse counts valid and only the roles are wrong.
            var b = new NetworkBuilder(1000, 5);
            InputPopulation input = b.AddInput("in", 3);
            LifPopulation lif = b.AddLif("lif", 3, new LifParameters());
            ReadoutPopulation output = b.AddReadout("out", 3, 20000, 0);
            b.AddDense("in-lif", input, lif, 2).Fill(100);
            b.AddDense("lif-out", lif, output, 2).Fill(-100);
            byte[] file = FormatTestModel.Save(b.Build(), false);
            var layout = new ModelLayout(file);

            byte[] fromReadout = (byte[])file.Clone();
            fromReadout[layout.ProjectionSource(1)] = 2;
            ModelFormatException e = FormatTestModel.Expect(FormatTestModel.FixLengthAndCrc(fromReadout), ModelFormatError.InvalidValue, "projection 1", layout.Projections[1].Payload);
            StringAssert.Contains(e.Message, "does not spike");

            byte[] intoInput = (byte[])file.Clone();
            intoInput[layout.ProjectionTarget(0)] = 0;
            e = FormatTestModel.Expect(FormatTestModel.FixLengthAndCrc(intoInput), ModelFormatError.InvalidValue, "projection 0", layout.Projections[0].Payload);
            StringAssert.Contains(e.Message, "input population");
        }

        // ---- state -----------------------------------------------------------------------

        [TestMethod]
        public void StateSpikeValueTwo_IsInvalidValue()
        {
            StateOffsets s = new StateOffsets(new ModelLayout(FormatTestModel.WithState()));
            FormatTestModel.Expect(EditedState((d, o) => d[o.InSpikes] = 2), ModelFormatError.InvalidValue, "state of population 'in' spike 0", s.InSpikes);
            FormatTestModel.Expect(EditedState((d, o) => d[o.LifSpikes + 3] = 2), ModelFormatError.InvalidValue, "state of population 'lif' spike 3", s.LifSpikes + 3);
            FormatTestModel.Expect(EditedState((d, o) => d[o.AlifSpikes + 4] = 255), ModelFormatError.InvalidValue, "state of population 'alif' spike 4", s.AlifSpikes + 4);
        }

        [TestMethod]
        public void StateMembraneBeyondTheStateLimit_IsInvalidValue()
        {
            StateOffsets s = new StateOffsets(new ModelLayout(FormatTestModel.WithState()));
            foreach (int v in new[] { Limit + 1, -Limit - 1, int.MaxValue, int.MinValue })
            {
                FormatTestModel.Expect(EditedState((d, o) => LittleEndian.WriteInt32(d, o.LifMembrane, v)), ModelFormatError.InvalidValue, "state of population 'lif' membrane 0", s.LifMembrane);
                FormatTestModel.Expect(EditedState((d, o) => LittleEndian.WriteInt32(d, o.AlifMembrane + 16, v)), ModelFormatError.InvalidValue, "state of population 'alif' membrane 4", s.AlifMembrane + 16);
                FormatTestModel.Expect(EditedState((d, o) => LittleEndian.WriteInt32(d, o.OutValue + 8, v)), ModelFormatError.InvalidValue, "state of population 'out' value 2", s.OutValue + 8);
            }
            // Exactly ±2^30 is inside the documented range, and the network runs from there.
            byte[] edge = EditedState((d, o) =>
            {
                LittleEndian.WriteInt32(d, o.LifMembrane, Limit);
                LittleEndian.WriteInt32(d, o.LifMembrane + 4, -Limit);
                LittleEndian.WriteInt32(d, o.OutValue, -Limit);
            });
            Network net = ModelReader.Load(edge);
            Assert.AreEqual(Limit, ((LifPopulation)net.Populations[1]).MembraneQ16[0]);
            Assert.AreEqual(-Limit, ((LifPopulation)net.Populations[1]).MembraneQ16[1]);
            FormatTestModel.Drive(net, new XorShift32(1), 20);
        }

        [TestMethod]
        public void StateRefractoryAdaptationGeneratorAndTick_OutOfRange()
        {
            StateOffsets s = new StateOffsets(new ModelLayout(FormatTestModel.WithState()));
            FormatTestModel.Expect(EditedState((d, o) => d[o.LifRefractory] = 3), ModelFormatError.InvalidValue, "state of population 'lif' refractory 0", s.LifRefractory);
            FormatTestModel.Expect(EditedState((d, o) => d[o.AlifRefractory + 2] = 2), ModelFormatError.InvalidValue, "state of population 'alif' refractory 2", s.AlifRefractory + 2);
            FormatTestModel.Expect(EditedState((d, o) => LittleEndian.WriteInt32(d, o.AlifAdaptation, -1)), ModelFormatError.InvalidValue, "state of population 'alif' adaptation 0", s.AlifAdaptation);
            FormatTestModel.Expect(EditedState((d, o) => LittleEndian.WriteInt32(d, o.AlifAdaptation + 4, Limit + 1)), ModelFormatError.InvalidValue, "state of population 'alif' adaptation 1", s.AlifAdaptation + 4);
            FormatTestModel.Expect(EditedState((d, o) => LittleEndian.WriteInt32(d, o.Generator, 0)), ModelFormatError.InvalidValue, "generator state", s.Generator);
            FormatTestModel.Expect(EditedState((d, o) => LittleEndian.WriteInt64(d, o.Tick, -1)), ModelFormatError.InvalidValue, "state tick", s.Tick);
            FormatTestModel.Expect(EditedState((d, o) => LittleEndian.WriteInt64(d, o.Tick, long.MinValue)), ModelFormatError.InvalidValue, "state tick", s.Tick);
        }

        // ---- forged sizes ----------------------------------------------------------------

        /// <summary>
        /// A hand-made model: <paramref name="populations"/> populations of <paramref name="size"/>
        /// neurons of <paramref name="kind"/> and, if <paramref name="projectionKind"/> &gt; 0, one
        /// projection 0 -&gt; 1 declaring <paramref name="synapses"/> synapses but carrying none
        /// of their bytes; <paramref name="stateFlag"/> sets the state flag without a state section.
        /// </summary>
        internal static byte[] Forge(int populations, int size, PopulationKind kind, int projectionKind, int synapses, bool stateFlag)
        {
            var bytes = new System.Collections.Generic.List<byte>();
            void U8(int v) => bytes.Add((byte)v);
            void U16(int v) { U8(v); U8(v >> 8); }
            void I32(int v) { U16(v); U16(v >> 16); }
            void Section(int type, int payload) { U16(type); U16(0); I32(payload); }

            int projections = projectionKind > 0 ? 1 : 0;
            bytes.AddRange(new byte[] { (byte)'N', (byte)'S', (byte)'N', (byte)'N' });
            U16(1); U16(16); I32(0); U16(1 + populations + projections + (stateFlag ? 1 : 0)); U16(stateFlag ? 1 : 0);
            Section(1, 12); I32(1000); I32(1); U16(populations); U16(projections);
            bool lif = kind == PopulationKind.Lif || kind == PopulationKind.Alif;
            for (int p = 0; p < populations; p++)
            {
                string name = "p" + p;
                Section(2, 4 + name.Length + 24);
                U8((int)kind); U8(0); U8(0); U8(name.Length);
                foreach (char c in name) U8(c);
                I32(size); I32(lif ? FixedPoint.OneQ16 : 0); I32(lif ? 20000 : 0); I32(0);
                I32(kind == PopulationKind.Alif ? 200000 : 0); I32(kind == PopulationKind.Alif ? 1000 : 0);
            }
            if (projections == 1)
            {
                Section(3, 5 + 3 + 4);
                U8(projectionKind); U8(0); U8(0); U8(populations > 1 ? 1 : 0); U8(3);
                foreach (char c in "big") U8(c);
                I32(synapses);
            }
            I32(0); // CRC placeholder
            return FormatTestModel.FixLengthAndCrc(bytes.ToArray());
        }

        private static ModelFormatException ExpectCheaply(byte[] forged, ModelFormatError error, string field, long maxAllocatedBytes)
        {
            GC.Collect();
            long before = GC.GetAllocatedBytesForCurrentThread();
            // Memory, not time, is what a forged file must not be able to exhaust; allocation is
            // deterministic, so that is what is asserted.
            ModelFormatException e = FormatTestModel.Expect(forged, error, field);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.IsTrue(allocated < maxAllocatedBytes, "allocated " + allocated + " bytes for a " + forged.Length + "-byte file before rejecting it");
            return e;
        }

        [TestMethod]
        public void ForgedHugeDenseProjection_IsRejectedQuicklyWithoutAllocatingIt()
        {
            const long Budget = 16L << 20; // the two populations themselves take about 2 MB
            // 65535 x 65535 = 4,294,836,225 synapses cannot even be declared in an int32 field.
            ExpectCheaply(Forge(2, 65535, PopulationKind.Lif, 1, int.MaxValue, false), ModelFormatError.InvalidValue, "projection 0 synapse count", Budget);
            ExpectCheaply(Forge(2, 65535, PopulationKind.Lif, 1, unchecked((int)(65535L * 65535)), false), ModelFormatError.InvalidValue, "projection 0 synapse count", Budget);
            // 46340 x 46340 = 2,147,395,600 fits: the weights (4 GB) are checked against the bytes present before allocating.
            ExpectCheaply(Forge(2, 46340, PopulationKind.Lif, 1, 46340 * 46340, false), ModelFormatError.BadSection, "projection 0 weights", Budget);
            ExpectCheaply(Forge(2, 40000, PopulationKind.Alif, 1, 40000 * 40000, false), ModelFormatError.BadSection, "projection 0 weights", Budget);
        }

        [TestMethod]
        public void ForgedHugeSparseProjection_IsRejectedQuicklyWithoutAllocatingIt()
        {
            const long Budget = 16L << 20;
            ExpectCheaply(Forge(2, 65535, PopulationKind.Lif, 2, 2000000000, false), ModelFormatError.BadSection, "projection 0 rows and targets", Budget);
            ExpectCheaply(Forge(2, 65535, PopulationKind.Lif, 2, int.MaxValue, false), ModelFormatError.BadSection, "projection 0 rows and targets", Budget);
            ExpectCheaply(Forge(1, 65535, PopulationKind.Lif, 2, 65535 * 10, false), ModelFormatError.BadSection, "projection 0 rows and targets", Budget);
        }

        /// <summary>
        /// Regression (fixed): populations are allocated as their sections are
        /// read, before the reader knows whether the file holds the bytes their state needs. A
        /// 13 KB forged checkpoint (255 ALIF populations of 65,535 neurons, state flag set, no
        /// state section) makes the reader allocate about 300 MB before it rejects the file with
        /// BadSection; on an ESP32 (50-110 KB heap) the load ends in OutOfMemoryException instead
        /// of a ModelFormatException. The state's size is known once the population sections are
        /// read, so it can be checked with Need() before any population is built.
        /// </summary>
        [TestMethod]
        public void ForgedCheckpointWithoutItsState_IsRejectedBeforeAllocatingThePopulations()
        {
            byte[] forged = Forge(255, 65535, PopulationKind.Alif, 0, 0, true);
            Assert.IsTrue(forged.Length < 16000);
            ExpectCheaply(forged, ModelFormatError.BadSection, "population 0 size", 16L << 20);
        }
    }
}
