using System;
using System.Text.Json;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace NanoSnn.Cli.Tests
{
    [TestClass]
    public sealed class BenchCommandTests
    {
        private static readonly string[] RequiredKeys =
        {
            "workload", "inputs", "hidden", "outputs", "steps", "steps_per_s", "syn_events_per_s", "bytes_per_synapse",
            "alloc_bytes_per_step", "input_rate", "seed", "footprint_bytes",
        };

        [TestMethod]
        public void JsonLinesHaveAllKeysAndNoAllocation()
        {
            CliRun run = CliRun.Invoke("bench", "--inputs", "20", "--hidden", "32", "--outputs", "4", "--steps", "2000", "--input-rate", "0.1", "--seed", "3", "--json");
            Assert.AreEqual(0, run.ExitCode, run.ToString());
            string[] lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.AreEqual(1, lines.Length, run.Output);
            JsonElement json = JsonDocument.Parse(lines[0]).RootElement;
            foreach (string key in RequiredKeys) Assert.IsTrue(json.TryGetProperty(key, out _), "missing key " + key);
            Assert.AreEqual("ff", json.GetProperty("workload").GetString());
            Assert.AreEqual(20, json.GetProperty("inputs").GetInt32());
            Assert.AreEqual(32, json.GetProperty("hidden").GetInt32());
            Assert.AreEqual(4, json.GetProperty("outputs").GetInt32());
            Assert.AreEqual(2000, json.GetProperty("steps").GetInt32());
            Assert.AreEqual(0.1, json.GetProperty("input_rate").GetDouble());
            Assert.AreEqual(3, json.GetProperty("seed").GetInt32());
            Assert.AreEqual(2.0, json.GetProperty("bytes_per_synapse").GetDouble());
            Assert.AreEqual(0.0, json.GetProperty("alloc_bytes_per_step").GetDouble());
            Assert.IsTrue(json.GetProperty("steps_per_s").GetDouble() > 0);
            Assert.IsTrue(json.GetProperty("syn_events_per_s").GetDouble() > 0);
            double hidden = json.GetProperty("hidden_rate_hz").GetDouble();
            Assert.IsTrue(hidden > 2 && hidden < 100, "hidden fires at " + hidden + " Hz");
        }

        [TestMethod]
        public void DeterministicFiguresRepeatAndTableRenders()
        {
            string[] args = { "bench", "--inputs", "10", "--hidden", "16", "--outputs", "2", "--steps", "1000", "--json" };
            JsonElement a = JsonDocument.Parse(CliRun.Invoke(args).Output).RootElement;
            JsonElement b = JsonDocument.Parse(CliRun.Invoke(args).Output).RootElement;
            foreach (string key in new[] { "state_hash", "syn_events", "hidden_rate_hz", "output_rate_hz", "footprint_bytes" })
                Assert.AreEqual(a.GetProperty(key).ToString(), b.GetProperty(key).ToString(), key);

            CliRun table = CliRun.Invoke("bench", "--inputs", "10", "--hidden", "16", "--outputs", "2", "--steps", "1000");
            Assert.AreEqual(0, table.ExitCode, table.ToString());
            StringAssert.Contains(table.Output, "steps/s");
            StringAssert.Contains(table.Output, "10 -> 16 -> 2");
        }

        [TestMethod]
        public void SizesTheCoreCannotBoundAreBadInput()
        {
            CliRun run = CliRun.Invoke("bench", "--inputs", "40000", "--hidden", "2", "--outputs", "1", "--steps", "10");
            Assert.AreEqual(2, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, "cannot build");
        }
    }
}
