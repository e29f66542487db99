using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoSnn.Cli.Scenarios;
using NanoSnn.Cli.Telemetry;

namespace NanoSnn.Cli.Tests.Telemetry
{
    /// <summary>Replays of host runs, exact and perturbed, including runs whose rules learn from reward and supervision.</summary>
    [TestClass]
    public sealed class LockstepVerifierTests
    {
        private static VerifyResult Verify(Network fresh, IEnumerable<byte[]> frames)
        {
            return LockstepVerifier.Verify(fresh, new TelemetryReader(new MemoryStream(MemorySink.Join(frames))));
        }

        /// <summary>Decodes each frame, lets <paramref name="edit"/> change the record of <paramref name="tick"/>, re-encodes that frame.</summary>
        private static List<byte[]> Perturb(List<byte[]> frames, long tick, Action<TickRecord> edit)
        {
            List<byte[]> result = new List<byte[]>();
            bool done = false;
            foreach (byte[] f in frames)
            {
                TelemetryFrame frame = TestLogs.Decode(f)[0];
                TickRecord r = frame.Ticks?.Records.FirstOrDefault(x => x.Tick == tick);
                if (r == null)
                {
                    result.Add(f);
                    continue;
                }
                edit(r);
                byte[] changed = FrameEncoder.Encode(frame);
                Assert.IsFalse(changed.AsSpan().SequenceEqual(f), "the edit changed the frame");
                result.Add(changed);
                done = true;
            }
            Assert.IsTrue(done, "tick " + tick + " found");
            return result;
        }

        [TestMethod]
        public void SensorRunIsBitExact()
        {
            List<byte[]> frames = TestLogs.SensorRun(7, 1000, new TelemetryOptions { HashIntervalTicks = 50 }, out Network recorded).Frames;
            VerifyResult r = Verify(SensorNetwork.Build(7), frames);
            Assert.IsTrue(r.BitExact, r.IncompleteReason);
            Assert.AreEqual(1000L, r.Ticks);
            Assert.AreEqual(20L, r.HashesChecked);
            Assert.AreEqual(1000L, r.ActivityChecked);
            Assert.IsTrue(r.FinalHashChecked);
            Assert.AreEqual(-1L, r.FirstDivergentTick);
            Assert.AreEqual(999L, r.LastMatchingTick);
        }

        [TestMethod]
        public void RewardLearningReplaysBitExactAndAChangedRewardDiverges()
        {
            TelemetryOptions options = new TelemetryOptions { HashIntervalTicks = 100, ComponentHashes = true };
            Network recorded = TestLogs.RewardNetwork(3);
            short[] before = (short[])recorded.FindProjection("lif-lif").Weights.Clone();
            List<byte[]> frames = TestLogs.RewardRun(recorded, 3, 1500, options).Frames;
            Assert.IsFalse(before.AsSpan().SequenceEqual(recorded.FindProjection("lif-lif").Weights), "the rule learned: the test can fail");

            VerifyResult exact = Verify(TestLogs.RewardNetwork(3), frames);
            Assert.IsTrue(exact.BitExact, exact.IncompleteReason);
            Assert.AreEqual(1500L, exact.Ticks);

            // Tick 36 delivered reward 40000; deliver 40001 instead.
            VerifyResult changed = Verify(TestLogs.RewardNetwork(3), Perturb(frames, 36, r => r.RewardQ16 = 40001));
            Assert.IsTrue(changed.Diverged);
            Assert.IsFalse(changed.BitExact);
            Assert.IsTrue(changed.FirstDivergentTick >= 36 && changed.FirstDivergentTick <= 99, "detected at " + changed.FirstDivergentTick);
            Assert.IsTrue(changed.DifferingComponents.Any(c => c.StartsWith("rule")), string.Join(", ", changed.DifferingComponents));

            // A reward removed (0 = none): the rules' reward baseline no longer moves.
            VerifyResult removed = Verify(TestLogs.RewardNetwork(3), Perturb(frames, 73, r => r.RewardQ16 = 0));
            Assert.IsTrue(removed.Diverged);
            Assert.IsTrue(removed.FirstDivergentTick >= 73);

            // The same log against a network without the rules is not the network it was recorded from.
            Assert.ThrowsExactly<TelemetryMismatchException>(() => Verify(SensorNetwork.Build(3), frames));
        }

        [TestMethod]
        public void SupervisedLearningReplaysBitExactAndAChangedTargetDiverges()
        {
            TelemetryOptions options = new TelemetryOptions { HashIntervalTicks = 40, ComponentHashes = true };
            Network recorded = TestLogs.EpropNetwork(5, out _);
            short[] before = (short[])recorded.FindProjection("rec-out").Weights.Clone();
            List<byte[]> frames = TestLogs.SupervisedRun(recorded, 5, 800, options).Frames;
            Assert.IsFalse(before.AsSpan().SequenceEqual(recorded.FindProjection("rec-out").Weights), "e-prop learned: the test can fail");

            VerifyResult exact = Verify(TestLogs.EpropNetwork(5, out _), frames);
            Assert.IsTrue(exact.BitExact, exact.IncompleteReason);

            VerifyResult target = Verify(TestLogs.EpropNetwork(5, out _), Perturb(frames, 201, r => r.TargetsQ16[0] += 5000));
            Assert.IsTrue(target.Diverged);
            Assert.IsTrue(target.FirstDivergentTick >= 201 && target.FirstDivergentTick <= 239, "detected at " + target.FirstDivergentTick);
            Assert.IsTrue(target.DifferingComponents.Count > 0);

            VerifyResult valid = Verify(TestLogs.EpropNetwork(5, out _), Perturb(frames, 302, r => r.TargetValid = true));
            Assert.IsTrue(valid.Diverged, "tick 302 was supervised as invalid; valid changes learning");
        }

