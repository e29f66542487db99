using System.IO;
using System.Text.Json;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoSnn.Cli.Fit;

namespace NanoSnn.Cli.Tests
{
    [TestClass]
    public sealed class FitCommandTests
    {
        private static JsonElement Json(CliRun run)
        {
            return JsonDocument.Parse(run.Output.Trim()).RootElement.Clone();
        }

        private static string TinyBoards(TempFiles temp, long budget)
        {
            string dir = temp.PathOf("boards");
            Directory.CreateDirectory(Path.Combine(dir, "tiny"));
            File.WriteAllText(Path.Combine(dir, "tiny", "board.json"),
                "{\"name\":\"tiny\",\"module\":\"test\",\"psram\":false,\"managed_heap_bytes\":" + (2 * budget) + ",\"model_budget_bytes\":" + budget + "}");
            Directory.CreateDirectory(Path.Combine(dir, "broken"));
            File.WriteAllText(Path.Combine(dir, "broken", "board.json"), "{\"name\":\"broken\"}");
            return dir;
        }

        [TestMethod]
        public void SensorModelFitsTheDevKitCAndTheFiguresAddUp()
        {
            using TempFiles temp = new TempFiles();
            string model = temp.PathOf("m.nsnn");
            Assert.AreEqual(0, CliRun.Invoke("run", "--task", "sensor", "--steps", "1", "--save-initial", model).ExitCode);
            CliRun run = CliRun.Invoke("fit", model, "--board", "esp32-devkitc", "--json");
            Assert.AreEqual(0, run.ExitCode, run.ToString());
            JsonElement j = Json(run);
            Network network = ModelReader.Load(File.ReadAllBytes(model));
            Assert.IsTrue(j.GetProperty("fits").GetBoolean());
            Assert.AreEqual(network.FootprintBytes, j.GetProperty("footprint_bytes").GetInt64());
            Assert.AreEqual(new FileInfo(model).Length, j.GetProperty("checkpoint_bytes").GetInt64());
            Assert.AreEqual(49152, j.GetProperty("budget_bytes").GetInt64());
            long sum = 0;
            foreach (string k in new[] { "parameter_bytes", "state_bytes", "rule_bytes", "checkpoint_bytes", "checkpoint_store_bytes", "telemetry_bytes", "overhead_bytes" }) sum += j.GetProperty(k).GetInt64();
            Assert.AreEqual(sum, j.GetProperty("total_bytes").GetInt64());
            Assert.AreEqual(49152 - sum, j.GetProperty("spare_bytes").GetInt64());

            CliRun table = CliRun.Invoke("fit", model, "--board", "esp32-devkitc");
            Assert.AreEqual(0, table.ExitCode);
            StringAssert.Contains(table.Output, "fits:");
            StringAssert.Contains(table.Output, "checkpoint buffer");
            StringAssert.Contains(table.Output, "checkpoint store");
        }

