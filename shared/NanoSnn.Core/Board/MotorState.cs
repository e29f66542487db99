namespace NanoSnn
{
    /// <summary>What a <see cref="MotorDriverBase"/> lets through to the bridge.</summary>
    public enum MotorState
    {
        /// <summary>Both bridge inputs low: the motor coasts and commands are ignored (the safe state at boot).</summary>
        Disabled = 0,

        /// <summary>Commands drive the motor through the deadband, limit and slew-rate logic.</summary>
        Running = 1,

        /// <summary>Both bridge inputs high: the motor is shorted and stops fast; commands are ignored.</summary>
        Braking = 2
    }
}
