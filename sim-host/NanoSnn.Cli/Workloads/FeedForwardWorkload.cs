using System;

namespace NanoSnn.Cli.Workloads
{
    /// <summary>
    /// The "ff" benchmark workload, built in one place for <c>nanosnn bench</c> and the
    /// BenchmarkDotNet project (which links this file):
    /// <code>
    /// "in" (Bernoulli inputs, p per tick) --dense--> "hidden" (LIF) --dense--> "out" (LIF)
    /// </code>
    /// The outputs are LIF neurons rather than readouts so that the hidden spikes are
    /// propagated and integrated like any other layer: both projections are event-driven and
    /// both populations spike, which is the cost a deployed network pays.
    /// </summary>
    /// <remarks>
    /// Weights are Gaussian with mean μ and standard deviation μ, where μ is chosen so that
    /// the mean input of a target, accumulated over its membrane time constant, reaches
    /// <see cref="DriveOverThreshold"/> times the threshold:
    /// μ = DriveOverThreshold · θ · (1 − α) / (sources · p_source), with α the membrane decay
    /// per tick. A LIF neuron driven at 1.25 θ fires about every τ·ln(5) ≈ 32 ms, so the
    /// hidden layer fires at a modest rate (tens of Hz) whatever the layer sizes; the spread
    /// of the weights spreads the rates. The hidden rate assumed for sizing the output
    /// weights is <see cref="AssumedHiddenProbQ16"/>. Each projection gets the smallest weight
    /// shift that represents μ + 6σ (the Irwin-Hall Gaussian's range) without saturating,
    /// limited by the builder's overflow proof.
    /// </remarks>
    public sealed class FeedForwardWorkload
    {
        /// <summary>The workload's name on the command line.</summary>
        public const string Name = "ff";

        /// <summary>Mean drive over the membrane time constant, in thresholds.</summary>
        public const double DriveOverThreshold = 1.25;

        /// <summary>Hidden firing probability per tick assumed when sizing the output weights (about 30 Hz at 1 ms).</summary>
        public const int AssumedHiddenProbQ16 = 2000;

        /// <summary>Membrane time constant of both layers, µs.</summary>
        public const int TauMembraneUs = 20000;

        /// <summary>Refractory period of both layers, ticks.</summary>
        public const int RefractoryTicks = 2;

        /// <summary>Tick length, µs.</summary>
        public const int DtUs = 1000;

        private readonly BernoulliRateEncoder _encoder;
        private readonly uint _encoderSeed;
        private readonly int[] _spikes;

        /// <summary>Builds the workload; <paramref name="inputProbQ16"/> is each input's spike probability per tick (Probability Q16).</summary>
        /// <exception cref="ModelException">The sizes cannot be built (too many synapses, or a fan-in the core cannot bound).</exception>
        public FeedForwardWorkload(int inputs, int hidden, int outputs, int inputProbQ16, uint seed)
        {
            if (inputProbQ16 < 0 || inputProbQ16 > FixedPoint.CertainProbQ16)
                throw new ArgumentOutOfRangeException(nameof(inputProbQ16), "must be in 0..65536");
            InputProbQ16 = inputProbQ16;
            Seed = seed;

            NetworkBuilder b = new NetworkBuilder(DtUs, seed);
            LifParameters lif = new LifParameters();
            lif.TauMembraneUs = TauMembraneUs;
            lif.RefractoryTicks = RefractoryTicks;
            Inputs = b.AddInput("in", inputs);
            Hidden = b.AddLif("hidden", hidden, lif);
            Outputs = b.AddLif("out", outputs, lif);

            int leak12 = FixedPoint.OneDecay12 - Hidden.MembraneDecay12;
            InputToHidden = AddDense(b, "in-hidden", Inputs, Hidden, leak12, inputProbQ16);
            HiddenToOutput = AddDense(b, "hidden-out", Hidden, Outputs, leak12, AssumedHiddenProbQ16);
            Network = b.Build();

            _encoder = new BernoulliRateEncoder(inputs, 0);
            _encoderSeed = seed ^ 0x1E7C0DE5u;
            _encoder.Rng.Seed(_encoderSeed);
            _spikes = new int[inputs];
        }

        /// <summary>The built network.</summary>
        public readonly Network Network;