        [TestMethod]
        public void TheCheckpointStoresBuffersCountAndItsSlotFilesAreCheckedAgainstTheFlashBudget()
        {
            CliRun run = CliRun.Invoke("fit", "--board", "esp32-devkitc", "--json");
            Assert.AreEqual(0, run.ExitCode, run.ToString());
            JsonElement j = Json(run);
            // The store's CRC-32C table (1,024 B), scratch (256 B) and header (32 B) buffers and the flash block store's erase buffer (256 B).
            Assert.AreEqual(1024 + 256 + 32 + 256, j.GetProperty("checkpoint_store_bytes").GetInt64());
            Assert.AreEqual(CheckpointStore.OverheadBytes + FitBudget.FlashEraseBufferBytes, j.GetProperty("checkpoint_store_bytes").GetInt64());
            Network template = NetworkScaler.Template(8, 96, 2, "none");
            long withoutStore = template.FootprintBytes + ModelWriter.MeasureBytes(template, true) + j.GetProperty("telemetry_bytes").GetInt64() + j.GetProperty("overhead_bytes").GetInt64();
            Assert.AreEqual(withoutStore + 1568, j.GetProperty("total_bytes").GetInt64(), "the store's buffers are in the total");

            long checkpoint = j.GetProperty("checkpoint_bytes").GetInt64();
            Assert.AreEqual(CheckpointStore.SlotBytesFor((int)checkpoint, 4096), j.GetProperty("checkpoint_slot_bytes").GetInt64());
            Assert.AreEqual(96 * 1024, j.GetProperty("checkpoint_flash_bytes").GetInt64());
            Assert.IsTrue(j.GetProperty("checkpoints_fit_flash").GetBoolean());
            StringAssert.Contains(CliRun.Invoke("fit", "--board", "esp32-devkitc").Output, "fit esp32-devkitc's checkpoint flash budget of 98,304 B");

            // A model whose slots exceed the flash budget still fits the heap of a PSRAM board: exit 0, checkpoints flagged.
            CliRun big = CliRun.Invoke("fit", "--board", "esp32-wrover", "--inputs", "8", "--rec", "250", "--learning", "eprop-exact", "--json");
            Assert.AreEqual(0, big.ExitCode, big.ToString());
            JsonElement b = Json(big);
            Assert.IsTrue(2 * b.GetProperty("checkpoint_slot_bytes").GetInt64() > 768 * 1024, b.ToString());
            Assert.IsFalse(b.GetProperty("checkpoints_fit_flash").GetBoolean());
            StringAssert.Contains(CliRun.Invoke("fit", "--board", "esp32-wrover", "--inputs", "8", "--rec", "250", "--learning", "eprop-exact").Output,
                "do NOT fit esp32-wrover's checkpoint flash budget of 786,432 B: the firmware would run with");

            // A board.json without the key: nothing to check against, and no flash keys in the JSON.
            using TempFiles temp = new TempFiles();
            string boards = TinyBoards(temp, 100000);
            JsonElement tiny = Json(CliRun.Invoke("fit", "--board", "tiny", "--boards", boards, "--json"));
            Assert.IsFalse(tiny.TryGetProperty("checkpoint_flash_bytes", out _));
            Assert.IsFalse(tiny.TryGetProperty("checkpoints_fit_flash", out _));
            StringAssert.Contains(CliRun.Invoke("fit", "--board", "tiny", "--boards", boards).Output, "tiny gives no checkpoint_flash_bytes to check them against");
        }

        [TestMethod]
        public void LearningBuffersCountAndCanMakeItNotFit()
        {
            CliRun run = CliRun.Invoke("fit", "--board", "esp32-devkitc", "--learning", "eprop-exact", "--json");
            Assert.AreEqual(1, run.ExitCode, run.ToString());
            JsonElement j = Json(run);
            Assert.IsFalse(j.GetProperty("fits").GetBoolean());
            Network template = NetworkScaler.Template(8, 96, 2, "eprop-exact");
            long ruleBytes = 0;
            foreach (Plasticity r in template.Rules) ruleBytes += r.ParameterBytes + r.StateBytes;
            Assert.IsTrue(ruleBytes > 30000, "exact e-prop keeps eligibilities per synapse: " + ruleBytes);
            Assert.AreEqual(ruleBytes, j.GetProperty("rule_bytes").GetInt64());
            Assert.AreEqual(template.FootprintBytes, j.GetProperty("footprint_bytes").GetInt64());
            Assert.IsTrue(j.GetProperty("spare_bytes").GetInt64() < 0);

            CliRun plain = CliRun.Invoke("fit", "--board", "esp32-devkitc", "--json");
            Assert.AreEqual(0, plain.ExitCode, plain.ToString());
            Assert.AreEqual(0, Json(plain).GetProperty("rule_bytes").GetInt64());
        }

        [TestMethod]
        [DataRow("none")]
        [DataRow("eprop")]
        [DataRow("rstdp")]
        public void LargestShapeFitsAndOneMoreDoesNot(string learning)
        {
            CliRun run = CliRun.Invoke("fit", "--board", "esp32-devkitc", "--learning", learning, "--shape", "rec", "--json");
            JsonElement largest = Json(run).GetProperty("largest");
            int size = largest.GetProperty("size").GetInt32();
            NetworkScaler scaler = new NetworkScaler(NetworkScaler.Template(8, 96, 2, learning));
            FitBudget at = new FitBudget(scaler.Build(size), -1);
            FitBudget above = new FitBudget(scaler.Build(size + 1), -1);
            Assert.AreEqual(at.TotalBytes, largest.GetProperty("total_bytes").GetInt64());
            Assert.IsTrue(at.TotalBytes <= 49152, learning + ": " + at.TotalBytes);
            Assert.IsTrue(above.TotalBytes > 49152, learning + ": " + above.TotalBytes);
        }

