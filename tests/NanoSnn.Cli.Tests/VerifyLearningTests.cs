using System.IO;
using System.Text.Json;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace NanoSnn.Cli.Tests
{
    /// <summary>
    /// Lockstep verification of a run that learns, at the command line: a model file carrying a
    /// reward-STDP rule (model format v2) is run by <c>nanosnn run --model M --reward-every N
    /// --record LOG</c>, and <c>nanosnn verify LOG --model M</c> replays the rewards through the
    /// rule. The replay is bit-exact (exit 0); a log with one reward changed, removed or added
    /// diverges exactly at that tick (exit 1), naming the rule's state as what differs.
    /// </summary>
    [TestClass]
    public sealed class VerifyLearningTests
    {
        private const int Steps = 1000;
        private const int Every = 50;

        /// <summary>
        /// "lif": the built-in sensor network with reward STDP on its dense input projection
        /// "in-lif". "izh": in (8 send-on-delta channels) → 40 Izhikevich neurons (32 RS, 8 FS,
        /// noise) with a sparse recurrent projection under reward STDP → 2 readouts.
        /// </summary>
        private static Network Model(string kind)
        {
            if (kind == "lif")
            {
                Network sensor = SensorNetwork.Build(3);
                sensor.Attach(new RewardStdp(sensor.FindProjection("in-lif"), new RewardStdpParameters { UpdateTicks = 5, WeightMin = -32768 }));
                return sensor;
            }
            var b = new NetworkBuilder(1000, 9);
            InputPopulation input = b.AddInput("in", 2 * SensorNetwork.Channels);
            IzhikevichPopulation izh = b.AddIzhikevich("izh", 40, 13 << 16);
            izh.SetFastSpiking(32, 8);
            ReadoutPopulation output = b.AddReadout("out", SensorNetwork.Outputs, 20000, 0);
            b.AddDense("in-izh", input, izh, 6).InitializeGaussian(b.Rng, 30 << 16);
            b.AddSparseRandom("izh-izh", izh, izh, 4, 8).Fill(4096);
            b.AddDense("izh-out", izh, output, 2).InitializeGaussian(b.Rng, 3000);
            Network net = b.Build();
            net.Attach(new RewardStdp(net.FindProjection("izh-izh"), new RewardStdpParameters { UpdateTicks = 5, WeightMax = 16384 }));
            return net;
        }

        private static string Write(TempFiles temp, string name, Network network)
        {
            byte[] bytes = new byte[ModelWriter.MeasureBytes(network, false)];
            ModelWriter.Write(network, false, bytes, 0);
            string path = temp.PathOf(name);
            File.WriteAllBytes(path, bytes);
            return path;
        }

        private static JsonElement Json(CliRun run) => JsonDocument.Parse(run.Output.Trim()).RootElement.Clone();

        private static JsonElement Verify(string log, string model, int exitCode)
        {
            CliRun run = CliRun.Invoke("verify", log, "--model", model, "--json");
            Assert.AreEqual(exitCode, run.ExitCode, run.ToString());
            return Json(run);
        }

        private static void ExpectDivergenceAt(string log, string model, long tick, string plastic)
        {
            JsonElement j = Verify(log, model, 1);
            Assert.IsFalse(j.GetProperty("bit_exact").GetBoolean());
            Assert.AreEqual(tick, j.GetProperty("first_divergent_tick").GetInt64(), j.ToString());
            Assert.AreEqual("state hash", j.GetProperty("check").GetString());
            Assert.AreEqual(tick - 1, j.GetProperty("last_matching_tick").GetInt64());
            // The reward reaches the rule's dopamine, and the weights if the rule updates them in
            // that tick; no neuron has seen a different input yet.
            var differing = new System.Collections.Generic.List<string>();
            foreach (JsonElement c in j.GetProperty("differing_components").EnumerateArray()) differing.Add(c.GetString());
            CollectionAssert.Contains(differing, "rule 0 (RewardStdp)", j.ToString());
            foreach (string c in differing)
                Assert.IsTrue(c == "rule 0 (RewardStdp)" || c == "projection '" + plastic + "' weights", j.ToString());
        }

        [TestMethod]
        [DataRow("lif")]
        [DataRow("izh")]
        public void ARecordedLearningRun_VerifiesBitExact_AndAChangedRewardDivergesAtItsTick(string kind)
        {
            using TempFiles temp = new TempFiles();
            Network network = Model(kind);
            string model = Write(temp, "m.nsnn", network);
            string log = temp.PathOf("r.log"), end = temp.PathOf("end.nsnn");
            CliRun run = CliRun.Invoke("run", "--task", "sensor", "--model", model, "--steps", Steps.ToString(), "--reward-every", Every.ToString(), "--reward", "0.5",
                "--record", log, "--hash-interval", "1", "--save", end, "--json");
            Assert.AreEqual(0, run.ExitCode, run.ToString());
            JsonElement report = Json(run);
            Assert.AreEqual(1, report.GetProperty("rules").GetInt32());
            Assert.AreEqual(Steps / Every, report.GetProperty("rewards").GetInt64());

            // The rule learned: the plastic weights moved, and without the rewards they end elsewhere.
            Network learned = ModelReader.Load(File.ReadAllBytes(end));
            string plastic = kind == "lif" ? "in-lif" : "izh-izh";
            CollectionAssert.AreNotEqual(network.FindProjection(plastic).Weights, learned.FindProjection(plastic).Weights);
            CliRun unrewarded = CliRun.Invoke("run", "--task", "sensor", "--model", model, "--steps", Steps.ToString(), "--json");
            Assert.AreEqual(0, unrewarded.ExitCode, unrewarded.ToString());
            Assert.AreEqual(0, Json(unrewarded).GetProperty("rewards").GetInt64());
            Assert.AreNotEqual(report.GetProperty("state_hash").GetString(), Json(unrewarded).GetProperty("state_hash").GetString());

            JsonElement exact = Verify(log, model, 0);
            Assert.IsTrue(exact.GetProperty("bit_exact").GetBoolean());
            Assert.AreEqual(Steps, exact.GetProperty("ticks").GetInt64());
            Assert.AreEqual(Steps, exact.GetProperty("hashes_checked").GetInt64());
            CliRun table = CliRun.Invoke("verify", log, "--model", model);
            Assert.AreEqual(0, table.ExitCode, table.ToString());
            StringAssert.Contains(table.Output, "bit-exact over 1,000 ticks");
            StringAssert.Contains(table.Output, "1 learning rule,");
            StringAssert.Contains(table.Output, "in 1,000 of 1,000 ticks, switched 0 times");
            Assert.AreEqual(Steps, exact.GetProperty("learning_ticks").GetInt64());

            // One reward of the log changed (tick 549 is the 11th reward): the replay diverges at that very tick.
            string changed = temp.PathOf("changed.log");
            File.Copy(log, changed);
            VerifyCommandTests.Rewrite(changed, 549, r =>
            {
                Assert.AreEqual(32768, r.RewardQ16, "the recorded reward");
                r.RewardQ16 = 32769;
            });
            ExpectDivergenceAt(changed, model, 549, plastic);
            CliRun diverged = CliRun.Invoke("verify", changed, "--model", model);
            Assert.AreEqual(1, diverged.ExitCode, diverged.ToString());
            StringAssert.Contains(diverged.Output, "DIVERGED at tick 549");

            // A reward removed, and one added where there was none.
            string removed = temp.PathOf("removed.log");
            File.Copy(log, removed);
            VerifyCommandTests.Rewrite(removed, 99, r => r.RewardQ16 = 0);
            ExpectDivergenceAt(removed, model, 99, plastic);
            string added = temp.PathOf("added.log");
            File.Copy(log, added);
            VerifyCommandTests.Rewrite(added, 300, r =>
            {
                Assert.AreEqual(0, r.RewardQ16);
                r.RewardQ16 = -65536;
            });
            ExpectDivergenceAt(added, model, 300, plastic);
        }
    }
}
