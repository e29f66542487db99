using System;
using System.Diagnostics;
using System.Globalization;
using NanoSnn.Cli.World;

namespace NanoSnn.Cli.Tasks
{
    /// <summary>
    /// Runs a controller in a robot world tick by tick: the controller's tick (read sensors,
    /// encode, learn, step, decode, drive the motors), then the world's physics step, then the
    /// log. Reports progress once per simulated second.
    /// </summary>
    public sealed class RobotSession
    {
        private readonly Stopwatch _clock = new Stopwatch();

        /// <summary>Creates a session.</summary>
        public RobotSession(RobotWorld world, Controller controller, RobotLog log, AvoidanceReward reward, Action<double, string> progress)
        {
            World = world;
            Controller = controller;
            Log = log;
            Reward = reward;
            Progress = progress;
        }

        /// <summary>The world.</summary>
        public readonly RobotWorld World;

        /// <summary>The controller.</summary>
        public readonly Controller Controller;

        /// <summary>The log.</summary>
        public readonly RobotLog Log;

        /// <summary>The avoidance reward whose score is logged, or null.</summary>
        public readonly AvoidanceReward Reward;

        /// <summary>Progress callback (simulated minutes, status), or null.</summary>
        public readonly Action<double, string> Progress;

        /// <summary>Called after every tick (imitation bookkeeping), or null.</summary>
        public Action<long> AfterTick;

        /// <summary>Ticks run so far.</summary>
        public long Tick;

        /// <summary>Wall-clock seconds spent ticking.</summary>
        public double WallSeconds => _clock.Elapsed.TotalSeconds;

        /// <summary>Runs <paramref name="minutes"/> simulated minutes (rounded to whole ticks).</summary>
        public void Run(double minutes)
        {
            long ticks = (long)Math.Round(minutes * 60e6 / Controller.Network.DtUs);
            long ticksPerSecond = 1000000 / Controller.Network.DtUs;
            _clock.Start();
            for (long t = 0; t < ticks; t++)
            {
                Controller.Tick();
                World.Step();
                Log.AfterTick(Tick, World, Reward);
                AfterTick?.Invoke(Tick);
                Tick++;
                if (Progress != null && Tick % ticksPerSecond == 0) Progress(Tick / 60.0 / ticksPerSecond, Status());
            }
            _clock.Stop();
        }

        private string Status()
        {
            int second = Log.CollisionsPerSecond.Count;
            string phase = Log.Phase >= 0 ? Log.PhaseNames[Log.Phase] + ", " : "";
            double collisions = Log.CollisionsPerMinute(second - 60, second);
            double score = Log.MeanScore(second - 60, second);
            return phase + "t " + (second / 60.0).ToString("0.0", CultureInfo.InvariantCulture) + " min, "
                + collisions.ToString("0.#", CultureInfo.InvariantCulture) + " collisions/min"
                + (double.IsNaN(score) ? "" : ", score " + score.ToString("0.00", CultureInfo.InvariantCulture));
        }
    }
}
