namespace NanoSnn
{
    /// <summary>
    /// The actuators a controller drives once per tick. Commands are signed percent of full
    /// scale, −100..100 (a motor's duty and direction, an LED's brightness, 0/100 for a digital
    /// output); the board layer maps them to PWM duty and pin levels. Must not allocate.
    /// </summary>
    public interface IActuatorOutputs
    {
        /// <summary>Number of command channels.</summary>
        int Channels { get; }

        /// <summary>Applies <paramref name="commandsPercent"/>[0..Channels), each in −100..100.</summary>
        void Write(int[] commandsPercent);
    }
}
