using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoSnn.Cli.Telemetry;

namespace NanoSnn.Cli.Tests.Telemetry
{
    /// <summary>
    /// Deterministic fuzzing (fixed seeds) of the decoder and the payload parser, 100,000 inputs
    /// in all: the decoder never throws, the parser throws nothing but
    /// <see cref="TelemetryFormatException"/>, a forged length or count never makes either
    /// allocate more than a fixed multiple of the input, and whatever is accepted re-encodes
    /// to a frame that decodes to the same thing.
    /// </summary>
    [TestClass]
    public sealed class TelemetryFuzzTests
    {
        public TestContext TestContext { get; set; }

        private const int RandomInputs = 50000, StructuredInputs = 50000;

        // A generous bound: the parser's largest amplification is one small record object per
        // payload byte; anything unbounded (a forged count honoured) would be megabytes.
        private static long AllocationBound(int inputBytes) => (1 << 20) + 400L * inputBytes;

        private static readonly int[] Interesting = { 0, 1, 2, 0x7F, 0x80, 0xFF, 0xFE, 3, 0x40 };

        private static List<byte[]> ValidFrames()
        {
            List<byte[]> frames = new List<byte[]>();
            frames.AddRange(TestLogs.SensorRun(4, 120, new TelemetryOptions { TicksPerFrame = 10, HashIntervalTicks = 20, ComponentHashes = true }, out _).Frames);
            frames.AddRange(TestLogs.RewardRun(TestLogs.RewardNetwork(4), 4, 150, new TelemetryOptions { TicksPerFrame = 12, HashIntervalTicks = 30 }).Frames);
            frames.AddRange(TestLogs.SupervisedRun(TestLogs.EpropNetwork(4, out _), 4, 120, new TelemetryOptions { TicksPerFrame = 8, HashIntervalTicks = 16, ComponentHashes = true }).Frames);
            return frames;
        }

        private sealed class Tally
        {
            public long Inputs, Bytes, FramesAccepted, FramesSkipped, ParserRejected, ParserAccepted, MaxAllocated;
            public override string ToString() =>
                Inputs + " inputs (" + Bytes + " bytes): decoder accepted " + FramesAccepted + " frames, skipped " + FramesSkipped
                + "; parser accepted " + ParserAccepted + " payloads, rejected " + ParserRejected + " with TelemetryFormatException; most allocated for one input " + MaxAllocated + " bytes";
        }

        private static void Check(byte[] input, TelemetryDecoder decoder, Tally tally, string origin)
        {
            tally.Inputs++;
            tally.Bytes += input.Length;
            decoder.Clear();
            List<TelemetryFrame> frames = new List<TelemetryFrame>();
            long before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                int at = 0;
                while (at < input.Length)
                {
                    at += decoder.Write(input, at, input.Length - at);
                    while (decoder.TryRead(out TelemetryFrame f)) frames.Add(f);
                }
                decoder.Complete();
                while (decoder.TryRead(out TelemetryFrame f)) frames.Add(f);
            }
            catch (Exception e)
            {
                Assert.Fail(origin + ": decoder threw " + e.GetType().Name + ": " + e.Message + "\ninput: " + Convert.ToHexString(input.AsSpan(0, Math.Min(input.Length, 200))));
            }
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            tally.MaxAllocated = Math.Max(tally.MaxAllocated, allocated);
            Assert.IsTrue(allocated <= AllocationBound(input.Length), origin + ": " + allocated + " bytes allocated for " + input.Length + " bytes of input");
            tally.FramesAccepted += frames.Count;
            tally.FramesSkipped += decoder.FramesSkipped;
            Assert.AreEqual((long)input.Length, decoder.BytesSkipped + frames.Sum(f => (long)f.Bytes), origin + ": every byte is a frame's or skipped");
            foreach (TelemetryFrame f in frames)
            {
                byte[] again = FrameEncoder.Encode(f);
                TelemetryDecoder d2 = new TelemetryDecoder();
                List<byte[]> round = TelemetryDamageTests.DecodeBytes(again, d2);
                Assert.AreEqual(1, round.Count, origin + ": an accepted frame re-encodes to a frame the decoder accepts");
                CollectionAssert.AreEqual(again, round[0]);
                TelemetryDecoder d3 = new TelemetryDecoder();
                d3.Write(again, 0, again.Length);
                d3.Complete();
                Assert.IsTrue(d3.TryRead(out TelemetryFrame f3));
                CollectionAssert.AreEqual(again, FrameEncoder.Encode(f3), origin + ": decode and encode agree");
            }
        }

