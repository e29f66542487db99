// Compile-only stubs: nanoFramework.System.Net 1.11.52 (IPAddress, EndPoint, IPEndPoint, Socket
// and the socket enums, NetworkHelperStatus). Signatures copied from nanoframework/System.Net;
// see README.md. .NET's own System.Net.Sockets and System.Net.Primitives are removed from this
// compilation (see the .csproj), so these are the only networking types the firmware sees.
#pragma warning disable CS1591 // stubs mirror signatures; the real packages carry the documentation
using System;
using NanoSnn.FirmwareCheck.Stubs;

namespace System.Net.Sockets
{
    public enum AddressFamily
    {
        Unknown = -1,
        Unspecified = 0,
        InterNetwork = 2,
        InterNetworkV6 = 23
    }

    public enum SocketType
    {
        Stream = 1,
        Dgram = 2,
        Raw = 3,
        Unknown = -1
    }

    public enum ProtocolType
    {
        IP = 0,
        Tcp = 6,
        Udp = 17,
        Unknown = -1
    }

    [Flags]
    public enum SocketFlags
    {
        None = 0x0000
    }

    public class Socket : IDisposable
    {
        public Socket(AddressFamily addressFamily, SocketType socketType, ProtocolType protocolType) { throw new StubException(); }
        public int SendTimeout { get { throw new StubException(); } set { throw new StubException(); } }
        public int ReceiveTimeout { get { throw new StubException(); } set { throw new StubException(); } }
        public void Bind(EndPoint localEP) { throw new StubException(); }
        public void Connect(EndPoint remoteEP) { throw new StubException(); }
        public int SendTo(byte[] buffer, int offset, int size, SocketFlags socketFlags, EndPoint remoteEP) { throw new StubException(); }
        public int SendTo(byte[] buffer, int size, SocketFlags socketFlags, EndPoint remoteEP) { throw new StubException(); }
        public int SendTo(byte[] buffer, SocketFlags socketFlags, EndPoint remoteEP) { throw new StubException(); }
        public int SendTo(byte[] buffer, EndPoint remoteEP) { throw new StubException(); }
        public void Close() { throw new StubException(); }
        public void Dispose() { throw new StubException(); }
    }
}

namespace System.Net
{
    public abstract class EndPoint
    {
    }

    public class IPAddress
    {
        public IPAddress(long newAddress) { throw new StubException(); }
        public IPAddress(byte[] address) { throw new StubException(); }
        public static IPAddress Parse(string ipString) { throw new StubException(); }
        public byte[] GetAddressBytes() { throw new StubException(); }
    }

    public class IPEndPoint : EndPoint
    {
        public IPEndPoint(long address, int port) { throw new StubException(); }
        public IPEndPoint(IPAddress address, int port) { throw new StubException(); }
        public IPAddress Address { get { throw new StubException(); } }
        public int Port { get { throw new StubException(); } }
    }
}

namespace nanoFramework.Networking
{
    public enum NetworkHelperStatus
    {
        None,
        Started,
        NetworkIsReady,
        FailedNoNetworkInterface,
        TokenExpiredWaitingIPAddress,
        TokenExpiredWaitingDateTime,
        ErrorConnetingToWiFiWhileScanning,
        Reconnecting,
        ExceptionOccurred
    }
}
