namespace NanoSnn
{
    /// <summary>The operator's mode of a device controller (<see cref="OperatorPanel"/>).</summary>
    public enum OperatorMode
    {
        /// <summary>The network runs and is observed, learning is off, the motors are disarmed. The mode at boot.</summary>
        Safe = 0,

        /// <summary>Learning is on and rewards are delivered; the motors run with a low speed cap.</summary>
        Learn = 1,

        /// <summary>Learning is off (the learned weights are used as they are); the motors run with the full cap.</summary>
        Run = 2
    }
}
