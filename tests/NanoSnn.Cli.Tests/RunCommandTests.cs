using System.IO;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoSnn.Cli.Output;

namespace NanoSnn.Cli.Tests
{
    [TestClass]
    public sealed class RunCommandTests
    {
        private static JsonElement RunJson(params string[] args)
        {
            string[] all = new string[args.Length + 4];
            all[0] = "run";
            all[1] = "--task";
            all[2] = "sensor";
            all[3] = "--json";
            args.CopyTo(all, 4);
            CliRun run = CliRun.Invoke(all);
            Assert.AreEqual(0, run.ExitCode, run.ToString());
            return JsonDocument.Parse(run.Output.Trim()).RootElement.Clone();
        }

        [TestMethod]
        public void SmallRunPrintsSummaryWithStateHash()
        {
            CliRun run = CliRun.Invoke("run", "--task", "sensor", "--steps", "300");
            Assert.AreEqual(0, run.ExitCode, run.ToString());
            Assert.AreEqual("", run.Error);
            StringAssert.Contains(run.Output, "state hash");
            StringAssert.Contains(run.Output, "synaptic events");
            StringAssert.Contains(run.Output, "PWM duty");
            StringAssert.Contains(run.Output, "lif");
            StringAssert.Contains(run.Output, "alif");
            StringAssert.Matches(run.Output, new Regex("state hash\\s*│\\s*0x[0-9A-F]{8}"));
        }

        [TestMethod]
        public void JsonHasTheDocumentedKeys()
        {
            JsonElement json = RunJson("--steps", "200", "--seed", "5");
            Assert.AreEqual("sensor", json.GetProperty("scenario").GetString());
            Assert.AreEqual(200, json.GetProperty("steps").GetInt32());
            Assert.AreEqual(5, json.GetProperty("seed").GetInt32());
            JsonElement rates = json.GetProperty("rates");
            foreach (string name in new[] { "in", "lif", "alif" }) Assert.IsTrue(rates.TryGetProperty(name, out _), name);
            Assert.IsTrue(json.GetProperty("syn_events").GetInt64() >= 0);
            Assert.IsTrue(json.GetProperty("footprint_bytes").GetInt32() > 0);
            StringAssert.Matches(json.GetProperty("state_hash").GetString(), new Regex("^0x[0-9A-F]{8}$"));
            Assert.AreEqual(2, json.GetProperty("duties").GetArrayLength());
        }

        [TestMethod]
        public void SameSeedGivesSameHashAndDifferentSeedDifferentHash()
        {
            string a = RunJson("--steps", "400", "--seed", "7").GetProperty("state_hash").GetString();
            string b = RunJson("--steps", "400", "--seed", "7").GetProperty("state_hash").GetString();
            string c = RunJson("--steps", "400", "--seed", "8").GetProperty("state_hash").GetString();
            Assert.AreEqual(a, b);
            Assert.AreNotEqual(a, c);
        }

        [TestMethod]
        public void TableAndJsonAgreeOnTheHash()
        {
            string hash = RunJson("--steps", "250").GetProperty("state_hash").GetString();
            CliRun table = CliRun.Invoke("run", "--task", "sensor", "--steps", "250");
            StringAssert.Contains(table.Output, hash);
        }

        [TestMethod]
        public void DefaultRunHasPlausibleRates()
        {
            JsonElement rates = RunJson("--steps", "3000").GetProperty("rates");
            foreach (string name in new[] { "lif", "alif" })
            {
                double hz = rates.GetProperty(name).GetDouble();
                Assert.IsTrue(hz > 0.5 && hz < 100, name + " fires at " + hz + " Hz");
            }
        }

        [TestMethod]
        public void SavedCheckpointLoadsWithTheReportedHash()
        {
            using TempFiles temp = new TempFiles();
            string file = temp.PathOf("run.nsnn");
            JsonElement json = RunJson("--steps", "300", "--save", file);
            Assert.IsTrue(File.Exists(file));
            Assert.AreEqual((int)new FileInfo(file).Length, json.GetProperty("saved_bytes").GetInt32());

            Network loaded = ModelReader.Load(File.ReadAllBytes(file));
            Assert.AreEqual(300L, loaded.Tick);
            Assert.AreEqual(json.GetProperty("state_hash").GetString(), Units.Hash(loaded.ComputeStateHash()));

            CliRun inspect = CliRun.Invoke("inspect", file);
            Assert.AreEqual(0, inspect.ExitCode, inspect.ToString());
            StringAssert.Contains(inspect.Output, "state section: yes, a checkpoint at tick 300");
            StringAssert.Contains(inspect.Output, json.GetProperty("state_hash").GetString());
        }

        [TestMethod]
        public void ResumesFromASavedModel()
        {
            using TempFiles temp = new TempFiles();
            string file = temp.PathOf("resume.nsnn");
            Assert.AreEqual(0, CliRun.Invoke("run", "--task", "sensor", "--steps", "100", "--save", file, "--json").ExitCode);
            JsonElement json = RunJson("--model", file, "--steps", "50");
            Assert.AreEqual(100, json.GetProperty("first_tick").GetInt32());
            Assert.AreEqual(150, json.GetProperty("tick").GetInt32());
            Assert.AreEqual(file, json.GetProperty("model").GetString());
        }

        [TestMethod]
        public void ModelWithWrongInputSizeIsRejected()
        {
            using TempFiles temp = new TempFiles();
            NetworkBuilder b = new NetworkBuilder();
            InputPopulation input = b.AddInput("in", 3);
            LifPopulation lif = b.AddLif("lif", 4, new LifParameters());
            b.AddDense("in-lif", input, lif, 0);
            Network network = b.Build();
            byte[] bytes = new byte[ModelWriter.MeasureBytes(network, false)];
            ModelWriter.Write(network, false, bytes, 0);
            string file = temp.PathOf("small.nsnn");
            File.WriteAllBytes(file, bytes);

            CliRun run = CliRun.Invoke("run", "--task", "sensor", "--model", file, "--steps", "10");
            Assert.AreEqual(2, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, "3 input channels");
            StringAssert.Contains(run.Error, "needs 8");
        }

        [TestMethod]
        public void MissingModelIsBadInput()
        {
            CliRun run = CliRun.Invoke("run", "--task", "sensor", "--model", "/nonexistent/dir/model.nsnn");
            Assert.AreEqual(2, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, "not found");
        }

        [TestMethod]
        public void UnwritableSaveIsARuntimeFailure()
        {
            CliRun run = CliRun.Invoke("run", "--task", "sensor", "--steps", "10", "--save", "/nonexistent/dir/model.nsnn");
            Assert.AreEqual(1, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, "cannot write");
        }
    }
}
