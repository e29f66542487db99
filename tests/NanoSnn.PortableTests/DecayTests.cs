#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace NanoSnn.PortableTests
{
    /// <summary>
    /// <see cref="Decay.FromTau"/> against values of round(4096·exp(-dt/tau)) computed in
    /// double precision off-line (Python math.exp); none of them lies within 0.01 of a .5 tie,
    /// so the core's ±1 LSB tolerance does not come into play and the values must be exact.
    /// </summary>
    [TestClass]
    public class DecayTests
    {
        [TestMethod]
        public void FromTau_KnownValues()
        {
            Assert.AreEqual(1507, Decay.FromTau(1000, 1000));        // 4096/e = 1506.834
            Assert.AreEqual(3896, Decay.FromTau(20000, 1000));       // 4096·e^-0.05 = 3896.236
            Assert.AreEqual(2484, Decay.FromTau(2000, 1000));        // 4096·e^-0.5 = 2484.350
            Assert.AreEqual(3962, Decay.FromTau(30000, 1000));       // 4096·e^-1/30 = 3961.717
            Assert.AreEqual(4076, Decay.FromTau(200000, 1000));      // 4096·e^-0.005 = 4075.571
            Assert.AreEqual(4082, Decay.FromTau(300000, 1000));      // 4096·e^-1/300 = 4082.369
            Assert.AreEqual(2935, Decay.FromTau(3000, 1000));        // 4096·e^-1/3 = 2934.912
            Assert.AreEqual(554, Decay.FromTau(500, 1000));          // 4096·e^-2 = 554.333
            Assert.AreEqual(4055, Decay.FromTau(10000, 100));        // 4096·e^-0.01 = 4055.244
            Assert.AreEqual(2668, Decay.FromTau(7, 3));              // 4096·e^-3/7 = 2668.294
            Assert.AreEqual(0, Decay.FromTau(100, 1000));            // 4096·e^-10 = 0.186
            Assert.AreEqual(4096, Decay.FromTau(1000000000, 1000));  // 4095.996
            Assert.AreEqual(4096, Decay.FromTau(int.MaxValue, 1));
            Assert.AreEqual(0, Decay.FromTau(1, 1000000));           // e^-1e6: far below one LSB
        }

        [TestMethod]
        public void FromTau_NoMemoryForNonPositiveArguments()
        {
            Assert.AreEqual(0, Decay.FromTau(0, 1000));
            Assert.AreEqual(0, Decay.FromTau(-5, 1000));
            Assert.AreEqual(0, Decay.FromTau(1000, 0));
            Assert.AreEqual(0, Decay.FromTau(1000, -1));
        }

        [TestMethod]
        public void FromTau_IsMonotonicInTauAndWithinRange()
        {
            int previous = -1;
            for (int tau = 50; tau <= 2000000; tau += tau / 16 + 1)
            {
                int d = Decay.FromTau(tau, 1000);
                Assert.IsTrue(d >= 0 && d <= FixedPoint.OneDecay12, "FromTau(" + tau + ", 1000) = " + d);
                Assert.IsTrue(d >= previous, "FromTau decreased at tau " + tau);
                previous = d;
            }
        }

        [TestMethod]
        public void ExpNegQ30_KnownValues()
        {
            const long one = 1L << 30;
            Assert.AreEqual(one, Decay.ExpNegQ30(0));
            Assert.AreEqual(one, Decay.ExpNegQ30(-12345));
            Assert.AreEqual(395007542L, Decay.ExpNegQ30(one));      // e^-1 in Q30
            Assert.AreEqual(0L, Decay.ExpNegQ30(23 * one));        // below one LSB
            // e^-0.5 = 0.60653066: within a few Q30 LSB of 651257336.7
            long half = Decay.ExpNegQ30(one / 2);
            Assert.IsTrue(half >= 651257330L && half <= 651257343L, "e^-0.5 in Q30 = " + half);
            // e^-2 = 0.13533528: 145315153.7 in Q30
            long two = Decay.ExpNegQ30(2 * one);
            Assert.IsTrue(two >= 145315145L && two <= 145315160L, "e^-2 in Q30 = " + two);
        }
    }
}
