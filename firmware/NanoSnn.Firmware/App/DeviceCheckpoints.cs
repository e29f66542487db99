namespace NanoSnn.Firmware.App
{
    /// <summary>
    /// The firmware's boot and checkpoint sequence, free of files, pins and threads so that the
    /// host tests run exactly this code over a <see cref="MemoryBlockStore"/> (FirmwareApp runs it
    /// over the flash files):
    /// <list type="number">
    /// <item><see cref="Load"/>: the newest valid checkpoint of the A/B store
    /// (<see cref="CheckpointStore.TryLoadNewest"/>), with the verdict on both slots;</item>
    /// <item>if none loads, <see cref="UseModel"/> (the deployed model file) or else
    /// <see cref="UseBuiltIn"/> (the reference network);</item>
    /// <item><see cref="Prepare"/>: the firmware's learning rules (<see cref="DeviceModel.AttachRules"/>,
    /// which keeps the rules a checkpoint brings), the checkpoint size, the slot size and the check
    /// against the board's flash budget, the store's save buffer, and the
    /// <see cref="CheckpointHandoff"/> that the tick thread and the writer thread share.</item>
    /// </list>
    /// </summary>
    /// <remarks>
    /// One <see cref="CheckpointStore"/> serves the load and every later save. It is created with
    /// capacity 1 because the checkpoint size is known only once the network is, and
    /// <see cref="Prepare"/> sizes its buffer: one buffer of the checkpoint's size stays allocated,
    /// and the store remembers which slot it loaded, so the first save goes to the other slot
    /// even when the other slot holds a newer checkpoint that could not be loaded.
    /// </remarks>
    public sealed class DeviceCheckpoints
    {
        private DeviceCheckpoints(IBlockStore medium)
        {
            Medium = medium;
            Store = new CheckpointStore(medium, 1);
            Source = "";
            Notes = "";
        }

        /// <summary>The block store the slots live on.</summary>
        public readonly IBlockStore Medium;

        /// <summary>The A/B checkpoint store (loaded from, then saved to).</summary>
        public readonly CheckpointStore Store;

        /// <summary>What the store held at boot: which slot loaded, or why none did (<see cref="CheckpointLoad.Describe"/>).</summary>
        public CheckpointLoad Boot { get; private set; }

        /// <summary>The network the device runs (null until one is chosen).</summary>
        public Network Network { get; private set; }

        /// <summary>Where <see cref="Network"/> came from, for the boot log.</summary>
        public string Source { get; private set; }

        /// <summary>Why a deployed model was passed over ("" when none was), for the boot log.</summary>
        public string Notes { get; private set; }

        /// <summary>Learning rules <see cref="Prepare"/> attached (0 when the network brought its own).</summary>
        public int RulesAttached { get; private set; }

        /// <summary>Bytes of one checkpoint of <see cref="Network"/> (model file with state).</summary>
        public int CheckpointBytes { get; private set; }

        /// <summary>Bytes of each of the two slots that hold it (<see cref="CheckpointStore.SlotBytesFor"/>).</summary>
        public int SlotBytes { get; private set; }

        /// <summary>The hand-off between the tick thread and the writer thread; null when checkpoints are disabled.</summary>
        public CheckpointHandoff Handoff { get; private set; }

        /// <summary>Why checkpoints are disabled ("" when they are not).</summary>
        public string Disabled { get; private set; }

        /// <summary>Boot, step 1: loads the newest valid checkpoint from <paramref name="medium"/>, if any.</summary>
        public static DeviceCheckpoints Load(IBlockStore medium)
        {
            if (medium == null) throw new System.ArgumentNullException("medium");
            DeviceCheckpoints device = new DeviceCheckpoints(medium);
            device.Disabled = "";
            device.Boot = device.Store.TryLoadNewest();
            if (device.Boot.Network != null)
            {
                device.Network = device.Boot.Network;
                device.Source = "checkpoint in slot " + CheckpointStore.SlotName(device.Boot.Slot) + ", sequence " + device.Boot.Sequence;
            }
            return device;
        }

        /// <summary>Whether no checkpoint loaded, so a model must be chosen (<see cref="UseModel"/>, <see cref="UseBuiltIn"/>).</summary>
        public bool NeedsModel { get { return Network == null; } }

        /// <summary>
        /// Boot, step 2a: runs the deployed model in <paramref name="count"/> bytes of
        /// <paramref name="model"/>, named <paramref name="name"/> in the log. An invalid model is
        /// passed over with its reason in <see cref="Notes"/>; returns whether it was taken.
        /// </summary>
        public bool UseModel(byte[] model, int count, string name)
        {
            if (Network != null) return false;
            try
            {
                Network = ModelReader.Load(model, 0, count);
                Source = name;
                return true;
            }
            catch (ModelFormatException e)
            {
                Notes += name + ": " + e.Message + "; ";
                return false;
            }
        }

        /// <summary>Boot, step 2b: the built-in reference network with weights from <paramref name="seed"/>.</summary>
        public void UseBuiltIn(uint seed)
        {
            if (Network != null) return;
            Network = SensorNetwork.Build(seed);
            Source = "built-in SensorNetwork, seed " + seed;
        }

        /// <summary>
        /// Boot, step 3: attaches the firmware's learning rules, sizes the checkpoint and its slots,
        /// and enables checkpoints when two slots fit <paramref name="flashBudgetBytes"/> (the
        /// board's <c>checkpoint_flash_bytes</c>, named <paramref name="boardName"/> in the message)
        /// and the block store's regions; otherwise <see cref="Disabled"/> says why. Allocates the
        /// save buffer (the checkpoint's size).
        /// </summary>
        public void Prepare(int flashBudgetBytes, string boardName)
        {
            if (Network == null) throw new System.InvalidOperationException("no network: call UseModel or UseBuiltIn when no checkpoint loaded");
            RulesAttached = DeviceModel.AttachRules(Network);
            CheckpointBytes = ModelWriter.MeasureBytes(Network, true);
            SlotBytes = CheckpointStore.SlotBytesFor(CheckpointBytes, Medium.SectorBytes);
            Handoff = null;
            if (2L * SlotBytes > flashBudgetBytes || SlotBytes > Medium.RegionBytes)
            {
                Disabled = "a checkpoint of " + CheckpointBytes + " bytes needs 2 slots of " + SlotBytes + " bytes (" + (2L * SlotBytes)
                    + " bytes) on the flash, more than the " + flashBudgetBytes + " bytes " + boardName
                    + " sets aside for checkpoints (checkpoint_flash_bytes); use a smaller model or raise the budget if the file system has room";
                return;
            }
            Store.SetCapacity(CheckpointBytes);
            Handoff = new CheckpointHandoff(Store);
            Disabled = "";
        }
    }
}
