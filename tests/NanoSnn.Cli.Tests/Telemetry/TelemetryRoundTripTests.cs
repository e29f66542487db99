using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoSnn.Cli.Telemetry;

namespace NanoSnn.Cli.Tests.Telemetry
{
    [TestClass]
    public sealed class TelemetryRoundTripTests
    {
        /// <summary>A network with 40 inputs and a rule, stepped by hand so that every field can be chosen.</summary>
        private static Network SmallNetwork(int inputs = 40)
        {
            NetworkBuilder b = new NetworkBuilder(1000, 3);
            InputPopulation input = b.AddInput("in", inputs);
            LifPopulation lif = b.AddLif("lif", 16, new LifParameters());
            ReadoutPopulation readout = b.AddReadout("out", 2, 20000, 0);
            b.AddDense("in-lif", input, lif, 4).InitializeGaussian(b.Rng, 40000);
            b.AddDense("lif-out", lif, readout, 4).InitializeGaussian(b.Rng, 4000);
            Network network = b.Build();
            network.Attach(new RewardStdp(network.FindProjection("in-lif"), new RewardStdpParameters()));
            return network;
        }

        private sealed class Given
        {
            public int[] Spikes;
            public int Reward;
            public bool Supervised, Valid;
            public int Class;
            public int[] Targets, Sensors, Outputs;
            public int Activity;
            public uint Hash;
            public uint[] Components;
            public bool Enabled;
        }

