namespace NanoSnn
{
    /// <summary>
    /// A/B checkpoints of a network on an <see cref="IBlockStore"/>: region 0 is slot A,
    /// region 1 slot B, each a <see cref="CheckpointHeader"/> followed by a complete model
    /// file with its state (<see cref="ModelWriter"/>). A power cut at any moment loses at most
    /// the checkpoint being written, never the previous one:
    /// <list type="number">
    /// <item><see cref="Save"/> writes into the slot that does not hold the live checkpoint:
    /// it erases the header sector first (the slot is invalid from then on), then the payload
    /// sectors, writes the payload, flushes, and only then writes the header with the next
    /// sequence number and flushes again. It reads the slot back before it calls it live.</item>
    /// <item><see cref="TryLoadNewest"/> checks both slots (header CRC-32, fields, payload CRC-32C),
    /// loads the newest valid one with <see cref="ModelReader"/> and falls back to the other
    /// if that fails, reporting for each slot why it was or was not used.</item>
    /// </list>
    /// Saving writes through a buffer allocated here, sized for the model: a checkpoint
    /// allocates nothing. Loading allocates the network, so it belongs to boot.
    /// </summary>
    public sealed class CheckpointStore
    {
        private const int ScratchBytes = 256;

        private readonly IBlockStore _store;
        private readonly int _payloadOffset;
        private readonly byte[] _buffer;
        private readonly byte[] _scratch = new byte[ScratchBytes];
        private readonly byte[] _header = new byte[CheckpointHeader.Bytes];
        private readonly CheckpointSlotReport[] _reports = { new CheckpointSlotReport(0), new CheckpointSlotReport(1) };
        private readonly Crc32C _crc = new Crc32C();
        private bool _scanned;
        private int _live = -1;

        /// <summary>
        /// Creates the store over regions 0 and 1 of <paramref name="store"/>, with a save buffer
        /// of <paramref name="capacityBytes"/> (use <see cref="ModelWriter.MeasureBytes"/> of the
        /// network with its state). Reads nothing yet.
        /// </summary>
        /// <exception cref="System.ArgumentException">The store has fewer than 2 regions, an invalid geometry, or regions too small for the capacity.</exception>
        public CheckpointStore(IBlockStore store, int capacityBytes)
        {
            if (store == null) throw new System.ArgumentNullException("store");
            int sector = store.SectorBytes;
            int region = store.RegionBytes;
            if (store.RegionCount < 2 || sector < 1 || region < 1 || region % sector != 0)
                throw new System.ArgumentException("checkpoint store: the block store has " + store.RegionCount + " regions of " + region + " bytes with "
                    + sector + "-byte sectors; it needs 2 regions (slots A and B) that are whole numbers of sectors");
            // The header gets sectors of its own, so erasing and writing it never touches the payload.
            _payloadOffset = (CheckpointHeader.Bytes + sector - 1) / sector * sector;
            if (capacityBytes < 1 || capacityBytes > region - _payloadOffset)
                throw new System.ArgumentException("checkpoint store: a checkpoint of " + capacityBytes + " bytes does not fit a slot of " + region
                    + " bytes after its " + _payloadOffset + "-byte header sector(s); the slot holds at most " + (region - _payloadOffset) + " bytes");
            _store = store;
            _buffer = new byte[capacityBytes];
        }

        /// <summary>The block store underneath.</summary>
        public IBlockStore Store { get { return _store; } }

        /// <summary>Largest checkpoint <see cref="Save"/> can write (the size of its buffer).</summary>
        public int CapacityBytes { get { return _buffer.Length; } }

        /// <summary>Where payloads start in a slot: the first sector boundary after the header.</summary>
        public int PayloadOffset { get { return _payloadOffset; } }

        /// <summary>The slot holding the live checkpoint (the one the next save must not touch), or -1 if none is known.</summary>
        public int LiveSlot { get { return _live; } }

