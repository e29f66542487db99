using System;
using System.Collections.Generic;
using System.Globalization;
using NanoSnn.Cli.World;

namespace NanoSnn.Cli.Tasks
{
    /// <summary>
    /// The three robot tasks of <c>nanosnn run</c>, each the core's controller (the same one the
    /// firmware builds) in the simulated world:
    /// <list type="bullet">
    /// <item><b>avoid</b>: a naive R-STDP network learns obstacle avoidance from the push-pull reward.</item>
    /// <item><b>imitate</b>: e-prop learns a teacher's commands online, then drives alone.</item>
    /// <item><b>adapt</b>: avoid, then the world changes, then back: recovery and retention.</item>
    /// </list>
    /// </summary>
    public static class RobotTasks
    {
        /// <summary>Task names, in help order.</summary>
        public static readonly string[] Names = { "avoid", "imitate", "adapt" };

        /// <summary>Default simulated minutes of avoid.</summary>
        public const double AvoidMinutes = 30;

        /// <summary>Default simulated minutes of imitate: 3 teacher driving, 9 network driving under supervision, 3 alone.</summary>
        public const double ImitateMinutes = 15;

        /// <summary>Default simulated minutes of adapt: 20 learning in A, 15 changed, 10 back in A.</summary>
        public const double AdaptMinutes = 45;

        /// <summary>Length of the comparison windows (first/last 5 minutes), minutes; shorter runs use half their phase.</summary>
        public const double WindowMinutes = 5;

        /// <summary>A proximity (mm) that counts as an encounter for the automatic raster window (searched from 80 % of the run; from 90 % on any moment will do).</summary>
        public const int RasterProximityMm = 250;

        /// <summary>Runs <paramref name="task"/>.</summary>
        public static RobotTaskResult Run(string task, RobotTaskOptions options, Action<double, string> progress)
        {
            switch (task)
            {
                case "avoid": return Avoid(options, progress);
                case "imitate": return Imitate(options, progress);
                case "adapt": return Adapt(options, progress);
                default: throw new ArgumentException("unknown task '" + task + "'; use " + string.Join(", ", Names));
            }
        }

        /// <summary>Default minutes of a task.</summary>
        public static double DefaultMinutes(string task)
        {
            return task == "avoid" ? AvoidMinutes : (task == "imitate" ? ImitateMinutes : AdaptMinutes);
        }

        private static RobotTaskResult Start(string task, RobotTaskOptions o, double minutes)
        {
            return new RobotTaskResult { Task = task, Seed = o.Seed, Minutes = minutes };
        }

        private static void Snapshot(RobotTaskOptions o, Controller controller, RobotTaskResult result, Network network, params string[] learned)
        {
            o.Started?.Invoke(controller);
            result.Network = network;
            foreach (string name in learned)
            {
                Projection p = network.FindProjection(name);
                result.LearnedProjections.Add(p);
                result.InitialWeights.Add((short[])p.Weights.Clone());
            }
        }

        private static void Finish(RobotTaskResult result, RobotSession session)
        {
            result.Log = session.Log;
            result.Ticks = session.Tick;
            result.WallSeconds = session.WallSeconds;
            result.StateHash = result.Network.ComputeStateHash();
            foreach (short[] w in SynchronizedWeights(result.Network, result.LearnedProjections)) result.FinalWeights.Add(w);
        }

        /// <summary>
        /// The weights of <paramref name="projections"/> as a synchronized network would hold them
        /// (R-STDP leaves rows that did not pair behind until they are needed), taken from a copy
        /// of <paramref name="network"/> through a checkpoint, so that the network itself is left
        /// exactly as it ran: calling Synchronize on it would change its later rounding draws.
        /// </summary>
        public static List<short[]> SynchronizedWeights(Network network, List<Projection> projections)
        {
            byte[] checkpoint = new byte[ModelWriter.MeasureBytes(network, true)];
            ModelWriter.Write(network, true, checkpoint, 0);
            Network copy = ModelReader.Load(checkpoint);
            copy.Synchronize();
            return projections.ConvertAll(p => (short[])copy.Projections[p.Index].Weights.Clone());
        }

