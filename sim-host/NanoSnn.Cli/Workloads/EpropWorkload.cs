using System;

namespace NanoSnn.Cli.Workloads
{
    /// <summary>
    /// The e-prop benchmark workload: "in" (n_in Bernoulli inputs) → "rec" (n_rec LIF, input
    /// and recurrent dense projections) → "out" (n_out leaky readouts), learning every tick
    /// with random feedback and regression targets (one sine per readout). The network is the
    /// pattern task's with potentials scaled by 1/0.03 (v_th = 1.0).
    /// </summary>
    public sealed class EpropWorkload
    {
        /// <summary>The workload's name on the command line.</summary>
        public const string Name = "eprop";

        private const int PeriodTicks = 1000;
        private readonly BernoulliRateEncoder _encoder;
        private readonly int[] _spikes;
        private readonly int[] _targetsQ16;
        private readonly int _inputProbQ16;
        private int _phase;

        /// <summary>Builds the workload (defaults of the brief: 32 inputs, 4 outputs, input probability 0.05).</summary>
        public EpropWorkload(int inputs, int recurrent, int outputs, double inputProbability, EpropEligibility mode, uint seed)
        {
            double zeta = 1 - Math.Exp(-1.0 / 30);
            var b = new NetworkBuilder(1000, seed);
            var input = b.AddInput("in", inputs);
            var lp = new LifParameters { ThresholdQ16 = 65536, TauMembraneUs = 30000, Reset = ResetMode.Subtract };
            Recurrent = b.AddLif("rec", recurrent, lp);
            Readout = b.AddReadout("out", outputs, 30000, 0);
            var win = b.AddDense("in-rec", input, Recurrent, 2);
            var wrec = b.AddDense("rec-rec", Recurrent, Recurrent, 2);
            var wout = b.AddDense("rec-out", Recurrent, Readout, 0);
            Network = b.Build();
            var init = new XorShift32(seed * 7919u + 3);
            // Input weights sized for about the same drive as the pattern task (which has 100 inputs at 0.05).
            double inputScale = zeta / 0.03 / Math.Sqrt(inputs) * Math.Sqrt(100.0 * 0.05 / Math.Max(1e-3, inputs * inputProbability));
            win.InitializeGaussian(init, (int)Math.Min(int.MaxValue / 2, inputScale * 65536));
            wrec.InitializeGaussian(init, (int)(zeta / 0.03 / Math.Sqrt(recurrent) * 65536));
            for (int j = 0; j < recurrent; j++) wrec.Weights[j * recurrent + j] = 0;
            wout.InitializeGaussian(init, (int)(zeta / Math.Sqrt(recurrent) * 65536));
            var p = new EpropParameters
            {
                Eligibility = mode,
                UpdateIntervalTicks = 1,
                RateRegularizationQ16 = 19661,
                FeedbackScaleQ16 = 32768,
                LearningRateQ16 = 65536, LearningRateShift = 16,
                OutputLearningRateQ16 = 65536, OutputLearningRateShift = 18,
            };
            Rule = new EpropRule(Network, Recurrent, Readout, win, wrec, wout, p);
            Network.Attach(Rule);

            Mode = mode;
            Seed = seed;
            _inputProbQ16 = (int)Math.Round(inputProbability * 65536);
            _encoder = new BernoulliRateEncoder(inputs, 0);
            _encoder.Rng.Seed(seed ^ 0xE960u);
            _spikes = new int[inputs];
            _targetsQ16 = new int[PeriodTicks * outputs];
            for (int t = 0; t < PeriodTicks; t++)
                for (int k = 0; k < outputs; k++)
                    _targetsQ16[t * outputs + k] = (int)Math.Round(0.5 * Math.Sin(2 * Math.PI * (k + 1) * t / PeriodTicks + k) * 65536);
        }

        public readonly Network Network;
        public readonly LifPopulation Recurrent;
        public readonly ReadoutPopulation Readout;
        public readonly EpropRule Rule;

        /// <summary>Eligibility mode of the rule.</summary>
        public readonly EpropEligibility Mode;

        /// <summary>Seed of the weights and of the inputs.</summary>
        public readonly uint Seed;

        /// <summary>Input spike probability per tick, Probability Q16.</summary>
        public int InputProbQ16 { get { return _inputProbQ16; } }

        /// <summary>
        /// Synapses the rule updates every tick: all entries of the input, recurrent and output
        /// dense projections (the recurrent diagonal is stored and visited, but stays 0).
        /// </summary>
        public int PlasticSynapses
        {
            get { return Rule.Input.SynapseCount + Rule.RecurrentProjection.SynapseCount + Rule.Output.SynapseCount; }
        }

        /// <summary>One tick: targets, input spikes, step (propagate, integrate, learn). Allocates nothing.</summary>
        public void Tick()
        {
            int n = Readout.Size;
            int row = _phase * n;
            for (int k = 0; k < n; k++) Rule.TargetQ16[k] = _targetsQ16[row + k];
            if (++_phase == PeriodTicks) _phase = 0;
            int count = _encoder.EncodeUniform(_inputProbQ16, _spikes, 0, 0);
            Network.Step(_spikes, count);
        }
    }
}
