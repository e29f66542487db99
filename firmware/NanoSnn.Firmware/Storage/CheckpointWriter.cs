using System.Threading;

namespace NanoSnn.Firmware.Storage
{
    /// <summary>
    /// The writer thread of the checkpoint hand-off: the tick thread calls
    /// <see cref="TrySnapshot"/> between ticks (the core's <see cref="CheckpointHandoff"/>
    /// serializes the network into the store's buffer, allocation-free, and never touches the
    /// flash); this thread wakes and writes the snapshot through the A/B
    /// <see cref="CheckpointStore"/>, which may take hundreds of milliseconds. While a snapshot is
    /// pending, new ones are refused (and counted), never queued, so the buffer is not
    /// overwritten mid-write. The tick thread waits at most for the hand-off's lock, which the
    /// writer holds only to flip a flag, never during I/O.
    /// </summary>
    /// <remarks>
    /// What a background thread cannot hide on nanoCLR: each file-system call holds every managed
    /// thread while it runs (see <see cref="FlashFileBlockStore"/>), so a checkpoint can make some
    /// ticks late; they are counted in the status line, never skipped.
    /// </remarks>
    public sealed class CheckpointWriter
    {
        private readonly CheckpointHandoff _handoff;
        private readonly AutoResetEvent _go = new AutoResetEvent(false);

        /// <summary>Starts the writer thread for <paramref name="handoff"/>.</summary>
        public CheckpointWriter(CheckpointHandoff handoff)
        {
            _handoff = handoff;
            Thread thread = new Thread(WriteLoop);
            thread.Start();
        }

        /// <summary>The counters and the last error (Written, Failed, Refused, LastError).</summary>
        public CheckpointHandoff Handoff { get { return _handoff; } }

        /// <summary>
        /// On the tick thread, between ticks: snapshots <paramref name="network"/> and wakes the
        /// writer; false when the previous checkpoint is still being written.
        /// </summary>
        public bool TrySnapshot(Network network)
        {
            if (!_handoff.TrySnapshot(network)) return false;
            _go.Set();
            return true;
        }

        private void WriteLoop()
        {
            while (true)
            {
                _go.WaitOne();
                _handoff.WritePending();
            }
        }
    }
}