        /// <summary>The live checkpoint's sequence number (meaningful when <see cref="LiveSlot"/> ≥ 0).</summary>
        public uint LiveSequence { get { return _live < 0 ? 0 : _reports[_live].Sequence; } }

        /// <summary>The latest verdict on slot <paramref name="slot"/> (updated by scans, loads and saves).</summary>
        public CheckpointSlotReport Report(int slot)
        {
            return _reports[slot];
        }

        /// <summary>"A" for slot 0, "B" for slot 1.</summary>
        public static string SlotName(int slot)
        {
            return slot == 0 ? "A" : slot == 1 ? "B" : "#" + slot;
        }

        /// <summary>
        /// The file name a file-backed block store gives region <paramref name="region"/>
        /// ("checkpoint-a.bin", "checkpoint-b.bin"), so that the device's store and the host's
        /// reader (<c>nanosnn inspect DIRECTORY</c>) agree.
        /// </summary>
        public static string RegionFileName(int region)
        {
            return "checkpoint-" + (region == 0 ? "a" : region == 1 ? "b" : region.ToString()) + ".bin";
        }

        /// <summary>
        /// Checks both slots (headers, payload CRC-32Cs; the models are not parsed) and picks the
        /// newest intact one as live. Allocation-free. <see cref="Save"/> calls it if nothing
        /// was scanned or loaded before.
        /// </summary>
        public void Scan()
        {
            ScanSlot(0);
            ScanSlot(1);
            _live = Newest(-1);
            _scanned = true;
        }

        /// <summary>
        /// Boot: loads the newest slot that passes every check (header, payload CRC, the model
        /// reader's validation) and falls back to the other. The result says which slot was
        /// loaded and why the other was not; its network is null when no slot could be loaded.
        /// Never throws for bad contents; allocates (the network).
        /// </summary>
        public CheckpointLoad TryLoadNewest()
        {
            Scan();
            _live = -1;
            int slot = Newest(-1);
            while (slot >= 0)
            {
                Network network = LoadSlot(slot);
                if (network != null)
                {
                    _live = slot;
                    CheckpointSlotReport other = _reports[1 - slot];
                    bool fallback = other.HeaderValid && CheckpointHeader.IsNewer(other.Sequence, _reports[slot].Sequence);
                    return new CheckpointLoad(network, slot, _reports[slot].Sequence, fallback, CopyReports());
                }
                slot = Newest(slot);
            }
            return new CheckpointLoad(null, -1, 0, false, CopyReports());
        }

        /// <summary>
        /// Boot with a fallback: the newest valid checkpoint, or else the flashed model in
        /// <paramref name="count"/> bytes of <paramref name="model"/> from <paramref name="offset"/>
        /// (the first boot, or both slots damaged; the result's <see cref="CheckpointLoad.Describe"/> says which).
        /// </summary>
        /// <exception cref="ModelFormatException">No checkpoint could be loaded and the flashed model is invalid too.</exception>
        public CheckpointLoad LoadNewestOrModel(byte[] model, int offset, int count)
        {
            CheckpointLoad load = TryLoadNewest();
            if (load.Network != null) return load;
            return new CheckpointLoad(ModelReader.Load(model, offset, count), -1, 0, false, load.Slots);
        }

        /// <summary>
        /// Checkpoints <paramref name="network"/> (model and state) into the slot that does not
        /// hold the live checkpoint. Returns true when the new checkpoint was read back intact
        /// and became live; false when the read-back failed (the previous checkpoint stays live).
        /// Allocation-free. A power cut inside leaves the previous checkpoint loadable.
        /// </summary>
        /// <exception cref="System.ArgumentException">The checkpoint is larger than <see cref="CapacityBytes"/>.</exception>
        public bool Save(Network network)
        {
            if (network == null) throw new System.ArgumentNullException("network");
            int length = ModelWriter.MeasureBytes(network, true);
            if (length > _buffer.Length)
                throw new System.ArgumentException("checkpoint of " + length + " bytes exceeds the store's buffer of " + _buffer.Length
                    + " bytes; create the CheckpointStore with the network's ModelWriter.MeasureBytes(network, true)");
            ModelWriter.Write(network, true, _buffer, 0);
            return SaveBytes(_buffer, 0, length);
        }

