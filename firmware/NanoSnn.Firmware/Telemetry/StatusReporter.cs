using System;
using System.Text;

namespace NanoSnn.Firmware.Telemetry
{
    /// <summary>
    /// A one-line status report every few seconds, to the debug console and to every telemetry
    /// transport. Building the line allocates (strings), so it runs only on report ticks, never
    /// on the others; the per-tick binary records of the core's telemetry writer go through the
    /// same transports once that writer is wired in.
    /// <code>
    /// nsnn t=15000 mode=learn worst_us=2210 late=3 in=41 lif=812 alif=377 cmd=12,-4 reward=2 faults=0 ckpt=1 hash=0x1A2B3C4D
    /// </code>
    /// </summary>
    public sealed class StatusReporter
    {
        private readonly ByteTransport[] _transports = new ByteTransport[4];
        private int _count;

        /// <summary>Adds a transport (set-up or report time; at most 4).</summary>
        public void Add(ByteTransport transport)
        {
            if (_count == _transports.Length) throw new InvalidOperationException("status reporter: at most " + _transports.Length + " transports");
            _transports[_count++] = transport;
        }

        /// <summary>Number of transports.</summary>
        public int Transports { get { return _count; } }

        /// <summary>Prints <paramref name="line"/> and sends it, newline-terminated, to every transport.</summary>
        public void Report(string line)
        {
            Console.WriteLine(line);
            if (_count == 0) return;
            byte[] bytes = Encoding.UTF8.GetBytes(line + "\n");
            for (int i = 0; i < _count; i++) _transports[i].Send(bytes, 0, bytes.Length);
        }

        /// <summary>The mode as a word (nanoFramework's enum ToString gives the number).</summary>
        public static string ModeName(OperatorMode mode)
        {
            if (mode == OperatorMode.Learn) return "learn";
            if (mode == OperatorMode.Run) return "run";
            return "safe";
        }
    }
}
