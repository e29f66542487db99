namespace NanoSnn
{
    /// <summary>
    /// A learning rule attached to a network: it runs in the learn phase of every tick,
    /// after all populations have integrated, and owns its traces. Implementations must
    /// not allocate in <see cref="Update"/> and must count every buffer in their byte counts.
    /// </summary>
    public abstract class Plasticity
    {
        /// <summary>Whether <see cref="Update"/> runs; switching off keeps all state.</summary>
        public bool Enabled = true;

        /// <summary>One learn phase; <paramref name="network"/> has just finished integrating tick <see cref="Network.Tick"/>.</summary>
        public abstract void Update(Network network);

        /// <summary>Returns traces and accumulators to their initial values (weights are not touched).</summary>
        public abstract void ResetState();

        /// <summary>Bytes of the rule's parameter arrays.</summary>
        public abstract int ParameterBytes { get; }

        /// <summary>Bytes of the rule's traces and accumulators.</summary>
        public abstract int StateBytes { get; }

        /// <summary>Folds the rule's state into a running state hash.</summary>
        public abstract uint HashState(uint hash);
    }
}