        /// <summary>
        /// Writes <paramref name="count"/> bytes of <paramref name="payload"/> from
        /// <paramref name="offset"/> as the next checkpoint (what <see cref="Save"/> does with the
        /// model it wrote). The bytes are stored as given; loading checks them as a model.
        /// </summary>
        /// <exception cref="System.ArgumentException">The payload does not fit the slot.</exception>
        public bool SaveBytes(byte[] payload, int offset, int count)
        {
            if (payload == null) throw new System.ArgumentNullException("payload");
            if (offset < 0 || count < 1 || offset > payload.Length - count)
                throw new System.ArgumentException("offset " + offset + " and count " + count + " do not fit the payload array");
            if (count > _store.RegionBytes - _payloadOffset)
                throw new System.ArgumentException("checkpoint of " + count + " bytes does not fit a slot (" + (_store.RegionBytes - _payloadOffset) + " bytes after the header)");
            if (!_scanned) Scan();

            int slot = _live < 0 ? 0 : 1 - _live;
            uint sequence = NextSequence();
            int sector = _store.SectorBytes;
            int sectors = (_payloadOffset + count + sector - 1) / sector;

            // 1. Erase, header sector first: from the first erased byte on, the slot is invalid.
            //    (If the erase is lost, the old header no longer matches the new payload's CRC.)
            _reports[slot].Clear();
            for (int s = 0; s < sectors; s++) _store.Erase(slot, s);
            // 2. Payload, made durable before the header can be.
            _store.Write(slot, _payloadOffset, payload, offset, count);
            _store.Flush(slot);
            // 3. Header: the commit. Until its last byte is durable its CRC does not match.
            CheckpointHeader.Write(_header, 0, sequence, _payloadOffset, count, _crc.Compute(payload, offset, count));
            _store.Write(slot, 0, _header, 0, CheckpointHeader.Bytes);
            _store.Flush(slot);
            // 4. Read back: a medium that silently dropped the write must not become live.
            ScanSlot(slot);
            CheckpointSlotReport report = _reports[slot];
            if (report.State != CheckpointSlotState.Valid || report.Sequence != sequence) return false;
            _live = slot;
            return true;
        }

        // The sequence of the next checkpoint: newer than every intact header in either slot.
        private uint NextSequence()
        {
            bool any = false;
            uint newest = 0;
            for (int s = 0; s < 2; s++)
            {
                CheckpointSlotReport r = _reports[s];
                if (!r.HeaderValid) continue;
                if (!any || CheckpointHeader.IsNewer(r.Sequence, newest)) newest = r.Sequence;
                any = true;
            }
            return any ? newest + 1 : 1;
        }

        // The newest slot in state Valid other than `except`, or -1. Equal sequences favour A.
        private int Newest(int except)
        {
            int best = -1;
            for (int s = 0; s < 2; s++)
            {
                if (s == except || _reports[s].State != CheckpointSlotState.Valid) continue;
                if (best < 0 || CheckpointHeader.IsNewer(_reports[s].Sequence, _reports[best].Sequence)) best = s;
            }
            return best;
        }

        private CheckpointSlotReport[] CopyReports()
        {
            CheckpointSlotReport[] copies = new CheckpointSlotReport[2];
            copies[0] = _reports[0].Copy();
            copies[1] = _reports[1].Copy();
            return copies;
        }

