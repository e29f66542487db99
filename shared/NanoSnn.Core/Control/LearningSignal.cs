namespace NanoSnn
{
    /// <summary>
    /// The third factor of on-device learning, decided once per tick from what the sensors
    /// say: a scalar reward for reward-modulated rules, or supervision (targets, class, valid)
    /// for e-prop. The controller delivers it to the network's rules just before the step, and
    /// telemetry records exactly what was delivered, so a replay can deliver it again.
    /// </summary>
    public abstract class LearningSignal
    {
        /// <summary>Creates a signal with room for <paramref name="targets"/> regression targets (0 for none).</summary>
        protected LearningSignal(int targets)
        {
            if (targets < 0) throw new System.ArgumentException("targets must be >= 0");
            TargetQ16 = new int[targets];
        }

        /// <summary>Reward to deliver this tick, Q16 (0 = none).</summary>
        public int RewardQ16;

        /// <summary>Whether this signal supervises (then <see cref="Network.Supervise"/> is called every tick).</summary>
        public bool Supervises;

        /// <summary>This tick's regression targets, Q16.</summary>
        public readonly int[] TargetQ16;

        /// <summary>This tick's target class, −1 for none.</summary>
        public int TargetClass = -1;

        /// <summary>Whether this tick is supervised.</summary>
        public bool TargetValid;

        /// <summary>
        /// Decides this tick's reward and supervision from the tick's <paramref name="samples"/>
        /// and the commands of the previous tick. Must not allocate.
        /// </summary>
        public abstract void Evaluate(int[] samples, int[] previousCommandsPercent, long tick);

        /// <summary>Returns the signal to its freshly built state.</summary>
        public abstract void Reset();
    }
}
