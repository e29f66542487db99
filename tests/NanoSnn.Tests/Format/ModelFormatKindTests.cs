using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace NanoSnn.Tests.Format
{
    [TestClass]
    public sealed class ModelFormatKindTests
    {
        [TestMethod]
        public void WriterRefusesPopulationKindsTheFormatCannotStore()
        {
            var b = new NetworkBuilder(1000, 1);
            var input = b.AddInput("in", 4);
            var izh = b.AddIzhikevich("izh", 10, 0);
            b.AddDense("in-izh", input, izh, 8);
            Network net = b.Build();
            var e = Assert.ThrowsExactly<ModelException>(() => ModelWriter.MeasureBytes(net, false));
            StringAssert.Contains(e.Message, "'izh'");
            Assert.ThrowsExactly<ModelException>(() => ModelWriter.Write(net, true, new byte[1 << 16], 0));
        }
    }
}
