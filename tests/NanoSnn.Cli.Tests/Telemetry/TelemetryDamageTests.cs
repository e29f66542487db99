using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoSnn.Cli.Telemetry;

namespace NanoSnn.Cli.Tests.Telemetry
{
    /// <summary>
    /// A log that was cut, flipped or mixed with garbage loses only the damaged frames: the
    /// decoder resynchronizes on the next sync pair and reports what it skipped.
    /// </summary>
    [TestClass]
    public sealed class TelemetryDamageTests
    {
        public TestContext TestContext { get; set; }

        private static List<byte[]> _frames;

        private static List<byte[]> Frames()
        {
            if (_frames == null)
                _frames = TestLogs.SensorRun(2, 200, new TelemetryOptions { TicksPerFrame = 16, HashIntervalTicks = 25, ComponentHashes = true }, out _).Frames;
            return _frames;
        }

        /// <summary>Decodes <paramref name="data"/> pushed in pieces of <paramref name="piece"/> bytes; returns the frames' bytes.</summary>
        internal static List<byte[]> DecodeBytes(byte[] data, TelemetryDecoder decoder, int piece = int.MaxValue)
        {
            List<byte[]> result = new List<byte[]>();
            int at = 0;
            while (at < data.Length)
            {
                at += decoder.Write(data, at, Math.Min(piece, data.Length - at));
                while (decoder.TryRead(out TelemetryFrame f)) result.Add(data.AsSpan((int)f.Offset, f.Bytes).ToArray());
            }
            decoder.Complete();
            while (decoder.TryRead(out TelemetryFrame f)) result.Add(data.AsSpan((int)f.Offset, f.Bytes).ToArray());
            return result;
        }

        private static void AssertFrames(IList<byte[]> expected, IList<byte[]> actual, string what)
        {
            Assert.AreEqual(expected.Count, actual.Count, what + ": frame count");
            for (int i = 0; i < expected.Count; i++) CollectionAssert.AreEqual(expected[i], actual[i], what + ": frame " + i);
        }

        [TestMethod]
        public void WholeLogDecodesInAnyPieceSize()
        {
            byte[] log = MemorySink.Join(Frames());
            foreach (int piece in new[] { 1, 2, 7, 100, 4096, int.MaxValue })
            {
                TelemetryDecoder d = new TelemetryDecoder();
                AssertFrames(Frames(), DecodeBytes(log, d, piece), "pieces of " + piece);
                Assert.AreEqual(0L, d.BytesSkipped);
                Assert.AreEqual(0L, d.FramesSkipped);
            }
        }

        [TestMethod]
        public void EveryTruncationKeepsExactlyTheCompleteFrames()
        {
            List<byte[]> frames = Frames();
            byte[] log = MemorySink.Join(frames);
            TelemetryDecoder d = new TelemetryDecoder();
            int truncations = 0;
            for (int length = 0; length <= log.Length; length++)
            {
                d.Clear();
                List<byte[]> got = DecodeBytes(log.AsSpan(0, length).ToArray(), d);
                List<byte[]> complete = new List<byte[]>();
                int end = 0;
                foreach (byte[] f in frames)
                {
                    if (end + f.Length > length) break;
                    complete.Add(f);
                    end += f.Length;
                }
                AssertFrames(complete, got, "cut at " + length);
                truncations++;
                Assert.AreEqual((long)(length - end), d.BytesSkipped, "cut at " + length);
                Assert.IsTrue(d.FramesSkipped <= 1, "cut at " + length + ": " + d.FramesSkipped + " frames skipped");
            }
            TestContext.WriteLine("truncations: " + truncations);
        }

        [TestMethod]
        public void RandomGarbageGivesNoFrameAndIsAllSkipped()
        {
            Random random = new Random(5);
            TelemetryDecoder d = new TelemetryDecoder();
            for (int i = 0; i < 3000; i++)
            {
                byte[] garbage = Garbage(random, random.Next(0, 3000));
                d.Clear();
                List<byte[]> got = DecodeBytes(garbage, d, random.Next(1, 600));
                Assert.AreEqual(0, got.Count, "input " + i);
                Assert.AreEqual((long)garbage.Length, d.BytesSkipped, "input " + i);
            }
        }

        /// <summary>Random bytes with many sync pairs, some followed by a header whose check byte is right.</summary>
        internal static byte[] Garbage(Random random, int length)
        {
            byte[] g = new byte[length];
            random.NextBytes(g);
            for (int at = 0; at + 1 < length; at += random.Next(1, 40))
            {
                g[at] = 0xA5;
                g[at + 1] = 0x4E;
                if (at + 8 <= length && random.Next(2) == 0)
                {
                    g[at + 2] = 1;
                    g[at + 3] = (byte)random.Next(1, 4);
                    g[at + 7] = (byte)(Crc32.Compute(g, at, 7) & 0xFF);
                }
            }
            return g;
        }

