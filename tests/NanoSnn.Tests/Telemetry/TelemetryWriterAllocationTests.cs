using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace NanoSnn.Tests.Telemetry
{
    [TestClass]
    public sealed class TelemetryWriterAllocationTests
    {
        /// <summary>Counts what it is given and keeps nothing, like a serial port.</summary>
        private sealed class CountingSink : ITelemetrySink
        {
            public long Frames, Bytes;

            public void Write(byte[] buffer, int offset, int count)
            {
                Frames++;
                Bytes += count;
            }
        }

        [TestMethod]
        public void RecordingTenThousandTicksWithEveryFieldAndLearningSwitchesAllocatesNothing()
        {
            Network network = SensorNetwork.Build(4);
            network.Attach(new RewardStdp(network.FindProjection("lif-lif"), new RewardStdpParameters { BaselineShift = 2 }));
            TelemetryOptions options = new TelemetryOptions
            {
                HashIntervalTicks = 10, TicksPerFrame = 16, SensorChannels = 4, OutputChannels = 2, TargetChannels = 2,
                ComponentHashes = true, BufferBytes = 400,
            };
            CountingSink sink = new CountingSink();
            TelemetryWriter writer = new TelemetryWriter(network, options, sink);

            // Every spike pattern the encoder distinguishes: none, ascending (list and bitmap), out of order, repeats.
            int[][] patterns =
            {
                new int[0], new[] { 3 }, new[] { 0, 1, 2, 3, 4, 5, 6, 7 }, new[] { 6, 2, 5 }, new[] { 1, 1, 7, 1, 0 }, new[] { 2, 4, 2 },
            };
            int[] sensors = new int[4];
            int[] outputs = new int[2];
            int[] targets = { 1000, -1000 };

            void Tick(int t)
            {
                // Learning switched on and off between ticks: every switch ends a frame and opens one.
                network.Rules[0].Enabled = t % 97 < 60;
                int[] spikes = patterns[t % patterns.Length];
                int reward = t % 13 == 0 ? 20000 - t : 0;
                if (reward != 0) network.Reward(reward);
                bool supervised = t % 3 == 0;
                if (supervised) network.Supervise(targets, t % 2, t % 6 == 0);
                network.Step(spikes, spikes.Length);
                sensors[t % 4] = t * 37 - 5000;
                outputs[t % 2] = int.MaxValue - t;
                if (supervised) writer.RecordSupervisedTick(spikes, spikes.Length, reward, targets, t % 2, t % 6 == 0, sensors, t % 5 == 0 ? null : outputs);
                else writer.RecordTick(spikes, spikes.Length, reward, t % 7 == 0 ? null : sensors, outputs);
                if (t % 1000 == 999) writer.Flush();
            }

            writer.Begin();
            for (int t = 0; t < 1100; t++) Tick(t);
            long frames = sink.Frames;
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int t = 1100; t < 11100; t++) Tick(t);
            writer.Finish();
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.AreEqual(0L, allocated, "bytes allocated while recording 10,000 ticks and finishing the stream");
            Assert.IsTrue(sink.Frames - frames > 10000 / 16, "frames were written: " + (sink.Frames - frames));
            Assert.AreEqual(11100L, writer.TicksRecorded);
            Assert.AreEqual(sink.Bytes, writer.BytesWritten);
            Assert.AreEqual(228L, writer.LearningSwitches, "learning switched off at t % 97 == 60 and on at t % 97 == 0, 114 times each");
        }
    }
}
