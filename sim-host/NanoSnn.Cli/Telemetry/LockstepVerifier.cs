using System;
using System.Collections.Generic;
using System.Globalization;

namespace NanoSnn.Cli.Telemetry
{
    /// <summary>A log that cannot be replayed against a model at all: no stream header, or a header that does not describe the model.</summary>
    public sealed class TelemetryMismatchException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public TelemetryMismatchException(string message) : base(message) { }
    }

    /// <summary>What a lockstep replay found.</summary>
    public sealed class VerifyResult
    {
        /// <summary>True when every check matched, the replay reached the end of the stream and at least one state hash was compared.</summary>
        public bool BitExact { get { return !Diverged && Complete && HashesChecked + (FinalHashChecked ? 1 : 0) > 0; } }
        /// <summary>Whether a check failed.</summary>
        public bool Diverged;
        /// <summary>Whether the replay covered the whole stream (no gap, no missing frame at the end that it could see).</summary>
        public bool Complete = true;
        /// <summary>Why the replay is not complete or proves nothing, or null.</summary>
        public string IncompleteReason;
        /// <summary>Tick of the first record (the stream's start tick).</summary>
        public long StartTick;
        /// <summary>Ticks replayed (up to and including a divergent one).</summary>
        public long Ticks;
        /// <summary>State hashes compared (records), all matching unless <see cref="Diverged"/>.</summary>
        public long HashesChecked;
        /// <summary>Activity counts compared.</summary>
        public long ActivityChecked;
        /// <summary>Ticks replayed with every rule enabled (learning on).</summary>
        public long LearningTicks;
        /// <summary>Times the recorded enabled rules changed between replayed ticks (learning switched on or off).</summary>
        public long LearningSwitches;
        /// <summary>Whether the end frame's final hash was compared.</summary>
        public bool FinalHashChecked;
        /// <summary>The record tick at which a check first failed (Network.Tick before that step), or -1.</summary>
        public long FirstDivergentTick = -1;
        /// <summary>Which check failed: "state hash", "activity" or "final state hash".</summary>
        public string DivergentCheck;
        /// <summary>The log's value of the failed check (a hash or a spike count): what the device computed.</summary>
        public long LogValue;
        /// <summary>The replay's value.</summary>
        public long ReplayValue;
        /// <summary>Whether the values are hashes (printed in hex).</summary>
        public bool ValuesAreHashes;
        /// <summary>The record tick after whose step the state hash last matched, or -1 when only the start state matched.</summary>
        public long LastMatchingTick = -1;
        /// <summary>Names of the components whose hashes differ (empty when the log has no component hashes or the divergence was not a hash).</summary>
        public readonly List<string> DifferingComponents = new List<string>();
        /// <summary>Whether the log has component hashes with its state hashes.</summary>
        public bool HasComponentHashes;
        /// <summary>Whether the stream ended with an end frame.</summary>
        public bool HasEnd;
        /// <summary>Records ignored because their tick was already replayed (duplicated frames).</summary>
        public long DuplicateRecords;
        /// <summary>Stream headers after the first (the replay stops at the second).</summary>
        public bool MoreStreams;
        /// <summary>Decoder counts.</summary>
        public long FramesRead, FramesSkipped, BytesSkipped, FramesLost;
        /// <summary>The stream header.</summary>
        public TelemetryStreamHeader Header;
    }

    /// <summary>
    /// Replays a telemetry log through a network loaded from the model the log starts from,
    /// in the per-tick order of <see cref="TelemetryFormat"/>: every rule's Enabled as the frame
    /// recorded it (learning switched on or off, as <see cref="Controller.Learning"/> does),
    /// reward (when ≠ 0), supervision (when recorded), step; then compares the record's activity
    /// count and state hash. Whatever rules the network carries learn exactly as they did on the
    /// device, because reward and supervision reach them through <see cref="Network.Reward"/> and
    /// <see cref="Network.Supervise"/> and they learn in exactly the recorded ticks.
    /// Stops at the first failed check, at a gap in the ticks (a lost frame: the inputs are
    /// gone) or at a second stream header.
    /// </summary>
    public static class LockstepVerifier
    {
        /// <summary>Replays <paramref name="reader"/> through <paramref name="network"/> (which it advances).</summary>
        /// <exception cref="TelemetryMismatchException">The log has no stream header first, or the header does not describe this network in this state.</exception>
        public static VerifyResult Verify(Network network, TelemetryReader reader)
        {
            VerifyResult result = new VerifyResult();
            try
            {
                Replay(network, reader, result);
            }
            finally
            {
                TelemetryDecoder d = reader.Decoder;
                result.FramesRead = d.FramesRead;
                result.FramesSkipped = d.FramesSkipped;
                result.BytesSkipped = d.BytesSkipped;
                result.FramesLost = d.FramesLost;
            }
            return result;
        }

        private static void Replay(Network network, TelemetryReader reader, VerifyResult result)
        {
            TelemetryFrame first = reader.Next();
            if (first == null)
                throw new TelemetryMismatchException("the log holds no valid telemetry frame (" + reader.Decoder.BytesSkipped + " bytes, "
                    + reader.Decoder.FramesSkipped + " damaged frames" + (reader.Decoder.LastSkipReason == null ? "" : "; last: " + reader.Decoder.LastSkipReason) + ")");
            if (first.Header == null)
                throw new TelemetryMismatchException("the log does not start with a stream header (first valid frame: type " + first.Type + " at byte "
                    + first.Offset + "); without it the starting state is unknown");
            TelemetryStreamHeader h = first.Header;
            result.Header = h;
            result.StartTick = h.StartTick;
            result.HasComponentHashes = h.ComponentHashes;
            CheckHeader(network, h);

            long expectedTick = h.StartTick;
            for (TelemetryFrame frame = reader.Next(); frame != null; frame = reader.Next())
            {
                if (frame.Header != null)
                {
                    result.MoreStreams = true;
                    return;
                }
                if (frame.End != null)
                {
                    result.HasEnd = true;
                    if (frame.End.FinalTick != expectedTick)
                    {
                        Incomplete(result, "the end frame says the stream ended at tick " + Count(frame.End.FinalTick) + " but the records reach only tick "
                            + Count(expectedTick) + " (frames lost before the end)");
                        return;
                    }
                    result.FinalHashChecked = true;
                    uint actual = network.ComputeStateHash();
                    if (actual != frame.End.FinalStateHash)
                    {
                        Diverge(result, expectedTick - 1, "final state hash", frame.End.FinalStateHash, actual, true);
                        return;
                    }
                    continue;
                }
                TelemetryTicks ticks = frame.Ticks;
                if (ticks.InputSize != h.InputSize || (ticks.ComponentCount != 0 && ticks.ComponentCount != TelemetryFormat.ComponentCount(network))
                    || ticks.RulesEnabled.Length != network.Rules.Length)
                    throw new TelemetryMismatchException("the ticks frame at byte " + frame.Offset + " declares " + ticks.InputSize + " inputs, "
                        + ticks.ComponentCount + " component hashes and " + ticks.RulesEnabled.Length + " rules; the stream header and model have "
                        + h.InputSize + ", " + TelemetryFormat.ComponentCount(network) + " and " + network.Rules.Length);
                foreach (TickRecord r in ticks.Records)
                {
                    if (r.Tick < expectedTick)
                    {
                        result.DuplicateRecords++;
                        continue;
                    }
                    if (r.Tick > expectedTick)
                    {
                        Incomplete(result, "ticks " + Count(expectedTick) + ".." + Count(r.Tick - 1) + " are missing from the log (lost or damaged frames); the replay cannot go on without their inputs");
                        return;
                    }
                    if (!Step(network, r, result)) return;
                    expectedTick++;
                }
            }
            // A log without an end frame (a device still running, a capture stopped early) is
            // verified as far as it goes.
            if (result.HashesChecked == 0 && !result.FinalHashChecked)
                Incomplete(result, "the log holds no state hash to compare (record with a hash interval, or finish the stream with an end frame)");
        }

        private static bool Step(Network network, TickRecord r, VerifyResult result)
        {
            // Learning on or off as recorded, set between ticks like Controller.Learning.
            Plasticity[] rules = network.Rules;
            bool switched = false;
            for (int k = 0; k < rules.Length; k++)
            {
                if (result.Ticks > 0 && rules[k].Enabled != r.RulesEnabled[k]) switched = true;
                rules[k].Enabled = r.RulesEnabled[k];
            }
            if (switched) result.LearningSwitches++;
            if (r.Learning) result.LearningTicks++;
            if (r.RewardQ16 != 0) network.Reward(r.RewardQ16);
            if (r.Supervised) network.Supervise(r.TargetsQ16, r.TargetClass, r.TargetValid);
            network.Step(r.Spikes, r.Spikes.Length);
            result.Ticks++;
            if (r.HasActivity)
            {
                result.ActivityChecked++;
                int actual = TelemetryFormat.Activity(network);
                if (actual != r.Activity)
                {
                    Diverge(result, r.Tick, "activity", r.Activity, actual, false);
                    if (r.HasStateHash) CompareComponents(network, r, result);
                    return false;
                }
            }
            if (r.HasStateHash)
            {
                result.HashesChecked++;
                uint actual = network.ComputeStateHash();
                if (actual != r.StateHash)
                {
                    Diverge(result, r.Tick, "state hash", r.StateHash, actual, true);
                    CompareComponents(network, r, result);
                    return false;
                }
                result.LastMatchingTick = r.Tick;
            }
            return true;
        }

        private static void CompareComponents(Network network, TickRecord r, VerifyResult result)
        {
            if (r.ComponentHashes == null) return;
            for (int c = 0; c < r.ComponentHashes.Length; c++)
                if (TelemetryFormat.ComponentHash(network, c) != r.ComponentHashes[c]) result.DifferingComponents.Add(ComponentName(network, c));
        }

        /// <summary>A readable name of component <paramref name="c"/> (see <see cref="TelemetryFormat.ComponentHash"/>).</summary>
        public static string ComponentName(Network network, int c)
        {
            if (c == 0) return "clock (tick and generator)";
            int k = c - 1;
            if (k < network.Populations.Length) return "population '" + network.Populations[k].Name + "'";
            k -= network.Populations.Length;
            if (k < network.Projections.Length) return "projection '" + network.Projections[k].Name + "' weights";
            k -= network.Projections.Length;
            return "rule " + k + " (" + network.Rules[k].GetType().Name + ")";
        }

        private static void Diverge(VerifyResult result, long tick, string check, long expected, long actual, bool hash)
        {
            result.Diverged = true;
            result.FirstDivergentTick = tick;
            result.DivergentCheck = check;
            result.LogValue = expected;
            result.ReplayValue = actual;
            result.ValuesAreHashes = hash;
        }

        private static void Incomplete(VerifyResult result, string reason)
        {
            result.Complete = false;
            result.IncompleteReason = reason;
        }

        private static void CheckHeader(Network network, TelemetryStreamHeader h)
        {
            void Same(string what, long log, long model)
            {
                if (log != model)
                    throw new TelemetryMismatchException("the log was not recorded from this model: " + what + " is " + Count(log) + " in the log and " + Count(model) + " in the model");
            }
            Same("dt (µs)", h.DtUs, network.DtUs);
            Same("seed", h.Seed, network.Seed);
            Same("the number of input channels", h.InputSize, network.InputSize);
            Same("the number of populations", h.Populations, network.Populations.Length);
            Same("the number of projections", h.Projections, network.Projections.Length);
            Same("the number of learning rules", h.Rules, network.Rules.Length);
            uint structure = TelemetryFormat.StructureHash(network);
            if (structure != h.StructureHash)
                throw new TelemetryMismatchException("the log was not recorded from this model: structure hash " + Hash(h.StructureHash) + " in the log, "
                    + Hash(structure) + " for the model (population names, kinds or sizes, projections or rule sizes differ)");
            uint state = network.ComputeStateHash();
            if (network.Tick != h.StartTick || state != h.StartStateHash)
                throw new TelemetryMismatchException("the model is not in the state the log starts from: the log starts at tick " + Count(h.StartTick)
                    + " with state hash " + Hash(h.StartStateHash) + ", the model is at tick " + Count(network.Tick) + " with state hash " + Hash(state)
                    + ". Pass the model saved before the recorded run (nanosnn run --save-initial FILE --record LOG), not a checkpoint from its end.");
        }

        /// <summary>A hash as 0x%08X.</summary>
        public static string Hash(long hash)
        {
            return "0x" + ((uint)hash).ToString("X8", CultureInfo.InvariantCulture);
        }

        private static string Count(long n)
        {
            return n.ToString("N0", CultureInfo.InvariantCulture);
        }
    }
}
