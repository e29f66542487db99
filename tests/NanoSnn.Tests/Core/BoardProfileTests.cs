using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoSnn.Firmware.Boards;

namespace NanoSnn.Tests.Core
{
    /// <summary>
    /// The board profiles: every boards/*/board.json is complete and electrically sane (no pin
    /// twice, no pin from the lists the board says to avoid, analog inputs on ADC1 with the right
    /// channel numbers while Wi-Fi is used), and the <see cref="BoardConfig"/> the firmware's C#
    /// profile class creates says exactly what its board.json says (the profile classes are
    /// compiled into this test project). The firmware cannot be built here, so these checks are
    /// what keeps the three copies of a pin map (README, JSON, C#) from drifting apart.
    /// </summary>
    [TestClass]
    public sealed class BoardProfileTests
    {
        private static string BoardsDir => Path.Combine(RepositoryTests.RepoRoot(), "boards");
        private static string FirmwareDir => Path.Combine(RepositoryTests.RepoRoot(), "firmware", "NanoSnn.Firmware");

        private static (string Folder, JsonObject Json)[] Boards()
        {
            var boards = Directory.GetDirectories(BoardsDir)
                .Where(d => File.Exists(Path.Combine(d, "board.json")))
                .OrderBy(d => d, StringComparer.Ordinal)
                .Select(d => (Path.GetFileName(d), (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(d, "board.json")))))
                .ToArray();
            Assert.IsTrue(boards.Length >= 3, "expected at least the esp32-devkitc, esp32-wrover and esp32-s3 profiles, found " + boards.Length);
            return boards;
        }

        [TestMethod]
        public void EveryBoardFolderHasBoardJsonAndReadme()
        {
            foreach (string dir in Directory.GetDirectories(BoardsDir))
            {
                Assert.IsTrue(File.Exists(Path.Combine(dir, "board.json")), dir + " has no board.json");
                Assert.IsTrue(File.Exists(Path.Combine(dir, "README.md")), dir + " has no README.md");
            }
            foreach (string name in new[] { "esp32-devkitc", "esp32-wrover", "esp32-s3" })
                Assert.IsTrue(Directory.Exists(Path.Combine(BoardsDir, name)), "missing board profile " + name);
        }

        [TestMethod]
        public void EveryBoardJsonHasTheRequiredFields()
        {
            var errors = new List<string>();
            foreach (var (folder, json) in Boards()) errors.AddRange(MissingFields(folder, json));
            Assert.AreEqual(0, errors.Count, string.Join("\n", errors));
        }

        [TestMethod]
        public void NoBoardUsesAPinTwice()
        {
            var errors = new List<string>();
            foreach (var (folder, json) in Boards()) errors.AddRange(PinCollisions(folder, json));
            Assert.AreEqual(0, errors.Count, string.Join("\n", errors));
        }

        [TestMethod]
        public void NoBoardUsesAPinItsAvoidListsRuleOut()
        {
            var errors = new List<string>();
            foreach (var (folder, json) in Boards()) errors.AddRange(AvoidViolations(folder, json));
            Assert.AreEqual(0, errors.Count, string.Join("\n", errors));
        }

        [TestMethod]
        public void AnalogInputsAreOnAdc1WithTheRightChannelNumbers()
        {
            var errors = new List<string>();
            foreach (var (folder, json) in Boards()) errors.AddRange(AnalogViolations(folder, json));
            Assert.AreEqual(0, errors.Count, string.Join("\n", errors));
        }

        [TestMethod]
        public void FirmwareProfileClassesMatchTheirBoardJson()
        {
            var errors = new List<string>();
            foreach (var (folder, json) in Boards())
            {
                string cls = (string)json["firmware_class"];
                string path = Path.Combine(FirmwareDir, "Boards", cls + ".cs");
                Assert.IsTrue(File.Exists(path), folder + ": firmware_class " + cls + " has no " + path);
                errors.AddRange(ProfileMismatches(folder, json, ProfileValues(CreateProfile(cls))));
            }
            Assert.AreEqual(0, errors.Count, string.Join("\n", errors));
        }

