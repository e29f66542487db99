// Compile-only stubs: nanoFramework.System.Device.Adc 1.1.24 (AdcController, AdcChannel).
// Signatures copied from nanoframework/System.Device.Adc; see README.md.
#pragma warning disable CS1591 // stubs mirror signatures; the real packages carry the documentation
using System;
using NanoSnn.FirmwareCheck.Stubs;

namespace System.Device.Adc
{
    public sealed class AdcController
    {
        public AdcController() { throw new StubException(); }
        public int ChannelCount { get { throw new StubException(); } }
        public int MaxValue { get { throw new StubException(); } }
        public int MinValue { get { throw new StubException(); } }
        public int ResolutionInBits { get { throw new StubException(); } }
        public AdcChannel OpenChannel(int channelNumber) { throw new StubException(); }
    }

    public class AdcChannel : IDisposable
    {
        internal AdcChannel() { }
        public int ReadValue() { throw new StubException(); }
        public double ReadRatio() { throw new StubException(); }
        public void Dispose() { throw new StubException(); }
    }
}
