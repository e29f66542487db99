using System;
using System.Device.Wifi;
using System.Threading;
using nanoFramework.Networking;

namespace NanoSnn.Firmware.App
{
    /// <summary>
    /// Connects Wi-Fi in the background (a DHCP connect can take seconds; the tick loop must not
    /// wait for it). The tick loop polls <see cref="Connected"/> at its status reports and opens
    /// the UDP telemetry then. Only ADC1 may be used for analog inputs while Wi-Fi runs.
    /// </summary>
    public sealed class WifiLink
    {
        /// <summary>How long one connection attempt may take, ms.</summary>
        public const int ConnectTimeoutMs = 60000;

        private readonly string _ssid;
        private readonly string _password;
        private readonly object _sync = new object();
        private bool _connected;
        private bool _finished;
        private string _status = "connecting";

        /// <summary>Prepares a connection to <paramref name="ssid"/> ("" for the network stored on the device).</summary>
        public WifiLink(string ssid, string password)
        {
            _ssid = ssid;
            _password = password;
        }

        /// <summary>Starts the connection attempt on its own thread.</summary>
        public void Start()
        {
            Thread thread = new Thread(Connect);
            thread.Start();
        }

        /// <summary>Whether the network is up with an IP address.</summary>
        public bool Connected
        {
            get { lock (_sync) { return _connected; } }
        }

        /// <summary>Whether the attempt has ended, connected or not.</summary>
        public bool Finished
        {
            get { lock (_sync) { return _finished; } }
        }

        /// <summary>What happened, for the log.</summary>
        public string Status
        {
            get { lock (_sync) { return _status; } }
        }

        private void Connect()
        {
            bool ok;
            string status;
            try
            {
                CancellationTokenSource timeout = new CancellationTokenSource(ConnectTimeoutMs);
                if (_ssid.Length == 0)
                    ok = WifiNetworkHelper.Reconnect(false, 0, timeout.Token);
                else
                    ok = WifiNetworkHelper.ConnectDhcp(_ssid, _password, WifiReconnectionKind.Automatic, false, 0, timeout.Token);
                status = ok ? "connected" : "failed: " + StatusName(WifiNetworkHelper.Status);
                if (!ok && WifiNetworkHelper.HelperException != null) status += " (" + WifiNetworkHelper.HelperException.Message + ")";
            }
            catch (Exception e)
            {
                ok = false;
                status = "failed: " + e.Message;
            }
            lock (_sync)
            {
                _connected = ok;
                _finished = true;
                _status = status;
            }
        }

        /// <summary>A readable name (nanoFramework's enum ToString gives the number).</summary>
        private static string StatusName(NetworkHelperStatus status)
        {
            switch (status)
            {
                case NetworkHelperStatus.FailedNoNetworkInterface: return "no Wi-Fi interface configured";
                case NetworkHelperStatus.TokenExpiredWaitingIPAddress: return "timed out waiting for an IP address";
                case NetworkHelperStatus.ErrorConnetingToWiFiWhileScanning: return "could not join the network";
                case NetworkHelperStatus.ExceptionOccurred: return "exception";
                default: return "status " + (int)status;
            }
        }
    }
}
