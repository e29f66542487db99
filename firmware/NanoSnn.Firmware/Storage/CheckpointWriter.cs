using System;
using System.Threading;

namespace NanoSnn.Firmware.Storage
{
    /// <summary>
    /// Writes checkpoints without stalling the tick: the tick thread serializes the network into
    /// a buffer allocated once at boot (<see cref="TrySnapshot"/>: model format with state,
    /// allocation-free, a few milliseconds), and a background thread writes that buffer to flash,
    /// which can take hundreds of milliseconds. While a write is in progress new snapshots are
    /// refused rather than queued, so the buffer is never overwritten mid-write.
    /// </summary>
    public sealed class CheckpointWriter
    {
        private readonly CheckpointFiles _files;
        private readonly byte[] _buffer;
        private readonly object _sync = new object();
        private readonly AutoResetEvent _go = new AutoResetEvent(false);
        private int _length;
        private bool _busy;

        /// <summary>Allocates the snapshot buffer for <paramref name="network"/> and starts the writer thread.</summary>
        public CheckpointWriter(CheckpointFiles files, Network network)
        {
            _files = files;
            _buffer = new byte[ModelWriter.MeasureBytes(network, true)];
            Thread thread = new Thread(WriteLoop);
            thread.Start();
        }

        /// <summary>Bytes of one checkpoint.</summary>
        public int CheckpointBytes { get { return _buffer.Length; } }

        /// <summary>Checkpoints written since boot.</summary>
        public long Written;

        /// <summary>Checkpoints that failed to write since boot.</summary>
        public long Failed;

        /// <summary>Snapshots refused because a write was still in progress.</summary>
        public long Refused;

        /// <summary>Network tick of the last snapshot taken.</summary>
        public long LastSnapshotTick = -1;

        /// <summary>Why the last write failed, or null.</summary>
        public string LastError;

        /// <summary>Whether a write is in progress.</summary>
        public bool Busy
        {
            get { lock (_sync) { return _busy; } }
        }

        /// <summary>
        /// Serializes <paramref name="network"/> now (call between ticks, on the tick thread) and
        /// hands it to the writer; false when the previous write has not finished.
        /// </summary>
        public bool TrySnapshot(Network network)
        {
            lock (_sync)
            {
                if (_busy)
                {
                    Refused++;
                    return false;
                }
                _busy = true;
            }
            _length = ModelWriter.Write(network, true, _buffer, 0);
            LastSnapshotTick = network.Tick;
            _go.Set();
            return true;
        }

        private void WriteLoop()
        {
            while (true)
            {
                _go.WaitOne();
                try
                {
                    _files.Save(_buffer, _length);
                    Written++;
                    LastError = null;
                }
                catch (Exception e)
                {
                    Failed++;
                    LastError = e.Message;
                }
                lock (_sync)
                {
                    _busy = false;
                }
            }
        }
    }
}
