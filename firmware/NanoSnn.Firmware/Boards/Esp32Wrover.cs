namespace NanoSnn.Firmware.Boards
{
    /// <summary>
    /// Espressif ESP32-DevKitC-VE with an ESP32-WROVER-E module (8 MB PSRAM, of which the ESP32 maps 4 MB; 8 MB flash): the managed heap lives in PSRAM.
    /// The same numbers, with the reasons for each choice, are in boards/esp32-wrover/README.md and
    /// board.json; a host test (BoardProfileTests) fails when <see cref="Create"/> and board.json disagree.
    /// Pin numbers are GPIO numbers; -1 means "no pin".
    /// </summary>
    /// <remarks>
    /// The DevKitC pin map, except that GPIO 16/17 are the PSRAM bus on WROVER modules, so the
    /// telemetry UART moves to GPIO 15 (TX) and 5 (RX). Both are strapping pins whose default,
    /// pulled-up level is the normal one (15 high: boot log on; 5 high: default SDIO timing); an idle
    /// UART line is high too, so neither changes how the chip boots. GPIO 12 (flash voltage) and 2
    /// (download mode) stay unused.
    /// </remarks>
    public static class Esp32Wrover
    {
        /// <summary>This profile as a <see cref="BoardConfig"/> (built once at boot).</summary>
        public static BoardConfig Create()
        {
            BoardConfig c = new BoardConfig();
            c.Name = "esp32-wrover";
            c.NanoffTarget = "ESP32_PSRAM_REV3";
            c.Psram = true;

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

            // COM2 = UART1 on GPIO 15 (TX) and 5 (RX), to a 3.3 V USB-serial adapter: UART0 is the debugger link.
            c.TelemetryUartPort = "COM2";
            c.TelemetryUartTxPin = 15;
            c.TelemetryUartRxPin = 5;
            c.TelemetryUartBaud = 921600;

            c.TickUs = 1000;
            // nanoCLR allocates the heap from PSRAM (the largest free PSRAM block minus a reserve for
            // ESP-IDF); plan 2 MB of the 4 MB the ESP32 maps.
            c.ManagedHeapBytes = 2 * 1024 * 1024;
            c.ModelBudgetBytes = 1024 * 1024;
            c.StorageRoot = "I:\\";
            // 768 KB, assuming the 2 MB littlefs "config" partition of nanoFramework's 8 MB partition table
            // (with the 4 MB table it is 256 KB, and pre-sizing the slots fails at boot with a message).
            c.CheckpointFlashBytes = 768 * 1024;
            return c;
        }
    }
}
