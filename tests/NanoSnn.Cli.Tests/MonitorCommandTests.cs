using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoSnn.Cli.Telemetry;
using NanoSnn.Cli.Tests.Telemetry;

namespace NanoSnn.Cli.Tests
{
    [TestClass]
    public sealed class MonitorCommandTests
    {
        private static JsonElement Json(CliRun run)
        {
            return JsonDocument.Parse(run.Output.Trim()).RootElement.Clone();
        }

        [TestMethod]
        public void FileSummaryMatchesTheRun()
        {
            using TempFiles temp = new TempFiles();
            string log = temp.PathOf("r.log");
            CliRun run = CliRun.Invoke("run", "--task", "sensor", "--steps", "2000", "--seed", "6", "--record", log, "--json");
            Assert.AreEqual(0, run.ExitCode, run.ToString());
            JsonElement r = Json(run);

            CliRun monitor = CliRun.Invoke("monitor", "--file", log, "--json");
            Assert.AreEqual(0, monitor.ExitCode, monitor.ToString());
            JsonElement m = Json(monitor);
            Assert.AreEqual(2000, m.GetProperty("ticks").GetInt64());
            Assert.AreEqual(1999, m.GetProperty("tick").GetInt64());
            Assert.AreEqual(0, m.GetProperty("ticks_missing").GetInt64());
            Assert.AreEqual(r.GetProperty("rates").GetProperty("in").GetDouble(), m.GetProperty("input_rate_hz").GetDouble(), 1e-3);
            double network = r.GetProperty("rates").GetProperty("lif").GetDouble() * 64 + r.GetProperty("rates").GetProperty("alif").GetDouble() * 32;
            Assert.AreEqual(network, m.GetProperty("network_spikes_per_s").GetDouble(), 0.1);
            CollectionAssert.AreEqual(r.GetProperty("duties").EnumerateArray().Select(x => x.GetInt32()).ToArray(),
                m.GetProperty("outputs").EnumerateArray().Select(x => x.GetInt32()).ToArray());
            Assert.AreEqual(r.GetProperty("state_hash").GetString(), m.GetProperty("last_hash").GetString());
            Assert.AreEqual(r.GetProperty("record").GetProperty("frames").GetInt64(), m.GetProperty("frames_read").GetInt64());
            Assert.IsTrue(m.GetProperty("end_frame").GetBoolean());
            Assert.AreEqual("no rules", m.GetProperty("learning").GetString());
            Assert.AreEqual(0, m.GetProperty("learning_switches").GetInt64());

            CliRun table = CliRun.Invoke("monitor", "--file", log);
            Assert.AreEqual(0, table.ExitCode, table.ToString());
            StringAssert.Contains(table.Output, "(summary)");
            StringAssert.Contains(table.Output, "Hz per channel");

            CliRun first = CliRun.Invoke("monitor", "--file", log, "--frames", "3", "--json");
            Assert.AreEqual(3, Json(first).GetProperty("frames_read").GetInt64());
        }

        /// <summary>Imitate's log covers the held-out phase: monitor and verify show where learning was on and the one switch.</summary>
        [TestMethod]
        public void AnImitateLogShowsLearningSwitchedOffForTheHeldOutPhase()
        {
            using TempFiles temp = new TempFiles();
            string log = temp.PathOf("imitate.log");
            string model = temp.PathOf("imitate.nsnn");
            CliRun run = CliRun.Invoke("run", "--task", "imitate", "--minutes", "0.1", "--record", log, "--save-initial", model, "--no-plot");
            Assert.AreEqual(0, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Output, "learning switched 1 time, recorded");

            JsonElement m = Json(CliRun.Invoke("monitor", "--file", log, "--json"));
            Assert.AreEqual(6000, m.GetProperty("ticks").GetInt64());
            Assert.AreEqual("off", m.GetProperty("learning").GetString(), "the last tick is held out");
            Assert.AreEqual(4800, m.GetProperty("learning_ticks").GetInt64());
            Assert.AreEqual(1, m.GetProperty("learning_switches").GetInt64());
            StringAssert.Contains(CliRun.Invoke("monitor", "--file", log).Output, "off; on in 4,800 of 6,000 ticks, switched 1 time");

            CliRun verify = CliRun.Invoke("verify", log, "--model", model);
            Assert.AreEqual(0, verify.ExitCode, verify.ToString());
            StringAssert.Contains(verify.Output, "on (every rule enabled) in 4,800 of 6,000 ticks, switched 1 time");
        }

