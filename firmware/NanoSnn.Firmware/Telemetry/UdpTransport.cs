using System;
using System.Net;
using System.Net.Sockets;

namespace NanoSnn.Firmware.Telemetry
{
    /// <summary>
    /// Telemetry as UDP datagrams to one host and port over Wi-Fi. UDP because a lost record is
    /// better than a stalled tick: nothing waits for an acknowledgement or a reconnect.
    /// </summary>
    public sealed class UdpTransport : ByteTransport, IDisposable
    {
        private readonly Socket _socket;
        private readonly IPEndPoint _target;

        /// <summary>Opens a datagram socket that sends to <paramref name="host"/> (dotted IPv4) : <paramref name="port"/>.</summary>
        public UdpTransport(string host, int port)
        {
            if (port <= 0 || port > 65535) throw new ArgumentException("telemetry UDP port must be in 1..65535, not " + port);
            _target = new IPEndPoint(IPAddress.Parse(host), port);
            _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        }

        /// <inheritdoc/>
        protected override void WriteBytes(byte[] buffer, int offset, int count)
        {
            _socket.SendTo(buffer, offset, count, SocketFlags.None, _target);
        }

        /// <summary>Closes the socket.</summary>
        public void Dispose()
        {
            _socket.Close();
        }
    }
}
