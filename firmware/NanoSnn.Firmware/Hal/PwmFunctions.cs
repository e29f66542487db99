using System;
using nanoFramework.Hardware.Esp32;

namespace NanoSnn.Firmware.Hal
{
    /// <summary>
    /// The ESP32 PWM device functions in order: every PWM pin needs its own (PWM1..PWM16, the 16
    /// LEDC channels), assigned with <c>Configuration.SetPinFunction</c> before the channel opens.
    /// </summary>
    public static class PwmFunctions
    {
        /// <summary>Number of PWM device functions.</summary>
        public const int Count = 16;

        /// <summary>The device function PWM(<paramref name="index"/> + 1).</summary>
        public static DeviceFunction Get(int index)
        {
            switch (index)
            {
                case 0: return DeviceFunction.PWM1;
                case 1: return DeviceFunction.PWM2;
                case 2: return DeviceFunction.PWM3;
                case 3: return DeviceFunction.PWM4;
                case 4: return DeviceFunction.PWM5;
                case 5: return DeviceFunction.PWM6;
                case 6: return DeviceFunction.PWM7;
                case 7: return DeviceFunction.PWM8;
                case 8: return DeviceFunction.PWM9;
                case 9: return DeviceFunction.PWM10;
                case 10: return DeviceFunction.PWM11;
                case 11: return DeviceFunction.PWM12;
                case 12: return DeviceFunction.PWM13;
                case 13: return DeviceFunction.PWM14;
                case 14: return DeviceFunction.PWM15;
                case 15: return DeviceFunction.PWM16;
                default: throw new ArgumentException("PWM function index must be in 0.." + (Count - 1) + ", not " + index);
            }
        }
    }
}