        [TestMethod]
        public void BoardSelectionOffersEveryProfile()
        {
            string selection = File.ReadAllText(Path.Combine(FirmwareDir, "Boards", "BoardSelection.cs"));
            string nfproj = File.ReadAllText(Path.Combine(FirmwareDir, "NanoSnn.Firmware.nfproj"));
            foreach (var (folder, json) in Boards())
            {
                string constant = (string)json["build_constant"];
                string cls = (string)json["firmware_class"];
                StringAssert.Contains(selection, cls + ".Create()", folder + ": BoardSelection.cs never creates " + cls);
                if (constant != "BOARD_DEVKITC")
                    Assert.IsTrue(Regex.IsMatch(selection, @"#(el)?if " + constant + @"\s"), folder + ": BoardSelection.cs does not select on " + constant);
                StringAssert.Contains(File.ReadAllText(Path.Combine(BoardsDir, folder, "README.md")), constant, folder + "/README.md does not say how to build for it");
            }
            StringAssert.Contains(nfproj, "<DefineConstants>$(DefineConstants);$(NanoSnnBoard)</DefineConstants>");
        }

        [TestMethod]
        public void FirmwareProjectListsExactlyTheSourcesInItsFolder()
        {
            string nfproj = File.ReadAllText(Path.Combine(FirmwareDir, "NanoSnn.Firmware.nfproj"));
            var listed = Regex.Matches(nfproj, "<Compile Include=\"([^\"]+)\"").Select(m => m.Groups[1].Value.Replace('\\', '/'))
                .OrderBy(x => x, StringComparer.Ordinal).ToArray();
            var present = Directory.GetFiles(FirmwareDir, "*.cs", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(FirmwareDir, f).Replace('\\', '/'))
                .Where(f => !f.StartsWith("bin/") && !f.StartsWith("obj/"))
                .OrderBy(x => x, StringComparer.Ordinal).ToArray();
            CollectionAssert.AreEqual(present, listed, "NanoSnn.Firmware.nfproj must list exactly: " + string.Join(", ", present));
        }

        [TestMethod]
        public void PackagesConfigAndHintPathsAgree()
        {
            foreach (string project in new[] { Path.Combine(FirmwareDir, "NanoSnn.Firmware.nfproj"),
                                               Path.Combine(RepositoryTests.RepoRoot(), "tests", "NanoSnn.DeviceTests", "NFUnitTest.nfproj") })
            {
                string dir = Path.GetDirectoryName(project);
                var packages = Regex.Matches(File.ReadAllText(Path.Combine(dir, "packages.config")), "<package id=\"([^\"]+)\" version=\"([^\"]+)\"")
                    .Select(m => m.Groups[1].Value + "." + m.Groups[2].Value).OrderBy(x => x, StringComparer.Ordinal).ToArray();
                var hinted = Regex.Matches(File.ReadAllText(project), @"<HintPath>\.\.\\\.\.\\packages\\([^\\]+)\\lib\\")
                    .Select(m => m.Groups[1].Value).Distinct().OrderBy(x => x, StringComparer.Ordinal).ToArray();
                CollectionAssert.AreEqual(packages, hinted, Path.GetFileName(project) + ": every package in packages.config needs a HintPath of the same version, and only those");
            }
        }

        // The checks themselves, tried on broken profiles: a check that cannot fail proves nothing.