        // The avoidance brain wired to the robot in world, snapshot and log ready: what avoid and adapt share.
        private static RobotSession AvoidanceSession(RobotTaskOptions o, RobotWorld world, RobotTaskResult result, double minutes, Action<double, string> progress)
        {
            AvoidanceBrain brain = AvoidanceBrain.Build(RobotSetup.AvoidanceParameters(o.Robot), o.Seed, 0);
            Controller controller = brain.Connect(world, world);
            controller.Learning = o.Learning;
            Snapshot(o, controller, result, brain.Network, "in-left", "in-right", "tonic-left", "tonic-right");
            RobotLog log = new RobotLog(1000, new Population[] { brain.Input, brain.Left, brain.Right });
            ConfigureRaster(log, o, minutes);
            return new RobotSession(world, controller, log, brain.Reward, progress);
        }

        private static void ConfigureRaster(RobotLog log, RobotTaskOptions o, double minutes)
        {
            long start = o.RasterAtSeconds >= 0 ? (long)Math.Round(o.RasterAtSeconds * 1000) : -1;
            log.ConfigureRaster(start, (long)(minutes * 60000 * 0.8), RasterProximityMm, (long)(minutes * 60000 * 0.9));
        }

        /// <summary>The avoid task.</summary>
        public static RobotTaskResult Avoid(RobotTaskOptions o, Action<double, string> progress)
        {
            double minutes = o.Minutes > 0 ? o.Minutes : AvoidMinutes;
            RobotTaskResult result = Start("avoid", o, minutes);
            Arena arena = o.ArenaA;
            RobotWorld world = new RobotWorld(arena, o.Robot, 1000, o.Seed);
            RobotSession session = AvoidanceSession(o, world, result, minutes, progress);
            RobotLog log = session.Log;
            log.BeginPhase((o.Learning ? "learning in " : "naive, not learning, in ") + arena.Name, arena);
            session.Run(minutes);
            Finish(result, session);

            int total = log.CollisionsPerSecond.Count;
            int window = (int)Math.Round(Math.Min(WindowMinutes, minutes / 2) * 60);
            result.Setup = "arena " + arena.Name + ", naive R-STDP network (" + result.Network.SynapseCount + " synapses), "
                + Fmt(minutes) + " simulated minutes; first and last windows of " + Fmt(window / 60.0) + " min" + (o.Learning ? "" : "; LEARNING OFF (control run)");
            double first = log.CollisionsPerMinute(0, window);
            double last = log.CollisionsPerMinute(total - window, total);
            result.Add("collisions_per_min_first5", "collisions per minute, first " + Fmt(window / 60.0) + " min", first, "0.00", "/min");
            result.Add("collisions_per_min_last5", "collisions per minute, last " + Fmt(window / 60.0) + " min", last, "0.00", "/min");
            result.Add("collision_reduction", "reduction", first > 0 ? 1 - last / first : double.NaN, "0.0%", "");
            result.Add("contact_first", "time in contact, first window", log.ContactFraction(0, window), "0.00%", "");
            result.Add("contact_last", "time in contact, last window", log.ContactFraction(total - window, total), "0.00%", "");
            result.Add("score_first", "score (progress − collisions), first window", log.MeanScore(0, window), "0.000", "");
            result.Add("score_last", "score (progress − collisions), last window", log.MeanScore(total - window, total), "0.000", "");
            result.Add("exploration_last", "exploration, last window", log.ExplorationPerMetre(total - window, total), "0.00", "cells/m");
            result.Add("path_m", "distance driven", world.PathLengthM, "0", "m");
            result.Checks.Add(("collisions per minute in the last window at least 80 % below the first", first > 0 && last <= 0.2 * first));
            return result;
        }