        [TestMethod]
        public void DamagedCaptureReportsSkippedAndLostFrames()
        {
            using TempFiles temp = new TempFiles();
            string log = temp.PathOf("r.log");
            Assert.AreEqual(0, CliRun.Invoke("run", "--task", "sensor", "--steps", "1000", "--record", log).ExitCode);
            byte[] data = File.ReadAllBytes(log);
            List<TelemetryFrame> frames = TestLogs.Decode(data);
            data[(int)frames[4].Offset + 20] ^= 1; // a damaged frame of 32 ticks
            File.WriteAllBytes(log, data);
            JsonElement m = Json(CliRun.Invoke("monitor", "--file", log, "--json"));
            Assert.AreEqual(1, m.GetProperty("frames_skipped").GetInt64());
            Assert.AreEqual(1, m.GetProperty("frames_lost").GetInt64());
            Assert.AreEqual((long)frames[4].Ticks.Records.Length, m.GetProperty("ticks_missing").GetInt64());
            Assert.AreEqual(1000L - frames[4].Ticks.Records.Length, m.GetProperty("ticks").GetInt64());
            Assert.AreEqual((long)frames[4].Bytes, m.GetProperty("bytes_skipped").GetInt64());
        }

        private static int FreePort()
        {
            using UdpClient probe = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
            return ((IPEndPoint)probe.Client.LocalEndPoint).Port;
        }

        private static bool Bound(int port)
        {
            try
            {
                using UdpClient probe = new UdpClient();
                probe.ExclusiveAddressUse = true;
                probe.Client.Bind(new IPEndPoint(IPAddress.Any, port));
                return false;
            }
            catch (SocketException)
            {
                return true;
            }
        }

        /// <summary>Starts 'monitor --udp' in the background, waits until it listens, sends the datagrams (loopback only), waits for it to end.</summary>
        private static CliRun OverUdp(IEnumerable<byte[]> datagrams, params string[] extra)
        {
            int port = FreePort();
            Task<CliRun> monitor = Task.Run(() => CliRun.Invoke(new[] { "monitor", "--udp", port.ToString(), "--json", "--duration", "30" }.Concat(extra).ToArray()));
            for (int i = 0; i < 500 && !Bound(port) && !monitor.IsCompleted; i++) Thread.Sleep(20);
            Assert.IsTrue(Bound(port) || monitor.IsCompleted, "the monitor listens on port " + port);
            using (UdpClient sender = new UdpClient())
            {
                foreach (byte[] d in datagrams)
                {
                    sender.Send(d, d.Length, new IPEndPoint(IPAddress.Loopback, port));
                    Thread.Sleep(1); // a device sends one frame at a time; keeps the receive buffer far from full
                }
            }
            Assert.IsTrue(monitor.Wait(TimeSpan.FromSeconds(40)), "the monitor stopped on its own (--frames or --duration)");
            return monitor.Result;
        }

        [TestMethod]
        public void UdpDatagramsAreCountedUntilTheFrameLimit()
        {
            List<byte[]> frames = TestLogs.RewardRun(TestLogs.RewardNetwork(2), 2, 600, new TelemetryOptions { HashIntervalTicks = 50 }).Frames;
            List<byte[]> sent = frames.Where((f, i) => i != 5).ToList(); // one datagram lost on the way
            CliRun run = OverUdp(sent, "--frames", sent.Count.ToString());
            Assert.AreEqual(0, run.ExitCode, run.ToString());
            JsonElement m = Json(run);
            Assert.AreEqual(sent.Count, m.GetProperty("frames_read").GetInt64());
            Assert.AreEqual(1, m.GetProperty("frames_lost").GetInt64());
            Assert.AreEqual(32, m.GetProperty("ticks_missing").GetInt64());
            Assert.AreEqual(600 - 32, m.GetProperty("ticks").GetInt64());
            Assert.AreEqual(599, m.GetProperty("tick").GetInt64());
            Assert.IsTrue(m.GetProperty("rewards").GetInt64() >= 14, "rewards every 37 ticks: " + m.GetProperty("rewards"));
            Assert.IsTrue(m.GetProperty("end_frame").GetBoolean());
        }

        [TestMethod]
        public void UdpWithoutDataStopsAfterItsDuration()
        {
            int port = FreePort();
            CliRun run = CliRun.Invoke("monitor", "--udp", port.ToString(), "--duration", "0.3", "--interval", "100");
            Assert.AreEqual(0, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Output, "listening on UDP port " + port);
            StringAssert.Contains(run.Output, "0 read");
            StringAssert.Contains(run.Output, "no stream header seen");
        }

        [TestMethod]
        [DataRow("monitor")]
        [DataRow("monitor", "--file", "a", "--udp", "5000")]
        [DataRow("monitor", "--udp", "0")]
        [DataRow("monitor", "--udp", "70000")]
        [DataRow("monitor", "--udp", "5000", "--duration", "-1")]
        public void BadArgumentsExitTwo(params string[] args)
        {
            CliRun run = CliRun.Invoke(args);
            Assert.AreEqual(2, run.ExitCode, run.ToString());
        }

        [TestMethod]
        public void MissingCaptureExitsTwo()
        {
            CliRun run = CliRun.Invoke("monitor", "--file", Path.Combine(Path.GetTempPath(), "no-such-capture.log"));
            Assert.AreEqual(2, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, "not found");
        }
    }
}
