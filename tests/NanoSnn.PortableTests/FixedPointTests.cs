#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace NanoSnn.PortableTests
{
    /// <summary>The saturating integer helpers of <see cref="FixedPoint"/>, checked against exact long arithmetic.</summary>
    [TestClass]
    public class FixedPointTests
    {
        // Values where rounding, sign handling and overflow usually go wrong.
        private static readonly int[] EdgeValues =
        {
            0, 1, -1, 2, -2, 3, -3, 5, -5, 2047, 2048, 2049, -2047, -2048, -2049, 4095, 4096, 4097,
            -4095, -4096, -4097, 65535, 65536, -65536, 123456789, -123456789,
            (1 << 30) - 1, 1 << 30, (1 << 30) + 1, -(1 << 30) + 1, -(1 << 30), -(1 << 30) - 1,
            int.MaxValue - 1, int.MaxValue, int.MinValue + 1, int.MinValue,
        };

        [TestMethod]
        public void MinMax_PickTheRightOperand()
        {
            Assert.AreEqual(3, FixedPoint.Min(3, 5));
            Assert.AreEqual(5, FixedPoint.Max(3, 5));
            Assert.AreEqual(-2, FixedPoint.Min(-1, -2));
            Assert.AreEqual(-1, FixedPoint.Max(-1, -2));
            Assert.AreEqual(int.MinValue, FixedPoint.Min(int.MinValue, int.MaxValue));
            Assert.AreEqual(int.MaxValue, FixedPoint.Max(int.MinValue, int.MaxValue));
            Assert.AreEqual(7, FixedPoint.Min(7, 7));
        }

        [TestMethod]
        public void Abs_SaturatesMinValue()
        {
            Assert.AreEqual(5, FixedPoint.Abs(5));
            Assert.AreEqual(5, FixedPoint.Abs(-5));
            Assert.AreEqual(0, FixedPoint.Abs(0));
            Assert.AreEqual(int.MaxValue, FixedPoint.Abs(int.MaxValue));
            Assert.AreEqual(int.MaxValue, FixedPoint.Abs(int.MinValue + 1));
            Assert.AreEqual(int.MaxValue, FixedPoint.Abs(int.MinValue));
            Assert.AreEqual(long.MaxValue, FixedPoint.Abs(long.MinValue));
            Assert.AreEqual(4294967296L, FixedPoint.Abs(-4294967296L));
        }

        [TestMethod]
        public void Clamp_LimitsToRangeIncludingExtremes()
        {
            Assert.AreEqual(0, FixedPoint.Clamp(-5, 0, 10));
            Assert.AreEqual(10, FixedPoint.Clamp(15, 0, 10));
            Assert.AreEqual(7, FixedPoint.Clamp(7, 0, 10));
            Assert.AreEqual(0, FixedPoint.Clamp(0, 0, 10));
            Assert.AreEqual(10, FixedPoint.Clamp(10, 0, 10));
            Assert.AreEqual(-100, FixedPoint.Clamp(int.MinValue, -100, 100));
            Assert.AreEqual(100, FixedPoint.Clamp(int.MaxValue, -100, 100));
            Assert.AreEqual(int.MinValue, FixedPoint.Clamp(int.MinValue, int.MinValue, int.MaxValue));
            Assert.AreEqual(int.MaxValue, FixedPoint.Clamp(int.MaxValue, int.MinValue, int.MaxValue));
            Assert.AreEqual(-(1L << 40), FixedPoint.Clamp(long.MinValue, -(1L << 40), 1L << 40));
            Assert.AreEqual(1L << 40, FixedPoint.Clamp(long.MaxValue, -(1L << 40), 1L << 40));
            Assert.AreEqual(12L, FixedPoint.Clamp(12L, -(1L << 40), 1L << 40));
        }

        [TestMethod]
        public void SaturatingAdd_SaturatesBothWays()
        {
            Assert.AreEqual(-2, FixedPoint.SaturatingAdd(-5, 3));
            Assert.AreEqual(int.MaxValue, FixedPoint.SaturatingAdd(int.MaxValue, 1));
            Assert.AreEqual(int.MaxValue, FixedPoint.SaturatingAdd(1, int.MaxValue));
            Assert.AreEqual(int.MaxValue, FixedPoint.SaturatingAdd(int.MaxValue, int.MaxValue));
            Assert.AreEqual(int.MinValue, FixedPoint.SaturatingAdd(int.MinValue, -1));
            Assert.AreEqual(int.MinValue, FixedPoint.SaturatingAdd(-1, int.MinValue));
            Assert.AreEqual(int.MinValue, FixedPoint.SaturatingAdd(int.MinValue, int.MinValue));
            Assert.AreEqual(-1, FixedPoint.SaturatingAdd(int.MaxValue, int.MinValue));
            Assert.AreEqual(int.MaxValue, FixedPoint.SaturatingAdd(int.MaxValue - 1, 1));
            Assert.AreEqual(int.MinValue, FixedPoint.SaturatingAdd(int.MinValue + 1, -1));

            // Every pair of edge values against the exact sum, clamped.
            for (int i = 0; i < EdgeValues.Length; i++)
                for (int j = 0; j < EdgeValues.Length; j++)
                {
                    int a = EdgeValues[i];
                    int b = EdgeValues[j];
                    long exact = (long)a + b;
                    int expected = exact > int.MaxValue ? int.MaxValue : exact < int.MinValue ? int.MinValue : (int)exact;
                    Assert.AreEqual(expected, FixedPoint.SaturatingAdd(a, b), "SaturatingAdd(" + a + ", " + b + ")");
                }
        }

        [TestMethod]
        public void SaturatingMultiplyShift_RoundsTiesUpAndSaturates()
        {
            Assert.AreEqual(15, FixedPoint.SaturatingMultiplyShift(3, 5, 0));
            // 1.5 * 2.0 = 3.0 in Q16
            Assert.AreEqual(196608, FixedPoint.SaturatingMultiplyShift(98304, 131072, 16));
            Assert.AreEqual(2, FixedPoint.SaturatingMultiplyShift(3, 1, 1));   // 1.5 -> 2
            Assert.AreEqual(-1, FixedPoint.SaturatingMultiplyShift(-3, 1, 1)); // -1.5 -> -1 (ties toward +infinity)
            Assert.AreEqual(-2, FixedPoint.SaturatingMultiplyShift(-7, 1, 2)); // -1.75 -> -2
            Assert.AreEqual(int.MaxValue, FixedPoint.SaturatingMultiplyShift(int.MaxValue, int.MaxValue, 0));
            Assert.AreEqual(int.MinValue, FixedPoint.SaturatingMultiplyShift(int.MinValue, int.MaxValue, 0));
            Assert.AreEqual(int.MaxValue, FixedPoint.SaturatingMultiplyShift(int.MinValue, -1, 0));
            // 2^62 >> 31 = 2^31: one above int.MaxValue
            Assert.AreEqual(int.MaxValue, FixedPoint.SaturatingMultiplyShift(int.MinValue, int.MinValue, 31));
            Assert.AreEqual(1 << 30, FixedPoint.SaturatingMultiplyShift(int.MinValue, int.MinValue, 32));
            // -2^31·(2^31 - 1) / 2^32 = -2^30 + 0.5: the tie goes up
            Assert.AreEqual(-(1 << 30) + 1, FixedPoint.SaturatingMultiplyShift(int.MinValue, int.MaxValue, 32));

            // Edge pairs for every shift where the long reference itself cannot overflow.
            for (int i = 0; i < EdgeValues.Length; i++)
                for (int j = 0; j < EdgeValues.Length; j += 3)
                    for (int s = 0; s <= 62; s += 7)
                    {
                        int a = EdgeValues[i];
                        int b = EdgeValues[j];
                        long p = (long)a * b;
                        if (s > 0) p = (p + (1L << (s - 1))) >> s;
                        int expected = p > int.MaxValue ? int.MaxValue : p < int.MinValue ? int.MinValue : (int)p;
                        Assert.AreEqual(expected, FixedPoint.SaturatingMultiplyShift(a, b, s), "SaturatingMultiplyShift(" + a + ", " + b + ", " + s + ")");
                    }
        }

        [TestMethod]
        public void SaturateToIntAndShort_ClampToTheTargetRange()
        {
            Assert.AreEqual(int.MaxValue, FixedPoint.SaturateToInt(1L << 40));
            Assert.AreEqual(int.MinValue, FixedPoint.SaturateToInt(-(1L << 40)));
            Assert.AreEqual(-17, FixedPoint.SaturateToInt(-17L));
            Assert.AreEqual(short.MaxValue, FixedPoint.SaturateToShort(40000));
            Assert.AreEqual(short.MinValue, FixedPoint.SaturateToShort(-40000));
            Assert.AreEqual((short)-123, FixedPoint.SaturateToShort(-123));
            Assert.AreEqual(short.MaxValue, FixedPoint.SaturateToShort(int.MaxValue));
            Assert.AreEqual(short.MinValue, FixedPoint.SaturateToShort(int.MinValue));
        }

        [TestMethod]
        public void RoundShift_RoundsToNearestTiesUp()
        {
            Assert.AreEqual(3, FixedPoint.RoundShift(5, 1));    // 2.5 -> 3
            Assert.AreEqual(-2, FixedPoint.RoundShift(-5, 1));  // -2.5 -> -2
            Assert.AreEqual(2, FixedPoint.RoundShift(6, 2));    // 1.5 -> 2
            Assert.AreEqual(2, FixedPoint.RoundShift(7, 2));    // 1.75 -> 2
            Assert.AreEqual(1, FixedPoint.RoundShift(5, 2));    // 1.25 -> 1
            Assert.AreEqual(-1, FixedPoint.RoundShift(-6, 2));  // -1.5 -> -1
            Assert.AreEqual(-2, FixedPoint.RoundShift(-7, 2));  // -1.75 -> -2
            Assert.AreEqual(-1, FixedPoint.RoundShift(-5, 2));  // -1.25 -> -1
            Assert.AreEqual(0, FixedPoint.RoundShift(-1, 1));   // -0.5 -> 0
            Assert.AreEqual(-1, FixedPoint.RoundShift(-3, 2));  // -0.75 -> -1
            Assert.AreEqual(1234, FixedPoint.RoundShift(1234, 0));
            Assert.AreEqual(-1234, FixedPoint.RoundShift(-1234, -3));
        }

        [TestMethod]
        public void RoundShift_NearIntLimitsDoesNotOverflow()
        {
            Assert.AreEqual(1 << 30, FixedPoint.RoundShift(int.MaxValue, 1));        // 1073741823.5 -> 2^30
            Assert.AreEqual((1 << 30) - 1, FixedPoint.RoundShift(int.MaxValue - 1, 1));
            Assert.AreEqual(134217728, FixedPoint.RoundShift(int.MaxValue, 4));        // 134217727.94 -> 2^27
            Assert.AreEqual(134217727, FixedPoint.RoundShift(int.MaxValue - 8, 4));    // 134217727.44
            Assert.AreEqual(134217728, FixedPoint.RoundShift(int.MaxValue - 7, 4));    // 134217727.5 -> up
            Assert.AreEqual(1, FixedPoint.RoundShift(int.MaxValue, 31));
            Assert.AreEqual(-(1 << 30), FixedPoint.RoundShift(int.MinValue, 1));
            Assert.AreEqual(-1, FixedPoint.RoundShift(int.MinValue, 31));
            Assert.AreEqual(0, FixedPoint.RoundShift(1 << 29, 31));                    // 0.25 -> 0
            Assert.AreEqual(1, FixedPoint.RoundShift(1 << 30, 31));                    // 0.5 -> 1

            // All shifts 1..31 on the edge values against (x + 2^(s-1)) >> s in long arithmetic.
            for (int i = 0; i < EdgeValues.Length; i++)
                for (int s = 1; s <= 31; s++)
                {
                    int x = EdgeValues[i];
                    int expected = (int)(((long)x + (1L << (s - 1))) >> s);
                    Assert.AreEqual(expected, FixedPoint.RoundShift(x, s), "RoundShift(" + x + ", " + s + ")");
                }
        }

        /// <summary>
        /// Regression (fixed): RoundShift does not limit the shift the way
        /// StochasticShift does (shift &gt; 31 → 31). C# masks int shift counts to 5 bits, so for
        /// shift 32 half = 1 &lt;&lt; 31 = int.MinValue, the "near int.MaxValue" branch is taken and
        /// RoundShift(0, 32) returns -1; shift 33 behaves like shift 1 (RoundShift(5, 33) = 3).
        /// x / 2^32 of any int lies in [-0.5, 0.5), which rounds (ties up) to 0.
        /// </summary>
        [TestMethod]
        public void RoundShift_ShiftsOf32AndMore_RoundToZero()
        {
            Assert.AreEqual(0, FixedPoint.RoundShift(0, 32));
            Assert.AreEqual(0, FixedPoint.RoundShift(5, 32));
            Assert.AreEqual(0, FixedPoint.RoundShift(int.MinValue, 32)); // exactly -0.5 -> 0
            Assert.AreEqual(0, FixedPoint.RoundShift(int.MaxValue, 32));
            Assert.AreEqual(0, FixedPoint.RoundShift(5, 33));
            Assert.AreEqual(0, FixedPoint.RoundShift(-5, 40));
        }

        /// <summary>
        /// Regression (fixed): SaturatingMultiplyShift adds the
        /// rounding half 2^(shift-1) to the 64-bit product without a range check. For shift 63
        /// int.MinValue² + 2^62 = 2^63 wraps to long.MinValue (result -1 instead of 1); for shift
        /// 64 and more the long shift count is masked to 6 bits (64 acts as 0, giving int.MinValue).
        /// </summary>
        [TestMethod]
        public void SaturatingMultiplyShift_ShiftsOf63AndMore_DoNotWrap()
        {
            Assert.AreEqual(1, FixedPoint.SaturatingMultiplyShift(int.MinValue, int.MinValue, 63)); // 0.5 -> 1
            Assert.AreEqual(0, FixedPoint.SaturatingMultiplyShift(int.MinValue, int.MinValue, 64)); // 0.25 -> 0
            Assert.AreEqual(0, FixedPoint.SaturatingMultiplyShift(int.MaxValue, int.MaxValue, 65)); // 0.125 -> 0
        }

        [TestMethod]
        public void StochasticShift_IsExactWhenNoFractionIsDiscarded()
        {
            XorShift32 rng = new XorShift32(99);
            uint before = rng.State;
            Assert.AreEqual(12, FixedPoint.StochasticShift(12 << 4, 4, rng));
            Assert.AreEqual(-12, FixedPoint.StochasticShift(-12 << 4, 4, rng));
            Assert.AreEqual(0, FixedPoint.StochasticShift(0, 9, rng));
            Assert.AreEqual(1 << 10, FixedPoint.StochasticShift(1 << 20, 10, rng));
            Assert.AreEqual(int.MinValue >> 8, FixedPoint.StochasticShift(int.MinValue, 8, rng));
            Assert.AreEqual(-1, FixedPoint.StochasticShift(int.MinValue, 31, rng));
            // Shifts above 31 are treated as 31.
            Assert.AreEqual(-1, FixedPoint.StochasticShift(int.MinValue, 40, rng));
            // No draw was needed, so the generator did not move.
            Assert.AreEqual(before, rng.State);
            // Shift 0 (or negative) returns x untouched.
            Assert.AreEqual(77, FixedPoint.StochasticShift(77, 0, rng));
            Assert.AreEqual(-77, FixedPoint.StochasticShift(-77, -2, rng));
            Assert.AreEqual(before, rng.State);
        }

        [TestMethod]
        public void StochasticShift_MeanMatchesExactQuotient()
        {
            // Bounds are about 6 standard deviations of the sum; the seed is fixed, so the test is deterministic.
            CheckStochasticMean(5, 2, 4096, 11, 170);      // 1.25 per draw, sum 5120, sd 28
            CheckStochasticMean(-5, 2, 4096, 12, 170);     // -1.25 per draw (floor -2, up with p 3/4)
            CheckStochasticMean(1, 8, 4096, 13, 25);       // 1/256 per draw, sum 16, sd 4
            CheckStochasticMean(1000, 4, 4096, 14, 200);   // 62.5 per draw, sum 256000, sd 32
            CheckStochasticMean(-3, 2, 4096, 15, 170);     // -0.75 per draw (floor -1, up with p 1/4)
            CheckStochasticMean(3, 1, 4096, 16, 200);      // 1.5 per draw, sum 6144, sd 32
        }

        private static void CheckStochasticMean(int x, int shift, int draws, uint seed, int bound)
        {
            XorShift32 rng = new XorShift32(seed);
            int floor = x >> shift;
            long sum = 0;
            int ups = 0;
            for (int k = 0; k < draws; k++)
            {
                int r = FixedPoint.StochasticShift(x, shift, rng);
                Assert.IsTrue(r == floor || r == floor + 1, "StochasticShift(" + x + ", " + shift + ") gave " + r);
                if (r != floor) ups++;
                sum += r;
            }
            // draws is a multiple of 2^shift, so draws * x / 2^shift is exact.
            long expected = ((long)draws * x) >> shift;
            long error = sum - expected;
            if (error < 0) error = -error;
            Assert.IsTrue(error <= bound, "StochasticShift(" + x + ", " + shift + "): sum " + sum + " vs exact " + expected);
            Assert.IsTrue(ups > 0, "the rounding never went up");
        }

        [TestMethod]
        public void MultiplyDecay_MatchesExactLongArithmetic()
        {
            int[] decays = { 0, 1, 1507, 2048, 3896, 4095, 4096 };
            for (int i = 0; i < EdgeValues.Length; i++)
                for (int d = 0; d < decays.Length; d++)
                {
                    int x = EdgeValues[i];
                    int decay = decays[d];
                    // round(x * decay / 4096), ties toward +infinity
                    int expected = (int)(((long)x * decay + 2048) >> 12);
                    int actual = FixedPoint.MultiplyDecay(x, decay);
                    Assert.AreEqual(expected, actual, "MultiplyDecay(" + x + ", " + decay + ")");
                    Assert.IsTrue(FixedPoint.Abs(actual) <= FixedPoint.Abs(x), "MultiplyDecay(" + x + ", " + decay + ") grew");
                }
            Assert.AreEqual(62336, FixedPoint.MultiplyDecay(65536, 3896));
            Assert.AreEqual(-62336, FixedPoint.MultiplyDecay(-65536, 3896));
            Assert.AreEqual(0, FixedPoint.MultiplyDecay(-1, 2048));   // -0.5 -> 0
            Assert.AreEqual(1, FixedPoint.MultiplyDecay(1, 2048));    // 0.5 -> 1
        }
    }
}
