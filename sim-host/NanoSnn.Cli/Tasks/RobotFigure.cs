using System;
using System.Collections.Generic;
using System.Globalization;
using NanoSnn.Cli.Plots;
using NanoSnn.Cli.World;

namespace NanoSnn.Cli.Tasks
{
    /// <summary>The figure of a robot run: trajectories on the arena, learning curves, a spike raster and the weight histograms.</summary>
    public static class RobotFigure
    {
        /// <summary>Length of the trajectory windows drawn on the maps, seconds.</summary>
        public const int MapSeconds = 120;

        /// <summary>Builds the figure.</summary>
        public static SvgFigure Build(RobotTaskResult r)
        {
            RobotLog log = r.Log;
            var figure = new SvgFigure("nanosnn run --task " + r.Task + ": seed " + r.Seed + ", " + r.Minutes.ToString("0.##", CultureInfo.InvariantCulture) + " simulated minutes");
            int end = log.CollisionsPerSecond.Count;
            var views = new List<SvgFigure.MapView>();
            foreach (var (title, from, to) in MapWindows(r, end)) views.Add(View(log, title, from, to));
            figure.AddMaps("trajectory over the arena (" + MapSeconds / 60 + "-minute windows; dot: start of the window, red circles: collisions)", views);

            var marks = PhaseMarks(log);
            double[] minutes = new double[(end + 59) / 60];
            double[] collisions = new double[minutes.Length];
            double[] exploration = new double[minutes.Length];
            double[] score = new double[minutes.Length];
            double[] nmse = new double[minutes.Length];
            for (int m = 0; m < minutes.Length; m++)
            {
                minutes[m] = m + 0.5;
                collisions[m] = log.CollisionsPerMinute(m * 60, m * 60 + 60);
                exploration[m] = m < log.CellsPerMinute.Count ? log.ExplorationPerMetre(m * 60, m * 60 + 60) : double.NaN;
                score[m] = log.MeanScore(m * 60, m * 60 + 60);
                nmse[m] = log.ImitationNmse(m * 60, m * 60 + 60);
            }
            figure.AddLines("collisions per simulated minute", "time (min)", "collisions / min",
                new List<SvgFigure.Series> { new SvgFigure.Series("collisions", minutes, collisions) }, marks);
            if (r.Task == "imitate")
            {
                figure.AddLines("imitation error per minute: NMSE of the motor commands against the teacher's", "time (min)", "NMSE",
                    new List<SvgFigure.Series> { new SvgFigure.Series("NMSE", minutes, nmse) }, marks, logY: true);
            }
            else
            {
                figure.AddLines("score per minute: forward progress minus collisions, as the robot measures it", "time (min)", "score",
                    new List<SvgFigure.Series> { new SvgFigure.Series("score", minutes, score) }, marks);
            }
            figure.AddLines("exploration per minute: distinct 25 cm cells entered per metre driven", "time (min)", "cells / m",
                new List<SvgFigure.Series> { new SvgFigure.Series("exploration", minutes, exploration) }, marks);

            if (log.RasterEnd > log.RasterStart)
            {
                var groups = new List<(int, string)>();
                for (int p = 0; p < log.RasterPopulations.Length; p++) groups.Add((log.RasterRowStarts[p], log.RasterPopulations[p].Name));
                figure.AddRaster("spikes from t = " + (log.RasterStart / 1000.0).ToString("0.0", CultureInfo.InvariantCulture) + " s (" + (log.RasterEnd - log.RasterStart) / 1000.0
                    + " s window)", log.RasterTicks, log.RasterRows, 0, (int)(log.RasterEnd - log.RasterStart), log.RasterRowStarts[log.RasterPopulations.Length], groups);
            }

            var initial = new List<double>();
            var final = new List<double>();
            for (int k = 0; k < r.LearnedProjections.Count; k++)
            {
                Projection p = r.LearnedProjections[k];
                double unit = (1 << p.WeightShift) / 65536.0;
                foreach (short w in r.InitialWeights[k]) initial.Add(w * unit);
                foreach (short w in r.FinalWeights[k]) final.Add(w * unit);
            }
            string names = string.Join(", ", r.LearnedProjections.ConvertAll(p => p.Name));
            figure.AddHistogram("weights at the start (" + names + ")", "weight (thresholds)", initial, 40);
            figure.AddHistogram("weights at the end", "weight (thresholds)", final, 40);
            return figure;
        }

