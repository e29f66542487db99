#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace NanoSnn.PortableTests
{
    /// <summary>
    /// Single neurons whose spike times can be worked out by hand: LIF without leak (the
    /// membrane is an exact integer sum), LIF with leak, Zero vs Subtract reset, the refractory
    /// period, ALIF adaptation and leaky readouts.
    /// </summary>
    [TestClass]
    public class NeuronTests
    {
        // tau = 10^9 µs at dt = 1 ms: exp(-10^-6) rounds to 4096, i.e. no leak at all.
        private const int NoLeakTauUs = 1000000000;

        private static LifParameters NoLeak(int biasQ16, ResetMode reset)
        {
            LifParameters p = new LifParameters();
            p.TauMembraneUs = NoLeakTauUs;
            p.ThresholdQ16 = FixedPoint.OneQ16;
            p.BiasQ16 = biasQ16;
            p.Reset = reset;
            return p;
        }

        private static bool Contains(int[] values, int value)
        {
            for (int i = 0; i < values.Length; i++) if (values[i] == value) return true;
            return false;
        }

        [TestMethod]
        public void Lif_NoLeak_SubtractReset_SpikesWhereCumulativeInputPassesMultiplesOfThreshold()
        {
            // Constant input b = 19661 (0.300003) and v_th = 1.0 with subtractive reset: v_t =
            // t·b - (spikes before t)·v_th, so spike k happens at the first t with t·b >= k·v_th:
            // t = 4 (1.2), 7 (2.1), 10 (3.00003), 14 (4.2), 17 (5.1), 20 (6.00006).
            const int b = 19661;
            Network net = TestSupport.SingleNeuron(NoLeak(b, ResetMode.Subtract), false);
            LifPopulation n = (LifPopulation)net.Populations[0];
            Assert.AreEqual(FixedPoint.OneDecay12, n.MembraneDecay12);
            int[] expected = { 4, 7, 10, 14, 17, 20 };
            long v = 0;
            bool previous = false;
            for (int t = 1; t <= 20; t++)
            {
                net.Step(TestSupport.NoSpikes, 0);
                v += b - (previous ? FixedPoint.OneQ16 : 0);
                Assert.AreEqual((int)v, n.MembraneQ16[0], "membrane at tick " + t);
                bool spiked = n.Spiked[0] != 0;
                Assert.AreEqual(Contains(expected, t), spiked, "spike at tick " + t);
                previous = spiked;
            }
            Assert.AreEqual(6L, n.TotalSpikes);
            Assert.AreEqual(20L, net.Tick);
        }

        [TestMethod]
        public void Lif_ConstantSynapticInput_SpikesAtTheSameTicksAsConstantBias()
        {
            // The same 0.300003 per tick, now delivered by an input channel that spikes every
            // tick through a weight of 19661 with shift 0: spikes at 4, 7, 10, 14, 17, 20.
            NetworkBuilder b = new NetworkBuilder(1000, 1);
            InputPopulation input = b.AddInput("in", 1);
            LifPopulation n = b.AddLif("n", 1, NoLeak(0, ResetMode.Subtract));
            b.AddDense("in-n", input, n, 0).Fill(19661);
            Network net = b.Build();
            int[] always = { 0 };
            int[] expected = { 4, 7, 10, 14, 17, 20 };
            for (int t = 1; t <= 20; t++)
            {
                net.Step(always, 1);
                Assert.AreEqual(Contains(expected, t), n.Spiked[0] != 0, "spike at tick " + t);
            }
            Assert.AreEqual(6L, n.TotalSpikes);
            Assert.AreEqual(20L, net.SynapticEvents);
        }

        [TestMethod]
        public void Lif_NoLeak_ZeroReset_RestartsFromZeroAfterEachSpike()
        {
            // Same drive with reset to zero: four inputs of 0.3 are needed after every spike.
            const int b = 19661;
            Network net = TestSupport.SingleNeuron(NoLeak(b, ResetMode.Zero), false);
            LifPopulation n = (LifPopulation)net.Populations[0];
            int[] expected = { 4, 8, 12, 16, 20 };
            for (int t = 1; t <= 20; t++)
            {
                net.Step(TestSupport.NoSpikes, 0);
                bool spiked = n.Spiked[0] != 0;
                Assert.AreEqual(Contains(expected, t), spiked, "spike at tick " + t);
                int sinceReset = ((t - 1) % 4) + 1;
                Assert.AreEqual(spiked ? 0 : sinceReset * b, n.MembraneQ16[0], "membrane at tick " + t);
            }
            Assert.AreEqual(5L, n.TotalSpikes);
        }

        [TestMethod]
        public void Lif_WithLeak_FirstSpikeAtAnalyticTick()
        {
            // tau_m = 20 ms, dt = 1 ms: alpha = 3896/4096. Constant input b = 6554 (0.1):
            // v_t = b(1 - alpha^t)/(1 - alpha) crosses 1.0 between t = 13 (0.980) and t = 14
            // (1.032), t* = ln(1 - v_th(1 - alpha)/b)/ln(alpha) = 13.38. With reset to zero the
            // neuron repeats that every 14 ticks. The margins (about 1300 Q16) dwarf rounding.
            LifParameters p = new LifParameters();
            p.TauMembraneUs = 20000;
            p.BiasQ16 = 6554;
            p.Reset = ResetMode.Zero;
            Network net = TestSupport.SingleNeuron(p, false);
            LifPopulation n = (LifPopulation)net.Populations[0];
            Assert.AreEqual(3896, n.MembraneDecay12);
            for (int t = 1; t <= 60; t++)
            {
                net.Step(TestSupport.NoSpikes, 0);
                if (t == 1) Assert.AreEqual(6554, n.MembraneQ16[0]);
                if (t == 2) Assert.AreEqual(12788, n.MembraneQ16[0]); // round(6554·3896/4096) + 6554
                if (t == 13) Assert.IsTrue(n.MembraneQ16[0] > 63000 && n.MembraneQ16[0] < FixedPoint.OneQ16, "v13 = " + n.MembraneQ16[0]);
                Assert.AreEqual(t % 14 == 0, n.Spiked[0] != 0, "spike at tick " + t);
            }
            Assert.AreEqual(4L, n.TotalSpikes);
        }

        [TestMethod]
        public void Lif_ZeroAndSubtractResetDiffer()
        {
            Network zero = TestSupport.SingleNeuron(NoLeak(19661, ResetMode.Zero), false);
            Network subtract = TestSupport.SingleNeuron(NoLeak(19661, ResetMode.Subtract), false);
            for (int t = 0; t < 100; t++)
            {
                zero.Step(TestSupport.NoSpikes, 0);
                subtract.Step(TestSupport.NoSpikes, 0);
            }
            // Subtract keeps the remainder: floor(100·0.300003) = 30 spikes; Zero discards it: 25.
            Assert.AreEqual(30L, subtract.Populations[0].TotalSpikes);
            Assert.AreEqual(25L, zero.Populations[0].TotalSpikes);
        }

        [TestMethod]
        public void Lif_RefractoryPeriodBlocksExactlyNTicks()
        {
            int[] periods = { 0, 1, 3, 7 };
            for (int i = 0; i < periods.Length; i++)
            {
                int refractory = periods[i];
                // Input of exactly v_th every tick: the neuron would spike every tick if it could.
                LifParameters p = NoLeak(FixedPoint.OneQ16, ResetMode.Zero);
                p.RefractoryTicks = refractory;
                Network net = TestSupport.SingleNeuron(p, false);
                LifPopulation n = (LifPopulation)net.Populations[0];
                for (int t = 1; t <= 40; t++)
                {
                    net.Step(TestSupport.NoSpikes, 0);
                    int phase = (t - 1) % (refractory + 1);
                    Assert.AreEqual(phase == 0, n.Spiked[0] != 0, "refractory " + refractory + ", tick " + t);
                    Assert.AreEqual((byte)(phase == 0 ? refractory : refractory - phase), n.RefractoryLeft[0], "refractory counter, tick " + t);
                    // The membrane keeps integrating while refractory (e-prop convention).
                    Assert.AreEqual(phase == 0 ? 0 : phase * FixedPoint.OneQ16, n.MembraneQ16[0], "membrane, refractory " + refractory + ", tick " + t);
                }
                Assert.AreEqual((long)((40 + refractory) / (refractory + 1)), n.TotalSpikes, "spikes with refractory " + refractory);
            }
        }

        [TestMethod]
        public void Alif_ThresholdJumpsAfterASpikeAndDecays()
        {
            // tau_m = 0: v = input each tick (1.25). beta = 0.5, tau_a = 200 ms (rho = 4076).
            LifParameters p = new LifParameters();
            p.TauMembraneUs = 0;
            p.BiasQ16 = 81920;
            p.Reset = ResetMode.Zero;
            p.AdaptationBetaQ16 = 32768;
            p.TauAdaptationUs = 200000;
            Network net = TestSupport.SingleNeuron(p, true);
            LifPopulation n = (LifPopulation)net.Populations[0];
            Assert.AreEqual(0, n.MembraneDecay12);
            Assert.AreEqual(4076, n.AdaptationDecay12);

            net.Step(TestSupport.NoSpikes, 0);
            Assert.AreEqual((byte)1, n.Spiked[0]);
            Assert.AreEqual(0, n.AdaptationQ16[0]);
            Assert.AreEqual(FixedPoint.OneQ16, n.ThresholdOf(0));

            // The spike raises a by 1.0 in the next tick: A = 1.0 + 0.5·1.0.
            net.Step(TestSupport.NoSpikes, 0);
            Assert.AreEqual(FixedPoint.OneQ16, n.AdaptationQ16[0]);
            Assert.AreEqual(98304, n.ThresholdOf(0));
            Assert.AreEqual((byte)0, n.Spiked[0]);

            // Then a decays by rho per tick and the threshold with it, until 1.25 >= A again:
            // a <= 0.5 after ln 2 / ln(4096/4076) = 141.6 ticks, i.e. the spike near tick 144.
            int previousA = n.AdaptationQ16[0];
            int previousThreshold = n.ThresholdOf(0);
            int secondSpike = 0;
            for (int t = 3; t <= 200 && secondSpike == 0; t++)
            {
                net.Step(TestSupport.NoSpikes, 0);
                int a = n.AdaptationQ16[0];
                Assert.AreEqual(FixedPoint.MultiplyDecay(previousA, 4076), a, "adaptation at tick " + t);
                Assert.IsTrue(a < previousA, "adaptation did not decay at tick " + t);
                Assert.IsTrue(n.ThresholdOf(0) <= previousThreshold, "threshold grew at tick " + t);
                if (n.Spiked[0] != 0) secondSpike = t;
                previousA = a;
                previousThreshold = n.ThresholdOf(0);
            }
            Assert.IsTrue(secondSpike >= 142 && secondSpike <= 146, "second spike at tick " + secondSpike);
        }

        [TestMethod]
        public void Alif_AdaptationLengthensIntervalsComparedWithLif()
        {
            LifParameters p = new LifParameters();
            p.TauMembraneUs = 0;
            p.BiasQ16 = 81920;
            p.Reset = ResetMode.Zero;
            p.AdaptationBetaQ16 = 32768;
            p.TauAdaptationUs = 200000;
            Network alif = TestSupport.SingleNeuron(p, true);
            Network lif = TestSupport.SingleNeuron(p, false);
            LifPopulation a = (LifPopulation)alif.Populations[0];
            int[] spikeTicks = new int[8];
            int spikes = 0;
            for (int t = 1; t <= 1000; t++)
            {
                alif.Step(TestSupport.NoSpikes, 0);
                lif.Step(TestSupport.NoSpikes, 0);
                if (a.Spiked[0] != 0 && spikes < spikeTicks.Length) spikeTicks[spikes++] = t;
            }
            Assert.AreEqual(1000L, lif.Populations[0].TotalSpikes);
            Assert.IsTrue(spikes >= 4, "ALIF spiked " + spikes + " times");
            Assert.IsTrue(a.TotalSpikes < 20, "ALIF spiked " + a.TotalSpikes + " times");
            // The first interval starts from a = 0 (a must fall from 1.0 to 0.5); later ones start
            // from a = 0.5 + 1.0 and are longer (a must fall from 1.5 to 0.5), then repeat.
            int first = spikeTicks[1] - spikeTicks[0];
            int second = spikeTicks[2] - spikeTicks[1];
            int third = spikeTicks[3] - spikeTicks[2];
            Assert.IsTrue(second > first + 50, "intervals " + first + ", " + second);
            Assert.IsTrue(third >= second - 2 && third <= second + 2, "intervals " + second + ", " + third);
        }

        [TestMethod]
        public void Readout_IntegratesAndLeaks()
        {
            NetworkBuilder b = new NetworkBuilder(1000, 1);
            InputPopulation input = b.AddInput("in", 2);
            ReadoutPopulation output = b.AddReadout("out", 1, 20000, 0);
            b.AddDense("in-out", input, output, 4).Fill(4096); // 4096 << 4 = 1.0
            Network net = b.Build();
            Assert.AreEqual(3896, output.Decay12);

            int[] both = { 0, 1 };
            int[] first = { 0 };
            net.Step(both, 2);
            Assert.AreEqual(131072, output.ValueQ16[0]);      // two inputs of 1.0
            net.Step(TestSupport.NoSpikes, 0);
            Assert.AreEqual(124672, output.ValueQ16[0]);      // 2.0 · 3896/4096 exactly
            net.Step(TestSupport.NoSpikes, 0);
            Assert.AreEqual(118585, output.ValueQ16[0]);      // 118584.5 rounded up
            net.Step(first, 1);
            Assert.AreEqual((int)((118585L * 3896 + 2048) >> 12) + 65536, output.ValueQ16[0]);
            // The same input index twice in one tick counts once.
            int[] twice = { 1, 1 };
            int before = output.ValueQ16[0];
            net.Step(twice, 2);
            Assert.AreEqual((int)(((long)before * 3896 + 2048) >> 12) + 65536, output.ValueQ16[0]);
            // Leaks toward zero without input.
            for (int t = 0; t < 300; t++) net.Step(TestSupport.NoSpikes, 0);
            Assert.IsTrue(output.ValueQ16[0] >= 0 && output.ValueQ16[0] < 100, "after 300 ticks y = " + output.ValueQ16[0]);
        }

        [TestMethod]
        public void Readout_BiasIntegratesUpToTheStateLimit()
        {
            NetworkBuilder b = new NetworkBuilder(1000, 1);
            ReadoutPopulation up = b.AddReadout("up", 1, NoLeakTauUs, 1 << 29);
            ReadoutPopulation down = b.AddReadout("down", 1, NoLeakTauUs, -(1 << 29));
            ReadoutPopulation memoryless = b.AddReadout("memoryless", 1, 0, 777);
            Network net = b.Build();
            net.Step(TestSupport.NoSpikes, 0);
            Assert.AreEqual(1 << 29, up.ValueQ16[0]);
            Assert.AreEqual(-(1 << 29), down.ValueQ16[0]);
            Assert.AreEqual(777, memoryless.ValueQ16[0]);
            for (int t = 0; t < 3; t++) net.Step(TestSupport.NoSpikes, 0);
            Assert.AreEqual(FixedPoint.StateLimitQ16, up.ValueQ16[0]);
            Assert.AreEqual(-FixedPoint.StateLimitQ16, down.ValueQ16[0]);
            Assert.AreEqual(777, memoryless.ValueQ16[0]);
        }
    }
}
