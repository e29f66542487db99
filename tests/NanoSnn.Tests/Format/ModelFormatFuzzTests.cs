using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace NanoSnn.Tests.Format
{
    /// <summary>
    /// Deterministic fuzzing of <see cref="ModelReader"/> (fixed seeds of the core's own
    /// generator, so a failure reproduces exactly). The reader may only ever throw
    /// <see cref="ModelFormatException"/> naming a field and an offset; whatever it accepts
    /// must be a working network that steps, saves and reloads to the same bytes and hash.
    /// </summary>
    [TestClass]
    public sealed class ModelFormatFuzzTests
    {
        private sealed class Tally
        {
            public int Loaded;
            public readonly int[] Errors = new int[9];

            public int Count(ModelFormatError e) => Errors[(int)e];

            public override string ToString()
            {
                string s = "loaded " + Loaded;
                for (int i = 1; i < Errors.Length; i++) s += ", " + ModelFormatException.ErrorName((ModelFormatError)i) + " " + Errors[i];
                return s;
            }
        }

        private static readonly int[] Interesting32 =
        {
            0, 1, -1, 2, 255, 256, 65535, 65536, 0x7FFF, 0x8000, 1 << 30, (1 << 30) + 1, -(1 << 30) - 1,
            int.MaxValue, int.MinValue, 46340 * 46340,
        };

        private static string Hex(byte[] data)
        {
            int n = Math.Min(data.Length, 256);
            return Convert.ToHexString(data, 0, n) + (n < data.Length ? "... (" + data.Length + " bytes)" : "");
        }

        /// <summary>Loads <paramref name="data"/>; any exception but ModelFormatException fails with the input in hex.</summary>
        private static void Check(byte[] data, Tally tally, string origin)
        {
            Network net;
            try
            {
                net = ModelReader.Load(data);
            }
            catch (ModelFormatException e)
            {
                FormatTestModel.CheckMessage(e, data.Length);
                tally.Errors[(int)e.Error]++;
                return;
            }
            catch (Exception e)
            {
                Assert.Fail(origin + ": " + e.GetType().Name + " instead of ModelFormatException: " + e.Message + "\ninput: " + Hex(data) + "\n" + e.StackTrace);
                return;
            }
            tally.Loaded++;
            // Every field is validated and stored, so an accepted file is canonical: writing the
            // loaded network back gives exactly the bytes it came from.
            bool state = (data[14] & ModelFormat.FlagState) != 0;
            byte[] rewritten = FormatTestModel.Save(net, state);
            if (LittleEndian.ReadUInt16(data, 4) == ModelFormat.Version)
            {
                if (!rewritten.AsSpan().SequenceEqual(data))
                    Assert.Fail(origin + ": accepted model does not re-write to the same bytes\ninput:     " + Hex(data) + "\nrewritten: " + Hex(rewritten));
            }
            else if (ModelReader.Load(rewritten).ComputeStateHash() != net.ComputeStateHash())
            {
                // An older version is re-written in the current one: the same network, other bytes.
                Assert.Fail(origin + ": accepted v1 model changes its state hash when re-written as v" + ModelFormat.Version + "\ninput: " + Hex(data));
            }
            try
            {
                Exercise(net);
            }
            catch (Exception e) when (!(e is AssertFailedException))
            {
                Assert.Fail(origin + ": a loaded model failed to run or re-save: " + e.GetType().Name + ": " + e.Message + "\ninput: " + Hex(data) + "\n" + e.StackTrace);
            }
        }

        /// <summary>Steps an accepted network 10 ticks, then saves, reloads and compares.</summary>
        private static void Exercise(Network net)
        {
            var rng = new XorShift32((uint)net.Populations.Length * 7919u + 1);
            var spikes = new int[Math.Max(1, net.InputSize)];
            for (int t = 0; t < 10; t++)
            {
                int n = 0;
                for (int c = 0; c < net.InputSize; c++) if (rng.NextBernoulli(20000)) spikes[n++] = c;
                net.Step(spikes, n);
            }
            byte[] saved = FormatTestModel.Save(net, true);
            Network again = ModelReader.Load(saved);
            Assert.AreEqual(net.ComputeStateHash(), again.ComputeStateHash(), "hash changed on reload");
            CollectionAssert.AreEqual(saved, FormatTestModel.Save(again, true), "bytes changed on reload");
            ModelReader.Load(FormatTestModel.Save(net, false));
        }

        [TestMethod]
        public void RandomBuffers_OnlyModelFormatExceptions()
        {
            var rng = new XorShift32(20240601);
            var tally = new Tally();
            for (int i = 0; i < 10000; i++)
            {
                int length = i < 64 ? i : rng.NextInt(1500);
                var data = new byte[length];
                for (int k = 0; k < length; k++) data[k] = (byte)rng.NextUInt();
                Check(data, tally, "random buffer " + i);
            }
            Console.WriteLine(tally);
            Assert.AreEqual(0, tally.Loaded, tally.ToString());
            Assert.IsTrue(tally.Count(ModelFormatError.BadMagic) > 9000, tally.ToString());
        }

        [TestMethod]
        public void RandomBodiesBehindAValidHeaderAndCrc_OnlyModelFormatExceptions()
        {
            // Past the header and CRC checks, so the section parser sees pure noise.
            var rng = new XorShift32(777);
            var tally = new Tally();
            for (int i = 0; i < 10000; i++)
            {
                int length = 20 + rng.NextInt(1200);
                var data = new byte[length];
                for (int k = 0; k < length; k++) data[k] = (byte)rng.NextUInt();
                data[0] = ModelFormat.Magic0; data[1] = ModelFormat.Magic1; data[2] = ModelFormat.Magic2; data[3] = ModelFormat.Magic3;
                LittleEndian.WriteUInt16(data, 4, ModelFormat.OldestVersion + (i & 2) / 2);
                LittleEndian.WriteUInt16(data, 6, ModelFormat.HeaderBytes);
                LittleEndian.WriteUInt16(data, 14, (int)(rng.NextUInt() & 1));
                if ((i & 1) == 0 && length >= 24)
                {
                    // Half of them start with a plausible section header.
                    LittleEndian.WriteUInt16(data, 16, 1 + rng.NextInt(6));
                    LittleEndian.WriteUInt16(data, 18, 0);
                    LittleEndian.WriteInt32(data, 20, rng.NextInt(length - 24 + 1));
                }
                Check(FormatTestModel.FixLengthAndCrc(data), tally, "random body " + i);
            }
            Console.WriteLine(tally);
            Assert.AreEqual(0, tally.Count(ModelFormatError.ChecksumMismatch), tally.ToString());
            Assert.IsTrue(tally.Count(ModelFormatError.BadSection) > 1000, tally.ToString());
        }

        [TestMethod]
        [DataRow("checkpoint")]
        [DataRow("izh-checkpoint")]
        public void EveryByteSetToBoundaryValuesWithFixedCrc_OnlyModelFormatExceptionsOrWorkingNetworks(string sample)
        {
            // Systematic single-byte replacements over the whole file, CRC and length repaired so
            // that every field is validated for real.
            byte[] file = FormatTestModel.Sample(sample);
            var tally = new Tally();
            for (int i = 0; i < file.Length - 4; i++)
            {
                byte original = file[i];
                int[] values = { 0, 1, 2, 3, 4, 5, 0x40, 0x41, 0x7F, 0x80, 0xFE, 0xFF, original ^ 1, original + 1, original - 1 };
                foreach (int v in values)
                {
                    if ((byte)v == original) continue;
                    byte[] mutant = (byte[])file.Clone();
                    mutant[i] = (byte)v;
                    if (i < 8 || i > 11) FormatTestModel.FixLengthAndCrc(mutant);
                    Check(mutant, tally, "byte " + i + " = " + v);
                }
            }
            Console.WriteLine(tally);
            Assert.IsTrue(tally.Loaded > 500, tally.ToString());
            Assert.IsTrue(tally.Count(ModelFormatError.InvalidValue) > 500, tally.ToString());
            Assert.IsTrue(tally.Count(ModelFormatError.BadSection) > 100, tally.ToString());
        }

        [TestMethod]
        [DataRow("checkpoint")]
        [DataRow("izh-checkpoint")]
        public void EveryOffsetSetToBoundaryIntsWithFixedCrc_OnlyModelFormatExceptionsOrWorkingNetworks(string sample)
        {
            byte[] file = FormatTestModel.Sample(sample);
            var tally = new Tally();
            for (int i = ModelFormat.HeaderBytes; i + 4 <= file.Length - 4; i++)
                foreach (int v in Interesting32)
                {
                    byte[] mutant = (byte[])file.Clone();
                    LittleEndian.WriteInt32(mutant, i, v);
                    Check(FormatTestModel.FixLengthAndCrc(mutant), tally, "int at " + i + " = " + v);
                }
            Console.WriteLine(tally);
            Assert.IsTrue(tally.Loaded > 100, tally.ToString());
            Assert.IsTrue(tally.Count(ModelFormatError.InvalidValue) > 1000, tally.ToString());
        }

        [TestMethod]
        [DataRow("checkpoint", 1u)]
        [DataRow("checkpoint", 2u)]
        [DataRow("model", 3u)]
        [DataRow("izh-checkpoint", 5u)]
        [DataRow("izh-model", 6u)]
        [DataRow("v1-checkpoint", 4u)]
        public void StructureAwareMutations_OnlyModelFormatExceptionsOrWorkingNetworks(string sample, uint seed)
        {
            byte[] file = FormatTestModel.Sample(sample);
            var rng = new XorShift32(seed);
            var tally = new Tally();
            for (int i = 0; i < 25000; i++)
            {
                byte[] mutant = (byte[])file.Clone();
                int operations = 1 + rng.NextInt(4);
                for (int m = 0; m < operations; m++) mutant = Mutate(mutant, rng);
                if (mutant.Length >= 20) FormatTestModel.FixLengthAndCrc(mutant);
                Check(mutant, tally, "seed " + seed + " mutant " + i);
            }
            Console.WriteLine(tally);
            // The CRC and length repair must let most mutants reach the deep checks.
            Assert.IsTrue(tally.Count(ModelFormatError.ChecksumMismatch) == 0, tally.ToString());
            Assert.IsTrue(tally.Count(ModelFormatError.InvalidValue) > 1000, tally.ToString());
            Assert.IsTrue(tally.Count(ModelFormatError.BadSection) > 1000, tally.ToString());
            Assert.IsTrue(tally.Loaded > 100, tally.ToString());
        }

        /// <summary>One random edit: bit flip, byte, 16- or 32-bit boundary value, insertion, deletion or duplication.</summary>
        private static byte[] Mutate(byte[] data, XorShift32 rng)
        {
            int body = data.Length - 4; // the CRC is rewritten afterwards
            if (body <= 0) return data;
            // Mostly past the header: header damage is covered exhaustively elsewhere.
            int at = rng.NextInt(10) == 0 ? rng.NextInt(body) : ModelFormat.HeaderBytes + rng.NextInt(Math.Max(1, body - ModelFormat.HeaderBytes));
            if (at >= body) at = body - 1;
            switch (rng.NextInt(7))
            {
                case 0:
                    data[at] ^= (byte)(1 << rng.NextInt(8));
                    return data;
                case 1:
                    data[at] = (byte)rng.NextUInt();
                    return data;
                case 2:
                    if (at + 2 <= body) LittleEndian.WriteUInt16(data, at, Interesting32[rng.NextInt(Interesting32.Length)]);
                    return data;
                case 3:
                    if (at + 4 <= body) LittleEndian.WriteInt32(data, at, Interesting32[rng.NextInt(Interesting32.Length)]);
                    return data;
                case 4:
                {
                    var insert = new byte[1 + rng.NextInt(16)];
                    for (int k = 0; k < insert.Length; k++) insert[k] = (byte)rng.NextUInt();
                    return FormatTestModel.Splice(data, at, 0, insert);
                }
                case 5:
                {
                    int remove = Math.Min(1 + rng.NextInt(16), body - at);
                    return FormatTestModel.Splice(data, at, remove, Array.Empty<byte>());
                }
                default:
                {
                    int from = rng.NextInt(body);
                    int count = Math.Min(1 + rng.NextInt(32), body - from);
                    var chunk = new byte[count];
                    Array.Copy(data, from, chunk, 0, count);
                    return FormatTestModel.Splice(data, at, 0, chunk);
                }
            }
        }
    }
}
