namespace NanoSnn
{
    /// <summary>
    /// A learning signal that adds rewards given by hand (a reward button, a command) to an
    /// optional inner signal: the pending reward is delivered with the next tick and then
    /// cleared, so one press is one reward. Supervision passes through from the inner signal.
    /// </summary>
    public sealed class ButtonRewardSignal : LearningSignal
    {
        private readonly LearningSignal _inner;
        private int _pendingQ16;

        /// <summary>Wraps <paramref name="inner"/> (may be null: rewards by hand only).</summary>
        public ButtonRewardSignal(LearningSignal inner)
            : base(inner == null ? 0 : inner.TargetQ16.Length)
        {
            _inner = inner;
            if (inner != null) Supervises = inner.Supervises;
        }

        /// <summary>The wrapped signal, or null.</summary>
        public LearningSignal Inner { get { return _inner; } }

        /// <summary>Reward waiting for the next tick, Q16.</summary>
        public int PendingQ16 { get { return _pendingQ16; } }

        /// <summary>Rewards delivered by hand since construction or <see cref="Reset"/>.</summary>
        public long HandRewards;

        /// <summary>Queues <paramref name="rewardQ16"/> for the next tick (several add up, saturating).</summary>
        public void Give(int rewardQ16)
        {
            _pendingQ16 = FixedPoint.SaturatingAdd(_pendingQ16, rewardQ16);
        }

        /// <inheritdoc/>
        public override void Evaluate(int[] samples, int[] previousCommandsPercent, long tick)
        {
            int reward = 0;
            if (_inner != null)
            {
                _inner.Evaluate(samples, previousCommandsPercent, tick);
                reward = _inner.RewardQ16;
                Supervises = _inner.Supervises;
                TargetClass = _inner.TargetClass;
                TargetValid = _inner.TargetValid;
                System.Array.Copy(_inner.TargetQ16, TargetQ16, TargetQ16.Length);
            }
            if (_pendingQ16 != 0) HandRewards++;
            RewardQ16 = FixedPoint.SaturatingAdd(reward, _pendingQ16);
            _pendingQ16 = 0;
        }

        /// <inheritdoc/>
        public override void Reset()
        {
            _pendingQ16 = 0;
            HandRewards = 0;
            RewardQ16 = 0;
            if (_inner != null) _inner.Reset();
        }
    }
}
