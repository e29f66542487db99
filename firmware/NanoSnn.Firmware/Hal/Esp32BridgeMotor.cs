using System;
using System.Device.Pwm;
using nanoFramework.Hardware.Esp32;

namespace NanoSnn.Firmware.Hal
{
    /// <summary>
    /// One H-bridge channel driven by two ESP32 PWM (LEDC) outputs: writes the two duties,
    /// nothing else. Deadband, speed cap, slew rate, brake and the direction truth table are in
    /// <see cref="MotorDriverBase"/>.
    /// </summary>
    public sealed class Esp32BridgeMotor : MotorDriverBase, IDisposable
    {
        private readonly PwmChannel _a;
        private readonly PwmChannel _b;

        /// <summary>
        /// Routes <paramref name="pinA"/> and <paramref name="pinB"/> to the PWM device functions
        /// <paramref name="functionA"/>, <paramref name="functionB"/> (one per pin, e.g. PWM1 and
        /// PWM2), opens both at <paramref name="frequencyHz"/> with duty 0 and starts them.
        /// </summary>
        public Esp32BridgeMotor(int pinA, DeviceFunction functionA, int pinB, DeviceFunction functionB, int frequencyHz,
            int deadbandPercent, int minDutyPercent, int slewPer10kPerUpdate)
            : base(deadbandPercent, minDutyPercent, slewPer10kPerUpdate)
        {
            _a = Open(pinA, functionA, frequencyHz);
            _b = Open(pinB, functionB, frequencyHz);
            PinA = pinA;
            PinB = pinB;
        }

        /// <summary>GPIO of bridge input A (forward).</summary>
        public readonly int PinA;

        /// <summary>GPIO of bridge input B (reverse).</summary>
        public readonly int PinB;

        private static PwmChannel Open(int pin, DeviceFunction function, int frequencyHz)
        {
            Configuration.SetPinFunction(pin, function);
            PwmChannel channel = PwmChannel.CreateFromPin(pin, frequencyHz, 0);
            if (channel == null) throw new Exception("motor: no PWM channel can drive GPIO " + pin + " (check the pin map in the board profile)");
            channel.Start();
            return channel;
        }

        /// <inheritdoc/>
        protected override void WriteBridge(int inputAPer10k, int inputBPer10k)
        {
            _a.DutyCycle = ToDutyCycle(inputAPer10k);
            _b.DutyCycle = ToDutyCycle(inputBPer10k);
        }

        /// <summary>
        /// per10k → the 0.0..1.0 the PWM API takes. nanoFramework turns it back into per10k by
        /// truncating <c>duty · 10000</c>; the half step keeps that from landing one below
        /// (0.0123 · 10000 = 122.99...), and full scale is passed exactly because 1.0 is the limit.
        /// </summary>
        private static double ToDutyCycle(int per10k)
        {
            if (per10k <= 0) return 0.0;
            if (per10k >= FullScalePer10k) return 1.0;
            return (per10k + 0.5) / FullScalePer10k;
        }

        /// <summary>Stops both outputs and releases them.</summary>
        public void Dispose()
        {
            _a.Stop();
            _b.Stop();
            _a.Dispose();
            _b.Dispose();
        }
    }
}
