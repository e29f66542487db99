namespace NanoSnn
{
    /// <summary>
    /// Sparse synapses in compressed sparse rows by source: the synapses of source i are
    /// <c>RowStart[i] .. RowStart[i+1]-1</c>, each with a 16-bit target index and a weight.
    /// 4 bytes per synapse plus 4 per source.
    /// </summary>
    public sealed class SparseProjection : Projection
    {
        /// <summary>
        /// Creates a sparse projection from its rows (length source.Size + 1, starting at 0,
        /// non-decreasing) and target indices; the arrays are copied and validated, weights start at zero.
        /// </summary>
        public SparseProjection(string name, Population source, Population target, int weightShift, int[] rowStart, ushort[] targetIndex)
            : base(name, ProjectionKind.Sparse, source, target, weightShift, targetIndex == null ? 0 : targetIndex.Length)
        {
            string where = "projection '" + name + "': ";
            if (rowStart == null || targetIndex == null) throw new ModelException(where + "rows and target indices are required");
            if (rowStart.Length != source.Size + 1)
                throw new ModelException(where + "row table has " + rowStart.Length + " entries, expected source size + 1 = " + (source.Size + 1));
            if (rowStart[0] != 0) throw new ModelException(where + "row table must start at 0");
            for (int i = 0; i < source.Size; i++)
                if (rowStart[i + 1] < rowStart[i]) throw new ModelException(where + "row table decreases at source " + i);
            if (rowStart[source.Size] != targetIndex.Length)
                throw new ModelException(where + "row table ends at " + rowStart[source.Size] + " but there are " + targetIndex.Length + " synapses");
            int[] fanIn = new int[target.Size];
            for (int k = 0; k < targetIndex.Length; k++)
            {
                if (targetIndex[k] >= target.Size)
                    throw new ModelException(where + "synapse " + k + " targets neuron " + targetIndex[k] + ", target size is " + target.Size);
                fanIn[targetIndex[k]]++;
            }
            int max = 0;
            for (int j = 0; j < fanIn.Length; j++) if (fanIn[j] > max) max = fanIn[j];
            _maxFanIn = max;
            RowStart = new int[rowStart.Length];
            System.Array.Copy(rowStart, RowStart, rowStart.Length);
            TargetIndex = new ushort[targetIndex.Length];
            System.Array.Copy(targetIndex, TargetIndex, targetIndex.Length);
        }

        private readonly int _maxFanIn;

        /// <summary>First synapse of each source; entry Source.Size is the synapse count.</summary>
        public readonly int[] RowStart;

        /// <summary>Target neuron of each synapse.</summary>
        public readonly ushort[] TargetIndex;

        /// <summary>
        /// Random connectivity: each source gets <paramref name="fanOut"/> distinct targets drawn
        /// uniformly (excluding j = i when <paramref name="noSelf"/> and source is target).
        /// Returns the row table; the targets go to <paramref name="targets"/>.
        /// </summary>
        public static int[] RandomRows(int sourceSize, int targetSize, int fanOut, bool noSelf, XorShift32 rng, out ushort[] targets)
        {
            int available = targetSize - (noSelf ? 1 : 0);
            if (fanOut < 0 || fanOut > available) throw new ModelException("fan-out " + fanOut + " must be in 0.." + available);
            int[] rows = new int[sourceSize + 1];
            targets = new ushort[sourceSize * fanOut];
            byte[] taken = new byte[targetSize];
            int k = 0;
            for (int i = 0; i < sourceSize; i++)
            {
                rows[i] = k;
                int start = k;
                while (k - start < fanOut)
                {
                    int j = rng.NextInt(targetSize);
                    if ((noSelf && j == i) || taken[j] != 0) continue;
                    taken[j] = 1;
                    targets[k++] = (ushort)j;
                }
                for (int m = start; m < k; m++) taken[targets[m]] = 0;
            }
            rows[sourceSize] = k;
            return rows;
        }

        /// <inheritdoc/>
        public override int MaxFanIn { get { return _maxFanIn; } }

        /// <inheritdoc/>
        public override int Propagate()
        {
            int count = Source.SpikeCount;
            if (count == 0) return 0;
            int[] spikes = Source.SpikeList;
            int[] input = Target.InputQ16;
            int[] rows = RowStart;
            ushort[] targets = TargetIndex;
            short[] w = Weights;
            int shift = WeightShift;
            int events = 0;
            for (int k = 0; k < count; k++)
            {
                int i = spikes[k];
                int end = rows[i + 1];
                int s = rows[i];
                events += end - s;
                for (; s < end; s++) input[targets[s]] += w[s] << shift;
            }
            return events;
        }

        /// <inheritdoc/>
        public override int ParameterBytes
        {
            get { return Weights.Length * 2 + TargetIndex.Length * 2 + RowStart.Length * 4; }
        }

        /// <inheritdoc/>
        public override int SourceOf(int synapse)
        {
            // Binary search for the row that holds the synapse.
            int lo = 0;
            int hi = Source.Size - 1;
            while (lo < hi)
            {
                int mid = (lo + hi + 1) >> 1;
                if (RowStart[mid] <= synapse) lo = mid; else hi = mid - 1;
            }
            return lo;
        }

        /// <inheritdoc/>
        public override int TargetOf(int synapse) { return TargetIndex[synapse]; }
    }
}
