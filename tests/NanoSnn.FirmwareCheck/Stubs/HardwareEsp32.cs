// Compile-only stubs: nanoFramework.Hardware.Esp32 1.6.37 (Configuration, DeviceFunction,
// HighResTimer). Signatures copied from the nanoFramework sources; see README.md. DeviceFunction
// lists the serial and PWM functions with their real values; the SPI, I2C, ADC, I2S and SDMMC
// functions the firmware does not use are left out.
#pragma warning disable CS1591 // stubs mirror signatures; the real packages carry the documentation
using System;
using NanoSnn.FirmwareCheck.Stubs;

namespace nanoFramework.Hardware.Esp32
{
    public enum DeviceFunction
    {
        COM1_TX = 0x30000 + 0x100 + 0,
        COM1_RX = 0x30000 + 0x100 + 1,
        COM1_RTS = 0x30000 + 0x100 + 2,
        COM1_CTS = 0x30000 + 0x100 + 3,
        COM2_TX = 0x30000 + 0x200 + 0,
        COM2_RX = 0x30000 + 0x200 + 1,
        COM2_RTS = 0x30000 + 0x200 + 2,
        COM2_CTS = 0x30000 + 0x200 + 3,
        COM3_TX = 0x30000 + 0x300 + 0,
        COM3_RX = 0x30000 + 0x300 + 1,
        COM3_RTS = 0x30000 + 0x300 + 2,
        COM3_CTS = 0x30000 + 0x300 + 3,
        PWM1 = 0x40000 + 0x100,
        PWM2 = 0x40000 + 0x200,
        PWM3 = 0x40000 + 0x300,
        PWM4 = 0x40000 + 0x400,
        PWM5 = 0x40000 + 0x500,
        PWM6 = 0x40000 + 0x600,
        PWM7 = 0x40000 + 0x700,
        PWM8 = 0x40000 + 0x800,
        PWM9 = 0x40000 + 0x900,
        PWM10 = 0x40000 + 0xA00,
        PWM11 = 0x40000 + 0xB00,
        PWM12 = 0x40000 + 0xC00,
        PWM13 = 0x40000 + 0xD00,
        PWM14 = 0x40000 + 0xE00,
        PWM15 = 0x40000 + 0xF00,
        PWM16 = 0x40000 + 0x1000
    }

    public class Configuration
    {
        public static void SetPinFunction(int pin, DeviceFunction value) { throw new StubException(); }
        public static int GetFunctionPin(DeviceFunction function) { throw new StubException(); }
    }

    public delegate void HighResTimerExpiredEventHandler(HighResTimer sender, object e);

    public class HighResTimer : IDisposable
    {
        public HighResTimer() { throw new StubException(); }
        public event HighResTimerExpiredEventHandler OnHighResTimerExpired { add { throw new StubException(); } remove { throw new StubException(); } }
        public static ulong GetCurrent() { throw new StubException(); }
        public void Stop() { throw new StubException(); }
        public void StartOneShot(ulong timeout_us) { throw new StubException(); }
        public void StartOnePeriodic(ulong period_us) { throw new StubException(); }
        public void Dispose() { throw new StubException(); }
    }
}
