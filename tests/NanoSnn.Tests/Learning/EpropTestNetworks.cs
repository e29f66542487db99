using System;
using NanoSnn.Cli.Experiments;

namespace NanoSnn.Tests.Learning
{
    /// <summary>Small input → LIF/ALIF → readout networks with an attached e-prop rule, and a frozen input/target stream.</summary>
    internal sealed class EpropTestNetwork
    {
        public Network Network;
        public EpropRule Rule;
        public LifPopulation Recurrent;
        public ReadoutPopulation Readout;
        public int[][] Spikes;
        public double[][] Targets;
        public int[] Classes;

        public const int Inputs = 20, RecurrentSize = 40;

        public static EpropTestNetwork Build(bool adaptive, EpropParameters p, int outputs, int ticks, uint seed)
        {
            var t = new EpropTestNetwork();
            double zeta = 1 - Math.Exp(-1.0 / 30);
            var b = new NetworkBuilder(1000, seed);
            var input = b.AddInput("in", Inputs);
            var lp = new LifParameters
            {
                ThresholdQ16 = 65536, // 1.0: the pattern task's network with every potential scaled by 1/0.03, for 5 more bits of membrane resolution
                TauMembraneUs = 30000,
                Reset = ResetMode.Subtract,
                RefractoryTicks = 2,
                TauAdaptationUs = 200000,
                AdaptationBetaQ16 = adaptive ? 10923 : 0, // 1/6
            };
            t.Recurrent = adaptive ? b.AddAlif("rec", RecurrentSize, lp) : b.AddLif("rec", RecurrentSize, lp);
            t.Readout = b.AddReadout("out", outputs, 30000, 0);
            var win = b.AddDense("in-rec", input, t.Recurrent, 2);
            var wrec = b.AddDense("rec-rec", t.Recurrent, t.Recurrent, 2);
            var wout = b.AddDense("rec-out", t.Recurrent, t.Readout, 0);
            t.Network = b.Build();
            var init = new XorShift32(seed * 7919u + 3);
            // 1.3x the pattern task's scale so that the small network is active (about 10-30 Hz).
            win.InitializeGaussian(init, (int)(1.3 * zeta / 0.03 / Math.Sqrt(Inputs) * 65536));
            wrec.InitializeGaussian(init, (int)(zeta / 0.03 / Math.Sqrt(RecurrentSize) * 65536));
            for (int j = 0; j < RecurrentSize; j++) wrec.Weights[j * RecurrentSize + j] = 0;
            wout.InitializeGaussian(init, (int)(zeta / Math.Sqrt(RecurrentSize) * 65536));
            t.Rule = new EpropRule(t.Network, t.Recurrent, t.Readout, win, wrec, wout, p);
            t.Network.Attach(t.Rule);

            var random = new Random((int)seed);
            t.Spikes = new int[ticks][];
            t.Targets = new double[ticks][];
            t.Classes = new int[ticks];
            var scratch = new int[Inputs];
            for (int k = 0; k < ticks; k++)
            {
                int n = 0;
                for (int i = 0; i < Inputs; i++) if (random.NextDouble() < 0.06) scratch[n++] = i;
                t.Spikes[k] = scratch.AsSpan(0, n).ToArray();
                t.Targets[k] = new double[outputs];
                for (int o = 0; o < outputs; o++) t.Targets[k][o] = 0.5 * Math.Sin(2 * Math.PI * k / (150.0 + 70 * o) + o);
                t.Classes[k] = (k / 50) % outputs;
            }
            return t;
        }

        /// <summary>Sets the rule's (and the reference's, if given) targets for tick k.</summary>
        public void SetTargets(int k, EpropFloatReference reference)
        {
            for (int o = 0; o < Targets[k].Length; o++)
            {
                Rule.TargetQ16[o] = (int)Math.Round(Targets[k][o] * 65536);
                if (reference != null) reference.Target[o] = Rule.TargetQ16[o] / 65536.0;
            }
            Rule.TargetClass = Classes[k];
            // delayed supervision: only the last 20 ticks of each 50-tick block are supervised
            Rule.TargetValid = k % 50 >= 30 || Rule.Parameters.Task == EpropTask.Regression;
            if (reference != null)
            {
                reference.TargetClass = Rule.TargetClass;
                reference.TargetValid = Rule.TargetValid;
            }
        }
    }
}
