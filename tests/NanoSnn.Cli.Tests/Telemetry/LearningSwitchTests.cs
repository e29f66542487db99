using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoSnn.Cli.Tasks;
using NanoSnn.Cli.Telemetry;
using NanoSnn.Cli.World;

namespace NanoSnn.Cli.Tests.Telemetry
{
    /// <summary>
    /// Learning switched on and off while recording (the operator panel's Learn/Run, a task's
    /// held-out phase, a single rule switched on its own): every ticks frame states the rules'
    /// Enabled flags, the verifier applies them before each step, and a forged flag is caught
    /// at the first tick it governs.
    /// </summary>
    [TestClass]
    public sealed class LearningSwitchTests
    {
        private static VerifyResult Verify(Network fresh, IEnumerable<byte[]> frames)
        {
            return LockstepVerifier.Verify(fresh, new TelemetryReader(new MemoryStream(MemorySink.Join(frames))));
        }

        // Both rules on, except: off for ticks 200-449 and 451-699 (on for the single tick 450),
        // and only rule 1 for ticks 1000-1299. Six switches, 701 ticks with every rule on.
        private static readonly long[] Switches = { 200, 450, 451, 700, 1000, 1300 };

        private static bool[] EnabledAt(int t)
        {
            if ((t >= 200 && t < 450) || (t >= 451 && t < 700)) return new[] { false, false };
            if (t >= 1000 && t < 1300) return new[] { false, true };
            return new[] { true, true };
        }

        /// <summary>
        /// <see cref="TestLogs.RewardRun"/> with learning switched by <see cref="EnabledAt"/>
        /// between ticks; rewards are delivered only while a rule learns, as the controller does.
        /// </summary>
        private static MemorySink ToggledRewardRun(Network network, uint seed, int ticks, TelemetryOptions options, out TelemetryWriter writer)
        {
            MemorySink sink = new MemorySink();
            writer = new TelemetryWriter(network, options, sink);
            writer.Begin();
            Random random = new Random((int)seed);
            int[] spikes = new int[network.InputSize];
            for (int t = 0; t < ticks; t++)
            {
                bool[] enabled = EnabledAt(t);
                for (int r = 0; r < enabled.Length; r++) network.Rules[r].Enabled = enabled[r];
                int n = 0;
                for (int i = 0; i < network.InputSize; i++) if (random.NextDouble() < 0.3) spikes[n++] = i;
                int reward = t % 37 == 36 && enabled.Any(e => e) ? ((t / 37) % 2 == 0 ? 40000 : -25000) : 0;
                if (reward != 0) network.Reward(reward);
                network.Step(spikes, n);
                writer.RecordTick(spikes, n, reward, null, null);
            }
            writer.Finish();
            return sink;
        }

        /// <summary>The frames with the enabled rules of the frame starting at <paramref name="firstTick"/> replaced.</summary>
        private static List<byte[]> Forge(List<byte[]> frames, long firstTick, Func<bool[], bool[]> edit)
        {
            List<byte[]> result = new List<byte[]>();
            int forged = 0;
            foreach (byte[] f in frames)
            {
                TelemetryFrame frame = TestLogs.Decode(f)[0];
                if (frame.Ticks == null || frame.Ticks.FirstTick != firstTick)
                {
                    result.Add(f);
                    continue;
                }
                frame.Ticks.RulesEnabled = edit(frame.Ticks.RulesEnabled);
                byte[] changed = FrameEncoder.Encode(frame);
                Assert.IsFalse(changed.AsSpan().SequenceEqual(f), "the edit changed the frame");
                result.Add(changed);
                forged++;
            }
            Assert.AreEqual(1, forged, "one frame starts at tick " + firstTick);
            return result;
        }

