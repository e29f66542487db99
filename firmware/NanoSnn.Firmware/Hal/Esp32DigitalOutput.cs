using System;
using System.Device.Gpio;

namespace NanoSnn.Firmware.Hal
{
    /// <summary>
    /// An on/off output on an ESP32 GPIO (status LED, bridge enable): drives the pin, nothing
    /// else. State, polarity and blinking are in <see cref="DigitalOutputBase"/>.
    /// </summary>
    public sealed class Esp32DigitalOutput : DigitalOutputBase, IDisposable
    {
        private readonly GpioPin _pin;

        /// <summary>Opens <paramref name="pin"/> as a push-pull output and drives it to "off".</summary>
        public Esp32DigitalOutput(GpioController gpio, int pin, bool activeLow)
            : base(activeLow)
        {
            _pin = gpio.OpenPin(pin, PinMode.Output);
            Pin = pin;
            Set(false);
        }

        /// <summary>The GPIO number.</summary>
        public readonly int Pin;

        /// <inheritdoc/>
        protected override void WriteLevel(bool high)
        {
            _pin.Write(high ? PinValue.High : PinValue.Low);
        }

        /// <summary>Releases the pin.</summary>
        public void Dispose()
        {
            _pin.Dispose();
        }
    }
}
