#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace NanoSnn.PortableTests
{
    /// <summary>The encoders and decoders a robot controller uses: motor rates to commands, tonic and regular rate inputs, channels only the learning signal reads.</summary>
    [TestClass]
    public class RobotEncodingTests
    {
        /// <summary>Two input populations of 4 whose spikes a test sets directly.</summary>
        private static Network TwoInputs(out InputPopulation a, out InputPopulation b)
        {
            NetworkBuilder builder = new NetworkBuilder(1000, 1);
            a = builder.AddInput("a", 4);
            b = builder.AddInput("b", 4);
            return builder.Build();
        }

        [TestMethod]
        public void RateCommandDecoder_PushPullFromSpikeFractions()
        {
            InputPopulation a, b;
            Network net = TwoInputs(out a, out b);
            Population[] pops = { a, b };
            int[] gains = { 100, -100, -100, 100 };
            int[] offsets = { 10, 10 };
            RateCommandDecoder decoder = new RateCommandDecoder(pops, gains, offsets, 0, 1000);
            int[] commands = new int[2];

            int[] spikes = { 0, 1 };          // half of "a" spikes: rate 0.5
            net.Step(spikes, 2);
            decoder.Decode(commands);
            Assert.AreEqual(32768, decoder.RateQ16[0]);
            Assert.AreEqual(0, decoder.RateQ16[1]);
            Assert.AreEqual(60, commands[0]);  // 10 + 100·0.5
            Assert.AreEqual(-40, commands[1]); // 10 − 100·0.5

            int[] all = { 0, 1, 2, 3, 4, 5, 6, 7 };
            net.Step(all, 8);                  // both at rate 1.0: the push-pull cancels
            decoder.Decode(commands);
            Assert.AreEqual(10, commands[0]);
            Assert.AreEqual(10, commands[1]);

            int[] onlyA = { 0, 1, 2, 3 };
            net.Step(onlyA, 4);                // 10 + 100 = 110: clamped
            decoder.Decode(commands);
            Assert.AreEqual(100, commands[0]);
            Assert.AreEqual(-90, commands[1]);

            net.Step(TestSupport.NoSpikes, 0);
            decoder.Decode(commands);
            Assert.AreEqual(10, commands[0], "no memory with tau 0");
        }

        [TestMethod]
        public void RateCommandDecoder_FiltersWithItsTimeConstantAndResets()
        {
            InputPopulation a, b;
            Network net = TwoInputs(out a, out b);
            Population[] pops = { a };
            int[] gains = { 200 };
            int[] offsets = { 0 };
            RateCommandDecoder decoder = new RateCommandDecoder(pops, gains, offsets, 50000, 1000);
            int[] commands = new int[1];
            int[] one = { 0 };                  // rate 0.25 every tick
            int previous = 0;
            for (int t = 0; t < 400; t++)
            {
                net.Step(one, 1);
                decoder.Decode(commands);
                Assert.IsTrue(decoder.RateQ16[0] >= previous, "the filtered rate rises monotonically");
                previous = decoder.RateQ16[0];
            }
            // After 8 time constants the filter has settled at 0.25 (16384) within rounding.
            Assert.IsTrue(previous > 16300 && previous <= 16384, "settled rate " + previous);
            Assert.AreEqual(50, commands[0]);
            decoder.Reset();
            Assert.AreEqual(0, decoder.RateQ16[0]);
        }

        [TestMethod]
        public void RateCommandDecoder_RejectsBadWiring()
        {
            InputPopulation a, b;
            TwoInputs(out a, out b);
            Population[] pops = { a };
            int[] badGains = { 1, 2 };
            int[] offsets = { 0 };
            int[] badOffsets = { 101 };
            int[] gains = { 1 };
            bool gainCount = false, offsetRange = false;
            try { new RateCommandDecoder(pops, badGains, offsets, 0, 1000); } catch (System.ArgumentException) { gainCount = true; }
            try { new RateCommandDecoder(pops, gains, badOffsets, 0, 1000); } catch (System.ArgumentException) { offsetRange = true; }
            Assert.IsTrue(gainCount, "gains must be commands x populations");
            Assert.IsTrue(offsetRange, "offsets must be percent");
        }

        [TestMethod]
        public void RegularRate_CountIsWithinOneOfRateTimesWindowAndResetReplays()
        {
            RegularRateEncoder encoder = new RegularRateEncoder(3, 0, 400, 16384); // up to 0.25 per tick
            int[] samples = { 0, 200, 400 };
            int[] spikes = new int[3];
            int[] counts = new int[3];
            int[] firstTicks = new int[30];
            for (int t = 0; t < 1000; t++)
            {
                int n = encoder.Encode(samples, spikes, 0, 0);
                for (int k = 0; k < n; k++) counts[spikes[k]]++;
                if (t < firstTicks.Length) firstTicks[t] = n;
                if (t % 100 == 99)
                {
                    int window = t + 1;
                    Assert.AreEqual(0, counts[0]);
                    Assert.IsTrue(counts[1] >= window / 8 - 1 && counts[1] <= window / 8 + 1, "p 0.125 over " + window + " ticks gave " + counts[1]);
                    Assert.IsTrue(counts[2] >= window / 4 - 1 && counts[2] <= window / 4 + 1, "p 0.25 over " + window + " ticks gave " + counts[2]);
                }
            }
            encoder.Reset();
            for (int t = 0; t < firstTicks.Length; t++) Assert.AreEqual(firstTicks[t], encoder.Encode(samples, spikes, 0, 0), "tick " + t);
        }

        [TestMethod]
        public void Tonic_SpikesAtItsRateWithoutChannelsAndUnencodedChannelsOwnNoInputs()
        {
            SpikeEncoder[] parts = { new UnencodedChannels(2), new TonicEncoder(2, 16384, 7), new ThresholdCrossingEncoder(new int[] { 5 }, 0) };
            EncoderBank bank = new EncoderBank(parts);
            Assert.AreEqual(3, bank.Channels, "2 unencoded + 0 tonic + 1 threshold");
            Assert.AreEqual(4, bank.Outputs, "0 unencoded + 2 tonic + 2 threshold");
            int[] samples = { 1000, -1000, 0 };
            int[] spikes = new int[4];
            int[] counts = new int[4];
            for (int t = 0; t < 4000; t++)
            {
                samples[2] = (t & 1) == 0 ? 0 : 10;   // the threshold channel crosses up and down every tick
                int n = bank.Encode(samples, spikes, 0, 0);
                for (int k = 0; k < n; k++) counts[spikes[k]]++;
            }
            // p 0.25: 1000 expected, sd 27 (bounds about 5 sd).
            Assert.IsTrue(counts[0] > 860 && counts[0] < 1140, "tonic 0 gave " + counts[0]);
            Assert.IsTrue(counts[1] > 860 && counts[1] < 1140, "tonic 1 gave " + counts[1]);
            Assert.AreEqual(2000, counts[2], "the threshold encoder reads channel 2, not the unencoded ones");
            Assert.AreEqual(1999, counts[3], "a fall follows each rise but the last");
        }

        [TestMethod]
        public void ReadoutDecoder_OffsetIsTheCommandAtRest()
        {
            NetworkBuilder b = new NetworkBuilder(1000, 1);
            b.AddInput("in", 1);
            ReadoutPopulation readout = b.AddReadout("out", 2, 0, 0);
            b.Build();
            ReadoutCommandDecoder decoder = new ReadoutCommandDecoder(readout, 50 * FixedPoint.OneQ16, 40);
            int[] commands = new int[2];
            readout.ValueQ16[0] = 0;
            readout.ValueQ16[1] = -FixedPoint.OneQ16 / 2;
            decoder.Decode(commands);
            Assert.AreEqual(40, commands[0]);
            Assert.AreEqual(15, commands[1]);
            Assert.AreEqual(40, decoder.OffsetPercent);
        }
    }
}
