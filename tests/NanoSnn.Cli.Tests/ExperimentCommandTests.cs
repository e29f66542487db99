using System.IO;
using System.Linq;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace NanoSnn.Cli.Tests
{
    /// <summary><c>nanosnn experiment ...</c> at tiny sizes: exit codes, JSON keys and types, SVG figures, usage errors.</summary>
    [TestClass]
    public sealed class ExperimentCommandTests
    {
        private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

        private static JsonElement Json(CliRun run)
        {
            Assert.AreEqual(0, run.ExitCode, run.ToString());
            string[] lines = run.Output.Split('\n').Where(l => l.Trim().Length > 0).ToArray();
            Assert.AreEqual(1, lines.Length, "expected one JSON line:\n" + run.Output);
            using JsonDocument document = JsonDocument.Parse(lines[0]);
            return document.RootElement.Clone();
        }

        private static void AssertKind(JsonElement json, string key, params JsonValueKind[] kinds)
        {
            Assert.IsTrue(json.TryGetProperty(key, out JsonElement value), "missing key " + key + " in " + json);
            CollectionAssert.Contains(kinds, value.ValueKind, key + " is " + value.ValueKind);
        }

        private static XDocument AssertSvg(string path, params string[] texts)
        {
            Assert.IsTrue(File.Exists(path), "no plot at " + path);
            XDocument svg = XDocument.Load(path); // throws if not well-formed XML
            Assert.AreEqual(Svg + "svg", svg.Root.Name);
            string all = string.Join("|", svg.Descendants(Svg + "text").Select(t => t.Value));
            foreach (string text in texts) StringAssert.Contains(all, text);
            return svg;
        }

        [TestMethod]
        public void EpropPatternJsonAndPlot()
        {
            using var temp = new TempFiles();
            string plot = temp.PathOf("a/b/pattern.svg");
            JsonElement json = Json(CliRun.Invoke("experiment", "eprop-pattern", "--iterations", "3", "--seed", "2", "--json", "--plot", plot));
            foreach (string key in new[] { "nmse_fixed", "nmse_float", "iterations", "seed", "seconds" }) AssertKind(json, key, JsonValueKind.Number);
            AssertKind(json, "mode", JsonValueKind.String);
            AssertKind(json, "accepted", JsonValueKind.True, JsonValueKind.False);
            AssertKind(json, "first_iteration_at_or_below_0_15", JsonValueKind.Object);
            JsonElement first = json.GetProperty("first_iteration_at_or_below_0_15");
            AssertKind(first, "fixed", JsonValueKind.Number, JsonValueKind.Null);
            AssertKind(first, "float", JsonValueKind.Number, JsonValueKind.Null);
            Assert.AreEqual(3, json.GetProperty("iterations").GetInt32());
            Assert.AreEqual(2, json.GetProperty("seed").GetInt32());
            Assert.AreEqual("factorized", json.GetProperty("mode").GetString());
            Assert.IsTrue(json.GetProperty("nmse_fixed").GetDouble() > 0);
            XDocument svg = AssertSvg(plot, "learning curves", "NMSE fixed point", "NMSE float64 reference", "last iteration");
            Assert.AreEqual(6, svg.Descendants(Svg + "path").Count()); // fixed, float, 0.15 line; target, fixed, float
        }

        [TestMethod]
        public void EpropPatternExactModeAndTable()
        {
            using var temp = new TempFiles();
            string plot = temp.PathOf("exact.svg");
            CliRun run = CliRun.Invoke("experiment", "eprop-pattern", "--iterations", "1", "--mode", "EXACT", "--plot", plot);
            Assert.AreEqual(0, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Output, "exact");
            StringAssert.Contains(run.Output, "acceptance");
            StringAssert.Contains(run.Output, "FAIL"); // one iteration cannot reach NMSE 0.15; still exit 0
            AssertSvg(plot);
        }

        [TestMethod]
        public void EpropClassifyJsonAndPlot()
        {
            using var temp = new TempFiles();
            string plot = temp.PathOf("classify.svg");
            JsonElement json = Json(CliRun.Invoke("experiment", "eprop-classify", "--epochs", "2", "--train-trials", "1", "--test-trials", "1",
                "--json", "--plot", plot));
            foreach (string key in new[] { "accuracy_fixed", "accuracy_float", "classes", "seed", "seconds" }) AssertKind(json, key, JsonValueKind.Number);
            AssertKind(json, "mode", JsonValueKind.String);
            AssertKind(json, "train_accuracy_fixed", JsonValueKind.Array);
            Assert.AreEqual(3, json.GetProperty("classes").GetInt32());
            Assert.AreEqual(2, json.GetProperty("train_accuracy_fixed").GetArrayLength());
            double accuracy = json.GetProperty("accuracy_fixed").GetDouble();
            Assert.IsTrue(accuracy >= 0 && accuracy <= 1, "accuracy " + accuracy);
            AssertSvg(plot, "accuracy per epoch", "chance");
        }

        [TestMethod]
        public void DistalRewardJsonAndPlot()
        {
            using var temp = new TempFiles();
            string plot = temp.PathOf("distal.svg");
            JsonElement json = Json(CliRun.Invoke("experiment", "distal-reward", "--seed", "1", "--minutes", "0.05", "--json", "--plot", plot));
            foreach (string key in new[] { "seed", "minutes", "final_weight", "weight_cap", "final_percentile", "rewards_delivered", "seconds" })
                AssertKind(json, key, JsonValueKind.Number);
            AssertKind(json, "reward", JsonValueKind.True);
            AssertKind(json, "minute_reached", JsonValueKind.Number, JsonValueKind.Null);
            Assert.AreEqual(0.05, json.GetProperty("minutes").GetDouble(), 1e-12);
            Assert.AreEqual(4.0, json.GetProperty("weight_cap").GetDouble());
            XDocument svg = AssertSvg(plot, "reinforced synapse", "final excitatory weights", "reinforced:");
            Assert.IsTrue(svg.Descendants(Svg + "line").Any(l => (string)l.Attribute("stroke") == "#d62728"), "the reinforced synapse is not marked");
        }

        [TestMethod]
        public void DistalRewardControlAndSummaryLine()
        {
            using var temp = new TempFiles();
            CliRun run = CliRun.Invoke("experiment", "distal-reward", "--minutes", "0.02", "--no-reward", "--plot", temp.PathOf("c.svg"));
            Assert.AreEqual(0, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Output, "distal-reward seed 1 (no reward): reinforced weight");
            StringAssert.Contains(run.Output, "0 rewards");
        }

        [TestMethod]
        public void HomeostasisJsonAndPlot()
        {
            using var temp = new TempFiles();
            string plot = temp.PathOf("homeostasis.svg");
            JsonElement json = Json(CliRun.Invoke("experiment", "homeostasis", "--phase-seconds", "3", "--json", "--plot", plot));
            foreach (string key in new[] { "seed", "target_rate_hz", "oscillation_sd_hz", "seconds" }) AssertKind(json, key, JsonValueKind.Number);
            foreach (string key in new[] { "phase_end_rate_hz", "phase_end_sd_hz" })
            {
                AssertKind(json, key, JsonValueKind.Array);
                Assert.AreEqual(3, json.GetProperty(key).GetArrayLength());
                foreach (JsonElement v in json.GetProperty(key).EnumerateArray()) Assert.AreEqual(JsonValueKind.Number, v.ValueKind);
            }
            AssertKind(json, "settle_seconds", JsonValueKind.Array);
            Assert.AreEqual(2, json.GetProperty("settle_seconds").GetArrayLength());
            AssertSvg(plot, "network rate per second", "target");
        }

        [TestMethod]
        public void NoPlotWritesNothing()
        {
            JsonElement json = Json(CliRun.Invoke("experiment", "homeostasis", "--phase-seconds", "1", "--no-plot", "--json"));
            Assert.AreEqual(JsonValueKind.Null, json.GetProperty("plot").ValueKind);
        }

        [TestMethod]
        public void UnwritablePlotPathExitsOneWithAMessage()
        {
            using var temp = new TempFiles();
            File.WriteAllText(temp.PathOf("blocker"), "a file, not a folder");
            CliRun run = CliRun.Invoke("experiment", "homeostasis", "--phase-seconds", "1", "--plot", temp.PathOf("blocker/h.svg"));
            Assert.AreEqual(1, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, "cannot write the plot");
        }

        [TestMethod]
        [DataRow("experiment")]
        [DataRow("experiment", "nope")]
        [DataRow("experiment", "eprop-pattern", "--mode", "bogus")]
        [DataRow("experiment", "eprop-pattern", "--iterations", "0")]
        [DataRow("experiment", "eprop-pattern", "--iterations", "-3")]
        [DataRow("experiment", "eprop-pattern", "--iterations", "many")]
        [DataRow("experiment", "eprop-classify", "--mode", "fast")]
        [DataRow("experiment", "eprop-classify", "--epochs", "0")]
        [DataRow("experiment", "distal-reward", "--minutes", "0")]
        [DataRow("experiment", "distal-reward", "--minutes", "-1")]
        [DataRow("experiment", "distal-reward", "--minutes", "soon")]
        [DataRow("experiment", "distal-reward", "--minutes", "0.000001")]
        [DataRow("experiment", "distal-reward", "--minutes", "1e300")]
        [DataRow("experiment", "homeostasis", "--phase-seconds", "0")]
        [DataRow("experiment", "homeostasis", "--seed", "-1")]
        [DataRow("experiment", "homeostasis", "--bogus")]
        public void BadArgumentsExitTwoWithAMessage(params string[] args)
        {
            CliRun run = CliRun.Invoke(args);
            Assert.AreEqual(2, run.ExitCode, run.ToString());
            Assert.IsTrue(run.Error.Trim().Length > 0, "no message on stderr");
        }

        [TestMethod]
        public void BadModeSaysWhatIsValid()
        {
            CliRun run = CliRun.Invoke("experiment", "eprop-pattern", "--mode", "bogus");
            Assert.AreEqual(2, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, "--mode");
            StringAssert.Contains(run.Error, "factorized, exact");
            CliRun minutes = CliRun.Invoke("experiment", "distal-reward", "--minutes", "-1");
            StringAssert.Contains(minutes.Error, "positive");
        }

        [TestMethod]
        public void ExperimentHelpListsTheFour()
        {
            CliRun run = CliRun.Invoke("experiment", "--help");
            Assert.AreEqual(0, run.ExitCode, run.ToString());
            foreach (string name in new[] { "eprop-pattern", "eprop-classify", "distal-reward", "homeostasis" }) StringAssert.Contains(run.Output, name);
            StringAssert.Contains(CliRun.Invoke("--help").Output, "experiment");
        }

        [TestMethod]
        [DataRow("eprop-pattern", "--seed", "--iterations", "--mode", "--plot", "--json")]
        [DataRow("eprop-classify", "--seed", "--mode", "--epochs", "--train-trials", "--test-trials", "--plot", "--json")]
        [DataRow("distal-reward", "--seed", "--minutes", "--no-reward", "--plot", "--json")]
        [DataRow("homeostasis", "--seed", "--phase-seconds", "--plot", "--json")]
        public void SubcommandHelpDescribesItsOptions(string name, params string[] options)
        {
            CliRun run = CliRun.Invoke("experiment", name, "--help");
            Assert.AreEqual(0, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Output, "Description");
            foreach (string option in options) StringAssert.Contains(run.Output, option);
        }
    }
}
