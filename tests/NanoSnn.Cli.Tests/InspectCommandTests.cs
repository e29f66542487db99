using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace NanoSnn.Cli.Tests
{
    [TestClass]
    public sealed class InspectCommandTests
    {
        private static byte[] ModelBytes(bool includeState)
        {
            Network network = SensorNetwork.Build(3);
            byte[] bytes = new byte[ModelWriter.MeasureBytes(network, includeState)];
            ModelWriter.Write(network, includeState, bytes, 0);
            return bytes;
        }

        [TestMethod]
        public void DescribesTheSensorNetwork()
        {
            using TempFiles temp = new TempFiles();
            string file = temp.PathOf("sensor.nsnn");
            byte[] bytes = ModelBytes(false);
            File.WriteAllBytes(file, bytes);

            CliRun run = CliRun.Invoke("inspect", file);
            Assert.AreEqual(0, run.ExitCode, run.ToString());
            string o = run.Output;
            StringAssert.Contains(o, bytes.Length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " bytes");
            StringAssert.Contains(o, "0x" + Crc32.Compute(bytes, 0, bytes.Length - 4).ToString("X8"));
            StringAssert.Contains(o, "state section: no");
            StringAssert.Contains(o, "threshold 1.000 (Q16 65536)");
            StringAssert.Contains(o, "tau_m 20.0 ms");
            StringAssert.Contains(o, "adaptation tau_a 300.0 ms");
            StringAssert.Contains(o, "refractory 2 ticks");
            StringAssert.Contains(o, "Q16 step 2^-12");
            StringAssert.Contains(o, "lif -> lif (delay 1)");
            StringAssert.Contains(o, "sparsity");
            StringAssert.Contains(o, "bytes per synapse");
            foreach (string name in new[] { "in-lif", "in-alif", "lif-lif", "lif-alif", "alif-lif", "lif-out", "alif-out" })
                StringAssert.Contains(o, name);
        }

        [TestMethod]
        public void CorruptedFileNamesTheErrorAndExitsTwo()
        {
            using TempFiles temp = new TempFiles();
            string file = temp.PathOf("corrupt.nsnn");
            byte[] bytes = ModelBytes(true);
            bytes[bytes.Length / 2] ^= 0x40;
            File.WriteAllBytes(file, bytes);

            CliRun run = CliRun.Invoke("inspect", file);
            Assert.AreEqual(2, run.ExitCode, run.ToString());
            Assert.AreEqual("", run.Output);
            StringAssert.Contains(run.Error, "ChecksumMismatch");
            StringAssert.Contains(run.Error, "at byte " + (bytes.Length - 4));
        }

        [TestMethod]
        public void TruncatedAndForeignFilesAreRejected()
        {
            using TempFiles temp = new TempFiles();
            byte[] bytes = ModelBytes(false);
            string truncated = temp.PathOf("truncated.nsnn");
            File.WriteAllBytes(truncated, bytes[..(bytes.Length / 3)]);
            CliRun a = CliRun.Invoke("inspect", truncated);
            Assert.AreEqual(2, a.ExitCode, a.ToString());
            StringAssert.Contains(a.Error, "Truncated");

            string foreign = temp.PathOf("foreign.txt");
            File.WriteAllText(foreign, "this is not a model file at all");
            CliRun b = CliRun.Invoke("inspect", foreign);
            Assert.AreEqual(2, b.ExitCode, b.ToString());
            StringAssert.Contains(b.Error, "BadMagic");
        }

        [TestMethod]
        public void MissingFileExitsTwo()
        {
            CliRun run = CliRun.Invoke("inspect", "/nonexistent/model.nsnn");
            Assert.AreEqual(2, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, "not found");
        }
    }
}
