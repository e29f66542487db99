using System;
using System.IO;

namespace NanoSnn.Cli.Telemetry
{
    /// <summary>
    /// Records a host run to a telemetry file with the core's <see cref="TelemetryWriter"/>:
    /// the same encoder the firmware uses, writing into a file instead of a port. Create it
    /// before the first step (the stream header holds the state the log starts from), call
    /// <see cref="Tick"/> after every step in the order of <see cref="TelemetryFormat"/>, and
    /// <see cref="Finish"/> at the end. Any scenario or task with a network and per-tick arrays
    /// can use it.
    /// </summary>
    public sealed class TelemetryRecorder : IDisposable
    {
        private readonly TelemetryFileSink _sink;
        private bool _finished;

        /// <summary>Creates <paramref name="path"/> and writes the stream header of <paramref name="network"/> as it is now.</summary>
        /// <exception cref="IOException">The file cannot be created.</exception>
        public TelemetryRecorder(Network network, TelemetryOptions options, string path)
        {
            _sink = new TelemetryFileSink(path);
            try
            {
                Writer = new TelemetryWriter(network, options, _sink);
                Writer.Begin();
            }
            catch
            {
                _sink.Dispose();
                throw;
            }
        }

        private TelemetryRecorder(TelemetryFileSink sink, TelemetryWriter writer)
        {
            _sink = sink;
            Writer = writer;
        }

        /// <summary>
        /// Records <paramref name="controller"/>'s ticks to <paramref name="path"/> through the core's
        /// <see cref="TelemetryObserver"/> (the firmware's recording path), which it attaches as the
        /// controller's observer; the stream header holds the state as it is now.
        /// </summary>
        /// <exception cref="IOException">The file cannot be created.</exception>
        public static TelemetryRecorder ForController(Controller controller, TelemetryOptions options, string path)
        {
            TelemetryFileSink sink = new TelemetryFileSink(path);
            try
            {
                TelemetryObserver observer = new TelemetryObserver(controller, sink, options);
                controller.Observer = observer;
                return new TelemetryRecorder(sink, observer.Writer);
            }
            catch
            {
                sink.Dispose();
                throw;
            }
        }

        /// <summary>The core encoder (frame and byte counts).</summary>
        public readonly TelemetryWriter Writer;

        /// <summary>Records the tick just stepped: see <see cref="TelemetryWriter.RecordTick"/>.</summary>
        public void Tick(int[] spikes, int spikeCount, int rewardQ16, int[] sensors, int[] outputs)
        {
            Writer.RecordTick(spikes, spikeCount, rewardQ16, sensors, outputs);
        }

        /// <summary>Writes the pending records and the end frame, and closes the file.</summary>
        public void Finish()
        {
            if (_finished) return;
            _finished = true;
            try
            {
                Writer.Finish();
            }
            finally
            {
                _sink.Dispose();
            }
        }

        /// <summary>Closes the file; without <see cref="Finish"/> the log has no end frame (as when a device stops).</summary>
        public void Dispose()
        {
            if (_finished) return;
            _finished = true;
            _sink.Dispose();
        }
    }
}