        [TestMethod]
        public void ScalingAModelKeepsItsProportionsAndConnectivity()
        {
            using TempFiles temp = new TempFiles();
            string model = temp.PathOf("m.nsnn");
            Assert.AreEqual(0, CliRun.Invoke("run", "--task", "sensor", "--steps", "1", "--save-initial", model).ExitCode);
            CliRun run = CliRun.Invoke("fit", model, "--board", "esp32-devkitc", "--shape", "rec", "--json");
            Assert.AreEqual(0, run.ExitCode, run.ToString());
            JsonElement pops = Json(run).GetProperty("largest").GetProperty("populations");
            int lif = pops.GetProperty("lif").GetInt32(), alif = pops.GetProperty("alif").GetInt32();
            Assert.IsTrue(lif > 64, "more room than the 64 LIF used now: " + lif);
            Assert.AreEqual((lif + 1) / 2, alif, 1.0, "ALIF stays half of LIF");
            Assert.AreEqual(8, pops.GetProperty("in").GetInt32());
            Assert.AreEqual(2, pops.GetProperty("out").GetInt32());

            // At its own size the scaler rebuilds exactly the model's footprint.
            Network original = ModelReader.Load(File.ReadAllBytes(model));
            NetworkScaler scaler = new NetworkScaler(original);
            Assert.AreEqual(original.FootprintBytes, scaler.Build(scaler.CurrentSize).FootprintBytes);
            Assert.AreEqual((long)original.SynapseCount, scaler.Synapses(scaler.CurrentSize));
        }

        [TestMethod]
        public void ScaledRewardStdpChoosesItsDefaultLagAgainAndKeepsAnExplicitOne()
        {
            Network model = NetworkScaler.Template(8, 96, 2, "none");
            model.Attach(new RewardStdp(model.FindProjection("in-rec"), new RewardStdpParameters { MaxLagWindows = 7 }));
            model.Attach(new RewardStdp(model.FindProjection("rec-rec"), new RewardStdpParameters()));
            Assert.AreEqual(96, ((RewardStdp)model.Rules[1]).MaxLag, "96 x 96 synapses");
            Network scaled = new NetworkScaler(model).Build(200);
            Assert.AreEqual(7, ((RewardStdp)scaled.Rules[0]).MaxLag);
            Assert.AreEqual(200, ((RewardStdp)scaled.Rules[1]).MaxLag, "200 x 200 synapses");
            Assert.AreEqual(255, ((RewardStdp)new NetworkScaler(model).Build(300).Rules[1]).MaxLag);
        }

        [TestMethod]
        public void BadBoardsExitTwoAndListTheAvailableOnes()
        {
            CliRun unknown = CliRun.Invoke("fit", "--board", "esp32-nope");
            Assert.AreEqual(2, unknown.ExitCode, unknown.ToString());
            StringAssert.Contains(unknown.Error, "esp32-devkitc");

            using TempFiles temp = new TempFiles();
            string boards = TinyBoards(temp, 4000);
            CliRun tiny = CliRun.Invoke("fit", "--board", "tiny", "--boards", boards, "--shape", "rec", "--json");
            Assert.AreEqual(1, tiny.ExitCode, tiny.ToString());
            Assert.AreEqual(JsonValueKind.Null, Json(tiny).GetProperty("largest").ValueKind, "not even one neuron fits 4,000 B with its buffers");
            CliRun broken = CliRun.Invoke("fit", "--board", "broken", "--boards", boards);
            Assert.AreEqual(2, broken.ExitCode, broken.ToString());
            StringAssert.Contains(broken.Error, "managed_heap_bytes");
            CliRun list = CliRun.Invoke("fit", "--board", "x", "--boards", boards);
            StringAssert.Contains(list.Error, "broken, tiny");
            Assert.AreEqual(2, CliRun.Invoke("fit", temp.PathOf("missing.nsnn"), "--board", "esp32-devkitc").ExitCode);
        }
    }
}