        [TestMethod]
        public void EveryFieldRoundTripsAndReencodesToTheSameBytes()
        {
            Network network = SmallNetwork();
            TelemetryOptions options = new TelemetryOptions
            {
                HashIntervalTicks = 7, TicksPerFrame = 9, SensorChannels = 3, OutputChannels = 2, TargetChannels = 2, ComponentHashes = true,
            };
            MemorySink sink = new MemorySink();
            TelemetryWriter writer = new TelemetryWriter(network, options, sink);
            uint startHash = network.ComputeStateHash();
            writer.Begin();
            Random random = new Random(11);
            List<Given> given = new List<Given>();
            int[] extremes = { int.MinValue, int.MaxValue, 0, -1, 1, 65536 };
            for (int t = 0; t < 300; t++)
            {
                Given g = new Given();
                int n = random.Next(0, t % 10 == 0 ? 60 : 8);
                int[] spikes = new int[n + 2];
                for (int k = 0; k < n; k++) spikes[k] = random.Next(network.InputSize);
                if (t % 3 == 0) Array.Sort(spikes, 0, n);
                g.Spikes = spikes.Take(n).Distinct().ToArray(); // Step's view: first occurrences in order
                g.Reward = t % 4 == 0 ? 0 : extremes[random.Next(extremes.Length)];
                g.Supervised = t % 5 < 2;
                g.Valid = t % 5 == 0;
                g.Class = t % 5 == 1 ? -1 : random.Next(-3, 3);
                g.Targets = t % 10 == 0 ? null : new[] { extremes[random.Next(extremes.Length)], random.Next() };
                g.Sensors = t % 6 == 5 ? null : new[] { extremes[random.Next(extremes.Length)], random.Next(-1000, 1000), t };
                g.Outputs = t % 7 == 6 ? null : new[] { random.Next(1024), extremes[random.Next(extremes.Length)], 9 };
                g.Enabled = t / 23 % 3 != 1 || t == 30; // off for ticks 23-45 except 30, and so on: switched 11 times
                network.Rules[0].Enabled = g.Enabled;
                if (g.Reward != 0) network.Reward(g.Reward);
                if (g.Supervised) network.Supervise(g.Targets, g.Class, g.Valid);
                network.Step(spikes, n);
                g.Activity = TelemetryFormat.Activity(network);
                g.Hash = network.ComputeStateHash();
                g.Components = Enumerable.Range(0, TelemetryFormat.ComponentCount(network)).Select(c => TelemetryFormat.ComponentHash(network, c)).ToArray();
                if (g.Supervised) writer.RecordSupervisedTick(spikes, n, g.Reward, g.Targets, g.Class, g.Valid, g.Sensors, g.Outputs);
                else writer.RecordTick(spikes, n, g.Reward, g.Sensors, g.Outputs);
                given.Add(g);
            }
            writer.Finish();

            byte[] log = sink.Concat();
            List<TelemetryFrame> frames = TestLogs.Decode(log, out TelemetryDecoder decoder);
            Assert.AreEqual(sink.Frames.Count, frames.Count);
            Assert.AreEqual(0L, decoder.FramesSkipped);
            Assert.AreEqual(0L, decoder.BytesSkipped);
            Assert.AreEqual(0L, decoder.FramesLost);
            for (int i = 0; i < frames.Count; i++)
            {
                Assert.AreEqual(i & 0xFF, frames[i].Sequence);
                CollectionAssert.AreEqual(sink.Frames[i], FrameEncoder.Encode(frames[i]), "frame " + i + " re-encoded by the test's own encoder");
            }

            TelemetryStreamHeader h = frames[0].Header;
            Assert.IsNotNull(h);
            Assert.AreEqual(1000, h.DtUs);
            Assert.AreEqual(3u, h.Seed);
            Assert.AreEqual(40, h.InputSize);
            Assert.AreEqual(0L, h.StartTick);
            Assert.AreEqual(startHash, h.StartStateHash);
            Assert.AreEqual(TelemetryFormat.StructureHash(network), h.StructureHash);
            Assert.AreEqual(7, h.HashIntervalTicks);
            Assert.AreEqual(9, h.TicksPerFrame);
            Assert.AreEqual(3, h.SensorChannels);
            Assert.AreEqual(2, h.OutputChannels);
            Assert.AreEqual(2, h.TargetChannels);
            Assert.IsTrue(h.ComponentHashes);
            Assert.AreEqual(1, h.Rules);

            TickRecord[] records = frames.Where(f => f.Ticks != null).SelectMany(f => f.Ticks.Records).ToArray();
            Assert.IsTrue(frames.Where(f => f.Ticks != null).All(f => f.Ticks.Records.Length <= 9));
            Assert.AreEqual(300, records.Length);
            HashSet<int> encodings = new HashSet<int>();
            for (int t = 0; t < 300; t++)
            {
                TickRecord r = records[t];
                Given g = given[t];
                string at = "tick " + t;
                Assert.AreEqual((long)t, r.Tick, at);
                CollectionAssert.AreEqual(new[] { g.Enabled }, r.RulesEnabled, at);
                if (t > 0 && g.Enabled != given[t - 1].Enabled)
                    Assert.IsTrue(frames.Any(f => f.Ticks != null && f.Ticks.FirstTick == t), at + ": a learning switch starts a frame");
                CollectionAssert.AreEqual(g.Spikes, r.Spikes, at);
                encodings.Add(r.SpikeEncoding);
                Assert.AreEqual(g.Reward, r.RewardQ16, at);
                Assert.AreEqual(g.Supervised, r.Supervised, at);
                if (g.Supervised)
                {
                    Assert.AreEqual(g.Valid, r.TargetValid, at);
                    Assert.AreEqual(g.Class, r.TargetClass, at);
                    CollectionAssert.AreEqual(g.Targets, r.TargetsQ16, at);
                }
                CollectionAssert.AreEqual(g.Sensors, r.Sensors, at);
                CollectionAssert.AreEqual(g.Outputs?.Take(2).ToArray(), r.Outputs, at + ": the stream records the first 2 outputs of 3 given");
                Assert.IsTrue(r.HasActivity, at);
                Assert.AreEqual(g.Activity, r.Activity, at);
                Assert.AreEqual((t + 1) % 7 == 0, r.HasStateHash, at);
                if (r.HasStateHash)
                {
                    Assert.AreEqual(g.Hash, r.StateHash, at);
                    CollectionAssert.AreEqual(g.Components, r.ComponentHashes, at);
                }
            }
            CollectionAssert.AreEquivalent(new[] { 0, 1, 2, 3 }, encodings.ToArray(), "every spike encoding was exercised");
            Assert.AreEqual(11L, writer.LearningSwitches);
            Assert.AreEqual(11, Enumerable.Range(1, 299).Count(t => given[t].Enabled != given[t - 1].Enabled));

            TelemetryEnd end = frames[frames.Count - 1].End;
            Assert.IsNotNull(end);
            Assert.AreEqual(300L, end.TicksRecorded);
            Assert.AreEqual(300L, end.FinalTick);
            Assert.AreEqual(network.ComputeStateHash(), end.FinalStateHash);
        }