        [TestMethod]
        public void TheChecksCatchBrokenProfiles()
        {
            var (folder, good) = Boards().First(b => b.Folder == "esp32-devkitc");
            Assert.AreEqual(0, PinCollisions(folder, good).Count + AvoidViolations(folder, good).Count + AnalogViolations(folder, good).Count);

            JsonObject twice = Clone(good);
            twice["pins"]["status_led"]["gpio"] = 25; // also the left motor
            Assert.IsTrue(PinCollisions(folder, twice).Any(e => e.Contains("GPIO 25")), "a pin used twice");

            JsonObject flash = Clone(good);
            flash["pins"]["motor_enable"] = 7;
            Assert.IsTrue(AvoidViolations(folder, flash).Any(e => e.Contains("GPIO 7")), "a flash pin");

            JsonObject inputOnly = Clone(good);
            inputOnly["pins"]["status_led"]["gpio"] = 34;
            inputOnly["pins"]["analog_inputs"][2]["gpio"] = 33;
            inputOnly["pins"]["analog_inputs"][2]["adc1_channel"] = 5;
            inputOnly["pins"]["motor_enable"] = 5; // keeps 33 unique
            var violations = AvoidViolations(folder, inputOnly);
            Assert.IsTrue(violations.Any(e => e.Contains("GPIO 34") && e.Contains("input")), "an output on an input-only pin: " + string.Join("; ", violations));
            Assert.IsTrue(violations.Any(e => e.Contains("GPIO 5") && e.Contains("strapping")), "an unjustified strapping pin");

            JsonObject adc2 = Clone(good);
            adc2["pins"]["analog_inputs"][0]["gpio"] = 25;
            Assert.IsTrue(AnalogViolations(folder, adc2).Any(e => e.Contains("GPIO 25")), "an analog input on ADC2");
            JsonObject wrongChannel = Clone(good);
            wrongChannel["pins"]["analog_inputs"][1]["adc1_channel"] = 4;
            Assert.IsTrue(AnalogViolations(folder, wrongChannel).Any(e => e.Contains("channel")), "a wrong ADC1 channel number");

            JsonObject missing = Clone(good);
            missing.Remove("tick_us");
            ((JsonObject)missing["pins"]).Remove("telemetry_uart");
            var gaps = MissingFields(folder, missing);
            Assert.IsTrue(gaps.Any(e => e.Contains("tick_us")) && gaps.Any(e => e.Contains("telemetry_uart")), string.Join("; ", gaps));
            Assert.AreEqual(0, MissingFields(folder, good).Count);
            JsonObject oddFlash = Clone(good);
            oddFlash["checkpoint_flash_bytes"] = 3 * 4096;
            Assert.IsTrue(MissingFields(folder, oddFlash).Any(e => e.Contains("checkpoint_flash_bytes")), "a checkpoint flash budget that does not split into two slots of whole sectors");

            Assert.AreEqual(0, ProfileMismatches(folder, good, ProfileValues(Esp32DevKitC.Create())).Count);
            BoardConfig broken = Esp32DevKitC.Create();
            broken.MotorPins[3] = 5;
            broken.ModelBudgetBytes = 1;
            broken.CheckpointFlashBytes = 64 * 1024;
            var mismatches = ProfileMismatches(folder, good, ProfileValues(broken));
            Assert.AreEqual(3, mismatches.Count, string.Join("; ", mismatches));
        }

        private static JsonObject Clone(JsonObject json) => (JsonObject)JsonNode.Parse(json.ToJsonString());

        private static List<string> MissingFields(string folder, JsonObject json)
        {
            var errors = new List<string>();
            void Need(string path)
            {
                JsonNode node = json;
                foreach (string part in path.Split('.'))
                {
                    node = node is JsonObject o && o.ContainsKey(part) ? o[part] : null;
                    if (node == null) { errors.Add(folder + ": missing " + path); return; }
                }
            }
            foreach (string field in new[] { "name", "soc", "psram", "nanoff_target", "managed_heap_bytes", "model_budget_bytes", "tick_us",
                "storage_root", "checkpoint_flash_bytes", "firmware_class", "build_constant", "wifi", "pins.spike_inputs", "pins.analog_inputs", "pins.adc_bits",
                "pins.motor_pwm.left_a", "pins.motor_pwm.left_b", "pins.motor_pwm.right_a", "pins.motor_pwm.right_b", "pins.motor_pwm.frequency_hz",
                "pins.motor_enable", "pins.buttons.boot.gpio", "pins.buttons.reward.gpio", "pins.status_led.gpio", "pins.i2c.sda", "pins.i2c.scl",
                "pins.uart0.tx", "pins.uart0.rx", "pins.telemetry_uart.port", "pins.telemetry_uart.tx", "pins.telemetry_uart.rx",
                "pins.telemetry_uart.baud", "pins.avoid", "pins.strapping_ok" })
                Need(field);
            if (errors.Count > 0) return errors;
            if ((string)json["name"] != folder) errors.Add(folder + ": name is '" + (string)json["name"] + "', must be the folder name");
            int heap = (int)json["managed_heap_bytes"], budget = (int)json["model_budget_bytes"], tick = (int)json["tick_us"];
            if (heap <= 0 || budget <= 0 || budget > heap) errors.Add(folder + ": need 0 < model_budget_bytes (" + budget + ") <= managed_heap_bytes (" + heap + ")");
            if (tick <= 0) errors.Add(folder + ": tick_us must be > 0, not " + tick);
            int flash = (int)json["checkpoint_flash_bytes"];
            if (flash < 2 * 2 * 4096 || flash % (2 * 4096) != 0)
                errors.Add(folder + ": checkpoint_flash_bytes (" + flash + ") must hold 2 slots of at least 2 sectors of 4,096 bytes and split into whole sectors");
            foreach (JsonNode a in json["pins"]["analog_inputs"].AsArray())
                if (a["gpio"] == null || a["adc1_channel"] == null) errors.Add(folder + ": every analog input needs gpio and adc1_channel");
            return errors;
        }