        [TestMethod]
        public void LearningSwitchedSeveralTimesReplaysBitExactAndEachSwitchStartsAFrame()
        {
            TelemetryOptions options = new TelemetryOptions { HashIntervalTicks = 1, ComponentHashes = true };
            Network recorded = TestLogs.RewardNetwork(21);
            List<byte[]> frames = ToggledRewardRun(recorded, 21, 1500, options, out TelemetryWriter writer).Frames;
            Assert.AreEqual(6L, writer.LearningSwitches);

            List<TelemetryFrame> decoded = TestLogs.Decode(MemorySink.Join(frames));
            TickRecord[] records = decoded.Where(f => f.Ticks != null).SelectMany(f => f.Ticks.Records).ToArray();
            Assert.AreEqual(1500, records.Length);
            for (int t = 0; t < 1500; t++) CollectionAssert.AreEqual(EnabledAt(t), records[t].RulesEnabled, "tick " + t);
            foreach (long s in Switches) Assert.IsTrue(decoded.Any(f => f.Ticks != null && f.Ticks.FirstTick == s), "a frame starts at switch " + s);

            VerifyResult r = Verify(TestLogs.RewardNetwork(21), frames);
            Assert.IsTrue(r.BitExact, r.IncompleteReason + " " + r.DivergentCheck + " at " + r.FirstDivergentTick);
            Assert.AreEqual(1500L, r.Ticks);
            Assert.AreEqual(1500L, r.HashesChecked);
            Assert.AreEqual(6L, r.LearningSwitches);
            Assert.AreEqual(701L, r.LearningTicks);
        }

        [TestMethod]
        public void AFlippedLearningFlagIsCaughtAtTheFirstTickOfItsFrame()
        {
            TelemetryOptions options = new TelemetryOptions { HashIntervalTicks = 1, ComponentHashes = true };
            List<byte[]> frames = ToggledRewardRun(TestLogs.RewardNetwork(22), 22, 1500, options, out _).Frames;

            // Every switch, flipped: the replay learns where the device did not, or the reverse.
            foreach (long s in Switches)
            {
                VerifyResult r = Verify(TestLogs.RewardNetwork(22), Forge(frames, s, e => e.Select(x => !x).ToArray()));
                Assert.IsTrue(r.Diverged, "switch at " + s);
                Assert.AreEqual(s, r.FirstDivergentTick, "switch at " + s);
                Assert.AreEqual(s - 1, r.LastMatchingTick);
                Assert.IsTrue(r.DifferingComponents.Any(c => c.StartsWith("rule")), string.Join(", ", r.DifferingComponents));
            }

            // One rule's flag alone: rule 0 said to learn in ticks 1000-1299, where only rule 1 did.
            VerifyResult one = Verify(TestLogs.RewardNetwork(22), Forge(frames, 1000, e => new[] { true, e[1] }));
            Assert.AreEqual(1000L, one.FirstDivergentTick);
            CollectionAssert.Contains(one.DifferingComponents, "rule 0 (RewardStdp)");
            CollectionAssert.DoesNotContain(one.DifferingComponents, "rule 1 (RewardStdp)");

            // A frame in the middle of a phase (not at a switch) is checked as well.
            long middle = TestLogs.Decode(MemorySink.Join(frames)).First(f => f.Ticks != null && f.Ticks.FirstTick > 720).Ticks.FirstTick;
            VerifyResult mid = Verify(TestLogs.RewardNetwork(22), Forge(frames, middle, e => new[] { false, false }));
            Assert.AreEqual(middle, mid.FirstDivergentTick);
        }

        [TestMethod]
        public void AFrameForAnotherNumberOfRulesIsNotThisModelsLog()
        {
            List<byte[]> frames = ToggledRewardRun(TestLogs.RewardNetwork(23), 23, 100, new TelemetryOptions(), out _).Frames;
            TelemetryMismatchException e = Assert.ThrowsExactly<TelemetryMismatchException>(
                () => Verify(TestLogs.RewardNetwork(23), Forge(frames, 0, x => new[] { true, true, true })));
            StringAssert.Contains(e.Message, "3 rules");
            StringAssert.Contains(e.Message, "and 2");
        }

