namespace NanoSnn
{
    /// <summary>What a checkpoint slot was found to hold.</summary>
    public enum CheckpointSlotState
    {
        /// <summary>Not examined yet.</summary>
        Unknown = 0,
        /// <summary>Header and payload intact (and, after a load, the model accepted).</summary>
        Valid = 1,
        /// <summary>The header bytes are all 0xFF: never written, or invalidated by a checkpoint write that did not complete.</summary>
        Erased = 2,
        /// <summary>The header does not start with "NSCK".</summary>
        BadMagic = 3,
        /// <summary>The header's CRC-32 does not match: a torn or damaged header.</summary>
        BadHeaderChecksum = 4,
        /// <summary>Layout version, header size or reserved word is not one this build writes.</summary>
        UnsupportedLayout = 5,
        /// <summary>Payload offset or length points outside the slot.</summary>
        BadPayloadRange = 6,
        /// <summary>The payload's CRC-32C does not match the header: a torn, damaged or stale payload.</summary>
        BadPayloadChecksum = 7,
        /// <summary>The payload is intact but the model reader rejected it (see <see cref="CheckpointSlotReport.Error"/>).</summary>
        ModelRejected = 8,
        /// <summary>The block store failed while reading the slot (see <see cref="CheckpointSlotReport.Error"/>).</summary>
        ReadFailed = 9,
    }

    /// <summary>
    /// The verdict on one checkpoint slot: its state, the header's sequence number and
    /// payload, and for a rejection the evidence (stored and computed CRC, the model reader's
    /// error). Filled in without allocating; <see cref="Describe"/> builds the message.
    /// </summary>
    public sealed class CheckpointSlotReport
    {
        /// <summary>Creates the report of slot <paramref name="slot"/> (0 = A, 1 = B).</summary>
        public CheckpointSlotReport(int slot)
        {
            Slot = slot;
        }

        /// <summary>The slot: 0 = A, 1 = B.</summary>
        public int Slot { get; private set; }

        /// <summary>What the slot holds.</summary>
        public CheckpointSlotState State { get; internal set; }

        /// <summary>Sequence number from the header (meaningful once the header CRC matched).</summary>
        public uint Sequence { get; internal set; }

        /// <summary>Payload offset from the header.</summary>
        public int PayloadOffset { get; internal set; }

        /// <summary>Payload length from the header.</summary>
        public int PayloadLength { get; internal set; }

        /// <summary>For a checksum rejection: the CRC-32 the header stores (of the header or of the payload).</summary>
        public uint StoredCrc { get; internal set; }

        /// <summary>For a checksum rejection: the CRC-32 computed from the slot's bytes.</summary>
        public uint ComputedCrc { get; internal set; }

        /// <summary>For <see cref="CheckpointSlotState.ModelRejected"/> the <see cref="ModelFormatException"/>, for <see cref="CheckpointSlotState.ReadFailed"/> the store's exception; else null.</summary>
        public System.Exception Error { get; internal set; }

        /// <summary>Whether the header was intact (its CRC matched and its fields were in range).</summary>
        public bool HeaderValid
        {
            get
            {
                return State == CheckpointSlotState.Valid || State == CheckpointSlotState.BadPayloadChecksum
                    || State == CheckpointSlotState.ModelRejected;
            }
        }

        internal void Clear()
        {
            State = CheckpointSlotState.Unknown;
            Sequence = 0;
            PayloadOffset = 0;
            PayloadLength = 0;
            StoredCrc = 0;
            ComputedCrc = 0;
            Error = null;
        }

        /// <summary>A copy that later scans of the store do not change.</summary>
        public CheckpointSlotReport Copy()
        {
            CheckpointSlotReport r = new CheckpointSlotReport(Slot);
            r.State = State;
            r.Sequence = Sequence;
            r.PayloadOffset = PayloadOffset;
            r.PayloadLength = PayloadLength;
            r.StoredCrc = StoredCrc;
            r.ComputedCrc = ComputedCrc;
            r.Error = Error;
            return r;
        }

        /// <summary>The state's name (enum ToString gives a number on nanoFramework).</summary>
        public static string StateName(CheckpointSlotState state)
        {
            switch (state)
            {
                case CheckpointSlotState.Unknown: return "Unknown";
                case CheckpointSlotState.Valid: return "Valid";
                case CheckpointSlotState.Erased: return "Erased";
                case CheckpointSlotState.BadMagic: return "BadMagic";
                case CheckpointSlotState.BadHeaderChecksum: return "BadHeaderChecksum";
                case CheckpointSlotState.UnsupportedLayout: return "UnsupportedLayout";
                case CheckpointSlotState.BadPayloadRange: return "BadPayloadRange";
                case CheckpointSlotState.BadPayloadChecksum: return "BadPayloadChecksum";
                case CheckpointSlotState.ModelRejected: return "ModelRejected";
                case CheckpointSlotState.ReadFailed: return "ReadFailed";
                default: return "State" + (int)state;
            }
        }

        /// <summary>One line: the slot, its state and why it was rejected (what was wrong, where, what was expected).</summary>
        public string Describe()
        {
            string slot = "slot " + CheckpointStore.SlotName(Slot) + ": ";
            switch (State)
            {
                case CheckpointSlotState.Valid:
                    return slot + "valid, sequence " + Sequence + ", " + PayloadLength + " bytes";
                case CheckpointSlotState.Erased:
                    return slot + "erased (never written, or a checkpoint write there did not complete)";
                case CheckpointSlotState.BadMagic:
                    return slot + "rejected (BadMagic): header at byte 0 does not start with 'NSCK'";
                case CheckpointSlotState.BadHeaderChecksum:
                    return slot + "rejected (BadHeaderChecksum): header CRC-32 at byte " + CheckpointHeader.HeaderCrcAt + " stores 0x"
                        + StoredCrc.ToString("X8") + ", computed 0x" + ComputedCrc.ToString("X8") + " (a torn or damaged header)";
                case CheckpointSlotState.UnsupportedLayout:
                    return slot + "rejected (UnsupportedLayout): layout version, header size or reserved word is not version "
                        + CheckpointHeader.Version + ", " + CheckpointHeader.Bytes + " bytes, 0";
                case CheckpointSlotState.BadPayloadRange:
                    return slot + "rejected (BadPayloadRange): payload of " + PayloadLength + " bytes at offset " + PayloadOffset
                        + " does not fit the slot after its " + CheckpointHeader.Bytes + "-byte header";
                case CheckpointSlotState.BadPayloadChecksum:
                    return slot + "rejected (BadPayloadChecksum): sequence " + Sequence + ", payload of " + PayloadLength + " bytes at offset "
                        + PayloadOffset + " has CRC-32C 0x" + ComputedCrc.ToString("X8") + ", header stores 0x" + StoredCrc.ToString("X8")
                        + " (a torn, damaged or stale payload)";
                case CheckpointSlotState.ModelRejected:
                    return slot + "rejected (ModelRejected): sequence " + Sequence + ", payload intact but "
                        + (Error == null ? "the model was rejected" : Error.Message);
                case CheckpointSlotState.ReadFailed:
                    return slot + "rejected (ReadFailed): " + (Error == null ? "the store failed" : Error.Message);
                default:
                    return slot + "not examined";
            }
        }
    }
}
