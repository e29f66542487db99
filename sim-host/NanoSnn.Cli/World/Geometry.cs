using System;

namespace NanoSnn.Cli.World
{
    /// <summary>Ray and closest-point queries against line segments and circles (plain doubles, no allocation).</summary>
    public static class Geometry
    {
        /// <summary>
        /// Distance t ≥ 0 along the ray (ox, oy) + t·(dx, dy) (unit direction) to segment
        /// (x0, y0)–(x1, y1), or +∞ if the ray misses it or runs parallel to it.
        /// </summary>
        public static double RaySegment(double ox, double oy, double dx, double dy, double x0, double y0, double x1, double y1)
        {
            double ex = x1 - x0, ey = y1 - y0;
            double denom = dx * ey - dy * ex;
            if (denom > -1e-15 && denom < 1e-15) return double.PositiveInfinity;
            double wx = x0 - ox, wy = y0 - oy;
            double t = (wx * ey - wy * ex) / denom;
            double u = (wx * dy - wy * dx) / denom;
            if (t < 0 || u < 0 || u > 1) return double.PositiveInfinity;
            return t;
        }

        /// <summary>Distance t ≥ 0 along the ray to the circle's boundary (0 if the origin is inside), or +∞.</summary>
        public static double RayCircle(double ox, double oy, double dx, double dy, double cx, double cy, double r)
        {
            double fx = ox - cx, fy = oy - cy;
            double c = fx * fx + fy * fy - r * r;
            if (c <= 0) return 0;
            double b = fx * dx + fy * dy;
            if (b > 0) return double.PositiveInfinity;
            double disc = b * b - c;
            if (disc < 0) return double.PositiveInfinity;
            return -b - Math.Sqrt(disc);
        }

        /// <summary>The point of segment (x0, y0)–(x1, y1) closest to (x, y).</summary>
        public static void ClosestOnSegment(double x, double y, double x0, double y0, double x1, double y1, out double px, out double py)
        {
            double ex = x1 - x0, ey = y1 - y0;
            double len2 = ex * ex + ey * ey;
            double u = len2 <= 0 ? 0 : ((x - x0) * ex + (y - y0) * ey) / len2;
            if (u < 0) u = 0; else if (u > 1) u = 1;
            px = x0 + u * ex;
            py = y0 + u * ey;
        }
    }
}
