namespace NanoSnn
{
    /// <summary>
    /// Send-on-delta coding of the running sum of the difference of two per-tick counts. With the
    /// counts since the previous read of a robot's left and right wheel encoders it is a heading
    /// odometer: output 0 spikes once per <see cref="Delta"/> counts by which the left wheel got
    /// ahead of the right (a right, clockwise turn), output 1 once per <see cref="Delta"/> counts
    /// by which the right wheel got ahead (a left turn). Straight driving, however fast, is
    /// silent. At most one spike per output per tick; a larger backlog is told over later ticks
    /// and is capped at <see cref="MaxBacklog"/> deltas.
    /// </summary>
    public sealed class DifferenceDeltaEncoder : SpikeEncoder
    {
        private long _sum;

        /// <summary>Creates an encoder of channels (a, b) = samples 0 and 1 that spikes per <paramref name="delta"/> counts of a − b.</summary>
        public DifferenceDeltaEncoder(int delta, int maxBacklog)
            : base(2, 2)
        {
            if (delta <= 0) throw new System.ArgumentException("difference encoder: delta must be positive, not " + delta);
            if (maxBacklog < 1 || maxBacklog > 1000000) throw new System.ArgumentException("difference encoder: max backlog must be in 1..1000000 deltas, not " + maxBacklog);
            Delta = delta;
            MaxBacklog = maxBacklog;
        }

        /// <summary>Counts of a − b per spike.</summary>
        public readonly int Delta;

        /// <summary>Largest difference kept for later ticks, in deltas (a turn far beyond it is clipped).</summary>
        public readonly int MaxBacklog;

        /// <summary>The accumulated difference not yet told, in counts.</summary>
        public long Pending { get { return _sum; } }

        /// <inheritdoc/>
        public override int Encode(int[] samples, int[] spikes, int start, int indexOffset)
        {
            long limit = (long)MaxBacklog * Delta;
            long sum = _sum + ((long)samples[0] - samples[1]);
            if (sum > limit) sum = limit; else if (sum < -limit) sum = -limit;
            int n = start;
            if (sum >= Delta)
            {
                spikes[n++] = indexOffset;
                sum -= Delta;
            }
            else if (sum <= -Delta)
            {
                spikes[n++] = indexOffset + 1;
                sum += Delta;
            }
            _sum = sum;
            return n;
        }

        /// <inheritdoc/>
        public override void Reset()
        {
            _sum = 0;
        }
    }
}
