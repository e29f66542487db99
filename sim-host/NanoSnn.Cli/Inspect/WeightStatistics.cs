namespace NanoSnn.Cli.Inspect
{
    /// <summary>Minimum, maximum, mean and share of zeros of a projection's raw weights.</summary>
    public sealed class WeightStatistics
    {
        /// <summary>Computes the statistics of <paramref name="weights"/>.</summary>
        public WeightStatistics(short[] weights)
        {
            Count = weights.Length;
            if (Count == 0) return;
            int min = short.MaxValue, max = short.MinValue, zeros = 0;
            long sum = 0;
            foreach (short w in weights)
            {
                if (w < min) min = w;
                if (w > max) max = w;
                if (w == 0) zeros++;
                sum += w;
            }
            Min = min;
            Max = max;
            Mean = sum / (double)Count;
            Sparsity = zeros / (double)Count;
        }

        /// <summary>Number of weights.</summary>
        public readonly int Count;

        /// <summary>Smallest raw weight (0 when there are none).</summary>
        public readonly int Min;

        /// <summary>Largest raw weight (0 when there are none).</summary>
        public readonly int Max;

        /// <summary>Mean raw weight.</summary>
        public readonly double Mean;

        /// <summary>Fraction of weights that are exactly zero.</summary>
        public readonly double Sparsity;
    }
}
