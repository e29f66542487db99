namespace NanoSnn
{
    /// <summary>
    /// Sees each finished tick of a <see cref="Controller"/> (the observe phase): telemetry,
    /// state hashes for lockstep checks, recording. Must not allocate.
    /// </summary>
    public interface IControllerObserver
    {
        /// <summary>Called after tick <see cref="Network.Tick"/> − 1 has stepped, decoded and driven the actuators.</summary>
        void AfterTick(Controller controller);
    }
}