        /// <summary>The imitate task.</summary>
        public static RobotTaskResult Imitate(RobotTaskOptions o, Action<double, string> progress)
        {
            double minutes = o.Minutes > 0 ? o.Minutes : ImitateMinutes;
            double teacherDrives = minutes * 0.2, supervised = minutes * 0.6, alone = minutes - teacherDrives - supervised;
            RobotTaskResult result = Start("imitate", o, minutes);
            Arena arena = o.ArenaA;
            RobotWorld world = new RobotWorld(arena, o.Robot, 1000, o.Seed);
            ImitationBrainParameters parameters = new ImitationBrainParameters
            {
                Sensors = o.Robot.Sensors,
                ProximityFullScale = o.Robot.SensorRangeMm,
            };
            ImitationBrain brain = ImitationBrain.Build(parameters, o.Seed);
            RemoteControl remote = new RemoteControl(world, new Teacher(o.Robot, parameters.CruisePercent, 1000));
            Controller controller = brain.Connect(remote, remote);
            controller.Learning = o.Learning;
            Snapshot(o, controller, result, brain.Network, "in-hidden", "hidden-out");
            RobotLog log = new RobotLog(1000, new Population[] { brain.Network.FindPopulation("in"), brain.Hidden });
            ConfigureRaster(log, o, minutes);
            RobotSession session = new RobotSession(world, controller, log, null, progress);
            int teacher = remote.TeacherChannel;
            session.AfterTick = tick =>
            {
                log.AddImitation(controller.Commands[0], controller.Samples[teacher]);
                log.AddImitation(controller.Commands[1], controller.Samples[teacher + 1]);
            };

            remote.Teaching = true;
            remote.Overrides = true;
            log.BeginPhase("teacher drives", arena);
            session.Run(teacherDrives);
            remote.Overrides = false;
            log.BeginPhase("network drives, teacher supervises", arena);
            session.Run(supervised);
            remote.Teaching = false;
            controller.Learning = false;
            // (with o.Learning false the network never learned: the naive network drives alone)
            log.BeginPhase("network alone (held out)", arena);
            session.Run(alone);
            Finish(result, session);

            int t1 = (int)Math.Round(teacherDrives * 60), t2 = t1 + (int)Math.Round(supervised * 60), t3 = log.CollisionsPerSecond.Count;
            result.Setup = "arena " + arena.Name + ", e-prop (" + brain.Network.SynapseCount + " synapses): teacher drives " + Fmt(teacherDrives)
                + " min, network drives under supervision " + Fmt(supervised) + " min, alone " + Fmt(alone) + " min (held out)" + (o.Learning ? "" : "; LEARNING OFF (control run)");
            double nmse = log.ImitationNmse(t2, t3);
            result.Add("imitation_nmse", "imitation NMSE, network alone (held out)", nmse, "0.000", "");
            result.Add("imitation_nmse_first_minute", "imitation NMSE, first minute", log.ImitationNmse(0, Math.Min(60, t3)), "0.000", "");
            result.Add("imitation_nmse_supervised_end", "imitation NMSE, last 2 min under supervision", log.ImitationNmse(Math.Max(t1, t2 - 120), t2), "0.000", "");
            result.Add("collisions_per_min_teacher", "collisions per minute, teacher driving", log.CollisionsPerMinute(0, t1), "0.00", "/min");
            result.Add("collisions_per_min_alone", "collisions per minute, network alone", log.CollisionsPerMinute(t2, t3), "0.00", "/min");
            result.Add("exploration_alone", "exploration, network alone", log.ExplorationPerMetre(t2, t3), "0.00", "cells/m");
            result.Add("hidden_rate_hz", "hidden firing rate", brain.Hidden.TotalSpikes / (double)brain.Hidden.Size / (t3 > 0 ? t3 : 1), "0.0", "Hz");
            result.Checks.Add(("normalized error of the motor commands on held-out time at most 0.2", nmse <= 0.2));
            return result;
        }