        /// <summary>Every GPIO the profile wires, with what it does (encoders repeat spike inputs and are not counted twice).</summary>
        private static List<(int Gpio, string Use, bool Output)> UsedPins(JsonObject json)
        {
            JsonNode p = json["pins"];
            var used = new List<(int, string, bool)>();
            int n = 0;
            foreach (JsonNode s in p["spike_inputs"].AsArray()) used.Add(((int)s, "spike input " + n++, false));
            n = 0;
            foreach (JsonNode a in p["analog_inputs"].AsArray()) used.Add(((int)a["gpio"], "analog input " + n++, false));
            foreach (string m in new[] { "left_a", "left_b", "right_a", "right_b" }) used.Add(((int)p["motor_pwm"][m], "motor " + m, true));
            used.Add(((int)p["motor_enable"], "motor enable", true));
            used.Add(((int)p["buttons"]["boot"]["gpio"], "mode (BOOT) button", false));
            used.Add(((int)p["buttons"]["reward"]["gpio"], "reward button", false));
            used.Add(((int)p["status_led"]["gpio"], "status LED", true));
            used.Add(((int)p["i2c"]["sda"], "I2C SDA", true));
            used.Add(((int)p["i2c"]["scl"], "I2C SCL", true));
            var uart0 = ((int)p["uart0"]["tx"], (int)p["uart0"]["rx"]);
            var tel = ((int)p["telemetry_uart"]["tx"], (int)p["telemetry_uart"]["rx"]);
            if (tel != uart0)
            {
                used.Add((uart0.Item1, "UART0 TX (debugger link)", true));
                used.Add((uart0.Item2, "UART0 RX (debugger link)", false));
            }
            used.Add((tel.Item1, "telemetry UART TX", true));
            used.Add((tel.Item2, "telemetry UART RX", false));
            return used.Where(u => u.Item1 >= 0).ToList();
        }

        private static List<string> PinCollisions(string folder, JsonObject json)
        {
            var errors = new List<string>();
            foreach (var group in UsedPins(json).GroupBy(u => u.Gpio).Where(g => g.Count() > 1))
                errors.Add(folder + ": GPIO " + group.Key + " is used " + group.Count() + " times: " + string.Join(", ", group.Select(u => u.Use)));
            var spikes = json["pins"]["spike_inputs"].AsArray().Select(s => (int)s).ToHashSet();
            foreach (var side in json["pins"]["encoders"].AsObject())
                foreach (var phase in side.Value.AsObject())
                    if (!spikes.Contains((int)phase.Value)) errors.Add(folder + ": encoder " + side.Key + "." + phase.Key + " (GPIO " + (int)phase.Value + ") is not a spike input");
            return errors;
        }

        /// <summary>
        /// What each avoid list means: flash, PSRAM, USB, JTAG and LED pins are never used;
        /// strapping pins only with a reason in pins.strapping_ok; input-only pins never drive;
        /// ADC2 pins are never analog inputs while Wi-Fi is on.
        /// </summary>
        private static List<string> AvoidViolations(string folder, JsonObject json)
        {
            var errors = new List<string>();
            var used = UsedPins(json);
            var strappingOk = json["pins"]["strapping_ok"].AsObject().Select(kv => int.Parse(kv.Key)).ToHashSet();
            bool psram = (bool)json["psram"];
            bool wifi = (bool)json["wifi"];
            foreach (var list in json["pins"]["avoid"].AsObject())
            {
                var pins = list.Value.AsArray().Select(x => (int)x).ToHashSet();
                foreach (var u in used.Where(u => pins.Contains(u.Gpio)))
                {
                    string why = null;
                    switch (list.Key)
                    {
                        case "strapping": if (!strappingOk.Contains(u.Gpio)) why = "a strapping pin without a reason in pins.strapping_ok"; break;
                        case "input_only": if (u.Output) why = "input-only, so it cannot drive"; break;
                        case "adc2_conflicts_with_wifi": if (wifi && u.Use.StartsWith("analog")) why = "on ADC2, which fails while Wi-Fi runs"; break;
                        case "psram_on_wrover": if (psram) why = "the PSRAM bus"; break;
                        default: why = "in avoid." + list.Key; break;
                    }
                    if (why != null) errors.Add(folder + ": GPIO " + u.Gpio + " (" + u.Use + ") is " + why);
                }
            }
            return errors;
        }

