#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace NanoSnn.PortableTests
{
    /// <summary>Encoders (samples to spikes) and decoders (spikes or readouts to commands).</summary>
    [TestClass]
    public class EncodingTests
    {
        [TestMethod]
        public void Bernoulli_EmpiricalRatesMatchProbabilities()
        {
            BernoulliRateEncoder encoder = new BernoulliRateEncoder(4, 2024);
            int[] probabilities = { 0, 6554, 32768, FixedPoint.CertainProbQ16 }; // 0, 0.1, 0.5, 1
            int[] spikes = new int[8];
            int[] counts = new int[4];
            const int ticks = 10000;
            for (int t = 0; t < ticks; t++)
            {
                int end = encoder.Encode(probabilities, spikes, 2, 100);
                for (int k = 2; k < end; k++)
                {
                    int channel = spikes[k] - 100;
                    Assert.IsTrue(channel >= 0 && channel < 4, "index " + spikes[k]);
                    if (k > 2) Assert.IsTrue(spikes[k] > spikes[k - 1], "indices out of order");
                    counts[channel]++;
                }
            }
            Assert.AreEqual(0, counts[0]);
            Assert.AreEqual(ticks, counts[3]);
            // p = 0.1: 1000 expected, sd 30; p = 0.5: 5000 expected, sd 50 (bounds about 5 sd).
            Assert.IsTrue(counts[1] > 850 && counts[1] < 1150, "p 0.1 gave " + counts[1]);
            Assert.IsTrue(counts[2] > 4750 && counts[2] < 5250, "p 0.5 gave " + counts[2]);
        }

        [TestMethod]
        public void Bernoulli_UniformAndSameSeedAreDeterministic()
        {
            BernoulliRateEncoder a = new BernoulliRateEncoder(16, 5);
            BernoulliRateEncoder b = new BernoulliRateEncoder(16, 5);
            int[] uniform = new int[16];
            for (int c = 0; c < 16; c++) uniform[c] = 13107; // 0.2
            int[] sa = new int[16];
            int[] sb = new int[16];
            int total = 0;
            for (int t = 0; t < 500; t++)
            {
                int na = a.EncodeUniform(13107, sa, 0, 0);
                int nb = b.Encode(uniform, sb, 0, 0);
                Assert.AreEqual(na, nb, "tick " + t);
                for (int k = 0; k < na; k++) Assert.AreEqual(sa[k], sb[k]);
                total += na;
            }
            Assert.AreEqual(a.Rng.State, b.Rng.State);
            // 1600 expected, sd 36
            Assert.IsTrue(total > 1420 && total < 1780, "uniform 0.2 gave " + total);
        }

        [TestMethod]
        public void SendOnDelta_PrimesThenSpikesUpAndDownAndTracksReference()
        {
            int[] deltas = { 10, 5 };
            SendOnDeltaEncoder encoder = new SendOnDeltaEncoder(deltas);
            Assert.AreEqual(4, encoder.Outputs);
            int[] spikes = new int[4];
            int[] samples = { 100, -50 };

            Assert.AreEqual(0, encoder.Encode(samples, spikes, 0, 0)); // primes only
            Assert.AreEqual(100, encoder.Reference[0]);
            Assert.AreEqual(-50, encoder.Reference[1]);

            samples[0] = 125;       // +25: up on output 0, one delta per tick
            samples[1] = -62;       // -12: down on output 3
            Assert.AreEqual(2, encoder.Encode(samples, spikes, 0, 7));
            Assert.AreEqual(7, spikes[0]);
            Assert.AreEqual(3 + 7, spikes[1]);
            Assert.AreEqual(110, encoder.Reference[0]);
            Assert.AreEqual(-55, encoder.Reference[1]);

            Assert.AreEqual(2, encoder.Encode(samples, spikes, 0, 0));
            Assert.AreEqual(0, spikes[0]);
            Assert.AreEqual(3, spikes[1]);
            Assert.AreEqual(120, encoder.Reference[0]);
            Assert.AreEqual(-60, encoder.Reference[1]);

            // Remaining differences (5 and 2) are below delta: silence.
            Assert.AreEqual(0, encoder.Encode(samples, spikes, 0, 0));
            Assert.AreEqual(120, encoder.Reference[0]);

            samples[0] = 110;       // -10: exactly one delta down on output 1 (written at position 1)
            Assert.AreEqual(2, encoder.Encode(samples, spikes, 1, 0));
            Assert.AreEqual(1, spikes[1]);
            Assert.AreEqual(110, encoder.Reference[0]);

            // Reset: the next sample re-primes without spiking.
            encoder.Reset();
            samples[0] = 5000;
            Assert.AreEqual(0, encoder.Encode(samples, spikes, 0, 0));
            Assert.AreEqual(5000, encoder.Reference[0]);
        }

        [TestMethod]
        public void SendOnDelta_HandlesDifferencesBeyondTheIntRange()
        {
            int[] deltas = { 1 << 30 };
            SendOnDeltaEncoder encoder = new SendOnDeltaEncoder(deltas);
            int[] spikes = new int[2];
            int[] samples = { int.MinValue };
            encoder.Encode(samples, spikes, 0, 0);
            samples[0] = int.MaxValue; // the difference 2^32 - 1 does not fit an int
            Assert.AreEqual(1, encoder.Encode(samples, spikes, 0, 0));
            Assert.AreEqual(0, spikes[0]);
            Assert.AreEqual(int.MinValue + (1 << 30), encoder.Reference[0]);
            Assert.AreEqual(1, encoder.Encode(samples, spikes, 0, 0));
            Assert.AreEqual(1, encoder.Encode(samples, spikes, 0, 0));
            Assert.AreEqual(int.MaxValue - ((1 << 30) - 1), encoder.Reference[0]);
            Assert.AreEqual(0, encoder.Encode(samples, spikes, 0, 0));
            samples[0] = int.MinValue;
            Assert.AreEqual(1, encoder.Encode(samples, spikes, 0, 0));
            Assert.AreEqual(1, spikes[0]);
        }

        [TestMethod]
        public void SendOnDelta_RejectsBadDeltas()
        {
            Assert.IsTrue(Throws(new int[0]));
            int[] zero = { 3, 0 };
            Assert.IsTrue(Throws(zero));
            int[] negative = { -1 };
            Assert.IsTrue(Throws(negative));
        }

        private static bool Throws(int[] deltas)
        {
            try
            {
                new SendOnDeltaEncoder(deltas);
            }
            catch (System.ArgumentException)
            {
                return true;
            }
            return false;
        }

        [TestMethod]
        public void ThresholdCrossing_RisesOnceAndFallsBelowThresholdMinusHysteresis()
        {
            int[] thresholds = { 100 };
            ThresholdCrossingEncoder encoder = new ThresholdCrossingEncoder(thresholds, 10);
            Assert.AreEqual(2, encoder.Outputs);
            int[] samples = new int[1];
            int[] spikes = new int[2];
            // sample sequence and the output expected (-1: none)
            int[] sequence = { 50, 99, 100, 120, 95, 91, 90, 89, 95, 99, 100, 101, 89 };
            int[] expected = { -1, -1, 0, -1, -1, -1, -1, 1, -1, -1, 0, -1, 1 };
            for (int i = 0; i < sequence.Length; i++)
            {
                samples[0] = sequence[i];
                int n = encoder.Encode(samples, spikes, 0, 0);
                Assert.AreEqual(expected[i] < 0 ? 0 : 1, n, "sample " + i + " = " + sequence[i]);
                if (n == 1) Assert.AreEqual(expected[i], spikes[0], "sample " + i);
            }
            // Reset: below again, so the next sample at threshold rises.
            samples[0] = 150;
            Assert.AreEqual(1, encoder.Encode(samples, spikes, 0, 0));
            Assert.AreEqual(0, encoder.Encode(samples, spikes, 0, 0));
            encoder.Reset();
            Assert.AreEqual(1, encoder.Encode(samples, spikes, 0, 40));
            Assert.AreEqual(40, spikes[0]);
        }

        [TestMethod]
        public void ThresholdCrossing_ZeroHysteresisAndSeveralChannels()
        {
            int[] thresholds = { 0, int.MinValue + 5 };
            ThresholdCrossingEncoder encoder = new ThresholdCrossingEncoder(thresholds, 0);
            int[] samples = { 0, int.MinValue + 5 };
            int[] spikes = new int[4];
            Assert.AreEqual(2, encoder.Encode(samples, spikes, 0, 0));
            Assert.AreEqual(0, spikes[0]);
            Assert.AreEqual(2, spikes[1]);
            samples[0] = -1;
            samples[1] = int.MinValue;
            Assert.AreEqual(2, encoder.Encode(samples, spikes, 0, 0));
            Assert.AreEqual(1, spikes[0]);
            Assert.AreEqual(3, spikes[1]);

            // threshold - hysteresis lies below int.MinValue: computed in long it can never be
            // undercut (in int it would wrap to a large positive value and fall at once).
            int[] low = { int.MinValue + 5 };
            ThresholdCrossingEncoder deep = new ThresholdCrossingEncoder(low, 100);
            int[] sample = { int.MinValue + 5 };
            Assert.AreEqual(1, deep.Encode(sample, spikes, 0, 0));
            sample[0] = int.MinValue;
            Assert.AreEqual(0, deep.Encode(sample, spikes, 0, 0));
        }

        /// <summary>Runs one tick with the given input spikes, updates the decoder and returns WindowClosed.</summary>
        private static bool Tick(Network net, SpikeCountDecoder decoder, int[] spikes)
        {
            net.Step(spikes, spikes.Length);
            decoder.Update();
            return decoder.WindowClosed;
        }

        [TestMethod]
        public void SpikeCountDecoder_CountsTumblingWindowsAndPicksTheWinner()
        {
            NetworkBuilder b = new NetworkBuilder(1000, 1);
            InputPopulation input = b.AddInput("in", 3);
            Network net = b.Build();
            SpikeCountDecoder decoder = new SpikeCountDecoder(input, 3);
            int[] s01 = { 0, 1 };
            int[] s1 = { 1 };
            int[] s2 = { 2 };
            int[] s02 = { 0, 2 };
            int[] none = TestSupport.NoSpikes;

            Assert.IsFalse(Tick(net, decoder, s01));
            Assert.AreEqual(-1, decoder.Winner);
            Assert.IsFalse(Tick(net, decoder, s1));
            Assert.IsTrue(Tick(net, decoder, s2));
            Assert.AreEqual(1, decoder.Counts[0]);
            Assert.AreEqual(2, decoder.Counts[1]);
            Assert.AreEqual(1, decoder.Counts[2]);
            Assert.AreEqual(1, decoder.Winner);

            // Next window: a tie between 0 and 2 goes to the lower index; counts stay until it closes.
            Assert.IsFalse(Tick(net, decoder, s02));
            Assert.AreEqual(2, decoder.Counts[1]);
            Assert.IsFalse(Tick(net, decoder, none));
            Assert.IsTrue(Tick(net, decoder, none));
            Assert.AreEqual(1, decoder.Counts[0]);
            Assert.AreEqual(0, decoder.Counts[1]);
            Assert.AreEqual(1, decoder.Counts[2]);
            Assert.AreEqual(0, decoder.Winner);

            // A silent window has no winner.
            Assert.IsFalse(Tick(net, decoder, none));
            Assert.IsFalse(Tick(net, decoder, none));
            Assert.IsTrue(Tick(net, decoder, none));
            Assert.AreEqual(-1, decoder.Winner);

            // Reset starts a new window now.
            Assert.IsFalse(Tick(net, decoder, s2));
            decoder.Reset();
            Assert.IsFalse(Tick(net, decoder, s1));
            Assert.IsFalse(Tick(net, decoder, s1));
            Assert.IsTrue(Tick(net, decoder, s1));
            Assert.AreEqual(0, decoder.Counts[2]);
            Assert.AreEqual(3, decoder.Counts[1]);
            Assert.AreEqual(1, decoder.Winner);
        }

        [TestMethod]
        public void LinearCommandDecoder_RoundsAndClamps()
        {
            LinearCommandDecoder pwm = new LinearCommandDecoder(1023 * FixedPoint.OneQ16, 0, 0, 1023);
            Assert.AreEqual(1023, pwm.Decode(FixedPoint.OneQ16));
            Assert.AreEqual(0, pwm.Decode(0));
            Assert.AreEqual(512, pwm.Decode(FixedPoint.OneQ16 / 2));       // 511.5 -> 512
            Assert.AreEqual(1023, pwm.Decode(2 * FixedPoint.OneQ16));      // clamped
            Assert.AreEqual(0, pwm.Decode(-FixedPoint.OneQ16));            // clamped
            Assert.AreEqual(1023, pwm.Decode(int.MaxValue));
            Assert.AreEqual(0, pwm.Decode(int.MinValue));

            LinearCommandDecoder unit = new LinearCommandDecoder(FixedPoint.OneQ16, 0, int.MinValue, int.MaxValue);
            Assert.AreEqual(1, unit.Decode(32768));     // 0.5 -> 1 (ties up)
            Assert.AreEqual(0, unit.Decode(32767));
            Assert.AreEqual(0, unit.Decode(-32768));    // -0.5 -> 0 (ties toward +infinity)
            Assert.AreEqual(-1, unit.Decode(-32769));
            Assert.AreEqual(32768, unit.Decode(int.MaxValue));  // 32767.99998 -> 32768
            Assert.AreEqual(-32768, unit.Decode(int.MinValue));

            LinearCommandDecoder servo = new LinearCommandDecoder(500 * FixedPoint.OneQ16, 1500, 1000, 2000);
            Assert.AreEqual(1500, servo.Decode(0));
            Assert.AreEqual(1000, servo.Decode(-FixedPoint.OneQ16));
            Assert.AreEqual(2000, servo.Decode(3 * FixedPoint.OneQ16));
            Assert.AreEqual(1625, servo.Decode(FixedPoint.OneQ16 / 4));

            bool threw = false;
            try
            {
                new LinearCommandDecoder(FixedPoint.OneQ16, 0, 10, 9);
            }
            catch (System.ArgumentException)
            {
                threw = true;
            }
            Assert.IsTrue(threw, "minimum above maximum must be rejected");
        }
    }
}