        [TestMethod]
        public void BitsBeyondTheRuleCountAndVersion1FramesAreRejected()
        {
            List<byte[]> frames = ToggledRewardRun(TestLogs.RewardNetwork(24), 24, 40, new TelemetryOptions { HashIntervalTicks = 10 }, out _).Frames;
            byte[] ticks = frames[1];
            TelemetryFrame frame = TestLogs.Decode(ticks)[0];
            Assert.AreEqual(2, frame.Ticks.RulesEnabled.Length);
            // Prefix: first tick 0, input size (1 byte), 3 channel counts, component count 0, rule count 2, bitmap.
            int bitmap = 8 + 1 + 1 + 3 + 1 + 1;
            Assert.AreEqual(2, ticks[bitmap - 1]);
            Assert.AreEqual(3, ticks[bitmap]);
            byte[] forged = (byte[])ticks.Clone();
            forged[bitmap] = 0x07;
            FrameEncoder.FixCrc(forged);
            List<TelemetryFrame> none = TestLogs.Decode(forged, out TelemetryDecoder decoder);
            Assert.AreEqual(0, none.Count);
            StringAssert.Contains(decoder.LastSkipReason, "bits set beyond rule 1");

            // A v1 frame (no enabled rules) is whole but unusable: skipped with the reason.
            byte[] v1 = FrameEncoder.Frame(TelemetryFormat.FrameTicks, 0, ticks.Skip(8).Take(ticks.Length - 12).ToArray(), version: 1);
            Assert.AreEqual(0, TestLogs.Decode(v1, out decoder).Count);
            Assert.AreEqual(1L, decoder.FramesSkipped);
            StringAssert.Contains(decoder.LastSkipReason, "version 1 (this build reads 2)");
            StringAssert.Contains(decoder.LastSkipReason, "record the run again");
        }

        // ---- a device run: the operator panel in the robot world ----

        private sealed class TestButton : ButtonBase
        {
            public TestButton() : base(true, 0, 2000000) { LevelHigh = true; }
            public bool LevelHigh;
            protected override bool ReadLevelHigh() { return LevelHigh; }
        }

        /// <summary>A bridge motor that drives one wheel of the simulated robot: the signed duty becomes its percent command.</summary>
        private sealed class WorldMotor : MotorDriverBase
        {
            private readonly RobotWorld _world;
            private readonly int[] _commands;
            private readonly int _index;

            public WorldMotor(RobotWorld world, int[] commands, int index) : base(0, 0, 2 * FullScalePer10k)
            {
                _world = world;
                _commands = commands;
                _index = index;
            }

            protected override void WriteBridge(int inputAPer10k, int inputBPer10k)
            {
                _commands[_index] = (inputAPer10k - inputBPer10k) / 100;
                _world.Write(_commands);
            }
        }

