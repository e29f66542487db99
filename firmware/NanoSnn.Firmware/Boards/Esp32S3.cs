namespace NanoSnn.Firmware.Boards
{
    /// <summary>
    /// Espressif ESP32-S3-DevKitC-1 (v1.1) with an ESP32-S3-WROOM-1 module (8 MB flash; the N8 has no PSRAM, and this profile plans for none).
    /// The same numbers, with the reasons for each choice, are in boards/esp32-s3/README.md and
    /// board.json; a host test (BoardProfileTests) fails when this class and board.json disagree.
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
        /// <summary>Board id, as the folder name under boards/.</summary>
        public const string Name = "esp32-s3";

        /// <summary>The nanoCLR image to flash: <c>nanoff --target</c>.</summary>
        public const string NanoffTarget = "ESP32_S3_ALL";

        /// <summary>Whether the managed heap lives in PSRAM.</summary>
        public const bool Psram = false;

        // Spike and pulse inputs: counted in hardware by the pulse-counter (PCNT) units, read once per tick.

        /// <summary>Pulse input 0 (PCNT), left encoder A.</summary>
        public const int SpikeInput0Pin = 15;

        /// <summary>Pulse input 1 (PCNT), left encoder B.</summary>
        public const int SpikeInput1Pin = 16;

        /// <summary>Pulse input 2 (PCNT), right encoder A.</summary>
        public const int SpikeInput2Pin = 17;

        /// <summary>Pulse input 3 (PCNT), right encoder B.</summary>
        public const int SpikeInput3Pin = 18;

        /// <summary>Number of pulse inputs wired on this board.</summary>
        public const int SpikeInputCount = 4;

        // Analog inputs on ADC1 (ADC2 is shared with the Wi-Fi radio).

        /// <summary>Analog input 0: GPIO 4.</summary>
        public const int AnalogInput0Gpio = 4;

        /// <summary>Analog input 0: nanoFramework ADC channel (ADC1 channel 3).</summary>
        public const int AnalogInput0Channel = 3;

        /// <summary>Analog input 1: GPIO 5.</summary>
        public const int AnalogInput1Gpio = 5;

        /// <summary>Analog input 1: nanoFramework ADC channel (ADC1 channel 4).</summary>
        public const int AnalogInput1Channel = 4;

        /// <summary>Analog input 2: GPIO 6.</summary>
        public const int AnalogInput2Gpio = 6;

        /// <summary>Analog input 2: nanoFramework ADC channel (ADC1 channel 5).</summary>
        public const int AnalogInput2Channel = 5;

        /// <summary>Analog input 3: GPIO 7.</summary>
        public const int AnalogInput3Gpio = 7;

        /// <summary>Analog input 3: nanoFramework ADC channel (ADC1 channel 6).</summary>
        public const int AnalogInput3Channel = 6;

        /// <summary>Number of analog inputs wired on this board.</summary>
        public const int AnalogInputCount = 4;

        /// <summary>ADC full scale: 12-bit samples.</summary>
        public const int AnalogMaxValue = 4095;

        // Motors: a two-channel H-bridge (DRV8833, TB6612FNG or similar) with PWM on both inputs of each channel.

        /// <summary>Left motor, bridge input A (PWM; forward).</summary>
        public const int MotorLeftAPin = 11;

        /// <summary>Left motor, bridge input B (PWM; reverse).</summary>
        public const int MotorLeftBPin = 12;

        /// <summary>Right motor, bridge input A (PWM; forward).</summary>
        public const int MotorRightAPin = 13;

        /// <summary>Right motor, bridge input B (PWM; reverse).</summary>
        public const int MotorRightBPin = 14;

        /// <summary>Bridge enable / standby (high = motors powered); pull it low externally so the motors stay off during reset.</summary>
        public const int MotorEnablePin = 21;

        /// <summary>Motor PWM frequency: above hearing, within what the LEDC peripheral resolves well.</summary>
        public const int MotorPwmFrequencyHz = 20000;

        // Operator interface.

        /// <summary>On-board BOOT button (GPIO 0), active low; the internal pull-up is enabled as well.</summary>
        public const int ModeButtonPin = 0;

        /// <summary>Whether the firmware enables the internal pull-up on the mode button.</summary>
        public const bool ModeButtonPullUp = true;

        /// <summary>External reward button to GND, active low.</summary>
        public const int RewardButtonPin = 47;

        /// <summary>Whether the firmware enables the internal pull-up on the reward button.</summary>
        public const bool RewardButtonPullUp = true;

        /// <summary>External status LED (to GND through 330 ohm), active high.</summary>
        public const int StatusLedPin = 10;

        /// <summary>Reserved for an optional I2C sensor (IMU, distance): data.</summary>
        public const int I2cDataPin = 8;

        /// <summary>Reserved for an optional I2C sensor (IMU, distance): clock.</summary>
        public const int I2cClockPin = 9;

        // Telemetry.

        /// <summary>Telemetry UART (COM1 = UART0) on GPIO 43 (TX) and 44 (RX): the board's "UART" USB connector.</summary>
        public const string TelemetryUartPort = "COM1";

        /// <summary>Telemetry UART transmit pin.</summary>
        public const int TelemetryUartTxPin = 43;

        /// <summary>Telemetry UART receive pin.</summary>
        public const int TelemetryUartRxPin = 44;

        /// <summary>Telemetry UART baud rate (USB-serial bridges and adapters handle 921,600).</summary>
        public const int TelemetryUartBaud = 921600;

        // Clocks, memory and storage.

        /// <summary>Target wall-clock tick, µs: the reference network's dt. A longer tick is counted as late, not skipped; the firmware reports the worst tick it measured.</summary>
        public const int TickUs = 1000;

        /// <summary>Managed heap to plan for without PSRAM: nanoCLR leaves 130 KB of internal RAM to ESP-IDF on the S3 and takes the rest (an estimate until measured: the firmware prints the free heap at boot).</summary>
        public const int ManagedHeapBytes = 128 * 1024;

        /// <summary>The most a model (weights, state, traces, buffers, learning rules) may take; the rest is the CLR, drivers, telemetry and the checkpoint buffer.</summary>
        public const int ModelBudgetBytes = 80 * 1024;

        /// <summary>Internal flash file system mounted by nanoFramework, for models and checkpoints.</summary>
        public const string StorageRoot = "I:\\";

        /// <summary>Flash the two checkpoint slot files may take together: 768 KB, assuming the 2 MB "config" partition of nanoFramework's 8 MB partition table (with the 4 MB table it is 256 KB, and pre-sizing the slots fails at boot with a message).</summary>
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
