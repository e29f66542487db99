using System;
using System.Text.Json;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace NanoSnn.Cli.Tests
{
    /// <summary><c>nanosnn bench --workload eprop | distal-reward</c>: keys, sizes, bytes, no allocation, bad combinations. No timing assertions.</summary>
    [TestClass]
    public sealed class BenchWorkloadTests
    {
        private static readonly string[] EpropKeys =
        {
            "workload", "mode", "inputs", "hidden", "n_rec", "outputs", "steps", "input_rate", "seed", "steps_per_s",
            "syn_events_per_s", "syn_updates_per_s", "bytes_per_synapse", "bytes_per_plastic_synapse",
            "total_bytes_per_plastic_synapse", "plastic_synapses", "footprint_bytes", "alloc_bytes_per_step", "state_hash",
        };

        private static readonly string[] DistalKeys =
        {
            "workload", "neurons", "plastic_synapses", "steps", "simulated_s", "seed", "wall_s", "realtime_factor",
            "syn_events_per_s", "bytes_per_plastic_synapse", "rule_neuron_bytes", "rule_bytes_per_neuron",
            "connectivity_bytes_per_synapse", "total_bytes_per_plastic_synapse", "footprint_bytes", "alloc_bytes_per_step", "state_hash",
        };

        private static JsonElement[] JsonLines(CliRun run)
        {
            Assert.AreEqual(0, run.ExitCode, run.ToString());
            string[] lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            JsonElement[] result = new JsonElement[lines.Length];
            for (int i = 0; i < lines.Length; i++) result[i] = JsonDocument.Parse(lines[i]).RootElement;
            return result;
        }

        [TestMethod]
        public void EpropFactorizedHasAllKeysTwoBytesPerSynapseAndNoAllocation()
        {
            JsonElement[] lines = JsonLines(CliRun.Invoke("bench", "--workload", "eprop", "--rec", "16", "--mode", "factorized", "--steps", "1000", "--json"));
            Assert.AreEqual(1, lines.Length);
            JsonElement json = lines[0];
            foreach (string key in EpropKeys) Assert.IsTrue(json.TryGetProperty(key, out _), "missing key " + key);
            Assert.AreEqual("eprop", json.GetProperty("workload").GetString());
            Assert.AreEqual("factorized", json.GetProperty("mode").GetString());
            Assert.AreEqual(32, json.GetProperty("inputs").GetInt32());
            Assert.AreEqual(16, json.GetProperty("n_rec").GetInt32());
            Assert.AreEqual(4, json.GetProperty("outputs").GetInt32());
            Assert.AreEqual(1000, json.GetProperty("steps").GetInt32());
            Assert.AreEqual(0.05, json.GetProperty("input_rate").GetDouble());
            Assert.AreEqual(16 * (32 + 16 + 4), json.GetProperty("plastic_synapses").GetInt32());
            Assert.AreEqual(2.0, json.GetProperty("bytes_per_plastic_synapse").GetDouble());
            Assert.IsTrue(json.GetProperty("total_bytes_per_plastic_synapse").GetDouble() > 2.0);
            Assert.AreEqual(0.0, json.GetProperty("alloc_bytes_per_step").GetDouble());
            Assert.IsTrue(json.GetProperty("steps_per_s").GetDouble() > 0);
            Assert.IsTrue(json.GetProperty("syn_updates_per_s").GetDouble() > 0);
        }

        [TestMethod]
        public void EpropRunsBothModesWithoutModeAndExactKeepsAnEligibilityPerSynapse()
        {
            JsonElement[] lines = JsonLines(CliRun.Invoke("bench", "--workload", "eprop", "--rec", "8", "--steps", "1000", "--json"));
            Assert.AreEqual(2, lines.Length);
            Assert.AreEqual("factorized", lines[0].GetProperty("mode").GetString());
            Assert.AreEqual("exact", lines[1].GetProperty("mode").GetString());
            // Exact LIF: a 4-byte eligibility on every input and recurrent synapse; the output synapses use per-neuron traces.
            int plastic = 8 * (32 + 8 + 4);
            Assert.AreEqual(plastic, lines[1].GetProperty("plastic_synapses").GetInt32());
            Assert.AreEqual(Math.Round((2.0 * plastic + 4.0 * 8 * (32 + 8)) / plastic, 4), lines[1].GetProperty("bytes_per_plastic_synapse").GetDouble());
            foreach (JsonElement json in lines) Assert.AreEqual(0.0, json.GetProperty("alloc_bytes_per_step").GetDouble());
        }

        [TestMethod]
        public void EpropDeterministicFiguresRepeatAndTableRenders()
        {
            string[] args = { "bench", "--workload", "eprop", "--rec", "12", "--mode", "exact", "--steps", "1000", "--seed", "5", "--json" };
            JsonElement a = JsonLines(CliRun.Invoke(args))[0];
            JsonElement b = JsonLines(CliRun.Invoke(args))[0];
            foreach (string key in new[] { "state_hash", "syn_events", "hidden_rate_hz", "footprint_bytes" })
                Assert.AreEqual(a.GetProperty(key).ToString(), b.GetProperty(key).ToString(), key);

            CliRun table = CliRun.Invoke("bench", "--workload", "eprop", "--rec", "12", "--mode", "factorized", "--steps", "1000");
            Assert.AreEqual(0, table.ExitCode, table.ToString());
            StringAssert.Contains(table.Output, "syn updates/s");
            StringAssert.Contains(table.Output, "32 -> 12 -> 4");
        }

        [TestMethod]
        public void DistalRewardHasAllKeysAndNoAllocation()
        {
            JsonElement[] lines = JsonLines(CliRun.Invoke("bench", "--workload", "distal-reward", "--steps", "500", "--json"));
            Assert.AreEqual(1, lines.Length);
            JsonElement json = lines[0];
            foreach (string key in DistalKeys) Assert.IsTrue(json.TryGetProperty(key, out _), "missing key " + key);
            Assert.AreEqual("distal-reward", json.GetProperty("workload").GetString());
            Assert.AreEqual(1000, json.GetProperty("neurons").GetInt32());
            Assert.AreEqual(80000, json.GetProperty("plastic_synapses").GetInt32());
            Assert.AreEqual(0.5, json.GetProperty("simulated_s").GetDouble());
            Assert.AreEqual(0.0, json.GetProperty("alloc_bytes_per_step").GetDouble());
            // Weight and eligibility only; the rule's per-neuron arrays and tables are reported apart.
            Assert.AreEqual(4.0, json.GetProperty("bytes_per_plastic_synapse").GetDouble());
            int ruleNeuronBytes = json.GetProperty("rule_neuron_bytes").GetInt32();
            Assert.IsTrue(ruleNeuronBytes > 1000 * 17 && ruleNeuronBytes < 1000 * 40, "rule bytes besides the synapses: " + ruleNeuronBytes);
            Assert.AreEqual(ruleNeuronBytes / 1000.0, json.GetProperty("rule_bytes_per_neuron").GetDouble(), 0.001);
            Assert.IsTrue(json.GetProperty("realtime_factor").GetDouble() > 0);

            CliRun table = CliRun.Invoke("bench", "--workload", "distal-reward", "--steps", "200");
            Assert.AreEqual(0, table.ExitCode, table.ToString());
            StringAssert.Contains(table.Output, "RT factor");
        }

        [TestMethod]
        [DataRow("--rec", "bench", "--rec", "64")]
        [DataRow("--mode", "bench", "--mode", "exact")]
        [DataRow("--rec", "bench", "--workload", "distal-reward", "--rec", "64")]
        [DataRow("--mode", "bench", "--workload", "distal-reward", "--mode", "factorized")]
        [DataRow("--inputs", "bench", "--workload", "distal-reward", "--inputs", "10")]
        [DataRow("--input-rate", "bench", "--workload", "distal-reward", "--input-rate", "0.1")]
        [DataRow("--hidden", "bench", "--workload", "eprop", "--hidden", "64")]
        public void OptionsOfAnotherWorkloadAreBadInput(string option, params string[] args)
        {
            CliRun run = CliRun.Invoke(args);
            Assert.AreEqual(2, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, "option " + option + " does not apply");
        }

        [TestMethod]
        public void UnknownModeIsBadInput()
        {
            CliRun run = CliRun.Invoke("bench", "--workload", "eprop", "--mode", "approximate");
            Assert.AreEqual(2, run.ExitCode, run.ToString());
        }
    }
}