        [TestMethod]
        public void GarbageBetweenFramesIsSkippedAndEveryFrameKept()
        {
            List<byte[]> frames = Frames();
            Random random = new Random(9);
            for (int round = 0; round < 200; round++)
            {
                List<byte[]> parts = new List<byte[]>();
                long garbageBytes = 0;
                foreach (byte[] f in frames)
                {
                    byte[] g = Garbage(random, random.Next(0, 80));
                    if (g.Length > 0 && random.Next(3) == 0) g[g.Length - 1] = 0xA5; // a lone sync byte right before a frame
                    garbageBytes += g.Length;
                    parts.Add(g);
                    parts.Add(f);
                }
                byte[] tail = Garbage(random, random.Next(0, 80));
                garbageBytes += tail.Length;
                parts.Add(tail);
                TelemetryDecoder d = new TelemetryDecoder();
                AssertFrames(frames, DecodeBytes(MemorySink.Join(parts), d, random.Next(1, 500)), "round " + round);
                Assert.AreEqual(garbageBytes, d.BytesSkipped, "round " + round);
                Assert.AreEqual(0L, d.FramesLost, "round " + round);
            }
        }

        [TestMethod]
        public void EveryBitFlipLosesOnlyTheFrameItHits()
        {
            List<byte[]> frames = Frames();
            byte[] log = MemorySink.Join(frames);
            int[] frameOf = new int[log.Length];
            for (int i = 0, at = 0; i < frames.Count; at += frames[i].Length, i++)
                for (int k = 0; k < frames[i].Length; k++) frameOf[at + k] = i;
            TelemetryDecoder d = new TelemetryDecoder();
            int flips = 0;
            for (int bit = 0; bit < log.Length * 8; bit++)
            {
                byte[] damaged = (byte[])log.Clone();
                damaged[bit / 8] ^= (byte)(1 << (bit % 8));
                d.Clear();
                List<byte[]> got = DecodeBytes(damaged, d);
                int hit = frameOf[bit / 8];
                List<byte[]> expected = frames.Where((f, i) => i != hit).ToList();
                AssertFrames(expected, got, "bit " + bit + " (frame " + hit + ")");
                Assert.AreEqual((long)frames[hit].Length, d.BytesSkipped, "bit " + bit);
                Assert.AreEqual(hit > 0 && hit < frames.Count - 1 ? 1L : 0L, d.FramesLost, "bit " + bit + ": a sequence gap shows a lost frame between two others");
                flips++;
            }
            Assert.AreEqual(log.Length * 8, flips);
            TestContext.WriteLine("bit flips: " + flips + " (every bit of a " + log.Length + "-byte log of " + frames.Count + " frames)");
        }

        [TestMethod]
        public void BurstsInsideOneFrameLoseOnlyThatFrame()
        {
            List<byte[]> frames = Frames();
            Random random = new Random(13);
            TelemetryDecoder d = new TelemetryDecoder();
            for (int round = 0; round < 3000; round++)
            {
                int hit = random.Next(frames.Count);
                List<byte[]> parts = frames.Select(f => (byte[])f.Clone()).ToList();
                byte[] f2 = parts[hit];
                int start = random.Next(f2.Length);
                int length = Math.Min(random.Next(1, 12), f2.Length - start);
                bool changed = false;
                for (int k = start; k < start + length; k++)
                {
                    byte v = (byte)random.Next(256);
                    changed |= v != f2[k];
                    f2[k] = v;
                }
                if (!changed) continue;
                d.Clear();
                List<byte[]> got = DecodeBytes(MemorySink.Join(parts), d);
                // Every other frame survives; the hit one is lost (a burst over 32 bits escapes CRC-32 with odds 2^-32).
                AssertFrames(frames.Where((f, i) => i != hit).ToList(), got, "round " + round + " frame " + hit);
            }
        }

        [TestMethod]
        public void ADroppedFrameCountsAsLost()
        {
            List<byte[]> frames = Frames();
            TelemetryDecoder d = new TelemetryDecoder();
            List<byte[]> got = DecodeBytes(MemorySink.Join(frames.Where((f, i) => i != 3 && i != 4)), d);
            Assert.AreEqual(frames.Count - 2, got.Count);
            Assert.AreEqual(2L, d.FramesLost);
            Assert.AreEqual(0L, d.BytesSkipped);
        }
    }
}
