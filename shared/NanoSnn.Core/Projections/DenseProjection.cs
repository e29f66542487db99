namespace NanoSnn
{
    /// <summary>
    /// All-to-all synapses stored row-major by source: the weight from source i to target j
    /// is <c>Weights[i·TargetSize + j]</c>, so a spike of i reads one contiguous row.
    /// </summary>
    public sealed class DenseProjection : Projection
    {
        /// <summary>Creates a dense projection with zero weights.</summary>
        public DenseProjection(string name, Population source, Population target, int weightShift)
            : base(name, ProjectionKind.Dense, source, target, weightShift, CheckedProduct(name, source, target))
        {
        }

        private static int CheckedProduct(string name, Population source, Population target)
        {
            if (source == null || target == null) return 0;
            long n = (long)source.Size * target.Size;
            if (n > int.MaxValue / 2) throw new ModelException("projection '" + name + "': " + n + " synapses is too many for one array");
            return (int)n;
        }

        /// <inheritdoc/>
        public override int MaxFanIn { get { return Source.Size; } }

        /// <inheritdoc/>
        public override int Propagate()
        {
            int count = Source.SpikeCount;
            if (count == 0) return 0;
            int[] spikes = Source.SpikeList;
            int[] input = Target.InputQ16;
            short[] w = Weights;
            int n = input.Length;
            int shift = WeightShift;
            for (int k = 0; k < count; k++)
            {
                int row = spikes[k] * n;
                for (int j = 0; j < n; j++) input[j] += w[row + j] << shift;
            }
            return count * n;
        }

        /// <inheritdoc/>
        public override int ParameterBytes { get { return Weights.Length * 2; } }

        /// <inheritdoc/>
        public override int SourceOf(int synapse) { return synapse / Target.Size; }

        /// <inheritdoc/>
        public override int TargetOf(int synapse) { return synapse % Target.Size; }
    }
}
