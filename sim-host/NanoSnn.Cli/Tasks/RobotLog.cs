using System;
using System.Collections.Generic;
using NanoSnn.Cli.World;

namespace NanoSnn.Cli.Tasks
{
    /// <summary>
    /// What a robot run leaves for the report and the plots, gathered tick by tick: per-second
    /// counters (collisions, contact, score, imitation error), the trajectory, a spike raster of
    /// one window. Plain .NET collections: this is the simulator's side, not the controller's.
    /// </summary>
    public sealed class RobotLog
    {
        /// <summary>Ticks per trajectory sample (100 ms at 1 ms ticks).</summary>
        public const int TrajectoryStride = 100;

        /// <summary>Side of the exploration grid's cells, m.</summary>
        public const double CellM = 0.25;

        /// <summary>Length of the raster window, ticks (2 s at 1 ms ticks).</summary>
        public const int RasterTicksLength = 2000;

        private readonly HashSet<int> _cells = new HashSet<int>();
        private long _rasterArm = long.MaxValue;
        private int _rasterProximity = int.MaxValue;
        private long _rasterFallback = long.MaxValue;

        private readonly int _ticksPerSecond;
        private readonly Population[] _rasterPopulations;
        private readonly int[] _rasterRow;
        private long _lastCollisions;
        private long _lastContact;
        private double _scoreSum;
        private int _scoreCount;
        private double _errSum, _targetSum, _targetSqSum;
        private int _errCount;
        private int _tickInSecond;

        /// <summary>Creates a log for ticks of <paramref name="dtUs"/> µs; the raster covers <paramref name="rasterPopulations"/>.</summary>
        public RobotLog(int dtUs, Population[] rasterPopulations)
        {
            _ticksPerSecond = 1000000 / dtUs;
            _rasterPopulations = rasterPopulations;
            _rasterRow = new int[rasterPopulations.Length + 1];
            for (int p = 0; p < rasterPopulations.Length; p++) _rasterRow[p + 1] = _rasterRow[p] + rasterPopulations[p].Size;
        }

        /// <summary>Collisions in each simulated second.</summary>
        public readonly List<int> CollisionsPerSecond = new List<int>();

        /// <summary>Ticks in contact in each simulated second.</summary>
        public readonly List<int> ContactTicksPerSecond = new List<int>();

        /// <summary>Mean score (forward progress minus collision penalty) of each second's control steps, or NaN.</summary>
        public readonly List<double> ScorePerSecond = new List<double>();

        /// <summary>Imitation: sum of squared command errors, of targets and of squared targets, and the count, per second (NaN-free; count 0 when not measured).</summary>
        public readonly List<(double Err, double Sum, double SumSq, int Count)> ImitationPerSecond = new List<(double, double, double, int)>();

        /// <summary>Distinct 25 cm cells the robot entered in each simulated minute (exploration).</summary>
        public readonly List<int> CellsPerMinute = new List<int>();

        /// <summary>Metres driven in each simulated minute.</summary>
        public readonly List<double> MetresPerMinute = new List<double>();

        private double _lastPath;

        /// <summary>Phase of each second (index into <see cref="PhaseNames"/>).</summary>
        public readonly List<int> PhasePerSecond = new List<int>();

        /// <summary>Names of the phases of the run, in order.</summary>
        public readonly List<string> PhaseNames = new List<string>();

        /// <summary>Trajectory samples: x, y (m) and the phase.</summary>
        public readonly List<(double X, double Y, int Phase)> Trajectory = new List<(double, double, int)>();

        /// <summary>Where and when (tick) each collision was counted.</summary>
        public readonly List<(double X, double Y, long Tick)> CollisionPoints = new List<(double, double, long)>();

        private long _seenCollisions;
        private long _seenSteps;

        /// <summary>Arena of each phase (for drawing).</summary>
        public readonly List<Arena> PhaseArenas = new List<Arena>();

        /// <summary>Raster window start tick (inclusive) and end tick (exclusive); empty when end ≤ start.</summary>
        public long RasterStart, RasterEnd;

        /// <summary>Raster dots: tick offset within the window and row.</summary>
        public readonly List<int> RasterTicks = new List<int>(), RasterRows = new List<int>();

        /// <summary>First raster row of each population and the total (length populations + 1).</summary>
        public int[] RasterRowStarts => _rasterRow;

        /// <summary>The populations of the raster.</summary>
        public Population[] RasterPopulations => _rasterPopulations;

        /// <summary>Current phase.</summary>
        public int Phase { get; private set; } = -1;

        /// <summary>
        /// Records the raster from tick <paramref name="start"/> if it is not negative; otherwise from the
        /// first tick after <paramref name="armTick"/> at which a distance sensor reads at least
        /// <paramref name="proximity"/> (an encounter, where the motor populations have something to do),
        /// or at <paramref name="fallbackTick"/> if no encounter came by then.
        /// </summary>
        public void ConfigureRaster(long start, long armTick, int proximity, long fallbackTick)
        {
            _rasterFallback = fallbackTick;
            if (start >= 0)
            {
                RasterStart = start;
                RasterEnd = start + RasterTicksLength;
                return;
            }
            _rasterArm = armTick;
            _rasterProximity = proximity;
        }

        /// <summary>Starts a new phase (a label for the plots and the report).</summary>
        public void BeginPhase(string name, Arena arena)
        {
            PhaseNames.Add(name);
            PhaseArenas.Add(arena);
            Phase = PhaseNames.Count - 1;
        }

        /// <summary>Adds one imitation comparison (network command vs teacher command, %).</summary>
        public void AddImitation(double command, double target)
        {
            double e = command - target;
            _errSum += e * e;
            _targetSum += target;
            _targetSqSum += target * target;
            _errCount++;
        }

