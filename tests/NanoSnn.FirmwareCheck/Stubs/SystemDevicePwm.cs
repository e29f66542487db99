// Compile-only stub: nanoFramework.System.Device.Pwm 1.1.23 (PwmChannel). Signatures copied from
// nanoframework/System.Device.Pwm System.Device.Pwm/PwmChannel.cs; see README.md.
#pragma warning disable CS1591 // stubs mirror signatures; the real packages carry the documentation
using System;
using NanoSnn.FirmwareCheck.Stubs;

namespace System.Device.Pwm
{
    public sealed class PwmChannel : IDisposable
    {
        public PwmChannel(int chip, int channel, int frequency = 400, double dutyCyclePercentage = 0.5) { throw new StubException(); }
        public int Frequency { get { throw new StubException(); } set { throw new StubException(); } }
        public double DutyCycle { get { throw new StubException(); } set { throw new StubException(); } }
        public void Start() { throw new StubException(); }
        public void Stop() { throw new StubException(); }
        public static PwmChannel Create(int chip, int channel, int frequency = 400, double dutyCyclePercentage = 0.5) { throw new StubException(); }
        public static PwmChannel CreateFromPin(int pin, int frequency = 400, double dutyCyclePercentage = 0.5) { throw new StubException(); }
        public void Dispose() { throw new StubException(); }
    }
}
