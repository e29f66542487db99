namespace NanoSnn
{
    /// <summary>
    /// The fixed-point formats of the core, each named once and documented once, and the
    /// saturating integer helpers that every other file uses instead of System.Math
    /// (not available on nanoFramework 1.x).
    /// </summary>
    /// <remarks>
    /// Formats used throughout the core (Q notation: QI.F has F fractional bits):
    /// <list type="bullet">
    /// <item><b>Q16</b> (int, suffix <c>Q16</c>): membrane potentials, thresholds, biases,
    /// readout values and adaptation variables. 1.0 = 65,536. The core keeps every
    /// membrane and readout inside <see cref="StateLimitQ16"/> = ±16,384.0, so that sums of
    /// one state value and one tick's input never overflow an <c>int</c>.</item>
    /// <item><b>Decay12</b> (int, suffix <c>Decay12</c>): a per-tick multiplier in
    /// [0, 4096], 4096 = 1.0 (the Loihi convention). Computed from a time constant by
    /// <see cref="Decay.FromTau"/> when a network is built, never per tick.</item>
    /// <item><b>Probability Q16</b> (int, suffix <c>ProbQ16</c>): probability per tick in
    /// [0, 65536], 65536 = certain.</item>
    /// <item><b>Weights</b> (<c>short</c>): a weight w of a projection with weight shift s
    /// adds <c>w &lt;&lt; s</c> to its target's Q16 input. s is per projection, so a
    /// weight's value is w·2^s / 65536 and its resolution 2^s / 65536.</item>
    /// </list>
    /// </remarks>
    public static class FixedPoint
    {
        /// <summary>1.0 in Q16.</summary>
        public const int OneQ16 = 65536;

        /// <summary>1.0 as a Decay12 multiplier.</summary>
        public const int OneDecay12 = 4096;

        /// <summary>Certainty as a Probability Q16.</summary>
        public const int CertainProbQ16 = 65536;

        /// <summary>
        /// Largest magnitude of a membrane or readout state (2^30 in Q16, i.e. 16,384.0).
        /// The network builder proves that one tick's input into a population is below this
        /// bound as well, so state + input fits an int and a single clamp restores the range.
        /// </summary>
        public const int StateLimitQ16 = 1 << 30;

        /// <summary>Smaller of two ints.</summary>
        public static int Min(int a, int b) { return a < b ? a : b; }

        /// <summary>Larger of two ints.</summary>
        public static int Max(int a, int b) { return a > b ? a : b; }

        /// <summary>Absolute value; <c>int.MinValue</c> saturates to <c>int.MaxValue</c>.</summary>
        public static int Abs(int a)
        {
            if (a >= 0) return a;
            return a == int.MinValue ? int.MaxValue : -a;
        }

        /// <summary>Absolute value of a long; <c>long.MinValue</c> saturates.</summary>
        public static long Abs(long a)
        {
            if (a >= 0) return a;
            return a == long.MinValue ? long.MaxValue : -a;
        }

        /// <summary>x limited to [lo, hi].</summary>
        public static int Clamp(int x, int lo, int hi)
        {
            if (x < lo) return lo;
            return x > hi ? hi : x;
        }

        /// <summary>x limited to [lo, hi].</summary>
        public static long Clamp(long x, long lo, long hi)
        {
            if (x < lo) return lo;
            return x > hi ? hi : x;
        }

        /// <summary>a + b, saturated to the int range instead of wrapping.</summary>
        public static int SaturatingAdd(int a, int b)
        {
            int s = a + b;
            // Overflow happened iff both operands have the sign opposite to the result.
            if (((a ^ s) & (b ^ s)) < 0) return a < 0 ? int.MinValue : int.MaxValue;
            return s;
        }

        /// <summary>(a·b) / 2^shift rounded to nearest (ties up), saturated to the int range.</summary>
        public static int SaturatingMultiplyShift(int a, int b, int shift)
        {
            long p = (long)a * b;
            // |a·b| <= 2^62: from shift 63 on the quotient is within ±0.5 (only +2^62 / 2^63
            // rounds up to 1), and long shifts of 64 or more would be masked.
            if (shift >= 63) return shift == 63 && p == (1L << 62) ? 1 : 0;
            if (shift > 0) p = (p + (1L << (shift - 1))) >> shift;
            return SaturateToInt(p);
        }

        /// <summary>A long saturated to the int range.</summary>
        public static int SaturateToInt(long x)
        {
            if (x > int.MaxValue) return int.MaxValue;
            return x < int.MinValue ? int.MinValue : (int)x;
        }

        /// <summary>An int saturated to the short range (the weight format).</summary>
        public static short SaturateToShort(int x)
        {
            if (x > short.MaxValue) return short.MaxValue;
            return x < short.MinValue ? short.MinValue : (short)x;
        }

        /// <summary>
        /// x / 2^shift rounded to nearest, ties toward +infinity. Saturates instead of
        /// overflowing when x is within 2^(shift-1) of int.MaxValue; shifts of 32 or more give
        /// 0 (C# would otherwise mask the shift count to its low 5 bits).
        /// </summary>
        public static int RoundShift(int x, int shift)
        {
            if (shift <= 0) return x;
            if (shift >= 32) return 0;
            int half = 1 << (shift - 1);
            if (x > int.MaxValue - half) return (int)(((long)x + half) >> shift);
            return (x + half) >> shift;
        }

        /// <summary>
        /// x / 2^shift rounded stochastically: up with probability equal to the discarded
        /// fraction, so that the expected result is exactly x / 2^shift. This is what keeps
        /// sub-LSB learning updates from vanishing. Uses (and advances) <paramref name="rng"/>.
        /// </summary>
        public static int StochasticShift(int x, int shift, XorShift32 rng)
        {
            if (shift <= 0) return x;
            if (shift > 31) shift = 31;
            int floor = x >> shift;
            uint fraction = (uint)x & ((1u << shift) - 1u);
            if (fraction == 0) return floor;
            // Compare the discarded bits with as many uniform random bits.
            uint draw = rng.NextUInt() >> (32 - shift);
            return draw < fraction ? floor + 1 : floor;
        }

        /// <summary>
        /// x·decay12 / 4096 rounded to nearest, without a 64-bit multiply: x is split into
        /// its high part (exact product) and its 12 low bits (rounded). Valid for |x| up to
        /// 2^30 and decay12 in [0, 4096]; the result's magnitude never exceeds |x|.
        /// </summary>
        public static int MultiplyDecay(int x, int decay12)
        {
            return (x >> 12) * decay12 + (((x & 0xFFF) * decay12 + 2048) >> 12);
        }
    }
}