        /// <summary>Call after every tick (controller tick and world step).</summary>
        public void AfterTick(long tick, RobotWorld world, AvoidanceReward reward)
        {
            if (reward != null && reward.Steps != _seenSteps)
            {
                // A control step ended this tick: its score is new.
                _seenSteps = reward.Steps;
                _scoreSum += reward.ScoreQ16 / 65536.0;
                _scoreCount++;
            }
            if (world.Collisions != _seenCollisions)
            {
                _seenCollisions = world.Collisions;
                CollisionPoints.Add((world.X, world.Y, tick));
            }
            if (tick % TrajectoryStride == 0)
            {
                Trajectory.Add((world.X, world.Y, Phase));
                _cells.Add((int)(world.X / CellM) * 4096 + (int)(world.Y / CellM));
            }
            if (tick >= _rasterArm && RasterEnd <= RasterStart)
            {
                for (int i = 0; i < world.Spec.Sensors; i++)
                {
                    if (world.ProximityMm(i) < _rasterProximity && tick < _rasterFallback) continue;
                    RasterStart = tick;
                    RasterEnd = tick + RasterTicksLength;
                    _rasterArm = long.MaxValue;
                    break;
                }
            }
            if (tick >= RasterStart && tick < RasterEnd)
            {
                for (int p = 0; p < _rasterPopulations.Length; p++)
                {
                    Population pop = _rasterPopulations[p];
                    for (int k = 0; k < pop.SpikeCount; k++)
                    {
                        RasterTicks.Add((int)(tick - RasterStart));
                        RasterRows.Add(_rasterRow[p] + pop.SpikeList[k]);
                    }
                }
            }
            if (++_tickInSecond < _ticksPerSecond) return;
            _tickInSecond = 0;
            CollisionsPerSecond.Add((int)(world.Collisions - _lastCollisions));
            ContactTicksPerSecond.Add((int)(world.ContactTicks - _lastContact));
            _lastCollisions = world.Collisions;
            _lastContact = world.ContactTicks;
            ScorePerSecond.Add(_scoreCount == 0 ? double.NaN : _scoreSum / _scoreCount);
            _scoreSum = 0;
            _scoreCount = 0;
            ImitationPerSecond.Add((_errSum, _targetSum, _targetSqSum, _errCount));
            _errSum = _targetSum = _targetSqSum = 0;
            _errCount = 0;
            PhasePerSecond.Add(Phase);
            if (PhasePerSecond.Count % 60 == 0)
            {
                CellsPerMinute.Add(_cells.Count);
                _cells.Clear();
                MetresPerMinute.Add(world.PathLengthM - _lastPath);
                _lastPath = world.PathLengthM;
            }
        }

        /// <summary>Exploration per metre driven (distinct cells entered per minute over metres driven per minute) over the complete minutes in seconds [from, to).</summary>
        public double ExplorationPerMetre(int fromSecond, int toSecond)
        {
            int first = (System.Math.Max(0, fromSecond) + 59) / 60;
            int last = System.Math.Min(CellsPerMinute.Count, toSecond / 60);
            if (last <= first) return double.NaN;
            double cells = 0, metres = 0;
            for (int m = first; m < last; m++) { cells += CellsPerMinute[m]; metres += MetresPerMinute[m]; }
            return metres <= 0 ? double.NaN : cells / metres;
        }

        /// <summary>Collisions per minute over seconds [from, to).</summary>
        public double CollisionsPerMinute(int fromSecond, int toSecond)
        {
            fromSecond = Math.Max(0, fromSecond);
            toSecond = Math.Min(CollisionsPerSecond.Count, toSecond);
            if (toSecond <= fromSecond) return double.NaN;
            long n = 0;
            for (int s = fromSecond; s < toSecond; s++) n += CollisionsPerSecond[s];
            return n * 60.0 / (toSecond - fromSecond);
        }

        /// <summary>Fraction of ticks in contact over seconds [from, to).</summary>
        public double ContactFraction(int fromSecond, int toSecond)
        {
            fromSecond = Math.Max(0, fromSecond);
            toSecond = Math.Min(ContactTicksPerSecond.Count, toSecond);
            if (toSecond <= fromSecond) return double.NaN;
            long n = 0;
            for (int s = fromSecond; s < toSecond; s++) n += ContactTicksPerSecond[s];
            return n / (double)((toSecond - fromSecond) * _ticksPerSecond);
        }

        /// <summary>Mean score over seconds [from, to).</summary>
        public double MeanScore(int fromSecond, int toSecond) => Mean(ScorePerSecond, fromSecond, toSecond);

        /// <summary>Normalized mean squared imitation error over seconds [from, to): Σ(e²) / Σ((t − mean t)²).</summary>
        public double ImitationNmse(int fromSecond, int toSecond)
        {
            double err = 0, sum = 0, sq = 0;
            long n = 0;
            for (int s = Math.Max(0, fromSecond); s < Math.Min(ImitationPerSecond.Count, toSecond); s++)
            {
                var b = ImitationPerSecond[s];
                err += b.Err; sum += b.Sum; sq += b.SumSq; n += b.Count;
            }
            if (n == 0) return double.NaN;
            double variance = sq / n - (sum / n) * (sum / n);
            return variance <= 0 ? double.NaN : err / n / variance;
        }

        /// <summary>Mean of the non-NaN values in [from, to).</summary>
        public static double Mean(List<double> values, int from, int to)
        {
            double sum = 0;
            int n = 0;
            for (int s = Math.Max(0, from); s < Math.Min(values.Count, to); s++)
            {
                if (double.IsNaN(values[s])) continue;
                sum += values[s];
                n++;
            }
            return n == 0 ? double.NaN : sum / n;
        }
    }
}
