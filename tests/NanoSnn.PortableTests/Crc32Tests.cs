#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace NanoSnn.PortableTests
{
    /// <summary>CRC-32 (IEEE 802.3) check values; the same ones zlib and Python's binascii.crc32 give.</summary>
    [TestClass]
    public class Crc32Tests
    {
        [TestMethod]
        public void CheckValue_123456789()
        {
            byte[] data = TestSupport.Ascii("123456789");
            Assert.AreEqual(0xCBF43926u, Crc32.Compute(data, 0, data.Length));
        }

        [TestMethod]
        public void OtherKnownValues()
        {
            Assert.AreEqual(0u, Crc32.Compute(new byte[0], 0, 0));
            byte[] a = TestSupport.Ascii("a");
            Assert.AreEqual(0xE8B7BE43u, Crc32.Compute(a, 0, 1));
            byte[] fox = TestSupport.Ascii("The quick brown fox jumps over the lazy dog");
            Assert.AreEqual(0x414FA339u, Crc32.Compute(fox, 0, fox.Length));
        }

        [TestMethod]
        public void OffsetAndIncrementalUseAgreeWithOneShot()
        {
            byte[] framed = TestSupport.Ascii("xx123456789yy");
            Assert.AreEqual(0xCBF43926u, Crc32.Compute(framed, 2, 9));
            uint register = Crc32.Start;
            register = Crc32.Append(register, framed, 2, 4);
            register = Crc32.Append(register, framed, 6, 0);
            register = Crc32.Append(register, framed, 6, 5);
            Assert.AreEqual(0xCBF43926u, Crc32.Finish(register));
        }

        [TestMethod]
        public void EverySingleBitFlipChangesTheCrc()
        {
            byte[] data = TestSupport.Ascii("123456789");
            uint reference = Crc32.Compute(data, 0, data.Length);
            for (int i = 0; i < data.Length; i++)
                for (int bit = 0; bit < 8; bit++)
                {
                    data[i] ^= (byte)(1 << bit);
                    Assert.AreNotEqual(reference, Crc32.Compute(data, 0, data.Length));
                    data[i] ^= (byte)(1 << bit);
                }
        }
    }
}
