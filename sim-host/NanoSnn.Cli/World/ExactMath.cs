using System;

namespace NanoSnn.Cli.World
{
    /// <summary>
    /// Sine and cosine from additions and multiplications only, so that the simulated world is
    /// bit-identical on every machine: IEEE 754 rounds +, −, ×, ÷ and √ exactly, while
    /// <see cref="Math.Sin"/> and <see cref="Math.Cos"/> come from the platform's C library and
    /// may differ in the last bit between operating systems, which after a million ticks would
    /// change a trajectory (and the collisions the README reports).
    /// </summary>
    public static class ExactMath
    {
        private const double TwoPi = 2 * Math.PI;

        /// <summary><paramref name="angle"/> wrapped into [−π, π].</summary>
        public static double WrapAngle(double angle)
        {
            if (angle >= -Math.PI && angle <= Math.PI) return angle;
            return angle - TwoPi * Math.Round(angle / TwoPi, MidpointRounding.ToEven);
        }

        /// <summary>sin(x): Taylor series on [−π/2, π/2] after folding (error below 1e-15).</summary>
        public static double Sin(double x)
        {
            double a = WrapAngle(x);
            if (a > Math.PI / 2) a = Math.PI - a;
            else if (a < -Math.PI / 2) a = -Math.PI - a;
            double a2 = a * a;
            double term = a;
            double sum = a;
            // |a| <= π/2: the 21st-order term is below 2e-16.
            for (int k = 1; k <= 10; k++)
            {
                term = -term * a2 / ((2 * k) * (2 * k + 1));
                sum += term;
            }
            return sum;
        }

        /// <summary>cos(x) = sin(x + π/2).</summary>
        public static double Cos(double x)
        {
            return Sin(WrapAngle(x) + Math.PI / 2);
        }

        /// <summary>Degrees to radians.</summary>
        public static double Radians(double degrees)
        {
            return degrees * (Math.PI / 180.0);
        }
    }
}
