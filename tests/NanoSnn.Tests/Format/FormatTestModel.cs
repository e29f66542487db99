using System;
using System.Collections.Generic;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace NanoSnn.Tests.Format
{
    /// <summary>
    /// The sample model of the format robustness tests and the tools to take its bytes apart:
    /// a map of its sections and fields (from the layout documented on <see cref="ModelFormat"/>),
    /// edits that keep the file consistent (section lengths, file length, CRC), and the checks
    /// every rejection must pass.
    /// </summary>
    internal static class FormatTestModel
    {
        /// <summary>
        /// Every population kind (input; LIF with Subtract reset, refractory period and bias;
        /// ALIF with Zero reset; readout with bias), both projection kinds (dense feed-forward,
        /// sparse recurrent, sparse feed-forward, sparse from a later population) and, unless
        /// <paramref name="rules"/> is false, every kind of learning rule (see <see cref="AttachRules"/>),
        /// with 60 ticks of activity, rewards and supervision so that spikes, refractory counters,
        /// adaptation, readouts, traces, eligibilities and accumulators are non-zero.
        /// </summary>
        public static Network Build(bool rules = true)
        {
            var b = new NetworkBuilder(1000, 0xC0FFEE);
            InputPopulation input = b.AddInput("in", 4);

            var lifParameters = new LifParameters { RefractoryTicks = 2, BiasQ16 = 4000, TauMembraneUs = 15000 };
            LifPopulation lif = b.AddLif("lif", 6, lifParameters);

            var alifParameters = new LifParameters
            {
                Reset = ResetMode.Zero,
                RefractoryTicks = 1,
                AdaptationBetaQ16 = 30000,
                TauAdaptationUs = 120000,
                ThresholdQ16 = 50000,
            };
            LifPopulation alif = b.AddAlif("alif", 5, alifParameters);

            ReadoutPopulation output = b.AddReadout("out", 3, 25000, -200);

            b.AddDense("in-lif", input, lif, 4).InitializeGaussian(b.Rng, 45000);        // projection 0
            b.AddSparseRandom("lif-lif", lif, lif, 4, 2).InitializeGaussian(b.Rng, 30000); // projection 1
            b.AddSparseRandom("lif-alif", lif, alif, 4, 3).InitializeGaussian(b.Rng, 30000);
            b.AddDense("in-alif", input, alif, 4).InitializeGaussian(b.Rng, 45000);
            b.AddSparseRandom("alif-lif", alif, lif, 4, 2).InitializeGaussian(b.Rng, 20000);
            b.AddDense("lif-out", lif, output, 3).InitializeGaussian(b.Rng, 20000);
            b.AddDense("alif-out", alif, output, 3).InitializeGaussian(b.Rng, 20000);
            Network net = b.Build();
            if (rules) AttachRules(net);
            Drive(net, new XorShift32(11), 60);
            return net;
        }

        /// <summary>
        /// The Izhikevich sample: "in" (4 inputs) → "izh" (12 Izhikevich neurons with noise: 8
        /// regular spiking, 3 fast spiking, 1 chattering: three parameter runs) with a sparse
        /// recurrent "izh-izh" under reward STDP (unless <paramref name="rules"/> is false),
        /// "izh" → "quiet" (3 Izhikevich neurons without noise, each of another type: three runs
        /// of one neuron) → "out" (2 readouts). Driven 60 ticks like <see cref="Build"/>, so that
        /// v, u, spikes, the noise generator, traces and eligibilities are off their rest values.
        /// </summary>
        public static Network BuildIzhikevich(bool rules = true)
        {
            var b = new NetworkBuilder(1000, 0x12AC);
            InputPopulation input = b.AddInput("in", 4);
            IzhikevichPopulation izh = b.AddIzhikevich("izh", 12, 6 << 16);
            izh.SetFastSpiking(8, 3);
            izh.SetModel(11, 1, IzhikevichPopulation.RegularSpikingAQ24, IzhikevichPopulation.DefaultBQ24, -(50 << 16), 2 << 16);
            IzhikevichPopulation quiet = b.AddIzhikevich("quiet", 3, 0);
            quiet.SetModel(0, 1, IzhikevichPopulation.RegularSpikingAQ24, IzhikevichPopulation.DefaultBQ24, -(55 << 16), 4 << 16); // intrinsically bursting
            quiet.SetModel(1, 1, IzhikevichPopulation.FastSpikingAQ24, 4362076, -(65 << 16), 2 << 16);                              // resonator, b = 0.26
            quiet.SetModel(2, 1, IzhikevichPopulation.RegularSpikingAQ24, 4194304, -(65 << 16), 3277);                              // thalamo-cortical, b = 0.25, d = 0.05
            ReadoutPopulation output = b.AddReadout("out", 2, 20000, 0);
            b.AddDense("in-izh", input, izh, 6).InitializeGaussian(b.Rng, 40 << 16);
            b.AddSparseRandom("izh-izh", izh, izh, 6, 3).Fill(5000);
            b.AddDense("izh-quiet", izh, quiet, 6).InitializeGaussian(b.Rng, 15 << 16);
            b.AddDense("quiet-out", quiet, output, 3).InitializeGaussian(b.Rng, 20000);
            Network net = b.Build();
            if (rules)
                net.Attach(new RewardStdp(net.FindProjection("izh-izh"), new RewardStdpParameters { UpdateTicks = 5, WeightMin = 0, WeightMax = 16000 }));
            Drive(net, new XorShift32(12), 60);
            return net;
        }

        /// <summary>
        /// Rule 0: e-prop with exact eligibility on the ALIF population (ē and ε per synapse),
        /// input "in-alif", output "alif-out", weight changes accumulated over 5 ticks, rate
        /// regularization on. Rule 1: reward STDP on the sparse recurrent "lif-lif" with a reward
        /// baseline. Rule 2: synaptic scaling of the dense "in-lif" every 7 ticks. Rule 3:
        /// intrinsic homeostasis of "lif".
        /// </summary>
        public static void AttachRules(Network net)
        {
            var lif = (LifPopulation)net.FindPopulation("lif");
            var alif = (LifPopulation)net.FindPopulation("alif");
            var output = (ReadoutPopulation)net.FindPopulation("out");
            net.Attach(new EpropRule(net, alif, output, (DenseProjection)net.FindProjection("in-alif"), null, (DenseProjection)net.FindProjection("alif-out"),
                new EpropParameters
                {
                    Eligibility = EpropEligibility.Exact,
                    UpdateIntervalTicks = 5,
                    RateRegularizationQ16 = 3000,
                    LearningRateShift = 4,
                    OutputLearningRateShift = 4,
                }));
            net.Attach(new RewardStdp(net.FindProjection("lif-lif"), new RewardStdpParameters { UpdateTicks = 4, BaselineShift = 3, WeightMin = -20000, WeightMax = 20000 }));
            net.Attach(new SynapticScaling(net.FindProjection("in-lif"), SynapticScaling.RateToQ24(50000, 1000), 4, 7, 6554, 1966));
            net.Attach(new IntrinsicHomeostasis(lif, 3277, 1 << 16, 3, 4, 3 << 12));
        }

        /// <summary>
        /// Steps <paramref name="net"/> with every input channel spiking at 25 %, supervising every
        /// tick (targets and class from the tick number) and rewarding every 10th tick. The
        /// supervision and rewards draw nothing from <paramref name="rng"/>, so a network without
        /// rules sees the same input stream as before rules existed (the v1 sample files).
        /// </summary>
        public static void Drive(Network net, XorShift32 rng, int ticks)
        {
            var spikes = new int[Math.Max(1, net.InputSize)];
            var targets = new int[3];
            for (int t = 0; t < ticks; t++)
            {
                int n = 0;
                for (int c = 0; c < net.InputSize; c++) if (rng.NextBernoulli(16384)) spikes[n++] = c;
                long tick = net.Tick;
                for (int k = 0; k < targets.Length; k++) targets[k] = (int)((tick * (k + 3) * 977) % 40000) - 20000;
                net.Supervise(targets, (int)(tick / 20 % 3), tick % 13 != 0);
                if (tick % 10 == 9) net.Reward((int)(tick % 3) * 24000 - 16000);
                net.Step(spikes, n);
            }
        }

        public static byte[] Save(Network net, bool state)
        {
            var bytes = new byte[ModelWriter.MeasureBytes(net, state)];
            Assert.AreEqual(bytes.Length, ModelWriter.Write(net, state, bytes, 0));
            return bytes;
        }

        private static byte[] _withState;
        private static byte[] _withoutState;
        private static byte[] _izhikevichWithState;
        private static byte[] _izhikevichWithoutState;

        /// <summary>The sample model with its state section (a checkpoint); a fresh copy on every call.</summary>
        public static byte[] WithState()
        {
            _withState ??= Save(Build(), true);
            return (byte[])_withState.Clone();
        }

        /// <summary>The sample model without state; a fresh copy on every call.</summary>
        public static byte[] WithoutState()
        {
            _withoutState ??= Save(Build(), false);
            return (byte[])_withoutState.Clone();
        }

        /// <summary>
        /// A sample file by name: "checkpoint" and "model" (the sample with rules, written now, with
        /// and without state), "izh-checkpoint" and "izh-model" (the Izhikevich sample of
        /// <see cref="BuildIzhikevich"/>, likewise), "v1-checkpoint" and "v1-model" (the sample without rules as the model
        /// format v1 writer wrote it; checked in under Format/Data); a fresh copy on every call.
        /// </summary>
        public static byte[] Sample(string name)
        {
            switch (name)
            {
                case "checkpoint": return WithState();
                case "model": return WithoutState();
                case "izh-checkpoint":
                    _izhikevichWithState ??= Save(BuildIzhikevich(), true);
                    return (byte[])_izhikevichWithState.Clone();
                case "izh-model":
                    _izhikevichWithoutState ??= Save(BuildIzhikevich(), false);
                    return (byte[])_izhikevichWithoutState.Clone();
                case "v1-checkpoint": return System.IO.File.ReadAllBytes(System.IO.Path.Combine(AppContext.BaseDirectory, "Format", "Data", "sample-v1-checkpoint.nsnn"));
                case "v1-model": return System.IO.File.ReadAllBytes(System.IO.Path.Combine(AppContext.BaseDirectory, "Format", "Data", "sample-v1-model.nsnn"));
                default: throw new ArgumentException(name);
            }
        }

        /// <summary>Whether the file has the state flag.</summary>
        public static bool HasState(byte[] file) => (LittleEndian.ReadUInt16(file, 14) & ModelFormat.FlagState) != 0;

        /// <summary>Rewrites the header's length field and the CRC trailer to match the bytes as they are.</summary>
        public static byte[] FixLengthAndCrc(byte[] data)
        {
            LittleEndian.WriteInt32(data, 8, data.Length);
            LittleEndian.WriteInt32(data, data.Length - 4, (int)Crc32.Compute(data, 0, data.Length - 4));
            return data;
        }

        /// <summary>Replaces <paramref name="remove"/> bytes at <paramref name="at"/> with <paramref name="insert"/>.</summary>
        public static byte[] Splice(byte[] data, int at, int remove, byte[] insert)
        {
            var result = new byte[data.Length - remove + insert.Length];
            Array.Copy(data, result, at);
            Array.Copy(insert, 0, result, at, insert.Length);
            Array.Copy(data, at + remove, result, at + insert.Length, data.Length - at - remove);
            return result;
        }

        /// <summary>Loads <paramref name="data"/> expecting a rejection; checks the exception's message and range.</summary>
        public static ModelFormatException Reject(byte[] data)
        {
            try
            {
                ModelReader.Load(data);
            }
            catch (ModelFormatException e)
            {
                CheckMessage(e, data.Length);
                return e;
            }
            Assert.Fail("the model was accepted");
            return null;
        }

        /// <summary>Every rejection names its field and the byte offset, inside the data given.</summary>
        public static void CheckMessage(ModelFormatException e, int length)
        {
            Assert.IsFalse(string.IsNullOrEmpty(e.Field), "no field named: " + e.Message);
            Assert.IsTrue(e.Offset >= 0 && e.Offset <= length, "offset " + e.Offset + " outside 0.." + length + ": " + e.Message);
            StringAssert.Contains(e.Message, e.Field + " at byte " + e.Offset);
            StringAssert.Contains(e.Message, ModelFormatException.ErrorName(e.Error));
        }

        /// <summary>Expects a rejection with <paramref name="error"/>, a field starting with <paramref name="field"/> and, unless -1, that offset.</summary>
        public static ModelFormatException Expect(byte[] data, ModelFormatError error, string field, int offset = -1)
        {
            ModelFormatException e = Reject(data);
            Assert.AreEqual(error, e.Error, e.Message);
            Assert.IsTrue(e.Field.StartsWith(field, StringComparison.Ordinal), "field '" + e.Field + "' does not start with '" + field + "': " + e.Message);
            if (offset >= 0) Assert.AreEqual(offset, e.Offset, e.Message);
            return e;
        }
    }

    /// <summary>One section of a model file, as found by walking the section headers.</summary>
    internal sealed class SectionInfo
    {
        public int Type;
        /// <summary>Offset of the section header.</summary>
        public int Header;
        /// <summary>Offset of the payload.</summary>
        public int Payload;
        public int Length;
        /// <summary>Offset of the name length byte (populations and projections).</summary>
        public int NameLengthAt;
        public string Name;
        /// <summary>Offset of the first field after the name.</summary>
        public int AfterName;
    }

    /// <summary>The sections of a well-formed model file and the offsets of their fields.</summary>
    internal sealed class ModelLayout
    {
        public readonly List<SectionInfo> Sections = new List<SectionInfo>();
        public readonly List<SectionInfo> Populations = new List<SectionInfo>();
        public readonly List<SectionInfo> Projections = new List<SectionInfo>();
        /// <summary>Plasticity sections (type 5), one per rule.</summary>
        public readonly List<SectionInfo> Rules = new List<SectionInfo>();
        /// <summary>Rule state sections (type 6), one per rule.</summary>
        public readonly List<SectionInfo> RuleStates = new List<SectionInfo>();
        public SectionInfo Network;
        public SectionInfo State;

        public ModelLayout(byte[] data)
        {
            int at = ModelFormat.HeaderBytes;
            while (at < data.Length - ModelFormat.TrailerBytes)
            {
                var s = new SectionInfo
                {
                    Type = LittleEndian.ReadUInt16(data, at),
                    Header = at,
                    Payload = at + ModelFormat.SectionHeaderBytes,
                    Length = LittleEndian.ReadInt32(data, at + 4),
                };
                if (s.Type == ModelFormat.SectionPopulation || s.Type == ModelFormat.SectionProjection)
                {
                    s.NameLengthAt = s.Payload + (s.Type == ModelFormat.SectionPopulation ? 3 : 4);
                    int n = data[s.NameLengthAt];
                    char[] name = new char[n];
                    for (int i = 0; i < n; i++) name[i] = (char)data[s.NameLengthAt + 1 + i];
                    s.Name = new string(name);
                    s.AfterName = s.NameLengthAt + 1 + n;
                }
                Sections.Add(s);
                if (s.Type == ModelFormat.SectionNetwork) Network = s;
                else if (s.Type == ModelFormat.SectionPopulation) Populations.Add(s);
                else if (s.Type == ModelFormat.SectionProjection) Projections.Add(s);
                else if (s.Type == ModelFormat.SectionState) State = s;
                else if (s.Type == ModelFormat.SectionPlasticity) Rules.Add(s);
                else if (s.Type == ModelFormat.SectionPlasticityState) RuleStates.Add(s);
                at = s.Payload + s.Length;
            }
            Assert.AreEqual(data.Length - ModelFormat.TrailerBytes, at, "layout walk did not end at the CRC");
        }

        // Population payload fields after the name.
        public int PopulationSize(int p) => Populations[p].AfterName;
        public int PopulationThreshold(int p) => Populations[p].AfterName + 4;
        public int PopulationTau(int p) => Populations[p].AfterName + 8;
        public int PopulationBias(int p) => Populations[p].AfterName + 12;
        public int PopulationTauAdaptation(int p) => Populations[p].AfterName + 16;
        public int PopulationBeta(int p) => Populations[p].AfterName + 20;

        // Projection payload fields.
        public int ProjectionKind(int q) => Projections[q].Payload;
        public int ProjectionShift(int q) => Projections[q].Payload + 1;
        public int ProjectionSource(int q) => Projections[q].Payload + 2;
        public int ProjectionTarget(int q) => Projections[q].Payload + 3;
        public int ProjectionSynapseCount(int q) => Projections[q].AfterName;
        public int ProjectionRows(int q) => Projections[q].AfterName + 4;
    }
}