        [TestMethod]
        public void TheSmallerSpikeEncodingIsChosen()
        {
            // 40 inputs: the bitmap takes 5 bytes; one spike as an ascending list 2, 39 spikes need the bitmap.
            Assert.AreEqual(TelemetryFormat.SpikesAscending, OneTick(new[] { 5 }).SpikeEncoding);
            Assert.AreEqual(TelemetryFormat.SpikesAscending, OneTick(new[] { 1, 2, 3 }).SpikeEncoding);
            Assert.AreEqual(TelemetryFormat.SpikesBitmap, OneTick(Enumerable.Range(0, 39).ToArray()).SpikeEncoding);
            Assert.AreEqual(TelemetryFormat.SpikesInOrder, OneTick(new[] { 7, 3 }).SpikeEncoding);
            Assert.AreEqual(TelemetryFormat.SpikesNone, OneTick(new int[0]).SpikeEncoding);
            // Repeats count once in Step, so they are dropped; first occurrences that ascend are still "ascending".
            TickRecord r = OneTick(new[] { 4, 9, 4, 9, 12 });
            Assert.AreEqual(TelemetryFormat.SpikesAscending, r.SpikeEncoding);
            CollectionAssert.AreEqual(new[] { 4, 9, 12 }, r.Spikes);
            r = OneTick(new[] { 9, 4, 9, 4, 1 });
            Assert.AreEqual(TelemetryFormat.SpikesInOrder, r.SpikeEncoding);
            CollectionAssert.AreEqual(new[] { 9, 4, 1 }, r.Spikes);
        }

        private static TickRecord OneTick(int[] spikes)
        {
            Network network = SmallNetwork();
            MemorySink sink = new MemorySink();
            TelemetryWriter writer = new TelemetryWriter(network, new TelemetryOptions(), sink);
            writer.Begin();
            network.Step(spikes, spikes.Length);
            writer.RecordTick(spikes, spikes.Length, 0, null, null);
            writer.Flush();
            return TestLogs.Decode(sink.Concat())[1].Ticks.Records[0];
        }

        [TestMethod]
        public void FramesEndAtTheBatchSizeTheBufferOrAGap()
        {
            Network network = SmallNetwork();
            TelemetryOptions options = new TelemetryOptions { TicksPerFrame = 1000, HashIntervalTicks = 0, SensorChannels = 1, BufferBytes = 0 };
            int required = TelemetryWriter.RequiredBufferBytes(network, options);
            options.BufferBytes = required + 10;
            MemorySink sink = new MemorySink();
            TelemetryWriter writer = new TelemetryWriter(network, options, sink);
            Assert.AreEqual(required + 10, writer.BufferBytes);
            writer.Begin();
            int[] spikes = Enumerable.Range(0, 40).Reverse().ToArray();
            for (int t = 0; t < 50; t++)
            {
                network.Step(spikes, 40);
                if (t != 20) writer.RecordTick(spikes, 40, 0, new[] { t }, null); // tick 20 is not recorded: a gap
            }
            writer.Finish();
            Assert.IsTrue(sink.Frames.All(f => f.Length <= required + 10), "no frame exceeds the buffer");
            List<TelemetryFrame> frames = TestLogs.Decode(sink.Concat());
            TickRecord[] records = frames.Where(f => f.Ticks != null).SelectMany(f => f.Ticks.Records).ToArray();
            CollectionAssert.AreEqual(Enumerable.Range(0, 50).Where(t => t != 20).Select(t => (long)t).ToArray(), records.Select(r => r.Tick).ToArray());
            Assert.IsTrue(frames.Any(f => f.Ticks != null && f.Ticks.FirstTick == 21), "the tick after the gap starts a frame");
            Assert.IsTrue(frames.Count(f => f.Ticks != null) > 2, "a full buffer ended frames early");
            CollectionAssert.AreEqual(Enumerable.Range(0, 50).Where(t => t != 20).ToArray(), records.Select(r => r.Sensors[0]).ToArray(), "sensor deltas restart per frame");
        }