        /// <summary>ADC1 channel of each GPIO, per SoC (ESP32: GPIO 36, 37, 38, 39, 32, 33, 34, 35; S3: GPIO 1-10).</summary>
        private static Dictionary<int, int> Adc1Channels(string soc) => soc switch
        {
            "ESP32" => new Dictionary<int, int> { [36] = 0, [37] = 1, [38] = 2, [39] = 3, [32] = 4, [33] = 5, [34] = 6, [35] = 7 },
            "ESP32-S3" => Enumerable.Range(1, 10).ToDictionary(g => g, g => g - 1),
            _ => null
        };

        private static List<string> AnalogViolations(string folder, JsonObject json)
        {
            var errors = new List<string>();
            var adc1 = Adc1Channels((string)json["soc"]);
            if (adc1 == null) return new List<string> { folder + ": unknown soc '" + (string)json["soc"] + "' (known: ESP32, ESP32-S3)" };
            foreach (JsonNode a in json["pins"]["analog_inputs"].AsArray())
            {
                int gpio = (int)a["gpio"], channel = (int)a["adc1_channel"];
                if (!adc1.TryGetValue(gpio, out int expected))
                {
                    if ((bool)json["wifi"]) errors.Add(folder + ": analog GPIO " + gpio + " is not on ADC1 (ADC2 fails while Wi-Fi runs)");
                }
                else if (expected != channel)
                    errors.Add(folder + ": GPIO " + gpio + " is ADC1 channel " + expected + ", not adc1_channel " + channel);
            }
            return errors;
        }

        /// <summary>What <c>Create()</c> of the firmware profile class <paramref name="cls"/> returns.</summary>
        private static BoardConfig CreateProfile(string cls)
        {
            Type type = typeof(BoardConfig).Assembly.GetType("NanoSnn.Firmware.Boards." + cls);
            Assert.IsNotNull(type, "firmware_class " + cls + " is not compiled into the tests (NanoSnn.Tests.csproj links firmware/NanoSnn.Firmware/Boards/*.cs)");
            return (BoardConfig)type.GetMethod("Create").Invoke(null, null);
        }

        /// <summary>
        /// A profile's values by name (one per pin, input and budget: <c>MotorRightBPin</c>,
        /// <c>AnalogInput2Channel</c>, ...), numbers as <see cref="long"/>, for
        /// <see cref="ProfileMismatches"/>.
        /// </summary>
        private static Dictionary<string, object> ProfileValues(BoardConfig c)
        {
            var values = new Dictionary<string, object>
            {
                ["Name"] = c.Name, ["NanoffTarget"] = c.NanoffTarget, ["Psram"] = c.Psram,
                ["TickUs"] = (long)c.TickUs, ["ManagedHeapBytes"] = (long)c.ManagedHeapBytes, ["ModelBudgetBytes"] = (long)c.ModelBudgetBytes,
                ["StorageRoot"] = c.StorageRoot, ["CheckpointFlashBytes"] = (long)c.CheckpointFlashBytes,
                ["SpikeInputCount"] = (long)c.SpikeInputPins.Length, ["AnalogInputCount"] = (long)c.AnalogChannels.Length,
                ["AnalogMaxValue"] = (long)c.AnalogMaxValue,
                ["MotorPwmFrequencyHz"] = (long)c.MotorPwmFrequencyHz, ["MotorEnablePin"] = (long)c.MotorEnablePin,
                ["ModeButtonPin"] = (long)c.ModeButtonPin, ["ModeButtonPullUp"] = c.ModeButtonPullUp,
                ["RewardButtonPin"] = (long)c.RewardButtonPin, ["RewardButtonPullUp"] = c.RewardButtonPullUp,
                ["StatusLedPin"] = (long)c.StatusLedPin, ["I2cDataPin"] = (long)c.I2cDataPin, ["I2cClockPin"] = (long)c.I2cClockPin,
                ["TelemetryUartPort"] = c.TelemetryUartPort, ["TelemetryUartTxPin"] = (long)c.TelemetryUartTxPin,
                ["TelemetryUartRxPin"] = (long)c.TelemetryUartRxPin, ["TelemetryUartBaud"] = (long)c.TelemetryUartBaud,
            };
            string[] motors = { "MotorLeftAPin", "MotorLeftBPin", "MotorRightAPin", "MotorRightBPin" };
            for (int i = 0; i < c.MotorPins.Length; i++) values[i < motors.Length ? motors[i] : "MotorPin" + i] = (long)c.MotorPins[i];
            for (int i = 0; i < c.SpikeInputPins.Length; i++) values["SpikeInput" + i + "Pin"] = (long)c.SpikeInputPins[i];
            for (int i = 0; i < c.AnalogGpios.Length; i++) values["AnalogInput" + i + "Gpio"] = (long)c.AnalogGpios[i];
            for (int i = 0; i < c.AnalogChannels.Length; i++) values["AnalogInput" + i + "Channel"] = (long)c.AnalogChannels[i];
            return values;
        }

