using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoSnn.Cli.Telemetry;
using NanoSnn.Cli.Tests.Telemetry;

namespace NanoSnn.Cli.Tests
{
    [TestClass]
    public sealed class VerifyCommandTests
    {
        /// <summary>'nanosnn run --save-initial M --record L --save E': returns the three paths.</summary>
        private static (string model, string log, string end) Record(TempFiles temp, params string[] extra)
        {
            string model = temp.PathOf("m.nsnn"), log = temp.PathOf("r.log"), end = temp.PathOf("end.nsnn");
            CliRun run = CliRun.Invoke(new[] { "run", "--steps", "1500", "--seed", "3", "--save-initial", model, "--record", log, "--save", end }.Concat(extra).ToArray());
            Assert.AreEqual(0, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Output, "recorded");
            return (model, log, end);
        }

        private static JsonElement Json(CliRun run)
        {
            return JsonDocument.Parse(run.Output.Trim()).RootElement.Clone();
        }

        [TestMethod]
        public void RecordedRunVerifiesBitExact()
        {
            using TempFiles temp = new TempFiles();
            var (model, log, _) = Record(temp);
            CliRun table = CliRun.Invoke("verify", log, "--model", model);
            Assert.AreEqual(0, table.ExitCode, table.ToString());
            StringAssert.Contains(table.Output, "bit-exact over 1,500 ticks");
            StringAssert.Contains(table.Output, "15 state hashes");

            CliRun json = CliRun.Invoke("verify", log, "--model", model, "--json");
            Assert.AreEqual(0, json.ExitCode, json.ToString());
            JsonElement j = Json(json);
            Assert.IsTrue(j.GetProperty("bit_exact").GetBoolean());
            Assert.AreEqual(1500, j.GetProperty("ticks").GetInt64());
            Assert.AreEqual(JsonValueKind.Null, j.GetProperty("first_divergent_tick").ValueKind);
            Assert.AreEqual(15, j.GetProperty("hashes_checked").GetInt64());
            Assert.AreEqual(0, j.GetProperty("frames_skipped").GetInt64());
        }

        [TestMethod]
        public void RecordJsonReportsTheLogSize()
        {
            using TempFiles temp = new TempFiles();
            string log = temp.PathOf("r.log");
            CliRun run = CliRun.Invoke("run", "--steps", "1000", "--record", log, "--hash-interval", "0", "--json");
            Assert.AreEqual(0, run.ExitCode, run.ToString());
            JsonElement record = Json(run).GetProperty("record");
            Assert.AreEqual(1000, record.GetProperty("ticks").GetInt64());
            Assert.AreEqual(new FileInfo(log).Length, record.GetProperty("bytes").GetInt64());
            Assert.IsTrue(record.GetProperty("bytes_per_tick").GetDouble() < 16, "batched records stay small: " + record);
        }

        /// <summary>Edits the record of <paramref name="tick"/> in a log file and re-encodes its frame (with the tests' own encoder).</summary>
        internal static void Rewrite(string log, long tick, System.Action<TickRecord> edit)
        {
            byte[] data = File.ReadAllBytes(log);
            List<byte[]> frames = new List<byte[]>();
            foreach (TelemetryFrame f in TestLogs.Decode(data))
            {
                TickRecord r = f.Ticks?.Records.FirstOrDefault(x => x.Tick == tick);
                if (r != null) edit(r);
                frames.Add(r != null ? FrameEncoder.Encode(f) : data.AsSpan((int)f.Offset, f.Bytes).ToArray());
            }
            File.WriteAllBytes(log, MemorySink.Join(frames));
        }

        [TestMethod]
        public void AChangedSpikeGivesExitOneAndTheTick()
        {
            using TempFiles temp = new TempFiles();
            var (model, log, _) = Record(temp);
            Rewrite(log, 640, r =>
            {
                r.Spikes = r.Spikes.Length == 0 ? new[] { 1, 5 } : System.Array.Empty<int>();
                r.SpikeEncoding = TelemetryFormat.SpikesAscending;
            });
            CliRun json = CliRun.Invoke("verify", log, "--model", model, "--json");
            Assert.AreEqual(1, json.ExitCode, json.ToString());
            JsonElement j = Json(json);
            Assert.IsFalse(j.GetProperty("bit_exact").GetBoolean());
            long tick = j.GetProperty("first_divergent_tick").GetInt64();
            Assert.IsTrue(tick >= 640 && tick <= 699, "detected at " + tick);
            Assert.AreEqual(599, j.GetProperty("last_matching_tick").GetInt64());

            CliRun table = CliRun.Invoke("verify", log, "--model", model);
            Assert.AreEqual(1, table.ExitCode);
            StringAssert.Contains(table.Output, "DIVERGED at tick");
            StringAssert.Contains(table.Output, "ticks 600..");
        }

