using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace NanoSnn.Tests.Format
{
    /// <summary>Argument handling of the writer, the reader and PeekLength (buffers, offsets, counts).</summary>
    [TestClass]
    public sealed class ModelFormatApiTests
    {
        [TestMethod]
        public void Write_RejectsBuffersThatAreTooSmall()
        {
            Network net = FormatTestModel.Build();
            int length = ModelWriter.MeasureBytes(net, true);
            var buffer = new byte[length + 10];
            Assert.AreEqual(length, ModelWriter.Write(net, true, buffer, 10));
            Assert.ThrowsExactly<ArgumentException>(() => ModelWriter.Write(net, true, buffer, 11));
            Assert.ThrowsExactly<ArgumentException>(() => ModelWriter.Write(net, true, new byte[length - 1], 0));
            Assert.ThrowsExactly<ArgumentException>(() => ModelWriter.Write(net, true, null, 0));
            Assert.ThrowsExactly<ArgumentException>(() => ModelWriter.Write(net, true, buffer, -1));
        }

        /// <summary>
        /// Regression: the bounds check was offset + total &gt; buffer.Length, which overflows for
        /// offsets near int.MaxValue; the writer then failed with IndexOutOfRangeException instead
        /// of the documented ArgumentException (fixed: offset &gt; buffer.Length - total).
        /// </summary>
        [TestMethod]
        public void Write_WithAnOffsetNearIntMaxValue_ThrowsArgumentException()
        {
            Network net = FormatTestModel.Build();
            var buffer = new byte[100000];
            Assert.ThrowsExactly<ArgumentException>(() => ModelWriter.Write(net, true, buffer, int.MaxValue - 10));
            Assert.ThrowsExactly<ArgumentException>(() => ModelWriter.Write(net, false, buffer, int.MaxValue));
        }

        /// <summary>
        /// Regression: the bounds check was offset + HeaderBytes &gt; data.Length, which overflows
        /// for offsets near int.MaxValue; PeekLength then read outside the array and threw
        /// IndexOutOfRangeException instead of returning -1 (fixed: offset &gt; data.Length - HeaderBytes).
        /// </summary>
        [TestMethod]
        public void PeekLength_NeverReadsOutsideTheArray()
        {
            byte[] file = FormatTestModel.WithState();
            Assert.AreEqual(file.Length, ModelFormat.PeekLength(file, 0, file.Length));
            Assert.AreEqual(-1, ModelFormat.PeekLength(null, 0, 100));
            Assert.AreEqual(-1, ModelFormat.PeekLength(file, -1, 100));
            Assert.AreEqual(-1, ModelFormat.PeekLength(file, 0, 15));
            Assert.AreEqual(-1, ModelFormat.PeekLength(file, file.Length - 15, 100));
            Assert.AreEqual(-1, ModelFormat.PeekLength(file, file.Length, 100));
            Assert.AreEqual(-1, ModelFormat.PeekLength(file, int.MaxValue - 5, 100));
            Assert.AreEqual(-1, ModelFormat.PeekLength(file, int.MaxValue, int.MaxValue));
        }

        [TestMethod]
        public void Load_RejectsArgumentsThatDoNotFitTheArray()
        {
            byte[] file = FormatTestModel.WithState();
            Assert.ThrowsExactly<ArgumentNullException>(() => ModelReader.Load(null));
            Assert.ThrowsExactly<ArgumentNullException>(() => ModelReader.Load(null, 0, 0));
            Assert.ThrowsExactly<ArgumentException>(() => ModelReader.Load(file, -1, 10));
            Assert.ThrowsExactly<ArgumentException>(() => ModelReader.Load(file, 0, -1));
            Assert.ThrowsExactly<ArgumentException>(() => ModelReader.Load(file, 1, file.Length));
            Assert.ThrowsExactly<ArgumentException>(() => ModelReader.Load(file, file.Length + 1, 0));
            Assert.ThrowsExactly<ArgumentException>(() => ModelReader.Load(file, int.MaxValue, int.MaxValue));
            Assert.ThrowsExactly<ArgumentException>(() => ModelReader.Load(file, 10, int.MaxValue));
            // Zero bytes at the very end of the array are merely too short.
            Assert.AreEqual(ModelFormatError.Truncated, Assert.ThrowsExactly<ModelFormatException>(() => ModelReader.Load(file, file.Length, 0)).Error);
        }
    }
}