        [TestMethod]
        public void AChangedSpikeDivergesAndSaysWhere()
        {
            List<byte[]> frames = TestLogs.SensorRun(8, 600, new TelemetryOptions { HashIntervalTicks = 50, ComponentHashes = true }, out _).Frames;
            VerifyResult r = Verify(SensorNetwork.Build(8), Perturb(frames, 120, rec =>
            {
                rec.Spikes = rec.Spikes.Length == 0 ? new[] { 0, 1, 2, 3 } : Array.Empty<int>();
                rec.SpikeEncoding = TelemetryFormat.SpikesAscending;
            }));
            Assert.IsTrue(r.Diverged);
            Assert.IsTrue(r.FirstDivergentTick >= 120 && r.FirstDivergentTick <= 149, "detected at " + r.FirstDivergentTick);
            Assert.AreEqual(99L, r.LastMatchingTick);
        }

        [TestMethod]
        public void AChangedHashIsReportedAtItsTickWithBothValues()
        {
            List<byte[]> frames = TestLogs.SensorRun(9, 600, new TelemetryOptions { HashIntervalTicks = 50, ComponentHashes = true }, out _).Frames;
            uint original = 0;
            VerifyResult r = Verify(SensorNetwork.Build(9), Perturb(frames, 249, rec => { original = rec.StateHash; rec.StateHash ^= 0x10; }));
            Assert.IsTrue(r.Diverged);
            Assert.AreEqual(249L, r.FirstDivergentTick);
            Assert.AreEqual("state hash", r.DivergentCheck);
            Assert.AreEqual((long)(original ^ 0x10), r.LogValue);
            Assert.AreEqual((long)original, r.ReplayValue);
            Assert.AreEqual(199L, r.LastMatchingTick);
            Assert.AreEqual(0, r.DifferingComponents.Count, "only the combined hash was forged");
        }

        [TestMethod]
        public void AChangedActivityIsCaughtOnItsOwnTick()
        {
            List<byte[]> frames = TestLogs.SensorRun(9, 300, new TelemetryOptions { HashIntervalTicks = 100 }, out _).Frames;
            VerifyResult r = Verify(SensorNetwork.Build(9), Perturb(frames, 170, rec => rec.Activity += 1));
            Assert.IsTrue(r.Diverged);
            Assert.AreEqual(170L, r.FirstDivergentTick);
            Assert.AreEqual("activity", r.DivergentCheck);
        }

        [TestMethod]
        public void ALostFrameStopsTheReplayAsIncompleteNotDivergent()
        {
            List<byte[]> frames = TestLogs.SensorRun(10, 400, new TelemetryOptions { HashIntervalTicks = 50, TicksPerFrame = 32 }, out _).Frames;
            VerifyResult r = Verify(SensorNetwork.Build(10), frames.Where((f, i) => i != 3));
            Assert.IsFalse(r.Diverged);
            Assert.IsFalse(r.Complete);
            Assert.IsFalse(r.BitExact);
            Assert.AreEqual(64L, r.Ticks);
            StringAssert.Contains(r.IncompleteReason, "missing");
            Assert.AreEqual(1L, r.FramesLost);

            // Losing the last frames before the end frame is caught by the end frame.
            VerifyResult tail = Verify(SensorNetwork.Build(10), frames.Where((f, i) => i != frames.Count - 2));
            Assert.IsFalse(tail.Complete);
            StringAssert.Contains(tail.IncompleteReason, "end frame");
        }

        [TestMethod]
        public void WithoutAnyHashNothingIsProved()
        {
            List<byte[]> frames = TestLogs.SensorRun(11, 100, new TelemetryOptions { HashIntervalTicks = 0 }, out _).Frames;
            VerifyResult r = Verify(SensorNetwork.Build(11), frames.Take(frames.Count - 1)); // no end frame either
            Assert.IsFalse(r.BitExact);
            StringAssert.Contains(r.IncompleteReason, "no state hash");
        }

        [TestMethod]
        public void HeaderMustDescribeTheModelAndItsState()
        {
            List<byte[]> frames = TestLogs.SensorRun(12, 100, new TelemetryOptions(), out _).Frames;
            StringAssert.Contains(Assert.ThrowsExactly<TelemetryMismatchException>(() => Verify(SensorNetwork.Build(13), frames)).Message, "seed");
            Network advanced = SensorNetwork.Build(12);
            advanced.Step(null, 0);
            StringAssert.Contains(Assert.ThrowsExactly<TelemetryMismatchException>(() => Verify(advanced, frames)).Message, "--save-initial");
            StringAssert.Contains(Assert.ThrowsExactly<TelemetryMismatchException>(() => Verify(SensorNetwork.Build(12), frames.Skip(1))).Message, "stream header");
            Assert.ThrowsExactly<TelemetryMismatchException>(() => Verify(SensorNetwork.Build(12), new[] { new byte[100] }));
        }
    }
}
