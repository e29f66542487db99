using System;

namespace NanoSnn.Firmware.Telemetry
{
    /// <summary>
    /// A one-line status report every few seconds on the debug console. Building the line
    /// allocates (strings), so it runs only on report ticks, never on the others. The telemetry
    /// transports carry the core's binary telemetry frames only (text between frames would be
    /// skipped as garbage by <c>nanosnn monitor</c>).
    /// <code>
    /// nsnn t=15000 mode=learn worst_us=2210 late=3/17 spikes=in:41,lif:812,alif:377 events=9120 cmd=12,-4 rewards=2 sensor_faults=0 ckpt=1 telemetry=470/0 hash=0x1A2B3C4D
    /// </code>
    /// </summary>
    public static class StatusReporter
    {
        /// <summary>Prints <paramref name="line"/> on the debug console.</summary>
        public static void Report(string line)
        {
            Console.WriteLine(line);
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
