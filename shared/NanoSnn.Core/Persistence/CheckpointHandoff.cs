namespace NanoSnn
{
    /// <summary>
    /// A checkpoint in two halves on two threads, sharing the <see cref="CheckpointStore"/>'s
    /// save buffer: the thread that ticks the network serializes it (<see cref="TrySnapshot"/>,
    /// allocation-free, never touches the block store), a background thread writes the
    /// serialized bytes (<see cref="WritePending"/>, which may take as long as the medium
    /// takes). While a snapshot waits or is being written, new snapshots are refused and
    /// counted rather than queued, so the buffer is never overwritten mid-write and the network
    /// is never read by the writer. The device's writer thread is a loop around
    /// <see cref="WritePending"/>; the tests call both halves from one thread or from two.
    /// </summary>
    /// <remarks>
    /// The buffer belongs to the ticking thread while <see cref="Pending"/> is false and to the
    /// writer while it is true; the flag flips under a lock that neither side holds during the
    /// serialization or the I/O, so the ticking thread waits at most for the writer to flip it.
    /// </remarks>
    public sealed class CheckpointHandoff
    {
        private readonly CheckpointStore _store;
        private readonly object _sync = new object();
        private bool _pending;
        private int _length;

        /// <summary>Hands snapshots to <paramref name="store"/>, whose capacity must hold the network's checkpoint.</summary>
        public CheckpointHandoff(CheckpointStore store)
        {
            if (store == null) throw new System.ArgumentNullException("store");
            _store = store;
            LastSnapshotTick = -1;
            LastWrittenTick = -1;
        }

        /// <summary>The store the snapshots are written to.</summary>
        public CheckpointStore Store { get { return _store; } }

        /// <summary>Checkpoints written and read back intact since construction.</summary>
        public int Written { get; private set; }

        /// <summary>Checkpoints that failed (the medium threw, or the read-back did not match) since construction.</summary>
        public int Failed { get; private set; }

        /// <summary>Snapshots refused because the previous one was still waiting or being written.</summary>
        public int Refused { get; private set; }

        /// <summary>Network tick of the last snapshot taken, or -1.</summary>
        public long LastSnapshotTick { get; private set; }

        /// <summary>Network tick of the last checkpoint written intact, or -1.</summary>
        public long LastWrittenTick { get; private set; }

        /// <summary>Why the last write failed (null after a successful one).</summary>
        public string LastError { get; private set; }

        /// <summary>Bytes of the last snapshot.</summary>
        public int LastSnapshotBytes { get { return _length; } }

        /// <summary>Whether a snapshot is waiting for or in the hands of the writer.</summary>
        public bool Pending
        {
            get { lock (_sync) { return _pending; } }
        }

        /// <summary>
        /// On the thread that ticks <paramref name="network"/>, between ticks: serializes it into
        /// the store's buffer and marks it pending; false (and <see cref="Refused"/> counted) when
        /// the previous snapshot is still pending. Allocation-free; touches no medium.
        /// </summary>
        /// <exception cref="System.ArgumentException">The network's checkpoint exceeds the store's capacity.</exception>
        public bool TrySnapshot(Network network)
        {
            lock (_sync)
            {
                if (_pending)
                {
                    Refused++;
                    return false;
                }
            }
            // Not pending: the writer does not touch the buffer, so it is ours until we flip the flag.
            int length = _store.WriteSnapshot(network);
            lock (_sync)
            {
                _length = length;
                LastSnapshotTick = network.Tick;
                _pending = true;
            }
            return true;
        }

        /// <summary>
        /// On the writer thread: writes the pending snapshot (if any) through
        /// <see cref="CheckpointStore.SaveBytes"/> and releases the buffer. Returns false when
        /// nothing was pending. A failure of the medium is caught and counted
        /// (<see cref="Failed"/>, <see cref="LastError"/>); the previous checkpoint stays live.
        /// </summary>
        public bool WritePending()
        {
            int length;
            long tick;
            lock (_sync)
            {
                if (!_pending) return false;
                length = _length;
                // No snapshot is taken while one is pending: the last one is this one.
                tick = LastSnapshotTick;
            }
            bool ok = false;
            string error = null;
            try
            {
                ok = _store.SaveSnapshot(length);
                // A failed save leaves the live slot as it was, so the slot it wrote is still the next one.
                if (!ok) error = "checkpoint of tick " + tick + " did not read back intact: " + _store.Report(_store.NextSlot).Describe();
            }
            catch (System.Exception e)
            {
                error = "checkpoint of tick " + tick + " failed: " + e.Message;
            }
            lock (_sync)
            {
                if (ok)
                {
                    Written++;
                    LastWrittenTick = tick;
                    LastError = null;
                }
                else
                {
                    Failed++;
                    LastError = error;
                }
                _pending = false;
            }
            return true;
        }
    }
}