        [TestMethod]
        public void WriterRejectsBadCallsWithoutRecording()
        {
            Network network = SmallNetwork();
            MemorySink sink = new MemorySink();
            TelemetryWriter writer = new TelemetryWriter(network, new TelemetryOptions { SensorChannels = 2 }, sink);
            Assert.ThrowsExactly<InvalidOperationException>(() => writer.RecordTick(null, 0, 0, null, null));
            writer.Begin();
            Assert.ThrowsExactly<InvalidOperationException>(() => writer.Begin());
            network.Step(null, 0);
            Assert.ThrowsExactly<ArgumentException>(() => writer.RecordTick(new[] { 40 }, 1, 0, null, null));
            Assert.ThrowsExactly<ArgumentException>(() => writer.RecordTick(new[] { -1 }, 1, 0, null, null));
            Assert.ThrowsExactly<ArgumentException>(() => writer.RecordTick(new[] { 1 }, 2, 0, null, null));
            Assert.ThrowsExactly<ArgumentException>(() => writer.RecordTick(null, 0, 0, new int[1], null));
            writer.RecordTick(null, 0, 0, null, null);
            Assert.ThrowsExactly<InvalidOperationException>(() => writer.RecordTick(null, 0, 0, null, null), "the same tick twice");
            writer.Flush();
            Assert.ThrowsExactly<InvalidOperationException>(() => writer.RecordTick(null, 0, 0, null, null), "the same tick twice, across frames");
            Assert.AreEqual(1L, writer.TicksRecorded);
            Assert.ThrowsExactly<ArgumentException>(() => new TelemetryWriter(network, new TelemetryOptions { BufferBytes = 20 }, sink));
            Assert.ThrowsExactly<ArgumentException>(() => new TelemetryWriter(network, new TelemetryOptions { TicksPerFrame = 0 }, sink));
            Assert.ThrowsExactly<ArgumentException>(() => new TelemetryWriter(network, new TelemetryOptions { SensorChannels = 256 }, sink));

            // A rule attached after the writer was made is not in its frames' enabled-rules bitmap.
            network.Attach(new RewardStdp(network.FindProjection("in-lif"), new RewardStdpParameters()));
            network.Step(null, 0);
            StringAssert.Contains(Assert.ThrowsExactly<InvalidOperationException>(() => writer.RecordTick(null, 0, 0, null, null)).Message, "attach rules before");
            Assert.AreEqual(1L, writer.TicksRecorded);
        }

        [TestMethod]
        public void VarintAndZigZagCoverThe64BitRange()
        {
            long[] values = { 0, 1, -1, 63, -64, 64, 127, 128, int.MaxValue, int.MinValue, long.MaxValue, long.MinValue };
            byte[] b = new byte[10];
            foreach (long v in values)
            {
                Assert.AreEqual(v, TelemetryFormat.UnZigZag(TelemetryFormat.ZigZag(v)));
                int end = TelemetryFormat.WriteVarint(b, 0, TelemetryFormat.ZigZag(v));
                Assert.AreEqual(TelemetryFormat.VarintBytes(TelemetryFormat.ZigZag(v)), end);
                List<byte> mine = new List<byte>();
                FrameEncoder.Varint(mine, (ulong)TelemetryFormat.ZigZag(v));
                CollectionAssert.AreEqual(mine.ToArray(), b.Take(end).ToArray());
            }
            Assert.AreEqual(10, TelemetryFormat.VarintBytes(-1));
            Assert.AreEqual(1, TelemetryFormat.ZigZag(-1));
            Assert.AreEqual(2, TelemetryFormat.ZigZag(1));
        }
    }
}
