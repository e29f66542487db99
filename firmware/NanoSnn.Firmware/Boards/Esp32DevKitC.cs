namespace NanoSnn.Firmware.Boards
{
    /// <summary>
    /// Espressif ESP32-DevKitC V4 with an ESP32-WROOM-32 module (4 MB flash, no PSRAM): the reference board.
    /// The same numbers, with the reasons for each choice, are in boards/esp32-devkitc/README.md and
    /// board.json; a host test (BoardProfileTests) fails when <see cref="Create"/> and board.json disagree.
    /// Pin numbers are GPIO numbers; -1 means "no pin".
    /// </summary>
    /// <remarks>
    /// Avoided on purpose: GPIO 6-11 (SPI flash), the strapping pins 2, 5, 12 and 15 (12 selects the
    /// flash voltage at reset) and 1/3 (UART0: the nanoFramework debugger, deployment and
    /// <c>Console</c> link). GPIO 0 is a strapping pin too, but it is the on-board BOOT button, which
    /// is only sampled at reset and is safe to read afterwards. GPIO 16/17 carry the telemetry UART
    /// here; on a WROVER module they are the PSRAM bus: use the esp32-wrover profile there.
    /// </remarks>
    public static class Esp32DevKitC
    {
        /// <summary>This profile as a <see cref="BoardConfig"/> (built once at boot).</summary>
        public static BoardConfig Create()
        {
            BoardConfig c = new BoardConfig();
            c.Name = "esp32-devkitc";
            c.NanoffTarget = "ESP32_REV0";
            c.Psram = false;

            // Pulse inputs (PCNT): left encoder A, B, right encoder A, B.
            c.SpikeInputPins = new int[] { 4, 13, 27, 23 };
            // ADC1 channels 0, 3, 6, 7 = GPIO 36 (SENSOR_VP), 39 (SENSOR_VN), 34, 35; 12-bit samples.
            c.AnalogChannels = new int[] { 0, 3, 6, 7 };
            c.AnalogGpios = new int[] { 36, 39, 34, 35 };
            c.AnalogMaxValue = 4095;

            // A two-channel H-bridge: left A (forward), left B (reverse), right A, right B.
            c.MotorPins = new int[] { 25, 26, 18, 19 };
            c.MotorEnablePin = 33;
            c.MotorPwmFrequencyHz = 20000;

            // The on-board BOOT button has its own pull-up; the reward button is external, to GND.
            c.ModeButtonPin = 0;
            c.ModeButtonPullUp = false;
            c.RewardButtonPin = 32;
            c.RewardButtonPullUp = true;
            c.StatusLedPin = 14;
            c.I2cDataPin = 21;
            c.I2cClockPin = 22;

            // COM2 = UART1 on GPIO 17 (TX) and 16 (RX), to a 3.3 V USB-serial adapter: UART0 is the debugger link on this board.
            c.TelemetryUartPort = "COM2";
            c.TelemetryUartTxPin = 17;
            c.TelemetryUartRxPin = 16;
            c.TelemetryUartBaud = 921600;

            c.TickUs = 1000;
            // Without PSRAM the CLR takes what ESP-IDF leaves minus 100 KB, capped at the largest free block: typically 80-110 KB.
            c.ManagedHeapBytes = 80 * 1024;
            c.ModelBudgetBytes = 48 * 1024;
            c.StorageRoot = "I:\\";
            // 96 KB of the 256 KB littlefs "config" partition of the 4 MB partition table, leaving room for
            // littlefs' copy of a slot while it is rewritten, the deployed model and the settings.
            c.CheckpointFlashBytes = 96 * 1024;
            return c;
        }
    }
}