        private static void CheckParser(int type, byte[] payload, Tally tally, string origin)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                if (type == TelemetryFormat.FrameStreamHeader) TelemetryParser.ParseHeader(payload, 0, payload.Length);
                else if (type == TelemetryFormat.FrameEnd) TelemetryParser.ParseEnd(payload, 0, payload.Length);
                else TelemetryParser.ParseTicks(payload, 0, payload.Length);
                tally.ParserAccepted++;
            }
            catch (TelemetryFormatException e)
            {
                Assert.IsTrue(e.Offset >= 0 && e.Offset <= payload.Length, origin + ": offset " + e.Offset + " outside the payload of " + payload.Length);
                StringAssert.Contains(e.Message, e.Field);
                tally.ParserRejected++;
            }
            catch (Exception e)
            {
                Assert.Fail(origin + ": parser threw " + e.GetType().Name + " instead of TelemetryFormatException: " + e.Message
                    + "\npayload: " + Convert.ToHexString(payload.AsSpan(0, Math.Min(payload.Length, 200))) + "\n" + e.StackTrace);
            }
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.IsTrue(allocated <= AllocationBound(payload.Length), origin + ": parser allocated " + allocated + " bytes for a payload of " + payload.Length);
        }

        [TestMethod]
        public void RandomInputsNeverThrowNorAllocateUnboundedMemory()
        {
            Random random = new Random(101);
            TelemetryDecoder decoder = new TelemetryDecoder();
            Tally tally = new Tally();
            for (int i = 0; i < RandomInputs; i++)
            {
                int length = random.Next(4) == 0 ? random.Next(0, 20) : random.Next(0, 700);
                byte[] input = random.Next(3) == 0 ? new byte[length] : TelemetryDamageTests.Garbage(random, length);
                if (random.Next(3) == 0) random.NextBytes(input);
                Check(input, decoder, tally, "random input " + i);
                CheckParser(random.Next(1, 4), input, tally, "random payload " + i);
            }
            TestContext.WriteLine("random fuzz: " + tally);
            Assert.AreEqual((long)RandomInputs, tally.Inputs);
        }

        [TestMethod]
        public void MutatedFramesWithValidChecksumsNeverThrowNorAllocateUnboundedMemory()
        {
            List<byte[]> frames = ValidFrames();
            Random random = new Random(202);
            TelemetryDecoder decoder = new TelemetryDecoder();
            Tally tally = new Tally();
            for (int i = 0; i < StructuredInputs; i++)
            {
                byte[] original = frames[random.Next(frames.Count)];
                int type = original[3];
                List<byte> payload = original.Skip(8).Take(original.Length - 12).ToList();
                int mutations = random.Next(1, 5);
                for (int m = 0; m < mutations; m++) Mutate(payload, random);
                if (random.Next(20) == 0) type = random.Next(0, 6);
                byte[] p = payload.ToArray();
                CheckParser(type, p, tally, "mutation " + i);

                byte[] frame = FrameEncoder.Frame(type, original[4], p, random.Next(50) == 0 ? 2 : TelemetryFormat.Version);
                if (random.Next(10) == 0)
                {
                    // A forged length: the header declares more or less than follows (header check still right).
                    int forged = random.Next(3) == 0 ? 65535 : random.Next(0, p.Length + 100);
                    frame[5] = (byte)forged;
                    frame[6] = (byte)(forged >> 8);
                    frame[7] = (byte)(Crc32.Compute(frame, 0, 7) & 0xFF);
                }
                byte[] input = random.Next(4) == 0
                    ? MemorySink.Join(new[] { frames[random.Next(frames.Count)], frame, frames[random.Next(frames.Count)] })
                    : frame;
                Check(input, decoder, tally, "mutation " + i);
            }
            TestContext.WriteLine("structure-aware fuzz: " + tally);
            Assert.IsTrue(tally.ParserAccepted > 1000, "mutations reach the end of the parser: " + tally);
            Assert.IsTrue(tally.ParserRejected > 1000, "mutations are rejected: " + tally);
        }

        private static void Mutate(List<byte> p, Random random)
        {
            int at = p.Count == 0 ? 0 : random.Next(p.Count);
            switch (random.Next(9))
            {
                case 0: if (p.Count > 0) p[at] ^= (byte)(1 << random.Next(8)); break;
                case 1: if (p.Count > 0) p[at] = (byte)Interesting[random.Next(Interesting.Length)]; break;
                case 2: p.Insert(at, (byte)random.Next(256)); break;
                case 3: if (p.Count > 0) p.RemoveRange(at, Math.Min(random.Next(1, 8), p.Count - at)); break;
                case 4: if (p.Count > 0) p.RemoveRange(at, p.Count - at); break; // truncate
                case 5: for (int k = random.Next(1, 30); k > 0; k--) p.Add((byte)random.Next(256)); break;
                case 6: // a forged varint: up to 11 continuation bytes (counts of 2^31, 2^63 or beyond)
                    int n = random.Next(1, 12);
                    for (int k = 0; k < n; k++) p.Insert(at, 0xFF);
                    break;
                case 7: // duplicate a slice (more records, repeated fields)
                    if (p.Count > 0)
                    {
                        int len = Math.Min(random.Next(1, 40), p.Count - at);
                        p.InsertRange(at, p.GetRange(at, len));
                    }
                    break;
                default: if (p.Count > 0) p[at] = (byte)random.Next(256); break;
            }
        }

        [TestMethod]
        public void ForgedCountsAreRejectedBeforeAllocation()
        {
            // A ticks payload whose one record claims 2^31 - 1 spikes in 3 bytes, and one whose
            // first tick needs more than 64 bits.
            List<byte> p = new List<byte>();
            FrameEncoder.Varint(p, 0);
            FrameEncoder.Varint(p, int.MaxValue);
            p.AddRange(new byte[] { 0, 0, 0 });
            FrameEncoder.Varint(p, 0);
            p.Add(0); // no rules, so no enabled-rules bitmap
            p.Add(TelemetryFormat.SpikesAscending);
            FrameEncoder.Varint(p, int.MaxValue);
            p.Add(0);
            long before = GC.GetAllocatedBytesForCurrentThread();
            TelemetryFormatException e = Assert.ThrowsExactly<TelemetryFormatException>(() => TelemetryParser.ParseTicks(p.ToArray(), 0, p.Count));
            Assert.IsTrue(GC.GetAllocatedBytesForCurrentThread() - before < 100000);
            StringAssert.Contains(e.Message, "spikes");

            // 255 rules need a bitmap of 32 bytes; the payload ends after 2.
            byte[] rules = new byte[] { 0, 8, 0, 0, 0, 0, 255, 0xFF, 0xFF };
            e = Assert.ThrowsExactly<TelemetryFormatException>(() => TelemetryParser.ParseTicks(rules, 0, rules.Length));
            StringAssert.Contains(e.Message, "32 bytes needed for 255 rules, 2 left");
            Assert.AreEqual(7, e.Offset);

            byte[] tooLong = Enumerable.Repeat((byte)0xFF, 11).Concat(new byte[] { 0 }).ToArray();
            e = Assert.ThrowsExactly<TelemetryFormatException>(() => TelemetryParser.ParseTicks(tooLong, 0, tooLong.Length));
            StringAssert.Contains(e.Message, "first tick");
            Assert.AreEqual(0, e.Offset);
        }
    }
}
