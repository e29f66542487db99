using System;

namespace NanoSnn.Cli.Telemetry
{
    /// <summary>
    /// Running figures of a telemetry stream for <c>nanosnn monitor</c>: ticks, input and
    /// network spike rates, rewards, outputs, frames read, skipped and lost. Rates are per
    /// simulated second (dt from the stream header or the ticks' own count when no header was seen).
    /// </summary>
    public sealed class TelemetryStats
    {
        /// <summary>Figures over one span of ticks.</summary>
        public sealed class Span
        {
            /// <summary>Ticks received.</summary>
            public long Ticks;
            /// <summary>Input spikes.</summary>
            public long InputSpikes;
            /// <summary>Spikes of the non-input populations (ticks with an activity count only).</summary>
            public long NetworkSpikes;
            /// <summary>Ticks that carried an activity count.</summary>
            public long ActivityTicks;
            /// <summary>Rewards delivered and their sum (Q16).</summary>
            public long Rewards, RewardSumQ16;
            /// <summary>Supervised ticks.</summary>
            public long Supervised;
            /// <summary>Ticks with every rule enabled (learning on).</summary>
            public long LearningTicks;

            /// <summary>Resets the span.</summary>
            public void Clear()
            {
                Ticks = InputSpikes = NetworkSpikes = ActivityTicks = Rewards = RewardSumQ16 = Supervised = LearningTicks = 0;
            }
        }

        /// <summary>Since the start.</summary>
        public readonly Span Total = new Span();

        /// <summary>Since the last <see cref="Window"/>.Clear() (the live display's refresh).</summary>
        public readonly Span Window = new Span();

        /// <summary>The latest stream header, or null.</summary>
        public TelemetryStreamHeader Header;

        /// <summary>Stream headers seen (restarts).</summary>
        public int Streams;

        /// <summary>Whether an end frame was seen, and the last one.</summary>
        public TelemetryEnd End;

        /// <summary>The latest tick received, or -1.</summary>
        public long LastTick = -1;

        /// <summary>Ticks missing between received records (lost frames).</summary>
        public long TicksMissing;

        /// <summary>State hashes received.</summary>
        public long Hashes;

        /// <summary>The latest state hash received and its tick.</summary>
        public uint LastHash;

        /// <summary>Record tick of <see cref="LastHash"/>, or -1.</summary>
        public long LastHashTick = -1;

        /// <summary>Latest reward (Q16) and its tick, or -1.</summary>
        public int LastRewardQ16;

        /// <summary>Tick of <see cref="LastRewardQ16"/>, or -1.</summary>
        public long LastRewardTick = -1;

        /// <summary>Latest decoded outputs, or null.</summary>
        public int[] Outputs;

        /// <summary>Latest sensor samples, or null.</summary>
        public int[] Sensors;

        /// <summary>Input channels (from the header or the latest ticks frame).</summary>
        public int InputSize;

        /// <summary>The enabled rules of the latest tick, or null before the first tick.</summary>
        public bool[] RulesEnabled;

        /// <summary>Times the enabled rules changed between consecutive received ticks (learning switched on or off).</summary>
        public long LearningSwitches;

        /// <summary>Takes one frame in.</summary>
        public void Add(TelemetryFrame frame)
        {
            if (frame.Header != null)
            {
                Header = frame.Header;
                InputSize = frame.Header.InputSize;
                Streams++;
                LastTick = frame.Header.StartTick - 1;
                return;
            }
            if (frame.End != null)
            {
                End = frame.End;
                return;
            }
            InputSize = frame.Ticks.InputSize;
            foreach (TickRecord r in frame.Ticks.Records)
            {
                if (LastTick >= 0 && r.Tick > LastTick + 1) TicksMissing += r.Tick - LastTick - 1;
                if (r.Tick <= LastTick && LastTick >= 0) continue; // a duplicate
                if (RulesEnabled != null && r.Tick == LastTick + 1 && !r.RulesEnabled.AsSpan().SequenceEqual(RulesEnabled)) LearningSwitches++;
                RulesEnabled = r.RulesEnabled;
                LastTick = r.Tick;
                Add(Total, r);
                Add(Window, r);
                if (r.HasStateHash)
                {
                    Hashes++;
                    LastHash = r.StateHash;
                    LastHashTick = r.Tick;
                }
                if (r.RewardQ16 != 0)
                {
                    LastRewardQ16 = r.RewardQ16;
                    LastRewardTick = r.Tick;
                }
                if (r.Outputs != null) Outputs = r.Outputs;
                if (r.Sensors != null) Sensors = r.Sensors;
            }
        }

        private static void Add(Span s, TickRecord r)
        {
            s.Ticks++;
            s.InputSpikes += r.Spikes.Length;
            if (r.HasActivity)
            {
                s.ActivityTicks++;
                s.NetworkSpikes += r.Activity;
            }
            if (r.RewardQ16 != 0)
            {
                s.Rewards++;
                s.RewardSumQ16 += r.RewardQ16;
            }
            if (r.Supervised) s.Supervised++;
            if (r.Learning) s.LearningTicks++;
        }

        /// <summary>The learning state of the latest tick as text: "on", "off", "k of n rules enabled", "no rules" or "-".</summary>
        public string LearningText()
        {
            if (RulesEnabled == null) return "-";
            if (RulesEnabled.Length == 0) return "no rules";
            int on = Array.FindAll(RulesEnabled, e => e).Length;
            return on == RulesEnabled.Length ? "on" : on == 0 ? "off" : on + " of " + RulesEnabled.Length + " rules enabled";
        }

        /// <summary>Tick length in seconds (1 ms when no header was seen).</summary>
        public double DtSeconds { get { return (Header == null ? 1000 : Header.DtUs) / 1e6; } }

        /// <summary>Input spikes per simulated second per input channel, over <paramref name="s"/>.</summary>
        public double InputRateHz(Span s)
        {
            return s.Ticks == 0 || InputSize == 0 ? 0 : s.InputSpikes / (s.Ticks * DtSeconds) / InputSize;
        }

        /// <summary>Network (non-input) spikes per simulated second, over <paramref name="s"/>.</summary>
        public double NetworkSpikesPerSecond(Span s)
        {
            return s.ActivityTicks == 0 ? 0 : s.NetworkSpikes / (s.ActivityTicks * DtSeconds);
        }

        /// <summary>Mean reward per delivery over <paramref name="s"/>, in reward units (Q16 / 65536).</summary>
        public static double MeanReward(Span s)
        {
            return s.Rewards == 0 ? 0 : s.RewardSumQ16 / 65536.0 / s.Rewards;
        }

        /// <summary>The outputs as text, or "-".</summary>
        public string OutputsText()
        {
            return Outputs == null ? "-" : string.Join(" ", Outputs);
        }
    }
}
