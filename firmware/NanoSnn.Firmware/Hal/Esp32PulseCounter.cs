using System;
using System.Device.Gpio;

namespace NanoSnn.Firmware.Hal
{
    /// <summary>
    /// One ESP32 pulse-counter (PCNT) unit counting edges on a GPIO (nanoFramework's
    /// <see cref="GpioPulseCounter"/>): reads the count once per tick, nothing else. The per-tick
    /// difference, wrap-safe, is in <see cref="PulseCounterBase"/>.
    /// </summary>
    /// <remarks>
    /// Counting in hardware means a spike train of several kHz costs the interpreter one read per
    /// tick instead of one managed callback (and one event object) per edge. The difference is
    /// taken modulo 2^16: right whether the native layer hands out the raw 16-bit PCNT register or
    /// a count it extends on overflow, as long as fewer than 32,768 edges arrive per tick.
    /// The glitch filter is set to its maximum, 1023 APB cycles (12.8 µs at 80 MHz): pulses shorter
    /// than that are ignored, which still allows edge rates up to about 39 kHz.
    /// The PCNT input has no pull resistor of its own: give open-collector sensors an external
    /// pull-up to 3.3 V. The ESP32 has 8 PCNT units, the ESP32-S3 has 4.
    /// </remarks>
    public sealed class Esp32PulseCounter : PulseCounterBase, IDisposable
    {
        /// <summary>The PCNT glitch filter, APB clock cycles (the largest the hardware allows).</summary>
        public const ushort FilterApbCycles = 1023;

        private readonly GpioPulseCounter _counter;

        /// <summary>Starts counting <paramref name="polarity"/> edges on <paramref name="pin"/>.</summary>
        public Esp32PulseCounter(int pin, GpioPulsePolarity polarity)
            : base(16)
        {
            _counter = new GpioPulseCounter(pin);
            _counter.Polarity = polarity;
            _counter.FilterPulses = FilterApbCycles;
            _counter.Start();
            Pin = pin;
        }

        /// <summary>The GPIO number.</summary>
        public readonly int Pin;

        /// <inheritdoc/>
        protected override bool TryReadCount(out long count)
        {
            try
            {
                GpioPulseCount reading = _counter.Read();
                count = reading.Count;
                return true;
            }
            catch (Exception)
            {
                count = 0;
                return false;
            }
        }

        /// <summary>Stops counting and releases the unit.</summary>
        public void Dispose()
        {
            _counter.Stop();
            _counter.Dispose();
        }
    }
}
