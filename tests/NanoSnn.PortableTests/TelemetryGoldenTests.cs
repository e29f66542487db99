#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace NanoSnn.PortableTests
{
    /// <summary>
    /// The telemetry golden vector: the bytes a <see cref="TelemetryWriter"/> sends for a fixed
    /// run, fingerprinted by their CRC-32. The device must send exactly these bytes, or the
    /// host's decoder and <c>nanosnn verify</c> would read something else than the device meant.
    /// </summary>
    /// <remarks>
    /// Scenario: <see cref="SensorNetwork.Build"/>(7), 200 ticks of 1 ms; on tick t input
    /// channel c spikes when (t·7 + c·3) mod 11 &lt; 2, given in descending channel order (so
    /// the in-order list encoding is used), a reward of (t − 100)·512 on every 17th tick, two
    /// "sensor" values t·t − 5000 and −t, one output t mod 5. Options: hash every 50 ticks with
    /// component hashes, 16 ticks per frame, activity on. The second vector attaches reward STDP
    /// to 'lif-lif' and switches it off for ticks 60-119 and tick 150 (the enabled-rules bitmap
    /// of format v2, and the frames a switch starts). The constants were produced once by
    /// running this test on .NET 10 (x64) and printing the figures; a change means the format
    /// or the core changed and must be a deliberate, reviewed decision. (Format v2 added a rule
    /// count and the enabled-rules bitmap to every ticks frame and changed the version byte: the
    /// first vector grew from 2,115 bytes, CRC 0x1B2C1B51, by one byte (0 rules) in each of its
    /// 13 ticks frames.)
    /// </remarks>
    [TestClass]
    public class TelemetryGoldenTests
    {
        private const long Frames = 15;
        private const long Bytes = 2128;
        private const uint BytesCrc = 0x960E25EAu;

        // Header, end and 15 ticks frames: batches of 16 that restart at the switches at 60, 120, 150 and 151.
        private const long LearningFrames = 17;
        private const long LearningBytes = 2202;
        private const uint LearningBytesCrc = 0x3CD6B3F9u;

        private sealed class CrcSink : ITelemetrySink
        {
            public uint Register = Crc32.Start;
            public long Frames;
            public long Bytes;
            public int FirstFrameType = -1;

            public void Write(byte[] buffer, int offset, int count)
            {
                if (FirstFrameType < 0) FirstFrameType = buffer[offset + 3];
                Register = Crc32.Append(Register, buffer, offset, count);
                Frames++;
                Bytes += count;
            }
        }

        [TestMethod]
        public void SensorNetworkSeed7_200Ticks_SendsTheCheckedInBytes()
        {
            Check(SensorNetwork.Build(7), false, Frames, Bytes, BytesCrc);
        }

        [TestMethod]
        public void SensorNetworkSeed7WithRewardStdpSwitchedOffAndOn_SendsTheCheckedInBytes()
        {
            Network net = SensorNetwork.Build(7);
            net.Attach(new RewardStdp(net.FindProjection("lif-lif"), new RewardStdpParameters()));
            Check(net, true, LearningFrames, LearningBytes, LearningBytesCrc);
        }

        private static void Check(Network net, bool switchLearning, long frames, long bytes, uint bytesCrc)
        {
            TelemetryOptions options = new TelemetryOptions();
            options.HashIntervalTicks = 50;
            options.TicksPerFrame = 16;
            options.SensorChannels = 2;
            options.OutputChannels = 1;
            options.ComponentHashes = true;
            CrcSink sink = new CrcSink();
            TelemetryWriter writer = new TelemetryWriter(net, options, sink);
            int[] spikes = new int[net.InputSize];
            int[] sensors = new int[2];
            int[] outputs = new int[1];
            writer.Begin();
            for (int t = 0; t < 200; t++)
            {
                int n = 0;
                for (int c = net.InputSize - 1; c >= 0; c--)
                    if ((t * 7 + c * 3) % 11 < 2) spikes[n++] = c;
                if (switchLearning) net.Rules[0].Enabled = !((t >= 60 && t < 120) || t == 150);
                int reward = t % 17 == 16 ? (t - 100) * 512 : 0;
                if (reward != 0) net.Reward(reward);
                net.Step(spikes, n);
                sensors[0] = t * t - 5000;
                sensors[1] = -t;
                outputs[0] = t % 5;
                writer.RecordTick(spikes, n, reward, sensors, outputs);
            }
            writer.Finish();
            uint crc = Crc32.Finish(sink.Register);
            string seen = sink.Frames + " frames, " + sink.Bytes + " bytes, CRC 0x" + crc.ToString("X8");
            Assert.AreEqual(TelemetryFormat.FrameStreamHeader, sink.FirstFrameType);
            Assert.AreEqual(frames, sink.Frames, seen);
            Assert.AreEqual(bytes, sink.Bytes, seen);
            Assert.AreEqual(bytesCrc, crc, seen);
        }
    }
}
