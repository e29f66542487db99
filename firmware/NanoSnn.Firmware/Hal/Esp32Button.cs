using System;
using System.Device.Gpio;

namespace NanoSnn.Firmware.Hal
{
    /// <summary>
    /// A push button to GND on an ESP32 GPIO: reads the pin, nothing else. Debouncing, click
    /// and long-press decisions are in <see cref="ButtonBase"/>.
    /// </summary>
    public sealed class Esp32Button : ButtonBase, IDisposable
    {
        private readonly GpioPin _pin;

        /// <summary>
        /// Opens <paramref name="pin"/> as an input (with the internal pull-up when
        /// <paramref name="pullUp"/>); the button is active low.
        /// </summary>
        public Esp32Button(GpioController gpio, int pin, bool pullUp, int debounceUs, int longPressUs)
            : base(true, debounceUs, longPressUs)
        {
            _pin = gpio.OpenPin(pin, pullUp ? PinMode.InputPullUp : PinMode.Input);
            Pin = pin;
        }

        /// <summary>The GPIO number.</summary>
        public readonly int Pin;

        /// <inheritdoc/>
        protected override bool ReadLevelHigh()
        {
            return _pin.Read() == PinValue.High;
        }

        /// <summary>Releases the pin.</summary>
        public void Dispose()
        {
            _pin.Dispose();
        }
    }
}
