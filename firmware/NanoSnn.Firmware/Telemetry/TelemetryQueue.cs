using System;
using System.Threading;

namespace NanoSnn.Firmware.Telemetry
{
    /// <summary>
    /// The telemetry sink of the tick loop: the core's <see cref="TelemetryWriter"/> hands it
    /// whole frames on the tick thread, it stores them in a <see cref="FrameRing"/> allocated at
    /// boot and returns at once; a background thread sends each frame, whole, to every transport
    /// (one UDP datagram per frame, so a lost datagram loses exactly one frame). A UART or a
    /// socket that blocks therefore never delays a tick. When the ring is full the new frame is
    /// dropped and counted; the frame sequence numbers let <c>nanosnn monitor</c> count the loss too.
    /// </summary>
    public sealed class TelemetryQueue : ITelemetrySink
    {
        private readonly FrameRing _ring;
        private readonly byte[] _frame;
        private readonly ByteTransport[] _transports = new ByteTransport[4];
        private readonly object _sync = new object();
        private readonly AutoResetEvent _ready = new AutoResetEvent(false);
        private int _transportCount;

        /// <summary>
        /// Allocates a ring of <paramref name="capacityBytes"/> for frames of at most
        /// <paramref name="maxFrameBytes"/> and starts the sender thread.
        /// </summary>
        public TelemetryQueue(int capacityBytes, int maxFrameBytes)
        {
            if (maxFrameBytes < 1 || maxFrameBytes > FrameRing.MaxFrameBytes) throw new ArgumentException("telemetry queue: frames must be 1.." + FrameRing.MaxFrameBytes + " bytes, not " + maxFrameBytes);
            if (capacityBytes < maxFrameBytes + FrameRing.PrefixBytes) throw new ArgumentException("telemetry queue: " + capacityBytes + " bytes cannot hold one frame of " + maxFrameBytes);
            _ring = new FrameRing(capacityBytes);
            _frame = new byte[maxFrameBytes];
            Thread thread = new Thread(SendLoop);
            thread.Start();
        }

        /// <summary>Frames accepted since boot.</summary>
        public long FramesQueued;

        /// <summary>Frames dropped because the ring was full, since boot.</summary>
        public long FramesDropped;

        /// <summary>Frames handed to the transports since boot.</summary>
        public long FramesSent;

        /// <summary>Number of transports.</summary>
        public int Transports
        {
            get { lock (_sync) { return _transportCount; } }
        }

        /// <summary>Adds a transport (at most 4); frames sent from now on go to it too.</summary>
        public void Add(ByteTransport transport)
        {
            lock (_sync)
            {
                if (_transportCount == _transports.Length) throw new InvalidOperationException("telemetry queue: at most " + _transports.Length + " transports");
                _transports[_transportCount++] = transport;
            }
        }

        /// <summary>Queues one frame (the telemetry writer calls it on the tick thread). Allocates nothing, never waits for I/O.</summary>
        public void Write(byte[] buffer, int offset, int count)
        {
            bool queued;
            lock (_sync)
            {
                queued = count <= _frame.Length && _ring.TryPut(buffer, offset, count);
                if (queued) FramesQueued++;
                else FramesDropped++;
            }
            if (queued) _ready.Set();
        }

        private void SendLoop()
        {
            while (true)
            {
                _ready.WaitOne();
                while (true)
                {
                    int count;
                    int transports;
                    lock (_sync)
                    {
                        count = _ring.TryTake(_frame);
                        transports = _transportCount;
                    }
                    if (count == 0) break;
                    for (int i = 0; i < transports; i++) _transports[i].Send(_frame, 0, count);
                    FramesSent++;
                }
            }
        }
    }
}