        /// <summary>
        /// What the firmware does, in the simulated world: the panel boots in Safe, the telemetry
        /// observer is attached after it, the mode button is clicked Safe → Learn → Run → Safe →
        /// Learn → Run, the reward button is pressed in Learn (rewards) and in Run (dropped),
        /// checkpoints are written mid-run (a long press and a timer). The log replays bit-exact
        /// with a state hash every tick; a checkpoint changes nothing; and the Learn phase's first
        /// frame, forged to say off, diverges at the click's tick.
        /// </summary>
        [TestMethod]
        public void AnOperatorPanelRunSwitchingLearnAndRunReplaysBitExact()
        {
            RobotSpec spec = new RobotSpec();
            RobotWorld world = new RobotWorld(BuiltInArenas.Find("a"), spec, 1000, 5);
            AvoidanceBrain brain = AvoidanceBrain.Build(RobotSetup.AvoidanceParameters(spec), 5, 0);
            Network network = brain.Network;
            int[] wheel = new int[2];
            ActuatorBank bank = new ActuatorBank(new MotorDriverBase[] { new WorldMotor(world, wheel, 0), new WorldMotor(world, wheel, 1) }, null, null);
            ButtonRewardSignal signal = new ButtonRewardSignal(brain.Reward);
            Controller controller = new Controller(network, world, brain.Encoder, brain.Decoder, bank, signal);
            TestButton mode = new TestButton();
            TestButton rewardButton = new TestButton();
            OperatorPanel panel = new OperatorPanel(controller, bank, mode, rewardButton, signal, null);
            Assert.IsFalse(controller.Learning, "the panel boots in Safe");

            byte[] initial = new byte[ModelWriter.MeasureBytes(network, true)];
            ModelWriter.Write(network, true, initial, 0);
            MemorySink sink = new MemorySink();
            TelemetryObserver observer = new TelemetryObserver(controller, sink, new TelemetryOptions { HashIntervalTicks = 1, ComponentHashes = true });
            controller.Observer = observer;
            byte[] checkpoint = new byte[initial.Length];
            short[] before = (short[])network.FindProjection("in-left").Weights.Clone();

            // Presses at these ticks (released 50 ticks later): clicks of the mode button, one held 2.2 s, and the reward button.
            long[] clicks = { 500, 9000, 12000, 14000, 24000 };   // Learn, Run, Safe, Learn, Run
            const long hold = 16000;                              // a long press in Learn: a checkpoint request
            long[] rewards = { 3000, 6000, 10000, 18000 };        // in Learn, Learn, Run (dropped), Learn
            List<long> learnStarts = new List<long>();
            int checkpoints = 0;
            const int ticks = 28000;
            for (long t = 0; t < ticks; t++)
            {
                long nowUs = t * 1000;
                if (clicks.Contains(t) || t == hold) mode.LevelHigh = false;
                if (clicks.Any(c => t == c + 50) || t == hold + 2200) mode.LevelHigh = true;
                if (rewards.Contains(t)) rewardButton.LevelHigh = false;
                if (rewards.Any(c => t == c + 50)) rewardButton.LevelHigh = true;
                bool wasLearning = controller.Learning;
                panel.Update(nowUs);
                if (controller.Learning && !wasLearning) learnStarts.Add(network.Tick);
                controller.Tick();
                world.Step();
                bool requested = panel.TakeCheckpointRequest();
                if (requested || t % 5000 == 4999)
                {
                    uint hash = network.ComputeStateHash();
                    ModelWriter.Write(network, true, checkpoint, 0);
                    Assert.AreEqual(hash, network.ComputeStateHash(), "a checkpoint does not change the state");
                    checkpoints++;
                }
            }
            observer.Writer.Finish();
            Assert.AreEqual(OperatorMode.Run, panel.Mode);
            Assert.AreEqual(1L, panel.CheckpointRequests);
            Assert.AreEqual(ticks / 5000 + 1, checkpoints);
            Assert.AreEqual(4L, panel.ButtonRewards, "every press was taken (the one in Run is dropped by the controller)");
            CollectionAssert.AreEqual(new long[] { 550, 14050 }, learnStarts, "a click takes effect when the button is released");
            Assert.IsFalse(before.AsSpan().SequenceEqual(network.FindProjection("in-left").Weights), "the network learned in Learn: the test can fail");
            Assert.AreEqual(4L, observer.Writer.LearningSwitches, "Safe→Learn, Learn→Run, Safe→Learn, Learn→Run (Run→Safe keeps learning off)");

            VerifyResult r = Verify(ModelReader.Load(initial), sink.Frames);
            Assert.IsTrue(r.BitExact, r.IncompleteReason + " " + r.DivergentCheck + " at " + r.FirstDivergentTick + " " + string.Join(", ", r.DifferingComponents));
            Assert.AreEqual((long)ticks, r.Ticks);
            Assert.AreEqual((long)ticks, r.HashesChecked);
            Assert.AreEqual(4L, r.LearningSwitches);
            Assert.AreEqual((9050L - 550) + (24050 - 14050), r.LearningTicks);

            // The first Learn frame forged to say off: caught at the click.
            VerifyResult forged = Verify(ModelReader.Load(initial), Forge(sink.Frames, learnStarts[0], e => new bool[e.Length]));
            Assert.IsTrue(forged.Diverged);
            Assert.AreEqual(learnStarts[0], forged.FirstDivergentTick);
        }
    }
}