        /// <summary>Input channels.</summary>
        public readonly InputPopulation Inputs;

        /// <summary>Hidden LIF layer.</summary>
        public readonly LifPopulation Hidden;

        /// <summary>Output LIF layer.</summary>
        public readonly LifPopulation Outputs;

        /// <summary>Inputs to hidden, dense.</summary>
        public readonly DenseProjection InputToHidden;

        /// <summary>Hidden to outputs, dense.</summary>
        public readonly DenseProjection HiddenToOutput;

        /// <summary>Spike probability of each input per tick, Probability Q16.</summary>
        public readonly int InputProbQ16;

        /// <summary>Seed of the network (weights) and, scrambled, of the input encoder.</summary>
        public readonly uint Seed;

        /// <summary>Bytes of weight storage per synapse (2.0 for dense projections).</summary>
        public double WeightBytesPerSynapse
        {
            get
            {
                long bytes = 0;
                Projection[] projections = Network.Projections;
                for (int q = 0; q < projections.Length; q++) bytes += projections[q].Weights.Length * 2L;
                int synapses = Network.SynapseCount;
                return synapses == 0 ? 0.0 : (double)bytes / synapses;
            }
        }

        /// <summary>One tick: draw the input spikes into the preallocated buffer and step the network. Allocates nothing.</summary>
        public void Tick()
        {
            int count = _encoder.EncodeUniform(InputProbQ16, _spikes, 0, 0);
            Network.Step(_spikes, count);
        }

        /// <summary>Returns the network, its counters and the input generator to their state after construction (weights are never changed).</summary>
        public void Restart()
        {
            Network.ResetState();
            Network.ResetCounters();
            _encoder.Rng.Seed(_encoderSeed);
        }

        /// <summary>
        /// Largest number of sources a dense projection into a LIF population with threshold
        /// <paramref name="thresholdQ16"/> may have, per the builder's proof that one tick's input
        /// stays below 2^30: fan-in · 32768 · 2^shift + threshold &lt; 2^30 at shift 0.
        /// </summary>
        public static int MaxDenseFanIn(int thresholdQ16)
        {
            return (int)((FixedPoint.StateLimitQ16 - (long)thresholdQ16 - 1) / 32768);
        }

        private static DenseProjection AddDense(NetworkBuilder b, string name, Population source, LifPopulation target, int leak12, int sourceProbQ16)
        {
            int fanIn = source.Size;
            int threshold = target.Parameters.ThresholdQ16;
            if (fanIn > MaxDenseFanIn(threshold))
                throw new ModelException("projection '" + name + "': " + fanIn + " sources is more than the "
                    + MaxDenseFanIn(threshold) + " a dense projection into one LIF neuron can have (the core proves one tick's input stays below 2^30)");

            // μ in Q16; a zero input rate would ask for infinite weights: size them for one spike in 65536 instead.
            double rate = Math.Max(sourceProbQ16, 1) / (double)FixedPoint.CertainProbQ16;
            double meanQ16 = DriveOverThreshold * threshold * (leak12 / (double)FixedPoint.OneDecay12) / (fanIn * rate);
            double sigmaQ16 = meanQ16;
            double largestQ16 = meanQ16 + 6 * sigmaQ16;

            int shift = 0;
            int maxShift = 0;
            while (maxShift < Projection.MaxWeightShift
                && ((long)fanIn * 32768 << (maxShift + 1)) + threshold < FixedPoint.StateLimitQ16) maxShift++;
            while (shift < maxShift && largestQ16 > (double)(32767L << shift)) shift++;

            DenseProjection projection = b.AddDense(name, source, target, shift);
            int meanRaw = (int)Math.Min(Math.Round(meanQ16), int.MaxValue / 2);
            int sigmaRaw = meanRaw;
            short[] w = projection.Weights;
            XorShift32 rng = b.Rng;
            for (int k = 0; k < w.Length; k++)
            {
                long q16 = meanRaw + (((long)rng.NextGaussianQ16() * sigmaRaw) >> 16);
                w[k] = FixedPoint.SaturateToShort(FixedPoint.RoundShift(FixedPoint.SaturateToInt(q16), shift));
            }
            return projection;
        }
    }
}
