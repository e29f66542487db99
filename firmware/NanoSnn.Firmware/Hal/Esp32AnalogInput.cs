using System;
using System.Device.Adc;

namespace NanoSnn.Firmware.Hal
{
    /// <summary>
    /// An ESP32 ADC channel: reads raw counts, nothing else. Calibration to sensor units is in
    /// <see cref="AnalogInputBase"/>.
    /// </summary>
    /// <remarks>
    /// nanoFramework numbers the ESP32 ADC1 channels 0-7 (GPIO 36, 37, 38, 39, 32, 33, 34, 35) and
    /// the ESP32-S3 ADC1 channels 0-9 (GPIO 1-10); higher numbers are ADC2, whose reads fail while
    /// Wi-Fi runs. A read that throws (ADC2 busy, channel not available) is a failed read, counted
    /// by the sensor bank; it never stops the tick.
    /// </remarks>
    public sealed class Esp32AnalogInput : AnalogInputBase, IDisposable
    {
        private readonly AdcChannel _channel;

        /// <summary>Opens ADC channel <paramref name="channel"/> of <paramref name="adc"/>; samples are 0..<paramref name="maxCounts"/>.</summary>
        public Esp32AnalogInput(AdcController adc, int channel, int maxCounts)
            : base(maxCounts)
        {
            _channel = adc.OpenChannel(channel);
            Channel = channel;
        }

        /// <summary>The nanoFramework ADC channel number.</summary>
        public readonly int Channel;

        /// <inheritdoc/>
        protected override bool TryReadCounts(out int counts)
        {
            try
            {
                counts = _channel.ReadValue();
                return true;
            }
            catch (Exception)
            {
                counts = 0;
                return false;
            }
        }

        /// <summary>Releases the channel.</summary>
        public void Dispose()
        {
            _channel.Dispose();
        }
    }
}
