using System;
using System.IO;
using System.Text;

namespace NanoSnn.Firmware.App
{
    /// <summary>
    /// Per-device settings from an optional text file on the internal flash (<c>I:\nanosnn.cfg</c>),
    /// one <c>key=value</c> per line, <c>#</c> starts a comment. Everything has a default, so a
    /// device without the file boots with serial telemetry and no Wi-Fi.
    /// <code>
    /// wifi_ssid=MyNetwork        # empty: use the network stored on the device, if any
    /// wifi_password=secret
    /// udp_host=192.168.1.20      # where `nanosnn monitor` listens; empty: no UDP telemetry
    /// udp_port=5005
    /// serial_telemetry=on        # on/off
    /// checkpoint_minutes=5       # 0: only on request (long press of the mode button)
    /// seed=1                     # weights of the built-in network when no model file is present
    /// motor_min_duty=0           # percent of duty that just starts the motors turning
    /// </code>
    /// </summary>
    public sealed class DeviceSettings
    {
        /// <summary>Default UDP port of the telemetry monitor.</summary>
        public const int DefaultUdpPort = 5005;

        /// <summary>Wi-Fi network name, or "" to use the configuration stored on the device.</summary>
        public string WifiSsid = "";

        /// <summary>Wi-Fi password.</summary>
        public string WifiPassword = "";

        /// <summary>Telemetry host (dotted IPv4), or "" for no UDP telemetry.</summary>
        public string UdpHost = "";

        /// <summary>Telemetry UDP port.</summary>
        public int UdpPort = DefaultUdpPort;

        /// <summary>Whether telemetry goes to the board's telemetry UART.</summary>
        public bool SerialTelemetry = true;

        /// <summary>Minutes between periodic checkpoints while learning (0: on request only).</summary>
        public int CheckpointMinutes = 5;

        /// <summary>Seed of the built-in network.</summary>
        public uint Seed = 1;

        /// <summary>Motor duty that overcomes static friction, percent.</summary>
        public int MotorMinDutyPercent;

        /// <summary>Where the settings came from, for the boot log.</summary>
        public string Source = "defaults";

        /// <summary>Problems found in the file (unknown keys, bad numbers), for the boot log; "" when none.</summary>
        public string Warnings = "";

        /// <summary>Reads <paramref name="path"/> if it exists; defaults for everything it does not set.</summary>
        public static DeviceSettings Load(string path)
        {
            DeviceSettings settings = new DeviceSettings();
            try
            {
                if (!File.Exists(path)) return settings;
                byte[] data;
                using (FileStream stream = new FileStream(path, FileMode.Open, FileAccess.Read))
                {
                    data = new byte[(int)stream.Length];
                    int read = 0;
                    while (read < data.Length)
                    {
                        int n = stream.Read(data, read, data.Length - read);
                        if (n <= 0) break;
                        read += n;
                    }
                }
                settings.Parse(new string(Encoding.UTF8.GetChars(data)));
                settings.Source = path;
            }
            catch (Exception e)
            {
                settings.Warnings += path + ": " + e.Message + "; ";
            }
            return settings;
        }

        /// <summary>Applies the <c>key=value</c> lines of <paramref name="text"/>.</summary>
        public void Parse(string text)
        {
            string[] lines = text.Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                string line = lines[i];
                int hash = line.IndexOf('#');
                if (hash >= 0) line = line.Substring(0, hash);
                line = line.Trim();
                if (line.Length == 0) continue;
                int eq = line.IndexOf('=');
                if (eq <= 0)
                {
                    Warnings += "line " + (i + 1) + ": expected key=value; ";
                    continue;
                }
                string key = line.Substring(0, eq).Trim();
                string value = line.Substring(eq + 1).Trim();
                Apply(key, value, i + 1);
            }
        }

        private void Apply(string key, string value, int line)
        {
            if (key == "wifi_ssid") WifiSsid = value;
            else if (key == "wifi_password") WifiPassword = value;
            else if (key == "udp_host") UdpHost = value;
            else if (key == "udp_port") UdpPort = Number(key, value, line, 1, 65535, UdpPort);
            else if (key == "serial_telemetry") SerialTelemetry = value == "on" || value == "true" || value == "1";
            else if (key == "checkpoint_minutes") CheckpointMinutes = Number(key, value, line, 0, 24 * 60, CheckpointMinutes);
            else if (key == "seed") Seed = (uint)Number(key, value, line, 1, int.MaxValue, (int)Seed);
            else if (key == "motor_min_duty") MotorMinDutyPercent = Number(key, value, line, 0, 90, MotorMinDutyPercent);
            else Warnings += "line " + line + ": unknown key '" + key + "'; ";
        }

        private int Number(string key, string value, int line, int min, int max, int fallback)
        {
            int n;
            if (!int.TryParse(value, out n) || n < min || n > max)
            {
                Warnings += "line " + line + ": " + key + " must be a number in " + min + ".." + max + ", not '" + value + "'; ";
                return fallback;
            }
            return n;
        }
    }
}
