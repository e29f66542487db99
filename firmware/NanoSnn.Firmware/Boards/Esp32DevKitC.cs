namespace NanoSnn.Firmware.Boards
{
    /// <summary>
    /// Espressif ESP32-DevKitC (ESP32-WROOM-32, or -WROVER with PSRAM): the pins, clocks and memory
    /// figures the firmware uses. The same numbers, with the reasons for each choice, are in
    /// boards/esp32-devkitc/README.md and board.json; change all three together.
    /// Pin numbers are ESP32 GPIO numbers; -1 means "no pin".
    /// </summary>
    /// <remarks>
    /// Avoided on purpose: GPIO 6-11 (SPI flash), 16-17 (PSRAM on WROVER modules), the strapping
    /// pins 2, 5, 12 and 15 (12 selects the flash voltage at reset) and 1/3 (UART0, the debug and
    /// deployment link). GPIO 0 is a strapping pin too, but it is the on-board BOOT button, which
    /// is only sampled at reset and is safe to read afterwards.
    /// </remarks>
    public static class Esp32DevKitC
    {
        /// <summary>Board name, as in board.json.</summary>
        public const string Name = "esp32-devkitc";

        // Spike and pulse inputs. Any ESP32 input can reach a pulse-counter (PCNT) unit through
        // the GPIO matrix; the chip has 8 units. Pairs 0/1 and 2/3 can serve as quadrature
        // encoders (left and right wheel).

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

        // Analog inputs. Only ADC1 is usable while Wi-Fi runs (ADC2 is shared with the radio).
        // nanoFramework's AdcController numbers ESP32 channels 0-7 as ADC1 channels 0-7;
        // GPIO 34-39 are input-only and have no pull resistors, which suits analog sensors.

        /// <summary>Analog input 0: GPIO 36 (SENSOR_VP), ADC1 channel 0.</summary>
        public const int AnalogInput0Channel = 0;
        /// <summary>Analog input 1: GPIO 39 (SENSOR_VN), ADC1 channel 3.</summary>
        public const int AnalogInput1Channel = 3;
        /// <summary>Analog input 2: GPIO 34, ADC1 channel 6.</summary>
        public const int AnalogInput2Channel = 6;
        /// <summary>Analog input 3: GPIO 35, ADC1 channel 7.</summary>
        public const int AnalogInput3Channel = 7;
        /// <summary>Number of analog inputs wired on this board.</summary>
        public const int AnalogInputCount = 4;
        /// <summary>ADC full scale: the ESP32 ADC returns 12-bit samples.</summary>
        public const int AnalogMaxValue = 4095;

        // Motors: a two-channel H-bridge (DRV8833, TB6612FNG or similar) driven by PWM on both
        // inputs of each channel.

        /// <summary>Left motor, bridge input A (PWM).</summary>
        public const int MotorLeftAPin = 25;
        /// <summary>Left motor, bridge input B (PWM).</summary>
        public const int MotorLeftBPin = 26;
        /// <summary>Right motor, bridge input A (PWM).</summary>
        public const int MotorRightAPin = 18;
        /// <summary>Right motor, bridge input B (PWM).</summary>
        public const int MotorRightBPin = 19;
        /// <summary>Bridge enable / standby (high = motors enabled); pull it low externally so the motors stay off during reset.</summary>
        public const int MotorEnablePin = 33;
        /// <summary>Motor PWM frequency: above hearing, within what the LEDC peripheral resolves well.</summary>
        public const int MotorPwmFrequencyHz = 20000;

        // User interface.

        /// <summary>On-board BOOT button, active low (external pull-up on the board).</summary>
        public const int BootButtonPin = 0;
        /// <summary>External reward button to GND, active low, internal pull-up.</summary>
        public const int RewardButtonPin = 32;
        /// <summary>External status LED (to GND through 330 ohm), active high. The DevKitC has no user LED.</summary>
        public const int StatusLedPin = 14;

        /// <summary>Reserved for an optional I2C sensor (IMU, distance): data.</summary>
        public const int I2cDataPin = 21;
        /// <summary>Reserved for an optional I2C sensor (IMU, distance): clock.</summary>
        public const int I2cClockPin = 22;

        // Clocks and memory.

        /// <summary>
        /// Target wall-clock tick in microseconds: the reference network's dt. A tick that takes
        /// longer is not skipped; the firmware counts it as late and time stretches. The firmware
        /// reports the worst tick it measured: that number, not this one, says what fits.
        /// </summary>
        public const int TickUs = 1000;

        /// <summary>Managed heap to plan for without PSRAM (the CLR takes what ESP-IDF leaves, typically 80-110 KB).</summary>
        public const int ManagedHeapBytes = 80 * 1024;

        /// <summary>Share of the managed heap a model (weights, state, traces, buffers) may take; the rest is the CLR, drivers and telemetry.</summary>
        public const int ModelBudgetBytes = 48 * 1024;

        /// <summary>Internal flash file system (SPIFFS/LittleFS) mounted by nanoFramework, for models and checkpoints.</summary>
        public const string StorageRoot = "I:\\";
    }
}