        /// <summary>The adapt task.</summary>
        public static RobotTaskResult Adapt(RobotTaskOptions o, Action<double, string> progress)
        {
            double minutes = o.Minutes > 0 ? o.Minutes : AdaptMinutes;
            double learnA = minutes * 20 / 45, changed = minutes * 15 / 45, backA = minutes - learnA - changed;
            RobotTaskResult result = Start("adapt", o, minutes);
            Arena arenaA = o.ArenaA;
            Arena arenaB = o.Change == WorldChange.Arena ? o.ArenaBResolved : arenaA;
            RobotWorld world = new RobotWorld(arenaA, o.Robot, 1000, o.Seed);
            if (o.Change == WorldChange.Arena) world.MoveTo(arenaB); // checks B's start pose before the run
            world.MoveTo(arenaA);
            RobotSession session = AvoidanceSession(o, world, result, minutes, progress);
            Controller controller = session.Controller;
            RobotLog log = session.Log;

            log.BeginPhase("A: " + (o.Learning ? "learning" : "naive, not learning") + " in " + arenaA.Name, arenaA);
            session.Run(learnA);
            string what = Apply(world, o.Change, arenaB, true);
            if (o.StopLearningAtChange) controller.Learning = false;
            log.BeginPhase("B: " + what, arenaB);
            session.Run(changed);
            Apply(world, o.Change, arenaA, false);
            log.BeginPhase("A again", arenaA);
            session.Run(backA);
            Finish(result, session);

            int a = (int)Math.Round(learnA * 60), b = a + (int)Math.Round(changed * 60), end = log.CollisionsPerSecond.Count;
            int wA = Window(learnA), wB = Window(changed), wC = Window(backA);
            result.Setup = "learn in arena " + arenaA.Name + " " + Fmt(learnA) + " min, then " + what + " for " + Fmt(changed) + " min, then back in "
                + arenaA.Name + " (change undone) for " + Fmt(backA) + " min; " + (!o.Learning ? "LEARNING OFF (control run)"
                : o.StopLearningAtChange ? "learning STOPS at the change (control run)" : "learning never stops, nothing is reset") + ". Performance = exploration: "
                + "distinct 25 cm cells entered per metre driven (a robot that roams enters 4 to 5, one that circles or is stuck far fewer)";
            double before = log.ExplorationPerMetre(a - wA, a);
            double bStart = log.ExplorationPerMetre(a, a + Math.Min(120, b - a));
            double bEnd = log.ExplorationPerMetre(b - wB, b);
            double after = log.ExplorationPerMetre(b, b + wC);
            double recoveryS = RecoverySeconds(log, a, b, 0.8 * before);
            result.Add("performance_before", "exploration in A before the change (last " + Fmt(wA / 60.0) + " min)", before, "0.00", "cells/m");
            result.Add("performance_change_start", "exploration right after the change (first 2 min)", bStart, "0.00", "cells/m");
            result.Add("performance_change_end", "exploration at the end of the change (last " + Fmt(wB / 60.0) + " min)", bEnd, "0.00", "cells/m");
            result.Add("recovery_ratio", "recovery: end of change / before", bEnd / before, "0.00", "");
            result.Add("recovery_time_s", "recovery time (to the end of the first minute back above 80 % of before)", recoveryS, "0", "s");
            result.Add("performance_after", "exploration back in A (first " + Fmt(wC / 60.0) + " min)", after, "0.00", "cells/m");
            result.Add("retention_ratio", "retention: back in A / before", after / before, "0.00", "");
            result.Add("collisions_per_min_before", "collisions per minute before the change", log.CollisionsPerMinute(a - wA, a), "0.00", "/min");
            result.Add("collisions_per_min_change_end", "collisions per minute at the end of the change", log.CollisionsPerMinute(b - wB, b), "0.00", "/min");
            result.Add("collisions_per_min_after", "collisions per minute back in A", log.CollisionsPerMinute(b, b + wC), "0.00", "/min");
            result.Add("collisions_per_min_first5", "collisions per minute, first " + Fmt(wA / 60.0) + " min (naive)", log.CollisionsPerMinute(0, wA), "0.00", "/min");
            result.Checks.Add(("after the change, performance back within 20 % of its level before", bEnd >= 0.8 * before));
            result.Checks.Add(("back in A, performance within 20 % of its level before the change", after >= 0.8 * before));
            return result;
        }

        private static int Window(double phaseMinutes)
        {
            return (int)Math.Round(Math.Min(WindowMinutes, phaseMinutes / 2) * 60);
        }

        // Seconds from the change to the end of the first whole minute of the log (after the change)
        // whose exploration reaches the threshold; NaN if none does before the change ends.
        private static double RecoverySeconds(RobotLog log, int changeSecond, int endSecond, double threshold)
        {
            for (int s = (changeSecond + 59) / 60 * 60; s + 60 <= endSecond; s += 60)
            {
                double e = log.ExplorationPerMetre(s, s + 60);
                if (!double.IsNaN(e) && e >= threshold) return s + 60 - changeSecond;
            }
            return double.NaN;
        }

        private static string Apply(RobotWorld world, WorldChange change, Arena arena, bool on)
        {
            switch (change)
            {
                case WorldChange.Motor:
                    world.MotorStrength[1] = on ? RobotTaskOptions.WeakMotorStrength : 1;
                    return "the right motor at " + (RobotTaskOptions.WeakMotorStrength * 100).ToString("0", CultureInfo.InvariantCulture) + " % strength";
                case WorldChange.Sensor:
                    world.SensorMap[0] = on ? 1 : 0;
                    world.SensorMap[1] = on ? 0 : 1;
                    return "the cables of distance sensors 0 and 1 swapped";
                default:
                    world.MoveTo(arena);
                    return "carried to arena " + arena.Name;
            }
        }

        private static string Fmt(double minutes)
        {
            return minutes.ToString("0.##", CultureInfo.InvariantCulture);
        }
    }
}
