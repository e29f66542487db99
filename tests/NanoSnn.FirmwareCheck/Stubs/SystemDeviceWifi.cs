// Compile-only stubs: nanoFramework.System.Device.Wifi 1.5.144 (WifiNetworkHelper,
// WifiReconnectionKind). Signatures copied from nanoframework/System.Device.Wifi; see README.md.
#pragma warning disable CS1591 // stubs mirror signatures; the real packages carry the documentation
using System;
using System.Device.Wifi;
using System.Threading;
using NanoSnn.FirmwareCheck.Stubs;

namespace System.Device.Wifi
{
    public enum WifiReconnectionKind
    {
        Automatic,
        Manual
    }
}

namespace nanoFramework.Networking
{
    public static class WifiNetworkHelper
    {
        public static NetworkHelperStatus Status { get { throw new StubException(); } }
        public static Exception HelperException { get { throw new StubException(); } }
        public static bool ConnectDhcp(string ssid, string password, WifiReconnectionKind reconnectionKind = WifiReconnectionKind.Automatic,
            bool requiresDateTime = false, int wifiAdapterId = 0, CancellationToken token = default(CancellationToken)) { throw new StubException(); }
        public static bool Reconnect(bool requiresDateTime = false, int wifiAdapterId = 0, CancellationToken token = default(CancellationToken)) { throw new StubException(); }
        public static void Disconnect() { throw new StubException(); }
    }
}
