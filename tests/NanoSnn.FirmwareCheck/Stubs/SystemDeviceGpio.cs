// Compile-only stubs: nanoFramework.System.Device.Gpio 1.1.57 (GpioController, GpioPin, PinMode,
// PinValue) and the pulse counter of nanoFramework.Hardware.Esp32 1.6.37, which lives in the
// System.Device.Gpio namespace (GpioPulseCounter, GpioPulseCount, GpioPulsePolarity).
// Signatures copied from the nanoFramework sources; see README.md.
#pragma warning disable CS1591 // stubs mirror signatures; the real packages carry the documentation
using System;
using NanoSnn.FirmwareCheck.Stubs;

namespace System.Device.Gpio
{
    public enum PinMode
    {
        Input,
        InputPullDown,
        InputPullUp,
        Output,
        OutputOpenDrain,
        OutputOpenDrainPullUp,
        OutputOpenSource,
        OutputOpenSourcePullDown
    }

    public readonly struct PinValue
    {
        private readonly byte _value;
        private PinValue(byte value) { _value = value; }
        public static PinValue High { get { return new PinValue(1); } }
        public static PinValue Low { get { return new PinValue(0); } }
        public static implicit operator PinValue(int value) { return value == 0 ? Low : High; }
        public static implicit operator PinValue(bool value) { return value ? High : Low; }
        public static explicit operator byte(PinValue value) { return value._value; }
        public static explicit operator int(PinValue value) { return value._value; }
        public static explicit operator bool(PinValue value) { return value._value != 0; }
        public bool Equals(PinValue other) { return other._value == _value; }
        public override bool Equals(object obj) { return obj is PinValue && Equals((PinValue)obj); }
        public static bool operator ==(PinValue a, PinValue b) { return a.Equals(b); }
        public static bool operator !=(PinValue a, PinValue b) { return !a.Equals(b); }
        public override int GetHashCode() { return _value; }
        public override string ToString() { return _value == 0 ? "Low" : "High"; }
    }

    public sealed class GpioController : IDisposable
    {
        public GpioController() { }
        public int PinCount { get { throw new StubException(); } }
        public GpioPin OpenPin(int pinNumber) { throw new StubException(); }
        public GpioPin OpenPin(int pinNumber, PinMode mode) { throw new StubException(); }
        public void ClosePin(int pinNumber) { throw new StubException(); }
        public bool IsPinOpen(int pinNumber) { throw new StubException(); }
        public PinValue Read(int pinNumber) { throw new StubException(); }
        public void Write(int pinNumber, PinValue value) { throw new StubException(); }
        public void SetPinMode(int pinNumber, PinMode mode) { throw new StubException(); }
        public void Dispose() { throw new StubException(); }
    }

    public sealed class GpioPin : IDisposable
    {
        internal GpioPin() { }
        public int PinNumber { get { throw new StubException(); } }
        public TimeSpan DebounceTimeout { get { throw new StubException(); } set { throw new StubException(); } }
        public PinMode GetPinMode() { throw new StubException(); }
        public bool IsPinModeSupported(PinMode pinMode) { throw new StubException(); }
        public void SetPinMode(PinMode value) { throw new StubException(); }
        public PinValue Read() { throw new StubException(); }
        public void Write(PinValue value) { throw new StubException(); }
        public void Toggle() { throw new StubException(); }
        public void Dispose() { throw new StubException(); }
    }

    public enum GpioPulsePolarity
    {
        Both,
        Falling,
        Rising
    }

    public struct GpioPulseCount
    {
        public long Count;
        public TimeSpan RelativeTime;
    }

    public sealed class GpioPulseCounter : IDisposable
    {
        public GpioPulseCounter(int pinNumberA, int pinNumberB = -1) { throw new StubException(); }
        public bool IsStarted { get { throw new StubException(); } }
        public GpioPulsePolarity Polarity { get { throw new StubException(); } set { throw new StubException(); } }
        public ushort FilterPulses { get { throw new StubException(); } set { throw new StubException(); } }
        public GpioPulseCount Read() { throw new StubException(); }
        public GpioPulseCount Reset() { throw new StubException(); }
        public void Start() { throw new StubException(); }
        public void Stop() { throw new StubException(); }
        public void Dispose() { throw new StubException(); }
    }
}