        private static List<string> ProfileMismatches(string folder, JsonObject json, Dictionary<string, object> profile)
        {
            JsonNode p = json["pins"];
            var expected = new List<(string Name, object Value)>
            {
                ("Name", (string)json["name"]), ("NanoffTarget", (string)json["nanoff_target"]), ("Psram", (bool)json["psram"]),
                ("TickUs", (long)(int)json["tick_us"]), ("ManagedHeapBytes", (long)(int)json["managed_heap_bytes"]),
                ("ModelBudgetBytes", (long)(int)json["model_budget_bytes"]), ("StorageRoot", (string)json["storage_root"]),
                ("CheckpointFlashBytes", (long)(int)json["checkpoint_flash_bytes"]),
                ("SpikeInputCount", (long)p["spike_inputs"].AsArray().Count), ("AnalogInputCount", (long)p["analog_inputs"].AsArray().Count),
                ("AnalogMaxValue", (1L << (int)p["adc_bits"]) - 1),
                ("MotorLeftAPin", (long)(int)p["motor_pwm"]["left_a"]), ("MotorLeftBPin", (long)(int)p["motor_pwm"]["left_b"]),
                ("MotorRightAPin", (long)(int)p["motor_pwm"]["right_a"]), ("MotorRightBPin", (long)(int)p["motor_pwm"]["right_b"]),
                ("MotorPwmFrequencyHz", (long)(int)p["motor_pwm"]["frequency_hz"]), ("MotorEnablePin", (long)(int)p["motor_enable"]),
                ("ModeButtonPin", (long)(int)p["buttons"]["boot"]["gpio"]), ("ModeButtonPullUp", (string)p["buttons"]["boot"]["pull"] == "internal_up"),
                ("RewardButtonPin", (long)(int)p["buttons"]["reward"]["gpio"]), ("RewardButtonPullUp", (string)p["buttons"]["reward"]["pull"] == "internal_up"),
                ("StatusLedPin", (long)(int)p["status_led"]["gpio"]), ("I2cDataPin", (long)(int)p["i2c"]["sda"]), ("I2cClockPin", (long)(int)p["i2c"]["scl"]),
                ("TelemetryUartPort", (string)p["telemetry_uart"]["port"]), ("TelemetryUartTxPin", (long)(int)p["telemetry_uart"]["tx"]),
                ("TelemetryUartRxPin", (long)(int)p["telemetry_uart"]["rx"]), ("TelemetryUartBaud", (long)(int)p["telemetry_uart"]["baud"]),
            };
            var spikes = p["spike_inputs"].AsArray();
            for (int i = 0; i < spikes.Count; i++) expected.Add(("SpikeInput" + i + "Pin", (long)(int)spikes[i]));
            var analog = p["analog_inputs"].AsArray();
            for (int i = 0; i < analog.Count; i++)
            {
                expected.Add(("AnalogInput" + i + "Gpio", (long)(int)analog[i]["gpio"]));
                expected.Add(("AnalogInput" + i + "Channel", (long)(int)analog[i]["adc1_channel"]));
            }

            var errors = new List<string>();
            foreach (var (name, value) in expected)
            {
                if (!profile.TryGetValue(name, out object actual)) { errors.Add(folder + ": the firmware profile has no " + name); continue; }
                if (!Equals(actual, value)) errors.Add(folder + ": " + name + " is " + actual + " in the firmware but " + value + " in board.json");
            }
            foreach (string name in profile.Keys)
                if (!expected.Exists(e => e.Name == name)) errors.Add(folder + ": the firmware profile has " + name + ", which board.json does not have");
            return errors;
        }
    }
}
