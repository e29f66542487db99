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
    /// <see cref="CheckpointHandoff"/> splits a save in two for a device: the tick thread
    /// serializes into this store's buffer, a background thread writes it.
    /// </summary>
    public sealed class CheckpointStore
    {
        /// <summary>Chunk in which the store streams a slot's payload through its CRC (its scratch buffer).</summary>
        public const int ScratchBytes = 256;

        /// <summary>
        /// RAM the store allocates besides its save buffer (<see cref="CapacityBytes"/>): the
        /// CRC-32C table (1,024 bytes), the scratch buffer (<see cref="ScratchBytes"/>) and the
        /// header buffer (<see cref="CheckpointHeader.Bytes"/>), not counting object headers.
        /// <c>nanosnn fit</c> adds it to a device's budget.
        /// </summary>
        public const int OverheadBytes = Crc32C.TableBytes + ScratchBytes + CheckpointHeader.Bytes;

        private readonly IBlockStore _store;
        private readonly int _payloadOffset;
        private byte[] _buffer;
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
            _payloadOffset = PayloadOffsetFor(sector);
            CheckCapacity(capacityBytes, region);
            _store = store;
            _buffer = new byte[capacityBytes];
        }

        /// <summary>
        /// Where payloads start in a slot on a store with <paramref name="sectorBytes"/>-byte
        /// sectors: the first sector boundary after the header, so that erasing and writing the
        /// header never touches the payload.
        /// </summary>
        public static int PayloadOffsetFor(int sectorBytes)
        {
            if (sectorBytes < 1) throw new System.ArgumentException("sector size " + sectorBytes + " must be positive");
            return (CheckpointHeader.Bytes + sectorBytes - 1) / sectorBytes * sectorBytes;
        }

        /// <summary>
        /// The smallest slot (region) that holds a checkpoint of <paramref name="checkpointBytes"/>
        /// on a store with <paramref name="sectorBytes"/>-byte sectors: the header sector(s) plus
        /// the payload rounded up to whole sectors. A device sizes its slot files with it
        /// (<c>ModelWriter.MeasureBytes(network, true)</c> gives the checkpoint size).
        /// </summary>
        /// <exception cref="System.ArgumentException">A size is not positive, or the slot would exceed 2 GB.</exception>
        public static int SlotBytesFor(int checkpointBytes, int sectorBytes)
        {
            int offset = PayloadOffsetFor(sectorBytes);
            if (checkpointBytes < 1 || checkpointBytes > int.MaxValue - offset - sectorBytes)
                throw new System.ArgumentException("a checkpoint of " + checkpointBytes + " bytes: the size must be positive and below 2 GB");
            return offset + (checkpointBytes + sectorBytes - 1) / sectorBytes * sectorBytes;
        }

        /// <summary>
        /// Sizes the save buffer to <paramref name="capacityBytes"/> (use
        /// <see cref="ModelWriter.MeasureBytes"/> of the network with its state). For a device
        /// that must load before it knows what it will checkpoint: create the store with
        /// capacity 1 (<see cref="TryLoadNewest"/> then reads a slot into an array of its
        /// payload's size), load, settle the network, then set the capacity. What the load found
        /// (the live slot, the verdicts) is kept, so the next save still spares the slot that was
        /// loaded. Allocates unless the size is unchanged: boot only, never while a save runs.
        /// </summary>
        /// <exception cref="System.ArgumentException">The capacity is not positive or does not fit a slot after its header sector(s).</exception>
        public void SetCapacity(int capacityBytes)
        {
            CheckCapacity(capacityBytes, _store.RegionBytes);
            if (capacityBytes != _buffer.Length) _buffer = new byte[capacityBytes];
        }

        private void CheckCapacity(int capacityBytes, int region)
        {
            if (capacityBytes < 1 || capacityBytes > region - _payloadOffset)
                throw new System.ArgumentException("checkpoint store: a checkpoint of " + capacityBytes + " bytes does not fit a slot of " + region
                    + " bytes after its " + _payloadOffset + "-byte header sector(s); the slot holds at most " + (region - _payloadOffset) + " bytes");
        }

        /// <summary>The block store underneath.</summary>
        public IBlockStore Store { get { return _store; } }

        /// <summary>Largest checkpoint <see cref="Save"/> can write (the size of its buffer).</summary>
        public int CapacityBytes { get { return _buffer.Length; } }

        /// <summary>Where payloads start in a slot: the first sector boundary after the header.</summary>
        public int PayloadOffset { get { return _payloadOffset; } }

        /// <summary>The slot holding the live checkpoint (the one the next save must not touch), or -1 if none is known.</summary>
        public int LiveSlot { get { return _live; } }

        /// <summary>
        /// The slot the next save writes: the one that does not hold the live checkpoint (A when
        /// none is known). A save scans first if nothing was scanned or loaded, which may change it.
        /// </summary>
        public int NextSlot { get { return _live < 0 ? 0 : 1 - _live; } }

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
            return SaveSnapshot(WriteSnapshot(network));
        }

        /// <summary>
        /// The first half of <see cref="Save"/>: serializes <paramref name="network"/> (model and
        /// state) into the save buffer and returns its length. Allocation-free.
        /// </summary>
        internal int WriteSnapshot(Network network)
        {
            if (network == null) throw new System.ArgumentNullException("network");
            int length = ModelWriter.MeasureBytes(network, true);
            if (length > _buffer.Length)
                throw new System.ArgumentException("checkpoint of " + length + " bytes exceeds the store's buffer of " + _buffer.Length
                    + " bytes; create the CheckpointStore with (or SetCapacity to) the network's ModelWriter.MeasureBytes(network, true)");
            return ModelWriter.Write(network, true, _buffer, 0);
        }

        /// <summary>The second half of <see cref="Save"/>: writes the first <paramref name="length"/> bytes of the save buffer as the next checkpoint.</summary>
        internal bool SaveSnapshot(int length)
        {
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

            int slot = NextSlot;
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