        // Reads and loads a slot that scanned Valid; on failure records why and returns null.
        private Network LoadSlot(int slot)
        {
            CheckpointSlotReport r = _reports[slot];
            int length = r.PayloadLength;
            // The length was checked against the slot size, so a forged header cannot ask for more.
            byte[] data = length <= _buffer.Length ? _buffer : new byte[length];
            try
            {
                _store.Read(slot, r.PayloadOffset, data, 0, length);
            }
            catch (System.Exception e)
            {
                r.State = CheckpointSlotState.ReadFailed;
                r.Error = e;
                return null;
            }
            uint crc = _crc.Compute(data, 0, length);
            if (crc != r.StoredCrc)
            {
                // The medium returned different bytes than during the scan.
                r.State = CheckpointSlotState.BadPayloadChecksum;
                r.ComputedCrc = crc;
                return null;
            }
            try
            {
                return ModelReader.Load(data, 0, length);
            }
            catch (ModelFormatException e)
            {
                r.State = CheckpointSlotState.ModelRejected;
                r.Error = e;
                return null;
            }
        }

        // Header checks, then the payload CRC streamed through the scratch buffer: no allocation.
        private void ScanSlot(int slot)
        {
            CheckpointSlotReport r = _reports[slot];
            r.Clear();
            try
            {
                ScanSlotUnguarded(slot, r);
            }
            catch (System.Exception e)
            {
                r.State = CheckpointSlotState.ReadFailed;
                r.Error = e;
            }
        }

        private void ScanSlotUnguarded(int slot, CheckpointSlotReport r)
        {
            byte[] h = _scratch;
            _store.Read(slot, 0, h, 0, CheckpointHeader.Bytes);
            bool erased = true;
            for (int i = 0; i < CheckpointHeader.Bytes; i++) if (h[i] != 0xFF) erased = false;
            if (erased)
            {
                r.State = CheckpointSlotState.Erased;
                return;
            }
            if (!CheckpointHeader.HasMagic(h, 0, CheckpointHeader.Bytes))
            {
                r.State = CheckpointSlotState.BadMagic;
                return;
            }
            uint storedHeaderCrc = (uint)LittleEndian.ReadInt32(h, CheckpointHeader.HeaderCrcAt);
            uint headerCrc = Crc32.Compute(h, 0, CheckpointHeader.HeaderCrcAt);
            if (storedHeaderCrc != headerCrc)
            {
                r.State = CheckpointSlotState.BadHeaderChecksum;
                r.StoredCrc = storedHeaderCrc;
                r.ComputedCrc = headerCrc;
                return;
            }
            if (LittleEndian.ReadUInt16(h, CheckpointHeader.VersionAt) != CheckpointHeader.Version
                || LittleEndian.ReadUInt16(h, CheckpointHeader.SizeAt) != CheckpointHeader.Bytes
                || LittleEndian.ReadInt32(h, CheckpointHeader.ReservedAt) != 0)
            {
                r.State = CheckpointSlotState.UnsupportedLayout;
                return;
            }
            r.Sequence = (uint)LittleEndian.ReadInt32(h, CheckpointHeader.SequenceAt);
            int payloadOffset = LittleEndian.ReadInt32(h, CheckpointHeader.PayloadOffsetAt);
            int length = LittleEndian.ReadInt32(h, CheckpointHeader.PayloadLengthAt);
            r.PayloadOffset = payloadOffset;
            r.PayloadLength = length;
            r.StoredCrc = (uint)LittleEndian.ReadInt32(h, CheckpointHeader.PayloadCrcAt);
            int region = _store.RegionBytes;
            if (payloadOffset < CheckpointHeader.Bytes || payloadOffset > region || length < 1 || length > region - payloadOffset)
            {
                r.State = CheckpointSlotState.BadPayloadRange;
                return;
            }
            uint crc = Crc32C.Start;
            for (int done = 0; done < length;)
            {
                int n = length - done < ScratchBytes ? length - done : ScratchBytes;
                _store.Read(slot, payloadOffset + done, h, 0, n);
                crc = _crc.Append(crc, h, 0, n);
                done += n;
            }
            crc = Crc32C.Finish(crc);
            r.ComputedCrc = crc;
            r.State = crc == r.StoredCrc ? CheckpointSlotState.Valid : CheckpointSlotState.BadPayloadChecksum;
        }
    }
}
