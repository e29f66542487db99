using System.IO;
using System.Linq;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace NanoSnn.Cli.Tests
{
    /// <summary><c>nanosnn run</c> with the robot tasks: output, files, options and their errors (short runs).</summary>
    [TestClass]
    public sealed class RobotRunCommandTests
    {
        private static JsonElement Json(params string[] args)
        {
            CliRun run = CliRun.Invoke(new[] { "run", "--json", "--no-plot" }.Concat(args).ToArray());
            Assert.AreEqual(0, run.ExitCode, run.ToString());
            return JsonDocument.Parse(run.Output.Trim()).RootElement.Clone();
        }

        [TestMethod]
        public void TheDefaultTaskIsAdaptWithItsMetrics()
        {
            JsonElement json = Json("--minutes", "2");
            Assert.AreEqual("adapt", json.GetProperty("task").GetString());
            Assert.AreEqual(1, json.GetProperty("seed").GetInt32());
            Assert.AreEqual("motor", json.GetProperty("change").GetString());
            Assert.AreEqual("a", json.GetProperty("arena").GetString());
            Assert.AreEqual(120000, json.GetProperty("ticks").GetInt64());
            foreach (string key in new[] { "recovery_ratio", "retention_ratio", "collisions_per_min_first5", "performance_before", "recovery_time_s" })
                Assert.IsTrue(json.TryGetProperty(key, out _), key);
            Assert.AreEqual(2, json.GetProperty("checks").GetArrayLength());
            StringAssert.Matches(json.GetProperty("state_hash").GetString(), new System.Text.RegularExpressions.Regex("^0x[0-9A-F]{8}$"));
            Assert.AreEqual(JsonValueKind.Null, json.GetProperty("plot").ValueKind);
        }

        [TestMethod]
        public void AvoidAndImitateReportTheirMetrics()
        {
            JsonElement avoid = Json("--task", "avoid", "--minutes", "1", "--seed", "3");
            Assert.AreEqual("avoid", avoid.GetProperty("task").GetString());
            Assert.AreEqual(3, avoid.GetProperty("seed").GetInt32());
            Assert.IsTrue(avoid.GetProperty("collisions_per_min_first5").GetDouble() >= 0);
            Assert.IsTrue(avoid.TryGetProperty("collisions_per_min_last5", out _));
            Assert.IsFalse(avoid.TryGetProperty("change", out _), "change applies to adapt only");
            JsonElement imitate = Json("--task", "imitate", "--minutes", "1");
            Assert.IsTrue(imitate.GetProperty("imitation_nmse").GetDouble() > 0);
        }

        [TestMethod]
        public void TheSameSeedGivesTheSameHash()
        {
            string a = Json("--task", "avoid", "--minutes", "0.3", "--seed", "9").GetProperty("state_hash").GetString();
            string b = Json("--task", "avoid", "--minutes", "0.3", "--seed", "9").GetProperty("state_hash").GetString();
            Assert.AreEqual(a, b);
        }

        [TestMethod]
        public void TablesAndTheFigureWithEveryPanel()
        {
            using var temp = new TempFiles();
            string path = temp.PathOf("figures/avoid.svg");
            CliRun run = CliRun.Invoke("run", "--task", "avoid", "--minutes", "1", "--plot", path, "--raster-at", "10");
            Assert.AreEqual(0, run.ExitCode, run.ToString());
            foreach (string text in new[] { "task avoid", "results", "acceptance", "collisions per minute, first", "state hash", "plot: " + path })
                StringAssert.Contains(run.Output, text);
            XDocument svg = XDocument.Load(path);
            XNamespace ns = "http://www.w3.org/2000/svg";
            string texts = string.Join("|", svg.Descendants(ns + "text").Select(t => t.Value));
            foreach (string panel in new[] { "trajectory over the arena", "collisions per simulated minute", "score per minute", "exploration per minute",
                "spikes from t = 10.0 s", "weights at the start", "weights at the end", "left", "right" })
                StringAssert.Contains(texts, panel);
            Assert.IsTrue(svg.Descendants(ns + "circle").Count() >= 4, "pillars and path starts on the maps");
        }

        [TestMethod]
        public void AnArenaFileIsUsedAndItsErrorsNameTheLine()
        {
            using var temp = new TempFiles();
            string good = temp.PathOf("hall.arena");
            File.WriteAllText(good, "# a long hall\nname hall\nsize 6 2\npillar 3 1 0.2\nstart 1 1 0\n");
            JsonElement json = Json("--task", "avoid", "--minutes", "0.2", "--arena", good);
            Assert.AreEqual("hall", json.GetProperty("arena").GetString());

            string bad = temp.PathOf("bad.arena");
            File.WriteAllText(bad, "size 3 3\nbox 1 1 2\n");
            CliRun run = CliRun.Invoke("run", "--arena", bad, "--minutes", "0.1", "--no-plot");
            Assert.AreEqual(2, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, bad + ":2: 'box' needs 4 numbers");

            string blocked = temp.PathOf("blocked.arena");
            File.WriteAllText(blocked, "size 3 3\npillar 1.5 1.5 0.3\nstart 1.5 1.5 0\n");
            run = CliRun.Invoke("run", "--arena", blocked, "--minutes", "0.1", "--no-plot");
            Assert.AreEqual(2, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, "overlaps the pillar on line 2");
        }

        [TestMethod]
        [DataRow("applies to --task sensor", "--task", "avoid", "--steps", "10")]
        [DataRow("applies to --task sensor", "--model", "x.nsnn")]
        [DataRow("applies to the robot tasks", "--task", "sensor", "--minutes", "2")]
        [DataRow("apply to --task adapt", "--task", "avoid", "--change", "arena")]
        [DataRow("neither a built-in arena", "--arena", "nowhere")]
        [DataRow("too long", "--minutes", "1000000")]
        public void OptionsThatDoNotFitAreBadInput(string message, params string[] args)
        {
            CliRun run = CliRun.Invoke(new[] { "run", "--no-plot" }.Concat(args).ToArray());
            Assert.AreEqual(2, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, message);
        }

        [TestMethod]
        [DataRow("avoid", "0.5", 30000L, 30000L, 0L)]
        [DataRow("adapt", "1", 60000L, 60000L, 0L)]     // the weak motor arrives mid-log: only the samples change
        [DataRow("imitate", "1", 60000L, 48000L, 1L)]   // learning is switched off for the held-out minute, and the log says so
        public void ARecordedRunReplaysBitExactWithVerify(string task, string minutes, long ticks, long learningTicks, long switches)
        {
            using var temp = new TempFiles();
            string log = temp.PathOf(task + ".log");
            string model = temp.PathOf(task + "-initial.nsnn");
            JsonElement json = Json("--task", task, "--minutes", minutes, "--seed", "2", "--record", log, "--save-initial", model, "--hash-interval", "50");
            JsonElement record = json.GetProperty("record");
            Assert.AreEqual(ticks, record.GetProperty("ticks").GetInt64(), "the log covers the whole run");
            Assert.AreEqual(switches, record.GetProperty("learning_switches").GetInt64());
            CliRun verify = CliRun.Invoke("verify", log, "--model", model, "--json");
            Assert.AreEqual(0, verify.ExitCode, verify.ToString());
            JsonElement result = JsonDocument.Parse(verify.Output.Trim()).RootElement;
            Assert.IsTrue(result.GetProperty("bit_exact").GetBoolean(), verify.Output);
            Assert.AreEqual(ticks, result.GetProperty("ticks").GetInt64());
            Assert.AreEqual(ticks / 50, result.GetProperty("hashes_checked").GetInt64());
            Assert.IsTrue(result.GetProperty("final_hash_checked").GetBoolean());
            Assert.AreEqual(learningTicks, result.GetProperty("learning_ticks").GetInt64());
            Assert.AreEqual(switches, result.GetProperty("learning_switches").GetInt64());
        }

        /// <summary>
        /// Imitate's log with a state hash every tick: the frame that opens the held-out phase says
        /// learning is off; forged to say on (and a supervised frame forged to say off), the replay
        /// diverges at that frame's first tick, with the e-prop rule among what differs.
        /// </summary>
        [TestMethod]
        public void AFlippedLearningStateInAnImitateLogIsCaughtAtItsTick()
        {
            using var temp = new TempFiles();
            string log = temp.PathOf("imitate.log");
            string model = temp.PathOf("imitate-initial.nsnn");
            Json("--task", "imitate", "--minutes", "0.25", "--seed", "4", "--record", log, "--save-initial", model, "--hash-interval", "1");
            byte[] bytes = File.ReadAllBytes(log);
            var frames = Telemetry.TestLogs.Decode(bytes);
            const long heldOut = 12000; // teacher 3,000 ticks, supervised 9,000, then alone
            NanoSnn.Cli.Telemetry.TelemetryFrame opening = frames.Single(f => f.Ticks != null && f.Ticks.FirstTick == heldOut);
            Assert.IsFalse(opening.Ticks.RulesEnabled.Any(e => e), "the held-out phase is recorded with learning off");
            NanoSnn.Cli.Telemetry.TelemetryFrame supervised = frames.First(f => f.Ticks != null && f.Ticks.FirstTick > 6000);
            Assert.IsTrue(supervised.Ticks.RulesEnabled.All(e => e), "the supervised phase learns");

            foreach (var (frame, tick) in new[] { (opening, heldOut), (supervised, supervised.Ticks.FirstTick) })
            {
                bool[] saved = (bool[])frame.Ticks.RulesEnabled.Clone();
                for (int r = 0; r < saved.Length; r++) frame.Ticks.RulesEnabled[r] = !saved[r];
                string forged = temp.PathOf("forged-" + tick + ".log");
                File.WriteAllBytes(forged, Telemetry.MemorySink.Join(frames.Select(f => Telemetry.FrameEncoder.Encode(f))));
                saved.CopyTo(frame.Ticks.RulesEnabled, 0);

                CliRun verify = CliRun.Invoke("verify", forged, "--model", model, "--json");
                Assert.AreEqual(1, verify.ExitCode, verify.ToString());
                JsonElement result = JsonDocument.Parse(verify.Output.Trim()).RootElement;
                Assert.AreEqual(tick, result.GetProperty("first_divergent_tick").GetInt64(), verify.Output);
                Assert.AreEqual(tick - 1, result.GetProperty("last_matching_tick").GetInt64());
                Assert.IsTrue(result.GetProperty("differing_components").EnumerateArray().Any(c => c.GetString().StartsWith("rule")), verify.Output);
            }

            // Re-encoded unchanged, the log is the writer's own bytes and replays bit-exact.
            CollectionAssert.AreEqual(bytes, Telemetry.MemorySink.Join(frames.Select(f => Telemetry.FrameEncoder.Encode(f))));
            Assert.AreEqual(0, CliRun.Invoke("verify", log, "--model", model).ExitCode);
        }

        [TestMethod]
        public void SaveWritesTheLearnedNetworkWithItsState()
        {
            using var temp = new TempFiles();
            string file = temp.PathOf("robot.nsnn");
            JsonElement json = Json("--task", "avoid", "--minutes", "0.2", "--save", file);
            Network loaded = ModelReader.Load(File.ReadAllBytes(file));
            Assert.AreEqual(12000L, loaded.Tick);
            Assert.AreEqual((int)new FileInfo(file).Length, json.GetProperty("saved_bytes").GetInt32());
            // The saved weights are the learned ones, not the naive network's.
            short[] naive = AvoidanceBrain.Build(NanoSnn.Cli.Tasks.RobotSetup.AvoidanceParameters(new NanoSnn.Cli.World.RobotSpec()), 1, 0)
                .Network.FindProjection("in-left").Weights;
            short[] saved = loaded.FindProjection("in-left").Weights;
            Assert.AreEqual(naive.Length, saved.Length);
            Assert.IsFalse(naive.SequenceEqual(saved), "12,000 ticks of learning changed no weight");
        }
    }
}
