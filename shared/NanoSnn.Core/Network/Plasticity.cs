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

        /// <summary>
        /// Delivers a scalar reward (Q16) between ticks. Reward-modulated rules add it to their
        /// modulator; other rules ignore it. This is how a controller, a firmware button and a
        /// log replay all reach a rule without knowing its type.
        /// </summary>
        public virtual void Reward(int rewardQ16) { }

        /// <summary>
        /// Sets the supervision for the next tick: regression targets (Q16, one per readout;
        /// may be null for classification), the target class (-1 for none) and whether the
        /// tick is supervised at all. Supervised rules copy what they use; others ignore it.
        /// </summary>
        public virtual void Supervise(int[] targetQ16, int targetClass, bool valid) { }

        /// <summary>
        /// Completes work the rule defers (for example weight updates of rows that did not pair),
        /// so that the weights are those of the rule applied tick by tick. Call between ticks
        /// before reading or writing out weights; rules that defer nothing do nothing.
        /// </summary>
        public virtual void Synchronize() { }

        /// <summary>Folds the rule's state into a running state hash.</summary>
        public abstract uint HashState(uint hash);

        /// <summary>
        /// The rule's state as model format v2 stores it in a checkpoint: every field that
        /// changes while the network runs and shapes what it does next, listed once for
        /// measuring, writing and reading (see <see cref="FormatCursor"/>). Per-tick scratch that
        /// <see cref="Update"/> recomputes before using it is left out. The rules of the core
        /// override it next to their fields; <see cref="PlasticityFormat"/> stores their
        /// kind, bindings and parameters.
        /// </summary>
        internal virtual void TransferState(FormatCursor cursor)
        {
        }
    }
}
