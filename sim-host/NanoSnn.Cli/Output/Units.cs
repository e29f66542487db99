using System.Globalization;

namespace NanoSnn.Cli.Output
{
    /// <summary>Human-readable, culture-invariant renderings of the core's fixed-point quantities.</summary>
    public static class Units
    {
        private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

        /// <summary>A Q16 value as "1.000 (Q16 65536)".</summary>
        public static string Q16(int valueQ16)
        {
            return (valueQ16 / 65536.0).ToString("0.000", Invariant) + " (Q16 " + valueQ16.ToString(Invariant) + ")";
        }

        /// <summary>A time in µs as "20.0 ms" (or "500 µs" below a millisecond).</summary>
        public static string Time(int microseconds)
        {
            if (microseconds != 0 && microseconds < 1000 && microseconds > -1000) return microseconds.ToString(Invariant) + " µs";
            return (microseconds / 1000.0).ToString("0.0##", Invariant) + " ms";
        }

        /// <summary>A Decay12 multiplier as "3895/4096 (0.9509)".</summary>
        public static string Decay12(int decay12)
        {
            return decay12.ToString(Invariant) + "/4096 (" + (decay12 / 4096.0).ToString("0.0000", Invariant) + ")";
        }

        /// <summary>The real value of one LSB of a weight with shift <paramref name="shift"/>, as "2^-12".</summary>
        public static string WeightStep(int shift)
        {
            return "2^" + (shift - 16).ToString(Invariant);
        }

        /// <summary>The real value (threshold units) of a raw weight with shift <paramref name="shift"/>.</summary>
        public static double WeightValue(double raw, int shift)
        {
            return raw * (1L << shift) / 65536.0;
        }

        /// <summary>A number with a fixed number of decimals, invariant culture.</summary>
        public static string Fixed(double value, int decimals)
        {
            return value.ToString("F" + decimals.ToString(Invariant), Invariant);
        }

        /// <summary>An integer with thousands separators ("1,234,567").</summary>
        public static string Count(long value)
        {
            return value.ToString("N0", Invariant);
        }

        /// <summary>A rate with thousands separators and no decimals ("1,230,000,000").</summary>
        public static string Rate(double value)
        {
            return value.ToString("N0", Invariant);
        }

        /// <summary>A 32-bit hash as 0x%08X.</summary>
        public static string Hash(uint hash)
        {
            return "0x" + hash.ToString("X8", Invariant);
        }
    }
}
