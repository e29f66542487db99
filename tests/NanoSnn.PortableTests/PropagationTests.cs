#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace NanoSnn.PortableTests
{
    /// <summary>
    /// Dense and sparse propagation, delays and event counts. Delivered input is observed
    /// through readout "probes" with tau = 0 (Decay12 = 0, so y = this tick's input exactly).
    /// </summary>
    [TestClass]
    public class PropagationTests
    {
        private static int[] Spikes(int a)
        {
            int[] s = { a };
            return s;
        }

        private static int[] Spikes(int a, int b)
        {
            int[] s = { a, b };
            return s;
        }

        [TestMethod]
        public void Dense_DeliversShiftedWeightsOfSpikingSourcesOnly()
        {
            NetworkBuilder b = new NetworkBuilder(1000, 1);
            InputPopulation input = b.AddInput("in", 3);
            ReadoutPopulation probe = b.AddReadout("probe", 4, 0, 0);
            DenseProjection dense = b.AddDense("in-probe", input, probe, 3);
            short[] w = dense.Weights;
            Assert.AreEqual(12, w.Length);
            for (int i = 0; i < 3; i++)
                for (int j = 0; j < 4; j++)
                    w[i * 4 + j] = (short)((i + 1) * 1000 * (j % 2 == 0 ? 1 : -1) + j);
            Network net = b.Build();
            Assert.AreEqual(3, dense.MaxFanIn);

            net.Step(Spikes(0, 2), 2);
            for (int j = 0; j < 4; j++)
                Assert.AreEqual((w[j] + w[8 + j]) << 3, probe.ValueQ16[j], "target " + j);
            Assert.AreEqual(8, net.TickSynapticEvents);

            net.Step(Spikes(1), 1);
            for (int j = 0; j < 4; j++) Assert.AreEqual(w[4 + j] << 3, probe.ValueQ16[j], "target " + j);
            Assert.AreEqual(4, net.TickSynapticEvents);

            net.Step(TestSupport.NoSpikes, 0);
            for (int j = 0; j < 4; j++) Assert.AreEqual(0, probe.ValueQ16[j]);
            Assert.AreEqual(0, net.TickSynapticEvents);
            Assert.AreEqual(12L, net.SynapticEvents);

            // Row-major by source.
            Assert.AreEqual(1, dense.SourceOf(5));
            Assert.AreEqual(1, dense.TargetOf(5));
            Assert.AreEqual(2, dense.SourceOf(11));
            Assert.AreEqual(3, dense.TargetOf(11));
        }

        [TestMethod]
        public void Sparse_DeliversToListedTargetsOnly()
        {
            NetworkBuilder b = new NetworkBuilder(1000, 1);
            InputPopulation input = b.AddInput("in", 3);
            ReadoutPopulation probe = b.AddReadout("probe", 4, 0, 0);
            // source 0 -> {1, 3}, source 1 -> {}, source 2 -> {0, 1, 3}
            int[] rows = { 0, 2, 2, 5 };
            ushort[] targets = { 1, 3, 0, 1, 3 };
            SparseProjection sparse = b.AddSparse("in-probe", input, probe, 2, rows, targets);
            short[] weights = { 10, -20, 30, 40, -50 };
            System.Array.Copy(weights, sparse.Weights, 5);
            Network net = b.Build();
            Assert.AreEqual(2, sparse.MaxFanIn);
            Assert.AreEqual(5, sparse.SynapseCount);

            net.Step(Spikes(1, 2), 2);
            Assert.AreEqual(30 << 2, probe.ValueQ16[0]);
            Assert.AreEqual(40 << 2, probe.ValueQ16[1]);
            Assert.AreEqual(0, probe.ValueQ16[2]);
            Assert.AreEqual(-50 << 2, probe.ValueQ16[3]);
            Assert.AreEqual(3, net.TickSynapticEvents); // 0 from source 1, 3 from source 2

            net.Step(Spikes(0), 1);
            Assert.AreEqual(0, probe.ValueQ16[0]);
            Assert.AreEqual(10 << 2, probe.ValueQ16[1]);
            Assert.AreEqual(0, probe.ValueQ16[2]);
            Assert.AreEqual(-20 << 2, probe.ValueQ16[3]);
            Assert.AreEqual(2, net.TickSynapticEvents);

            net.Step(Spikes(0, 2), 2);
            Assert.AreEqual(30 << 2, probe.ValueQ16[0]);
            Assert.AreEqual((10 + 40) << 2, probe.ValueQ16[1]);
            Assert.AreEqual((-20 - 50) << 2, probe.ValueQ16[3]);
            Assert.AreEqual(5, net.TickSynapticEvents);

            Assert.AreEqual(0, sparse.SourceOf(0));
            Assert.AreEqual(0, sparse.SourceOf(1));
            Assert.AreEqual(2, sparse.SourceOf(2)); // source 1 has an empty row
            Assert.AreEqual(2, sparse.SourceOf(4));
            Assert.AreEqual(1, sparse.TargetOf(3));
        }

        [TestMethod]
        public void FeedForwardHasNoDelay_RecurrentHasOneTick()
        {
            // Update order: probeBefore, lif, probeAfter. lif -> probeAfter is feed-forward (this
            // tick's spikes); lif -> probeBefore comes from a later population (last tick's spikes).
            NetworkBuilder b = new NetworkBuilder(1000, 1);
            InputPopulation input = b.AddInput("in", 1);
            ReadoutPopulation before = b.AddReadout("probe-before", 1, 0, 0);
            LifParameters p = new LifParameters();
            p.TauMembraneUs = 0;
            p.Reset = ResetMode.Zero;
            LifPopulation lif = b.AddLif("lif", 1, p);
            ReadoutPopulation after = b.AddReadout("probe-after", 1, 0, 0);
            DenseProjection drive = b.AddDense("in-lif", input, lif, 4);
            drive.Fill(4096); // 1.0: one input spike makes the neuron spike
            DenseProjection back = b.AddDense("lif-before", lif, before, 4);
            back.Fill(4096);
            DenseProjection forward = b.AddDense("lif-after", lif, after, 4);
            forward.Fill(4096);
            DenseProjection self = b.AddDense("lif-lif", lif, lif, 0);
            Network net = b.Build();

            Assert.IsFalse(drive.IsRecurrent);
            Assert.IsFalse(forward.IsRecurrent);
            Assert.IsTrue(back.IsRecurrent);
            Assert.IsTrue(self.IsRecurrent);

            net.Step(Spikes(0), 1);                           // tick 1: input -> lif spikes
            Assert.AreEqual((byte)1, lif.Spiked[0]);
            Assert.AreEqual(FixedPoint.OneQ16, after.ValueQ16[0]);
            Assert.AreEqual(0, before.ValueQ16[0]);
            Assert.AreEqual(2, net.TickSynapticEvents);       // in-lif, lif-after (lif-before and lif-lif saw no spike yet)

            net.Step(TestSupport.NoSpikes, 0);                // tick 2: the recurrent projections deliver tick 1's spike
            Assert.AreEqual((byte)0, lif.Spiked[0]);
            Assert.AreEqual(0, after.ValueQ16[0]);
            Assert.AreEqual(FixedPoint.OneQ16, before.ValueQ16[0]);
            Assert.AreEqual(2, net.TickSynapticEvents);       // lif-before, lif-lif (weight 0)

            net.Step(TestSupport.NoSpikes, 0);
            Assert.AreEqual(0, before.ValueQ16[0]);
            Assert.AreEqual(0, net.TickSynapticEvents);
        }

        /// <summary>
        /// Regression: input populations are not in the update order (their spikes are set at
        /// the start of every tick), so a projection from an input always delivers in the same
        /// tick, whatever the input's position; IsRecurrent once compared indices only and
        /// claimed a one-tick delay for an input added after its target.
        /// </summary>
        [TestMethod]
        public void InputAddedAfterItsTarget_DeliversWithoutDelay_AndIsNotRecurrent()
        {
            NetworkBuilder b = new NetworkBuilder(1000, 1);
            ReadoutPopulation probe = b.AddReadout("probe", 1, 0, 0);
            InputPopulation input = b.AddInput("in", 1);
            DenseProjection drive = b.AddDense("in-probe", input, probe, 4);
            drive.Fill(4096);
            Network net = b.Build();

            net.Step(Spikes(0), 1);
            Assert.AreEqual(FixedPoint.OneQ16, probe.ValueQ16[0]); // delivered in the same tick: no delay
            Assert.IsFalse(drive.IsRecurrent, "IsRecurrent claims a one-tick delay that does not exist");
        }

        [TestMethod]
        public void SynapticEvents_AreSpikesTimesFanOut()
        {
            Network net = SensorNetwork.Build(3);
            Population[] pops = net.Populations;
            Projection[] projs = net.Projections;
            byte[][] previous = new byte[pops.Length][];
            for (int p = 0; p < pops.Length; p++) previous[p] = new byte[pops[p].Spiked.Length];
            XorShift32 rng = new XorShift32(17);
            int[] spikes = new int[net.InputSize];
            long total = 0;
            long maxTick = 0;
            for (int t = 0; t < 150; t++)
            {
                for (int p = 0; p < pops.Length; p++)
                    System.Array.Copy(pops[p].Spiked, previous[p], previous[p].Length);
                int n = 0;
                for (int c = 0; c < net.InputSize; c++) if (rng.NextBernoulli(16384)) spikes[n++] = c;
                net.Step(spikes, n);

                long expected = 0;
                for (int q = 0; q < projs.Length; q++)
                {
                    Projection proj = projs[q];
                    // Sources updated before their target (and inputs, which SensorNetwork adds first) deliver this tick's spikes.
                    byte[] source = proj.IsRecurrent ? previous[proj.Source.Index] : proj.Source.Spiked;
                    SparseProjection sparse = proj as SparseProjection;
                    for (int i = 0; i < source.Length; i++)
                    {
                        if (source[i] == 0) continue;
                        expected += sparse == null ? proj.Target.Size : sparse.RowStart[i + 1] - sparse.RowStart[i];
                    }
                }
                Assert.AreEqual(expected, (long)net.TickSynapticEvents, "tick " + net.Tick);
                total += expected;
                if (expected > maxTick) maxTick = expected;
            }
            Assert.AreEqual(total, net.SynapticEvents);
            Assert.IsTrue(maxTick > 0, "no synaptic events at all: the scenario is too quiet to test anything");
            net.ResetCounters();
            Assert.AreEqual(0L, net.SynapticEvents);
            Assert.AreEqual(0L, pops[1].TotalSpikes);
        }
    }
}
