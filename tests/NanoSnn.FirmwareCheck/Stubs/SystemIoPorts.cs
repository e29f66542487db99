// Compile-only stubs: nanoFramework.System.IO.Ports 1.1.132 (SerialPort, Parity, StopBits).
// Signatures copied from nanoframework/System.IO.Ports; see README.md.
#pragma warning disable CS1591 // stubs mirror signatures; the real packages carry the documentation
using System;
using NanoSnn.FirmwareCheck.Stubs;

namespace System.IO.Ports
{
    public enum Parity
    {
        None = 0,
        Odd = 1,
        Even = 2,
        Mark = 3,
        Space = 4
    }

    public enum StopBits
    {
        None = 0,
        One = 1,
        Two = 2,
        OnePointFive = 3
    }

    public sealed class SerialPort : IDisposable
    {
        public const int InfiniteTimeout = -1;
        public SerialPort(string portName, int baudRate = 9600, Parity parity = Parity.None, int dataBits = 8, StopBits stopBits = StopBits.One) { throw new StubException(); }
        public void Open() { throw new StubException(); }
        public void Close() { throw new StubException(); }
        public bool IsOpen { get { throw new StubException(); } }
        public int BaudRate { get { throw new StubException(); } set { throw new StubException(); } }
        public int ReadTimeout { get { throw new StubException(); } set { throw new StubException(); } }
        public int WriteTimeout { get { throw new StubException(); } set { throw new StubException(); } }
        public int BytesToRead { get { throw new StubException(); } }
        public int Read(byte[] buffer, int offset, int count) { throw new StubException(); }
        public void Write(byte[] buffer, int offset, int count) { throw new StubException(); }
        public void Write(string text) { throw new StubException(); }
        public void Dispose() { throw new StubException(); }
    }
}
