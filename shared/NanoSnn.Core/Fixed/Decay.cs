namespace NanoSnn
{
    /// <summary>
    /// Decay multipliers computed from time constants with integer arithmetic only, so that
    /// the device and the host derive bit-identical constants from the same model file.
    /// </summary>
    public static class Decay
    {
        // exp(-1) in Q30, rounded: 0.36787944117144233 * 2^30.
        private const long ExpMinusOneQ30 = 395007542L;
        private const long OneQ30 = 1L << 30;

        /// <summary>
        /// round(4096 · exp(-dt/tau)): the Decay12 multiplier of a first-order low-pass with
        /// time constant <paramref name="tauUs"/> sampled every <paramref name="dtUs"/>.
        /// tau &lt;= 0 means "no memory" (0). Accurate to ±1 LSB of Decay12 (host-tested
        /// against the float exponential over 1 µs to 10^9 µs).
        /// </summary>
        public static int FromTau(int tauUs, int dtUs)
        {
            if (tauUs <= 0 || dtUs <= 0) return 0;
            long q = ExpNegQ30(((long)dtUs << 30) / tauUs);
            return (int)((q * 4096 + (OneQ30 >> 1)) >> 30);
        }

        /// <summary>
        /// exp(-x) in Q30 for x in Q30 (x &gt;= 0): e^-x = e^-n · e^-f with n = floor(x),
        /// f in [0, 1); e^-f by its Taylor series (terms shrink below one Q30 LSB after
        /// about 14 terms), e^-n by repeated multiplication with e^-1.
        /// </summary>
        public static long ExpNegQ30(long xQ30)
        {
            if (xQ30 <= 0) return OneQ30;
            long n = xQ30 >> 30;
            if (n > 22) return 0; // e^-22 < 2^-31: below one Q30 LSB
            long f = xQ30 & (OneQ30 - 1);
            long sum = OneQ30;
            long term = OneQ30;
            for (int k = 1; k < 40; k++)
            {
                term = -((term * f) >> 30) / k;
                if (term == 0) break;
                sum += term;
            }
            for (long i = 0; i < n; i++) sum = (sum * ExpMinusOneQ30 + (OneQ30 >> 1)) >> 30;
            return sum;
        }
    }
}
