namespace NanoSnn.Firmware.Boards
{
    /// <summary>
    /// The board profile the firmware was built for, as one object: the pin map, the memory
    /// and tick budgets and the telemetry wiring. Built once at boot by the profile class that
    /// BoardSelection picked at build time; pin numbers are GPIO numbers and −1
    /// means "not wired".
    /// </summary>
    /// <remarks>
    /// A profile class is one <c>Create()</c> that fills these fields with its board's values;
    /// BoardProfileTests compares what it returns with the board's boards/*/board.json.
    /// </remarks>
    public sealed class BoardConfig
    {
        /// <summary>Board id, as the folder name under boards/.</summary>
        public string Name;

        /// <summary>The nanoCLR image to flash with <c>nanoff --target</c>.</summary>
        public string NanoffTarget;

        /// <summary>Whether the managed heap lives in PSRAM.</summary>
        public bool Psram;

        /// <summary>Target wall-clock tick, µs: the reference network's dt. A longer tick is counted as late, not skipped; the firmware reports the worst tick it measured.</summary>
        public int TickUs;

        /// <summary>Managed heap to plan for, bytes.</summary>
        public int ManagedHeapBytes;

        /// <summary>Largest model footprint this board accepts, bytes: weights, state, traces, buffers, learning rules; the rest of the heap is the CLR, drivers, telemetry and the checkpoint buffer.</summary>
        public int ModelBudgetBytes;

        /// <summary>Root of the internal flash file system.</summary>
        public string StorageRoot;

        /// <summary>Flash the two checkpoint slot files may take together, bytes (the rest of the file system holds the model, the settings and littlefs' copy-on-write space).</summary>
        public int CheckpointFlashBytes;

        /// <summary>Pulse/spike input pins (hardware pulse counters).</summary>
        public int[] SpikeInputPins;

        /// <summary>Analog inputs: nanoFramework ADC channel numbers (ADC1).</summary>
        public int[] AnalogChannels;

        /// <summary>Analog inputs: the GPIO behind each channel (for messages only; the ADC channel selects the pin).</summary>
        public int[] AnalogGpios;

        /// <summary>ADC full scale, counts.</summary>
        public int AnalogMaxValue;

        /// <summary>Motor bridge inputs, PWM on both inputs of each channel: left A (forward), left B (reverse), right A, right B.</summary>
        public int[] MotorPins;

        /// <summary>Bridge enable/standby pin (high = motors powered; pull it low externally so the motors stay off during reset), or −1.</summary>
        public int MotorEnablePin;

        /// <summary>Motor PWM frequency, Hz: above hearing, within what the LEDC peripheral resolves well.</summary>
        public int MotorPwmFrequencyHz;

        /// <summary>Mode button (active low), or −1.</summary>
        public int ModeButtonPin;

        /// <summary>Reward button (active low, internal pull-up), or −1.</summary>
        public int RewardButtonPin;

        /// <summary>Whether the reward button needs the internal pull-up (false when the board has its own).</summary>
        public bool RewardButtonPullUp;

        /// <summary>Whether the mode button needs the internal pull-up (false when the board has its own).</summary>
        public bool ModeButtonPullUp;

        /// <summary>Status LED (active high, to GND through 330 ohm), or −1.</summary>
        public int StatusLedPin;

        /// <summary>I2C data pin reserved for an optional sensor (IMU, distance); the firmware does not open it yet.</summary>
        public int I2cDataPin;

        /// <summary>I2C clock pin reserved for an optional sensor (IMU, distance); the firmware does not open it yet.</summary>
        public int I2cClockPin;

        /// <summary>Serial port of the telemetry UART ("COM1", "COM2").</summary>
        public string TelemetryUartPort;

        /// <summary>Telemetry UART transmit pin, or −1.</summary>
        public int TelemetryUartTxPin;

        /// <summary>Telemetry UART receive pin, or −1.</summary>
        public int TelemetryUartRxPin;

        /// <summary>Telemetry UART baud rate (USB-serial bridges and adapters handle 921,600).</summary>
        public int TelemetryUartBaud;
    }
}
