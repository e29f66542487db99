namespace NanoSnn
{
    /// <summary>
    /// What boot found in a <see cref="CheckpointStore"/>: the network it loaded (from the
    /// newest valid slot, from the other slot, or from the flashed model), which slot and
    /// sequence, and the verdict on both slots so that the log says why a slot was passed over.
    /// </summary>
    public sealed class CheckpointLoad
    {
        internal CheckpointLoad(Network network, int slot, uint sequence, bool fallback, CheckpointSlotReport[] slots)
        {
            Network = network;
            Slot = slot;
            Sequence = sequence;
            Fallback = fallback;
            Slots = slots;
        }

        /// <summary>The loaded network: a checkpoint's, the flashed model's, or null when neither was available.</summary>
        public readonly Network Network;

        /// <summary>The slot the network came from (0 = A, 1 = B), or -1 when it did not come from a checkpoint.</summary>
        public readonly int Slot;

        /// <summary>The loaded checkpoint's sequence number (0 when <see cref="Slot"/> is -1).</summary>
        public readonly uint Sequence;

        /// <summary>True when the other slot has an intact header with a newer sequence number but was rejected (damaged payload or model), so an older checkpoint was loaded.</summary>
        public readonly bool Fallback;

        /// <summary>The verdict on each slot, indexed by slot.</summary>
        public readonly CheckpointSlotReport[] Slots;

        /// <summary>Whether <see cref="Network"/> came from a checkpoint.</summary>
        public bool FromCheckpoint { get { return Slot >= 0; } }

        /// <summary>Whether every slot is erased: nothing was ever checkpointed (the first boot).</summary>
        public bool StoreEmpty
        {
            get
            {
                for (int s = 0; s < Slots.Length; s++) if (Slots[s].State != CheckpointSlotState.Erased) return false;
                return true;
            }
        }

        /// <summary>
        /// One line for the boot log: which slot was loaded and why the other was not, or that
        /// the store is empty, or why no slot could be loaded.
        /// </summary>
        public string Describe()
        {
            string slots = "";
            for (int s = 0; s < Slots.Length; s++) slots += (s == 0 ? "" : "; ") + Slots[s].Describe();
            if (FromCheckpoint)
                return "loaded checkpoint from slot " + CheckpointStore.SlotName(Slot) + " (sequence " + Sequence + ")"
                    + (Fallback ? ", the older one: the newer slot was rejected" : "") + "; " + slots;
            string source = Network == null ? "" : "; started from the flashed model";
            if (StoreEmpty) return "no checkpoint: the store is empty (first boot)" + source;
            return "no valid checkpoint: " + slots + source;
        }
    }
}
