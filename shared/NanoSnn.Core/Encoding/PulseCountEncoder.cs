namespace NanoSnn
{
    /// <summary>
    /// Pulse-count coding for edge inputs (hardware pulse counters, GPIO edge counts, wheel
    /// encoders): the sample of channel c is the number of edges since the previous tick.
    /// An input neuron spikes at most once per tick, so edges that arrive faster than the tick
    /// rate queue up in a per-channel backlog (capped at <see cref="MaxBacklog"/>, so that a
    /// stuck or bouncing line cannot make a channel spike for ever) and are told over the next
    /// ticks. One output per channel.
    /// </summary>
    public sealed class PulseCountEncoder : SpikeEncoder
    {
        private readonly int[] _backlog;

        /// <summary>Creates an encoder for <paramref name="channels"/> edge counters; <paramref name="maxBacklog"/> &gt;= 1.</summary>
        public PulseCountEncoder(int channels, int maxBacklog)
            : base(channels, channels)
        {
            if (maxBacklog < 1) throw new System.ArgumentException("pulse-count encoder: maxBacklog must be >= 1, not " + maxBacklog);
            MaxBacklog = maxBacklog;
            _backlog = new int[channels];
        }

        /// <summary>Largest number of edges a channel keeps waiting.</summary>
        public readonly int MaxBacklog;

        /// <summary>Edges not yet told, per channel.</summary>
        public int[] Backlog { get { return _backlog; } }

        /// <summary>Edges dropped because a backlog was full, since build or reset.</summary>
        public long DroppedEdges;

        /// <inheritdoc/>
        public override int Encode(int[] samples, int sampleStart, int[] spikes, int start, int indexOffset)
        {
            int n = start;
            for (int c = 0; c < Channels; c++)
            {
                int edges = samples[sampleStart + c];
                if (edges < 0) edges = 0; // a counter never runs backwards; treat it as no edges
                long queued = (long)_backlog[c] + edges;
                if (queued > MaxBacklog)
                {
                    DroppedEdges += queued - MaxBacklog;
                    queued = MaxBacklog;
                }
                if (queued > 0)
                {
                    spikes[n++] = c + indexOffset;
                    queued--;
                }
                _backlog[c] = (int)queued;
            }
            return n;
        }

        /// <inheritdoc/>
        public override void Reset()
        {
            System.Array.Clear(_backlog, 0, _backlog.Length);
            DroppedEdges = 0;
        }
    }
}
