namespace NanoSnn
{
    /// <summary>How a projection stores its connections; stored in model files.</summary>
    public enum ProjectionKind
    {
        /// <summary>Every source connects to every target: weights only, 2 bytes per synapse.</summary>
        Dense = 1,
        /// <summary>Compressed sparse rows by source: weight plus 16-bit target index, 4 bytes per synapse.</summary>
        Sparse = 2,
    }

    /// <summary>
    /// Synapses from a spiking source population to a target population. Propagation is
    /// event-driven: only the sources that spiked send their row of weights, so the work is
    /// spikes × fan-out. A weight w adds <c>w &lt;&lt; WeightShift</c> to the target's Q16 input.
    /// </summary>
    /// <remarks>
    /// Delay: the network sets every input population's spikes first, then updates the other
    /// populations in the order they were added, propagating each one's incoming projections
    /// just before integrating it. A projection from an input or from an earlier population
    /// therefore delivers this tick's spikes (no delay), and one from the population itself
    /// or a later one delivers last tick's spikes (one-tick delay): exactly the recurrent
    /// delay of the e-prop equations.
    /// </remarks>
    public abstract class Projection
    {
        /// <summary>Largest weight shift: w·2^15 still fits the Q16 input bound for fan-in 1.</summary>
        public const int MaxWeightShift = 15;

        /// <summary>Sets up the common fields.</summary>
        protected Projection(string name, ProjectionKind kind, Population source, Population target, int weightShift, int synapseCount)
        {
            string where = "projection '" + name + "': ";
            if (source == null || target == null) throw new ModelException(where + "source and target are required");
            if (!source.IsSpiking) throw new ModelException(where + "source '" + source.Name + "' does not spike (readouts cannot project)");
            if (target.Kind == PopulationKind.Input) throw new ModelException(where + "target '" + target.Name + "' is an input population");
            if (weightShift < 0 || weightShift > MaxWeightShift)
                throw new ModelException(where + "weight shift " + weightShift + " must be in 0.." + MaxWeightShift);
            Name = name;
            Kind = kind;
            Source = source;
            Target = target;
            WeightShift = weightShift;
            Weights = new short[synapseCount];
        }

        /// <summary>Name, unique within a network.</summary>
        public readonly string Name;

        /// <summary>Storage layout.</summary>
        public readonly ProjectionKind Kind;

        /// <summary>Presynaptic population.</summary>
        public readonly Population Source;

        /// <summary>Postsynaptic population.</summary>
        public readonly Population Target;

        /// <summary>Per-projection weight scale: a weight w contributes w·2^WeightShift in Q16.</summary>
        public readonly int WeightShift;

        /// <summary>Synaptic weights (layout depends on <see cref="Kind"/>).</summary>
        public readonly short[] Weights;

        /// <summary>Position of this projection in its network (set by the builder).</summary>
        public int Index { get; internal set; }

        /// <summary>Number of synapses.</summary>
        public int SynapseCount { get { return Weights.Length; } }

        /// <summary>Largest number of synapses onto one target neuron.</summary>
        public abstract int MaxFanIn { get; }

        /// <summary>Whether the source is updated after (or is) the target, giving a one-tick delay.</summary>
        public bool IsRecurrent
        {
            get { return Source.Kind != PopulationKind.Input && Source.Index >= Target.Index; }
        }

        /// <summary>Adds the weight rows of the sources that spiked to the target's input; returns the synaptic events.</summary>
        public abstract int Propagate();

        /// <summary>Bytes of parameters: weights plus connectivity indices.</summary>
        public abstract int ParameterBytes { get; }

        /// <summary>Source neuron of synapse <paramref name="synapse"/>.</summary>
        public abstract int SourceOf(int synapse);

        /// <summary>Target neuron of synapse <paramref name="synapse"/>.</summary>
        public abstract int TargetOf(int synapse);

        /// <summary>Fills the weights with round(N(0,1)·scaleQ16 / 2^WeightShift), e.g. scale = 1/sqrt(fan-in).</summary>
        public void InitializeGaussian(XorShift32 rng, int scaleQ16)
        {
            short[] w = Weights;
            // One rounding shift from Q32 (sample x scale) to weight units: unbiased.
            int shift = 16 + WeightShift;
            for (int k = 0; k < w.Length; k++)
            {
                long x = ((long)rng.NextGaussianQ16() * scaleQ16 + (1L << (shift - 1))) >> shift;
                w[k] = FixedPoint.SaturateToShort(FixedPoint.SaturateToInt(x));
            }
        }

        /// <summary>Sets every weight to <paramref name="weight"/>.</summary>
        public void Fill(short weight)
        {
            short[] w = Weights;
            for (int k = 0; k < w.Length; k++) w[k] = weight;
        }
    }
}
