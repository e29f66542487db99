using System;

namespace NanoSnn.Tests.Format
{
    /// <summary>
    /// Small learning networks, one per rule configuration, and a stimulus that is a pure
    /// function of the tick (inputs, supervision, rewards, e-prop sequence ends), so that a
    /// network loaded from a checkpoint can be driven on exactly like the original.
    /// </summary>
    internal static class LearningNetworks
    {
        public static readonly string[] Configurations =
        {
            "eprop-factorized-lif", "eprop-exact-lif", "eprop-exact-alif-interval7", "eprop-exact-alif-sequence",
            "eprop-factorized-alif-classification-symmetric", "rstdp-dense", "rstdp-sparse-baseline",
            "scaling-dense", "scaling-sparse", "homeostasis", "all",
        };

        /// <summary>
        /// in (8 inputs) → rec (10 LIF or ALIF, dense recurrent) → out (3 readouts), plus
        /// in → hid (8 LIF, dense) and rec → hid (sparse); the rules <paramref name="configuration"/> names.
        /// </summary>
        public static Network Build(string configuration)
        {
            bool alif = configuration.Contains("alif");
            var b = new NetworkBuilder(1000, 17);
            InputPopulation input = b.AddInput("in", 8);
            var recParameters = new LifParameters { TauMembraneUs = 20000, RefractoryTicks = 2, BiasQ16 = 1500 };
            if (alif)
            {
                recParameters.TauAdaptationUs = 200000;
                recParameters.AdaptationBetaQ16 = 12000;
            }
            LifPopulation rec = alif ? b.AddAlif("rec", 10, recParameters) : b.AddLif("rec", 10, recParameters);
            LifPopulation hid = b.AddLif("hid", 8, new LifParameters { TauMembraneUs = 15000, RefractoryTicks = 1 });
            ReadoutPopulation output = b.AddReadout("out", 3, 30000, 0);
            DenseProjection inRec = b.AddDense("in-rec", input, rec, 4);
            inRec.InitializeGaussian(b.Rng, 40000);
            DenseProjection recRec = b.AddDense("rec-rec", rec, rec, 4);
            recRec.InitializeGaussian(b.Rng, 8000);
            DenseProjection recOut = b.AddDense("rec-out", rec, output, 2);
            recOut.InitializeGaussian(b.Rng, 6000);
            DenseProjection inHid = b.AddDense("in-hid", input, hid, 4);
            inHid.InitializeGaussian(b.Rng, 30000);
            SparseProjection recHid = b.AddSparseRandom("rec-hid", rec, hid, 4, 4);
            recHid.Fill(9000);
            Network net = b.Build();

            bool all = configuration == "all";
            if (configuration.StartsWith("eprop") || all)
            {
                var p = new EpropParameters { LearningRateShift = 5, OutputLearningRateShift = 5 };
                if (configuration.Contains("exact")) p.Eligibility = EpropEligibility.Exact;
                if (configuration.Contains("interval7")) { p.UpdateIntervalTicks = 7; p.RateRegularizationQ16 = 20000; }
                if (configuration.Contains("sequence")) p.UpdateIntervalTicks = 0;
                if (configuration.Contains("classification")) { p.Task = EpropTask.Classification; p.UpdateIntervalTicks = 3; }
                if (configuration.Contains("symmetric")) p.Feedback = EpropFeedback.Symmetric;
                net.Attach(new EpropRule(net, rec, output, inRec, recRec, recOut, p));
            }
            if (configuration == "rstdp-dense")
                net.Attach(new RewardStdp(inHid, new RewardStdpParameters { UpdateTicks = 5, WeightMax = 20000 }));
            if (configuration == "rstdp-sparse-baseline" || all)
                net.Attach(new RewardStdp(recHid, new RewardStdpParameters { UpdateTicks = 3, BaselineShift = 4, ModulationSign = -1, WeightMax = 20000 }));
            if (configuration == "scaling-dense" || all)
                net.Attach(new SynapticScaling(inHid, SynapticScaling.RateToQ24(30000, 1000), 5, 9, 13107, 3277));
            if (configuration == "scaling-sparse")
                net.Attach(new SynapticScaling(recHid, SynapticScaling.RateToQ24(5000, 1000), 5, 11, 13107, 3277));
            if (configuration == "homeostasis" || all)
                net.Attach(new IntrinsicHomeostasis(hid, 6554, 2 << 16, 4, 5, 3 << 12));
            return net;
        }

        private static uint Mix(long tick, int salt)
        {
            uint x = (uint)tick * 0x9E3779B1u ^ (uint)salt * 0x85EBCA77u;
            x ^= x >> 15; x *= 0x2C1B3C6Du; x ^= x >> 12; x *= 0x297A2D39u; x ^= x >> 15;
            return x;
        }

        /// <summary>Runs <paramref name="ticks"/> ticks of the stimulus from the network's current tick on.</summary>
        public static void Run(Network net, int ticks)
        {
            var spikes = new int[net.InputSize];
            var targets = new int[3];
            for (int t = 0; t < ticks; t++)
            {
                long tick = net.Tick;
                int phase = (int)(tick / 60 % 2);
                int n = 0;
                for (int c = 0; c < net.InputSize; c++)
                    if ((Mix(tick, c) & 0xFFFF) < (uint)(phase == 0 ? 3000 + 2500 * c : 20000 - 2000 * c)) spikes[n++] = c;
                for (int k = 0; k < targets.Length; k++) targets[k] = (int)(Mix(tick / 10, 100 + k) % 50000) - 25000;
                net.Supervise(targets, phase + (int)(tick / 120 % 2), tick % 11 != 5);
                if (tick % 17 == 16) net.Reward((int)(Mix(tick, 7) % 65536) - 20000);
                net.Step(spikes, n);
                if (net.Tick % 30 == 0)
                    foreach (Plasticity rule in net.Rules)
                        if (rule is EpropRule eprop && eprop.Parameters.UpdateIntervalTicks == 0) eprop.ApplyAccumulated(net);
            }
        }

        /// <summary>A copy of every projection's weights.</summary>
        public static short[][] Weights(Network net)
        {
            var w = new short[net.Projections.Length][];
            for (int q = 0; q < w.Length; q++) w[q] = (short[])net.Projections[q].Weights.Clone();
            return w;
        }
    }
}
