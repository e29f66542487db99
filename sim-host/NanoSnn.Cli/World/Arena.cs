using System;
using System.Collections.Generic;

namespace NanoSnn.Cli.World
{
    /// <summary>What an arena item is; kept for drawing and for error messages.</summary>
    public enum ArenaItemKind
    {
        /// <summary>One of the four outer walls.</summary>
        OuterWall,
        /// <summary>A thin wall between two points.</summary>
        Wall,
        /// <summary>An axis-aligned rectangular block.</summary>
        Box,
        /// <summary>A round pillar.</summary>
        Pillar,
    }

    /// <summary>One obstacle of an arena, with the line of the description it came from (0 for built-in walls).</summary>
    public sealed class ArenaItem
    {
        /// <summary>Creates an item; for a pillar (X0, Y0) is the centre and R the radius.</summary>
        public ArenaItem(ArenaItemKind kind, double x0, double y0, double x1, double y1, double r, int line)
        {
            Kind = kind;
            X0 = x0; Y0 = y0; X1 = x1; Y1 = y1; R = r;
            Line = line;
        }

        /// <summary>Kind.</summary>
        public readonly ArenaItemKind Kind;

        /// <summary>Coordinates in metres: a wall's end points, a box's corners (X0 &lt; X1, Y0 &lt; Y1), a pillar's centre.</summary>
        public readonly double X0, Y0, X1, Y1;

        /// <summary>A pillar's radius in metres (0 otherwise).</summary>
        public readonly double R;

        /// <summary>Line of the arena description (1-based; 0 for the outer walls).</summary>
        public readonly int Line;

        /// <summary>"box on line 4".</summary>
        public string Describe()
        {
            string what = Kind == ArenaItemKind.OuterWall ? "outer wall" : Kind.ToString().ToLowerInvariant();
            return Line > 0 ? what + " on line " + Line : what;
        }
    }

    /// <summary>
    /// A flat arena: a rectangle of <see cref="Width"/> × <see cref="Height"/> metres enclosed by
    /// walls, with thin walls, boxes and pillars inside and a start pose. Everything a robot can
    /// touch or see is a line segment or a circle; the arena answers ray casts (distance sensors)
    /// and disc overlaps (collisions). Built by <see cref="ArenaParser"/>; immutable.
    /// </summary>
    public sealed class Arena
    {
        private readonly double[] _segments;   // x0, y0, x1, y1 per segment
        private readonly int[] _segmentItem;
        private readonly double[] _circles;    // cx, cy, r per circle
        private readonly int[] _circleItem;

        /// <summary>Creates an arena (the parser checks the values).</summary>
        public Arena(string name, double width, double height, IReadOnlyList<ArenaItem> items, double startX, double startY, double startHeadingDegrees)
        {
            Name = name;
            Width = width;
            Height = height;
            StartX = startX;
            StartY = startY;
            StartHeadingDegrees = startHeadingDegrees;
            var all = new List<ArenaItem>
            {
                new ArenaItem(ArenaItemKind.OuterWall, 0, 0, width, 0, 0, 0),
                new ArenaItem(ArenaItemKind.OuterWall, width, 0, width, height, 0, 0),
                new ArenaItem(ArenaItemKind.OuterWall, width, height, 0, height, 0, 0),
                new ArenaItem(ArenaItemKind.OuterWall, 0, height, 0, 0, 0, 0),
            };
            all.AddRange(items);
            Items = all.ToArray();

            var segments = new List<double>();
            var segmentItem = new List<int>();
            var circles = new List<double>();
            var circleItem = new List<int>();
            for (int i = 0; i < Items.Length; i++)
            {
                ArenaItem it = Items[i];
                switch (it.Kind)
                {
                    case ArenaItemKind.OuterWall:
                    case ArenaItemKind.Wall:
                        segments.AddRange(new[] { it.X0, it.Y0, it.X1, it.Y1 });
                        segmentItem.Add(i);
                        break;
                    case ArenaItemKind.Box:
                        segments.AddRange(new[] { it.X0, it.Y0, it.X1, it.Y0, it.X1, it.Y0, it.X1, it.Y1, it.X1, it.Y1, it.X0, it.Y1, it.X0, it.Y1, it.X0, it.Y0 });
                        segmentItem.AddRange(new[] { i, i, i, i });
                        break;
                    case ArenaItemKind.Pillar:
                        circles.AddRange(new[] { it.X0, it.Y0, it.R });
                        circleItem.Add(i);
                        break;
                }
            }
            _segments = segments.ToArray();
            _segmentItem = segmentItem.ToArray();
            _circles = circles.ToArray();
            _circleItem = circleItem.ToArray();
        }

        /// <summary>Name (built-in name or file name).</summary>
        public readonly string Name;

        /// <summary>Size in metres; the outer walls run along x = 0, x = Width, y = 0, y = Height.</summary>
        public readonly double Width, Height;