        [TestMethod]
        public void AChangedHashGivesExitOneWithBothHashes()
        {
            using TempFiles temp = new TempFiles();
            var (model, log, _) = Record(temp);
            Rewrite(log, 899, r => r.StateHash = 0x12345678);
            CliRun json = CliRun.Invoke("verify", log, "--model", model, "--json");
            Assert.AreEqual(1, json.ExitCode, json.ToString());
            JsonElement j = Json(json);
            Assert.AreEqual(899, j.GetProperty("first_divergent_tick").GetInt64());
            Assert.AreEqual("state hash", j.GetProperty("check").GetString());
            Assert.AreEqual("0x12345678", j.GetProperty("expected").GetString());
            Assert.AreEqual(799, j.GetProperty("last_matching_tick").GetInt64());
        }

        [TestMethod]
        public void ARewardInTheLogOfARuleLessModelChangesNothing()
        {
            // The built-in network has no learning rule, so a reward changes nothing there: the
            // replay is still exact. VerifyLearningTests replays rewards through a model file's
            // R-STDP rule and sees the divergence; the library tests do so for e-prop supervision too.
            using TempFiles temp = new TempFiles();
            var (model, log, _) = Record(temp);
            Rewrite(log, 300, r => r.RewardQ16 = 65536);
            CliRun run = CliRun.Invoke("verify", log, "--model", model, "--json");
            Assert.AreEqual(0, run.ExitCode, run.ToString());
        }

        [TestMethod]
        public void UnreadableInputsExitTwo()
        {
            using TempFiles temp = new TempFiles();
            var (model, log, end) = Record(temp);
            string garbage = temp.PathOf("garbage.log");
            File.WriteAllBytes(garbage, Enumerable.Range(0, 5000).Select(i => (byte)(i * 7919 % 251)).ToArray());
            string badModel = temp.PathOf("bad.nsnn");
            File.WriteAllBytes(badModel, new byte[] { 1, 2, 3 });
            string other = temp.PathOf("other.nsnn");
            Assert.AreEqual(0, CliRun.Invoke("run", "--steps", "1", "--seed", "4", "--save-initial", other).ExitCode);

            (string[] args, string message)[] cases =
            {
                (new[] { "verify", temp.PathOf("missing.log"), "--model", model }, "not found"),
                (new[] { "verify", log, "--model", temp.PathOf("missing.nsnn") }, "not found"),
                (new[] { "verify", log, "--model", badModel }, "model file rejected"),
                (new[] { "verify", garbage, "--model", model }, "no valid telemetry frame"),
                (new[] { "verify", log, "--model", other }, "seed"),
                (new[] { "verify", log, "--model", end }, "--save-initial"),
                (new[] { "verify", temp.Directory, "--model", model }, "directory"),
                (new[] { "verify", log }, "--model"),
            };
            foreach (var (args, message) in cases)
            {
                CliRun run = CliRun.Invoke(args);
                Assert.AreEqual(2, run.ExitCode, string.Join(" ", args) + "\n" + run);
                StringAssert.Contains(run.Error, message, string.Join(" ", args));
            }
        }

        [TestMethod]
        public void ALogWithALostFrameIsNotVerified()
        {
            using TempFiles temp = new TempFiles();
            var (model, log, _) = Record(temp);
            byte[] data = File.ReadAllBytes(log);
            List<TelemetryFrame> frames = TestLogs.Decode(data);
            TelemetryFrame lost = frames[5];
            File.WriteAllBytes(log, data.Take((int)lost.Offset).Concat(data.Skip((int)lost.Offset + lost.Bytes)).ToArray());
            CliRun run = CliRun.Invoke("verify", log, "--model", model, "--json");
            Assert.AreEqual(2, run.ExitCode, run.ToString());
            JsonElement j = Json(run);
            Assert.IsFalse(j.GetProperty("bit_exact").GetBoolean());
            Assert.IsFalse(j.GetProperty("complete").GetBoolean());
            Assert.AreEqual(1, j.GetProperty("frames_lost").GetInt64());
            StringAssert.Contains(run.Error, "missing");
        }

        [TestMethod]
        public void GarbageAndADamagedEndFrameDoNotStopVerification()
        {
            using TempFiles temp = new TempFiles();
            var (model, log, _) = Record(temp);
            byte[] data = File.ReadAllBytes(log);
            List<TelemetryFrame> frames = TestLogs.Decode(data);
            List<byte> damaged = new List<byte>();
            foreach (TelemetryFrame f in frames)
            {
                damaged.AddRange(new byte[] { 0xA5, 0x4E, 0x00, 0x11 }); // noise on the line
                damaged.AddRange(data.Skip((int)f.Offset).Take(f.Bytes));
            }
            damaged[damaged.Count - 3] ^= 0x40; // the end frame's CRC
            File.WriteAllBytes(log, damaged.ToArray());
            CliRun run = CliRun.Invoke("verify", log, "--model", model, "--json");
            Assert.AreEqual(0, run.ExitCode, run.ToString());
            JsonElement j = Json(run);
            Assert.IsTrue(j.GetProperty("bit_exact").GetBoolean());
            Assert.IsFalse(j.GetProperty("end_frame").GetBoolean());
            Assert.AreEqual(1, j.GetProperty("frames_skipped").GetInt64());
            Assert.IsTrue(j.GetProperty("bytes_skipped").GetInt64() >= 4 * frames.Count);
        }
    }
}
