using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace NanoSnn.Tests.Format
{
    /// <summary>
    /// Exhaustive damage to the sample file: every single-bit flip, every truncation, appended
    /// bytes. Each must be rejected with the error documented for the region it hits.
    /// </summary>
    [TestClass]
    public sealed class ModelFormatCorruptionTests
    {
        /// <summary>
        /// The documented error, field and offset once <paramref name="bit"/> of byte
        /// <paramref name="index"/> of <paramref name="file"/> (whose length field held its true
        /// length) has been flipped.
        /// </summary>
        private static (ModelFormatError Error, string Field, int Offset) Expected(byte[] file, int index, int bit)
        {
            int n = file.Length;
            if (index < 4) return (ModelFormatError.BadMagic, "magic", 0);
            if (index < 6) return (ModelFormatError.UnsupportedVersion, "version", 4);
            if (index < 8) return (ModelFormatError.BadHeader, "header size", 6);
            if (index < 12)
            {
                int length = n ^ (1 << (8 * (index - 8) + bit));
                // More than there is (or negative): Truncated; less: trailing data, LengthMismatch.
                return (length < 0 || length > n ? ModelFormatError.Truncated : ModelFormatError.LengthMismatch, "file length", 8);
            }
            if (index == 14 || index == 15)
            {
                int flags = LittleEndian.ReadUInt16(file, 14); // the flip is already applied
                // Bit 0 (the state flag) is a valid flag: only the CRC can tell it changed.
                if ((flags & ~ModelFormat.FlagState) != 0) return (ModelFormatError.BadHeader, "flags", 14);
            }
            // Section count, every section byte and the CRC itself.
            return (ModelFormatError.ChecksumMismatch, "CRC-32", n - 4);
        }

        [TestMethod]
        [DataRow("checkpoint")]
        [DataRow("model")]
        [DataRow("izh-checkpoint")]
        [DataRow("izh-model")]
        [DataRow("v1-checkpoint")]
        [DataRow("v1-model")]
        public void EverySingleBitFlip_IsRejectedWithTheDocumentedError(string sample)
        {
            byte[] file = FormatTestModel.Sample(sample);
            var counts = new int[9];
            for (int i = 0; i < file.Length; i++)
                for (int bit = 0; bit < 8; bit++)
                {
                    file[i] ^= (byte)(1 << bit);
                    var expected = Expected(file, i, bit);
                    ModelFormatException e = FormatTestModel.Reject(file);
                    file[i] ^= (byte)(1 << bit);
                    string where = "byte " + i + " bit " + bit + ": " + e.Message;
                    Assert.AreEqual(expected.Error, e.Error, where);
                    Assert.AreEqual(expected.Field, e.Field, where);
                    Assert.AreEqual(expected.Offset, e.Offset, where);
                    counts[(int)e.Error]++;
                }
            // Every region was hit.
            Assert.AreEqual(32, counts[(int)ModelFormatError.BadMagic]);
            Assert.AreEqual(16, counts[(int)ModelFormatError.UnsupportedVersion]);
            Assert.AreEqual(16 + 15, counts[(int)ModelFormatError.BadHeader]);
            Assert.AreEqual(32, counts[(int)ModelFormatError.Truncated] + counts[(int)ModelFormatError.LengthMismatch]);
            Assert.IsTrue(counts[(int)ModelFormatError.Truncated] > 0 && counts[(int)ModelFormatError.LengthMismatch] > 0);
            Assert.AreEqual(8 * file.Length - 32 - 16 - 31 - 32, counts[(int)ModelFormatError.ChecksumMismatch]);
        }

        [TestMethod]
        [DataRow("checkpoint")]
        [DataRow("model")]
        [DataRow("izh-checkpoint")]
        [DataRow("izh-model")]
        [DataRow("v1-checkpoint")]
        [DataRow("v1-model")]
        public void EveryTruncation_IsTruncated(string sample)
        {
            byte[] file = FormatTestModel.Sample(sample);
            for (int length = 0; length < file.Length; length++)
            {
                byte[] prefix = new byte[length];
                System.Array.Copy(file, prefix, length);
                ModelFormatException e = FormatTestModel.Reject(prefix);
                Assert.AreEqual(ModelFormatError.Truncated, e.Error, "prefix of " + length + " bytes: " + e.Message);
                // Too short for header + CRC: "header" at the end of the data; otherwise the declared length.
                Assert.AreEqual(length < 20 ? "header" : "file length", e.Field, e.Message);
                Assert.AreEqual(length < 20 ? length : 8, e.Offset, e.Message);

                // The same prefix inside a larger array, loaded by offset and count.
                if (length % 61 == 0)
                {
                    var framed = new byte[file.Length + 10];
                    System.Array.Copy(file, 0, framed, 5, file.Length);
                    try
                    {
                        ModelReader.Load(framed, 5, length);
                        Assert.Fail("prefix of " + length + " bytes accepted");
                    }
                    catch (ModelFormatException x)
                    {
                        Assert.AreEqual(ModelFormatError.Truncated, x.Error);
                    }
                }
            }
        }

        [TestMethod]
        [DataRow("checkpoint")]
        [DataRow("model")]
        [DataRow("izh-checkpoint")]
        [DataRow("izh-model")]
        [DataRow("v1-checkpoint")]
        [DataRow("v1-model")]
        public void AppendedBytes_AreLengthMismatch(string sample)
        {
            byte[] file = FormatTestModel.Sample(sample);
            var rng = new XorShift32(4);
            int[] extras = { 1, 2, 3, 4, 7, 16, 100, 4096 };
            foreach (int extra in extras)
            {
                for (int fill = 0; fill < 3; fill++)
                {
                    var longer = new byte[file.Length + extra];
                    System.Array.Copy(file, longer, file.Length);
                    for (int i = file.Length; i < longer.Length; i++)
                        longer[i] = fill == 0 ? (byte)0 : fill == 1 ? (byte)0xFF : (byte)rng.NextUInt();
                    FormatTestModel.Expect(longer, ModelFormatError.LengthMismatch, "file length", 8);
                }
            }
            // A second copy of the model appended to the first.
            var twice = new byte[2 * file.Length];
            System.Array.Copy(file, twice, file.Length);
            System.Array.Copy(file, 0, twice, file.Length, file.Length);
            FormatTestModel.Expect(twice, ModelFormatError.LengthMismatch, "file length", 8);
        }

        [TestMethod]
        public void WrongVersionsAndHeaderSizes()
        {
            byte[] file = FormatTestModel.WithState();
            int[] versions = { 0, 3, 255, 256, 65535 };
            foreach (int v in versions)
            {
                byte[] bad = (byte[])file.Clone();
                LittleEndian.WriteUInt16(bad, 4, v);
                FormatTestModel.Expect(bad, ModelFormatError.UnsupportedVersion, "version", 4);
            }
            int[] sizes = { 0, 15, 17, 20, 65535 };
            foreach (int s in sizes)
            {
                byte[] bad = (byte[])file.Clone();
                LittleEndian.WriteUInt16(bad, 6, s);
                FormatTestModel.Expect(bad, ModelFormatError.BadHeader, "header size", 6);
            }
            byte[] flags = (byte[])file.Clone();
            LittleEndian.WriteUInt16(flags, 14, 0x8001);
            FormatTestModel.Expect(flags, ModelFormatError.BadHeader, "flags", 14);
            // Header checks come before the CRC: a damaged header with a fixed CRC is still a header error.
            FormatTestModel.Expect(FormatTestModel.FixLengthAndCrc(flags), ModelFormatError.BadHeader, "flags", 14);
        }
    }
}
