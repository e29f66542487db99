using System;

namespace NanoSnn.Cli.Bench
{
    /// <summary>
    /// Default timed ticks of a configuration: a fixed function of the sizes (never of the
    /// machine, so that the deterministic figures repeat), chosen so that one configuration
    /// takes about 1 to 3 s on a current desktop core.
    /// </summary>
    public static class BenchDefaults
    {
        /// <summary>Estimated work units per second of one core (calibrated on the benchmark matrix).</summary>
        private const double WorkPerSecond = 1.5e9;

        /// <summary>Target seconds per configuration.</summary>
        private const double TargetSeconds = 1.5;

        /// <summary>Default ticks for the sizes and input probability.</summary>
        public static int Steps(int inputs, int hidden, int outputs, int inputProbQ16)
        {
            // Work per tick ≈ expected synaptic events + a neuron update (worth ~4 events) per neuron + fixed overhead.
            double events = inputs * (inputProbQ16 / 65536.0) * hidden + hidden * 0.03 * outputs;
            double work = events + 4.0 * (hidden + outputs) + inputs * 2.0 + 200;
            double steps = WorkPerSecond * TargetSeconds / work;
            long rounded = (long)Math.Round(Math.Clamp(steps, 1000, 2000000) / 1000) * 1000;
            return (int)rounded;
        }

        /// <summary>How the default is chosen, for --help.</summary>
        public static string Describe()
        {
            return "about " + TargetSeconds + " s of work, e.g. " + Steps(100, 256, 10, 3277) + " for 100 -> 256 -> 10";
        }
    }
}
