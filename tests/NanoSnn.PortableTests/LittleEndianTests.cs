#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace NanoSnn.PortableTests
{
    /// <summary>Byte order and sign handling of the model format's primitive reads and writes.</summary>
    [TestClass]
    public class LittleEndianTests
    {
        [TestMethod]
        public void UInt16_WritesLowByteFirstAndRoundTrips()
        {
            byte[] b = new byte[4];
            LittleEndian.WriteUInt16(b, 1, 0xBEEF);
            Assert.AreEqual((byte)0x00, b[0]);
            Assert.AreEqual((byte)0xEF, b[1]);
            Assert.AreEqual((byte)0xBE, b[2]);
            Assert.AreEqual((byte)0x00, b[3]);
            Assert.AreEqual(0xBEEF, LittleEndian.ReadUInt16(b, 1));
            Assert.AreEqual((short)-16657, LittleEndian.ReadInt16(b, 1)); // 0xBEEF as a signed short

            LittleEndian.WriteUInt16(b, 0, 0x8000);
            Assert.AreEqual(32768, LittleEndian.ReadUInt16(b, 0));
            Assert.AreEqual(short.MinValue, LittleEndian.ReadInt16(b, 0));
            LittleEndian.WriteUInt16(b, 0, -1); // a negative short written through the u16 writer
            Assert.AreEqual(65535, LittleEndian.ReadUInt16(b, 0));
            Assert.AreEqual((short)-1, LittleEndian.ReadInt16(b, 0));
        }

        [TestMethod]
        public void Int32_WritesLowByteFirstAndRoundTripsExtremes()
        {
            byte[] b = new byte[6];
            LittleEndian.WriteInt32(b, 2, 0x12345678);
            Assert.AreEqual((byte)0x78, b[2]);
            Assert.AreEqual((byte)0x56, b[3]);
            Assert.AreEqual((byte)0x34, b[4]);
            Assert.AreEqual((byte)0x12, b[5]);
            Assert.AreEqual(0x12345678, LittleEndian.ReadInt32(b, 2));

            LittleEndian.WriteInt32(b, 0, -2);
            Assert.AreEqual((byte)0xFE, b[0]);
            Assert.AreEqual((byte)0xFF, b[3]);
            int[] values = { 0, 1, -1, -2, int.MaxValue, int.MinValue, 0x7F80FF01, unchecked((int)0x80000001) };
            for (int i = 0; i < values.Length; i++)
            {
                LittleEndian.WriteInt32(b, 1, values[i]);
                Assert.AreEqual(values[i], LittleEndian.ReadInt32(b, 1));
            }
        }

        [TestMethod]
        public void Int64_RoundTripsAndDoesNotSignExtendTheLowWord()
        {
            byte[] b = new byte[9];
            LittleEndian.WriteInt64(b, 1, 0x0123456789ABCDEFL);
            Assert.AreEqual((byte)0xEF, b[1]);
            Assert.AreEqual((byte)0x01, b[8]);
            Assert.AreEqual(0x0123456789ABCDEFL, LittleEndian.ReadInt64(b, 1));
            long[] values = { 0L, 1L, -1L, long.MaxValue, long.MinValue, 0x0000000180000000L, 0x00000000FFFFFFFFL, -4294967296L };
            for (int i = 0; i < values.Length; i++)
            {
                LittleEndian.WriteInt64(b, 0, values[i]);
                Assert.AreEqual(values[i], LittleEndian.ReadInt64(b, 0));
            }
        }
    }
}