        /// <summary>Start pose: position in metres, heading in degrees counter-clockwise from +x.</summary>
        public readonly double StartX, StartY, StartHeadingDegrees;

        /// <summary>Every obstacle, the four outer walls first.</summary>
        public readonly ArenaItem[] Items;

        /// <summary>Line of the description's 'start' item (0 when the default start is used).</summary>
        public int StartLine { get; init; }

        /// <summary>
        /// Distance along the ray from (<paramref name="x"/>, <paramref name="y"/>) in direction
        /// (<paramref name="dx"/>, <paramref name="dy"/>) (a unit vector) to the nearest obstacle, or
        /// <paramref name="maxRange"/> if none is closer. Allocates nothing.
        /// </summary>
        public double CastRay(double x, double y, double dx, double dy, double maxRange)
        {
            double best = maxRange;
            double[] s = _segments;
            for (int k = 0; k < s.Length; k += 4)
            {
                double t = Geometry.RaySegment(x, y, dx, dy, s[k], s[k + 1], s[k + 2], s[k + 3]);
                if (t < best) best = t;
            }
            double[] c = _circles;
            for (int k = 0; k < c.Length; k += 3)
            {
                double t = Geometry.RayCircle(x, y, dx, dy, c[k], c[k + 1], c[k + 2]);
                if (t < best) best = t;
            }
            return best;
        }

        /// <summary>
        /// Pushes a disc of radius <paramref name="radius"/> at (<paramref name="x"/>, <paramref name="y"/>)
        /// out of every obstacle it overlaps (a few passes settle corners); returns whether it
        /// overlapped anything, i.e. whether the robot touched an obstacle this step.
        /// </summary>
        public bool Resolve(ref double x, ref double y, double radius)
        {
            bool touched = false;
            for (int pass = 0; pass < 4; pass++)
            {
                bool moved = false;
                double[] s = _segments;
                for (int k = 0; k < s.Length; k += 4)
                {
                    double px, py;
                    Geometry.ClosestOnSegment(x, y, s[k], s[k + 1], s[k + 2], s[k + 3], out px, out py);
                    if (PushOut(ref x, ref y, px, py, radius, s[k + 3] - s[k + 1], s[k] - s[k + 2])) moved = true;
                }
                double[] c = _circles;
                for (int k = 0; k < c.Length; k += 3)
                {
                    double ddx = x - c[k], ddy = y - c[k + 1];
                    double d2 = ddx * ddx + ddy * ddy;
                    double min = radius + c[k + 2];
                    if (d2 >= min * min) continue;
                    double d = Math.Sqrt(d2);
                    if (d < 1e-12) { ddx = 1; ddy = 0; d = 1; }
                    x = c[k] + ddx / d * min;
                    y = c[k + 1] + ddy / d * min;
                    moved = true;
                }
                if (!moved) break;
                touched = true;
            }
            return touched;
        }

        // Moves the disc centre to `radius` away from the contact point (px, py); (nx, ny) is the
        // segment's normal, used when the centre lies exactly on the segment.
        private static bool PushOut(ref double x, ref double y, double px, double py, double radius, double nx, double ny)
        {
            double ddx = x - px, ddy = y - py;
            double d2 = ddx * ddx + ddy * ddy;
            if (d2 >= radius * radius) return false;
            double d = Math.Sqrt(d2);
            if (d < 1e-12)
            {
                double n = Math.Sqrt(nx * nx + ny * ny);
                ddx = nx / n; ddy = ny / n; d = 1;
            }
            x = px + ddx / d * radius;
            y = py + ddy / d * radius;
            return true;
        }

        /// <summary>The item a disc of <paramref name="radius"/> at (x, y) overlaps, or null (set-up checks).</summary>
        public ArenaItem Overlapping(double x, double y, double radius)
        {
            // The outer walls are the first four segments, so they are found (and named) first.
            double[] s = _segments;
            for (int k = 0; k < s.Length; k += 4)
            {
                double px, py;
                Geometry.ClosestOnSegment(x, y, s[k], s[k + 1], s[k + 2], s[k + 3], out px, out py);
                if ((x - px) * (x - px) + (y - py) * (y - py) < radius * radius) return Items[_segmentItem[k / 4]];
            }
            double[] c = _circles;
            for (int k = 0; k < c.Length; k += 3)
            {
                double ddx = x - c[k], ddy = y - c[k + 1], min = radius + c[k + 2];
                if (ddx * ddx + ddy * ddy < min * min) return Items[_circleItem[k / 3]];
            }
            // Inside a box (deeper than the radius from its edges) also counts.
            foreach (ArenaItem it in Items)
                if (it.Kind == ArenaItemKind.Box && x > it.X0 && x < it.X1 && y > it.Y0 && y < it.Y1) return it;
            return null;
        }
    }
}
