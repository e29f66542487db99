using System.Collections.Generic;

namespace NanoSnn.Cli.Tasks
{
    /// <summary>One named metric of a robot run: a JSON key, a label for the table, a value (NaN = not measured) and a unit.</summary>
    public sealed class RobotMetric
    {
        /// <summary>Creates a metric.</summary>
        public RobotMetric(string key, string label, double value, string format, string unit)
        {
            Key = key;
            Label = label;
            Value = value;
            Format = format;
            Unit = unit;
        }

        /// <summary>JSON key (snake case).</summary>
        public readonly string Key;

        /// <summary>Row label of the summary table.</summary>
        public readonly string Label;

        /// <summary>Value; NaN when it could not be measured.</summary>
        public readonly double Value;

        /// <summary>.NET format of the table cell.</summary>
        public readonly string Format;

        /// <summary>Unit shown after the value ("" for none).</summary>
        public readonly string Unit;
    }

    /// <summary>What a robot task measured, with everything the report and the figure need.</summary>
    public sealed class RobotTaskResult
    {
        /// <summary>Task name: avoid, imitate or adapt.</summary>
        public string Task;

        /// <summary>Seed.</summary>
        public uint Seed;

        /// <summary>Simulated minutes.</summary>
        public double Minutes;

        /// <summary>One-line description of the setup (arenas, change, phases).</summary>
        public string Setup;

        /// <summary>The metrics, in report order.</summary>
        public readonly List<RobotMetric> Metrics = new List<RobotMetric>();

        /// <summary>Whether each acceptance criterion of the task held, with its wording.</summary>
        public readonly List<(string Criterion, bool Met)> Checks = new List<(string, bool)>();

        /// <summary>The per-tick log (curves, trajectory, raster).</summary>
        public RobotLog Log;

        /// <summary>The controller's network after the run.</summary>
        public Network Network;

        /// <summary>Weights of the learned projections at the start (same order as <see cref="LearnedProjections"/>).</summary>
        public readonly List<short[]> InitialWeights = new List<short[]>();

        /// <summary>The projections that learned.</summary>
        public readonly List<Projection> LearnedProjections = new List<Projection>();

        /// <summary>
        /// Weights of the learned projections at the end (same order), brought up to date as
        /// <see cref="Network.Synchronize"/> would, but read from a copy: the run's network is
        /// not synchronized, because a catch-up changes later rounding draws (the saved checkpoint
        /// and a recorded log's final hash stay the state of the run as it was).
        /// </summary>
        public readonly List<short[]> FinalWeights = new List<short[]>();

        /// <summary>Ticks simulated.</summary>
        public long Ticks;

        /// <summary>Wall-clock seconds of the simulation.</summary>
        public double WallSeconds;

        /// <summary>The network's state hash after the run.</summary>
        public uint StateHash;

        /// <summary>The value of a metric by key, or NaN.</summary>
        public double Metric(string key)
        {
            foreach (RobotMetric m in Metrics) if (m.Key == key) return m.Value;
            return double.NaN;
        }

        /// <summary>Adds a metric.</summary>
        public void Add(string key, string label, double value, string format, string unit)
        {
            Metrics.Add(new RobotMetric(key, label, value, format, unit));
        }
    }
}