        private static List<(string, int, int)> MapWindows(RobotTaskResult r, int end)
        {
            RobotLog log = r.Log;
            var windows = new List<(string, int, int)>();
            int w = Math.Min(MapSeconds, Math.Max(1, end / 4));
            if (r.Task == "avoid")
            {
                windows.Add(("first " + Minutes(w) + " (naive)", 0, w));
                windows.Add(("last " + Minutes(w) + " (learned)", end - w, end));
                return windows;
            }
            // Phase boundaries in seconds.
            var starts = new List<int>();
            for (int s = 0; s < log.PhasePerSecond.Count; s++)
                if (s == 0 || log.PhasePerSecond[s] != log.PhasePerSecond[s - 1]) starts.Add(s);
            starts.Add(end);
            if (r.Task == "imitate" && starts.Count >= 4)
            {
                windows.Add(("teacher drives: last " + Minutes(w), Math.Max(0, starts[1] - w), starts[1]));
                windows.Add(("network alone: last " + Minutes(w), Math.Max(starts[2], end - w), end));
                return windows;
            }
            if (starts.Count >= 4)
            {
                windows.Add(("before the change: last " + Minutes(w), Math.Max(0, starts[1] - w), starts[1]));
                windows.Add(("right after the change", starts[1], Math.Min(starts[2], starts[1] + w)));
                windows.Add(("end of the change", Math.Max(starts[1], starts[2] - w), starts[2]));
                return windows;
            }
            windows.Add(("last " + Minutes(w), end - w, end));
            return windows;
        }

        private static string Minutes(int seconds)
        {
            return seconds % 60 == 0 ? (seconds / 60) + " min" : seconds + " s";
        }

        private static SvgFigure.MapView View(RobotLog log, string title, int fromSecond, int toSecond)
        {
            var xs = new List<double>();
            var ys = new List<double>();
            int perSecond = 1000 / RobotLog.TrajectoryStride;
            int phase = -1;
            for (int i = fromSecond * perSecond; i < Math.Min(log.Trajectory.Count, toSecond * perSecond); i++)
            {
                xs.Add(log.Trajectory[i].X);
                ys.Add(log.Trajectory[i].Y);
                phase = log.Trajectory[i].Phase;
            }
            var marks = new List<(double, double)>();
            foreach (var c in log.CollisionPoints)
                if (c.Tick >= fromSecond * 1000L && c.Tick < toSecond * 1000L) marks.Add((c.X, c.Y));
            Arena arena = phase >= 0 && phase < log.PhaseArenas.Count ? log.PhaseArenas[phase] : log.PhaseArenas[0];
            return new SvgFigure.MapView(title + " (arena " + arena.Name + ")", arena.Width, arena.Height, Shapes(arena),
                new SvgFigure.Series("path", xs, ys), marks);
        }

        /// <summary>The arena's obstacles as map shapes (the outer walls are the map's frame).</summary>
        public static List<SvgFigure.MapShape> Shapes(Arena arena)
        {
            var shapes = new List<SvgFigure.MapShape>();
            foreach (ArenaItem it in arena.Items)
            {
                switch (it.Kind)
                {
                    case ArenaItemKind.Box: shapes.Add(new SvgFigure.MapShape("rect", it.X0, it.Y0, it.X1, it.Y1, 0)); break;
                    case ArenaItemKind.Pillar: shapes.Add(new SvgFigure.MapShape("circle", it.X0, it.Y0, 0, 0, it.R)); break;
                    case ArenaItemKind.Wall: shapes.Add(new SvgFigure.MapShape("line", it.X0, it.Y0, it.X1, it.Y1, 0)); break;
                }
            }
            return shapes;
        }

        private static List<(double, string)> PhaseMarks(RobotLog log)
        {
            var marks = new List<(double, string)>();
            for (int s = 1; s < log.PhasePerSecond.Count; s++)
                if (log.PhasePerSecond[s] != log.PhasePerSecond[s - 1]) marks.Add((s / 60.0, log.PhaseNames[log.PhasePerSecond[s]]));
            return marks;
        }
    }
}
