namespace NanoSnn.Firmware.Boards
{
    /// <summary>
    /// Espressif ESP32-DevKitC-VE with an ESP32-WROVER-E module (8 MB PSRAM, of which the ESP32 maps 4 MB; 8 MB flash): the managed heap lives in PSRAM.
    /// The same numbers, with the reasons for each choice, are in boards/esp32-wrover/README.md and
    /// board.json; a host test (BoardProfileTests) fails when this class and board.json disagree.
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
        /// <summary>Board id, as the folder name under boards/.</summary>
        public const string Name = "esp32-wrover";

        /// <summary>The nanoCLR image to flash: <c>nanoff --target</c>.</summary>
        public const string NanoffTarget = "ESP32_PSRAM_REV3";

        /// <summary>Whether the managed heap lives in PSRAM.</summary>
        public const bool Psram = true;

        // Spike and pulse inputs: counted in hardware by the pulse-counter (PCNT) units, read once per tick.

        /// <summary>Pulse input 0 (PCNT), left encoder A.</summary>
        public const int SpikeInput0Pin = 4;

        /// <summary>Pulse input 1 (PCNT), left encoder B.</summary>
        public const int SpikeInput1Pin = 13;

        /// <summary>Pulse input 2 (PCNT), right encoder A.</summary>
        public const int SpikeInput2Pin = 27;

        /// <summary>Pulse input 3 (PCNT), right encoder B.</summary>
        public const int SpikeInput3Pin = 23;

        /// <summary>Number of pulse inputs wired on this board.</summary>
        public const int SpikeInputCount = 4;

        // Analog inputs on ADC1 (ADC2 is shared with the Wi-Fi radio).

        /// <summary>Analog input 0: GPIO 36 (SENSOR_VP).</summary>
        public const int AnalogInput0Gpio = 36;

        /// <summary>Analog input 0: nanoFramework ADC channel (ADC1 channel 0).</summary>
        public const int AnalogInput0Channel = 0;

        /// <summary>Analog input 1: GPIO 39 (SENSOR_VN).</summary>
        public const int AnalogInput1Gpio = 39;

        /// <summary>Analog input 1: nanoFramework ADC channel (ADC1 channel 3).</summary>
        public const int AnalogInput1Channel = 3;

        /// <summary>Analog input 2: GPIO 34.</summary>
        public const int AnalogInput2Gpio = 34;

        /// <summary>Analog input 2: nanoFramework ADC channel (ADC1 channel 6).</summary>
        public const int AnalogInput2Channel = 6;

        /// <summary>Analog input 3: GPIO 35.</summary>
        public const int AnalogInput3Gpio = 35;

        /// <summary>Analog input 3: nanoFramework ADC channel (ADC1 channel 7).</summary>
        public const int AnalogInput3Channel = 7;

        /// <summary>Number of analog inputs wired on this board.</summary>
        public const int AnalogInputCount = 4;

        /// <summary>ADC full scale: 12-bit samples.</summary>
        public const int AnalogMaxValue = 4095;

        // Motors: a two-channel H-bridge (DRV8833, TB6612FNG or similar) with PWM on both inputs of each channel.

        /// <summary>Left motor, bridge input A (PWM; forward).</summary>
        public const int MotorLeftAPin = 25;

        /// <summary>Left motor, bridge input B (PWM; reverse).</summary>
        public const int MotorLeftBPin = 26;

        /// <summary>Right motor, bridge input A (PWM; forward).</summary>
        public const int MotorRightAPin = 18;

        /// <summary>Right motor, bridge input B (PWM; reverse).</summary>
        public const int MotorRightBPin = 19;

        /// <summary>Bridge enable / standby (high = motors powered); pull it low externally so the motors stay off during reset.</summary>
        public const int MotorEnablePin = 33;

        /// <summary>Motor PWM frequency: above hearing, within what the LEDC peripheral resolves well.</summary>
        public const int MotorPwmFrequencyHz = 20000;

        // Operator interface.

        /// <summary>On-board BOOT button (GPIO 0), active low; the board has its own pull-up.</summary>
        public const int ModeButtonPin = 0;

        /// <summary>Whether the firmware enables the internal pull-up on the mode button.</summary>
        public const bool ModeButtonPullUp = false;

        /// <summary>External reward button to GND, active low.</summary>
        public const int RewardButtonPin = 32;

