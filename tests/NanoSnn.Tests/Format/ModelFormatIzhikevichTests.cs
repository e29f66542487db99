using System;
using System.Collections.Generic;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace NanoSnn.Tests.Format
{
    /// <summary>
    /// Izhikevich populations in model format v2: the layout of their section (noise, seed,
    /// parameter runs) and of their state (v, u, noise generator), every field's range checked
    /// with the error, field and offset, the extremes of those ranges accepted and run without
    /// overflow, canonical runs, and forged sizes rejected before anything large is allocated.
    /// </summary>
    /// <remarks>
    /// Sample (see <see cref="FormatTestModel.BuildIzhikevich"/>): populations 0 "in" (4), 1 "izh"
    /// (12: runs of 8 RS, 3 FS, 1 chattering; noise 6 mV/ms), 2 "quiet" (3: one run per neuron;
    /// no noise), 3 "out" (2 readouts); projections 0 "in-izh" dense, 1 "izh-izh" sparse, 2
    /// "izh-quiet" dense, 3 "quiet-out" dense; rule 0 reward STDP on "izh-izh".
    /// </remarks>
    [TestClass]
    public sealed class ModelFormatIzhikevichTests
    {
        private const int Min = IzhikevichPopulation.MinMembraneQ16;
        private const int Peak = IzhikevichPopulation.PeakQ16;
        private const int ULimit = IzhikevichPopulation.RecoveryLimitQ16;
        private const int MaxA = IzhikevichPopulation.MaxAQ24;
        private const int MaxB = IzhikevichPopulation.MaxAbsBQ24;
        private const int MaxD = IzhikevichPopulation.MaxAbsDQ16;
        private const int MaxNoise = IzhikevichPopulation.MaxNoiseAmplitudeQ16;

        /// <summary>Offsets of an Izhikevich population's extra fields (after the common ones).</summary>
        private static int Noise(ModelLayout l, int p) => l.PopulationBeta(p) + 4;
        private static int Seed(ModelLayout l, int p) => Noise(l, p) + 4;
        private static int Runs(ModelLayout l, int p) => Noise(l, p) + 8;
        private static int Run(ModelLayout l, int p, int r) => Noise(l, p) + 12 + 20 * r;
        private static int RunA(ModelLayout l, int p, int r) => Run(l, p, r) + 4;
        private static int RunB(ModelLayout l, int p, int r) => Run(l, p, r) + 8;
        private static int RunC(ModelLayout l, int p, int r) => Run(l, p, r) + 12;
        private static int RunD(ModelLayout l, int p, int r) => Run(l, p, r) + 16;

        /// <summary>Offsets of the per-population state arrays in the Izhikevich sample checkpoint.</summary>
        private sealed class StateOffsets
        {
            public int Tick, Generator, InSpikes, IzhSpikes, IzhV, IzhU, IzhNoise, QuietSpikes, QuietV, QuietU, QuietNoise, OutValue;

            public StateOffsets(ModelLayout layout)
            {
                int at = layout.State.Payload;
                Tick = at; Generator = at + 8; at += 12;
                InSpikes = at; at += 4;
                IzhSpikes = at; at += 12; IzhV = at; at += 48; IzhU = at; at += 48; IzhNoise = at; at += 4;
                QuietSpikes = at; at += 3; QuietV = at; at += 12; QuietU = at; at += 12; QuietNoise = at; at += 4;
                OutValue = at; at += 8;
                Assert.AreEqual(layout.State.Payload + layout.State.Length, at, "state layout of the Izhikevich sample changed");
            }
        }

        private static byte[] Sample() => FormatTestModel.Sample("izh-checkpoint");

        private static ModelLayout Layout() => new ModelLayout(Sample());

        /// <summary>The sample checkpoint edited in place by <paramref name="edit"/>, with length and CRC repaired.</summary>
        private static byte[] Edited(Action<byte[], ModelLayout> edit)
        {
            byte[] file = Sample();
            edit(file, new ModelLayout(file));
            return FormatTestModel.FixLengthAndCrc(file);
        }

        private static byte[] WithInt(Func<ModelLayout, int> offset, int value) => Edited((d, l) => LittleEndian.WriteInt32(d, offset(l), value));

        private static byte[] EditedState(Action<byte[], StateOffsets> edit) => Edited((d, l) => edit(d, new StateOffsets(l)));

        [TestMethod]
        public void SampleLayoutIsAsDocumented()
        {
            byte[] file = Sample();
            var l = new ModelLayout(file);
            CollectionAssert.AreEqual(new[] { 1, 2, 2, 2, 2, 3, 3, 3, 3, 5, 4, 6 }, l.Sections.ConvertAll(x => x.Type));
            CollectionAssert.AreEqual(new[] { "in", "izh", "quiet", "out" }, l.Populations.ConvertAll(s => s.Name));
            Assert.AreEqual((int)PopulationKind.Izhikevich, file[l.Populations[1].Payload]);
            Assert.AreEqual((int)PopulationKind.Izhikevich, file[l.Populations[2].Payload]);
            // Common fields: size, then threshold, tau, bias, tau adaptation and beta all 0.
            Assert.AreEqual(12, LittleEndian.ReadInt32(file, l.PopulationSize(1)));
            for (int f = l.PopulationThreshold(1); f < Noise(l, 1); f += 4) Assert.AreEqual(0, LittleEndian.ReadInt32(file, f));
            Assert.AreEqual(6 << 16, LittleEndian.ReadInt32(file, Noise(l, 1)));
            Assert.AreEqual(0, LittleEndian.ReadInt32(file, Noise(l, 2)));
            Assert.AreEqual(3, LittleEndian.ReadInt32(file, Runs(l, 1)));
            Assert.AreEqual(3, LittleEndian.ReadInt32(file, Runs(l, 2)));
            // izh: 8 RS, 3 FS, 1 chattering (c = -50 mV, d = 2 mV).
            int[][] expected =
            {
                new[] { 8, IzhikevichPopulation.RegularSpikingAQ24, IzhikevichPopulation.DefaultBQ24, IzhikevichPopulation.DefaultCQ16, IzhikevichPopulation.RegularSpikingDQ16 },
                new[] { 3, IzhikevichPopulation.FastSpikingAQ24, IzhikevichPopulation.DefaultBQ24, IzhikevichPopulation.DefaultCQ16, IzhikevichPopulation.FastSpikingDQ16 },
                new[] { 1, IzhikevichPopulation.RegularSpikingAQ24, IzhikevichPopulation.DefaultBQ24, -(50 << 16), 2 << 16 },
            };
            for (int r = 0; r < 3; r++)
                for (int f = 0; f < 5; f++)
                    Assert.AreEqual(expected[r][f], LittleEndian.ReadInt32(file, Run(l, 1, r) + 4 * f), "run " + r + " field " + f);
            Assert.AreEqual(4 + 3 + 24 + 12 + 3 * 20, l.Populations[1].Length);
            Assert.AreEqual(4 + 5 + 24 + 12 + 3 * 20, l.Populations[2].Length);
            Assert.AreEqual(Run(l, 1, 3), l.Populations[1].Payload + l.Populations[1].Length);
            Assert.AreEqual(9 * 12 + 4, ModelFormat.StateBytes(PopulationKind.Izhikevich, 12));
            var s = new StateOffsets(l);
            Network net = FormatTestModel.BuildIzhikevich();
            var izh = (IzhikevichPopulation)net.Populations[1];
            Assert.AreEqual(izh.NoiseSeed, (uint)LittleEndian.ReadInt32(file, Seed(l, 1)));
            Assert.AreEqual(izh.NoiseState, (uint)LittleEndian.ReadInt32(file, s.IzhNoise));
            Assert.AreEqual(izh.MembraneQ16[5], LittleEndian.ReadInt32(file, s.IzhV + 20));
            Assert.AreEqual(izh.RecoveryQ16[11], LittleEndian.ReadInt32(file, s.IzhU + 44));
            ModelReader.Load(Edited((d, _) => { })); // the editing itself changes nothing
        }

        [TestMethod]
        public void NoiseAndRunCountOutOfRange_AreInvalidValue()
        {
            ModelLayout layout = Layout();
            foreach (int noise in new[] { -1, MaxNoise + 1, int.MinValue, int.MaxValue })
                FormatTestModel.Expect(WithInt(l => Noise(l, 1), noise), ModelFormatError.InvalidValue, "population 1 noise amplitude", Noise(layout, 1));
            foreach (int runs in new[] { 0, -1, 13, int.MaxValue })
                FormatTestModel.Expect(WithInt(l => Runs(l, 1), runs), ModelFormatError.InvalidValue, "population 1 parameter runs", Runs(layout, 1));
            foreach (int runs in new[] { 0, 4 })
                FormatTestModel.Expect(WithInt(l => Runs(l, 2), runs), ModelFormatError.InvalidValue, "population 2 parameter runs", Runs(layout, 2));
            // Fewer runs than stored: the runs read do not cover the population.
            ModelFormatException e = FormatTestModel.Expect(WithInt(l => Runs(l, 1), 2), ModelFormatError.InvalidValue, "population 1 run 1 neurons", Run(layout, 1, 1));
            StringAssert.Contains(e.Message, "cover 11 neurons, the population has 12");
            // More runs than stored: the next section's bytes are read as a run and fail somewhere in population 1.
            ModelFormatException more = FormatTestModel.Reject(WithInt(l => Runs(l, 1), 4));
            Assert.IsTrue(more.Field.StartsWith("population 1", StringComparison.Ordinal), more.Message);
            // Any seed is a valid seed.
            foreach (int seed in new[] { 0, -1, int.MinValue })
                Assert.AreEqual((uint)seed, ((IzhikevichPopulation)ModelReader.Load(WithInt(l => Seed(l, 1), seed)).Populations[1]).NoiseSeed);
        }

        [TestMethod]
        public void RunLengthsThatDoNotTileThePopulation_AreInvalidValue()
        {
            ModelLayout layout = Layout();
            // 0 neurons, or so many that a later run would be left without one.
            foreach (int n in new[] { 0, -1, 11, 12, 65535, int.MinValue })
                FormatTestModel.Expect(WithInt(l => Run(l, 1, 0), n), ModelFormatError.InvalidValue, "population 1 run 0 neurons", Run(layout, 1, 0));
            FormatTestModel.Expect(WithInt(l => Run(l, 1, 1), 4), ModelFormatError.InvalidValue, "population 1 run 1 neurons", Run(layout, 1, 1));
            // After 9, the second run may have at most 2 neurons: the last one needs one.
            ModelFormatException tight = FormatTestModel.Expect(WithInt(l => Run(l, 1, 0), 9), ModelFormatError.InvalidValue, "population 1 run 1 neurons", Run(layout, 1, 1));
            StringAssert.Contains(tight.Message, "3 is outside 1..2");
            // 7 + 3 + 1 covers 11 of 12 neurons.
            ModelFormatException e = FormatTestModel.Expect(WithInt(l => Run(l, 1, 0), 7), ModelFormatError.InvalidValue, "population 1 run 2 neurons", Run(layout, 1, 2));
            StringAssert.Contains(e.Message, "cover 11 neurons");
            FormatTestModel.Expect(WithInt(l => Run(l, 2, 2), 2), ModelFormatError.InvalidValue, "population 2 run 2 neurons", Run(layout, 2, 2));
            // Shifting the boundary between two different runs is a different, valid model.
            Network moved = ModelReader.Load(Edited((d, l) =>
            {
                LittleEndian.WriteInt32(d, Run(l, 1, 0), 6);
                LittleEndian.WriteInt32(d, Run(l, 1, 1), 5);
            }));
            var izh = (IzhikevichPopulation)moved.Populations[1];
            Assert.AreEqual(IzhikevichPopulation.RegularSpikingAQ24, izh.AQ24[5]);
            Assert.AreEqual(IzhikevichPopulation.FastSpikingAQ24, izh.AQ24[6]);
            Assert.AreEqual(IzhikevichPopulation.FastSpikingAQ24, izh.AQ24[10]);
        }

        [TestMethod]
        public void RunParametersOutOfRange_AreInvalidValue()
        {
            ModelLayout layout = Layout();
            foreach (int a in new[] { -1, MaxA + 1, int.MinValue, int.MaxValue })
                FormatTestModel.Expect(WithInt(l => RunA(l, 1, 1), a), ModelFormatError.InvalidValue, "population 1 run 1 a", RunA(layout, 1, 1));
            foreach (int b in new[] { -MaxB - 1, MaxB + 1, int.MinValue, int.MaxValue })
                FormatTestModel.Expect(WithInt(l => RunB(l, 1, 0), b), ModelFormatError.InvalidValue, "population 1 run 0 b", RunB(layout, 1, 0));
            // c must lie strictly between the floor of v and the peak: a reset at or above the peak would spike forever.
            foreach (int c in new[] { Min, Min - 1, Peak, Peak + 1, int.MinValue, int.MaxValue })
                FormatTestModel.Expect(WithInt(l => RunC(l, 1, 2), c), ModelFormatError.InvalidValue, "population 1 run 2 c", RunC(layout, 1, 2));
            foreach (int d in new[] { -MaxD - 1, MaxD + 1, int.MinValue, int.MaxValue })
                FormatTestModel.Expect(WithInt(l => RunD(l, 2, 1), d), ModelFormatError.InvalidValue, "population 2 run 1 d", RunD(layout, 2, 1));
        }

        [TestMethod]
        public void NeighbouringRunsWithEqualParameters_AreInvalidValue()
        {
            // One spelling per model: equal neighbours must be one run, or a loaded file would re-write to other bytes.
            ModelLayout layout = Layout();
            byte[] merged = Edited((d, l) =>
            {
                for (int f = 4; f < 20; f += 4) LittleEndian.WriteInt32(d, Run(l, 1, 1) + f, LittleEndian.ReadInt32(d, Run(l, 1, 0) + f));
            });
            ModelFormatException e = FormatTestModel.Expect(merged, ModelFormatError.InvalidValue, "population 1 run 1", Run(layout, 1, 1));
            StringAssert.Contains(e.Message, "merge");
            byte[] quiet = Edited((d, l) =>
            {
                for (int f = 4; f < 20; f += 4) LittleEndian.WriteInt32(d, Run(l, 2, 2) + f, LittleEndian.ReadInt32(d, Run(l, 2, 1) + f));
            });
            FormatTestModel.Expect(quiet, ModelFormatError.InvalidValue, "population 2 run 2", Run(layout, 2, 2));
            // Equal runs that are not neighbours are fine (RS, FS, RS).
            byte[] apart = Edited((d, l) =>
            {
                for (int f = 4; f < 20; f += 4) LittleEndian.WriteInt32(d, Run(l, 1, 2) + f, LittleEndian.ReadInt32(d, Run(l, 1, 0) + f));
            });
            CollectionAssert.AreEqual(apart, FormatTestModel.Save(ModelReader.Load(apart), true));
        }

        [TestMethod]
        public void FieldsAnIzhikevichPopulationDoesNotUse_MustBeZero()
        {
            ModelLayout layout = Layout();
            int start = layout.Populations[1].Payload;
            FormatTestModel.Expect(Edited((d, l) => d[l.Populations[1].Payload + 1] = 1), ModelFormatError.InvalidValue, "population 1 reset/refractory/threshold", start);
            FormatTestModel.Expect(Edited((d, l) => d[l.Populations[1].Payload + 2] = 2), ModelFormatError.InvalidValue, "population 1 reset/refractory/threshold", start);
            FormatTestModel.Expect(WithInt(l => l.PopulationThreshold(1), 30 << 16), ModelFormatError.InvalidValue, "population 1 reset/refractory/threshold", start);
            FormatTestModel.Expect(WithInt(l => l.PopulationTau(1), 1000), ModelFormatError.InvalidValue, "population 1 tau/bias", start);
            FormatTestModel.Expect(WithInt(l => l.PopulationBias(1), -1), ModelFormatError.InvalidValue, "population 1 tau/bias", start);
            FormatTestModel.Expect(WithInt(l => l.PopulationTauAdaptation(1), 1), ModelFormatError.InvalidValue, "population 1 adaptation", start);
            FormatTestModel.Expect(WithInt(l => l.PopulationBeta(1), 1), ModelFormatError.InvalidValue, "population 1 adaptation", start);
        }

        [TestMethod]
        public void StateOutOfRange_IsInvalidValue()
        {
            var s = new StateOffsets(Layout());
            // v: below the floor, or at/above the peak (a tick resets a neuron that reaches the peak, so no tick ends there).
            foreach (int v in new[] { Min - 1, Peak, Peak + 1, int.MinValue, int.MaxValue })
            {
                FormatTestModel.Expect(EditedState((d, o) => LittleEndian.WriteInt32(d, o.IzhV, v)), ModelFormatError.InvalidValue, "state of population 'izh' v 0", s.IzhV);
                FormatTestModel.Expect(EditedState((d, o) => LittleEndian.WriteInt32(d, o.QuietV + 8, v)), ModelFormatError.InvalidValue, "state of population 'quiet' v 2", s.QuietV + 8);
            }
            foreach (int u in new[] { ULimit + 1, -ULimit - 1, int.MinValue, int.MaxValue })
                FormatTestModel.Expect(EditedState((d, o) => LittleEndian.WriteInt32(d, o.IzhU + 44, u)), ModelFormatError.InvalidValue, "state of population 'izh' u 11", s.IzhU + 44);
            FormatTestModel.Expect(EditedState((d, o) => LittleEndian.WriteInt32(d, o.IzhNoise, 0)), ModelFormatError.InvalidValue, "state of population 'izh' noise generator state", s.IzhNoise);
            FormatTestModel.Expect(EditedState((d, o) => LittleEndian.WriteInt32(d, o.QuietNoise, 0)), ModelFormatError.InvalidValue, "state of population 'quiet' noise generator state", s.QuietNoise);
            FormatTestModel.Expect(EditedState((d, o) => d[o.IzhSpikes + 7] = 2), ModelFormatError.InvalidValue, "state of population 'izh' spike 7", s.IzhSpikes + 7);
            FormatTestModel.Expect(EditedState((d, o) => d[o.QuietSpikes] = 0xFF), ModelFormatError.InvalidValue, "state of population 'quiet' spike 0", s.QuietSpikes);
        }

        /// <summary>
        /// Every parameter and state variable at the ends of its accepted range, under the
        /// largest input the builder allows and the largest noise: the network loads, and 500
        /// ticks keep v and u inside the ranges the reader accepts (so the update never
        /// overflows and every tick ends in a state that could be checkpointed again).
        /// </summary>
        [TestMethod]
        public void ExtremesOfEveryAcceptedRange_LoadAndRunWithoutOverflow()
        {
            var b = new NetworkBuilder(1000, 3);
            InputPopulation input = b.AddInput("in", 2);
            IzhikevichPopulation izh = b.AddIzhikevich("izh", 6, MaxNoise);
            izh.SetModel(0, 1, MaxA, MaxB, Min + 1, MaxD);
            izh.SetModel(1, 1, 0, -MaxB, Peak - 1, -MaxD);
            izh.SetModel(2, 1, MaxA, -MaxB, Min + 1, -MaxD);
            izh.SetModel(3, 1, 1, MaxB, Peak - 1, MaxD);
            izh.SetModel(4, 2, MaxA, MaxB, Peak - 1, MaxD);
            // Excitation and inhibition of about ±2048 mV/ms per input spike, as much as the
            // builder's worst-case input bound (2^30 in Q16) leaves room for.
            b.AddDense("up", input, izh, 12).Fill(32767);
            b.AddDense("down", input, izh, 12).Fill(-32768);
            b.AddSparseRandom("rec", izh, izh, 10, 2).Fill(32767);
            Network net = b.Build();
            byte[] file = FormatTestModel.Save(net, true);
            var layout = new ModelLayout(file);
            int state = layout.State.Payload + 12 + 2 + 6;
            LittleEndian.WriteInt32(file, state, Min);
            LittleEndian.WriteInt32(file, state + 4, Peak - 1);
            LittleEndian.WriteInt32(file, state + 24, ULimit);
            LittleEndian.WriteInt32(file, state + 28, -ULimit);
            LittleEndian.WriteInt32(file, state + 32, ULimit);
            Network loaded = ModelReader.Load(FormatTestModel.FixLengthAndCrc(file));
            var pop = (IzhikevichPopulation)loaded.Populations[1];
            Assert.AreEqual(Min, pop.MembraneQ16[0]);
            Assert.AreEqual(-ULimit, pop.RecoveryQ16[1]);

            int[] both = { 0, 1 };
            int[] upOnly = { 0 };
            int[] downOnly = { 1 };
            for (int t = 0; t < 500; t++)
            {
                int phase = t / 25 % 4;
                if (phase == 0) loaded.Step(upOnly, 1);
                else if (phase == 1) loaded.Step(downOnly, 1);
                else if (phase == 2) loaded.Step(both, 2);
                else loaded.Step(null, 0);
                for (int j = 0; j < pop.Size; j++)
                {
                    Assert.IsTrue(pop.MembraneQ16[j] >= Min && pop.MembraneQ16[j] < Peak, "tick " + t + " v[" + j + "] = " + pop.MembraneQ16[j]);
                    Assert.IsTrue(pop.RecoveryQ16[j] >= -ULimit && pop.RecoveryQ16[j] <= ULimit, "tick " + t + " u[" + j + "] = " + pop.RecoveryQ16[j]);
                }
                if (t % 50 == 49)
                {
                    byte[] again = FormatTestModel.Save(loaded, true);
                    Assert.AreEqual(loaded.ComputeStateHash(), ModelReader.Load(again).ComputeStateHash(), "tick " + t);
                }
            }
            Assert.IsTrue(pop.TotalSpikes > 0, "the extreme network never spiked");
        }

        [TestMethod]
        public void ANeuronPerRun_RoundTripsAndCostsTwentyBytesPerNeuron()
        {
            // Izhikevich (2003): c = -65 + 15 r^2, d = 8 - 6 r^2 with r random per neuron, so no two neighbours agree.
            var b = new NetworkBuilder(1000, 8);
            IzhikevichPopulation izh = b.AddIzhikevich("izh", 40, 5 << 16);
            var rng = new XorShift32(4);
            for (int j = 0; j < izh.Size; j++)
            {
                int r2 = (int)(rng.NextUInt() >> 16); // r^2 in Q16
                izh.SetModel(j, 1, IzhikevichPopulation.RegularSpikingAQ24, IzhikevichPopulation.DefaultBQ24, -(65 << 16) + 15 * r2, (8 << 16) - 6 * r2);
            }
            b.AddSparseRandom("rec", izh, izh, 4, 5).Fill(2000);
            Network net = b.Build();
            for (int t = 0; t < 50; t++) net.Step(null, 0);
            Assert.AreEqual(40, izh.ParameterRuns);
            byte[] file = FormatTestModel.Save(net, true);
            var layout = new ModelLayout(file);
            Assert.AreEqual(4 + 3 + 24 + 12 + 40 * 20, layout.Populations[0].Length);
            Network loaded = ModelReader.Load(file);
            CollectionAssert.AreEqual(izh.CQ16, ((IzhikevichPopulation)loaded.Populations[0]).CQ16);
            CollectionAssert.AreEqual(izh.DQ16, ((IzhikevichPopulation)loaded.Populations[0]).DQ16);
            CollectionAssert.AreEqual(file, FormatTestModel.Save(loaded, true));
            Assert.AreEqual(net.ComputeStateHash(), loaded.ComputeStateHash());
        }

        [TestMethod]
        public void AnIzhikevichKindInAVersion1File_IsInvalidValue()
        {
            // v1 has no rule count: drop the 4 bytes, shorten the network section, mark the file v1.
            static byte[] AsVersion1(byte[] v2)
            {
                var l = new ModelLayout(v2);
                Assert.AreEqual(0, l.Rules.Count);
                byte[] v1 = FormatTestModel.Splice(v2, l.Network.Payload + 12, 4, Array.Empty<byte>());
                LittleEndian.WriteUInt16(v1, 4, 1);
                LittleEndian.WriteInt32(v1, l.Network.Header + 4, 12);
                return FormatTestModel.FixLengthAndCrc(v1);
            }
            // The conversion itself is sound: a network of v1 kinds loads from it.
            Network lif = FormatTestModel.Build(rules: false);
            Assert.AreEqual(lif.ComputeStateHash(), ModelReader.Load(AsVersion1(FormatTestModel.Save(lif, true))).ComputeStateHash());

            byte[] izh = AsVersion1(FormatTestModel.Save(FormatTestModel.BuildIzhikevich(rules: false), true));
            var layout = new ModelLayout(izh);
            ModelFormatException e = FormatTestModel.Expect(izh, ModelFormatError.InvalidValue, "population 1 kind", layout.Populations[1].Payload);
            StringAssert.Contains(e.Message, "outside 1..4");
        }

        // ---- forged sizes ----------------------------------------------------------------

        /// <summary>
        /// A hand-made v2 model of one Izhikevich population of <paramref name="size"/> neurons
        /// declaring <paramref name="runs"/> runs of which <paramref name="storedRuns"/> are present
        /// (each covering size / runs neurons), with the state flag but no state section if
        /// <paramref name="stateFlag"/>.
        /// </summary>
        private static byte[] Forge(int size, int runs, int storedRuns, bool stateFlag)
        {
            var bytes = new List<byte>();
            void U8(int v) => bytes.Add((byte)v);
            void U16(int v) { U8(v); U8(v >> 8); }
            void I32(int v) { U16(v); U16(v >> 16); }
            void Section(int type, int payload) { U16(type); U16(0); I32(payload); }
            bytes.AddRange(new[] { (byte)'N', (byte)'S', (byte)'N', (byte)'N' });
            U16(2); U16(16); I32(0); U16(2 + (stateFlag ? 1 : 0)); U16(stateFlag ? 1 : 0);
            Section(1, 16); I32(1000); I32(1); U16(1); U16(0); U16(0); U16(0);
            Section(2, 4 + 1 + 24 + 12 + 20 * storedRuns);
            U8(5); U8(0); U8(0); U8(1); U8('z');
            I32(size); for (int f = 0; f < 5; f++) I32(0);
            I32(0); I32(7); I32(runs);
            for (int r = 0; r < storedRuns; r++)
            {
                I32(size / runs);
                I32(IzhikevichPopulation.RegularSpikingAQ24 + r); I32(IzhikevichPopulation.DefaultBQ24); I32(IzhikevichPopulation.DefaultCQ16); I32(8 << 16);
            }
            I32(0); // CRC placeholder
            return FormatTestModel.FixLengthAndCrc(bytes.ToArray());
        }

        private static void ExpectCheaply(byte[] forged, ModelFormatError error, string field, int offset)
        {
            GC.Collect();
            long before = GC.GetAllocatedBytesForCurrentThread();
            FormatTestModel.Expect(forged, error, field, offset);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            // A population of 65,535 Izhikevich neurons takes about 2.4 MB; a rejection must not get that far.
            Assert.IsTrue(allocated < 256 * 1024, "allocated " + allocated + " bytes for a " + forged.Length + "-byte file before rejecting it");
        }

        [TestMethod]
        public void ForgedHugePopulations_AreRejectedBeforeTheNeuronsAreAllocated()
        {
            // The forge is sound: a small one loads.
            Network small = ModelReader.Load(Forge(12, 3, 3, false));
            Assert.AreEqual(3, ((IzhikevichPopulation)small.Populations[0]).ParameterRuns);
            const int runsAt = 16 + 8 + 16 + 8 + 4 + 1 + 24 + 8;
            // 65,535 runs declared, 1 present.
            ExpectCheaply(Forge(65535, 65535, 1, false), ModelFormatError.BadSection, "population 0 parameter runs", runsAt + 4);
            // A checkpoint flag without the 590 KB of state 65,535 neurons need.
            ExpectCheaply(Forge(65535, 1, 1, true), ModelFormatError.BadSection, "population 0 size", 16 + 8 + 16 + 8 + 5);
        }
    }
}
