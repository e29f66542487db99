using System.IO;
using System.Linq;
using System.Xml.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace NanoSnn.Cli.Tests
{
    [TestClass]
    public sealed class PlotTests
    {
        [TestMethod]
        public void RunWritesAWellFormedSvgWithEveryPanel()
        {
            using var temp = new TempFiles();
            string path = temp.PathOf("sub/run.svg");
            CliRun run = CliRun.Invoke("run", "--task", "sensor", "--steps", "1500", "--plot", path);
            Assert.AreEqual(0, run.ExitCode, run.ToString());
            XDocument svg = XDocument.Load(path); // throws if the SVG is not well-formed XML
            XNamespace ns = "http://www.w3.org/2000/svg";
            string text = string.Join("|", svg.Descendants(ns + "text").Select(t => t.Value));
            foreach (string panel in new[] { "sensor samples", "spikes, first 1000 ticks", "population rates", "readouts" })
                StringAssert.Contains(text, panel);
            // The raster draws one mark per spike of the non-input populations in its window.
            Assert.IsTrue(svg.Descendants(ns + "rect").Count() > 100, "raster has almost no spikes");
            // Line panels: 4 sensors + 2 population rates + 2 readouts.
            Assert.AreEqual(8, svg.Descendants(ns + "path").Count());
        }

        [TestMethod]
        public void ModelWithoutReadoutIsPlottedWithoutTheReadoutPanel()
        {
            using var temp = new TempFiles();
            NetworkBuilder b = new NetworkBuilder();
            InputPopulation input = b.AddInput("in", 2 * SensorNetwork.Channels);
            LifPopulation lif = b.AddLif("lif", 4, new LifParameters());
            b.AddDense("in-lif", input, lif, 0);
            Network network = b.Build();
            byte[] bytes = new byte[ModelWriter.MeasureBytes(network, false)];
            ModelWriter.Write(network, false, bytes, 0);
            string model = temp.PathOf("no-readout.nsnn");
            File.WriteAllBytes(model, bytes);
            string path = temp.PathOf("run.svg");

            CliRun run = CliRun.Invoke("run", "--task", "sensor", "--model", model, "--steps", "200", "--plot", path);
            Assert.AreEqual(0, run.ExitCode, run.ToString());
            XNamespace ns = "http://www.w3.org/2000/svg";
            string text = string.Join("|", XDocument.Load(path).Descendants(ns + "text").Select(t => t.Value));
            StringAssert.Contains(text, "population rates");
            Assert.IsFalse(text.Contains("readouts"), text);
        }

        [TestMethod]
        public void UnwritablePlotPathFailsWithAMessage()
        {
            using var temp = new TempFiles();
            File.WriteAllText(temp.PathOf("blocker"), "a file, not a folder");
            CliRun run = CliRun.Invoke("run", "--task", "sensor", "--steps", "100", "--plot", temp.PathOf("blocker/run.svg"));
            Assert.AreNotEqual(0, run.ExitCode);
            StringAssert.Contains(run.Error, "plot");
        }
    }
}