        /// <summary>Whether the firmware enables the internal pull-up on the reward button.</summary>
        public const bool RewardButtonPullUp = true;

        /// <summary>External status LED (to GND through 330 ohm), active high.</summary>
        public const int StatusLedPin = 14;

        /// <summary>Reserved for an optional I2C sensor (IMU, distance): data.</summary>
        public const int I2cDataPin = 21;

        /// <summary>Reserved for an optional I2C sensor (IMU, distance): clock.</summary>
        public const int I2cClockPin = 22;

        // Telemetry.

        /// <summary>Telemetry UART (COM2 = UART1) on GPIO 15 (TX) and 5 (RX), to a 3.3 V USB-serial adapter: UART0 is the debugger link.</summary>
        public const string TelemetryUartPort = "COM2";

        /// <summary>Telemetry UART transmit pin.</summary>
        public const int TelemetryUartTxPin = 15;

        /// <summary>Telemetry UART receive pin.</summary>
        public const int TelemetryUartRxPin = 5;

        /// <summary>Telemetry UART baud rate (USB-serial bridges and adapters handle 921,600).</summary>
        public const int TelemetryUartBaud = 921600;

        // Clocks, memory and storage.

        /// <summary>Target wall-clock tick, µs: the reference network's dt. A longer tick is counted as late, not skipped; the firmware reports the worst tick it measured.</summary>
        public const int TickUs = 1000;

        /// <summary>Managed heap to plan for: nanoCLR allocates it from PSRAM (the largest free PSRAM block minus a reserve for ESP-IDF); plan 2 MB of the 4 MB the ESP32 maps.</summary>
        public const int ManagedHeapBytes = 2 * 1024 * 1024;

        /// <summary>The most a model (weights, state, traces, buffers, learning rules) may take; the rest is the CLR, drivers, telemetry and the checkpoint buffer.</summary>
        public const int ModelBudgetBytes = 1024 * 1024;

        /// <summary>Internal flash file system mounted by nanoFramework, for models and checkpoints.</summary>
        public const string StorageRoot = "I:\\";

        /// <summary>Flash the two checkpoint slot files may take together: 768 KB, assuming the 2 MB littlefs "config" partition of nanoFramework's 8 MB partition table (with the 4 MB table it is 256 KB, and pre-sizing the slots fails at boot with a message).</summary>
        public const int CheckpointFlashBytes = 768 * 1024;

        /// <summary>This profile as a <see cref="BoardConfig"/> (built once at boot).</summary>
        public static BoardConfig Create()
        {
            BoardConfig c = new BoardConfig();
            c.Name = Name;
            c.NanoffTarget = NanoffTarget;
            c.Psram = Psram;
            c.TickUs = TickUs;
            c.ManagedHeapBytes = ManagedHeapBytes;
            c.ModelBudgetBytes = ModelBudgetBytes;
            c.StorageRoot = StorageRoot;
            c.CheckpointFlashBytes = CheckpointFlashBytes;
            c.SpikeInputPins = new int[] { SpikeInput0Pin, SpikeInput1Pin, SpikeInput2Pin, SpikeInput3Pin };
            c.AnalogChannels = new int[] { AnalogInput0Channel, AnalogInput1Channel, AnalogInput2Channel, AnalogInput3Channel };
            c.AnalogGpios = new int[] { AnalogInput0Gpio, AnalogInput1Gpio, AnalogInput2Gpio, AnalogInput3Gpio };
            c.AnalogMaxValue = AnalogMaxValue;
            c.MotorPins = new int[] { MotorLeftAPin, MotorLeftBPin, MotorRightAPin, MotorRightBPin };
            c.MotorEnablePin = MotorEnablePin;
            c.MotorPwmFrequencyHz = MotorPwmFrequencyHz;
            c.ModeButtonPin = ModeButtonPin;
            c.ModeButtonPullUp = ModeButtonPullUp;
            c.RewardButtonPin = RewardButtonPin;
            c.RewardButtonPullUp = RewardButtonPullUp;
            c.StatusLedPin = StatusLedPin;
            c.TelemetryUartPort = TelemetryUartPort;
            c.TelemetryUartTxPin = TelemetryUartTxPin;
            c.TelemetryUartRxPin = TelemetryUartRxPin;
            c.TelemetryUartBaud = TelemetryUartBaud;
            return c;
        }
    }
}
