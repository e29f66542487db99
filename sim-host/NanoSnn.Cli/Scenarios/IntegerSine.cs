namespace NanoSnn.Cli.Scenarios
{
    /// <summary>
    /// Sine of a 32-bit phase (2^32 = one turn) in Q15, with integer arithmetic only, so that
    /// the simulated sensors are bit-identical on every host (Math.Sin may differ in the last
    /// bit between runtimes and CPUs, and one differing sample changes every later state hash).
    /// </summary>
    /// <remarks>
    /// The phase is folded into [−π/2, π/2] and mapped to z in [−1, 1] (Q30); then
    /// sin(πz/2) ≈ z·(a − z²·(b − c·z²)) with a = π/2, b = 2a − 5/2, c = a − 3/2: the
    /// fifth-order polynomial that is exact at z = 0 and ±1 with zero slope at ±1. Its error is
    /// below 4·10^-4 (13 Q15 LSB), under half a sensor unit for the amplitudes used here.
    /// </remarks>
    public static class IntegerSine
    {
        private const long OneQ30 = 1L << 30;
        private const long AQ30 = 1686629713L;              // π/2 · 2^30, rounded
        private const long BQ30 = 2 * AQ30 - 5 * OneQ30 / 2;
        private const long CQ30 = AQ30 - 3 * OneQ30 / 2;

        /// <summary>Phase increment per tick for a frequency in mHz at a tick of <paramref name="dtUs"/> µs.</summary>
        public static uint PhaseStep(int frequencyMilliHz, int dtUs)
        {
            // f·dt = mHz·10^-3 · µs·10^-6 turns; mHz ≤ 10^6 and dt ≤ 10^6 keep the product below 2^64.
            ulong turnsE9 = (ulong)frequencyMilliHz * (ulong)dtUs;
            return (uint)((turnsE9 << 32) / 1000000000UL);
        }

        /// <summary>sin(2π·phase/2^32) in Q15 (−32768..32767).</summary>
        public static int SinQ15(uint phase)
        {
            long t = (int)phase;                  // angle = t/2^31 · π, t in [−2^31, 2^31)
            if (t > OneQ30) t = 2 * OneQ30 - t;   // sin(π − x) = sin x
            else if (t < -OneQ30) t = -2 * OneQ30 - t;
            long z = t;                           // angle = z/2^30 · π/2, z in [−2^30, 2^30]
            long z2 = (z * z) >> 30;
            long inner = BQ30 - ((CQ30 * z2) >> 30);
            long r = (z * (AQ30 - ((z2 * inner) >> 30))) >> 30;
            long q15 = (r + (1L << 14)) >> 15;
            if (q15 > 32767) return 32767;
            return q15 < -32768 ? -32768 : (int)q15;
        }
    }
}
