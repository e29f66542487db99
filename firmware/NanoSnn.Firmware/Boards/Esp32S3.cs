namespace NanoSnn.Firmware.Boards
{
    /// <summary>
    /// Espressif ESP32-S3-DevKitC-1 (v1.1) with an ESP32-S3-WROOM-1 module (8 MB flash; the N8 has no PSRAM, and this profile plans for none).
    /// The same numbers, with the reasons for each choice, are in boards/esp32-s3/README.md and
    /// board.json; a host test (BoardProfileTests) fails when <see cref="Create"/> and board.json disagree.
    /// Pin numbers are GPIO numbers; -1 means "no pin".
    /// </summary>
    /// <remarks>
    /// The nanoCLR image ESP32_S3_ALL talks to the debugger over the chip's own USB port (the board's
    /// "USB" connector, GPIO 19/20), which leaves UART0 (GPIO 43/44, wired to the board's "UART"
    /// connector through its USB-serial bridge) free for telemetry as COM1. Analog inputs are on ADC1
    /// (GPIO 1-10, nanoFramework channels 0-9); ADC2 is unusable while Wi-Fi runs. Avoided: GPIO
    /// 26-32 (SPI flash/PSRAM), 33-37 (octal flash/PSRAM on R8/N16 modules), 39-42 (JTAG), 38/48 (the
    /// on-board RGB LED, v1.1/v1.0) and the strapping pins 3, 45, 46; GPIO 0 is the BOOT button.
    /// </remarks>
    public static class Esp32S3
    {
        /// <summary>This profile as a <see cref="BoardConfig"/> (built once at boot).</summary>
        public static BoardConfig Create()
        {
            BoardConfig c = new BoardConfig();
            c.Name = "esp32-s3";
            c.NanoffTarget = "ESP32_S3_ALL";
            c.Psram = false;

            // Pulse inputs (PCNT): left encoder A, B, right encoder A, B.
            c.SpikeInputPins = new int[] { 15, 16, 17, 18 };
            // ADC1 channels 3, 4, 5, 6 = GPIO 4, 5, 6, 7; 12-bit samples.
            c.AnalogChannels = new int[] { 3, 4, 5, 6 };
            c.AnalogGpios = new int[] { 4, 5, 6, 7 };
            c.AnalogMaxValue = 4095;

            // A two-channel H-bridge: left A (forward), left B (reverse), right A, right B.
            c.MotorPins = new int[] { 11, 12, 13, 14 };
            c.MotorEnablePin = 21;
            c.MotorPwmFrequencyHz = 20000;

            // The on-board BOOT button, with the internal pull-up enabled as well; the reward button is external, to GND.
            c.ModeButtonPin = 0;
            c.ModeButtonPullUp = true;
            c.RewardButtonPin = 47;
            c.RewardButtonPullUp = true;
            c.StatusLedPin = 10;
            c.I2cDataPin = 8;
            c.I2cClockPin = 9;

            // COM1 = UART0 on GPIO 43 (TX) and 44 (RX): the board's "UART" USB connector.
            c.TelemetryUartPort = "COM1";
            c.TelemetryUartTxPin = 43;
            c.TelemetryUartRxPin = 44;
            c.TelemetryUartBaud = 921600;

            c.TickUs = 1000;
            // nanoCLR leaves 130 KB of internal RAM to ESP-IDF on the S3 and takes the rest (an estimate
            // until measured: the firmware prints the free heap at boot).
            c.ManagedHeapBytes = 128 * 1024;
            c.ModelBudgetBytes = 80 * 1024;
            c.StorageRoot = "I:\\";
            // 768 KB, assuming the 2 MB "config" partition of nanoFramework's 8 MB partition table (with the
            // 4 MB table it is 256 KB, and pre-sizing the slots fails at boot with a message).
            c.CheckpointFlashBytes = 768 * 1024;
            return c;
        }
    }
}
